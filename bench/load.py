"""`make load`: 10 concurrent sessions against one local Streamlit server, for a bounded time.

Each session opens pages and switches filters (loopback only), waiting for every run to finish. The
report gives the number of errors (error boxes, failed runs; must be 0), page-time percentiles and the
server's peak memory (VmHWM of the server process; budget 1 GB). Bounded in sessions and seconds.

Two kinds of client: `--klien ws` (the default) speaks Streamlit's own websocket protocol, as the browser's
script does (a rerun request per page, then every message up to "script finished"), so the figures measure
the server alone; `--klien browser` drives Chromium tabs (end to end, but on a small machine the tabs'
renderers compete with the server for the same cores).
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
EXTRA: list[str] = []


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
                               str(port), "--server.address", "127.0.0.1", "--server.headless", "true", *EXTRA],
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
            hasil["rinci"].append((time.time(), jalur.split("?")[0], time.perf_counter() - mulai))
        except Exception as e:  # a timeout or a failed load is an error of the run, counted and reported
            hasil["galat"].append(f"{jalur}: {type(e).__name__}")
    await konteks.close()


async def _sesi_ws(url: str, kab: str, akhir: float, acak: random.Random, hasil: dict, jeda: float = 0.0) -> None:
    """One session over the websocket: each step asks for a page run and reads messages until the run ends."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    selesai = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}
    async with websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
                                  origin=url, max_size=None, ping_interval=None) as ws:
        while time.time() < akhir:
            jalur = acak.choice(LANGKAH).format(kab=kab)
            halaman, _, query = jalur.partition("?")
            minta = BackMsg()
            minta.rerun_script.query_string = query
            minta.rerun_script.page_name = halaman.strip("/")
            mulai = time.perf_counter()
            try:
                await ws.send(minta.SerializeToString())
                while True:
                    pesan = ForwardMsg()
                    pesan.ParseFromString(await asyncio.wait_for(ws.recv(), 60))
                    jenis = pesan.WhichOneof("type")
                    if jenis == "page_not_found":
                        hasil["galat"].append(f"{jalur}: page not found")
                    elif jenis == "delta" and pesan.delta.WhichOneof("type") == "new_element" \
                            and pesan.delta.new_element.WhichOneof("type") == "exception":
                        hasil["galat"].append(f"{jalur}: {pesan.delta.new_element.exception.type}")
                    elif jenis == "script_finished" and pesan.script_finished in selesai:
                        if pesan.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                            hasil["galat"].append(f"{jalur}: compile error")
                        break
                hasil["waktu"].append(time.perf_counter() - mulai)
                hasil["rinci"].append((time.time(), halaman, time.perf_counter() - mulai))
            except Exception as e:  # a timeout or a closed socket is an error of the run, counted and reported
                hasil["galat"].append(f"{jalur}: {type(e).__name__}")
                return
            if jeda:
                await asyncio.sleep(acak.uniform(0.5, 1.5) * jeda)     # a user reading the page


async def _jalankan_ws(url: str, sesi: int, detik: int, kab: str, jeda: float = 0.0) -> dict:
    hasil = {"waktu": [], "galat": [], "rinci": []}
    akhir = time.time() + detik
    await asyncio.gather(*[_sesi_ws(url, kab, akhir, random.Random(i), hasil, jeda) for i in range(sesi)])
    return hasil


async def _jalankan(url: str, sesi: int, detik: int, kab: str) -> dict:
    from playwright.async_api import async_playwright
    hasil = {"waktu": [], "galat": [], "rinci": []}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        akhir = time.time() + detik
        await asyncio.gather(*[_sesi(browser, url, kab, akhir, random.Random(i), hasil) for i in range(sesi)])
        await browser.close()
    return hasil


def _persentil(judul: str, waktu: list[float]) -> None:
    if not waktu:
        print(f"{judul}: none")
        return
    w = sorted(waktu)
    q = {n: w[min(len(w) - 1, int(n / 100 * len(w)))] for n in (50, 90, 99)}
    print(f"{judul}: n {len(w)}, p50 {q[50]:.2f} s, p90 {q[90]:.2f} s, p99 {q[99]:.2f} s, mean {statistics.mean(w):.2f} s")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sesi", type=int, default=10)
    p.add_argument("--detik", type=int, default=90)
    p.add_argument("--data", type=Path, default=Path(os.environ.get("PANTAU_BENCH_DATA", ROOT / "bench" / "data")))
    p.add_argument("--kab", default="32.73")
    p.add_argument("--klien", choices=("ws", "browser"), default="ws",
                   help="websocket clients (the server alone) or Chromium tabs (end to end)")
    p.add_argument("--jeda", type=float, default=0.0,
                   help="ws clients: mean seconds a session waits between pages (0 = none: the server saturated)")
    p.add_argument("--pemanasan", type=int, default=30,
                   help="seconds at the start (every cache cold) reported apart from the steady state")
    args = p.parse_args()
    if not (args.data / "versions" / "AKTIF").exists():
        sys.exit(f"no dataset in {args.data}: run `make bench` first (it generates the national dataset)")
    if args.klien == "browser" and shutil.which("chromium") is None:
        sys.exit("Debian chromium is missing: `make load` needs it (run as root so make installs it)")
    sesi, detik = min(args.sesi, 20), min(args.detik, 600)       # bounded in count and time
    server, url = _mulai_server(args.data)
    try:
        if args.klien == "ws":
            hasil = asyncio.run(_jalankan_ws(url, sesi, detik, args.kab, min(max(args.jeda, 0.0), 60.0)))
        else:
            hasil = asyncio.run(_jalankan(url, sesi, detik, args.kab))
        puncak = _puncak_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    print(f"{sesi} {args.klien} sessions × {detik} s against {url} on {args.data}"
          + (f", {args.jeda:g} s between pages" if args.klien == "ws" and args.jeda else ", no pause between pages"))
    print(f"page loads: {len(hasil['waktu'])}, errors: {len(hasil['galat'])} {hasil['galat'][:5]}")
    awal = min((r[0] - r[2] for r in hasil["rinci"]), default=0)
    stabil = [r for r in hasil["rinci"] if r[0] - r[2] - awal >= args.pemanasan]
    _persentil("all page loads", [r[2] for r in hasil["rinci"]])
    _persentil(f"after the first {args.pemanasan} s (steady state)", [r[2] for r in stabil])
    for halaman in sorted({r[1] for r in stabil}):
        w = sorted(r[2] for r in stabil if r[1] == halaman)
        print(f"  {halaman:16s} n {len(w):3d}  median {statistics.median(w):.2f} s  max {w[-1]:.2f} s")
    print(f"server peak memory: {puncak:.0f} MB (budget {BATAS_MB} MB) {'✅' if puncak <= BATAS_MB else '❌'}")
    sys.exit(1 if hasil["galat"] or puncak > BATAS_MB else 0)


if __name__ == "__main__":
    main()
