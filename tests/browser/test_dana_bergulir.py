"""Browser check of the Dana Bergulir page: charts and the scorecard draw in Chromium, at a laptop and a
projector size, with no error box and no request leaving localhost."""
from tests.browser.conftest import buka, grafik_tergambar


def test_dana_bergulir_draws_its_charts_and_scorecard(halaman):
    buka(halaman, "/dana_bergulir?kab=36.04&tahun=2004&periode=2004-11", "dana_bergulir_serang")
    assert halaman.get_by_role("heading", name="Dana Bergulir").count() >= 1
    assert grafik_tergambar(halaman, 4) >= 4
    assert halaman.locator("[data-testid='stDataFrame']").count() >= 1
    assert halaman.get_by_text("2.802").count() >= 1
    assert halaman.keluar == []


def test_dana_bergulir_one_upk_at_projector_size(halaman):
    buka(halaman, "/dana_bergulir?kel=13.72.01.1001", "dana_bergulir_upk_1024", lebar=1024, tinggi=768)
    assert grafik_tergambar(halaman, 1) >= 1
    assert halaman.get_by_text("Daftar KSM").count() >= 1
    assert halaman.keluar == []
