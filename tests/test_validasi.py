"""Validation: every bad file of the fixture folder is rejected with the right row, column and reason, and
the active version is unchanged; random tables never make validation raise."""
import os
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pantau import auth, dataset, ingest, schema, validasi, versi
from tests.conftest import kecil

IMPOR = Path(__file__).resolve().parent / "fixtures" / "impor"
ADMIN = auth.admin_cli("penguji")
BUKAN_ANGKA = "Bukan angka (yang diterima misalnya 1.234.567, 12,5 atau Rp 9.381.893.000)."

# (file, table, every error as (spreadsheet row, column, reason code)) — worked out by reading the files
# that tests/fixtures/buat_impor.py writes
DITOLAK = [
    ("kepala_salah.xlsx", "indikator_permukiman", [
        (2, "kode_kelurahan", "kolom_hilang"), (2, "kk_air_minum_layak", "kolom_hilang"),
        (2, "kk_sanitasi_layak", "kolom_hilang"), (2, "luas_wilayah_ha", "kolom_hilang"),
        (2, "luas_kumuh_ha", "kolom_hilang")]),
    ("teks_di_angka.csv", "blm_alokasi", [
        (3, "pagu_rp", "bukan_angka"), (4, "tahun", "bukan_angka"), (5, "pagu_rp", "bukan_angka")]),
    ("kode_tidak_dikenal.xlsx", "indikator_permukiman", [
        (2, "kode_kelurahan", "kode_tidak_dikenal"), (3, "kode_kelurahan", "kode_tingkat_salah"),
        (4, "kode_kelurahan", "kode_format")]),
    ("kunci_ganda.csv", "data_kemiskinan", [(4, "kode_kelurahan", "kunci_ganda"), (5, "sumber", "nilai_tidak_sah")]),
    ("uang_negatif.xlsx", "blm_pencairan", [(3, "nilai_blm_rp", "negatif"), (4, "nilai_ddub_rp", "negatif")]),
    ("gambar.csv", "aset", [(None, "", "bukan_spreadsheet")]),
    ("dokumen.csv", "aset", [(None, "", "bukan_spreadsheet")]),
    ("laporan_mis.csv", "aset", [(None, "", "html")]),
    ("bukan_excel.xlsx", "aset", [(None, "", "xlsx_rusak")]),
    ("kosong.csv", "aset", [(None, "", "berkas_kosong")]),
    ("hanya_kepala.xlsx", "blm_alokasi", [(1, "", "tanpa_baris_data")]),
    ("aturan_dilanggar.xlsx", "indikator_permukiman", [
        (3, "kk_air_minum_layak", "melebihi"), (4, "luas_kumuh_ha", "melebihi"),
        (6, "jumlah_kk", "jumlah_tidak_cocok")]),
    ("persen_luar.csv", "penilaian_kumuh", [
        (3, "persen_terdampak", "persen_luar"), (4, "persen_terdampak", "persen_luar"),
        (5, "kriteria", "nilai_tidak_sah")]),
    ("tanggal_dan_ilmiah.csv", "blm_pencairan", [(2, "tanggal_cair", "bukan_tanggal"),
                                                 (3, "nilai_blm_rp", "angka_ilmiah")]),
    ("contoh_templat.xlsx", "ksm", [(2, "kode_ksm", "contoh_templat")]),
]


def _galat(laporan: validasi.Laporan) -> list[tuple]:
    return sorted(((m.baris, m.kolom, m.kode) for m in laporan.masalah if m.galat), key=lambda x: (x[0] or 0, x[1]))


def _isi_folder(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.parametrize("berkas, tabel, harapan", DITOLAK, ids=[d[0] for d in DITOLAK])
def test_bad_file_is_rejected_with_row_column_reason_and_nothing_changes(buat_versi, berkas, tabel, harapan):
    awal = buat_versi(kecil())
    sebelum = _isi_folder(dataset.versions_dir())
    hasil = versi.impor((IMPOR / berkas).read_bytes(), berkas, tabel, "ganti", ADMIN)
    assert not hasil.laporan.ok and hasil.versi is None
    assert _galat(hasil.laporan) == sorted(harapan, key=lambda x: (x[0] or 0, x[1]))
    assert all(m.alasan("id") and not m.alasan("id").startswith("kelola.") for m in hasil.laporan.masalah)
    assert dataset.active_id() == awal.id
    assert _isi_folder(dataset.versions_dir()) == sebelum        # a rejected file leaves no trace


def test_reasons_are_in_bahasa_indonesia_with_the_values_formatted():
    b = ingest.baca((IMPOR / "aturan_dilanggar.xlsx").read_bytes(), "a.xlsx", "indikator_permukiman")
    alasan = {m.baris: m.alasan("id") for m in validasi.periksa(b).masalah}
    assert alasan[3] == "KK Air Minum Layak (600) lebih besar dari Jumlah KK (500)."
    # JUMLAH row says 2.400; the rows add up to 1000 + 500 + 800 = 2.300
    assert alasan[6] == "Baris JUMLAH menulis 2.400, padahal jumlah baris-baris di atasnya 2.300."


def test_report_downloads_as_xlsx_with_every_problem(tmp_path):
    from openpyxl import load_workbook
    b = ingest.baca((IMPOR / "teks_di_angka.csv").read_bytes(), "teks_di_angka.csv", "blm_alokasi")
    laporan = validasi.periksa(b)
    (tmp_path / "r.xlsx").write_bytes(laporan.xlsx("id"))
    ws = load_workbook(tmp_path / "r.xlsx").active
    baris = [[c for c in r] for r in ws.iter_rows(values_only=True)]
    kepala = next(i for i, r in enumerate(baris) if r[0] == "Baris")
    isi = baris[kepala + 1:]
    assert [(r[0], r[1], r[3]) for r in isi] == [
        (3, "D · Pagu (Rp)", BUKAN_ANGKA), (4, "C · Tahun", BUKAN_ANGKA), (5, "D · Pagu (Rp)", BUKAN_ANGKA)]
    assert any(r[0] == "Berkas" and r[1] == "teks_di_angka.csv" for r in baris[:kepala])


def test_a_50_mb_file_is_refused_by_its_size_before_parsing(buat_versi, tmp_path, monkeypatch):
    awal = buat_versi(kecil())
    besar = tmp_path / "besar.csv"
    with open(besar, "wb") as f:
        f.write(b"kode_kelurahan,tahun,sumber,rumah_tangga_miskin\n")
        baris = b"13.72.01.1001,2015,PS,120\n" * 40_000
        while f.tell() < 50 * 1024 * 1024:
            f.write(baris)
    assert besar.stat().st_size >= 50 * 1024 * 1024
    hasil = versi.impor(besar.read_bytes(), "besar.csv", "data_kemiskinan", "ganti", ADMIN)
    assert [(m.kode, dict(m.args)["batas"]) for m in hasil.laporan.masalah] == [("berkas_terlalu_besar", "40")]
    assert "terlalu besar" in hasil.laporan.masalah[0].alasan("id")
    assert dataset.active_id() == awal.id
    monkeypatch.setenv("PANTAU_IMPOR_MAKS_MB", "60")                     # the limit is a setting
    assert ingest.periksa_ukuran(besar.stat().st_size) is None


def test_append_refuses_keys_that_already_exist(buat_versi):
    buat_versi(kecil())
    isi = ("kode_kelurahan,tahun,sumber,rumah_tangga_miskin\n"
           "13.72.01.1001,2015,PS,99\n"          # already in the active data (kecil: PS 2015 = 120)
           "13.72.01.1001,2016,PS,99\n").encode()
    hasil = versi.periksa(isi, "x.csv", "data_kemiskinan", "tambah")
    assert _galat(hasil.laporan) == [(2, "kode_kelurahan", "kunci_sudah_ada")]
    assert versi.periksa(isi, "x.csv", "data_kemiskinan", "ganti").laporan.ok


def _bacaan(tabel: str, baris: list[dict]) -> ingest.Bacaan:
    kolom = schema.TABEL[tabel].kolom_nama()
    grid = ingest.Grid(list(range(1, len(baris) + 2)), [kolom] + [[r.get(k) for k in kolom] for r in baris])
    return ingest.dari_grid(grid, tabel, "uji")


def test_cross_rules_of_members_and_beneficiaries():
    ksm = {"kode_ksm": "13.72.01.1001.B.009", "kode_bkm": "13.72.01.1001.B", "kode_kelurahan": "13.72.01.1001",
           "nama_ksm": "KSM Uji", "jenis": "ekonomi", "tahun_bentuk": 2010, "anggota": 5, "anggota_perempuan": 6,
           "anggota_miskin": 5}
    laporan = validasi.periksa(_bacaan("ksm", [ksm]))
    assert _galat(laporan) == [(2, "anggota_perempuan", "melebihi")]       # 6 women of 5 members


def test_year_must_match_the_period():
    upk = {"kode_bkm": "13.72.01.1001.B", "kode_kelurahan": "13.72.01.1001", "periode": date(2015, 4, 1),
           "tahun": 2016, "pendapatan_rp": 1, "biaya_rp": 1, "modal_rp": 1, "cadangan_risiko_rp": 1}
    assert _galat(validasi.periksa(_bacaan("upk_keuangan_bulanan", [upk]))) == [(2, "tahun", "tahun_periode")]


def test_required_values_and_year_range():
    alokasi = [{"kode_kelurahan": "13.72.01.1001", "program": "KOTAKU", "tahun": 1890, "pagu_rp": 1},
               {"kode_kelurahan": "13.72.01.1002", "program": "KOTAKU", "tahun": 2017, "pagu_rp": None}]
    assert _galat(validasi.periksa(_bacaan("blm_alokasi", alokasi))) == [
        (2, "tahun", "di_bawah"), (3, "pagu_rp", "wajib_kosong")]


def test_percent_written_as_fractions_is_warned_not_refused():
    baris = [{"kode_kawasan": "13.72.KW01", "tahun": 2019, "kriteria": k, "persen_terdampak": x}
             for k, x in (("1a", 0.25), ("1b", 0.5))]
    laporan = validasi.periksa(_bacaan("penilaian_kumuh", baris))
    assert laporan.ok
    assert [(m.kolom, m.kode, m.galat) for m in laporan.masalah] == [("persen_terdampak", "persen_pecahan", False)]


SEL = st.one_of(st.none(), st.text(max_size=12), st.integers(-10**20, 10**20),
                st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 1, 1)),
                st.sampled_from(["1.234.567", "12,5", "Rp 9.381.893.000", "27/04/2015", "1372011001", "JUMLAH",
                                 "13.72.01.1001", "PNPM-MP", "-", "", "42121", "1e9", "(5.000)", "31/02/2015"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tabel=st.sampled_from(schema.TABEL_DATASET), data=st.data())
def test_random_tables_never_make_validation_raise(tabel, data):
    kolom = schema.TABEL[tabel].kolom_nama()
    kepala = data.draw(st.lists(st.sampled_from(kolom + ["Judul", "JUMLAH", "x"]), max_size=len(kolom) + 2))
    baris = data.draw(st.lists(st.lists(SEL, min_size=0, max_size=len(kepala) + 1), max_size=8))
    grid = ingest.Grid(list(range(1, len(baris) + 2)), [kepala] + baris)
    laporan = validasi.periksa(ingest.dari_grid(grid, tabel, "acak"), data.draw(st.sampled_from(["ganti", "tambah"])))
    assert isinstance(laporan.tabel_df("id"), pd.DataFrame)
    assert all(m.alasan("id") for m in laporan.masalah)


@settings(max_examples=80, deadline=None)
@given(isi=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)),
       tabel=st.sampled_from(schema.TABEL_DATASET))
def test_random_bytes_never_make_reading_raise(isi, tabel):
    laporan = validasi.periksa(ingest.baca(isi, "acak.csv", tabel))
    assert laporan.ok or laporan.masalah


def test_validation_needs_no_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_DATA", str(tmp_path))
    versi.periksa((IMPOR / "indikator_berantakan.xlsx").read_bytes(), "x.xlsx", "indikator_permukiman")
    assert os.listdir(tmp_path) == []


# ---------------------------------------------------------------- data quality of the active data


def _mutu_kecil() -> dict[str, pd.DataFrame]:
    """Six kelurahan of Kota Solok in PNPM-MP 2010–2011, each with 1.000 households in 2010."""
    kel = [f"13.72.01.100{i}" for i in range(1, 7)]
    indikator = pd.DataFrame({
        "kode_kelurahan": kel + [kel[0]], "tahun": [2010] * 6 + [2011], "jumlah_kk": [1000] * 7,
        "kk_air_minum_layak": [800, 1200, 800, 800, 800, 800, 800], "kk_sanitasi_layak": [700] * 7,
        "luas_wilayah_ha": [100.0] * 7, "luas_kumuh_ha": [2.0, 1, 1, 1, 1, 1, 5.0], "sumber": "uji"})
    pencairan = pd.DataFrame({
        "id_pencairan": [f"p{i}" for i in range(6)], "kode_kelurahan": kel, "kode_bkm": [k + ".B" for k in kel],
        "program": "PNPM-MP", "tahun": 2010, "tahap": 1, "tanggal_cair": date(2010, 5, 1), "komponen": "lingkungan",
        "nilai_blm_rp": [100_000, 110_000, 90_000, 105_000, 95_000, 1_000_000], "nilai_ddub_rp": 0,
        "nilai_swadaya_rp": 0, "kegiatan": "jalan", "pemanfaat": 10, "pemanfaat_miskin": 5, "pemanfaat_perempuan": 5,
        "sumber": "uji"})
    lokasi = pd.DataFrame({"kode_kelurahan": kel, "program": "PNPM-MP", "tahun_mulai": 2010, "tahun_selesai": 2011,
                           "jenis_lokasi": None, "kode_bkm": [k + ".B" for k in kel], "nama_bkm": "BKM",
                           "sumber": "uji"})
    return {"indikator_permukiman": indikator, "blm_pencairan": pencairan, "lokasi_program": lokasi}


def test_data_quality_panel_on_a_hand_made_dataset(buat_versi):
    from pantau import kualitas
    from pantau.pilihan import Pilihan
    buat_versi(_mutu_kecil())
    mutu = kualitas.ringkasan(Pilihan("", 2000, 2030, (), "id"))
    lengkap = mutu.kelengkapan.set_index(["tabel", "tahun"]).lengkap
    # indikator covers 2010–2011: 6 of 6 kelurahan in 2010, 1 of 6 in 2011; BLM covers 2010 only: 6 of 6
    assert lengkap.to_dict() == pytest.approx({("Indikator permukiman (100-0-100)", 2010): 1.0,
                                               ("Indikator permukiman (100-0-100)", 2011): 1 / 6,
                                               ("Pencairan BLM", 2010): 1.0})
    # (6 + 1 + 6) present of (6 + 6 + 6) expected = 13 / 18 = 72,2 %
    assert mutu.angka[0].nilai == "72,2 %" and mutu.angka[0].catatan == "5 kelurahan-tahun tanpa data"
    assert mutu.hilang.df.empty and mutu.pesan_kosong["hilang"] == "kelola.kualitas.hilang_pilih_kabkota"
    solok = kualitas.ringkasan(Pilihan("13.72", 2000, 2030, (), "id"))            # listed from a kab/kota down
    assert solok.hilang.df[["Kode", "Tahun"]].values.tolist() == [[f"13.72.01.100{i}", 2011] for i in range(2, 7)]
    # BLM per KK 100, 110, 90, 105, 95, 1000: median 102,5; MAD = median(2,5 2,5 7,5 7,5 12,5 897,5) = 7,5;
    # z(1000) = 0,6745 × 897,5 ÷ 7,5 = 80,7; z(90) = −1,1 -> only 13.72.01.1006 is an outlier
    assert mutu.pencilan.df["Kode"].tolist() == ["13.72.01.1006"]
    assert mutu.pencilan.df["Skor z"].tolist() == ["80,7"]
    # 13.72.01.1001: 2,0 ha -> 5,0 ha (+3 ha, +150 %)
    assert mutu.lonjakan.df[["Kode", "Tahun", "Perubahan"]].values.tolist() == [["13.72.01.1001", 2011, 3.0]]
    assert mutu.langgar.df[["Aturan", "Jumlah baris", "Contoh"]].values.tolist() == [
        ["KK air minum layak > jumlah KK", 1, "13.72.01.1002"]]
    assert mutu.angka[3].status == "buruk"


def test_every_import_cross_rule_is_also_checked_on_the_active_data():
    sql = (Path(__file__).resolve().parent.parent / "queries" / "kualitas_pelanggaran.sql").read_text()
    for aturan in validasi.ATURAN_SILANG:
        assert f"'{aturan.id}'" in sql, aturan.id
