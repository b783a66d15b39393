"""The shared filter bar in the sidebar: wilayah (provinsi → kab/kota → kecamatan → kelurahan), years,
programmes and language, bound both ways to readable URL parameters."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from pantau import db, demo, katalog
from pantau.i18n import t
from pantau.pilihan import PARAM_WILAYAH, Pilihan, dari_url, tingkat_kode, ubah

_KUNCI = {"provinsi": "f_prov", "kabkota": "f_kab", "kecamatan": "f_kec", "kelurahan": "f_kel"}


def wilayah_dataset() -> pd.DataFrame:
    return db.query("wilayah_dataset")


def rentang_tahun() -> tuple[int, int]:
    r = db.query("rentang_tahun")
    if r.empty or pd.isna(r.tahun_min.iloc[0]):
        return 2003, 2024
    return int(r.tahun_min.iloc[0]), int(r.tahun_maks.iloc[0])


def program_dataset() -> list[str]:
    return db.query("program_dataset").program.tolist()


def nama_wilayah(kode: str, lang: str = "id") -> str:
    """Display name of a region code ('' = the whole dataset)."""
    if not kode:
        return t("umum.filter.semua_wilayah", lang)
    w = wilayah_dataset()
    baris = w[w.kode == kode]
    return baris.nama.iloc[0] if len(baris) else kode


_DIKELOLA = {*PARAM_WILAYAH, "tahun", "program", "lang"}


def _tulis_url(p: Pilihan) -> None:
    """Write the filter to the URL, keeping the parameters a page owns (e.g. `periode`, `target`)."""
    lain = {k: v for k, v in st.query_params.to_dict().items() if k not in _DIKELOLA}
    st.query_params.from_dict({**lain, **p.ke_url()})


def _pilihan_sekarang() -> Pilihan:
    return dari_url(st.query_params.to_dict(), wilayah_dataset(), rentang_tahun(), program_dataset())


def _ganti_wilayah(tingkat: str) -> None:
    kode = st.session_state[_KUNCI[tingkat]]
    induk = {"provinsi": "", "kabkota": "f_prov", "kecamatan": "f_kab", "kelurahan": "f_kec"}[tingkat]
    if not kode and induk:
        kode = st.session_state.get(induk, "")
    _tulis_url(ubah(_pilihan_sekarang(), wilayah=kode))


def _ganti_lain() -> None:
    a, b = st.session_state["f_tahun"]
    lang = "en" if st.session_state.get("f_lang") == "EN" else "id"
    _tulis_url(ubah(_pilihan_sekarang(), tahun_awal=int(a), tahun_akhir=int(b),
                    program=tuple(st.session_state["f_program"]), lang=lang))


def _isi_state(p: Pilihan) -> None:
    """Make the widgets show what the URL says (the URL is the single source of truth)."""
    for tingkat, kunci in _KUNCI.items():
        panjang = {"provinsi": 2, "kabkota": 5, "kecamatan": 8, "kelurahan": 13}[tingkat]
        st.session_state[kunci] = p.wilayah[:panjang] if len(p.wilayah) >= panjang else ""
    st.session_state["f_tahun"] = (p.tahun_awal, p.tahun_akhir)
    st.session_state["f_program"] = list(p.program)
    st.session_state["f_lang"] = p.lang.upper()
    st.session_state["lang"] = p.lang


def _kotak_wilayah(w: pd.DataFrame, tingkat: str, induk: str, lang: str) -> None:
    pilihan = w[(w.tingkat == tingkat) & (w.kode_induk == induk)] if induk else w[w.tingkat == tingkat]
    kode = [""] + pilihan.kode.tolist()
    nama = dict(zip(pilihan.kode, pilihan.nama))
    semua = t(f"umum.filter.semua_{tingkat}", lang)
    st.selectbox(t(f"umum.filter.{tingkat}", lang), kode, key=_KUNCI[tingkat], on_change=_ganti_wilayah,
                 args=(tingkat,), format_func=lambda k: nama.get(k, semua) if k else semua)


def bar() -> Pilihan:
    """Render the filter bar and return the validated choice (with notices for bad URL parameters)."""
    demo.ensure_active()
    p = _pilihan_sekarang()
    _isi_state(p)
    w, (t0, t1), programs = wilayah_dataset(), rentang_tahun(), program_dataset()
    with st.sidebar:
        st.segmented_control(t("umum.filter.bahasa", p.lang), ["ID", "EN"], key="f_lang", on_change=_ganti_lain)
        st.markdown(f"**{t('umum.filter.judul', p.lang)}**")
        _kotak_wilayah(w, "provinsi", "", p.lang)
        for tingkat, induk in (("kabkota", "f_prov"), ("kecamatan", "f_kab"), ("kelurahan", "f_kec")):
            kode_induk = st.session_state.get(induk, "")
            if kode_induk:
                _kotak_wilayah(w, tingkat, kode_induk, p.lang)
        st.slider(t("umum.filter.tahun", p.lang), t0, max(t1, t0 + 1), key="f_tahun", on_change=_ganti_lain)
        st.multiselect(t("umum.filter.program", p.lang), programs, key="f_program", on_change=_ganti_lain,
                       format_func=lambda k: katalog.label("program", k, p.lang),
                       placeholder=t("umum.filter.semua_program", p.lang))
    return p


def drill(kode: str) -> None:
    """Move the filter to `kode` (a click on a chart or map) and rerun with the new URL."""
    p = _pilihan_sekarang()
    if kode in set(wilayah_dataset().kode):
        _tulis_url(ubah(p, wilayah=kode))
        st.rerun()


def tingkat_bawah(p: Pilihan) -> str:
    """The level one below the current filter (what charts and maps break down by)."""
    if not p.wilayah:
        return "kabkota"
    return {"provinsi": "kabkota", "kabkota": "kecamatan"}.get(tingkat_kode(p.wilayah), "kelurahan")


__all__ = ["bar", "drill", "tingkat_bawah", "nama_wilayah", "PARAM_WILAYAH"]
