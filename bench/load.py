"""`make load`: 10 concurrent browser sessions against one local Streamlit server, for a bounded time.

Each session opens pages and switches filters (loopback only), waiting for every run to finish. The
report gives the number of errors (error boxes, failed loads; must be 0), page-time percentiles and the
server's peak memory (VmHWM of the server process tree; budget 1 GB). Bounded in sessions and seconds.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.conftest import FLAGS  # noqa: E402

LANGKAH = ["/", "/blm", "/blm?kab={kab}", "/dana_bergulir", "/dana_bergulir?kab={kab}", "/permukiman",
           "/permukiman?kab={kab}", "/kemiskinan?kab={kab}", "/aset?kab={kab}", "/blm?kab={kab}&tahun=2010-2014",
           "/metodologi", "/blm?lang=en"]
BATAS_MB = 1024


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _puncak_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of the server process, in MB."""
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith("VmHWM:"):
            return int(baris.split()[1]) / 1024
    return float("nan")


def _mulai_server(data: Path) -> tuple[subprocess.Popen, str]:
    port = _port()
    env = dict(os.environ, PANTAU_DATA=str(data))
    proses = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
                               str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            return proses, url
        except OSError:
            time.sleep(0.3)
    proses.kill()
    raise RuntimeError("server did not start")


async def _sesi(browser, url: str, kab: str, akhir: float, acak: random.Random, hasil: dict) -> None:
    konteks = await browser.new_context(viewport={"width": 1280, "height": 800})
    await konteks.route("**/*", lambda r: r.continue_() if r.request.url.startswith((url, "data:", "blob:"))
                        else r.abort())
    page = await konteks.new_page()
    while time.time() < akhir:
        jalur = acak.choice(LANGKAH).format(kab=kab)
        mulai = time.perf_counter()
        try:
            await page.goto(url + jalur, timeout=60_000)
            await page.wait_for_selector("[data-testid='stMain'] h1", timeout=60_000)
            await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                                         timeout=60_000)
            if await page.locator("[data-testid='stException']").count():
                hasil["galat"].append(f"{jalur}: error box")
            hasil["waktu"].append(time.perf_counter() - mulai)
        except Exception as e:  # a timeout or a failed load is an error of the run, counted and reported
            hasil["galat"].append(f"{jalur}: {type(e).__name__}")
    await konteks.close()


async def _jalankan(url: str, sesi: int, detik: int, kab: str) -> dict:
    from playwright.async_api import async_playwright
    hasil = {"waktu": [], "galat": []}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        akhir = time.time() + detik
        await asyncio.gather(*[_sesi(browser, url, kab, akhir, random.Random(i), hasil) for i in range(sesi)])
        await browser.close()
    return hasil


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sesi", type=int, default=10)
    p.add_argument("--detik", type=int, default=90)
    p.add_argument("--data", type=Path, default=Path(os.environ.get("PANTAU_BENCH_DATA", ROOT / "bench" / "data")))
    p.add_argument("--kab", default="32.73")
    args = p.parse_args()
    if not (args.data / "versions" / "AKTIF").exists():
        sys.exit(f"no dataset in {args.data}: run `make bench` first (it generates the national dataset)")
    if shutil.which("chromium") is None:
        sys.exit("Debian chromium is missing: `make load` needs it (run as root so make installs it)")
    sesi, detik = min(args.sesi, 20), min(args.detik, 600)       # bounded in count and time
    server, url = _mulai_server(args.data)
    try:
        hasil = asyncio.run(_jalankan(url, sesi, detik, args.kab))
        puncak = _puncak_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    w = sorted(hasil["waktu"])
    persen = {q: w[min(len(w) - 1, int(q / 100 * len(w)))] for q in (50, 90, 99)} if w else {}
    print(f"{sesi} sessions × {detik} s against {url} on {args.data}")
    print(f"page loads: {len(w)}, errors: {len(hasil['galat'])} {hasil['galat'][:5]}")
    if w:
        print(f"page time p50 {persen[50]:.2f} s, p90 {persen[90]:.2f} s, p99 {persen[99]:.2f} s, "
              f"mean {statistics.mean(w):.2f} s")
    print(f"server peak memory: {puncak:.0f} MB (budget {BATAS_MB} MB) {'✅' if puncak <= BATAS_MB else '❌'}")
    sys.exit(1 if hasil["galat"] or puncak > BATAS_MB else 0)


if __name__ == "__main__":
    main()
