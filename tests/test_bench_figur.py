"""`make bench`'s figure timer: outermost figure builders only, per thread, and the modules left as they were."""
import threading
import time
import types

import plotly.graph_objects as go

from bench.figur import PengukurFigur


def _modul() -> types.ModuleType:
    m = types.ModuleType("modul_uji")
    kode = '''
import time
import plotly.graph_objects as go

def dalam():
    time.sleep(0.05)
    return go.Figure()

def luar():
    time.sleep(0.05)
    return dalam()            # a builder calling a builder counts once

def bukan_figur():
    time.sleep(0.05)
    return 1
'''
    exec(compile(kode, "modul_uji", "exec"), m.__dict__)
    for f in ("dalam", "luar", "bukan_figur"):
        m.__dict__[f].__module__ = "modul_uji"
    return m


def test_outermost_figure_builders_are_timed_once():
    m = _modul()
    asli = m.luar
    with PengukurFigur((m,)) as ukur:
        assert isinstance(m.luar(), go.Figure)
        m.bukan_figur()
    assert ukur.jumlah == 1
    assert 0.1 <= ukur.detik < 0.2             # luar's 0.1 s, not luar + dalam (0.15) nor bukan_figur
    assert m.luar is asli                      # unwrapped again


def test_each_thread_counts_its_own_builds():
    m = _modul()
    with PengukurFigur((m,)) as ukur:
        benang = [threading.Thread(target=m.dalam) for _ in range(2)]
        mulai = time.perf_counter()
        for b in benang:
            b.start()
        for b in benang:
            b.join()
        dinding = time.perf_counter() - mulai
    assert ukur.jumlah == 2 and ukur.detik >= 0.1      # 2 × 0.05 s, counted per thread
    assert dinding < ukur.detik                         # more than the wall time: they ran at the same time
