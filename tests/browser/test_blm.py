"""Browser check of the BLM page: it renders in Chromium with its charts drawn, no error box and no
request leaving localhost, for Kota Solok 2008–2014, Kab. Serang P2KP-1 and one kelurahan."""
from tests.browser.conftest import buka, grafik_tergambar



def test_blm_kota_solok(halaman):
    buka(halaman, "/blm?kab=13.72&tahun=2008-2014", "blm")
    grafik_tergambar(halaman, 6)
    assert halaman.get_by_text("Rp 9.381.893.000 · 13 kelurahan/desa").count() == 1
    assert halaman.keluar == []


def test_blm_serang_p2kp1_small_screen(halaman):
    buka(halaman, "/blm?kab=36.04&program=P2KP-1", "blm_serang_1024", lebar=1024, tinggi=768)
    grafik_tergambar(halaman, 6)
    assert halaman.keluar == []


def test_blm_one_kelurahan(halaman):
    buka(halaman, "/blm?kel=13.72.01.1001&tahun=2008-2014", "blm_kelurahan")
    grafik_tergambar(halaman, 6)
    assert halaman.keluar == []
