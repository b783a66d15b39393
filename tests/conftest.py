"""Shared test fixtures: datasets written as real Parquet versions in temporary folders."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st

from pantau import dataset, db, schema
from pantau.demo import generate, tulis


def _kosong(nama: str) -> pd.DataFrame:
    return pd.DataFrame({k.nama: pd.Series(dtype="object") for k in schema.TABEL[nama].kolom})


def tulis_versi(frames: dict[str, pd.DataFrame], jenis: str = "uji") -> dataset.Versi:
    """Write `frames` (missing tables empty) as a new active version under $PANTAU_DATA."""
    vid = dataset.new_id(jenis)
    with dataset.staging(vid) as root:
        for nama in schema.TABEL_DATASET:
            df = frames.get(nama, _kosong(nama))
            if schema.TABEL[nama].partisi_tahun and len(df):
                for tahun, bagian in df.groupby("tahun"):
                    tulis(root, nama, bagian, int(tahun))
            elif not schema.TABEL[nama].partisi_tahun:
                tulis(root, nama, df)
        dataset.write_manifest(root, jenis=jenis, baris={n: len(d) for n, d in frames.items()},
                               tanggal_data={n: "2024-12-01" for n in frames})
    dataset.set_active(vid)
    segarkan()
    return dataset.get(vid)


def segarkan() -> None:
    """Forget cached connections and query results (after the active version changed)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    db._connection.cache_clear()


@pytest.fixture
def folder_data(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("PANTAU_DATA", str(tmp_path))
    segarkan()
    yield tmp_path
    segarkan()


@pytest.fixture
def buat_versi(folder_data):
    """Factory: write hand-made frames as the active dataset for one test."""
    return tulis_versi


@pytest.fixture(scope="session")
def folder_demo(tmp_path_factory) -> Path:
    """The demo dataset, generated once per test session into its own folder."""
    folder = tmp_path_factory.mktemp("demo")
    lama = os.environ.get("PANTAU_DATA")
    os.environ["PANTAU_DATA"] = str(folder)
    try:
        generate()
    finally:
        if lama is None:
            os.environ.pop("PANTAU_DATA")
        else:
            os.environ["PANTAU_DATA"] = lama
    return folder


@pytest.fixture
def demo_aktif(folder_demo, monkeypatch):
    """Make the session's demo dataset the active one for this test."""
    monkeypatch.setenv("PANTAU_DATA", str(folder_demo))
    segarkan()
    yield dataset.active()
    segarkan()


def kecil() -> dict[str, pd.DataFrame]:
    """A tiny dataset touching every table: two kelurahan in Kota Solok, one in Kota Metro."""
    kel = ["13.72.01.1001", "13.72.01.1002", "18.72.01.1001"]
    bkm = [k + ".B" for k in kel]
    return {
        "lokasi_program": pd.DataFrame({
            "kode_kelurahan": kel, "program": ["PNPM-MP", "PNPM-MP", "KOTAKU"], "tahun_mulai": [2008, 2008, 2016],
            "tahun_selesai": [2014, 2014, None], "jenis_lokasi": [None, None, "peningkatan"], "kode_bkm": bkm,
            "nama_bkm": ["BKM A", "BKM B", "BKM C"], "sumber": "uji"}),
        "blm_alokasi": pd.DataFrame({
            "kode_kelurahan": kel, "program": ["PNPM-MP", "PNPM-MP", "KOTAKU"], "tahun": [2010, 2010, 2017],
            "pagu_rp": [100_000_000, 200_000_000, 500_000_000], "sumber": "uji"}),
        "blm_pencairan": pd.DataFrame({
            "id_pencairan": ["p1", "p2", "p3", "p4"], "kode_kelurahan": [kel[0], kel[0], kel[1], kel[2]],
            "kode_bkm": [bkm[0], bkm[0], bkm[1], bkm[2]], "program": ["PNPM-MP", "PNPM-MP", "PNPM-MP", "KOTAKU"],
            "tahun": [2010, 2010, 2010, 2017], "tahap": [1, 2, 1, 1],
            "tanggal_cair": [date(2010, 4, 15), date(2010, 7, 20), date(2010, 4, 15), date(2017, 5, 2)],
            "komponen": ["lingkungan", "ekonomi", "sosial", "lingkungan"],
            "nilai_blm_rp": [60_000_000, 40_000_000, 150_000_000, 400_000_000],
            "nilai_ddub_rp": [10_000_000, 0, 20_000_000, 100_000_000],
            "nilai_swadaya_rp": [5_000_000, 0, 10_000_000, 50_000_000], "kegiatan": ["jalan", "pinjaman", "pelatihan",
                                                                                  "drainase"],
            "pemanfaat": [100, 20, 50, 300], "pemanfaat_miskin": [60, 15, 30, 120],
            "pemanfaat_perempuan": [50, 12, 25, 150], "sumber": "uji"}),
        "ksm": pd.DataFrame({
            "kode_ksm": [bkm[0] + ".001", bkm[0] + ".002"], "kode_bkm": [bkm[0]] * 2, "kode_kelurahan": [kel[0]] * 2,
            "nama_ksm": ["KSM 1", "KSM 2"], "jenis": ["ekonomi"] * 2, "tahun_bentuk": [2010, 2010],
            "anggota": [10, 5], "anggota_perempuan": [4, 1], "anggota_miskin": [8, 5], "sumber": "uji"}),
        "pinjaman_bulanan": pd.DataFrame({
            "kode_ksm": [bkm[0] + ".001", bkm[0] + ".002"], "kode_bkm": [bkm[0]] * 2, "kode_kelurahan": [kel[0]] * 2,
            "periode": [date(2010, 12, 1)] * 2, "tahun": [2010, 2010], "pencairan_rp": [0, 0],
            "pokok_jatuh_tempo_rp": [100_000, 50_000], "pokok_dibayar_rp": [100_000, 0],
            "jasa_dibayar_rp": [15_000, 0], "saldo_pinjaman_rp": [900_000, 300_000],
            "tunggakan_angsuran": [0, 3], "siklus": [1, 1]}),
        "upk_keuangan_bulanan": pd.DataFrame({
            "kode_bkm": [bkm[0]], "kode_kelurahan": [kel[0]], "periode": [date(2010, 12, 1)], "tahun": [2010],
            "pendapatan_rp": [15_000], "biaya_rp": [10_000], "modal_rp": [2_000_000], "cadangan_risiko_rp": [30_000]}),
        "indikator_permukiman": pd.DataFrame({
            "kode_kelurahan": [kel[2], kel[2]], "tahun": [2016, 2019], "jumlah_kk": [1000, 1100],
            "kk_air_minum_layak": [700, 1100], "kk_sanitasi_layak": [600, 880], "luas_wilayah_ha": [300.0, 300.0],
            "luas_kumuh_ha": [20.0, 5.0], "sumber": "uji"}),
        "kawasan_kumuh": pd.DataFrame({
            "kode_kawasan": ["18.72.KW01"], "kode_kelurahan": [kel[2]], "nama_kawasan": ["Kawasan Metro"],
            "nomor_sk": ["188/1/2016"], "tahun_sk": [2016], "luas_sk_ha": [20.0], "sumber": "uji"}),
        "penilaian_kumuh": pd.DataFrame({
            "kode_kawasan": ["18.72.KW01"] * 16, "tahun": [2016] * 16, "kriteria": list(schema.KRITERIA_KUMUH),
            "persen_terdampak": [80.0] * 4 + [60.0] * 4 + [30.0] * 4 + [10.0] * 4, "sumber": "uji"}),
        "data_kemiskinan": pd.DataFrame({
            "kode_kelurahan": [kel[0], kel[0]], "tahun": [2015, 2015], "sumber": ["PS", "BPS"],
            "rumah_tangga_miskin": [120, 80], "jiwa_miskin": [480, 320]}),
        "aset": pd.DataFrame({
            "kode_aset": ["a1"], "kode_kelurahan": [kel[0]], "kode_bkm": [bkm[0]], "jenis": ["lingkungan"],
            "uraian": ["Jalan"], "tahun_bangun": [2010], "nilai_rp": [65_000_000], "kondisi": ["baik"],
            "status_serah_terima": ["proses"], "tahun_serah_terima": [None], "pengelola": ["KPP Jalan"],
            "sumber": "uji"}),
    }


@pytest.fixture
def data_kecil(buat_versi) -> dataset.Versi:
    return buat_versi(kecil())
