"""Where the demo data lives: the five seed places, their kelurahan and programme phases, and the
national-scale selection used by the benchmark. Facts come from domain.md §4; codes from `wilayah`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# programme phases: (program, first year, last year)
FASE_SOLOK = (("PNPM-MP", 2008, 2014), ("P2KP-PKP", 2015, 2015), ("KOTAKU", 2016, 2021))
FASE_KAPUAS = (("P2KP-2", 2003, 2007), ("PNPM-MP", 2008, 2014), ("KOTAKU", 2016, 2022))
FASE_SERANG = (("P2KP-1", 2003, 2004), ("PNPM-MP", 2008, 2014), ("KOTAKU", 2016, 2020))
FASE_METRO = (("PNPM-MP", 2009, 2014), ("KOTAKU", 2016, 2024))
FASE_INHIL = (("PNPM-MP", 2006, 2015), ("P2KP-PKP", 2015, 2015), ("KOTAKU", 2016, 2024))

KESEHATAN = ("sehat", "cukup", "buruk", "memburuk")


@dataclass(frozen=True)
class Tempat:
    """One seed place: its kab/kota code, which kecamatan (and how many of their kelurahan), and its phases."""

    kab: str
    kecamatan: tuple[tuple[str, int], ...]   # (kode kecamatan, how many kelurahan; 0 = all)
    fase: tuple[tuple[str, int, int], ...]
    tahun_sk: int
    sumber: str


SEED_PLACES = (
    Tempat("13.72", (("13.72.01", 0), ("13.72.02", 0)), FASE_SOLOK, 2015,
           "Demo; total BLM PNPM-MP 2008–2014 dari berita KBP Kota Solok 27 April 2015"),
    Tempat("62.03", (("62.03.01", 0), ("62.03.02", 0)), FASE_KAPUAS, 2016,
           "Demo; lokasi P2KP sejak 2003 di Selat dan Kapuas Hilir (berita: 15 + 9 desa, kode kini 10 + 8)"),
    Tempat("36.04", (("36.04.09", 0), ("36.04.11", 0), ("36.04.05", 3)), FASE_SERANG, 2016,
           "Demo; P2KP-1 tahap 1 (11) dan tahap 2 (19 desa, BLM Rp 3,6 miliar) dari berita 2004"),
    Tempat("18.72", (("18.72.01", 0), ("18.72.02", 0), ("18.72.03", 0), ("18.72.04", 0), ("18.72.05", 0)),
           FASE_METRO, 2016, "Demo; KOTAKU sejak 2016, target 0 ha kumuh 2019"),
    Tempat("14.04", (("14.04.04", 0), ("14.04.13", 0), ("14.04.01", 6)), FASE_INHIL, 2015,
           "Demo; PNPM-MP 2006–April 2015, lalu P2KP (Peningkatan Kualitas Permukiman) sejak Sept 2015"),
)

# Kab. Serang, P2KP-1: the first 11 villages are tahap 1, the next 19 tahap 2 (seed 002)
SERANG_TAHAP1 = 11
SERANG_TAHAP2 = 19
SERANG_KSM = 959
SERANG_ANGGOTA = 2802
SOLOK_BLM_PNPM = 9_381_893_000
SERANG_TAHAP2_KOMPONEN = {"ekonomi": 2_132_470_000, "lingkungan": 1_158_080_000, "sosial": 189_450_000,
                          None: 120_000_000}


def _kelurahan_di(ref: pd.DataFrame, kec: str, n: int) -> pd.DataFrame:
    rows = ref[(ref.tingkat == "kelurahan") & (ref.kode_induk == kec)].sort_values("kode")
    return rows.head(n) if n else rows


def seed_kelurahan(ref: pd.DataFrame) -> pd.DataFrame:
    """The demo's kelurahan: code, name, kab/kota, phases and provenance, in a fixed order."""
    parts = []
    for tempat in SEED_PLACES:
        rows = pd.concat([_kelurahan_di(ref, kec, n) for kec, n in tempat.kecamatan])
        parts.append(pd.DataFrame({
            "kode": rows.kode.to_numpy(), "nama": rows.nama.to_numpy(), "kab": tempat.kab,
            "fase": [tempat.fase] * len(rows), "tahun_sk": tempat.tahun_sk, "sumber": tempat.sumber}))
    return pd.concat(parts, ignore_index=True)


def _fase_nasional(rng: np.random.Generator) -> tuple[tuple[str, int, int], ...]:
    awal = int(rng.choice([2003, 2005, 2007, 2008]))
    fase = []
    if awal < 2008:
        fase.append(("P2KP-2" if awal == 2003 else "P2KP-3", awal, 2007))
    fase.append(("PNPM-MP", 2008, 2014))
    if rng.random() < 0.3:
        fase.append(("P2KP-PKP", 2015, 2015))
    fase.append(("KOTAKU", 2016, int(rng.choice([2019, 2021, 2022, 2024]))))
    return tuple(fase)


def national_kelurahan(ref: pd.DataFrame, n_kab: int = 270, per_kab: int = 41, seed: int = 7) -> pd.DataFrame:
    """~11,000 programme kelurahan in ~270 kab/kota from the real region table (the benchmark's scale)."""
    rng = np.random.default_rng(seed)
    kab = ref[ref.tingkat == "kabkota"].sort_values("kode")
    kota = kab[kab.jenis == "kota"]
    lain = kab[kab.jenis != "kota"]
    pilih = pd.concat([kota, lain.iloc[rng.permutation(len(lain))[: n_kab - len(kota)]]]).sort_values("kode")
    kel = ref[ref.tingkat == "kelurahan"].copy()
    kel["kab"] = kel.kode.str[:5]
    kel = kel[kel.kab.isin(pilih.kode)].sort_values(["kab", "jenis", "kode"], ascending=[True, False, True])
    kel = kel.groupby("kab", sort=True).head(per_kab).sort_values("kode")
    return pd.DataFrame({
        "kode": kel.kode.to_numpy(), "nama": kel.nama.to_numpy(), "kab": kel.kab.to_numpy(),
        "fase": [_fase_nasional(rng) for _ in range(len(kel))],
        "tahun_sk": rng.choice([2015, 2016, 2017], len(kel)), "sumber": "Demo skala nasional (benchmark)"})
