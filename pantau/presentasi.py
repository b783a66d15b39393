"""Presentation mode for KBP forums (`?mode=presentasi`): one headline, one chart, one table or a few
sentences per screen, large type, high contrast, no sidebar, the active filters on every slide and
next/previous buttons with the position ("3 / 14"); the slide number lives in the URL (`&slide=3`).

The slides come from the pages' own modules (`blm.slides`, `dana_bergulir.slides`, `permukiman.slides`,
`ringkasan.slides`), never from a copy of their content; this module only defines a slide and shows it."""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pantau import charts, dataset, fmt, gambar, katalog
from pantau.i18n import t
from pantau.layout import Angka, ringkasan_filter
from pantau.pilihan import Pilihan

PARAM_MODE, NILAI_MODE, PARAM_SLIDE = "mode", "presentasi", "slide"
BAGIAN = ("ringkasan", "blm", "dana_bergulir", "permukiman")     # pages that give slides, in show order
TOMBOL_KEYBOARD = {"sebelumnya": "Left", "berikutnya": "Right", "keluar": "Esc"}   # arrow keys step, Esc leaves
TINGGI_GRAFIK = 450       # px: a chart, the title, the filters and the buttons fit a 1024×768 projector
FONT_GRAFIK = 19

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="collapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {display: none !important;}
[data-testid="stMainBlockContainer"] {padding: .4rem 1.4rem .6rem !important; max-width: 100% !important;}
[data-testid="stElementContainer"]:has(> [data-testid="stMarkdown"] style) {display: none;}
.stApp, [data-testid="stMain"] {background: #ffffff !important; color: #000000 !important;}
[data-testid="stMain"] h1 {font-size: 2.35rem !important; line-height: 1.15 !important; font-weight: 800 !important;
  color: #000 !important; padding: .35rem 0 .35rem !important;}
[data-testid="stMain"] p, [data-testid="stMain"] li {font-size: 1.6rem; line-height: 1.35; color: #000;}
[data-testid="stCaptionContainer"] p, [data-testid="stCaptionContainer"] p * {font-size: 1.05rem !important;
  color: #222 !important; line-height: 1.3;}
[data-testid="stMain"] button {min-height: 3.1rem; border: 3px solid #000 !important;}
[data-testid="stMain"] button p {font-size: 1.45rem !important; font-weight: 700;}
[data-testid="stMain"] button:disabled {border-color: #b0b4ba !important; opacity: .45;}
[data-testid="stMain"] table {font-size: 1.3rem !important;}
[data-testid="stMain"] th {font-weight: 800 !important; color: #000 !important;}
.pantau-atas {display: flex; justify-content: space-between; align-items: center; gap: .8rem; background: #000;
  color: #fff; font-size: 1.15rem; padding: .35rem .8rem; border-radius: 4px;}
.pantau-atas b {color: #fff;}
.pantau-demo {background: #c62828; color: #fff; font-weight: 800; padding: .05rem .5rem; border-radius: 3px;
  white-space: nowrap;}
.pantau-posisi {font-size: 2rem; font-weight: 800; text-align: center; padding-top: .35rem;}
.pantau-besar {border-left: 22px solid #8a8f98; padding: .6rem 0 .6rem 1.6rem; margin: .8rem 0 1rem;}
.pantau-besar-label {font-size: 2.1rem; font-weight: 700;}
.pantau-besar-nilai {font-size: 6.5rem; font-weight: 800; line-height: 1.05;}
.pantau-besar-catatan {font-size: 1.6rem; font-weight: 700;}
.pantau-besar-tag {display: inline-block; font-size: 1.1rem; border: 2px solid #000; padding: 0 .5rem;
  margin-top: .4rem;}
</style>
"""


@dataclass(frozen=True, eq=False)
class Slide:
    """One screen, taken from a page's own content: one headline number, one chart, one table or sentences."""

    bagian: str                                   # the page it comes from (one of BAGIAN)
    judul: str
    angka: Angka | None = None
    gambar: go.Figure | Callable[[], go.Figure] | None = None   # a builder is called on first use (`figur`)
    tabel: pd.DataFrame | None = None
    format_kolom: dict = field(default_factory=dict)
    teks: tuple[str, ...] = ()                    # sentences (markdown allowed)
    catatan: str = ""                             # small print: formula, rule, source

    @property
    def figur(self) -> go.Figure | None:
        """The chart; a page may hand over a builder instead, as most slides of a briefing are never drawn."""
        if self.gambar is not None and not isinstance(self.gambar, go.Figure):
            object.__setattr__(self, "gambar", self.gambar())
        return self.gambar

    @property
    def jenis(self) -> str:
        if self.gambar is not None:
            return "grafik"
        if self.tabel is not None:
            return "tabel"
        return "angka" if self.angka is not None else "teks"


# ---------------------------------------------------------------- the slide number and where to start
def baca_nomor(mentah, jumlah: int) -> tuple[int, tuple[str, dict] | None]:
    """The slide number (1-based) from `?slide=`; a value that is not a number or is out of range falls back
    (to 1, or the nearest end) with a notice, never an exception."""
    if mentah is None or str(mentah).strip() == "" or jumlah < 1:
        return 1, None
    teks = str(mentah).strip()[:12]
    if not re.fullmatch(r"\d{1,6}", teks):
        return 1, ("presentasi.catatan.slide_salah", {"nilai": teks, "jumlah": jumlah})
    nomor = int(teks)
    if not 1 <= nomor <= jumlah:
        dipakai = min(max(nomor, 1), jumlah)
        return dipakai, ("presentasi.catatan.slide_luar", {"nilai": teks, "jumlah": jumlah, "dipakai": dipakai})
    return nomor, None


def nomor_awal(slides: list[Slide], url: str | None) -> int:
    """Where a presentation opened from a page starts: at that page's first slide (else at slide 1)."""
    halaman = urlparse(url or "").path.rstrip("/").rsplit("/", 1)[-1]
    for i, s in enumerate(slides, start=1):
        if s.bagian == halaman and halaman != "ringkasan":
            return i
    return 1


def aktif() -> bool:
    return st.query_params.get(PARAM_MODE) == NILAI_MODE


def masuk() -> None:
    """Button callback: switch the current URL to presentation mode (the app routes it to the slides)."""
    st.query_params[PARAM_MODE] = NILAI_MODE
    st.query_params.pop(PARAM_SLIDE, None)


def keluar() -> None:
    """Button callback: leave presentation mode, back to the page of the same URL with the same filters."""
    st.query_params.pop(PARAM_MODE, None)
    st.query_params.pop(PARAM_SLIDE, None)


def ke(nomor: int) -> None:
    st.query_params[PARAM_SLIDE] = str(nomor)


# ---------------------------------------------------------------- drawing one slide
def siapkan() -> None:
    """Hide the sidebar and the app header, enlarge the type, switch to the high-contrast look."""
    st.markdown(CSS, unsafe_allow_html=True)


def baris_atas(p: Pilihan, nomor: int, jumlah: int) -> None:
    """The active filters, the demo mark and the position, on every slide."""
    isi = " · ".join(f"{html.escape(label)}: <b>{html.escape(nilai)}</b>" for label, nilai in ringkasan_filter(p))
    versi = dataset.active()
    demo = f"<span class='pantau-demo'>{html.escape(t('presentasi.demo', p.lang))}</span>" \
        if versi is not None and versi.demo else ""
    st.markdown(f"<div class='pantau-atas'><span>{isi}</span><span>{demo} <b>{nomor} / {jumlah}</b></span></div>",
                unsafe_allow_html=True)


def _angka_besar(a: Angka, lang: str) -> str:
    warna = katalog.warna(a.status)
    tanda = f"<div class='pantau-besar-tag'>{html.escape(t('umum.aturan_sendiri', lang))}</div>" \
        if a.aturan_sendiri else ""
    return (f"<div class='pantau-besar' style='border-left-color:{warna}'>"
            f"<div class='pantau-besar-label'>{html.escape(a.label)}</div>"
            f"<div class='pantau-besar-nilai'>{html.escape(a.nilai)}</div>"
            f"<div class='pantau-besar-catatan' style='color:{warna if a.status else '#000'}'>"
            f"{html.escape(a.catatan)}</div>{tanda}</div>")


def tampilkan(s: Slide, lang: str, key: str) -> None:
    """The slide's title and its one headline, chart, table or sentences, in projector sizes."""
    st.title(s.judul)
    if s.angka is not None:
        st.markdown(_angka_besar(s.angka, lang), unsafe_allow_html=True)
    if s.gambar is not None:
        fig = gambar.gaya(s.figur, TINGGI_GRAFIK, FONT_GRAFIK)
        st.plotly_chart(fig, config={**charts.config(lang), "staticPlot": True}, theme=None, key=key)
    if s.tabel is not None:
        st.table(fmt.tabel(s.tabel, s.format_kolom, lang=lang), hide_index=True)
    if s.teks:
        st.markdown("\n".join(f"- {k}" for k in s.teks))
    if s.catatan:
        st.caption(s.catatan)


def tombol(nomor: int, jumlah: int, lang: str) -> None:
    """Previous / position / next, and the exit button."""
    kiri, tengah, kanan, akhir = st.columns([3, 2, 3, 2], vertical_alignment="center")
    kiri.button(t("presentasi.sebelumnya", lang), on_click=ke, args=(nomor - 1,), disabled=nomor <= 1,
                key="pres_sebelumnya", width="stretch", shortcut=TOMBOL_KEYBOARD["sebelumnya"])
    tengah.markdown(f"<div class='pantau-posisi'>{nomor} / {jumlah}</div>", unsafe_allow_html=True)
    kanan.button(t("presentasi.berikutnya", lang), on_click=ke, args=(nomor + 1,), disabled=nomor >= jumlah,
                 key="pres_berikutnya", type="primary", width="stretch", shortcut=TOMBOL_KEYBOARD["berikutnya"])
    akhir.button(t("presentasi.keluar", lang), on_click=keluar, key="pres_keluar", width="stretch",
                 shortcut=TOMBOL_KEYBOARD["keluar"])
