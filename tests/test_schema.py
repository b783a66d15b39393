from pathlib import Path

import pyarrow.parquet as pq

from pantau import schema

ROOT = Path(__file__).resolve().parent.parent


def test_data_readme_is_generated_from_the_schema_module():
    assert (ROOT / "data" / "README.md").read_text(encoding="utf-8") == schema.dokumentasi()


def test_every_key_column_is_a_declared_required_column():
    for tabel in schema.TABEL.values():
        for kunci in tabel.kunci:
            assert tabel[kunci].wajib, (tabel.nama, kunci)


def test_design_tables_all_exist():
    assert set(schema.TABEL) == {"wilayah", "lokasi_program", "blm_alokasi", "blm_pencairan", "ksm",
                                 "pinjaman_bulanan", "upk_keuangan_bulanan", "indikator_permukiman",
                                 "kawasan_kumuh", "penilaian_kumuh", "data_kemiskinan", "aset"}


def test_reference_parquet_matches_the_wilayah_schema():
    tabel = pq.read_table(ROOT / "data" / "reference" / "wilayah.parquet")
    assert tabel.column_names == schema.WILAYAH.kolom_nama()
    for kolom in schema.WILAYAH.kolom:
        assert tabel.schema.field(kolom.nama).type == kolom.arrow
