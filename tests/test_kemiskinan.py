"""Data Kemiskinan: sources side by side, the spread between them, BLM per poor household under each source, the
catalogue tables for source explanations and programme targeting, and the page (AppTest)."""
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pantau import katalog, kemiskinan, schema
from pantau.pilihan import Pilihan
from tests.conftest import kecil

ROOT = Path(__file__).resolve().parent.parent
A, B, M = "13.72.01.1001", "13.72.01.1002", "18.72.01.1001"     # Tanah Garam, VI Suku (Kota Solok); Metro


def _miskin() -> pd.DataFrame:
    baris = [(A, 2015, "PS", 120), (A, 2015, "BPS", 80), (A, 2015, "DTKS", 100), (A, 2015, "BKKBN", 200),
             (A, 2015, "Raskin", 150), (B, 2015, "PS", 50), (B, 2015, "BPS", 40), (M, 2015, "PS", 0),
             (M, 2015, "BPS", 30), (A, 2019, "BPS", 90), (M, 2019, "PS", 60), (M, 2019, "BPS", 45)]
    df = pd.DataFrame(baris, columns=["kode_kelurahan", "tahun", "sumber", "rumah_tangga_miskin"])
    return df.assign(jiwa_miskin=df["rumah_tangga_miskin"] * 4)


@pytest.fixture
def data_miskin(buat_versi):
    """kecil() (BLM: A 60 + 40 jt and B 150 jt in 2010 under PNPM-MP, Metro 400 jt in 2017 under KOTAKU)
    with the poverty counts above."""
    return buat_versi({**kecil(), "data_kemiskinan": _miskin()})


@pytest.fixture
def katalog_tambahan():
    """The catalogue, which carries the `sumber_kemiskinan` / `sumber_penargetan` tables."""
    return katalog.data()


def _p(wilayah="", awal=2000, akhir=2030, program=(), lang="id") -> Pilihan:
    return Pilihan(wilayah, awal, akhir, tuple(program), lang)


def _baris(df: pd.DataFrame, kode: str, tahun: int) -> pd.Series:
    return df[(df["kode"] == kode) & (df["tahun"] == tahun)].iloc[0]


# ------------------------------------------------------------------ spread

def test_spread_per_kelurahan_is_max_minus_min_and_max_over_min(data_miskin):
    df = kemiskinan.selisih(_p(), 13)
    a = _baris(df, A, 2015)        # 120, 80, 100, 200, 150 -> min 80 (BPS), max 200 (BKKBN)
    assert (a["rt_min"], a["rt_maks"], a["sumber_min"], a["sumber_maks"]) == (80, 200, "BPS", "BKKBN")
    assert a["selisih"] == 120 and a["rasio"] == pytest.approx(2.5) and a["jumlah_sumber"] == 5
    b = _baris(df, B, 2015)        # PS 50, BPS 40 -> 10 and 1.25; the other sources are missing, not zero
    assert (b["selisih"], b["rasio"], b["rt_ps"], b["rt_bps"]) == (10, pytest.approx(1.25), 50, 40)
    assert pd.isna(b["rt_dtks"]) and b["keterangan"] == ""


def test_spread_is_undefined_with_a_reason_when_the_lowest_source_is_zero_or_alone(data_miskin):
    df = kemiskinan.selisih(_p(), 13)
    m = _baris(df, M, 2015)        # PS 0, BPS 30 -> max − min = 30, max ÷ min undefined
    assert m["selisih"] == 30 and pd.isna(m["rasio"])
    assert m["keterangan"] == "Pemetaan Swadaya (PS) mencatat 0 RT miskin, maks ÷ min tidak terdefinisi"
    sendiri = _baris(df, A, 2019)  # only BPS 90
    assert sendiri["selisih"] == 0 and pd.isna(sendiri["rasio"])
    assert sendiri["keterangan"] == "hanya satu sumber pada tahun ini"


def test_spread_of_an_area_sums_each_source_and_flags_uneven_coverage(data_miskin):
    df = kemiskinan.selisih(_p("13.72"), 5)
    solok = _baris(df, "13.72", 2015)   # PS 120+50=170, BPS 80+40=120, DTKS 100 (A only), BKKBN 200, Raskin 150
    assert (solok["rt_ps"], solok["rt_bps"], solok["rt_dtks"]) == (170, 120, 100)
    assert (solok["rt_min"], solok["rt_maks"], solok["rasio"]) == (100, 200, pytest.approx(2.0))
    assert solok["nama"] == "Kota Solok" and solok["jumlah_kelurahan"] == 2
    assert not solok["cakupan_sama"] and "cakupan" in solok["keterangan"]


def test_programme_filter_keeps_the_programme_kelurahan(data_miskin):
    df = kemiskinan.selisih(_p(program=["KOTAKU"]), 13)
    assert set(df["kode"]) == {M}


def test_picture_of_one_year_ranks_areas_and_kelurahan_by_max_over_min(data_miskin):
    data = kemiskinan.ringkasan(_p())
    assert data.tahun == [2015, 2019]
    potret = kemiskinan.potret(_p(), 2015, data)
    assert potret.wilayah["kode"].tolist() == ["13.72", "18.72"]    # 2,0× then Metro (undefined) last
    assert potret.matriks["kode"].tolist() == [A, B, M]             # 2,5× > 1,25× > undefined
    assert potret.matriks["teks"].tolist() == ["2,50×", "1,25×", "–"]
    assert potret.jumlah_kelurahan == 3
    # all kelurahan in 2015: PS 170, BPS 150, DTKS 100, BKKBN 200, Raskin 150 -> 100 – 200, 2,00×, 100 RT apart
    rentang, spread, terbesar, blm = potret.angka
    assert rentang.nilai == "100–200" and spread.nilai == "2,00×" and spread.aturan_sendiri
    assert "selisih 100 RT" in spread.catatan
    assert terbesar.nilai == "2,50×" and terbesar.catatan.startswith("Tanah Garam: BKKBN 200 vs BPS 80")
    assert blm.nilai == "Rp 10,83 juta"       # 650 jt ÷ 60 PS households (2019)


def test_for_one_kelurahan_the_matrix_runs_over_its_years(data_miskin):
    p = _p(A)
    potret = kemiskinan.potret(p, 2015, kemiskinan.ringkasan(p))
    assert potret.matriks["label"].tolist() == ["2019", "2015"]
    assert potret.matriks["teks"].tolist() == ["–", "2,50×"]          # 2019 has BPS only


def test_the_table_shows_the_latest_year_first_and_formats_the_ratio(data_miskin):
    data = kemiskinan.ringkasan(_p())
    tabel, format_kolom = kemiskinan.tabel_selisih(data.kelurahan, "id")
    assert tabel["Tahun"].tolist()[:2] == ["2019", "2019"]
    assert tabel.loc[tabel["Kode"] == A, "Maks ÷ min"].tolist() == ["–", "2,50×"]
    assert format_kolom["Selisih maks − min (RT)"] == "angka"


# ------------------------------------------------------------------ BLM per poor household

def test_blm_per_poor_household_under_each_source_uses_its_latest_year(data_miskin):
    blm = kemiskinan.blm_per_sumber(_p()).set_index("sumber")
    # BLM 2000–2030 = 60 + 40 + 150 + 400 = 650 jt over 3 kelurahan
    assert (blm["nilai_blm_rp"] == 650_000_000).all()
    # latest year per source: PS 2019 (Metro 60), BPS 2019 (A 90 + Metro 45), DTKS/BKKBN/Raskin 2015 (A only)
    assert blm.loc["PS", ["tahun", "rumah_tangga_miskin", "jumlah_kelurahan"]].tolist() == [2019, 60, 1]
    assert blm.loc["BPS", "rumah_tangga_miskin"] == 135
    assert blm.loc["PS", "blm_per_rt"] == pytest.approx(650_000_000 / 60)
    assert blm.loc["BPS", "blm_per_rt"] == pytest.approx(650_000_000 / 135)
    assert blm.loc["BKKBN", "blm_per_rt"] == pytest.approx(3_250_000)
    assert blm.index.tolist() == list(schema.SUMBER_KEMISKINAN)


def test_blm_per_poor_household_follows_the_period(data_miskin):
    blm = kemiskinan.blm_per_sumber(_p(akhir=2016)).set_index("sumber")
    # BLM 2000–2016 = 250 jt (Metro's 2017 grant is outside); PS 2015 = 120 + 50 + 0 = 170
    assert blm.loc["PS", "blm_per_rt"] == pytest.approx(250_000_000 / 170)


def test_blm_per_poor_household_says_why_it_cannot_divide(data_miskin):
    blm = kemiskinan.blm_per_sumber(_p("18.72", akhir=2016)).set_index("sumber")
    assert pd.isna(blm.loc["PS", "blm_per_rt"]) and blm.loc["PS", "keterangan"] == "0 RT miskin: tidak dapat dibagi"
    assert blm.loc["BPS", "keterangan"] == "tidak ada BLM cair pada periode ini"     # Metro got BLM only in 2017
    assert blm.loc["DTKS", "keterangan"] == "tidak ada data sumber ini sampai akhir periode"


def test_kelurahan_profile_has_the_years_and_the_blm_per_source(data_miskin):
    profil = kemiskinan.profil(A, _p())
    assert not profil.kosong
    assert profil.per_tahun["tahun"].tolist() == [2015, 2019]
    # A's BLM = 100 jt; PS 2015 = 120 -> 833.333,33
    assert profil.blm.set_index("sumber").loc["PS", "blm_per_rt"] == pytest.approx(100_000_000 / 120)


# ------------------------------------------------------------------ catalogue tables

def test_catalogue_explains_every_source_and_names_each_programme_targeting_source():
    tambahan = katalog.data()
    sumber = tambahan["sumber_kemiskinan"]
    assert set(sumber) == set(schema.SUMBER_KEMISKINAN)
    for entri in sumber.values():
        assert entri["id"] and entri["en"] and entri["warna"].startswith("#")
        for kunci in ("hitung", "cara", "kecenderungan", "periode"):
            assert entri[kunci]["id"] and entri[kunci]["en"]
        assert entri["keyakinan"] in katalog.KEYAKINAN
    target = tambahan["sumber_penargetan"]
    assert set(target) == set(schema.PROGRAM)
    for entri in target.values():
        assert entri["sumber"] and set(entri["sumber"]) <= set(sumber)
        assert entri["keyakinan"] in katalog.KEYAKINAN and entri["catatan"]["id"] and entri["catatan"]["en"]


def test_targeting_and_explanations_come_from_the_catalogue(katalog_tambahan):
    tabel = kemiskinan.penargetan(["PNPM-MP", "KOTAKU", "P2KP-PKP", "X"], "id")
    assert tabel["sumber"].tolist() == ["Pemetaan Swadaya (PS)", "DTKS (BDT)", "DTKS (BDT), Pemetaan Swadaya (PS)",
                                        "belum tercatat di katalog"]
    assert tabel["keyakinan"].tolist()[2] == "aturan Pantau"
    assert kemiskinan.sumber_program(["PNPM-MP", "KOTAKU", "P2KP-PKP"]) == {"PS": ["PNPM-MP", "P2KP-PKP"],
                                                                             "DTKS": ["KOTAKU", "P2KP-PKP"]}
    sebab = kemiskinan.penjelasan_sumber("en")
    assert sebab["sumber"].tolist() == ["PS", "BPS", "DTKS", "BKKBN", "Raskin"]
    assert "bottom 40 %" in sebab.set_index("sumber").loc["DTKS", "kecenderungan"]


def test_blm_table_names_the_programmes_that_targeted_with_each_source(data_miskin, katalog_tambahan):
    blm = kemiskinan.blm_per_sumber(_p()).set_index("sumber")
    assert blm.loc["PS", "dipakai_oleh"] == "PNPM Mandiri Perkotaan"
    assert blm.loc["DTKS", "dipakai_oleh"] == "KOTAKU"
    assert blm.loc["PS", "nama_sumber"] == "Pemetaan Swadaya (PS)"


def test_without_the_catalogue_tables_the_explanations_are_empty_not_an_error(monkeypatch):
    tanpa = {k: v for k, v in katalog.data().items() if k not in ("sumber_kemiskinan", "sumber_penargetan")}
    monkeypatch.setattr(katalog, "data", lambda: tanpa)
    assert kemiskinan.penjelasan_sumber("id").empty
    assert kemiskinan.penargetan(["PNPM-MP"], "id")["sumber"].tolist() == ["belum tercatat di katalog"]


# ------------------------------------------------------------------ the page

def jalankan(**url) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/kemiskinan.py"), default_timeout=60)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def test_page_renders_on_demo_data(demo_aktif, katalog_tambahan):
    at = jalankan(kab="13.72")
    assert not at.exception
    assert at.title[0].value == "Data Kemiskinan"
    teks = " ".join(m.value for m in at.markdown)
    assert "Selisih antarsumber" in teks and "Mengapa berbeda" in teks
    assert at.segmented_control[0].value == 2023


def test_page_with_an_empty_selection_says_there_is_no_data(demo_aktif):
    at = jalankan(kab="13.72", tahun="2003-2005")     # the demo's poverty data starts in 2011
    assert not at.exception
    assert any("Belum ada data" in i.value for i in at.info)


@pytest.mark.parametrize("url", [{"kel": "13.72.01.1004"}, {}, {"kab": "99.99"}, {"tahun": "abc"}, {"lang": "en", "kab": "62.03"},
                                 {"program": "KOTAKU", "kab": "18.72"}, {"kab": "13.72", "tahun": "2008-2014"}])
def test_page_renders_for_other_selections(demo_aktif, url):
    at = jalankan(**url)
    assert not at.exception


def test_choosing_another_data_year_reruns_without_error(demo_aktif):
    at = jalankan(kab="13.72")
    at.segmented_control[0].set_value(2015).run()
    assert not at.exception
    assert any("Rumah tangga miskin 2015" in m.value for m in at.markdown)
