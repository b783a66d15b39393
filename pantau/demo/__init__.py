"""Deterministic demo dataset: every table of the contract, written as a dataset version.

`python -m pantau.demo` writes the embedded default (the five seed places of domain.md §4) and makes it
active; `--scale national` writes the benchmark's ~11,000 kelurahan with ~10 million KSM-month rows,
streamed to Parquet one year at a time.
"""
from __future__ import annotations

import fcntl
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pantau import dataset, schema
from pantau.demo import blm, lain, permukiman, pinjaman, tempat

SEED = 20150427


def _arrow(nama: str, df: pd.DataFrame) -> pa.Table:
    tabel = schema.TABEL[nama]
    kolom = [k for k in tabel.kolom if not (tabel.partisi_tahun and k.nama == "tahun")]
    arrays = [pa.array(df[k.nama].tolist() if k.tipe == "date" else df[k.nama], type=k.arrow, from_pandas=True)
              for k in kolom]
    return pa.Table.from_arrays(arrays, schema=pa.schema([pa.field(k.nama, k.arrow) for k in kolom]))


def tulis(root: Path, nama: str, df: pd.DataFrame, tahun: int | None = None) -> None:
    """Write one table (or one year of a partitioned table) as zstd Parquet in contract column order."""
    folder = root / nama / (f"tahun={tahun}" if tahun is not None else "")
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(_arrow(nama, df.reset_index(drop=True)), folder / "part-0.parquet", compression="zstd")


def _tulis_per_tahun(root: Path, nama: str, df: pd.DataFrame, kunci: list[str]) -> None:
    for tahun, bagian in df.sort_values(kunci).groupby("tahun", sort=True):
        tulis(root, nama, bagian, int(tahun))


def _kelurahan(skala: str) -> pd.DataFrame:
    ref = pq.read_table(dataset.REFERENCE_DIR / "wilayah.parquet").to_pandas()
    return tempat.seed_kelurahan(ref) if skala == "demo" else tempat.national_kelurahan(ref)


def _tabel_kecil(root: Path, kel: pd.DataFrame, rng: np.random.Generator) -> dict:
    """Every table but the monthly loan book; returns the frames later steps need."""
    kws = permukiman.kawasan(kel, rng)
    lokasi = blm.lokasi_program(kel, set(kws.kode_kelurahan), rng)
    alok = blm.alokasi(kel, rng)
    alok = alok[alok.program != "P2KP-1"]          # P2KP-1 exists only in Kab. Serang, from the seed
    cair = blm.pencairan(alok, rng)
    if (kel.kab == "36.04").any():
        alok_serang, cair_serang = blm.serang_p2kp1(kel, rng)
        alok = pd.concat([alok, alok_serang], ignore_index=True)
        cair = pd.concat([cair, cair_serang], ignore_index=True)
    ind = permukiman.indikator(kel, kws, rng)
    frames = {"lokasi_program": lokasi, "blm_alokasi": alok,
              "kawasan_kumuh": kws, "penilaian_kumuh": permukiman.penilaian(kws, rng), "indikator_permukiman": ind,
              "data_kemiskinan": lain.kemiskinan(ind, rng), "aset": lain.aset(cair, rng)}
    for nama, df in frames.items():
        tulis(root, nama, df.sort_values(list(schema.TABEL[nama].kunci)))
    _tulis_per_tahun(root, "blm_pencairan", cair, ["id_pencairan"])
    return {"lokasi": lokasi, **frames, "blm_pencairan": cair}


def _buku_pinjaman(root: Path, lokasi: pd.DataFrame, rng: np.random.Generator) -> dict[str, int]:
    daftar = pinjaman.ksm(lokasi, rng)
    tulis(root, "ksm", daftar.sort_values("kode_ksm"))
    sehat = pinjaman.kesehatan_upk(sorted(daftar.kode_bkm.unique()), rng)
    baris = {"ksm": len(daftar), "pinjaman_bulanan": 0, "upk_keuangan_bulanan": 0}
    for tahun, ksm_bulan, upk_bulan in pinjaman.simulasi(daftar, sehat, rng):
        tulis(root, "pinjaman_bulanan", ksm_bulan.sort_values(["kode_ksm", "periode"]), tahun)
        tulis(root, "upk_keuangan_bulanan", upk_bulan.sort_values(["kode_bkm", "periode"]), tahun)
        baris["pinjaman_bulanan"] += len(ksm_bulan)
        baris["upk_keuangan_bulanan"] += len(upk_bulan)
    return baris


def _tanggal_data(frames: dict) -> dict[str, str]:
    """The date each table's data refers to (its latest period), for the 'data per …' notices."""
    hasil = {}
    for nama, df in frames.items():
        kolom = schema.TABEL[nama].kolom_periode if nama in schema.TABEL else ""
        if kolom and len(df):
            nilai = f"{int(df[kolom].max())}-12-31" if kolom.startswith("tahun") else df[kolom].max()
            hasil[nama] = pd.Timestamp(nilai).date().isoformat()
    hasil["pinjaman_bulanan"] = hasil["upk_keuangan_bulanan"] = hasil["ksm"] = pinjaman.AKHIR.date().isoformat()
    return hasil


def generate(skala: str = "demo", seed: int = SEED, aktifkan: bool = True) -> dataset.Versi:
    """Write a complete demo version (and make it active); returns it."""
    vid = dataset.new_id(f"demo-{skala}")
    rng = np.random.default_rng(seed)
    with dataset.staging(vid) as root:
        frames = _tabel_kecil(root, _kelurahan(skala), rng)
        baris = {n: len(df) for n, df in frames.items() if n in schema.TABEL}
        baris.update(_buku_pinjaman(root, frames["lokasi"], rng))
        dataset.write_manifest(root, jenis="demo", skala=skala, seed=seed, oleh="pantau.demo", berkas=None,
                               keterangan="Data demo: angka buatan yang dikalibrasi ke fakta berita",
                               baris=baris, tanggal_data=_tanggal_data(frames))
    if aktifkan:
        dataset.set_active(vid)
    return dataset.get(vid)


def siapkan() -> dataset.Versi | None:
    """`make data`: `ensure_active`, then the served version's derived tables where they are missing (a version
    published before they existed). Without them the app answers the same, only slower; a folder that cannot
    be written is reported and left as it is."""
    versi = ensure_active()
    if versi is not None:
        from pantau import db
        try:
            db.bangun_turunan(versi.path, hanya_yang_hilang=True)
        except OSError as e:
            print(f"tabel turunan tidak dapat ditulis ({e.strerror or e}); Pantau tetap berjalan, lebih lambat")
    return versi


def ensure_active() -> dataset.Versi | None:
    """The served version; on a first start with no dataset at all, generate the demo (once, under a file
    lock). When versions exist but none can be read, return None (nothing is generated over them)."""
    versi = dataset.active()
    if versi is not None or dataset.pointer_id() is not None or dataset.all_versions():
        return versi
    dataset.versions_dir().mkdir(parents=True, exist_ok=True)
    with open(dataset.versions_dir() / ".lock", "w") as kunci:
        fcntl.flock(kunci, fcntl.LOCK_EX)
        return dataset.active() or generate()
