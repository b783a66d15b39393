"""Demo settlements: SK Kumuh slum areas, their sub-criterion assessments, and kelurahan 100-0-100 figures."""
from __future__ import annotations

import numpy as np
import pandas as pd

from pantau.schema import KRITERIA_KUMUH

TAHUN = range(2015, 2025)
# target total-score range per intended class, and the odds of each sub-criterion score (0, 1, 3, 5)
KELAS = {"berat": ((60, 80), (0.0, 0.05, 0.4, 0.55)), "sedang": ((38, 59), (0.05, 0.25, 0.5, 0.2)),
         "ringan": ((16, 37), (0.25, 0.45, 0.25, 0.05)), "tidak": ((0, 15), (0.7, 0.3, 0.0, 0.0))}
URUTAN = ("tidak", "ringan", "sedang", "berat")
PITA = {0: (0.0, 24.9), 1: (25.0, 50.0), 3: (50.1, 75.0), 5: (75.1, 100.0)}


def kawasan(kel: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """SK Kumuh areas: about 60 % of each kab/kota's kelurahan, in areas of 1–3 neighbouring kelurahan."""
    rows = []
    for kab, grup in kel.groupby("kab", sort=True):
        pilih = grup[rng.random(len(grup)) < 0.6]
        i, n = 0, 0
        while i < len(pilih):
            lebar = int(rng.integers(1, 4))
            n += 1
            bagian = pilih.iloc[i: i + lebar]
            for r in bagian.itertuples():
                rows.append((f"{kab}.KW{n:02d}", r.kode, f"Kawasan {bagian.iloc[0].nama}",
                             f"188.45/{100 + int(rng.integers(0, 800))}/KPTS/{r.tahun_sk}", int(r.tahun_sk),
                             round(float(rng.uniform(2, 25)), 2), "Demo; SK Kumuh"))
            i += lebar
    return pd.DataFrame(rows, columns=["kode_kawasan", "kode_kelurahan", "nama_kawasan", "nomor_sk", "tahun_sk",
                                       "luas_sk_ha", "sumber"])


def _skor(kelas: str, rng) -> np.ndarray:
    (lo, hi), peluang = KELAS[kelas]
    for _ in range(200):
        skor = rng.choice([0, 1, 3, 5], len(KRITERIA_KUMUH), p=peluang)
        if lo <= skor.sum() <= hi:
            return skor
    raise RuntimeError(f"no score set for {kelas}")


def _persen(skor: np.ndarray, rng) -> np.ndarray:
    return np.array([round(float(rng.uniform(*PITA[int(s)])), 1) for s in skor])


def _jalur(i: int, rng) -> list[str]:
    """Intended class at baseline, 2019 and 2023; one area in seven gets worse."""
    awal = ("berat", "sedang", "ringan", "sedang", "berat", "ringan", "sedang")[i % 7]
    k = URUTAN.index(awal)
    if i % 7 == 5:
        return [awal, URUTAN[k + 1], URUTAN[k + 1]]
    tengah = max(0, k - int(rng.integers(0, 2)))
    return [awal, URUTAN[tengah], URUTAN[max(0, tengah - int(rng.integers(0, 3)))]]


def penilaian(kws: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Per area × year × sub-criterion: % of the area affected (scores and classes are derived later)."""
    rows = []
    unik = kws.drop_duplicates("kode_kawasan")
    for i, r in enumerate(unik.itertuples()):
        for tahun, kelas in zip((int(r.tahun_sk), 2019, 2023), _jalur(i, rng)):
            for kriteria, persen in zip(KRITERIA_KUMUH, _persen(_skor(kelas, rng), rng)):
                rows.append((r.kode_kawasan, tahun, kriteria, persen, "Demo; penilaian Permen PUPR 14/2018"))
    return pd.DataFrame(rows, columns=["kode_kawasan", "tahun", "kriteria", "persen_terdampak", "sumber"])


def _luas_kumuh(awal: float, tahun_sk: int, selesai: int | None, tahun: int) -> float:
    if tahun <= tahun_sk or awal == 0:
        return awal
    if selesai is None:                       # never reaches zero: down to 30 % of baseline by 2024
        return round(awal * (1 - 0.7 * (tahun - tahun_sk) / (2024 - tahun_sk)), 2)
    return round(max(0.0, awal * (1 - (tahun - tahun_sk) / (selesai - tahun_sk))), 2)


def indikator(kel: pd.DataFrame, kws: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Kelurahan × year households, safe water, sanitation and slum hectares (from the SK baseline)."""
    baseline = kws.groupby("kode_kelurahan").luas_sk_ha.sum()
    rows = []
    for r in kel.itertuples():
        kk0, luas = rng.uniform(600, 3500), round(float(rng.uniform(40, 900)), 1)
        air0, air_naik = rng.uniform(0.55, 0.93), rng.uniform(0.01, 0.06)
        san0, san_naik = rng.uniform(0.45, 0.9), rng.uniform(0.01, 0.05)
        selesai = [2019, 2021, 2023, None][int(rng.choice(4, p=[0.3, 0.3, 0.2, 0.2] if r.kab != "18.72"
                                                              else [0.0, 0.6, 0.4, 0.0]))]
        awal = round(float(baseline.get(r.kode, 0.0)), 2)
        for tahun in TAHUN:
            kk = int(kk0 * 1.012 ** (tahun - 2015))
            air = min(1.0, air0 + air_naik * (tahun - 2015))
            san = min(1.0, san0 + san_naik * (tahun - 2015))
            rows.append((r.kode, tahun, kk, int(round(kk * air)), int(round(kk * san)), luas,
                         _luas_kumuh(awal, int(r.tahun_sk), selesai, tahun), "Demo"))
    return pd.DataFrame(rows, columns=["kode_kelurahan", "tahun", "jumlah_kk", "kk_air_minum_layak",
                                       "kk_sanitasi_layak", "luas_wilayah_ha", "luas_kumuh_ha", "sumber"])
