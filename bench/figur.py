"""How long a page run spends building Plotly figures: the functions of the chart modules are wrapped while a
run is measured, and the time of each outermost call that returns a figure is added up (a builder that calls
another builder counts once; each thread counts its own calls, so parts built at the same time can add up to
more than the wall time). `make bench` shows it beside the cold time: the figures are what a page adds to its
queries that no query change can take away."""
from __future__ import annotations

import functools
import importlib
import inspect
import threading
import time
from types import ModuleType

import plotly.graph_objects as go

MODUL = ("pantau.charts", "pantau.charts_blm", "pantau.charts_dana_bergulir", "pantau.charts_kemiskinan",
         "pantau.charts_permukiman", "pantau.peta", "pantau.gambar")


class PengukurFigur:
    """Context manager: `detik` is the time spent in figure builders while it was open."""

    def __init__(self, modul: tuple[str | ModuleType, ...] = MODUL):
        self._modul = [importlib.import_module(m) if isinstance(m, str) else m for m in modul]
        self._asli: list[tuple[ModuleType, str, object]] = []
        self._lokal = threading.local()
        self._kunci = threading.Lock()
        self.detik = 0.0
        self.jumlah = 0

    def _bungkus(self, fungsi):
        @functools.wraps(fungsi)
        def bungkus(*args, **kwargs):
            kedalaman = getattr(self._lokal, "kedalaman", 0)
            self._lokal.kedalaman = kedalaman + 1
            mulai = time.perf_counter()
            try:
                hasil = fungsi(*args, **kwargs)
            finally:
                self._lokal.kedalaman = kedalaman
            if kedalaman == 0 and isinstance(hasil, go.Figure):
                with self._kunci:
                    self.detik += time.perf_counter() - mulai
                    self.jumlah += 1
            return hasil
        return bungkus

    def __enter__(self) -> "PengukurFigur":
        for m in self._modul:
            for nama, f in list(vars(m).items()):
                if inspect.isfunction(f) and f.__module__ == m.__name__:
                    self._asli.append((m, nama, f))
                    setattr(m, nama, self._bungkus(f))
        return self

    def __exit__(self, *exc) -> None:
        for m, nama, f in reversed(self._asli):
            setattr(m, nama, f)
        self._asli.clear()
