"""The derived loan-book tables written when a version is published: their sums worked out by hand, the same
answers from the derived tables as from the KSM-month rows, and a missing or damaged derived file."""
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pantau import dataset, db
from pantau.pilihan import Pilihan
from tests.conftest import kecil, segarkan

KEL = ["13.72.01.1001", "13.72.01.1002", "18.72.01.1001"]
BKM = [k + ".B" for k in KEL]
KOLOM_BULANAN = ["ksm_aktif", "ksm_bersaldo", "saldo_rp", "pencairan_rp", "pinjaman_baru", "pokok_jatuh_tempo_rp",
                 "pokok_dibayar_rp"]


def _pinjaman() -> pd.DataFrame:
    """Five KSM-months: three in Solok kelurahan 1 (two of them 3 instalments overdue), one in Solok kelurahan 2,
    one in Metro, all in December 2010."""
    return pd.DataFrame({
        "kode_ksm": [BKM[0] + ".001", BKM[0] + ".002", BKM[0] + ".003", BKM[1] + ".001", BKM[2] + ".001"],
        "kode_bkm": [BKM[0], BKM[0], BKM[0], BKM[1], BKM[2]], "kode_kelurahan": [KEL[0], KEL[0], KEL[0], KEL[1], KEL[2]],
        "periode": [date(2010, 12, 1)] * 5, "tahun": [2010] * 5,
        "pencairan_rp": [0, 500_000, 0, 0, 1_000_000], "pokok_jatuh_tempo_rp": [100_000, 50_000, 20_000, 10_000, 0],
        "pokok_dibayar_rp": [100_000, 0, 0, 10_000, 0], "jasa_dibayar_rp": [15_000, 0, 0, 1_000, 0],
        "saldo_pinjaman_rp": [900_000, 300_000, 0, 200_000, 1_000_000],
        "tunggakan_angsuran": [0, 3, 3, 0, 0], "siklus": [1, 1, 2, 1, 1]})


def _keuangan() -> pd.DataFrame:
    """BKM A's accounts for November 2010 to January 2011: the year-to-date sums start again in January."""
    return pd.DataFrame({
        "kode_bkm": [BKM[0]] * 3, "kode_kelurahan": [KEL[0]] * 3,
        "periode": [date(2010, 11, 1), date(2010, 12, 1), date(2011, 1, 1)], "tahun": [2010, 2010, 2011],
        "pendapatan_rp": [10_000, 20_000, 5_000], "biaya_rp": [4_000, 6_000, 1_000],
        "modal_rp": [2_000_000, 2_010_000, 2_020_000], "cadangan_risiko_rp": [0, 0, 0]})


@pytest.fixture
def versi(buat_versi):
    return buat_versi({**kecil(), "pinjaman_bulanan": _pinjaman(), "upk_keuangan_bulanan": _keuangan()})


def test_published_version_carries_the_year_to_date_accounts_worked_by_hand(versi):
    t = _tabel(versi, "upk_keuangan_ytd")
    assert t.pendapatan_ytd_rp.tolist() == [10_000, 30_000, 5_000]
    assert t.biaya_ytd_rp.tolist() == [4_000, 10_000, 1_000]
    assert t.bulan_ytd.tolist() == [1, 2, 1] and t.modal_rp.tolist() == [2_000_000, 2_010_000, 2_020_000]


def _tabel(versi, nama: str) -> pd.DataFrame:
    return pd.read_parquet(versi.path / db.FOLDER_TURUNAN / f"{nama}.parquet")


def test_published_version_carries_the_per_kelurahan_sums_worked_by_hand(versi):
    t = _tabel(versi, "pinjaman_kelurahan_bulanan").set_index(["kode_kelurahan", "tunggakan_angsuran"])
    assert len(t) == 4                                   # kel 1 splits into 0 and 3 instalments overdue
    tiga = t.loc[(KEL[0], 3)]
    assert (tiga.ksm_aktif, tiga.ksm_bersaldo, tiga.saldo_rp) == (2, 1, 300_000)   # one of the two owes nothing
    assert (tiga.pencairan_rp, tiga.pinjaman_baru, tiga.pokok_jatuh_tempo_rp, tiga.pokok_dibayar_rp) == (
        500_000, 1, 70_000, 0)
    assert t.loc[(KEL[0], 0)].saldo_rp == 900_000 and t.loc[(KEL[2], 0)].pinjaman_baru == 1


def test_published_version_carries_the_per_kab_sums_with_the_kelurahan_programmes(versi):
    t = _tabel(versi, "pinjaman_kab_bulanan")
    solok = t[t.kode_kab == "13.72"].set_index("tunggakan_angsuran")
    assert solok.loc[0, "ksm_aktif"] == 2 and solok.loc[0, "saldo_rp"] == 1_100_000      # kel 1 + kel 2
    assert solok.loc[3, "ksm_aktif"] == 2
    assert [list(p) for p in t.program_kelurahan] == [["PNPM-MP"], ["PNPM-MP"], ["KOTAKU"]]


@pytest.mark.parametrize("wilayah,program,harap", [
    ("", [], {"ksm_aktif": 5, "ksm_bersaldo": 4, "saldo_rp": 2_400_000}),
    ("13.", [], {"ksm_aktif": 4, "ksm_bersaldo": 3, "saldo_rp": 1_400_000}),          # per kab/kota sums
    ("13.72.01.", [], {"ksm_aktif": 4, "ksm_bersaldo": 3, "saldo_rp": 1_400_000}),    # per kelurahan sums
    ("13.72.01.1001", [], {"ksm_aktif": 3, "ksm_bersaldo": 2, "saldo_rp": 1_200_000}),
    ("13.72.", ["KOTAKU"], None),                         # no KOTAKU kelurahan in Solok
    ("", ["KOTAKU"], {"ksm_aktif": 1, "ksm_bersaldo": 1, "saldo_rp": 1_000_000}),
])
def test_monthly_book_matches_the_hand_sums(versi, wilayah, program, harap):
    b = db.run("dana_bergulir_bulanan", versi.id, wilayah=wilayah, tahun_akhir=2010, program=program)
    if harap is None:
        assert b.empty
        return
    assert {k: int(b[k].sum()) for k in harap} == harap


def _dari_baris_ksm(versi, prefix: str, program: list[str], tahun_akhir: int) -> pd.DataFrame:
    """The monthly book computed with pandas straight from the KSM-month rows (what the derived tables sum)."""
    p = dataset.read_table(versi, "pinjaman_bulanan")
    lokasi = dataset.read_table(versi, "lokasi_program")
    kel = set(lokasi[lokasi.program.isin(program)].kode_kelurahan if program else lokasi.kode_kelurahan)
    p = p[(p.tahun <= tahun_akhir) & p.kode_kelurahan.str.startswith(prefix) & p.kode_kelurahan.isin(kel)]
    p = p.assign(bersaldo=p.saldo_pinjaman_rp > 0, baru=p.pencairan_rp > 0)
    g = p.groupby(["periode", "tunggakan_angsuran"]).agg(
        ksm_aktif=("kode_ksm", "size"), ksm_bersaldo=("bersaldo", "sum"), saldo_rp=("saldo_pinjaman_rp", "sum"),
        pencairan_rp=("pencairan_rp", "sum"), pinjaman_baru=("baru", "sum"),
        pokok_jatuh_tempo_rp=("pokok_jatuh_tempo_rp", "sum"), pokok_dibayar_rp=("pokok_dibayar_rp", "sum"))
    return g.reset_index().astype({k: "int64" for k in KOLOM_BULANAN})


def _sama(a: pd.DataFrame, b: pd.DataFrame) -> None:
    kunci = ["periode", "tunggakan_angsuran"]
    a = a.assign(periode=pd.to_datetime(a.periode)).sort_values(kunci).reset_index(drop=True)
    b = b.assign(periode=pd.to_datetime(b.periode)).sort_values(kunci).reset_index(drop=True)
    pd.testing.assert_frame_equal(a[kunci + KOLOM_BULANAN].astype({k: "int64" for k in KOLOM_BULANAN}),
                                  b[kunci + KOLOM_BULANAN], check_dtype=False)


@pytest.mark.parametrize("wilayah", ["", "36", "36.04", "36.04.05", "13.72.01.1001"])
@pytest.mark.parametrize("program", [[], ["P2KP-1"], ["KOTAKU", "PNPM-MP"]])
def test_demo_monthly_book_from_derived_tables_equals_the_ksm_rows(demo_aktif, wilayah, program):
    p = Pilihan(wilayah=wilayah, tahun_awal=2003, tahun_akhir=2020, program=tuple(program))
    from pantau import dana_bergulir
    _sama(dana_bergulir.bulanan(p), _dari_baris_ksm(dataset.active(), p.prefix, program, 2020))


@pytest.mark.parametrize("rusak", ["hilang", "rusak"])
def test_missing_or_damaged_derived_file_gives_the_same_answers_from_the_ksm_rows(versi, rusak):
    sebelum = db.run("dana_bergulir_upk_bulanan", versi.id, wilayah="", program=[], periode="2010-12-01",
                     tunggakan_berisiko=3)
    for berkas in (versi.path / db.FOLDER_TURUNAN).glob("*.parquet"):
        if rusak == "hilang":
            berkas.unlink()
        else:
            berkas.write_bytes(b"PAR1 bukan parquet")
    segarkan()
    sesudah = db.run("dana_bergulir_upk_bulanan", versi.id, wilayah="", program=[], periode="2010-12-01",
                     tunggakan_berisiko=3)
    pd.testing.assert_frame_equal(sebelum, sesudah)
    baris = sesudah[sesudah.periode == pd.Timestamp(2010, 12, 1)].set_index("kode_bkm").loc[BKM[0]]
    assert (baris.ksm_aktif, baris.ksm_bersaldo, baris.ksm_berisiko, baris.saldo_berisiko_rp) == (3, 2, 1, 300_000)
    assert (baris.pendapatan_ytd_rp, baris.biaya_ytd_rp, baris.bulan_ytd) == (30_000, 10_000, 2)


def test_make_data_writes_the_missing_derived_tables_of_the_served_version(versi, capsys):
    from pantau import demo
    folder = versi.path / db.FOLDER_TURUNAN
    (folder / "pinjaman_kab_bulanan.parquet").unlink()
    (folder / "upk_keuangan_ytd.parquet").write_bytes(b"rusak")
    sebelum = {f.name: f.stat().st_mtime_ns for f in folder.glob("*.parquet")}
    assert demo.siapkan().id == versi.id
    sesudah = {f.name: f.stat().st_mtime_ns for f in folder.glob("*.parquet")}
    assert set(sesudah) == {f"{n}.parquet" for n in db.TURUNAN}
    assert sesudah["pinjaman_kelurahan_bulanan.parquet"] == sebelum["pinjaman_kelurahan_bulanan.parquet"]  # kept
    assert _tabel(versi, "upk_keuangan_ytd").pendapatan_ytd_rp.tolist() == [10_000, 30_000, 5_000]
    assert not [f for f in folder.iterdir() if f.name.startswith(".")]                    # no leftovers


def test_make_data_on_a_folder_it_cannot_write_says_so_and_goes_on(versi, monkeypatch, capsys):
    from pantau import demo

    def tolak(*a, **k):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(db, "bangun_turunan", tolak)
    assert demo.siapkan().id == versi.id
    assert "tabel turunan tidak dapat ditulis (Permission denied)" in capsys.readouterr().out


def test_a_page_run_never_writes_derived_tables(versi):
    from streamlit.testing.v1 import AppTest
    for f in (versi.path / db.FOLDER_TURUNAN).glob("*.parquet"):
        f.unlink()
    segarkan()
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "pages" / "dana_bergulir.py"), default_timeout=60)
    at.query_params["kab"] = "13.72"
    at.run()
    assert not at.exception
    assert not list((versi.path / db.FOLDER_TURUNAN).glob("*.parquet"))     # served from the SQL as views
