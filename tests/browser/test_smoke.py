"""Browser smoke test: the app and the Metodologi page render in Chromium with no error box and no
request leaving localhost."""
from tests.browser.conftest import buka


def test_app_opens(halaman):
    buka(halaman, "/", "app")
    assert halaman.locator("[data-testid='stSidebarNav']").count() == 1
    assert halaman.keluar == []


def test_metodologi_page_renders_the_catalogue(halaman):
    buka(halaman, "/metodologi", "metodologi")
    assert halaman.get_by_text("LAR (Loan at Risk)").count() >= 1
    assert halaman.keluar == []


def test_bad_url_parameter_shows_a_notice(halaman):
    buka(halaman, "/metodologi?kab=99.99", "metodologi_param_salah")
    assert halaman.get_by_text("tidak ada dalam data").count() >= 1


def test_english_switch(halaman):
    buka(halaman, "/metodologi?lang=en", "metodologi_en")
    assert halaman.get_by_role("heading", name="Methodology").count() >= 1
