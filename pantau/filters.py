"""The shared filter bar in the sidebar: wilayah (provinsi → kab/kota → kecamatan → kelurahan), years,
programmes and language, bound both ways to readable URL parameters; below it a search box that jumps to any
region of the dataset; and drill-down, the one way a click on a chart, map or table moves the filter.

Drill-down, the conventions every page follows:
- A drillable chart carries the region code in `customdata[0]` and is shown with
  `key=filters.kunci_grafik("<name>", pilihan)`, then `filters.drill(charts.kode_terpilih(event))`.
- `kunci_grafik` puts the wilayah shown and the session's drill count into the widget key. A Plotly chart keeps
  its selection in its widget state; with this key a selection belongs to one view only: after any drill or
  jump, the same chart (even for the same wilayah, reached again through the sidebar) is a new widget without
  the old selection, so going back up can never jump straight down again.
- `drill` ignores the wilayah already shown and its parents (a kept selection never moves the filter), moves
  the filter one level down, and for a kelurahan opens the Profil Kelurahan page (keeping years, programmes and
  language); where that page is not part of the app (a page run on its own) it moves the filter instead.
- Tables link a kelurahan to its profile with `url_profil(kode, pilihan)` (a relative link, `profil?kel=…`).
"""
from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from pantau import cari, dataset, db, demo, katalog
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


@st.cache_resource(show_spinner=False, max_entries=4)
def _kode_dataset(versi: str | None) -> frozenset[str]:
    """The dataset's region codes (read on every run to check the URL)."""
    return frozenset(wilayah_dataset().kode.tolist())   # tolist: iterating Arrow strings one by one is 7× slower


def _pilihan_sekarang() -> Pilihan:
    return dari_url(st.query_params.to_dict(), _kode_dataset(dataset.active_id()), rentang_tahun(),
                    program_dataset())


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


def bar(profil: bool = False) -> Pilihan:
    """Render the filter bar and the search box and return the validated choice (with notices for bad URL
    parameters). `profil=True` on the Profil Kelurahan page itself (a jump to a kelurahan stays there)."""
    demo.ensure_active()
    _lompatan_tertunda(profil)
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
        kotak_cari(p.lang)
    return p


# ---------------------------------------------------------------- drill-down and the kelurahan profile
HALAMAN_PROFIL = "pages/profil.py"
URL_PROFIL = "profil"            # the profile's url_path in app.py
_DRILL_KE = "_pantau_drill_ke"   # how many drills/jumps this session made (part of drillable chart keys)
_KE_PROFIL = "_pantau_ke_profil"  # a kelurahan the search box asked to open (its callback cannot switch pages)


def kunci_grafik(nama: str, p: Pilihan) -> str:
    """The widget key of a drillable chart or map: its name, the wilayah shown and the session's drill count."""
    return f"{nama}@{p.wilayah or 'semua'}#{st.session_state.get(_DRILL_KE, 0)}"


def _hitung_drill() -> None:
    st.session_state[_DRILL_KE] = st.session_state.get(_DRILL_KE, 0) + 1


def bisa_drill(kode: str | None, sekarang: str) -> bool:
    """Whether a click on `kode` moves the filter from `sekarang`: a known region that is not the wilayah
    already shown nor one of its parents (a selection kept by a chart must never move the filter)."""
    if not kode or kode == sekarang or sekarang.startswith(kode + "."):
        return False
    return kode in set(wilayah_dataset().kode)


def url_profil(kode: str, p: Pilihan | None = None) -> str:
    """Relative link to the profile of kelurahan `kode`, keeping the years, programmes and language of `p`."""
    return _url_profil_semua([kode], p)[0] if p is not None else f"{URL_PROFIL}?kel={kode}"


def _url_profil_semua(kode: list, p: Pilihan) -> list[str | None]:
    """`url_profil` of many kelurahan codes (None for a missing one): the parameters besides `kel` are the
    same for every row, so they are written once."""
    contoh = next((k for k in kode if isinstance(k, str)), None)
    if contoh is None:
        return [None] * len(kode)
    url = ubah(p, wilayah=contoh).ke_url()
    sisa = "".join(f"&{k}={v}" for k, v in url.items() if k != "kel")
    return [f"{URL_PROFIL}?kel={k}{sisa}" if isinstance(k, str) else None for k in kode]


_POLA_KELURAHAN = r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$"


def kolom_profil(df: pd.DataFrame, p: Pilihan) -> tuple[pd.DataFrame, dict]:
    """For a table shown with `st.dataframe`: when a column holds kelurahan codes, a link column to each row's
    profile after it, and its `column_config` (a table without kelurahan rows comes back unchanged)."""
    for kolom in df.columns:
        nilai = df[kolom].dropna()
        if len(nilai) and nilai.map(type).eq(str).all() and nilai.str.fullmatch(_POLA_KELURAHAN).all():
            nama = t("profil.daftar.profil", p.lang)
            tautan = _url_profil_semua(df[kolom].tolist(), p)
            hasil = df.copy()
            hasil.insert(list(df.columns).index(kolom) + 1, nama, tautan)
            return hasil, {nama: st.column_config.LinkColumn(nama, display_text=t("profil.daftar.buka", p.lang))}
    return df, {}


def buka_profil(kode: str, p: Pilihan) -> None:
    """Open the Profil Kelurahan page for `kode` (keeping the filters); returns only when that page is not
    part of the app (a page run on its own), so the caller can fall back to the filter."""
    try:
        st.switch_page(HALAMAN_PROFIL, query_params=ubah(p, wilayah=kode).ke_url())
    except StreamlitAPIException:
        return


def tautan_profil(kode: str, p: Pilihan) -> None:
    """A link to the profile of kelurahan `kode` (keeping the filters), where that page is part of the app."""
    try:
        st.page_link(HALAMAN_PROFIL, label=t("profil.tautan", p.lang, nama=nama_wilayah(kode, p.lang)), icon="📍",
                     query_params=ubah(p, wilayah=kode).ke_url())
    except StreamlitAPIException:
        return    # a page run on its own: the filter already shows this kelurahan


def drill(kode: str | None) -> None:
    """Follow a click on `kode` (chart, map or table row): a kelurahan opens its profile, another region becomes
    the filter; the page reruns. Nothing happens for the wilayah already shown or its parents."""
    if not kode:
        return
    p = _pilihan_sekarang()
    if not bisa_drill(kode, p.wilayah):
        return
    _hitung_drill()
    if tingkat_kode(kode) == "kelurahan":
        buka_profil(kode, p)
    _tulis_url(ubah(p, wilayah=kode))
    st.rerun()


# ---------------------------------------------------------------- search box
@st.cache_data(show_spinner=False, max_entries=4)
def _indeks_cari(versi: str | None) -> pd.DataFrame:
    return cari.indeks(wilayah_dataset())


def hasil_cari(teks: str) -> pd.DataFrame:
    """Regions of the dataset matching `teks` (name or code), best first."""
    return cari.cari(teks, _indeks_cari(dataset.active_id()))


def _lompat(kode: str, kunci: str) -> None:
    """Search result clicked (a callback): move the filter there; a kelurahan also opens its profile."""
    st.session_state[kunci] = ""
    _hitung_drill()
    _tulis_url(ubah(_pilihan_sekarang(), wilayah=kode))
    if tingkat_kode(kode) == "kelurahan":
        st.session_state[_KE_PROFIL] = kode


def _lompatan_tertunda(di_profil: bool) -> None:
    kode = st.session_state.pop(_KE_PROFIL, None)
    if kode and not di_profil:
        buka_profil(kode, _pilihan_sekarang())


def kotak_cari(lang: str, kunci: str = "f_cari") -> None:
    """A search box (name or code) with up to eight results; clicking one jumps there."""
    teks = st.text_input(t("profil.cari.label", lang), key=kunci, placeholder=t("profil.cari.contoh", lang),
                         max_chars=cari.PANJANG_MAKS)
    if not teks.strip():
        return
    hasil = hasil_cari(teks)
    if hasil.empty:
        st.caption(t("profil.cari.tidak_ada", lang, teks=teks.strip()))
    for b in hasil.itertuples():
        label = t("profil.cari.hasil", lang, nama=b.nama, tingkat=t(f"umum.filter.{b.tingkat}", lang),
                  induk=f" · {b.induk}" if b.induk else "", kode=b.kode)
        st.button(label, key=f"{kunci}_{b.kode}", on_click=partial(_lompat, b.kode, kunci), type="tertiary")


def tingkat_bawah(p: Pilihan) -> str:
    """The level one below the current filter (what charts and maps break down by)."""
    if not p.wilayah:
        return "kabkota"
    return {"provinsi": "kabkota", "kabkota": "kecamatan"}.get(tingkat_kode(p.wilayah), "kelurahan")


__all__ = ["bar", "drill", "kunci_grafik", "url_profil", "buka_profil", "kotak_cari", "hasil_cari", "tingkat_bawah",
           "nama_wilayah", "PARAM_WILAYAH"]
