"""Presentation mode: the slide number from the URL, the sequence built from the pages' own slides, and the
page (AppTest): position "3 / N", next/previous, bad slide numbers, the filters on every slide, exit, and
the app routing `?mode=presentasi`."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pantau import blm, dana_bergulir, permukiman, presentasi, ringkasan
from pantau.i18n import t
from pantau.pilihan import Pilihan

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- slide number
@pytest.mark.parametrize("mentah, nomor, catatan", [
    (None, 1, None), ("", 1, None), ("3", 3, None), (" 8 ", 8, None),
    ("abc", 1, "presentasi.catatan.slide_salah"), ("3; drop table", 1, "presentasi.catatan.slide_salah"),
    ("0", 1, "presentasi.catatan.slide_luar"), ("99", 8, "presentasi.catatan.slide_luar"),
])
def test_slide_number_from_the_url(mentah, nomor, catatan):
    hasil, salah = presentasi.baca_nomor(mentah, 8)
    assert hasil == nomor
    assert (salah[0] if salah else None) == catatan


def test_presentation_opened_from_a_page_starts_at_its_part():
    slides = [presentasi.Slide("ringkasan", "a"), presentasi.Slide("blm", "b"), presentasi.Slide("dana_bergulir", "c")]
    assert presentasi.nomor_awal(slides, "http://127.0.0.1:8501/dana_bergulir") == 3
    assert presentasi.nomor_awal(slides, "http://127.0.0.1:8501/") == 1
    assert presentasi.nomor_awal(slides, "http://127.0.0.1:8501/aset") == 1
    assert presentasi.nomor_awal(slides, None) == 1


# ---------------------------------------------------------------- the sequence comes from the pages
@pytest.fixture
def solok(demo_aktif):
    p = Pilihan("13.72", 2008, 2024, (), "id")
    return p, dana_bergulir.bulan_laporan(p)


def test_sequence_is_the_pages_own_slides(solok):
    p, periode = solok
    slides = ringkasan.slides(p, periode, 2019)
    assert slides[0].judul == t("ringkasan.bagian.kalimat", "id") and slides[0].jenis == "teks"
    assert slides[-1].judul == t("ringkasan.bagian.perhatian", "id") and slides[-1].jenis == "tabel"
    tengah = slides[1:-1]
    halaman = blm.slides(p) + dana_bergulir.slides(p, periode) + permukiman.slides(p, 2019)
    assert [(s.bagian, s.judul, s.jenis) for s in tengah] == [(s.bagian, s.judul, s.jenis) for s in halaman]
    assert [s.bagian for s in tengah] == sorted((s.bagian for s in tengah),
                                                key=["blm", "dana_bergulir", "permukiman"].index)


def test_each_slide_holds_one_headline_chart_or_table(solok):
    p, periode = solok
    for s in ringkasan.slides(p, periode, 2019):
        assert sum(x is not None for x in (s.angka, s.gambar, s.tabel)) <= 1, s.judul


def test_the_headline_slides_are_the_pages_cards(solok):
    p, _ = solok
    assert [s.angka for s in blm.slides(p) if s.angka] == [blm.angka_utama(blm.ringkasan(p))[i] for i in (0, 3)]


# ---------------------------------------------------------------- the page (AppTest)
def jalankan(path: str = "pages/presentasi.py", **url) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=90)
    for k, v in {"mode": "presentasi", **url}.items():
        at.query_params[k] = v
    return at.run()


def _posisi(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("<div class='pantau-posisi'"))


def test_page_shows_the_position_and_steps_forward_and_back(demo_aktif):
    at = jalankan(kab="13.72", slide="3")
    assert not at.exception
    jumlah = len(ringkasan.slides(Pilihan("13.72", 2003, 2024, (), "id"),
                                  dana_bergulir.bulan_laporan(Pilihan("13.72", 2003, 2024, (), "id")), 2019))
    assert f">3 / {jumlah}<" in _posisi(at)
    at.button(key="pres_berikutnya").click().run()
    assert at.query_params["slide"] == "4" and f">4 / {jumlah}<" in _posisi(at)
    at.button(key="pres_sebelumnya").click().run()
    at.button(key="pres_sebelumnya").click().run()
    assert at.query_params["slide"] == "2" and not at.exception
    shortcut = {k: at.button(key=f"pres_{k}").proto.shortcut for k in ("sebelumnya", "berikutnya", "keluar")}
    assert shortcut == {"sebelumnya": "left", "berikutnya": "right", "keluar": "escape"}   # keyboard / clicker


def test_page_first_and_last_slides_disable_the_way_out(demo_aktif):
    at = jalankan(kab="13.72", slide="1")
    assert at.button(key="pres_sebelumnya").disabled and not at.button(key="pres_berikutnya").disabled
    at = jalankan(kab="13.72", slide="999")
    assert not at.exception
    assert len(at.warning) == 1 and at.button(key="pres_berikutnya").disabled


def test_page_bad_slide_number_gives_a_notice(demo_aktif):
    at = jalankan(kab="13.72", slide="drei")
    assert not at.exception
    assert at.warning[0].value.startswith("Slide 'drei' bukan nomor slide")
    assert at.title[0].value == t("ringkasan.bagian.kalimat", "id")


def test_every_slide_shows_the_active_filters(demo_aktif):
    at = jalankan(kab="13.72", tahun="2008-2014", slide="1")
    jumlah = int(_posisi(at).split("/ ")[1].split("<")[0])
    for nomor in range(1, jumlah + 1):
        at.query_params["slide"] = str(nomor)
        at.run()
        assert not at.exception, nomor
        atas = next(m.value for m in at.markdown if m.value.startswith("<div class='pantau-atas'"))
        assert "Kota Solok (13.72)" in atas and "2008–2014" in atas and "DATA DEMO" in atas, nomor


def test_page_exit_leaves_presentation_mode_keeping_the_filters(demo_aktif):
    at = jalankan(kab="13.72", slide="2")
    at.button(key="pres_keluar").click().run()
    assert "mode" not in at.query_params and "slide" not in at.query_params
    assert at.query_params["kab"] == "13.72"


def test_page_empty_selection(demo_aktif):
    at = jalankan(kab="18.72", tahun="2003-2005")
    assert not at.exception
    assert any(i.value == t("presentasi.kosong", "id") for i in at.info)


def test_app_routes_presentation_mode_and_defaults_to_ringkasan(demo_aktif):
    at = jalankan("app.py", kab="13.72")
    assert not at.exception
    assert at.title[0].value == t("ringkasan.bagian.kalimat", "id")
    assert len(at.sidebar.button) == 0                      # no menu button, no filters shown
    biasa = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not biasa.exception and biasa.title[0].value == t("ringkasan.judul", "id")
    assert biasa.button(key="app_presentasi").label == t("presentasi.masuk", "id")
