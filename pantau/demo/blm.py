"""Demo BLM: programme locations, yearly allocations (pagu) and disbursements by tahap and component,
calibrated to the seed totals of domain.md §4 (Kota Solok, Kab. Serang)."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from pantau.demo import tempat as T

NAMA_BKM = ("Sepakat", "Mandiri", "Sejahtera", "Bersatu", "Amanah", "Maju Bersama", "Harapan", "Berkah",
            "Gotong Royong", "Mufakat")
KEGIATAN = {
    "lingkungan": ("Rabat beton jalan lingkungan", "Saluran drainase", "MCK komunal", "Sumur bor",
                   "Jembatan titian", "Tempat pengolahan sampah"),
    "sosial": ("Pelatihan keterampilan", "Santunan lansia dan yatim", "Beasiswa anak keluarga miskin",
               "Posyandu"),
    "ekonomi": ("Pinjaman bergulir KSM",),
    None: ("BLM belum dirinci per komponen",),
}
# component mix (lingkungan, sosial, ekonomi) and yearly BLM range (rupiah) per programme
CAMPURAN = {"P2KP-1": (0.32, 0.06, 0.62), "P2KP-2": (0.55, 0.10, 0.35), "P2KP-3": (0.6, 0.1, 0.3),
            "PNPM-MP": (0.72, 0.13, 0.15), "P2KP-PKP": (1.0, 0.0, 0.0), "KOTAKU": (1.0, 0.0, 0.0)}
BESARAN = {"P2KP-1": (80e6, 220e6), "P2KP-2": (60e6, 160e6), "P2KP-3": (60e6, 160e6),
           "PNPM-MP": (70e6, 220e6), "P2KP-PKP": (150e6, 300e6), "KOTAKU": (300e6, 1_000e6)}
TAHUN_BPM_KOTAKU = (2017, 2018, 2019, 2021)


def bagi(total: int, bobot, satuan: int = 1000) -> np.ndarray:
    """Split an integer total into parts proportional to `bobot`, multiples of `satuan`, summing exactly."""
    bobot = np.asarray(bobot, dtype=float)
    if total == 0 or bobot.sum() == 0:
        return np.zeros(len(bobot), dtype=np.int64)
    kasar = np.floor(total * bobot / bobot.sum() / satuan).astype(np.int64) * satuan
    kasar[int(np.argmax(bobot))] += total - kasar.sum()
    return kasar


def lokasi_program(kel: pd.DataFrame, kawasan_kel: set[str], rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for r in kel.itertuples():
        nama_bkm = f"BKM {NAMA_BKM[rng.integers(len(NAMA_BKM))]} {r.nama}"
        for program, mulai, selesai in r.fase:
            jenis = ("peningkatan" if r.kode in kawasan_kel else "pencegahan") if program in ("KOTAKU", "P2KP-PKP") \
                else None
            rows.append((r.kode, program, mulai, selesai if selesai < 2024 else None, jenis, f"{r.kode}.B",
                         nama_bkm, r.sumber))
    return pd.DataFrame(rows, columns=["kode_kelurahan", "program", "tahun_mulai", "tahun_selesai", "jenis_lokasi",
                                       "kode_bkm", "nama_bkm", "sumber"])


def _tahun_blm(program: str, mulai: int, selesai: int) -> list[int]:
    if program == "KOTAKU":
        return [t for t in TAHUN_BPM_KOTAKU if mulai <= t <= selesai]
    return list(range(mulai, selesai + 1))


def alokasi(kel: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """One row per kelurahan × programme × year: pagu and the share of it disbursed (cair ÷ pagu)."""
    rows = []
    for r in kel.itertuples():
        lambat = rng.random() < 0.15       # a kelurahan whose disbursement lags
        for program, mulai, selesai in r.fase:
            lo, hi = BESARAN[program]
            for tahun in _tahun_blm(program, mulai, selesai):
                pagu = int(rng.uniform(lo, hi) // 1_000_000 * 1_000_000)
                cair = 1.0 if not lambat or rng.random() < 0.4 else float(rng.choice([0.5, 0.7, 0.8]))
                rows.append((r.kode, program, tahun, pagu, cair, r.sumber))
    df = pd.DataFrame(rows, columns=["kode_kelurahan", "program", "tahun", "pagu_rp", "porsi_cair", "sumber"])
    return _kalibrasi_solok(df)


def _kalibrasi_solok(df: pd.DataFrame) -> pd.DataFrame:
    """Scale Kota Solok's PNPM-MP 2008–2014 pagu to the seed total, fully disbursed."""
    pilih = df.kode_kelurahan.str.startswith("13.72.") & (df.program == "PNPM-MP") & df.tahun.between(2008, 2014)
    df.loc[pilih, "pagu_rp"] = bagi(T.SOLOK_BLM_PNPM, df.loc[pilih, "pagu_rp"].to_numpy())
    df.loc[pilih, "porsi_cair"] = 1.0
    return df


def _tanggal(program: str, tahun: int, tahap: int, kab: str) -> date:
    if kab == "14.04" and tahun == 2015:     # PNPM-MP ended April 2015; P2KP-PKP started September 2015
        return date(2015, (2, 4)[tahap - 1] if program == "PNPM-MP" else (9, 11)[tahap - 1], 15)
    return date(tahun, (4, 7, 10)[tahap - 1], 10 + 5 * tahap)


def _tahap(program: str, tahun: int, kab: str) -> tuple[float, ...]:
    if kab == "14.04" and tahun == 2015:
        return (0.4, 0.6)
    return (0.2, 0.5, 0.3)


def _baris_pencairan(a, kab: str, tahap: int, komponen, nilai: int, rng) -> tuple:
    swadaya = {"lingkungan": 0.24, "sosial": 0.08, "ekonomi": 0.0, None: 0.0}[komponen]
    ddub = 0.3 if a.program == "KOTAKU" else 0.2
    pemanfaat = max(1, int(nilai / rng.uniform(400_000, 1_500_000)))
    return (f"{a.kode_kelurahan}-{a.program}-{a.tahun}-{tahap}-{komponen or 'x'}", a.kode_kelurahan,
            f"{a.kode_kelurahan}.B", a.program, a.tahun, tahap, _tanggal(a.program, a.tahun, tahap, kab), komponen,
            nilai, int(nilai * ddub * rng.uniform(0.6, 1.2)) // 1000 * 1000,
            int(nilai * swadaya * rng.uniform(0.6, 1.4)) // 1000 * 1000,
            KEGIATAN[komponen][rng.integers(len(KEGIATAN[komponen]))], pemanfaat,
            int(pemanfaat * rng.uniform(0.45, 0.85)), int(pemanfaat * rng.uniform(0.4, 0.6)), a.sumber)


KOLOM_PENCAIRAN = ["id_pencairan", "kode_kelurahan", "kode_bkm", "program", "tahun", "tahap", "tanggal_cair",
                   "komponen", "nilai_blm_rp", "nilai_ddub_rp", "nilai_swadaya_rp", "kegiatan", "pemanfaat",
                   "pemanfaat_miskin", "pemanfaat_perempuan", "sumber"]


def pencairan(alok: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Disbursements: each year's cair amount split over the tahap, each tahap over the tridaya components."""
    rows = []
    for a in alok.itertuples():
        kab = a.kode_kelurahan[:5]
        porsi = _tahap(a.program, a.tahun, kab)
        cair = int(round(a.pagu_rp * a.porsi_cair / 1000)) * 1000
        batas = np.clip(a.porsi_cair - np.concatenate([[0], np.cumsum(porsi)[:-1]]), 0, porsi)
        mix = np.array(CAMPURAN[a.program]) * rng.uniform(0.8, 1.2, 3)
        for i, nilai_tahap in enumerate(bagi(cair, batas), start=1):
            for komponen, nilai in zip(("lingkungan", "sosial", "ekonomi"), bagi(int(nilai_tahap), mix)):
                if nilai > 0:
                    rows.append(_baris_pencairan(a, kab, i, komponen, int(nilai), rng))
    return pd.DataFrame(rows, columns=KOLOM_PENCAIRAN)


def serang_p2kp1(kel: pd.DataFrame, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Kab. Serang P2KP-1 from the seed: tahap 1 in 11 villages (2003), tahap 2 in 19 villages (2004,
    Rp 3,6 miliar = ekonomi + lingkungan + sosial + Rp 120 juta not assigned to a component)."""
    desa = kel[kel.kab == "36.04"].kode.tolist()
    alok, cair = [], []
    for tahap, kode_desa, tahun in ((1, desa[:T.SERANG_TAHAP1], 2003), (2, desa[T.SERANG_TAHAP1:], 2004)):
        bobot = rng.uniform(0.7, 1.3, len(kode_desa))
        komponen = T.SERANG_TAHAP2_KOMPONEN if tahap == 2 else {"ekonomi": 1_364_000_000,
                                                                  "lingkungan": 741_000_000, "sosial": 95_000_000}
        per_desa = {k: bagi(v, bobot if k else bobot[:4]) for k, v in komponen.items()}
        for i, kode in enumerate(kode_desa):
            a = pd.Series({"kode_kelurahan": kode, "program": "P2KP-1", "tahun": tahun,
                           "sumber": "Demo; berita P2KP-1 Kab. Serang 2004 (tahap = angkatan lokasi)"})
            baris = [_baris_pencairan(a, "36.04", tahap, k, int(v[i]), rng) for k, v in per_desa.items()
                     if i < len(v) and v[i] > 0]
            cair += baris
            alok.append((kode, "P2KP-1", tahun, sum(b[8] for b in baris), 1.0, a.sumber))
    return (pd.DataFrame(alok, columns=["kode_kelurahan", "program", "tahun", "pagu_rp", "porsi_cair", "sumber"]),
            pd.DataFrame(cair, columns=KOLOM_PENCAIRAN))
