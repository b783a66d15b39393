"""Plotly figures as PNG images for the briefing exports (PDF, PPTX).

Drawn offline by kaleido with the system Chromium (its download helpers are never called), plotly.js from
the installed plotly package and MathJax switched off (kaleido would fetch it from a CDN). All figures of
one export are drawn in one browser session; each (figure, size) is drawn once per process and kept in a
small cache, so a second export of the same view needs no browser at all. When Chromium is missing or
fails, the functions return None and the documents say that their charts could not be drawn."""
from __future__ import annotations

import asyncio
import hashlib
import logging
import shutil
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import plotly.graph_objects as go

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
EKSPOR_PX, EKSPOR_FONT, EKSPOR_SKALA = (620, 400), 15, 2.5   # one chart size for PDF and PPTX: drawn once
BATAS_DETIK = 8           # an export gives up on its charts after this long and is made without them (≤ 10 s)
UKURAN_CACHE = 64         # images kept in memory (≈ 100 kB each)

_cache: OrderedDict[str, bytes] = OrderedDict()
_kunci_cache = threading.Lock()
_satu_browser = threading.Lock()     # one Chromium at a time per server process
_log = logging.getLogger(__name__)


def gaya(fig: go.Figure, tinggi: int, font: int) -> go.Figure:
    """A copy of a page's figure for a slide or a document: no title inside (it is written above the chart),
    larger type, a fixed height. The page's figure itself is shared and stays untouched."""
    salinan = go.Figure(fig)
    salinan.update_layout(title=None, height=tinggi, font={"size": font, "color": "#111111"},
                          legend={"font": {"size": font - 1}},
                          margin={"t": int(font * 2.4), "l": 10, "r": 20})
    salinan.update_annotations(font_size=font - 2)
    salinan.update_xaxes(tickfont_size=font - 2, automargin=True)
    salinan.update_yaxes(tickfont_size=font - 2, automargin=True)
    return salinan


def chromium() -> str | None:
    """The system Chromium kaleido drives, or None when none is installed."""
    for path in CHROMIUM:
        if Path(path).is_file():
            return path
    return shutil.which("chromium") or shutil.which("chromium-browser")


def tersedia() -> bool:
    return chromium() is not None


def _kunci(fig: go.Figure, lebar: int, tinggi: int, skala: float) -> str:
    isi = fig.to_json(validate=False, pretty=False) + f"|{lebar}x{tinggi}@{skala}"
    return hashlib.sha1(isi.encode("utf-8")).hexdigest()


def _simpan(kunci: str, png_: bytes) -> None:
    with _kunci_cache:
        _cache[kunci] = png_
        _cache.move_to_end(kunci)
        while len(_cache) > UKURAN_CACHE:
            _cache.popitem(last=False)


def _ambil(kunci: str) -> bytes | None:
    with _kunci_cache:
        if kunci in _cache:
            _cache.move_to_end(kunci)
        return _cache.get(kunci)


async def _gambar_semua(figur: list[go.Figure], opsi: list[dict], path: str) -> list[bytes]:
    import kaleido            # imported here: starting the app must not depend on it
    async with kaleido.Kaleido(n=1, mathjax=False, path=path, timeout=BATAS_DETIK) as k:
        return [await k.calc_fig(f, opts=o) for f, o in zip(figur, opsi)]


def _jalankan(figur: list[go.Figure], opsi: list[dict], path: str) -> list[bytes] | None:
    """Run the browser session in its own thread and event loop (the Streamlit script thread has none)."""
    with _satu_browser:
        pelaksana = ThreadPoolExecutor(max_workers=1)
        try:
            return pelaksana.submit(asyncio.run, _gambar_semua(figur, opsi, path)).result(timeout=BATAS_DETIK)
        except Exception as e:  # noqa: BLE001 - any failure means "no charts", never a failed export
            _log.warning("grafik tidak dapat digambar: %s", e)
            return None
        finally:
            pelaksana.shutdown(wait=False)      # a hung browser must not hold the export past its time limit


def png_banyak(figur: list[go.Figure | None], lebar: int, tinggi: int, skala: float = 2.0) -> list[bytes | None]:
    """PNG images of `figur` at `lebar` × `tinggi` layout pixels (× `skala` for print sharpness); None for a
    missing figure or when Chromium cannot draw. Cached figures are not drawn again."""
    kunci = [_kunci(f, lebar, tinggi, skala) if f is not None else None for f in figur]
    hasil = [_ambil(k) if k else None for k in kunci]
    perlu = [i for i, (k, h) in enumerate(zip(kunci, hasil)) if k and h is None]
    path = chromium()
    if not perlu or path is None:
        return hasil
    opsi = {"format": "png", "width": lebar, "height": tinggi, "scale": skala}
    baru = _jalankan([figur[i] for i in perlu], [opsi] * len(perlu), path)
    for i, png_ in zip(perlu, baru or []):
        _simpan(kunci[i], png_)
        hasil[i] = png_
    return hasil


def png(fig: go.Figure | None, lebar: int, tinggi: int, skala: float = 2.0) -> bytes | None:
    """One figure as PNG (see `png_banyak`)."""
    return png_banyak([fig], lebar, tinggi, skala)[0]


def kosongkan() -> None:
    """Forget every cached image (tests)."""
    with _kunci_cache:
        _cache.clear()


def png_ekspor(figur: list[go.Figure | None]) -> list[bytes | None]:
    """The page figures restyled (`gaya`) and drawn at the one size the PDF and the PPTX share, so exporting
    both draws each chart once."""
    lebar, tinggi = EKSPOR_PX
    return png_banyak([gaya(f, tinggi, EKSPOR_FONT) if f is not None else None for f in figur], lebar, tinggi,
                      EKSPOR_SKALA)
