"""`make bench`: page timings at national scale against the budgets of design.md §5.

For every page, for the whole country and for one kab/kota: the cold script run (empty caches, new
connection) and the warm rerun (cache hit) through Streamlit's AppTest, timed inside the script thread
(bench/sarung.py), with the wall time of the cold AppTest run beside it (the harness adds ~0.1 s); the raw DuckDB time of exactly
the queries that run made (recorded, then replayed on a fresh connection); how much of the cold run went into
building Plotly figures (bench/figur.py); a pandas implementation of
the same questions reading the same Parquet (bench/baseline.py); peak memory; and the demo-generation
time. Medians of several runs. Writes a Markdown report to bench/results/ and a summary into README.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("PANTAU_BENCH_DATA", ROOT / "bench" / "data"))
os.environ["PANTAU_DATA"] = str(DATA)

from streamlit.testing.v1 import AppTest  # noqa: E402

from pantau import dataset, db  # noqa: E402
from bench import baseline, jam  # noqa: E402
from bench.figur import PengukurFigur  # noqa: E402

KAB = "32.73"   # Kota Bandung: a large kota that the national selection always includes
PAGES = {"BLM": "pages/blm.py", "Dana Bergulir": "pages/dana_bergulir.py", "100-0-100": "pages/permukiman.py",
         "Data Kemiskinan": "pages/kemiskinan.py", "Aset": "pages/aset.py", "Ringkasan": "pages/ringkasan.py",
         "Profil Kelurahan": "pages/profil.py", "Metodologi": "pages/metodologi.py"}
BUDGET_COLD, BUDGET_WARM, BUDGET_RATIO = 1.5, 0.25, 1.5


def siapkan_data() -> float | None:
    """Generate the national dataset when missing; returns the generation time (None when reused)."""
    if dataset.active() is not None:
        db.bangun_turunan(dataset.active().path, hanya_yang_hilang=True)
        return None
    mulai = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pantau.demo", "--scale", "national"], check=True, cwd=ROOT,
                   env=dict(os.environ, PANTAU_DATA=str(DATA)))
    return time.perf_counter() - mulai


def waktu_demo() -> float:
    """The embedded demo's generation time (into a throw-away folder)."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        mulai = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pantau.demo", "--no-activate"], check=True, cwd=ROOT,
                       env=dict(os.environ, PANTAU_DATA=tmp), capture_output=True)
        return time.perf_counter() - mulai


def kosongkan_cache() -> None:
    """Empty every cache, then collect the garbage the previous runs left (so a collection of their objects is
    not timed as part of the next run)."""
    import gc
    import streamlit as st
    st.cache_data.clear()
    st.cache_resource.clear()
    db._connection.cache_clear()
    gc.collect()


class Perekam:
    """Records every query a page run makes (name and parameters) by wrapping db.run."""

    def __init__(self):
        self.panggilan: list[tuple[str, dict]] = []
        self._asli = db.run

    def __enter__(self):
        def run(name, version_id, **params):
            self.panggilan.append((name, params))
            return self._asli(name, version_id, **params)
        db.run = run
        return self

    def __exit__(self, *exc):
        db.run = self._asli


def satu_halaman(path: str, url: dict, ulang: int) -> dict:
    """Cold and warm script-run times (measured inside the run by bench/sarung.py), the same runs' wall time
    through AppTest (harness included), and the raw DuckDB time of the queries the cold run made."""
    dingin, hangat, kueri, dinding, figur = [], [], [], [], []
    for _ in range(ulang):
        kosongkan_cache()
        at = AppTest.from_file(str(ROOT / "bench" / "sarung.py"), default_timeout=120)
        for k, v in url.items():
            at.query_params[k] = v
        jam.mulai(str(ROOT / path))
        with Perekam() as rekam, PengukurFigur() as ukur:
            mulai = time.perf_counter()
            at.run()
            dinding.append(time.perf_counter() - mulai)
        dingin.append(jam.total())
        figur.append(ukur.detik)
        if at.exception:
            raise RuntimeError(f"{path} {url}: {at.exception[0].value}")
        jam.mulai(str(ROOT / path))
        at.run()
        hangat.append(jam.total())
        kueri.append(waktu_duckdb(rekam.panggilan))
    return {"dingin": statistics.median(dingin), "hangat": statistics.median(hangat),
            "dinding": statistics.median(dinding), "duckdb": statistics.median(kueri), "figur": statistics.median(figur),
            "jumlah_kueri": len(rekam.panggilan), "panggilan": rekam.panggilan}


def waktu_satu_kueri(nama: str, panggilan: list[tuple[str, dict]], ulang: int) -> float | None:
    """Raw DuckDB time of one named query with the parameters the page used (for the pandas comparison)."""
    params = next((p for n, p in panggilan if n == nama), None)
    if params is None:
        return None
    waktu = []
    for _ in range(ulang):
        kosongkan_cache()
        mulai = time.perf_counter()
        db.run(nama, dataset.active_id(), **params)
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu)


def waktu_duckdb(panggilan: list[tuple[str, dict]]) -> float:
    """Replay the recorded queries on a fresh connection, no Streamlit cache: the raw DuckDB time."""
    kosongkan_cache()
    vid = dataset.active_id()
    mulai = time.perf_counter()
    for name, params in panggilan:
        db.run(name, vid, **params)
    return time.perf_counter() - mulai


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ulang", type=int, default=3, help="runs per measurement (median)")
    p.add_argument("--halaman", nargs="*", default=list(PAGES), choices=list(PAGES), metavar="PAGE",
                   help="only these pages (a quick check; the README summary is then left alone)")
    args = p.parse_args()
    gen = siapkan_data()
    hasil = {}
    kel = _kelurahan_contoh()
    for nama, path in PAGES.items():
        if not (ROOT / path).exists() or nama not in args.halaman:
            continue
        cakupan_url = ((f"kel {kel}", {"kel": kel}),) if nama == "Profil Kelurahan" else (
            ("nasional", {}), (f"kab {KAB}", {"kab": KAB}))
        for cakupan, url in cakupan_url:
            r = satu_halaman(path, url, args.ulang)
            r["pandas"] = baseline.waktu(nama, url, DATA, args.ulang)
            r["kueri_utama"] = baseline.KUERI.get(nama)
            r["duckdb_utama"] = waktu_satu_kueri(r["kueri_utama"], r.pop("panggilan"), args.ulang) \
                if r["kueri_utama"] else None
            hasil[(nama, cakupan)] = r
            print(f"{nama:18s} {cakupan:12s} cold {r['dingin']:.3f}s (wall {r['dinding']:.3f}s) warm {r['hangat']:.3f}s "
                  f"duckdb {r['duckdb']:.3f}s figures {r['figur']:.3f}s main query {_sel(r['duckdb_utama'])}s pandas {_sel(r['pandas'])}s",
                  flush=True)
    puncak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    laporan = tulis_laporan(hasil, puncak, gen, waktu_demo(), semua=set(args.halaman) == set(PAGES))
    print(laporan)


def _sel(v: float | None, batas: float | None = None) -> str:
    if v is None:
        return "–"
    tanda = "" if batas is None else (" ✅" if v <= batas else " ❌")
    return f"{v:.3f}{tanda}"


def tulis_laporan(hasil: dict, puncak_mb: float, gen: float | None, demo: float, semua: bool = True) -> str:
    mesin = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    baris = [f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {mesin}; dataset "
             f"{dataset.active_id()} ({_baris_dataset()}); medians of runs.", "",
             "| page | scope | cold s (≤ 1.5) | warm s (≤ 0.25) | cold, AppTest wall s | raw DuckDB s, all queries "
             "| cold ÷ DuckDB (≤ 1.5) | of the cold run: building figures s | (cold − figures) ÷ DuckDB | queries "
             "| main query | its DuckDB s | its pandas s | pandas ÷ DuckDB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for (nama, cakupan), r in hasil.items():
        rasio = r["dingin"] / r["duckdb"] if r["duckdb"] else None
        tanpa_figur = (r["dingin"] - r["figur"]) / r["duckdb"] if r["duckdb"] else None
        pd_rasio = r["pandas"] / r["duckdb_utama"] if r["pandas"] and r["duckdb_utama"] else None
        baris.append(f"| {nama} | {cakupan} | {_sel(r['dingin'], BUDGET_COLD)} | {_sel(r['hangat'], BUDGET_WARM)} | "
                     f"{_sel(r['dinding'])} | {_sel(r['duckdb'])} | {_sel(rasio, BUDGET_RATIO)} | {_sel(r['figur'])} | "
                     f"{_sel(tanpa_figur)} | {r['jumlah_kueri']} | "
                     f"{r['kueri_utama'] or '–'} | {_sel(r['duckdb_utama'])} | {_sel(r['pandas'])} | {_sel(pd_rasio)} |")
    baris += ["", f"Peak memory of the benchmark process: {puncak_mb:.0f} MB. Demo generation: {demo:.1f} s (≤ 15)."
              + (f" National generation: {gen:.0f} s." if gen else "")]
    teks = "\n".join(baris)
    folder = ROOT / "bench" / "results"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"bench-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}.md").write_text("# Pantau benchmark\n\n" + teks + "\n")
    if semua:
        _ringkas_ke_readme(teks)
    return teks


def _kelurahan_contoh() -> str:
    """The first programme kelurahan of the benchmark's kab/kota (for the profile page)."""
    w = db.run("wilayah_dataset", dataset.active_id())
    return w[(w.tingkat == "kelurahan") & w.kode.str.startswith(KAB + ".")].kode.iloc[0]


def _baris_dataset() -> str:
    b = dataset.active().baris
    return f"{b.get('pinjaman_bulanan', 0):,} KSM-month rows, {b.get('indikator_permukiman', 0) // 10:,} kelurahan"


def _ringkas_ke_readme(teks: str) -> None:
    readme = ROOT / "README.md"
    isi = readme.read_text(encoding="utf-8")
    awal, akhir = "<!-- bench:start -->", "<!-- bench:end -->"
    if awal in isi and akhir in isi:
        kepala, _, sisa = isi.partition(awal)
        _, _, ekor = sisa.partition(akhir)
        readme.write_text(f"{kepala}{awal}\n{teks}\n{akhir}{ekor}", encoding="utf-8")


if __name__ == "__main__":
    main()
