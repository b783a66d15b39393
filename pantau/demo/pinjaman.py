"""Demo revolving funds: KSM groups, their loans month by month, and each UPK's monthly accounts.

The loan book is simulated for all KSM at once, month by month, and written one year at a time, so
even the national scale (~10 million KSM-month rows) never sits in memory whole.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np
import pandas as pd

from pantau.demo import tempat as T

# per UPK health: probability an instalment is paid when due, probability an overdue one is caught up,
# and the cost-coverage factor (income ÷ cost) of the UPK
PERILAKU = {"sehat": (0.992, 0.75, 1.9), "cukup": (0.955, 0.35, 1.12), "buruk": (0.80, 0.08, 0.86),
            "memburuk": (0.992, 0.75, 1.6)}
AKHIR = pd.Timestamp("2024-12-01")
JASA_PER_BULAN = 0.015


def kesehatan_upk(bkm: list[str], rng: np.random.Generator) -> dict[str, str]:
    """Health type per UPK: Serang's is good (seed: repayment rated good), others varied but fixed."""
    pilihan = rng.choice(T.KESEHATAN, size=len(bkm), p=[0.45, 0.25, 0.18, 0.12])
    return {k: ("sehat" if k.startswith("36.04.") else str(p)) for k, p in zip(bkm, pilihan)}


def _jumlah_ksm(kab: str, n: int, rng) -> np.ndarray:
    if kab == "36.04":
        return np.bincount(rng.integers(0, n, T.SERANG_KSM - 20 * n), minlength=n) + 20
    return rng.integers(8, 26, n)


def _anggota(kab: str, n: int, rng) -> np.ndarray:
    if kab == "36.04":   # seed: 959 KSM with 2.802 members
        a = np.full(n, T.SERANG_ANGGOTA // n)
        a[: T.SERANG_ANGGOTA - a.sum()] += 1
        return rng.permutation(a)
    return rng.integers(5, 13, n)


def ksm(lokasi: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """KSM of every BKM with an economic (revolving-loan) phase, formed in that phase's years."""
    ekonomi = lokasi[lokasi.program.isin(("P2KP-1", "P2KP-2", "P2KP-3", "PNPM-MP"))]
    awal = ekonomi.groupby(["kode_bkm", "kode_kelurahan"], as_index=False).agg(
        mulai=("tahun_mulai", "min"), selesai=("tahun_selesai", "max"))
    parts = []
    for kab, grup in awal.groupby(awal.kode_kelurahan.str[:5], sort=True):
        jumlah = _jumlah_ksm(kab, len(grup), rng)
        idx = np.repeat(np.arange(len(grup)), jumlah)
        g = grup.iloc[idx].reset_index(drop=True)
        no = np.concatenate([np.arange(1, j + 1) for j in jumlah])
        tahun = np.where(kab == "36.04", g.mulai + (g.kode_kelurahan.rank(method="dense") > T.SERANG_TAHAP1),
                         g.mulai + (rng.random(len(g)) * (2023 - g.mulai)) // 1)
        anggota = _anggota(kab, len(g), rng)
        perempuan = np.minimum(anggota, np.round(anggota * rng.beta(3.0, 4.0, len(g)))).astype(np.int64)
        parts.append(pd.DataFrame({
            "kode_ksm": [f"{b}.{n:03d}" for b, n in zip(g.kode_bkm, no)], "kode_bkm": g.kode_bkm,
            "kode_kelurahan": g.kode_kelurahan, "nama_ksm": [f"KSM {n:03d}" for n in no],
            "jenis": "ekonomi", "tahun_bentuk": tahun.astype(np.int64), "anggota": anggota.astype(np.int64),
            "anggota_perempuan": perempuan,
            "anggota_miskin": np.round(anggota * rng.uniform(0.5, 1.0, len(g))).astype(np.int64),
            "sumber": "Demo" if kab != "36.04" else "Demo; berita Nov 2004: 959 KSM, 2.802 anggota"}))
    return pd.concat(parts, ignore_index=True)


@dataclass
class _Buku:
    """The state of every KSM's loan book at the current month."""

    mulai: np.ndarray        # month index when the KSM starts borrowing
    tenor: np.ndarray
    pokok_dasar: np.ndarray  # first loan
    maks_siklus: np.ndarray
    q: np.ndarray            # probability an instalment is paid on time
    pulih: np.ndarray        # probability an overdue instalment is caught up
    memburuk: np.ndarray
    siklus: np.ndarray = None
    pokok: np.ndarray = None
    ke: np.ndarray = None
    dibayar: np.ndarray = None
    tunggak: np.ndarray = None
    hidup: np.ndarray = None

    def __post_init__(self):
        n = len(self.mulai)
        self.siklus, self.pokok, self.ke, self.dibayar, self.tunggak = (np.zeros(n, np.int64) for _ in range(5))
        self.hidup = np.ones(n, bool)


def _buku(daftar: pd.DataFrame, sehat: dict[str, str], bulan0: pd.Timestamp, rng) -> _Buku:
    n = len(daftar)
    jenis = daftar.kode_bkm.map(sehat).to_numpy()
    q, pulih, _ = (np.array([PERILAKU[j][i] for j in jenis]) for i in range(3))
    mulai_bulan = (daftar.tahun_bentuk.to_numpy() - bulan0.year) * 12 + rng.integers(0, 12, n)
    if (daftar.kode_kelurahan.str[:5] == "36.04").any():   # Serang's KSM all borrow before Nov 2004
        serang = (daftar.kode_kelurahan.str[:5] == "36.04").to_numpy()
        mulai_bulan[serang] = (daftar.tahun_bentuk.to_numpy()[serang] - bulan0.year) * 12 + rng.integers(0, 10,
                                                                                                       serang.sum())
    per_orang = rng.choice([500_000, 750_000, 1_000_000], n)
    pokok = np.maximum(120_000, (daftar.anggota.to_numpy() * per_orang) // 120_000 * 120_000)
    return _Buku(mulai_bulan, rng.choice([6, 10, 12], n), pokok, rng.integers(4, 8, n),
                 q * rng.uniform(0.995, 1.0, n), pulih, jenis == "memburuk")


def _langkah(b: _Buku, t: int, t_akhir: int, rng) -> dict[str, np.ndarray]:
    """Advance every KSM one month; return that month's figures for the KSM that exist."""
    ada = (t >= b.mulai) & b.hidup
    lunas = ada & (b.dibayar >= b.tenor) & (b.tunggak == 0)
    lulus = lunas & (b.siklus >= b.maks_siklus)
    b.hidup &= ~lulus
    ada &= ~lulus
    baru = ada & ((b.siklus == 0) | (lunas & ~lulus))
    b.siklus[baru] += 1
    b.pokok[baru] = b.pokok_dasar[baru] * np.minimum(1 + 0.5 * (b.siklus[baru] - 1), 3)
    b.dibayar[baru], b.ke[baru], b.tunggak[baru] = 0, 0, 0
    q = np.where(b.memburuk, b.q - 0.2 * np.clip((t - (t_akhir - 30)) / 30, 0, 1), b.q)
    jatuh = ada & ~baru & (b.ke < b.tenor)
    b.ke[jatuh] += 1
    bayar = jatuh & (rng.random(len(q)) < q)
    b.tunggak[jatuh & ~bayar] += 1
    kejar = ada & ~baru & (b.tunggak > 0) & (rng.random(len(q)) < b.pulih)
    b.tunggak[kejar] -= 1
    cicilan = b.pokok // b.tenor
    n_bayar = bayar.astype(np.int64) + kejar
    b.dibayar += n_bayar
    return {"ada": ada, "pencairan_rp": np.where(baru, b.pokok, 0), "pokok_jatuh_tempo_rp": np.where(jatuh, cicilan, 0),
            "pokok_dibayar_rp": n_bayar * cicilan,
            "jasa_dibayar_rp": (n_bayar * b.pokok * JASA_PER_BULAN).astype(np.int64),
            "saldo_pinjaman_rp": np.where(ada, b.pokok - b.dibayar * cicilan, 0),
            "tunggakan_angsuran": b.tunggak.copy(), "siklus": b.siklus.copy()}


def _bulan_upk(bkm_idx: np.ndarray, n_bkm: int, f: dict, faktor: np.ndarray, laba_ditahan: np.ndarray, rng) -> dict:
    pendapatan = np.bincount(bkm_idx, f["jasa_dibayar_rp"] * f["ada"], n_bkm).astype(np.int64)
    biaya = (pendapatan / faktor * rng.uniform(0.9, 1.1, n_bkm)).astype(np.int64)
    saldo = np.bincount(bkm_idx, f["saldo_pinjaman_rp"], n_bkm)
    # a tenth of the surplus stays in the fund (the rest goes to the BKM and its reserves); the fund's
    # capital is what is out on loan plus a cash buffer plus that retained surplus
    np.maximum(laba_ditahan + (pendapatan - biaya) // 10, 0, out=laba_ditahan)
    return {"pendapatan_rp": pendapatan, "biaya_rp": biaya, "modal_rp": (saldo * 1.3).astype(np.int64) + laba_ditahan,
            "cadangan_risiko_rp": (saldo * 0.03).astype(np.int64), "aktif": saldo > 0}


def simulasi(daftar: pd.DataFrame, sehat: dict[str, str], rng: np.random.Generator
             ) -> Iterator[tuple[int, pd.DataFrame, pd.DataFrame]]:
    """Yield (year, KSM-month rows, UPK-month rows) one year at a time."""
    bulan0 = pd.Timestamp(f"{int(daftar.tahun_bentuk.min())}-01-01")
    b = _buku(daftar, sehat, bulan0, rng)
    bkm, bkm_idx = np.unique(daftar.kode_bkm.to_numpy(), return_inverse=True)
    faktor = np.array([PERILAKU[sehat[k]][2] for k in bkm])
    laba_ditahan = np.zeros(len(bkm), np.int64)
    t_akhir = (AKHIR.year - bulan0.year) * 12 + AKHIR.month - 1
    kolom_ksm = (daftar.kode_ksm.to_numpy(), daftar.kode_bkm.to_numpy(), daftar.kode_kelurahan.to_numpy())
    tahun, ksm_rows, upk_rows = bulan0.year, [], []
    for t in range(t_akhir + 1):
        periode = (bulan0 + pd.DateOffset(months=t)).date()
        f = _langkah(b, t, t_akhir, rng)
        ksm_rows.append(_frame_ksm(kolom_ksm, f, periode))
        upk_rows.append(_frame_upk(bkm, _bulan_upk(bkm_idx, len(bkm), f, faktor, laba_ditahan, rng), periode))
        if periode.month == 12:
            yield tahun, pd.concat(ksm_rows, ignore_index=True), pd.concat(upk_rows, ignore_index=True)
            tahun, ksm_rows, upk_rows = tahun + 1, [], []


def _frame_ksm(kolom, f: dict, periode) -> pd.DataFrame:
    ada = f["ada"]
    df = pd.DataFrame({k: v[ada] for k, v in f.items() if k != "ada"})
    df.insert(0, "kode_ksm", kolom[0][ada])
    df.insert(1, "kode_bkm", kolom[1][ada])
    df.insert(2, "kode_kelurahan", kolom[2][ada])
    df.insert(3, "periode", periode)
    return df


def _frame_upk(bkm: np.ndarray, u: dict, periode) -> pd.DataFrame:
    aktif = u.pop("aktif")
    df = pd.DataFrame({k: v[aktif] for k, v in u.items()})
    df.insert(0, "kode_bkm", bkm[aktif])
    df.insert(1, "kode_kelurahan", [k[:-2] for k in bkm[aktif]])
    df.insert(2, "periode", periode)
    return df


Penulis = Callable[[str, int, pd.DataFrame], None]
