"""Browser check of Ringkasan (the default page, served at "/") at 1366×900 and 1024×768, and of
presentation mode on a 1024×768 projector: charts drawn, no error box, no request leaving localhost, no
sidebar in presentation mode, the position and the filters on the slide, next/exit buttons that work, and the
same with the arrow keys and Esc."""
from pathlib import Path

from tests.browser.conftest import ARTIFACTS, buka, grafik_tergambar, tunggu_selesai


def _foto(halaman, nama: str) -> None:
    """The screenshot again once the charts have drawn (the harness takes its own as soon as the title shows)."""
    halaman.wait_for_timeout(800)
    halaman.screenshot(path=str(ARTIFACTS / f"{nama}.png"), full_page=True)


def test_ringkasan_kota_solok(halaman):
    buka(halaman, "/?kab=13.72", "ringkasan_solok")
    grafik_tergambar(halaman, 3)
    _foto(halaman, "ringkasan_solok")
    assert halaman.get_by_text("Pesan utama").count() >= 1
    assert halaman.locator("[data-testid='stDownloadButton']").count() >= 3     # PDF, PPTX, XLSX (+ table)
    with halaman.expect_download(timeout=60_000) as unduh:
        halaman.get_by_role("button", name="⬇ PDF", exact=True).click()
    pdf = Path(unduh.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and unduh.value.suggested_filename == "ringkasan_13.72_2003-2024.pdf"
    assert halaman.keluar == []


def test_ringkasan_is_the_default_page_on_a_small_screen(halaman):
    buka(halaman, "/?kab=18.72", "ringkasan_metro_1024", lebar=1024, tinggi=768)
    assert halaman.get_by_role("heading", name="Ringkasan").count() >= 1
    grafik_tergambar(halaman, 3)
    _foto(halaman, "ringkasan_metro_1024")
    assert halaman.keluar == []


def test_presentation_mode_on_a_projector(halaman):
    buka(halaman, "/?kab=13.72&mode=presentasi&slide=3", "presentasi_1024", lebar=1024, tinggi=768)
    grafik_tergambar(halaman, 1)
    _foto(halaman, "presentasi_1024")
    assert halaman.get_by_text("Page not found").count() == 0
    assert not halaman.locator("[data-testid='stSidebar']").is_visible()
    atas = halaman.locator(".pantau-atas").inner_text()
    assert "Kota Solok (13.72)" in atas and "DATA DEMO" in atas and "3 / " in atas
    judul = halaman.locator("h1").first.bounding_box()
    assert judul["height"] >= 34                                     # large type for the back row
    halaman.get_by_role("button", name="Berikutnya ▶").click()
    halaman.wait_for_url("**slide=4**")
    tunggu_selesai(halaman)
    assert "4 / " in halaman.locator(".pantau-posisi").inner_text()
    halaman.locator("h1").first.click()                             # the keys go to the page, not a widget
    halaman.keyboard.press("ArrowRight")
    halaman.wait_for_url("**slide=5**")
    tunggu_selesai(halaman)
    halaman.keyboard.press("ArrowLeft")
    halaman.wait_for_url("**slide=4**")
    tunggu_selesai(halaman)
    assert "4 / " in halaman.locator(".pantau-posisi").inner_text()
    halaman.keyboard.press("Escape")
    halaman.wait_for_function("() => !location.search.includes('mode=presentasi')")
    tunggu_selesai(halaman)
    assert halaman.get_by_role("heading", name="Ringkasan").count() >= 1
    assert halaman.keluar == []


def test_presentation_mode_from_a_page_starts_at_its_slides(halaman):
    buka(halaman, "/dana_bergulir?kab=13.72&mode=presentasi", "presentasi_dana_1024", lebar=1024, tinggi=768)
    assert "Dana Bergulir" in halaman.locator("h1").first.inner_text()
    assert halaman.get_by_text("Page not found").count() == 0
    assert halaman.keluar == []
