"""Demo poverty counts by source (which disagree, by design and by accident) and tridaya assets."""
from __future__ import annotations

import numpy as np
import pandas as pd

# source -> (years published, typical ratio to the BPS count)
SUMBER = {"BPS": ((2011, 2015, 2019, 2023), 1.0), "PS": ((2011, 2015, 2019, 2023), 1.15),
          "DTKS": ((2011, 2015, 2019, 2023), 1.3), "BKKBN": ((2011, 2015, 2019, 2023), 1.6),
          "Raskin": ((2011, 2015), 1.4)}


def kemiskinan(ind: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Poor households per kelurahan × year × source; one kelurahan in eight has a source far off."""
    kk2015 = ind[ind.tahun == 2015].set_index("kode_kelurahan").jumlah_kk
    rows = []
    for kode, kk in kk2015.items():
        laju = rng.uniform(0.06, 0.3)
        ganjil = rng.choice(list(SUMBER)) if rng.random() < 0.125 else None
        for sumber, (tahun_terbit, rasio) in SUMBER.items():
            for tahun in tahun_terbit:
                miskin = kk * 1.012 ** (tahun - 2015) * laju * (1 - 0.03 * (tahun - 2011))
                r = rasio * rng.uniform(0.85, 1.15) * (rng.choice([0.35, 2.6]) if sumber == ganjil else 1)
                rt = int(round(miskin * r))
                rows.append((kode, tahun, sumber, rt, int(round(rt * rng.uniform(3.6, 4.6)))))
    return pd.DataFrame(rows, columns=["kode_kelurahan", "tahun", "sumber", "rumah_tangga_miskin", "jiwa_miskin"])


def _kondisi(umur: int, rng) -> str:
    p_berat = min(0.35, 0.02 * umur)
    p_ringan = min(0.4, 0.03 * umur)
    return str(rng.choice(["baik", "rusak_ringan", "rusak_berat"], p=[1 - p_berat - p_ringan, p_ringan, p_berat]))


def _serah_terima(tahun: int, kab: str, rng) -> tuple[str, int | None]:
    umur = 2024 - tahun
    p_selesai = 0.1 if kab == "13.72" else min(0.8, 0.06 * umur)
    status = str(rng.choice(["selesai", "proses", "belum"], p=[p_selesai, (1 - p_selesai) / 2, (1 - p_selesai) / 2]))
    return status, (min(2024, tahun + int(rng.integers(1, 6))) if status == "selesai" else None)


def aset(cair: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """One asset per kelurahan × programme year × component: works built from BLM plus swadaya,
    and the revolving capital held by the UPK (ekonomi)."""
    grup = cair.groupby(["kode_kelurahan", "kode_bkm", "program", "tahun", "komponen"], as_index=False).agg(
        nilai=("nilai_blm_rp", "sum"), swadaya=("nilai_swadaya_rp", "sum"), kegiatan=("kegiatan", "first"))
    rows = []
    for i, g in enumerate(grup.itertuples()):
        kondisi = _kondisi(2024 - g.tahun, rng)
        status, tahun_st = _serah_terima(g.tahun, g.kode_kelurahan[:5], rng)
        tanpa_kpp = rng.random() < (0.45 if kondisi == "rusak_berat" else 0.12)
        uraian = g.kegiatan if g.komponen != "ekonomi" else "Modal dana bergulir UPK"
        rows.append((f"{g.kode_kelurahan}.A{i % 10_000:04d}", g.kode_kelurahan, g.kode_bkm, g.komponen, uraian,
                     int(g.tahun), int(g.nilai + g.swadaya), kondisi, status, tahun_st,
                     None if tanpa_kpp else f"KPP {uraian.split()[0]} {g.kode_kelurahan[-4:]}", "Demo"))
    return pd.DataFrame(rows, columns=["kode_aset", "kode_kelurahan", "kode_bkm", "jenis", "uraian", "tahun_bangun",
                                       "nilai_rp", "kondisi", "status_serah_terima", "tahun_serah_terima",
                                       "pengelola", "sumber"])
