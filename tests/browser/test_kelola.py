"""Browser check of Kelola Data: the page, its data quality chart and the admin notice render in Chromium at
1366×900 and 1024×768, with no error box and no request leaving localhost."""
from pathlib import Path

import pytest

from tests.browser.conftest import buka, tunggu_selesai

APP = Path(__file__).resolve().parents[2] / "app.py"
pytestmark = pytest.mark.skipif("kelola-data" not in APP.read_text(encoding="utf-8"),
                                reason="pages/kelola_data.py is not registered in app.py yet")


@pytest.mark.parametrize("lebar, tinggi", [(1366, 900), (1024, 768)])
def test_kelola_data_renders_with_the_quality_chart(halaman, lebar, tinggi):
    buka(halaman, "/kelola-data", f"kelola_{lebar}", lebar, tinggi)
    assert halaman.get_by_role("heading", name="Kelola Data").count() >= 1
    assert halaman.get_by_text("Admin belum diatur").count() >= 1 or halaman.get_by_text(
        "Masuk sebagai admin", exact=True).count() >= 1
    halaman.get_by_role("tab", name="Kualitas data").click()
    tunggu_selesai(halaman)
    halaman.wait_for_selector(".js-plotly-plot", timeout=30_000)
    assert halaman.locator(".js-plotly-plot").count() >= 1
    halaman.screenshot(path=str(APP.parent / "tests" / "artifacts" / f"kelola_kualitas_{lebar}.png"), full_page=True)
    assert halaman.keluar == []
