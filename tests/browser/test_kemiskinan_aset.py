"""Browser check of Data Kemiskinan and Aset & Alih Kelola: the pages render in Chromium with charts, no error
box and no request leaving localhost, on a wide screen and on a 1024 × 768 projector."""
import pytest

from tests.browser.conftest import buka


def grafik_tergambar(halaman) -> int:
    """The number of Plotly charts drawn, after waiting for the first one (charts load after the text)."""
    halaman.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
    return halaman.locator(".js-plotly-plot").count()


@pytest.mark.parametrize("lebar, tinggi", [(1366, 900), (1024, 768)])
def test_kemiskinan_page_draws_the_matrix_and_charts(halaman, lebar, tinggi):
    buka(halaman, "/kemiskinan?kab=13.72", f"kemiskinan_{lebar}", lebar, tinggi)
    assert halaman.get_by_role("heading", name="Data Kemiskinan").count() >= 1
    assert grafik_tergambar(halaman) >= 1
    assert halaman.keluar == []


def test_kemiskinan_page_for_one_kelurahan(halaman):
    buka(halaman, "/kemiskinan?kel=13.72.01.1004", "kemiskinan_kelurahan")
    assert grafik_tergambar(halaman) >= 1
    assert halaman.keluar == []


def test_kemiskinan_page_empty_selection(halaman):
    buka(halaman, "/kemiskinan?kab=13.72&tahun=2003-2005", "kemiskinan_kosong")
    assert halaman.get_by_text("Belum ada data").count() >= 1


@pytest.mark.parametrize("lebar, tinggi", [(1366, 900), (1024, 768)])
def test_aset_page_draws_its_charts(halaman, lebar, tinggi):
    buka(halaman, "/aset?kab=13.72", f"aset_{lebar}", lebar, tinggi)
    assert halaman.get_by_role("heading", name="Aset & Alih Kelola").count() >= 1
    assert grafik_tergambar(halaman) >= 1
    assert halaman.keluar == []


def test_aset_page_in_english(halaman):
    buka(halaman, "/aset?kab=36.04&lang=en", "aset_en")
    assert halaman.get_by_role("heading", name="Assets & handover").count() >= 1
    assert halaman.keluar == []
