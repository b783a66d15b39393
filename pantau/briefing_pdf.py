"""The briefing as a one-page A4 landscape PDF: title with wilayah, period and data date; the six headline
cards; the key messages; the kelurahan that need attention; one chart per programme; "DATA DEMO" on every
page when demo data is shown. Text is set in the committed DejaVu fonts (Indonesian text, – ÷ ≥ ▲ ▼),
numbers come already formatted by `pantau.fmt`, charts are PNGs drawn by `pantau.gambar`."""
from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from pantau import gambar, katalog
from pantau.i18n import t
from pantau.layout import Angka
from pantau.ringkasan import Briefing, tabel_perhatian

FONT = Path(__file__).with_name("fonts")
LEBAR, TINGGI, TEPI = 297.0, 210.0, 10.0          # A4 landscape, mm
HITAM, ABU, MERAH = (17, 17, 17), (90, 96, 105), (198, 40, 40)


def _rgb(warna: str) -> tuple[int, int, int]:
    h = warna.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class _Pdf(FPDF):
    """A4 landscape with the DejaVu fonts; the demo mark is drawn on every page by `header`."""

    def __init__(self, demo: bool, lang: str):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.demo, self.lang = demo, lang
        self.add_font("DejaVu", "", str(FONT / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(False)
        self.set_margins(TEPI, TEPI, TEPI)

    def header(self) -> None:
        if not self.demo:
            return
        teks = t("ringkasan.ekspor.demo", self.lang)
        with self.rotation(24, x=LEBAR / 2, y=TINGGI / 2):
            self.set_font("DejaVu", "B", 88)
            self.set_text_color(250, 226, 226)
            self.text(LEBAR / 2 - self.get_string_width(teks) / 2, TINGGI / 2 + 12, teks)
        self.set_fill_color(*MERAH)
        self.set_text_color(255, 255, 255)
        self.set_font("DejaVu", "B", 11)
        self.set_xy(LEBAR - TEPI - 34, 4)
        self.cell(34, 7, teks, align="C", fill=True)
        self.set_text_color(*HITAM)


def _tulis(pdf: FPDF, x: float, y: float, w: float, teks: str, ukuran: float, tebal: bool = False,
           warna=HITAM, tinggi_baris: float | None = None) -> float:
    """Wrapped text at (x, y); returns the y below it."""
    pdf.set_font("DejaVu", "B" if tebal else "", ukuran)
    pdf.set_text_color(*warna)
    pdf.set_xy(x, y)
    pdf.multi_cell(w, tinggi_baris or ukuran * 0.42, teks, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    return pdf.get_y()


def _tinggi(pdf: FPDF, w: float, teks: str, ukuran: float, tebal: bool = False) -> float:
    pdf.set_font("DejaVu", "B" if tebal else "", ukuran)
    return len(pdf.multi_cell(w, ukuran * 0.42, teks, dry_run=True, output="LINES")) * ukuran * 0.42


def _lebar(pdf: FPDF, teks: str, ukuran: float) -> float:
    pdf.set_font("DejaVu", "B", ukuran)
    return pdf.get_string_width(teks)


def _judul(pdf: _Pdf, b: Briefing) -> float:
    y = _tulis(pdf, TEPI, 8, LEBAR - 2 * TEPI - 40, b.judul, 16, tebal=True, tinggi_baris=7.5)
    rincian = " · ".join([*(f"{label}: {nilai}" for label, nilai in b.filter),
                          t("ringkasan.ekspor.data_per", b.lang, tanggal=b.tanggal_data),
                          t("ringkasan.ekspor.dibuat", b.lang, tanggal=b.dibuat)])
    if b.demo:
        rincian += " · " + t("ringkasan.ekspor.demo_catatan", b.lang)
    return _tulis(pdf, TEPI, y + 0.5, LEBAR - 2 * TEPI, rincian, 8.5, warna=ABU)


def _kartu(pdf: FPDF, a: Angka, x: float, y: float, w: float, h: float, lang: str) -> None:
    """One headline card: status colour bar, label, value, change and band."""
    pdf.set_fill_color(247, 248, 250)
    pdf.rect(x, y, w, h, style="F")
    pdf.set_fill_color(*_rgb(katalog.warna(a.status)))
    pdf.rect(x, y, 1.8, h, style="F")
    dalam = w - 4.5
    y2 = _tulis(pdf, x + 3, y + 1.5, dalam, a.label, 7, tebal=True, warna=(51, 51, 51))
    ukuran = next((u for u in (13, 12, 11, 10) if _lebar(pdf, a.nilai, u) <= dalam - 2), 9)
    y2 = _tulis(pdf, x + 3, y2 + 0.5, dalam, a.nilai, ukuran, tebal=True, tinggi_baris=5.6)
    catatan = a.catatan + (f" · {t('umum.aturan_sendiri', lang)}" if a.aturan_sendiri else "")
    warna = _rgb(katalog.warna(a.status)) if a.status else ABU
    _tulis(pdf, x + 3, y2 + 0.5, dalam, catatan, 6.5, tebal=True, warna=warna)


def _kartu_semua(pdf: FPDF, b: Briefing, y: float) -> float:
    angka, jarak, h = b.ringkasan.angka, 3.0, 27.0
    w = (LEBAR - 2 * TEPI - jarak * (len(angka) - 1)) / max(len(angka), 1)
    for i, a in enumerate(angka):
        _kartu(pdf, a, TEPI + i * (w + jarak), y, w, h, b.lang)
    return y + h


def _pesan(pdf: FPDF, b: Briefing, x: float, y: float, w: float, h: float) -> None:
    """The key messages as bullets, in the largest size that fits the box."""
    y = _tulis(pdf, x, y, w, t("ringkasan.bagian.kalimat", b.lang), 10.5, tebal=True, tinggi_baris=5.5)
    kalimat = list(b.ringkasan.kalimat)
    ukuran = next((u for u in (9.5, 9, 8.5, 8, 7.5, 7, 6.5)
                   if sum(_tinggi(pdf, w - 4, k, u) + 1.2 for k in kalimat) <= h - 6), 6.5)
    for k in kalimat:
        pdf.set_font("DejaVu", "B", ukuran)
        pdf.text(x + 0.5, y + ukuran * 0.33, "•")
        y = _tulis(pdf, x + 4, y, w - 4, k, ukuran) + 1.2


def _perhatian(pdf: FPDF, b: Briefing, x: float, y: float, w: float, h: float) -> None:
    """The attention list as a table (kelurahan, area, score, reason) and the rule under it."""
    y = _tulis(pdf, x, y, w, t("ringkasan.bagian.perhatian", b.lang), 10.5, tebal=True, tinggi_baris=5.5)
    df = tabel_perhatian(b.ringkasan.perhatian, b.lang)
    if df.empty:
        _tulis(pdf, x, y, w, t("ringkasan.perhatian.kosong", b.lang), 8.5)
        return
    lebar = (0.22, 0.22, 0.09, 0.47)
    ukuran = next((u for u in (8, 7.5, 7, 6.5, 6) if sum(
        max(_tinggi(pdf, w * c - 2, str(v), u) for c, v in zip(lebar, baris)) + 1.6
        for baris in df.itertuples(index=False)) <= h - 12), 6)
    pdf.set_font("DejaVu", "", ukuran)
    pdf.set_text_color(*HITAM)
    pdf.set_draw_color(190, 195, 202)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_xy(x, y)
    kepala = FontFace(emphasis="BOLD", fill_color=(230, 233, 238), color=HITAM)
    with pdf.table(col_widths=lebar, width=w, align="LEFT", line_height=ukuran * 0.45, padding=0.8,
                   text_align="LEFT", headings_style=kepala, first_row_as_headings=True,
                   cell_fill_mode="NONE") as tabel:
        for baris in [list(df.columns), *df.astype(str).itertuples(index=False)]:
            tabel.row(list(baris))


def _grafik(pdf: FPDF, b: Briefing, y: float, h: float) -> None:
    """One chart per programme, side by side, each under its title; a note where none could be drawn."""
    bagian = [g for g in b.bagian if g.grafik is not None]
    if not bagian:
        return
    jarak = 4.0
    w = (LEBAR - 2 * TEPI - jarak * (len(bagian) - 1)) / len(bagian)
    png = gambar.png_ekspor([g.grafik.figur for g in bagian])
    rasio = gambar.EKSPOR_PX[1] / gambar.EKSPOR_PX[0]
    for i, (g, isi) in enumerate(zip(bagian, png)):
        x = TEPI + i * (w + jarak)
        y2 = _tulis(pdf, x, y, w, f"{g.judul}: {g.grafik.judul}", 7.5, tebal=True)
        tinggi = min(h - (y2 - y), w * rasio)
        if isi is None:
            pdf.set_draw_color(*ABU)
            pdf.rect(x, y2 + 1, w, tinggi)
            _tulis(pdf, x + 3, y2 + tinggi / 2 - 3, w - 6, t("ringkasan.ekspor.tanpa_grafik", b.lang), 8, warna=ABU)
        else:
            pdf.image(io.BytesIO(isi), x=x, y=y2 + 1, w=w, h=tinggi, keep_aspect_ratio=True)


def buat(b: Briefing) -> bytes:
    """The one-page PDF of the briefing."""
    pdf = _Pdf(b.demo, b.lang)
    pdf.set_title(b.judul)
    pdf.set_author("Pantau")
    pdf.add_page()
    y = _kartu_semua(pdf, b, _judul(pdf, b) + 2.5) + 4
    kiri = (LEBAR - 2 * TEPI) * 0.52
    _pesan(pdf, b, TEPI, y, kiri, 64)
    _perhatian(pdf, b, TEPI + kiri + 6, y, LEBAR - 2 * TEPI - kiri - 6, 64)
    kaki = f"{b.aturan_perhatian} {t('ringkasan.ekspor.kaki', b.lang)}"
    tinggi_kaki = _tinggi(pdf, LEBAR - 2 * TEPI, kaki, 6)
    _grafik(pdf, b, y + 66, TINGGI - 6 - tinggi_kaki - (y + 66) - 2)
    _tulis(pdf, TEPI, TINGGI - 6 - tinggi_kaki, LEBAR - 2 * TEPI, kaki, 6, warna=ABU)
    return bytes(pdf.output())
