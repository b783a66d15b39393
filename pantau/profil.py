"""Profil Kelurahan: everything about one kelurahan on one screen: where it is, its programmes and years, BLM by
year and component, its UPK's POB indicators and KSM, its 100-0-100 figures and slum scores by aspect, its
poverty sources and its assets, each where the data has it.

Every figure comes from the page modules' public functions, with the filter set to this kelurahan (no query
is written twice); this module only picks, labels and lays them out. The kelurahan is the filter's
(`?kel=13.72.01.1001`), so the profile keeps the years and programmes chosen in the sidebar."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from pantau import aset, blm, charts, charts_blm, dataset, db, filters, fmt, katalog, kemiskinan, layout, peta
from pantau import permukiman, serentak
from pantau import charts_dana_bergulir, charts_permukiman
from pantau import dana_bergulir as dana
from pantau.i18n import t
from pantau.peta_halaman import dasar
from pantau.pilihan import Pilihan, normalisasi_kode, ubah

TABEL = ["lokasi_program", "blm_pencairan", "pinjaman_bulanan", "ksm", "indikator_permukiman", "penilaian_kumuh",
         "data_kemiskinan", "aset"]
DAFTAR_MAKS = 500      # kelurahan listed when none is chosen


# ---------------------------------------------------------------- which kelurahan
def kode_diminta() -> str | None:
    """The raw `kel` value of the URL (to name it when it is not a kelurahan of the data)."""
    mentah = st.query_params.get("kel")
    return str(mentah)[:40] if mentah else None


def kelurahan(p: Pilihan) -> str | None:
    """The kelurahan of the profile: the filter's, when it is one kelurahan."""
    return p.wilayah if p.tingkat == "kelurahan" else None


def tidak_dikenal(p: Pilihan, mentah: str | None) -> bool:
    """A `kel` was asked for but the filter did not take it (malformed, unknown, or outside the data)."""
    return bool(mentah) and normalisasi_kode(mentah) != p.wilayah


def tanpa_catatan_kel(p: Pilihan, mentah: str | None) -> Pilihan:
    """The filter without the bar's notice about an unknown or malformed `kel` (the page says it itself, with
    a search box)."""
    if not tidak_dikenal(p, mentah):
        return p
    kode = normalisasi_kode(mentah)

    def tentang_kel(kunci: str, isi: dict) -> bool:
        return (kunci == "umum.catatan.kode_salah" and isi.get("param") == "kel") or (
            kunci == "umum.catatan.kode_tidak_dikenal" and kode is not None and isi.get("nilai") == kode)
    return replace(p, catatan=tuple(c for c in p.catatan if not tentang_kel(*c)))


def judul_daftar(p: Pilihan) -> str:
    if not p.wilayah:
        return t("profil.daftar.judul_semua", p.lang)
    return t("profil.daftar.judul", p.lang, wilayah=filters.nama_wilayah(p.wilayah, p.lang))


def daftar_kelurahan(p: Pilihan) -> pd.DataFrame:
    """The kelurahan under the filter (all when none) with their kecamatan and kab/kota."""
    w = filters.wilayah_dataset()
    nama = dict(zip(w.kode, w.nama))
    kel = w[(w.tingkat == "kelurahan") & w.kode.str.startswith(p.prefix)].head(DAFTAR_MAKS)
    k = {c: t(f"profil.daftar.{c}", p.lang) for c in ("kelurahan", "kecamatan", "kabkota", "kode")}
    return pd.DataFrame({k["kelurahan"]: kel.nama, k["kecamatan"]: kel.kode.str[:8].map(nama),
                         k["kabkota"]: kel.kode.str[:5].map(nama), k["kode"]: kel.kode})


def tampilkan_daftar(p: Pilihan) -> None:
    """The kelurahan list with a link to each profile (the link column every kelurahan table can carry)."""
    df, config = filters.kolom_profil(daftar_kelurahan(p), p)
    st.dataframe(df, hide_index=True, width="stretch", column_config=config)


# ---------------------------------------------------------------- where it is and what ran there
@dataclass(frozen=True)
class Identitas:
    kode: str
    nama: str
    jenis: str
    induk: list[tuple[str, str]]     # (level label, name) from kecamatan up to provinsi


def identitas(kode: str, lang: str) -> Identitas:
    w = filters.wilayah_dataset().set_index("kode")
    baris = w.loc[kode]
    induk = [(t(f"peta.tingkat.{w.loc[k, 'tingkat']}", lang), w.loc[k, "nama"])
             for k in (kode[:8], kode[:5], kode[:2]) if k in w.index]
    jenis = t(f"profil.jenis.{baris.jenis}", lang) if isinstance(baris.jenis, str) else ""
    return Identitas(kode, baris.nama, jenis, induk)


def teks_identitas(i: Identitas, lang: str) -> str:
    bagian = [i.jenis] if i.jenis else []
    kecamatan = t("peta.tingkat.kecamatan", lang)
    bagian += [f"{tingkat} {nama}" if tingkat == kecamatan else nama for tingkat, nama in i.induk]
    return " · ".join(bagian + [t("profil.kode", lang, kode=i.kode)])


def peta_lokasi(kode: str, p: Pilihan):
    """The kelurahan among the others of its kecamatan (in the data)."""
    tetangga = dasar(ubah(p, wilayah=kode[:8]))
    return peta.lokasi(tetangga, kode, p.lang, tinggi=300)


def program(kode: str, lang: str) -> list[str]:
    """One line per programme of the kelurahan: its years, location type, BKM and the years and sum of BLM that
    reached it (all years, not the filter's)."""
    df = db.query("profil_program", kode=kode)
    baris = []
    for b in df.itertuples():
        bagian = [f"**{katalog.label('program', b.program, lang)}**", _rentang(b.tahun_mulai, b.tahun_selesai, lang)]
        if isinstance(b.jenis_lokasi, str):
            bagian.append(t(f"profil.jenis_lokasi.{b.jenis_lokasi}", lang))
        if isinstance(b.kode_bkm, str):
            bagian.append(f"{b.nama_bkm} ({b.kode_bkm})" if isinstance(b.nama_bkm, str) else b.kode_bkm)
        bagian.append(t("profil.program.blm", lang, tahun=_rentang(b.tahun_blm_awal, b.tahun_blm_akhir, lang),
                        nilai=fmt.rupiah_ringkas(b.nilai_blm_rp, lang=lang)) if b.tahun_blm
                      else t("profil.program.tanpa_blm", lang))
        baris.append(" · ".join(x for x in bagian if x))
    return baris


def _rentang(awal, akhir, lang: str) -> str:
    """'2008–2014', '2015' or 'sejak 2016' (not finished)."""
    if pd.isna(awal):
        return ""
    if pd.isna(akhir):
        return t("profil.program.sejak", lang, tahun=int(awal))
    return str(int(awal)) if awal == akhir else f"{int(awal)}–{int(akhir)}"


# ---------------------------------------------------------------- the sections' data (public functions only)
def siapkan(p: Pilihan) -> None:
    """Compute the five sections' data at the same time (their queries run in parallel); the sections then
    read them from the caches."""
    serentak.jalankan(partial(data_blm, p), partial(data_upk, p), partial(data_permukiman, p),
                      partial(bagian_kemiskinan, p), partial(bagian_aset, p))


def data_blm(p: Pilihan) -> blm.Ringkasan | None:
    r = blm.ringkasan(p)
    return None if r.kosong else r


def grafik_blm(r: blm.Ringkasan):
    return charts_blm.per_tahun(r, "komponen")


def data_upk(p: Pilihan) -> dana.Ringkasan | None:
    """The UPK of the kelurahan in the last month with loans inside the selected years."""
    bulan = dana.bulan_tersedia(p)
    if not bulan:
        return None
    r = dana.ringkasan(p, bulan[-1])
    return None if r.kosong else r


def grafik_upk(r: dana.Ringkasan, lang: str):
    return charts_dana_bergulir.tren_kecil(r.tren, lang, t("dana_bergulir.tren.judul", lang,
                                                              bulan=fmt.bulan(r.periode, lang=lang)))


def tahun_target() -> int:
    return permukiman.baca_target(st.query_params.get("target"), permukiman.tahun_target_bawaan())[0]


def data_permukiman(p: Pilihan) -> tuple[permukiman.Ringkasan | None, dict]:
    """The 100-0-100 figures and the slum-score figures (by aspect) of the kelurahan, and the figures."""
    target = tahun_target()
    r = permukiman.ringkasan(p, target)
    return (None, {}) if r.kosong else (r, charts_permukiman.gambar(p, target))


def data_kemiskinan(p: Pilihan) -> kemiskinan.Profil | None:
    r = kemiskinan.profil(p.wilayah, p)
    return None if r.kosong else r


def data_aset(p: Pilihan) -> aset.Profil | None:
    r = aset.profil(p.wilayah, p)
    return None if r.kosong else r


# built once per dataset version and filter choice, then shared read-only, so a rerun rebuilds no figure or table
def _kunci(p: Pilihan) -> tuple:
    return dataset.active_id(), p.wilayah, p.tahun_awal, p.tahun_akhir, tuple(p.program), p.lang


def gambar_upk(p: Pilihan, periode) -> object:
    """The UPK's trend figure for month `periode` (see `grafik_upk`)."""
    return _gambar_upk(*_kunci(p), periode)


@st.cache_resource(show_spinner=False, max_entries=64)
def _gambar_upk(versi, wilayah: str, awal: int, akhir: int, program: tuple, lang: str, periode):
    return grafik_upk(dana.ringkasan(Pilihan(wilayah, awal, akhir, program, lang), periode), lang)


def bagian_kemiskinan(p: Pilihan) -> tuple | None:
    """(table, its formats, BLM-per-poor-household figure) of the kelurahan, or None without data."""
    return _bagian_kemiskinan(*_kunci(p))


@st.cache_resource(show_spinner=False, max_entries=64)
def _bagian_kemiskinan(versi, wilayah: str, awal: int, akhir: int, program: tuple, lang: str):
    r = data_kemiskinan(Pilihan(wilayah, awal, akhir, program, lang))
    return None if r is None else (*kemiskinan.tabel_selisih(r.per_tahun, lang), kemiskinan.grafik_blm(r.blm, lang))


def bagian_aset(p: Pilihan) -> tuple | None:
    """(profile data, headline numbers, asset table, its formats, capital table, its formats) or None."""
    return _bagian_aset(*_kunci(p))


@st.cache_resource(show_spinner=False, max_entries=64)
def _bagian_aset(versi, wilayah: str, awal: int, akhir: int, program: tuple, lang: str):
    r = data_aset(Pilihan(wilayah, awal, akhir, program, lang))
    if r is None:
        return None
    return (r, aset.angka_utama(r.ringkas.iloc[0], lang), *aset.tabel_aset(r.daftar, lang),
            *aset.tabel_modal(r.modal_upk, lang))


# ---------------------------------------------------------------- screen parts
def tautan_halaman(halaman: str, p: Pilihan) -> None:
    """A link to a full page with the filter on this kelurahan (where that page is part of the app)."""
    try:
        label = t("profil.lihat_halaman", p.lang, halaman=t(f"{halaman}.menu", p.lang))
        st.page_link(f"pages/{halaman}.py", label=label, icon="➡️", query_params=p.ke_url())
    except StreamlitAPIException:
        return


def tanpa_data(bagian: str, lang: str) -> None:
    st.caption(t("profil.kosong", lang, bagian=t(f"profil.singkat.{bagian}", lang)))


def grafik(fig, key: str, lang: str) -> None:
    st.plotly_chart(fig, config=charts.config(lang), key=key)


def tabel(df: pd.DataFrame, format_kolom: dict, nama: str, p: Pilihan, judul: str) -> None:
    layout.tabel(df, f"profil_{nama}_{p.wilayah}", p, format_kolom, judul=judul, key=f"profil_{nama}")


def drill_lokasi(event) -> None:
    """A click on a neighbour on the location map opens that kelurahan's profile."""
    filters.drill(charts.kode_terpilih(event))
