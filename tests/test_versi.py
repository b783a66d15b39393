"""Versions: a clean import becomes a copy-on-write version switched in atomically; compare, roll back and
delete; a kill at any moment of an import leaves the previous version active and readable."""
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pantau import auth, dataset, db, versi
from tests.conftest import kecil

ROOT = Path(__file__).resolve().parent.parent
ADMIN = auth.admin_cli("penguji")
KEPALA = "kode_kelurahan,tahun,jumlah_kk,kk_air_minum_layak,kk_sanitasi_layak,luas_wilayah_ha,luas_kumuh_ha,sumber\n"
# kecil(): 18.72.01.1001 in 2016 (1000 KK, 700, 600, 300 ha, 20 ha) and 2019 (1100, 1100, 880, 300, 5)
SAMA_2016 = "18.72.01.1001,2016,1000,700,600,300,20,uji\n"
UBAH_2019 = "18.72.01.1001,2019,1200,1100,880,300,5,uji\n"
BARU_2023 = "13.72.01.1001,2023,1573,1302,1119,206.5,12.5,impor\n"


def impor(isi: str, tabel: str = "indikator_permukiman", mode: str = "ganti", berkas: str = "permukiman.csv"):
    return versi.impor(isi.encode(), berkas, tabel, mode, ADMIN)


def test_clean_import_becomes_the_active_version_with_its_manifest(buat_versi):
    awal = buat_versi(kecil())
    hasil = impor(KEPALA + SAMA_2016 + UBAH_2019 + BARU_2023)
    assert hasil.laporan.ok and hasil.versi is not None
    baru = dataset.active()
    assert baru.id == hasil.versi.id != awal.id
    m = baru.manifest
    assert (m["jenis"], m["oleh"], m["berkas"], m["tabel"], m["mode"], m["induk"]) == (
        "impor", "penguji", "permukiman.csv", "indikator_permukiman", "ganti", awal.id)
    assert m["baris"]["indikator_permukiman"] == 3 and m["baris"]["ksm"] == 2          # others carried over
    assert m["tanggal_data"]["indikator_permukiman"] == "2023-12-31"
    assert m["tanggal_data"]["ksm"] == "2024-12-01"                                     # carried over
    assert len(m["berkas_sha256"]) == 64


def test_untouched_tables_are_hard_links_not_copies(buat_versi):
    awal = buat_versi(kecil())
    baru = impor(KEPALA + BARU_2023).versi
    for tabel in ("ksm", "blm_pencairan", "aset"):
        lama_f, baru_f = dataset.table_files(awal, tabel), dataset.table_files(baru, tabel)
        assert [f.relative_to(awal.path) for f in lama_f] == [f.relative_to(baru.path) for f in baru_f]
        assert all(os.path.samefile(a, b) for a, b in zip(lama_f, baru_f))
    assert not os.path.samefile(dataset.table_files(awal, "indikator_permukiman")[0],
                                dataset.table_files(baru, "indikator_permukiman")[0])


def test_the_app_sees_the_new_version_without_clearing_caches(buat_versi):
    buat_versi(kecil())
    assert int(db.query("rentang_tahun").tahun_maks[0]) == 2019
    impor(KEPALA + BARU_2023)
    assert int(db.query("rentang_tahun").tahun_maks[0]) == 2023          # cached per active version id


PINJAMAN_JANUARI_2011 = (
    "kode_ksm,kode_bkm,kode_kelurahan,periode,tahun,pencairan_rp,pokok_jatuh_tempo_rp,pokok_dibayar_rp,"
    "jasa_dibayar_rp,saldo_pinjaman_rp,tunggakan_angsuran,siklus\n"
    "13.72.01.1001.B.001,13.72.01.1001.B,13.72.01.1001,01/01/2011,2011,0,100.000,100.000,15.000,800.000,0,1\n")


def test_append_adds_a_file_and_keeps_the_old_rows(buat_versi):
    awal = buat_versi(kecil())
    baru = impor(PINJAMAN_JANUARI_2011, "pinjaman_bulanan", "tambah", "januari.csv").versi
    df = dataset.read_table(baru, "pinjaman_bulanan").sort_values("periode")
    assert df.periode.tolist() == [date(2010, 12, 1)] * 2 + [date(2011, 1, 1)]
    assert df.saldo_pinjaman_rp.tolist()[-1] == 800_000
    assert baru.manifest["baris"]["pinjaman_bulanan"] == 3 and baru.manifest["baris_berkas"] == 1
    assert [f.name for f in dataset.table_files(baru, "pinjaman_bulanan")] == [
        "part-0.parquet", f"part-{baru.id}.parquet"]
    assert dataset.row_count(awal, "pinjaman_bulanan") == 2                                 # parent untouched


def _inode(v, nama: str) -> int:
    return db.berkas_turunan(v.path, nama).stat().st_ino


def test_import_of_another_table_links_the_parents_derived_tables(buat_versi):
    awal = buat_versi(kecil())
    baru = impor(KEPALA + SAMA_2016).versi                      # indikator_permukiman: no derived table reads it
    assert [_inode(baru, n) for n in db.TURUNAN] == [_inode(awal, n) for n in db.TURUNAN]


def test_import_of_loans_writes_their_derived_tables_again(buat_versi):
    awal = buat_versi(kecil())
    baru = impor(PINJAMAN_JANUARI_2011, "pinjaman_bulanan", "tambah", "januari.csv").versi
    for nama in ("pinjaman_kelurahan_bulanan", "pinjaman_kab_bulanan"):
        assert _inode(baru, nama) != _inode(awal, nama)
    assert _inode(baru, "upk_keuangan_ytd") == _inode(awal, "upk_keuangan_ytd")    # accounts unchanged: linked
    kel = pd.read_parquet(db.berkas_turunan(baru.path, "pinjaman_kelurahan_bulanan"))
    assert sorted(kel.periode.astype(str)) == ["2010-12-01", "2010-12-01", "2011-01-01"]   # the new month is in


def test_compare_counts_added_removed_and_changed_rows(buat_versi):
    awal = buat_versi(kecil())
    satu = impor(KEPALA + SAMA_2016 + UBAH_2019 + BARU_2023).versi
    dua = impor(KEPALA + BARU_2023).versi
    banding = versi.bandingkan(awal.id, satu.id).set_index("tabel")
    # 2016 identical, 2019 jumlah_kk 1100 -> 1200, 2023 new
    assert banding.loc["Indikator permukiman (100-0-100)", ["ditambah", "dihapus", "diubah"]].tolist() == [1, 0, 1]
    assert banding.loc["KSM", ["ditambah", "dihapus", "diubah", "baris_a", "baris_b"]].tolist() == [0, 0, 0, 2, 2]
    banding = versi.bandingkan(awal.id, dua.id).set_index("tabel")
    # only 2023 is left: one added, both kecil rows removed
    assert banding.loc["Indikator permukiman (100-0-100)", ["ditambah", "dihapus", "diubah"]].tolist() == [1, 2, 0]


def test_rollback_to_any_version_and_history(buat_versi):
    awal = buat_versi(kecil())
    baru = impor(KEPALA + BARU_2023).versi
    versi.pulihkan(awal.id, ADMIN)
    assert dataset.active_id() == awal.id
    assert int(db.query("rentang_tahun").tahun_maks[0]) == 2019
    versi.pulihkan(baru.id, ADMIN)
    assert dataset.active_id() == baru.id
    assert versi.riwayat().aksi.tolist() == ["pulihkan", "pulihkan", "impor"]
    assert versi.riwayat().oleh.unique().tolist() == ["penguji"]


def test_delete_only_versions_that_are_neither_active_nor_demo(demo_aktif, tmp_path, monkeypatch):
    import shutil
    salinan = tmp_path / "data"
    shutil.copytree(demo_aktif.path.parent.parent, salinan, copy_function=os.link)
    monkeypatch.setenv("PANTAU_DATA", str(salinan))
    demo = dataset.active()
    satu = impor(KEPALA + BARU_2023).versi
    dua = impor(KEPALA + SAMA_2016).versi
    for vid, alasan in ((dua.id, "hapus_aktif"), (demo.id, "hapus_demo"), ("tidak-ada", "versi_tidak_ada")):
        with pytest.raises(versi.Ditolak) as e:
            versi.hapus(vid, ADMIN)
        assert e.value.kode == alasan
    versi.hapus(satu.id, ADMIN)
    assert {v.id for v in dataset.all_versions()} == {dua.id, demo.id}
    assert len(dataset.read_table(dataset.active(), "ksm")) == demo.baris["ksm"]      # shared files survive


def test_import_over_demo_data_still_says_demo_until_every_table_is_replaced(demo_aktif, tmp_path, monkeypatch):
    import shutil
    salinan = tmp_path / "data"
    shutil.copytree(demo_aktif.path.parent.parent, salinan, copy_function=os.link)
    monkeypatch.setenv("PANTAU_DATA", str(salinan))
    baru = impor(KEPALA + BARU_2023).versi
    assert baru.demo and baru.jenis == "impor"
    assert "indikator_permukiman" not in baru.manifest["tabel_demo"]
    assert "ksm" in baru.manifest["tabel_demo"]


@pytest.mark.parametrize("aksi", [
    lambda: versi.impor(b"x", "x.csv", "ksm", "ganti", None),
    lambda: versi.pulihkan("x", None),
    lambda: versi.hapus("x", None),
    lambda: versi.impor(b"x", "x.csv", "ksm", "ganti", object()),
])
def test_admin_actions_are_refused_without_login(buat_versi, aksi):
    awal = buat_versi(kecil())
    with pytest.raises(versi.Ditolak) as e:
        aksi()
    assert e.value.kode == "perlu_admin"
    assert "admin" in e.value.pesan("id")
    assert dataset.active_id() == awal.id


def _tunggu(syarat, proses: subprocess.Popen, batas: float = 60):
    akhir = time.time() + batas
    while time.time() < akhir:
        hasil = syarat()
        if hasil:
            return hasil
        assert proses.poll() is None, proses.communicate()
        time.sleep(0.02)
    raise AssertionError("the import never reached the expected step")


def _staging() -> list[Path]:
    return list(dataset.versions_dir().glob(".staging-*"))


# kill right after the staging folder appears, while untouched tables are being linked, and after the
# imported table's Parquet file was written (before the manifest and the switch)
TAHAP = {"awal": lambda: _staging(), "tautan": lambda: _staging() and time.sleep(1.3) is None,
         "tulis": lambda: [p for s in _staging() for p in s.glob("indikator_permukiman/*.parquet")]}


@pytest.mark.parametrize("tahap", TAHAP)
def test_killing_the_import_mid_write_leaves_the_previous_version(buat_versi, tmp_path, tahap):
    awal = buat_versi(kecil())
    berkas = tmp_path / "permukiman.csv"
    berkas.write_text(KEPALA + "".join(f"13.72.01.100{i},{t},100,50,50,10,1,uji\n"
                                       for i in range(1, 8) for t in range(2000, 2024)), encoding="utf-8")
    env = dict(os.environ, PANTAU_INGEST_JEDA="0.4", PYTHONPATH=str(ROOT))
    proses = subprocess.Popen([sys.executable, "-m", "pantau.ingest", str(berkas), "--table", "indikator_permukiman",
                               "--oleh", "penguji"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    _tunggu(TAHAP[tahap], proses)
    proses.send_signal(signal.SIGKILL)
    proses.wait(10)
    assert _staging()                                          # it really was killed mid-write
    assert dataset.active_id() == awal.id
    assert [v.id for v in dataset.all_versions()] == [awal.id]
    assert db.run("rentang_tahun", awal.id).tahun_maks[0] == 2019
    assert json.loads((dataset.versions_dir() / "AKTIF").read_text())["versi"] == awal.id
    # the next import cleans up what the killed one left behind
    assert impor(KEPALA + BARU_2023).laporan.ok
    assert not _staging()


def test_command_line_import_and_check(buat_versi, tmp_path):
    awal = buat_versi(kecil())
    bagus, buruk = tmp_path / "bagus.csv", tmp_path / "buruk.csv"
    bagus.write_text(KEPALA + BARU_2023, encoding="utf-8")
    buruk.write_text(KEPALA + "13.72.01.1001,2023,-5,1,1,1,1,x\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def jalankan(*args):
        return subprocess.run([sys.executable, "-m", "pantau.ingest", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)

    ditolak = jalankan(str(buruk), "--table", "indikator_permukiman", "--laporan", str(tmp_path / "lap.xlsx"))
    assert ditolak.returncode == 1 and "baris 2 · jumlah_kk: Tidak boleh negatif." in ditolak.stdout
    assert (tmp_path / "lap.xlsx").stat().st_size > 0 and dataset.active_id() == awal.id
    assert jalankan(str(bagus), "--table", "indikator_permukiman", "--periksa").returncode == 0
    assert dataset.active_id() == awal.id
    terbit = jalankan(str(bagus), "--table", "indikator_permukiman", "--oleh", "operator")
    assert terbit.returncode == 0, terbit.stdout + terbit.stderr
    assert dataset.active().manifest["oleh"] == "operator"
    assert jalankan(str(tmp_path / "tidak_ada.csv"), "--table", "ksm").returncode == 2
