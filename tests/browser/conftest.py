"""Browser harness: a real `streamlit run` on localhost with the demo data, driven by Playwright
through Debian's Chromium (`executable_path`). Skipped, with the reason, when Chromium is missing."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]
LOKAL = {"localhost", "127.0.0.1", "::1", "[::1]"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if CHROMIUM is None:
                item.add_marker(pytest.mark.skip(reason="Debian chromium is not installed (run `make test` as root "
                                                        "to install it); browser tests skipped"))


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu_sehat(url: str, proses: subprocess.Popen, batas: float = 60) -> None:
    akhir = time.time() + batas
    while time.time() < akhir:
        if proses.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proses.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not become healthy in time")


@contextmanager
def jalankan_server(data: Path, log_nama: str = "streamlit.log", **env_tambahan: str):
    """A Streamlit server on a free loopback port serving `data` (extra environment variables allowed)."""
    port = _port_bebas()
    env = dict(os.environ, PANTAU_DATA=str(data), **env_tambahan)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / log_nama, "w")
    proses = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                               "--server.port", str(port), "--server.address", "127.0.0.1",
                               "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _tunggu_sehat(url, proses)
        yield url
    finally:
        proses.terminate()
        try:
            proses.wait(10)
        except subprocess.TimeoutExpired:
            proses.kill()
        log.close()


@pytest.fixture(scope="session")
def server(folder_demo):
    """A Streamlit server on a free loopback port, serving the demo dataset."""
    with jalankan_server(folder_demo) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def halaman(browser, server):
    """A fresh page that records every request leaving localhost (and blocks it)."""
    konteks = browser.new_context(viewport={"width": 1366, "height": 900}, locale="id-ID")
    keluar: list[str] = []

    def saring(route):
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOKAL:
            return route.continue_()
        keluar.append(route.request.url)
        return route.abort()

    konteks.route("**/*", saring)
    page = konteks.new_page()
    page.keluar = keluar
    page.server = server
    yield page
    konteks.close()


def tunggu_selesai(page, batas_ms: int = 30_000) -> None:
    """Wait until the app has rendered and no script run is in progress."""
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=batas_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=batas_ms)
    page.wait_for_timeout(500)


def buka(page, path: str, nama: str, lebar: int = 1366, tinggi: int = 900):
    """Open `path`, wait for it, check there is no error box, save a full-page screenshot."""
    page.set_viewport_size({"width": lebar, "height": tinggi})
    page.goto(page.server + path)
    tunggu_selesai(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{nama}.png"), full_page=True)
    assert page.locator("[data-testid='stException']").count() == 0, f"error box on {path}"
    assert page.locator("[data-testid='stAlertContentError']").count() == 0, f"error message on {path}"
    return page


def grafik_tergambar(page, minimal: int, batas_ms: int = 30_000) -> int:
    """Wait until at least `minimal` Plotly charts have drawn their SVG; returns how many there are."""
    page.wait_for_function(
        f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {minimal}", timeout=batas_ms)
    return page.locator(".js-plotly-plot").count()
