"""The demo dataset: determinism, the seed facts of domain.md §4, and the data contract."""
import hashlib
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pantau import dataset, db, schema
from pantau.demo import generate


def _baca(versi: dataset.Versi, nama: str):
    if not schema.TABEL[nama].partisi_tahun:
        return pq.read_table(versi.path / nama).to_pandas()
    df = pq.read_table(versi.path / nama, partitioning="hive").to_pandas()
    return df.assign(tahun=df.tahun.astype(int))


def _sidik(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*.parquet"))}


@pytest.fixture(scope="module")
def demo(folder_demo):
    os.environ["PANTAU_DATA"] = str(folder_demo)
    try:
        versi = dataset.active()
        yield {nama: _baca(versi, nama) for nama in schema.TABEL_DATASET} | {"_versi": versi}
    finally:
        os.environ.pop("PANTAU_DATA")


def test_same_seed_gives_the_same_bytes(tmp_path, monkeypatch, folder_demo):
    monkeypatch.setenv("PANTAU_DATA", str(tmp_path))
    kedua = generate(aktifkan=False)
    monkeypatch.setenv("PANTAU_DATA", str(folder_demo))
    pertama = dataset.active()
    assert _sidik(pertama.path) == _sidik(kedua.path)
    assert len(_sidik(kedua.path)) > 20


def test_solok_pnpm_blm_2008_2014_is_the_seed_total_over_13_kelurahan(demo):
    cair = demo["blm_pencairan"]
    solok = cair[cair.kode_kelurahan.str.startswith("13.72.") & cair.tahun.between(2008, 2014)]
    assert int(solok.nilai_blm_rp.sum()) == 9_381_893_000
    assert solok.kode_kelurahan.nunique() == 13
    assert set(solok.program) == {"PNPM-MP"}


def test_serang_p2kp1_tahap_counts_and_components(demo):
    cair = demo["blm_pencairan"]
    p2kp1 = cair[(cair.program == "P2KP-1") & cair.kode_kelurahan.str.startswith("36.04.")]
    assert p2kp1[p2kp1.tahap == 1].kode_kelurahan.nunique() == 11
    tahap2 = p2kp1[p2kp1.tahap == 2]
    assert tahap2.kode_kelurahan.nunique() == 19
    assert int(tahap2.nilai_blm_rp.sum()) == 3_600_000_000
    per_komponen = tahap2.groupby(tahap2.komponen.fillna("-")).nilai_blm_rp.sum().to_dict()
    assert per_komponen == {"ekonomi": 2_132_470_000, "lingkungan": 1_158_080_000, "sosial": 189_450_000,
                            "-": 120_000_000}
    assert set(p2kp1[p2kp1.tahap == 1].kode_kelurahan).isdisjoint(tahap2.kode_kelurahan)


def test_serang_959_ksm_and_2802_members_by_november_2004_with_good_repayment(demo):
    bulan = demo["pinjaman_bulanan"]
    nov = bulan[bulan.kode_kelurahan.str.startswith("36.04.") & (bulan.periode.astype(str) == "2004-11-01")]
    assert nov.kode_ksm.nunique() == 959
    ksm = demo["ksm"]
    assert int(ksm[ksm.kode_ksm.isin(nov.kode_ksm)].anggota.sum()) == 2802
    berisiko = nov[nov.tunggakan_angsuran >= 3].saldo_pinjaman_rp.sum()
    assert 1 - berisiko / nov.saldo_pinjaman_rp.sum() > 0.9      # RR (POB) in the Memuaskan band


def test_kapuas_since_2003_in_selat_and_kapuas_hilir(demo):
    lok = demo["lokasi_program"]
    kapuas = lok[lok.kode_kelurahan.str.startswith("62.03.")]
    assert kapuas.tahun_mulai.min() == 2003
    assert set(kapuas.kode_kelurahan.str[:8]) == {"62.03.01", "62.03.02"}
    per_kec = kapuas.drop_duplicates("kode_kelurahan").kode_kelurahan.str[:8].value_counts().to_dict()
    assert per_kec == {"62.03.01": 10, "62.03.02": 8}


def test_metro_kotaku_from_2016_and_inhil_phases(demo):
    lok = demo["lokasi_program"]
    metro = lok[lok.kode_kelurahan.str.startswith("18.72.") & (lok.program == "KOTAKU")]
    assert metro.tahun_mulai.unique().tolist() == [2016] and metro.kode_kelurahan.nunique() == 22
    cair = demo["blm_pencairan"]
    inhil = cair[cair.kode_kelurahan.str.startswith("14.04.") & (cair.tahun == 2015)]
    assert inhil[inhil.program == "PNPM-MP"].tanggal_cair.max().month <= 4
    assert inhil[inhil.program == "P2KP-PKP"].tanggal_cair.min().month >= 9
    assert lok[lok.kode_kelurahan.str.startswith("14.04.") & (lok.program == "PNPM-MP")].tahun_mulai.min() == 2006


def test_contract_keys_unique_codes_known_money_not_negative(demo):
    import pyarrow.parquet as pq2
    wilayah = set(pq2.read_table(dataset.REFERENCE_DIR / "wilayah.parquet", columns=["kode"]).column(0).to_pylist())
    for nama in schema.TABEL_DATASET:
        tabel, df = schema.TABEL[nama], demo[nama]
        assert len(df) > 0, nama
        assert not df.duplicated(list(tabel.kunci)).any(), nama
        if "kode_kelurahan" in df:
            assert set(df.kode_kelurahan) <= wilayah, nama
        for kolom in tabel.kolom:
            if kolom.nilai:
                assert set(df[kolom.nama].dropna()) <= set(kolom.nilai), (nama, kolom.nama)
            if kolom.minimum is not None and kolom.nama in df:
                assert (df[kolom.nama].dropna() >= kolom.minimum).all(), (nama, kolom.nama)
            if kolom.wajib and kolom.nama in df:
                assert df[kolom.nama].notna().all(), (nama, kolom.nama)


def test_demo_is_varied(demo):
    ind = demo["indikator_permukiman"]
    akhir = ind[ind.tahun == 2024]
    assert (akhir.kk_air_minum_layak == akhir.jumlah_kk).any() and (akhir.kk_air_minum_layak < akhir.jumlah_kk).any()
    kem = demo["data_kemiskinan"]
    per = kem[kem.tahun == 2015].groupby("kode_kelurahan").rumah_tangga_miskin.agg(["min", "max"])
    assert (per["max"] / per["min"]).max() > 3
    aset = demo["aset"]
    assert set(aset.status_serah_terima) == {"belum", "proses", "selesai"}
    assert set(aset.kondisi) == {"baik", "rusak_ringan", "rusak_berat"}


def test_generation_is_fast_enough(tmp_path, monkeypatch):
    import time
    monkeypatch.setenv("PANTAU_DATA", str(tmp_path))
    mulai = time.perf_counter()
    generate(aktifkan=False)
    assert time.perf_counter() - mulai < 15
