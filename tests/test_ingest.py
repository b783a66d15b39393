"""Reading real-looking files: Indonesian numbers and dates, codes without dots, messy headers, title rows,
JUMLAH rows and empty rows are read with the right values and the right spreadsheet row numbers."""
from datetime import date
from pathlib import Path

import pytest

from pantau import ingest, schema, templat, validasi
from pantau.i18n import strings

IMPOR = Path(__file__).resolve().parent / "fixtures" / "impor"
UANG = schema.BLM_ALOKASI["pagu_rp"]
PERSEN = schema.PENILAIAN_KUMUH["persen_terdampak"]
LUAS = schema.INDIKATOR_PERMUKIMAN["luas_kumuh_ha"]


def baca(nama: str, tabel: str) -> ingest.Bacaan:
    return ingest.baca((IMPOR / nama).read_bytes(), nama, tabel)


@pytest.mark.parametrize("teks, nilai", [
    ("1.234.567", 1_234_567), ("Rp 9.381.893.000", 9_381_893_000), ("Rp. 5.000,-", 5000), ("IDR 2.500", 2500),
    ("-5.000", -5000), ("(1.000.000)", -1_000_000), ("1234567", 1_234_567), (" 1 234 567 ", 1_234_567),
    ("1,234,567", 1_234_567), ("0", 0), ("Rp 0", 0),
])
def test_indonesian_money_text(teks, nilai):
    assert ingest.ke_int(teks, UANG) == nilai


@pytest.mark.parametrize("teks, nilai", [
    ("12,5", 12.5), ("206,5", 206.5), ("1.234,75", 1234.75), ("12.5", 12.5), ("0.125", 0.125), ("3", 3.0),
])
def test_decimal_comma_and_point(teks, nilai):
    assert ingest.ke_float(teks, LUAS) == pytest.approx(nilai)


def test_percent_text_and_excel_percent_cells_become_points():
    assert ingest.ke_float("12,5 %", PERSEN) == 12.5
    assert ingest.ke_float(ingest.PersenExcel(0.355), PERSEN) == pytest.approx(35.5)
    assert ingest.ke_float(80, PERSEN) == 80.0


@pytest.mark.parametrize("teks, kode", [
    ("belum ada", "bukan_angka"), ("1,5 M", "bukan_angka"), ("9,38189E+09", "angka_ilmiah"), ("12,5", "bukan_bulat"),
    ("RP", "bukan_angka"), ("Rp -", "bukan_angka"), ("()", "bukan_angka"),      # a currency or a sign with no digits
])
def test_bad_numbers_say_why(teks, kode):
    with pytest.raises(ingest.Salah) as e:
        ingest.ke_int(teks, UANG)
    assert e.value.kode == kode


@pytest.mark.parametrize("teks, tanggal", [
    ("27/04/2015", date(2015, 4, 27)), ("27-04-2015", date(2015, 4, 27)), ("27.04.15", date(2015, 4, 27)),
    ("27 April 2015", date(2015, 4, 27)), ("27 Apr 2015", date(2015, 4, 27)), ("27-Agu-2015", date(2015, 8, 27)),
    ("Senin, 27 April 2015", date(2015, 4, 27)), ("2015-04-27", date(2015, 4, 27)),
    ("2015-04-27 00:00:00", date(2015, 4, 27)), ("42121", date(2015, 4, 27)), (42121, date(2015, 4, 27)),
    ("20150427", date(2015, 4, 27)), ("1 Desember 2010", date(2010, 12, 1)), ("2 Mei 2017", date(2017, 5, 2)),
])
def test_dates_as_people_write_them(teks, tanggal):
    # 42121 days after 30 Dec 1899 (Excel's day zero) is 27 April 2015
    assert ingest.ke_tanggal(teks, schema.BLM_PENCAIRAN["tanggal_cair"]) == tanggal


def test_periods_are_months():
    periode = schema.PINJAMAN_BULANAN["periode"]
    assert ingest.ke_tanggal("April 2015", periode) == date(2015, 4, 1)
    assert ingest.ke_tanggal("30/04/2015", periode) == date(2015, 4, 1)
    assert ingest.ke_tanggal("04/2015", periode) == date(2015, 4, 1)


@pytest.mark.parametrize("teks", ["31/02/2015", "kemarin", "27 Bulan 2015", "04/27/2015"])
def test_impossible_dates_are_refused(teks):
    with pytest.raises(ingest.Salah):
        ingest.ke_tanggal(teks, schema.BLM_PENCAIRAN["tanggal_cair"])


@pytest.mark.parametrize("kolom, teks, hasil", [
    ("kode_kelurahan", "1372011001", "13.72.01.1001"), ("kode_kelurahan", 1372011001, "13.72.01.1001"),
    ("kode_kelurahan", " 13.72.01.1001 ", "13.72.01.1001"), ("kode_bkm", "1372011001.B", "13.72.01.1001.B"),
    ("kode_ksm", "1372011001.B.001", "13.72.01.1001.B.001"), ("kode_kawasan", "1372KW01", "13.72.KW01"),
    ("kode_aset", "A-2015", "A-2015"),
])
def test_codes_with_or_without_dots(kolom, teks, hasil):
    tabel = next(t for t in schema.TABEL.values() if kolom in t.kolom_nama())
    assert ingest.ke_teks(teks, tabel[kolom]) == hasil


def test_allowed_values_in_any_case_or_by_their_label():
    program, komponen = schema.BLM_PENCAIRAN["program"], schema.BLM_PENCAIRAN["komponen"]
    assert ingest.ke_teks("PNPM Mandiri Perkotaan", program) == "PNPM-MP"
    assert ingest.ke_teks("pnpm mp", program) == "PNPM-MP"
    assert ingest.ke_teks("Lingkungan", komponen) == "lingkungan"
    assert ingest.ke_teks("Rusak Ringan", schema.ASET["kondisi"]) == "rusak_ringan"


def test_messy_indikator_sheet_is_read_with_the_right_values_and_rows():
    b = baca("indikator_berantakan.xlsx", "indikator_permukiman")
    # rows 1–3 title and blank, row 4 header, row 7 empty, row 9 JUMLAH
    assert list(b.baris) == [5, 6, 8]
    assert b.data.kode_kelurahan.tolist() == ["13.72.01.1001", "13.72.01.1002", "13.72.01.1003"]
    assert b.data.jumlah_kk.tolist() == [1573, 2000, 850]
    assert b.data.luas_wilayah_ha.tolist() == [206.5, 100.0, 75.25]
    assert b.data.luas_kumuh_ha.tolist() == [12.5, 0.0, 3.75]
    assert b.jumlah[0] == 9
    assert b.label["kode_kelurahan"] == "A · KODE KELURAHAN"
    laporan = validasi.periksa(b)
    assert laporan.ok
    assert [(m.baris, m.kode, m.galat) for m in laporan.masalah] == [(4, "kolom_tak_dikenal", False)]


def test_mis_csv_export_with_rupiah_and_four_date_styles():
    b = baca("pencairan_mis.csv", "blm_pencairan")
    assert list(b.baris) == [3, 4, 5, 6]
    d = b.data
    assert d.nilai_blm_rp.tolist() == [9_381_893_000, 150_000_000, 75_000_000, 12_500_000]
    assert d.nilai_ddub_rp.tolist() == [1_250_000, 0, 0, 0]
    assert d.tanggal_cair.tolist() == [date(2015, 4, 27)] * 3 + [date(2015, 5, 2)]
    assert d.program.tolist() == ["PNPM-MP"] * 4
    assert d.komponen.tolist() == ["lingkungan", "sosial", "ekonomi", None]
    assert d.kode_bkm.tolist()[0] == "13.72.01.1001.B"
    assert validasi.periksa(b).ok            # the JUMLAH row (9.619.393.000) adds up


def test_excel_serial_periods_and_rupiah_text():
    b = baca("pinjaman_serial.xlsx", "pinjaman_bulanan")
    # 42095 = 1 April 2015 (Excel serial)
    assert b.data.periode.tolist() == [date(2015, 4, 1), date(2015, 5, 1), date(2015, 6, 1)]
    assert b.data.saldo_pinjaman_rp.tolist() == [1_440_000, 1_320_000, 1_320_000]
    assert b.data.kode_ksm.unique().tolist() == ["13.72.01.1001.B.001"]
    assert validasi.periksa(b).ok


def test_percent_cells_text_and_numbers():
    b = baca("penilaian_persen.xlsx", "penilaian_kumuh")
    assert b.data.persen_terdampak.tolist() == pytest.approx([35.5, 12.5, 80.0])
    assert b.data.kriteria.tolist() == ["1a", "1b", "1c"]
    assert b.data.kode_kawasan.tolist() == ["13.72.KW01"] * 3
    assert validasi.periksa(b).ok


def test_header_found_below_title_rows_in_csv_with_any_delimiter():
    isi = "Judul laporan\n\nkode_kelurahan\ttahun\tsumber\trumah_tangga_miskin\n1372011001\t2015\tbps\t80\n"
    b = ingest.baca(isi.encode(), "x.tsv", "data_kemiskinan")
    assert list(b.baris) == [4]
    assert b.data.sumber.tolist() == ["BPS"]


def test_utf16_text_export_from_excel():
    isi = "kode_kelurahan\ttahun\tsumber\trumah_tangga_miskin\n13.72.01.1001\t2015\tPS\t120\n"
    b = ingest.baca(isi.encode("utf-16"), "unicode.txt", "data_kemiskinan")
    assert b.data.rumah_tangga_miskin.tolist() == [120]


def test_periods_not_on_the_first_are_moved_with_one_warning():
    isi = ("kode_bkm,kode_kelurahan,periode,tahun,pendapatan_rp,biaya_rp,modal_rp,cadangan_risiko_rp\n"
           "13.72.01.1001.B,13.72.01.1001,30/04/2015,2015,1,1,1,1\n"
           "13.72.01.1001.B,13.72.01.1001,31/05/2015,2015,1,1,1,1\n")
    b = ingest.baca(isi.encode(), "upk.csv", "upk_keuangan_bulanan")
    assert b.data.periode.tolist() == [date(2015, 4, 1), date(2015, 5, 1)]
    assert [(m.baris, m.kode, m.galat, dict(m.args)) for m in b.masalah] == [
        (2, "periode_digeser", False, {"jumlah": 2})]


def test_template_is_read_back_and_only_its_example_row_is_refused():
    for nama in schema.TABEL_DATASET:
        b = ingest.baca(templat.xlsx_bytes(nama), f"templat_{nama}.xlsx", nama)
        laporan = validasi.periksa(b)
        assert b.lembar == nama
        assert set(b.label) == set(schema.TABEL[nama].kolom_nama()), nama
        assert [(m.baris, m.kode) for m in laporan.masalah] == [(2, "contoh_templat")], nama


def test_header_labels_never_point_to_two_columns_of_one_table():
    for nama in schema.TABEL_DATASET:
        kolom = schema.TABEL[nama].kolom_nama()
        for lang in ("id", "en"):
            label = [ingest.norm(strings(lang)[f"kelola.kolom.{k}"]) for k in kolom]
            assert len(set(label)) == len(label), (nama, lang)
            bentrok = {x for x in label if x in kolom and kolom.index(x) != label.index(x)}
            assert not bentrok, (nama, lang, bentrok)


def test_quoted_csv_fields_with_commas_and_line_breaks_keep_their_row_numbers():
    isi = ('kode_aset,kode_kelurahan,jenis,uraian,tahun_bangun,nilai_rp,kondisi,status_serah_terima\n'
           'A1,13.72.01.1001,lingkungan,"Jalan, 120 m\nbeton",2015,"25.000.000",baik,belum\n'
           'A2,13.72.01.1001,sosial,Balai warga,2016,"Rp 10.000.000",Rusak Berat,Selesai\n')
    b = ingest.baca(isi.encode(), "aset.csv", "aset")
    assert list(b.baris) == [2, 3]
    assert b.data.uraian.tolist() == ["Jalan, 120 m beton", "Balai warga"]
    assert b.data.nilai_rp.tolist() == [25_000_000, 10_000_000]
    assert b.data.kondisi.tolist() == ["baik", "rusak_berat"]
    assert validasi.periksa(b).ok


def test_a_subtotal_row_inside_the_data_is_reported():
    isi = ("kode_kelurahan,tahun,sumber,rumah_tangga_miskin\n13.72.01.1001,2015,PS,120\nSubtotal,,,120\n"
           "13.72.01.1002,2015,PS,80\nJUMLAH,,,200\n")
    b = ingest.baca(isi.encode(), "x.csv", "data_kemiskinan")
    laporan = validasi.periksa(b)
    assert (3, "baris_subtotal") in [(m.baris, m.kode) for m in laporan.masalah]
    assert b.jumlah[0] == 5 and not laporan.ok


def test_template_header_is_in_bahasa_indonesia():
    from openpyxl import load_workbook
    import io
    ws = load_workbook(io.BytesIO(templat.xlsx_bytes("indikator_permukiman", "en"))).worksheets[0]
    assert [c.value for c in ws[1]][:3] == ["Kode Kelurahan", "Tahun", "Jumlah KK"]
