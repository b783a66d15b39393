"""Shared between `bench/run.py` and `bench/sarung.py` (same process): which page to run and how long its
script runs took. A run that restarts (st.rerun) records each part; they are summed."""
halaman = ""
_waktu: list[float] = []


def mulai(path: str) -> None:
    global halaman
    halaman = path
    _waktu.clear()


def catat(detik: float) -> None:
    _waktu.append(detik)


def total() -> float:
    return sum(_waktu)
