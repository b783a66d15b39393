"""Shared screen parts: page header with the demo notice and data date, headline numbers with status
colours, the empty-selection message, and tables with CSV/XLSX downloads carrying the filters."""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from pantau import dataset, ekspor, fmt, katalog
from pantau.filters import kolom_profil, nama_wilayah
from pantau.i18n import t
from pantau.pilihan import Pilihan


@dataclass(frozen=True)
class Angka:
    """One headline number: label, formatted value, band status and a short note (formula or change)."""

    label: str
    nilai: str
    status: str | None = None
    catatan: str = ""
    aturan_sendiri: bool = False


def ringkasan_filter(p: Pilihan) -> list[tuple[str, str]]:
    """The active filters as (label, value) pairs: shown under titles and written into every export."""
    program = ", ".join(katalog.label("program", k, p.lang) for k in p.program) or t("umum.filter.semua_program",
                                                                                      p.lang)
    tahun = f"{p.tahun_awal}–{p.tahun_akhir}" if p.tahun_awal != p.tahun_akhir else str(p.tahun_awal)
    return [(t("umum.filter.wilayah", p.lang), nama_wilayah(p.wilayah, p.lang) + (f" ({p.wilayah})" if p.wilayah
                                                                                   else "")),
            (t("umum.filter.tahun", p.lang), tahun), (t("umum.filter.program", p.lang), program)]


def _tanggal_data(tabel: list[str], lang: str) -> str:
    versi = dataset.active()
    if versi is None:
        return "–"
    tanggal = [versi.tanggal_data[n] for n in tabel if n in versi.tanggal_data]
    return fmt.tanggal(max(tanggal), lang=lang) if tanggal else "–"


def header(halaman: str, p: Pilihan, tabel: list[str]) -> None:
    """Title, the active filters, notices about bad URL parameters, the demo notice and the data date."""
    st.title(t(f"{halaman}.judul", p.lang))
    st.caption(" · ".join(f"{label}: **{nilai}**" for label, nilai in ringkasan_filter(p)))
    catatan(p)
    versi = dataset.active()
    if versi is not None and versi.demo:
        st.info(t("umum.demo", p.lang), icon="ℹ️")
    st.caption(t("umum.data_per", p.lang, tanggal=_tanggal_data(tabel, p.lang)))


def catatan(p: Pilihan) -> None:
    """Notices about URL parameters that were not valid and what was shown instead."""
    for kunci, kwargs in p.catatan:
        st.warning(t(kunci, p.lang, **kwargs), icon="⚠️")


def data_per(tabel: list[str], lang: str) -> None:
    """A small 'data as of' line under a panel."""
    st.caption(t("umum.data_per", lang, tanggal=_tanggal_data(tabel, lang)))


def kosong(p: Pilihan) -> None:
    st.info(t("umum.kosong", p.lang), icon="📭")


def _kartu(a: Angka, lang: str) -> str:
    warna = katalog.warna(a.status)
    tanda = f"<span class='pantau-tag'>{html.escape(t('umum.aturan_sendiri', lang))}</span>" if a.aturan_sendiri \
        else ""
    return (f"<div class='pantau-kartu' style='border-left:8px solid {warna}'>"
            f"<div class='pantau-label'>{html.escape(a.label)}</div>"
            f"<div class='pantau-nilai'>{html.escape(a.nilai)}</div>"
            f"<div class='pantau-catatan' style='color:{warna if a.status else 'inherit'}'>"
            f"{html.escape(a.catatan)}</div>{tanda}</div>")


def angka_utama(angka: list[Angka], lang: str) -> None:
    """Headline numbers in a row of cards whose left edge carries the catalogue's status colour."""
    for kolom, a in zip(st.columns(len(angka)), angka):
        kolom.markdown(_kartu(a, lang), unsafe_allow_html=True)


def _kepala(judul: str, p: Pilihan) -> list[tuple[str, str]]:
    versi = dataset.active()
    jenis = t("umum.ekspor.demo", p.lang) if versi is not None and versi.demo else (versi.id if versi else "–")
    return [("Pantau", judul), *ringkasan_filter(p), (t("umum.ekspor.data", p.lang), jenis),
            (t("umum.ekspor.diunduh", p.lang), fmt.tanggal(date.today(), lang=p.lang))]


BARIS_TAMPIL = 1000


@st.cache_data(show_spinner=False, max_entries=200)
def _terformat(df: pd.DataFrame, format_kolom: dict[str, str], lang: str) -> pd.DataFrame:
    return fmt.tabel(df, format_kolom, lang=lang)


def tabel(df: pd.DataFrame, nama_file: str, p: Pilihan, format_kolom: dict[str, str] | None = None,
          judul: str = "", key: str | None = None, baris_tampil: int = BARIS_TAMPIL) -> None:
    """A readable table (numbers in the locale's format) with CSV and XLSX downloads of the raw values.
    At most `baris_tampil` rows are shown (formatted once and cached); the downloads hold every row."""
    format_kolom = {k: v for k, v in (format_kolom or {}).items() if k in df.columns}
    tampil, kolom_config = kolom_profil(_terformat(df.head(baris_tampil), format_kolom, p.lang), p)
    st.dataframe(tampil, hide_index=True, width="stretch", column_config=kolom_config)
    if len(df) > baris_tampil:
        st.caption(t("umum.baris_terpotong", p.lang, tampil=fmt.angka(baris_tampil, lang=p.lang),
                     semua=fmt.angka(len(df), lang=p.lang)))
    kepala = _kepala(judul or nama_file, p)
    kiri, kanan, _ = st.columns([1, 1, 4])
    # files are built only when the button is clicked (callable data), so a rerun stays cheap
    kiri.download_button(t("umum.unduh_csv", p.lang), partial(ekspor.csv_bytes, df, kepala), f"{nama_file}.csv",
                         "text/csv", key=f"csv_{key or nama_file}", on_click="ignore")
    kanan.download_button(t("umum.unduh_xlsx", p.lang), partial(ekspor.xlsx_bytes, {nama_file: df}, kepala),
                          f"{nama_file}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"xlsx_{key or nama_file}", on_click="ignore")
