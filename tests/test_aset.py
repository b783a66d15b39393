"""Aset & Alih Kelola: register totals by condition, maintainer and handover status, the handover's progress, damaged
assets without a KPP, the revolving capital the UPKs hold, and the page (AppTest)."""
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pantau import aset, db
from pantau.pilihan import Pilihan
from tests.conftest import kecil

ROOT = Path(__file__).resolve().parent.parent
A, B, M = "13.72.01.1001", "13.72.01.1002", "18.72.01.1001"   # kecil(): A, B PNPM-MP 2008–2014; M KOTAKU 2016–
JT = 1_000_000


def _aset() -> pd.DataFrame:
    kolom = ["kode_aset", "kode_kelurahan", "jenis", "tahun_bangun", "nilai_rp", "kondisi", "status_serah_terima",
             "tahun_serah_terima", "pengelola"]
    baris = [("a1", A, "lingkungan", 2010, 100 * JT, "baik", "selesai", 2012, "KPP Jalan"),
             ("a2", A, "sosial", 2011, 20 * JT, "rusak_berat", "belum", None, None),
             ("a3", A, "ekonomi", 2012, 50 * JT, "rusak_ringan", "proses", None, "  "),        # blank = no KPP
             ("a4", B, "lingkungan", 2013, 200 * JT, "rusak_berat", "proses", None, "KPP Drainase"),
             ("a5", M, "lingkungan", 2017, 300 * JT, "rusak_berat", "selesai", 2019, None),
             ("a6", M, "sosial", 2018, 30 * JT, "baik", "belum", None, "KPP Posyandu"),
             ("a7", B, "ekonomi", 2009, 10 * JT, "baik", "selesai", None, "KPP Modal")]     # done, year unknown
    df = pd.DataFrame(baris, columns=kolom)
    return df.assign(kode_bkm=df["kode_kelurahan"] + ".B", uraian="aset " + df["kode_aset"], sumber="uji")


def _upk() -> tuple[pd.DataFrame, pd.DataFrame]:
    """A's UPK reports Dec 2010 (modal 2,0 jt) and Jun 2011 (2,5 jt); B's UPK Dec 2010 (1,0 jt, no loans)."""
    f = kecil()
    upk = pd.DataFrame({
        "kode_bkm": [A + ".B", A + ".B", B + ".B"], "kode_kelurahan": [A, A, B],
        "periode": [date(2010, 12, 1), date(2011, 6, 1), date(2010, 12, 1)], "tahun": [2010, 2011, 2010],
        "pendapatan_rp": [15_000, 20_000, 0], "biaya_rp": [10_000, 10_000, 0],
        "modal_rp": [2_000_000, 2_500_000, 1_000_000], "cadangan_risiko_rp": [30_000, 15_000, 0]})
    juni = f["pinjaman_bulanan"].iloc[[0]].assign(periode=date(2011, 6, 1), tahun=2011, saldo_pinjaman_rp=500_000)
    return upk, pd.concat([f["pinjaman_bulanan"], juni], ignore_index=True)


@pytest.fixture
def data_aset(buat_versi):
    upk, pinjaman = _upk()
    return buat_versi({**kecil(), "aset": _aset(), "upk_keuangan_bulanan": upk, "pinjaman_bulanan": pinjaman})


def _p(wilayah="", awal=2000, akhir=2030, program=(), lang="id") -> Pilihan:
    return Pilihan(wilayah, awal, akhir, tuple(program), lang)


def test_totals_by_condition_maintainer_and_handover_status(data_aset):
    b = aset.per_wilayah(_p(), 0).iloc[0]
    # 100 + 20 + 50 + 200 + 300 + 30 + 10 = 710 jt in 7 assets, built 2009–2018
    assert (b["jumlah_aset"], b["nilai_rp"], b["tahun_bangun_min"], b["tahun_bangun_maks"]) == (7, 710 * JT, 2009, 2018)
    assert (b["jumlah_baik"], b["jumlah_rusak_ringan"], b["jumlah_rusak_berat"]) == (3, 1, 3)
    assert b["jumlah_ada_pengelola"] == 4                     # a1, a4, a6, a7 (a3's blank name is no KPP)
    assert (b["jumlah_belum"], b["jumlah_proses"], b["jumlah_selesai"]) == (2, 2, 3)
    # selesai a1 + a5 + a7 = 410 jt; belum a2 + a6 = 50 jt; proses a3 + a4 = 250 jt
    assert (b["nilai_selesai_rp"], b["nilai_belum_rp"], b["nilai_proses_rp"]) == (410 * JT, 50 * JT, 250 * JT)
    assert b["nilai_belum_diserahkan_rp"] == 300 * JT
    assert b["porsi_diserahkan"] == pytest.approx(410 / 710)
    # badly damaged without a KPP: a2 (20 jt) and a5 (300 jt); a4 has one
    assert (b["jumlah_rusak_berat_tanpa_pengelola"], b["nilai_rusak_berat_tanpa_pengelola_rp"]) == (2, 320 * JT)


def test_totals_per_area_and_filters(data_aset):
    kab = aset.per_wilayah(_p(), 5).set_index("kode")
    assert kab.loc["13.72", "nilai_rp"] == 380 * JT and kab.loc["18.72", "nilai_rp"] == 330 * JT
    assert kab.loc["13.72", "nama"] == "Kota Solok"
    # built 2011–2013: a2, a3, a4
    assert aset.per_wilayah(_p(awal=2011, akhir=2013), 0).iloc[0]["nilai_rp"] == 270 * JT
    # an asset counts for a programme when built in that programme's kelurahan and years
    assert aset.per_wilayah(_p(program=["KOTAKU"]), 0).iloc[0]["nilai_rp"] == 330 * JT      # a5, a6
    assert aset.per_wilayah(_p(program=["PNPM-MP"]), 0).iloc[0]["nilai_rp"] == 380 * JT     # a1–a4, a7


def test_handover_progress_is_cumulative_by_year_built_and_year_handed_over(data_aset):
    df = db.query("aset_serah_terima_tahunan", **_p().params()).set_index("tahun")
    assert df.index.tolist() == list(range(2009, 2020))           # first built 2009, last handover 2019
    # built: 2009 a7 10; 2010 +100; 2011 +20; 2012 +50; 2013 +200; 2017 +300; 2018 +30
    assert df.loc[[2009, 2010, 2013, 2016, 2017, 2019], "nilai_dibangun_rp"].tolist() == [
        10 * JT, 110 * JT, 380 * JT, 380 * JT, 680 * JT, 710 * JT]
    # handed over: a1 in 2012, a5 in 2019; a7 is done but has no year
    assert df.loc[[2011, 2012, 2018, 2019], "nilai_diserahkan_rp"].tolist() == [0, 100 * JT, 100 * JT, 400 * JT]
    assert df.loc[2019, "jumlah_diserahkan"] == 2
    assert (df["nilai_selesai_tanpa_tahun_rp"] == 10 * JT).all()


def test_damaged_assets_without_a_maintainer_badly_damaged_first(data_aset):
    df = aset.tanpa_pengelola(_p())
    assert df["kode_aset"].tolist() == ["a5", "a2", "a3"]
    assert df["kondisi"].tolist() == ["rusak_berat", "rusak_berat", "rusak_ringan"]


def test_revolving_capital_is_the_latest_report_split_into_loans_and_cash(data_aset):
    modal = aset.modal_upk(_p()).set_index("kode_bkm")
    # A: latest report June 2011, modal 2,5 jt, KSM outstanding that month 0,5 jt -> cash 2,0 jt
    assert modal.loc[A + ".B", ["modal_rp", "saldo_pinjaman_rp", "kas_rp"]].tolist() == [2_500_000, 500_000, 2_000_000]
    # B: no loans -> all 1,0 jt in cash
    assert modal.loc[B + ".B", ["saldo_pinjaman_rp", "kas_rp"]].tolist() == [0, 1_000_000]
    # up to 2010: A's December 2010 report, outstanding 900 rb + 300 rb
    lama = aset.modal_upk(_p(akhir=2010)).set_index("kode_bkm")
    assert lama.loc[A + ".B", ["modal_rp", "saldo_pinjaman_rp", "kas_rp"]].tolist() == [2_000_000, 1_200_000, 800_000]
    kartu = aset.angka_modal(aset.modal_upk(_p()), "id")
    assert [k.nilai for k in kartu] == ["Rp 3,5 juta", "Rp 500 ribu", "Rp 3 juta"]
    assert kartu[1].catatan == "14,3 % dari modal"                 # 0,5 ÷ 3,5


def test_headline_numbers(data_aset):
    data = aset.ringkasan(_p())
    jumlah, diserahkan, belum, tanpa_kpp = data.angka
    assert jumlah.nilai == "7 aset" and jumlah.catatan == "Rp 710 juta, dibangun 2009–2018"
    assert diserahkan.nilai == "57,7 %"                              # 410 ÷ 710
    assert belum.nilai == "Rp 300 juta" and belum.catatan == "belum Rp 50 juta · proses Rp 250 juta"
    assert tanpa_kpp.nilai == "2"
    assert data.per_wilayah["kode"].tolist() == ["13.72", "18.72"]   # 270 jt not handed over vs 30 jt


def test_kelurahan_profile(data_aset):
    profil = aset.profil(A, _p())
    assert profil.ringkas.iloc[0]["nilai_rp"] == 170 * JT           # a1 + a2 + a3
    assert profil.daftar["kode_aset"].tolist() == ["a1", "a2", "a3"]
    assert profil.modal_upk["kode_bkm"].tolist() == [A + ".B"]


def test_empty_selection_is_empty_not_an_error(data_aset):
    assert aset.ringkasan(_p(awal=2020, akhir=2030)).kosong


def test_tables_use_words_for_categories(data_aset):
    tabel, format_kolom = aset.tabel_aset(aset.tanpa_pengelola(_p()), "id")
    assert tabel["Kondisi"].tolist() == ["Rusak berat", "Rusak berat", "Rusak ringan"]
    assert tabel["Komponen"].tolist()[0] == "Lingkungan" and format_kolom == {"Nilai": "rupiah"}


# ------------------------------------------------------------------ the page

def jalankan(**url) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/aset.py"), default_timeout=60)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def test_page_renders_on_demo_data(demo_aktif):
    at = jalankan(kab="13.72")
    assert not at.exception
    assert at.title[0].value == "Aset & Alih Kelola"
    teks = " ".join(m.value for m in at.markdown)
    assert "Nilai belum diserahkan" in teks and "Modal bergulir di UPK" in teks


def test_page_with_an_empty_selection_says_there_is_no_data(demo_aktif):
    at = jalankan(kab="13.72", tahun="2022-2024")     # the demo's assets were built up to 2021
    assert not at.exception
    assert any("Belum ada data" in i.value for i in at.info)


@pytest.mark.parametrize("url", [{"kel": "13.72.01.1004"}, {}, {"kab": "99.99"}, {"tahun": "abc"}, {"lang": "en", "kab": "36.04"},
                                 {"program": "KOTAKU", "kab": "18.72"}, {"kec": "62.03.01"}])
def test_page_renders_for_other_selections(demo_aktif, url):
    at = jalankan(**url)
    assert not at.exception
