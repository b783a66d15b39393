"""Browser check of the 100-0-100 page (url path /permukiman): it renders in Chromium for Kota Metro and for
one kelurahan, its Plotly charts draw, no error box shows and no request leaves localhost."""
from tests.browser.conftest import buka, grafik_tergambar



def test_permukiman_kota_metro(halaman):
    buka(halaman, "/permukiman?kab=18.72", "permukiman_metro")
    grafik_tergambar(halaman, 8)
    assert halaman.get_by_text("tidak tercapai").count() >= 1
    assert halaman.keluar == []


def test_permukiman_small_screen(halaman):
    buka(halaman, "/permukiman?kab=18.72&target=2024", "permukiman_metro_1024", lebar=1024, tinggi=768)
    grafik_tergambar(halaman, 1)
    assert halaman.keluar == []


def test_permukiman_one_kelurahan(halaman):
    buka(halaman, "/permukiman?kel=18.72.01.1001", "permukiman_kelurahan")
    grafik_tergambar(halaman, 1)
    assert halaman.keluar == []
