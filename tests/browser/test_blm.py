"""Browser check of the BLM page: it renders in Chromium with its charts drawn, no error box and no
request leaving localhost, for Kota Solok 2008–2014, Kab. Serang P2KP-1 and one kelurahan."""
from pathlib import Path

import pytest

from tests.browser.conftest import buka

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif('url_path="blm"' not in (ROOT / "app.py").read_text(encoding="utf-8"),
                                reason="the BLM page is not registered in app.py yet (url_path 'blm')")


def _grafik_tergambar(halaman, minimal: int) -> None:
    halaman.wait_for_function(f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {minimal}",
                              timeout=30_000)
    assert halaman.locator(".js-plotly-plot").count() >= minimal


def test_blm_kota_solok(halaman):
    buka(halaman, "/blm?kab=13.72&tahun=2008-2014", "blm")
    _grafik_tergambar(halaman, 6)
    assert halaman.get_by_text("Rp 9.381.893.000 · 13 kelurahan/desa").count() == 1
    assert halaman.keluar == []


def test_blm_serang_p2kp1_small_screen(halaman):
    buka(halaman, "/blm?kab=36.04&program=P2KP-1", "blm_serang_1024", lebar=1024, tinggi=768)
    _grafik_tergambar(halaman, 6)
    assert halaman.keluar == []


def test_blm_one_kelurahan(halaman):
    buka(halaman, "/blm?kel=13.72.01.1001&tahun=2008-2014", "blm_kelurahan")
    _grafik_tergambar(halaman, 6)
    assert halaman.keluar == []
