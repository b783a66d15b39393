"""Briefing exports: the one-page PDF (text read back with pypdf: the right numbers, Indonesian characters,
the demo mark), the PPTX deck (the expected slides, a native table), the XLSX workbook (filters in the
header rows), and what happens without Chromium (documents without charts that say so)."""
from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pypdf import PdfReader

from pantau import briefing_pdf, briefing_pptx, briefing_xlsx, dana_bergulir, gambar, ringkasan
from pantau.i18n import t
from pantau.pilihan import Pilihan
from tests.test_ringkasan import fixture_ringkasan

perlu_chromium = pytest.mark.skipif(not gambar.tersedia(), reason="no Chromium at /usr/bin/chromium: kaleido "
                                                                  "cannot draw chart images")


@pytest.fixture(autouse=True)
def sabar(monkeypatch):
    """A shared test machine may be slow: give Chromium longer than the app's 8 s (the budget is a benchmark)."""
    monkeypatch.setattr(gambar, "BATAS_DETIK", 60)


@pytest.fixture
def briefing_uji(buat_versi):
    buat_versi(fixture_ringkasan())
    return ringkasan.briefing(Pilihan("", 2010, 2010, (), "id"), date(2010, 12, 1), 2019)


@pytest.fixture
def briefing_solok(demo_aktif):
    p = Pilihan("13.72", 2008, 2014, (), "id")
    return ringkasan.briefing(p, dana_bergulir.bulan_laporan(p), 2019)


def _pdf(b) -> PdfReader:
    return PdfReader(io.BytesIO(briefing_pdf.buat(b)))


def _teks(pdf: PdfReader) -> str:
    return " ".join(" ".join(h.extract_text().split()) for h in pdf.pages)


# ---------------------------------------------------------------- PDF
def test_pdf_is_one_a4_landscape_page_with_the_hand_computed_numbers(briefing_uji):
    pdf = _pdf(briefing_uji)
    assert len(pdf.pages) == 1
    kotak = pdf.pages[0].mediabox
    assert (round(float(kotak.width)), round(float(kotak.height))) == (842, 595)      # A4 landscape in points
    teks = _teks(pdf)
    assert "Ringkasan program — Semua wilayah" in teks
    assert "Rp 250 juta" in teks                 # 60 + 40 + 150 juta in 2010
    assert "▲ 400,0 % vs 2009" in teks           # (250 − 50) ÷ 50
    assert "1 dari 1" in teks and "25,0 %" in teks          # one UPK in Penundaan; PAR 300 rb ÷ 1,2 jt
    assert "UPK Penundaan: LAR 50,0 %, PAR 25,0 %" in teks
    assert "Data per 1 Desember 2024" in teks
    assert "DATA DEMO" not in teks               # the fixture is not demo data


def test_pdf_of_demo_data_carries_the_demo_mark_and_the_seed_total(briefing_solok):
    pdf = _pdf(briefing_solok)
    for halaman in pdf.pages:
        assert "DATA DEMO" in halaman.extract_text()
    teks = _teks(pdf)
    assert "Kota Solok (13.72)" in teks and "2008–2014" in teks
    assert "Rp 9,38 miliar" in teks              # the seed total (domain.md §4)
    assert "aturan Pantau" in teks               # own rules are labelled


@perlu_chromium
def test_pdf_has_one_chart_per_programme(demo_aktif):
    p = Pilihan("13.72", 2008, 2024, (), "id")          # 2008–2014 has no 100-0-100 figures yet
    b = ringkasan.briefing(p, dana_bergulir.bulan_laporan(p), 2019)
    grafik = [g for g in b.bagian if g.grafik is not None]
    assert len(_pdf(b).pages[0].images) == len(grafik) == 3


def test_without_chromium_the_documents_have_no_charts_and_say_so(briefing_uji, monkeypatch):
    monkeypatch.setattr(gambar, "chromium", lambda: None)
    gambar.kosongkan()
    pdf = _pdf(briefing_uji)
    assert len(pdf.pages[0].images) == 0
    assert t("ringkasan.ekspor.tanpa_grafik", "id") in _teks(pdf)
    deck = Presentation(io.BytesIO(briefing_pptx.buat(briefing_uji)))
    teks = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    assert t("ringkasan.ekspor.tanpa_grafik", "id") in teks


# ---------------------------------------------------------------- PPTX
def _judul_slide(slide) -> str:
    return next(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_pptx_has_the_expected_slides(briefing_solok):
    deck = Presentation(io.BytesIO(briefing_pptx.buat(briefing_solok)))
    assert (deck.slide_width, deck.slide_height) == (12191695, 6858000)      # 13.333 × 7.5 in: 16:9
    judul = [_judul_slide(s) for s in deck.slides]
    assert judul == [briefing_solok.judul, *(t(f"ringkasan.ekspor.bagian.{b}", "id")
                                             for b in ("blm", "dana_bergulir", "permukiman")),
                     t("ringkasan.bagian.perhatian", "id")]
    pembuka = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert all(k in pembuka for k in briefing_solok.ringkasan.kalimat)
    for slide in deck.slides:
        assert any(s.has_text_frame and s.text_frame.text == "DATA DEMO" for s in slide.shapes)
        assert any(s.has_text_frame and "Kota Solok (13.72)" in s.text_frame.text for s in slide.shapes)
    blm_ = " ".join(s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame)
    assert "Rp 9,38 miliar" in blm_


def test_pptx_attention_list_is_a_native_table(briefing_solok):
    deck = Presentation(io.BytesIO(briefing_pptx.buat(briefing_solok)))
    tabel = [s.table for s in deck.slides[-1].shapes if s.has_table]
    assert len(tabel) == 1
    baris = [[c.text for c in r.cells] for r in tabel[0].rows]
    assert baris[0] == [t(f"ringkasan.perhatian.kolom.{k}", "id") for k in ("kelurahan", "wilayah", "skor", "alasan")]
    assert [r[0] for r in baris[1:]] == briefing_solok.ringkasan.perhatian.nama.tolist()
    assert 1 <= len(baris) - 1 <= ringkasan.jumlah_perhatian()


@perlu_chromium
def test_pptx_programme_slides_carry_their_chart(briefing_solok):
    deck = Presentation(io.BytesIO(briefing_pptx.buat(briefing_solok)))
    for slide, bagian in zip(list(deck.slides)[1:4], briefing_solok.bagian):
        gambar_ = sum(s.shape_type == 13 for s in slide.shapes)           # 13 = picture
        assert gambar_ == (1 if bagian.grafik is not None else 0), bagian.nama
    assert [b.grafik is not None for b in briefing_solok.bagian] == [True, True, False]   # no 100-0-100 before 2015


# ---------------------------------------------------------------- XLSX
def test_xlsx_one_sheet_per_table_with_the_filters_in_the_header(briefing_uji):
    wb = load_workbook(io.BytesIO(briefing_xlsx.buat(briefing_uji)))
    assert wb.sheetnames == [t(f"ringkasan.ekspor.lembar_{k}", "id") for k in ("angka", "kalimat", "perhatian")]
    ws = wb[t("ringkasan.ekspor.lembar_angka", "id")]
    kepala = {ws.cell(i, 1).value: ws.cell(i, 2).value for i in range(1, 12)}
    assert kepala["Wilayah"] == "Semua wilayah" and kepala["Tahun"] == "2010"
    assert kepala[t("ringkasan.ekspor.bulan_upk", "id")] == "Desember 2010"
    baris = [[c.value for c in r] for r in ws.iter_rows()]
    blm_ = next(r for r in baris if r[0] == "Total BLM 2010")
    assert blm_[4] == 250 * 1_000_000 and blm_[6] == 50 * 1_000_000 and blm_[5] == "2009"
    perhatian = [[c.value for c in r] for r in wb[t("ringkasan.ekspor.lembar_perhatian", "id")].iter_rows()]
    kolom = perhatian.index(next(r for r in perhatian if r[0] == "Kode"))
    assert [r[0] for r in perhatian[kolom + 1:]] == ["13.72.01.1001", "13.72.01.1002"]
    assert perhatian[kolom + 1][3] == pytest.approx(3.0) and perhatian[kolom + 2][3] == pytest.approx(2.5)


# ---------------------------------------------------------------- per-page export: a page's own slides
def test_a_pages_slides_as_a_deck(briefing_solok, demo_aktif):
    p = Pilihan("13.72", 2008, 2014, (), "id")
    slides = ringkasan.slides_halaman(p, dana_bergulir.bulan_laporan(p), 2019)["blm"]
    deck = Presentation(io.BytesIO(briefing_pptx.dari_slides(briefing_solok, slides)))
    assert [_judul_slide(s) for s in deck.slides] == [s.judul for s in slides]
    kartu = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "Rp 9,38 miliar" in kartu and "DATA DEMO" in kartu
    assert "**" not in " ".join(s.text_frame.text for sl in deck.slides for s in sl.shapes if s.has_text_frame)
