"""A pandas implementation of each page's main question, reading the same Parquet files, for `make bench`.

Each function answers the same question as the named query (same filters, same grain) the way a plain
pandas dashboard would: read the needed columns with pyarrow (filters pushed down), then group by.
`waktu(page, url, data)` returns the median seconds, or None for pages without a pandas counterpart.
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pantau import dataset


def _baca(nama: str, kolom: list[str], prefix: str, **filter_tahun) -> pd.DataFrame:
    root = dataset.active().path / nama
    data = ds.dataset(root, format="parquet", partitioning="hive")
    kondisi = None
    if "tahun_akhir" in filter_tahun:
        kondisi = ds.field("tahun") <= filter_tahun["tahun_akhir"]
    df = data.to_table(columns=kolom, filter=kondisi).to_pandas()
    return df[df.kode_kelurahan.str.startswith(prefix)] if prefix else df


def blm(prefix: str) -> pd.DataFrame:
    """blm_rincian: BLM, DDUB, swadaya and beneficiaries by year × programme × tahap × component."""
    df = _baca("blm_pencairan", ["kode_kelurahan", "tahun", "program", "tahap", "komponen", "nilai_blm_rp",
                                 "nilai_ddub_rp", "nilai_swadaya_rp", "pemanfaat"], prefix)
    df["komponen"] = df.komponen.fillna("tidak_dirinci")
    return df.groupby(["tahun", "program", "tahap", "komponen"], observed=True).agg(
        nilai_blm_rp=("nilai_blm_rp", "sum"), nilai_ddub_rp=("nilai_ddub_rp", "sum"),
        nilai_swadaya_rp=("nilai_swadaya_rp", "sum"), pemanfaat=("pemanfaat", "sum"),
        jumlah_pencairan=("nilai_blm_rp", "size")).reset_index()


def dana_bergulir(prefix: str) -> pd.DataFrame:
    """dana_bergulir_bulanan: the loan book month by month, split by the number of overdue instalments, from
    the same derived per-kab/kota Parquet the query reads."""
    berkas = dataset.active().path / "_turunan" / "pinjaman_kab_bulanan.parquet"
    kolom = ["kode_kab", "periode", "tunggakan_angsuran", "ksm_aktif", "ksm_bersaldo", "saldo_rp", "pencairan_rp",
             "pinjaman_baru", "pokok_jatuh_tempo_rp", "pokok_dibayar_rp"]
    df = pq.read_table(berkas, columns=kolom, filters=[("tahun", "<=", 2024)]).to_pandas()
    if prefix:
        df = df[df.kode_kab.str.startswith(prefix.rstrip("."))]
    return df.drop(columns="kode_kab").groupby(["periode", "tunggakan_angsuran"]).sum().reset_index()


def permukiman(prefix: str) -> pd.DataFrame:
    """permukiman_per_tahun: households with water and sanitation, and slum hectares, per year."""
    df = _baca("indikator_permukiman", ["kode_kelurahan", "tahun", "jumlah_kk", "kk_air_minum_layak",
                                        "kk_sanitasi_layak", "luas_kumuh_ha"], prefix)
    return df.groupby("tahun").agg(jumlah_kelurahan=("kode_kelurahan", "nunique"), jumlah_kk=("jumlah_kk", "sum"),
                                   kk_air_minum_layak=("kk_air_minum_layak", "sum"),
                                   kk_sanitasi_layak=("kk_sanitasi_layak", "sum"),
                                   luas_kumuh_ha=("luas_kumuh_ha", "sum")).reset_index()


def kemiskinan(prefix: str) -> pd.DataFrame:
    """kemiskinan_selisih at kelurahan level: sources side by side with max − min and max ÷ min."""
    df = _baca("data_kemiskinan", ["kode_kelurahan", "tahun", "sumber", "rumah_tangga_miskin"], prefix)
    lebar = df.pivot_table(index=["kode_kelurahan", "tahun"], columns="sumber", values="rumah_tangga_miskin",
                           aggfunc="sum")
    hasil = lebar.assign(rt_min=lebar.min(axis=1), rt_maks=lebar.max(axis=1), jumlah_sumber=lebar.notna().sum(axis=1))
    hasil["selisih"] = hasil.rt_maks - hasil.rt_min
    hasil["rasio"] = (hasil.rt_maks / hasil.rt_min).where((hasil.rt_min > 0) & (hasil.jumlah_sumber >= 2))
    return hasil.reset_index()


def aset(prefix: str) -> pd.DataFrame:
    """aset_per_tingkat: assets per kelurahan, rolled up one level down (kab/kota) and for the selection:
    count and value by handover status."""
    df = _baca("aset", ["kode_kelurahan", "nilai_rp", "status_serah_terima", "kondisi"], prefix)
    kel = df.groupby(["kode_kelurahan", "status_serah_terima"]).agg(jumlah=("nilai_rp", "size"),
                                                                     nilai_rp=("nilai_rp", "sum")).reset_index()
    kab = kel.assign(kode=kel.kode_kelurahan.str[:5]).groupby(["kode", "status_serah_terima"])[
        ["jumlah", "nilai_rp"]].sum().reset_index()
    semua = kel.groupby("status_serah_terima")[["jumlah", "nilai_rp"]].sum().reset_index().assign(kode="")
    return pd.concat([kel.rename(columns={"kode_kelurahan": "kode"}), kab, semua], ignore_index=True)


FUNGSI = {"BLM": blm, "Dana Bergulir": dana_bergulir, "100-0-100": permukiman, "Data Kemiskinan": kemiskinan,
          "Aset": aset}
KUERI = {"BLM": "blm_rincian", "Dana Bergulir": "dana_bergulir_bulanan", "100-0-100": "permukiman_per_tahun",
         "Data Kemiskinan": "kemiskinan_selisih", "Aset": "aset_per_tingkat"}


def waktu(halaman: str, url: dict, data: Path, ulang: int = 3) -> float | None:
    fungsi = FUNGSI.get(halaman)
    if fungsi is None:
        return None
    prefix = (url.get("kab", "") + ".") if url.get("kab") else ""
    hasil = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi(prefix)
        hasil.append(time.perf_counter() - mulai)
    return statistics.median(hasil)
