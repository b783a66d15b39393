"""Faults: a corrupted or missing Parquet file in the active version, a folder that cannot be written, and
no readable version at all. The app says so clearly and keeps serving the last good version; nothing is lost."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pantau import dataset, versi
from pantau.auth import admin_cli
from tests.conftest import kecil, segarkan, tulis_versi

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def dua_versi(folder_data):
    """v1 (good, older) and v2 (active) that differ in BLM: v2 adds 1 billion to one disbursement."""
    v1 = tulis_versi(kecil())
    data = kecil()
    data["blm_pencairan"].loc[0, "nilai_blm_rp"] += 1_000_000_000
    v2 = tulis_versi(data)
    return v1, v2


def _blm(path: Path) -> list[Path]:
    return sorted((path / "blm_pencairan").rglob("*.parquet"))


def _jalankan_blm() -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "blm.py"), default_timeout=60)
    return at.run()


def test_sound_versions_are_served_as_they_are(dua_versi):
    v1, v2 = dua_versi
    assert dataset.active_id() == v2.id and dataset.gangguan() is None


def test_corrupted_parquet_serves_the_last_good_version_with_a_notice(dua_versi):
    v1, v2 = dua_versi
    _blm(v2.path)[0].write_bytes(b"PAR1 bukan parquet")
    segarkan()
    dataset._hasil_periksa.clear()
    assert dataset.active_id() == v1.id
    assert dataset.pointer_id() == v2.id                 # the pointer is left for an admin to decide
    at = _jalankan_blm()
    assert not at.exception
    assert any("tidak dapat dibaca" in w.value and v1.id in w.value for w in at.warning)
    teks = " ".join(m.value for m in at.markdown)
    assert "Rp 650.000.000" in teks                   # v1's BLM: 60 + 40 + 150 + 400 juta
    assert "1.650.000.000" not in teks                # v2's (+ 1 miliar) is not shown


def test_missing_parquet_file_serves_the_last_good_version(dua_versi):
    v1, v2 = dua_versi
    for f in _blm(v2.path):
        f.unlink()
    dataset._hasil_periksa.clear()
    assert dataset.active_id() == v1.id
    assert "blm_pencairan" in dataset.gangguan()[1]


def test_no_readable_version_stops_with_a_message_and_generates_nothing(folder_data):
    v = tulis_versi(kecil())
    _blm(v.path)[0].write_bytes(b"rusak")
    dataset._hasil_periksa.clear()
    segarkan()
    at = _jalankan_blm()
    assert not at.exception
    assert any("tidak ada versi lain yang utuh" in e.value for e in at.error)
    assert [x.id for x in dataset.all_versions()] == [v.id]       # no demo written over it


def test_a_folder_that_cannot_be_written_rejects_the_import_and_keeps_the_active_version(dua_versi, monkeypatch):
    v1, v2 = dua_versi

    def tidak_bisa(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(dataset, "set_active", tidak_bisa)
    monkeypatch.setattr(dataset, "staging", tidak_bisa)
    csv = "kode_kelurahan,program,tahun,pagu_rp\n13.72.01.1001,PNPM-MP,2011,5000000\n".encode()
    with pytest.raises(versi.Ditolak) as e:
        versi.impor(csv, "pagu.csv", "blm_alokasi", "tambah", admin_cli("uji"))
    assert "tidak dapat ditulis" in e.value.pesan("id") and "Permission denied" in e.value.pesan("id")
    assert dataset.pointer_id() == v2.id and len(dataset.all_versions()) == 2


def test_a_file_damaged_after_a_sound_check_is_found_at_the_next_check(dua_versi):
    """Footers already read are only stat-ed on later checks; a rewrite (even of the same size) is read again."""
    v1, v2 = dua_versi
    assert dataset.active_id() == v2.id                      # every footer of v2 read once and found sound
    berkas = _blm(v2.path)[0]
    ukuran = berkas.stat().st_size
    berkas.write_bytes(b"\0" * ukuran)                     # same size, new content
    dataset._hasil_periksa.clear()
    assert dataset.active_id() == v1.id
    assert "blm_pencairan" in dataset.gangguan()[1]
