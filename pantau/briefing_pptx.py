"""The briefing as a 16:9 PPTX deck: a title slide with the key messages, one slide per programme with its
numbers and chart, and one slide with the kelurahan that need attention as a native table. Every slide
carries the active filters, the data date and, for demo data, a "DATA DEMO" mark. Numbers come already
formatted by `pantau.fmt`; charts are the PNGs the PDF also uses (`pantau.gambar.png_ekspor`).

`dari_slides` makes a deck of any page's own slides (the per-page export: one slide per headline, chart or
table, as in presentation mode)."""
from __future__ import annotations

import io
import re

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from pantau import gambar, katalog
from pantau.i18n import t
from pantau.layout import Angka
from pantau.presentasi import Slide
from pantau.ringkasan import Bagian, Briefing, tabel_perhatian

LEBAR, TINGGI = Inches(13.333), Inches(7.5)
HITAM, ABU, MERAH, PUTIH = RGBColor(0x11, 0x11, 0x11), RGBColor(0x5A, 0x60, 0x69), RGBColor(0xC6, 0x28, 0x28), \
    RGBColor(0xFF, 0xFF, 0xFF)


def _warna(hex_: str) -> RGBColor:
    return RGBColor.from_string(hex_.lstrip("#").upper())


def _teks(slide, x, y, w, h, baris: list[tuple[str, float, bool, RGBColor]], rata=PP_ALIGN.LEFT):
    """A text box with one paragraph per (text, size pt, bold, colour)."""
    kotak = slide.shapes.add_textbox(x, y, w, h)
    tf = kotak.text_frame
    tf.word_wrap = True
    for i, (isi, ukuran, tebal, warna) in enumerate(baris):
        par = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        par.alignment = rata
        run = par.add_run()
        run.text = isi
        run.font.size, run.font.bold, run.font.color.rgb = Pt(ukuran), tebal, warna
    return kotak


def _kerangka(prs, b: Briefing, judul: str):
    """A blank slide with its title, the demo mark and the filters line."""
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _teks(slide, Inches(0.5), Inches(0.3), Inches(10.8), Inches(0.9), [(judul, 28, True, HITAM)])
    if b.demo:
        tanda = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(11.1), Inches(0.35), Inches(1.8), Inches(0.5))
        tanda.fill.solid()
        tanda.fill.fore_color.rgb = MERAH
        tanda.line.fill.background()
        tanda.text_frame.text = t("ringkasan.ekspor.demo", b.lang)
        run = tanda.text_frame.paragraphs[0].runs[0]
        run.font.size, run.font.bold, run.font.color.rgb = Pt(16), True, PUTIH
    kaki = " · ".join([*(f"{label}: {nilai}" for label, nilai in b.filter),
                       t("ringkasan.ekspor.data_per", b.lang, tanggal=b.tanggal_data)])
    _teks(slide, Inches(0.5), Inches(6.95), Inches(12.3), Inches(0.4), [(kaki, 11, False, ABU)])
    return slide


def _judul(prs, b: Briefing) -> None:
    slide = _kerangka(prs, b, b.judul)
    rincian = " · ".join([*(f"{label}: {nilai}" for label, nilai in b.filter),
                          t("ringkasan.ekspor.dibuat", b.lang, tanggal=b.dibuat)])
    baris = [(rincian, 14, False, ABU)]
    if b.demo:
        baris.append((t("ringkasan.ekspor.demo_catatan", b.lang), 14, True, MERAH))
    _teks(slide, Inches(0.5), Inches(1.15), Inches(12.3), Inches(0.8), baris)
    pesan = [(t("ringkasan.bagian.kalimat", b.lang), 20, True, HITAM)]
    pesan += [(f"• {k}", 16, False, HITAM) for k in b.ringkasan.kalimat]
    _teks(slide, Inches(0.5), Inches(2.1), Inches(12.3), Inches(4.7), pesan)


def _kartu(slide, a: Angka, x, y, w, lang: str) -> None:
    """One headline number: status bar, label, value, change and band."""
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, y, Inches(0.12), Inches(1.35))
    bar.fill.solid()
    bar.fill.fore_color.rgb = _warna(katalog.warna(a.status))
    bar.line.fill.background()
    catatan = a.catatan + (f" · {t('umum.aturan_sendiri', lang)}" if a.aturan_sendiri else "")
    warna = _warna(katalog.warna(a.status)) if a.status else ABU
    _teks(slide, x + Inches(0.2), y - Inches(0.05), w - Inches(0.2), Inches(1.4),
          [(a.label, 12, True, HITAM), (a.nilai, 26, True, HITAM), (catatan, 11, True, warna)])


def _program(prs, b: Briefing, bagian: Bagian, png: bytes | None) -> None:
    slide = _kerangka(prs, b, bagian.judul)
    y = Inches(1.3)
    for a in bagian.angka[:4]:
        _kartu(slide, a, Inches(0.5), y, Inches(3.9), b.lang)
        y += Inches(1.38)
    if bagian.grafik is None:
        return
    _teks(slide, Inches(5.0), Inches(1.2), Inches(7.9), Inches(0.5), [(bagian.grafik.judul, 14, True, HITAM)])
    kiri, atas, lebar = Inches(5.0), Inches(1.75), Inches(7.9)
    if png is None:
        tanpa = t("ringkasan.ekspor.tanpa_grafik", b.lang)
        _teks(slide, kiri, Inches(3.5), lebar, Inches(1), [(tanpa, 16, False, ABU)])
        return
    tinggi = Emu(int(lebar * gambar.EKSPOR_PX[1] / gambar.EKSPOR_PX[0]))
    slide.shapes.add_picture(io.BytesIO(png), kiri, atas, lebar, tinggi)


def _tabel(slide, df, y, lebar_kolom: tuple[float, ...] | None = None) -> None:
    """A native table: the header row in bold, every cell as text (numbers already formatted)."""
    lebar_kolom = lebar_kolom or tuple(12.3 / len(df.columns) for _ in df.columns)
    bentuk = slide.shapes.add_table(len(df) + 1, len(df.columns), Inches(0.5), y, Inches(12.3),
                                    Inches(0.45) * (len(df) + 1))
    for j, lebar in enumerate(lebar_kolom):
        bentuk.table.columns[j].width = Inches(lebar)
    for i, baris in enumerate([list(df.columns), *df.astype(str).itertuples(index=False)]):
        for j, isi in enumerate(baris):
            sel = bentuk.table.cell(i, j)
            sel.text = str(isi)
            for par in sel.text_frame.paragraphs:
                for run in par.runs:
                    run.font.size, run.font.bold = Pt(13), i == 0


def _perhatian(prs, b: Briefing) -> None:
    slide = _kerangka(prs, b, t("ringkasan.bagian.perhatian", b.lang))
    df = tabel_perhatian(b.ringkasan.perhatian, b.lang)
    if df.empty:
        _teks(slide, Inches(0.5), Inches(1.5), Inches(12.3), Inches(1), [(t("ringkasan.perhatian.kosong", b.lang),
                                                                          18, False, HITAM)])
    else:
        _tabel(slide, df, Inches(1.3), (2.4, 2.9, 0.9, 6.1))
    _teks(slide, Inches(0.5), Inches(5.75), Inches(12.3), Inches(1.1), [(b.aturan_perhatian, 10, False, ABU)])


def _polos(teks: str) -> str:
    """Markdown emphasis (**bold**, *italic*) removed: slides carry plain runs."""
    return re.sub(r"\*{1,2}([^*]+)\*{1,2}", r"\1", teks)


def _satu_slide(prs, b: Briefing, s: Slide, png: bytes | None) -> None:
    """One page slide: its headline (large), chart, table or sentences, and its small print."""
    slide = _kerangka(prs, b, s.judul)
    y = Inches(1.3)
    if s.angka is not None:
        _kartu(slide, s.angka, Inches(0.5), y, Inches(12.3), b.lang)
        y += Inches(1.6)
    if png is not None:
        lebar = Inches(7.6)
        slide.shapes.add_picture(io.BytesIO(png), Inches(2.87), y, lebar,
                                 Emu(int(lebar * gambar.EKSPOR_PX[1] / gambar.EKSPOR_PX[0])))
    elif s.gambar is not None:
        _teks(slide, Inches(0.5), Inches(3.5), Inches(12.3), Inches(1),
              [(t("ringkasan.ekspor.tanpa_grafik", b.lang), 16, False, ABU)])
    if s.tabel is not None and len(s.tabel):
        _tabel(slide, s.tabel, y)
    if s.teks:
        _teks(slide, Inches(0.5), y, Inches(12.3), Inches(3.5), [(f"• {_polos(k)}", 18, False, HITAM) for k in s.teks])
    if s.catatan:
        _teks(slide, Inches(0.5), Inches(6.4), Inches(12.3), Inches(0.5), [(_polos(s.catatan), 10, False, ABU)])


def buat(b: Briefing) -> bytes:
    """The PPTX deck of the briefing."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = LEBAR, TINGGI
    _judul(prs, b)
    png = gambar.png_ekspor([g.grafik.figur if g.grafik is not None else None for g in b.bagian])
    for bagian, isi in zip(b.bagian, png):
        _program(prs, b, bagian, isi)
    _perhatian(prs, b)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def dari_slides(b: Briefing, slides: list[Slide]) -> bytes:
    """A deck of a page's own slides (one headline, chart, table or set of sentences each), with the same
    filters line, data date and demo mark as the briefing."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = LEBAR, TINGGI
    for s, png in zip(slides, gambar.png_ekspor([s.figur for s in slides])):
        _satu_slide(prs, b, s, png)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
