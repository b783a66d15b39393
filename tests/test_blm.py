"""BLM page: figures checked against values worked out by hand on a small fixture, the seed totals on the
demo data, and the page itself (AppTest) for the demo data, an empty selection and one kelurahan."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pantau import blm, charts_blm, fmt, katalog
from pantau.i18n import t
from pantau.pilihan import Pilihan

ROOT = Path(__file__).resolve().parent.parent
A, B, C = "13.72.01.1001", "13.72.01.1002", "18.72.01.1001"     # two in Kota Solok, one in Kota Metro
JUTA = 1_000_000


def _pencairan() -> pd.DataFrame:
    kolom = ["id_pencairan", "kode_kelurahan", "program", "tahun", "tahap", "komponen", "nilai_blm_rp",
             "nilai_ddub_rp", "nilai_swadaya_rp", "pemanfaat", "pemanfaat_miskin", "pemanfaat_perempuan"]
    baris = [("p1", A, "PNPM-MP", 2010, 1, "lingkungan", 60, 10, 5, 100, 60, 50),
             ("p2", A, "PNPM-MP", 2010, 2, None, 40, 0, 0, 20, 15, 12),          # komponen not given
             ("p3", A, "PNPM-MP", 2011, 1, "ekonomi", 100, 20, 0, 40, 30, 20),
             ("p4", B, "PNPM-MP", 2010, 1, "sosial", 120, 20, 10, 50, 30, 25),
             ("p5", C, "KOTAKU", 2017, 1, "lingkungan", 300, 100, 50, 300, 120, 150),
             ("p6", C, "KOTAKU", 2017, 2, "lingkungan", 150, 0, 15, None, None, None)]   # no beneficiary count
    df = pd.DataFrame(baris, columns=kolom)
    for k in ("nilai_blm_rp", "nilai_ddub_rp", "nilai_swadaya_rp"):
        df[k] = df[k] * JUTA
    return df.assign(kode_bkm=df.kode_kelurahan + ".B", tanggal_cair=[date(a, 4 + b, 1) for a, b in
                                                                       zip(df.tahun, df.tahap)],
                     kegiatan="uji", sumber="uji")


def fixture_blm() -> dict[str, pd.DataFrame]:
    """Pagu: A 100 (2010) + 125 (2011), B 200 (2010), C 500 (2017) juta; cair as in `_pencairan`.
    Pemetaan Swadaya: A 50 KK (2009), 80 KK (2011), 999 KK (2020, after the years used); B none; C 150 KK
    (2016). A BPS count for A must be ignored."""
    return {
        "lokasi_program": pd.DataFrame({
            "kode_kelurahan": [A, B, C], "program": ["PNPM-MP", "PNPM-MP", "KOTAKU"], "tahun_mulai": [2010, 2010, 2016],
            "tahun_selesai": [2011, 2011, None], "jenis_lokasi": [None, None, "peningkatan"],
            "kode_bkm": [A + ".B", B + ".B", C + ".B"], "nama_bkm": ["BKM A", "BKM B", "BKM C"], "sumber": "uji"}),
        "blm_alokasi": pd.DataFrame({
            "kode_kelurahan": [A, A, B, C], "program": ["PNPM-MP", "PNPM-MP", "PNPM-MP", "KOTAKU"],
            "tahun": [2010, 2011, 2010, 2017], "pagu_rp": [100 * JUTA, 125 * JUTA, 200 * JUTA, 500 * JUTA],
            "sumber": "uji"}),
        "blm_pencairan": _pencairan(),
        "data_kemiskinan": pd.DataFrame({
            "kode_kelurahan": [A, A, A, A, C], "tahun": [2009, 2011, 2020, 2011, 2016],
            "sumber": ["PS", "PS", "PS", "BPS", "PS"], "rumah_tangga_miskin": [50, 80, 999, 500, 150],
            "jiwa_miskin": [200, 320, 4000, 2000, 600]}),
    }


@pytest.fixture
def versi_blm(buat_versi):
    return buat_versi(fixture_blm())


def _data(wilayah: str = "", tahun: tuple[int, int] = (2008, 2017), program: tuple[str, ...] = (),
          lang: str = "id") -> blm.Ringkasan:
    return blm.ringkasan(Pilihan(wilayah, tahun[0], tahun[1], program, lang))


# ---------------------------------------------------------------- totals, shares, leverage, progress
def test_totals_over_all_areas(versi_blm):
    jumlah = blm.total(_data())
    assert jumlah["nilai_blm_rp"] == 770 * JUTA            # 60 + 40 + 100 + 120 + 300 + 150
    assert jumlah["nilai_ddub_rp"] == 150 * JUTA           # 10 + 0 + 20 + 20 + 100 + 0
    assert jumlah["nilai_swadaya_rp"] == 80 * JUTA         # 5 + 0 + 0 + 10 + 50 + 15
    assert jumlah["pagu_rp"] == 925 * JUTA                 # 100 + 125 + 200 + 500
    assert jumlah["tidak_dirinci_rp"] == 40 * JUTA
    assert jumlah["jumlah_kelurahan"] == 3
    assert (jumlah["pemanfaat"], jumlah["pemanfaat_miskin"], jumlah["pemanfaat_perempuan"]) == (510, 255, 257)


def test_component_shares_leave_out_the_unassigned_part(versi_blm):
    # assigned: lingkungan 60 + 300 + 150 = 510, sosial 120, ekonomi 100 -> 730 (the 40 'tidak dirinci' left out)
    porsi = blm.porsi_komponen(_data())
    assert porsi["lingkungan"] == pytest.approx(510 / 730)
    assert porsi["sosial"] == pytest.approx(120 / 730)
    assert porsi["ekonomi"] == pytest.approx(100 / 730)


def test_headline_numbers(versi_blm):
    total, komponen, lev, progres = _data().angka
    assert total.nilai == "Rp 770 juta"
    assert total.catatan == "Rp 770.000.000 · 3 kelurahan/desa"
    assert komponen.nilai == "70 / 16 / 14 %"               # 69,9 / 16,4 / 13,7 %
    assert komponen.catatan.startswith("Rp 40 juta tidak dirinci")
    assert lev.nilai == "29,9 %"                           # (80 + 150) / 770 = 0,2987
    assert progres.nilai == "83,2 %"                       # 770 / 925 = 0,8324
    assert progres.status == "sedang" and progres.aturan_sendiri
    assert progres.catatan == katalog.indikator("progres_pencairan").label_status("sedang", "id")


def test_leverage_and_progress_per_area(versi_blm):
    w = blm.per_wilayah(_data()).set_index("kode")
    # Kota Metro: BLM 450, DDUB 100, swadaya 65, pagu 500; Kota Solok: BLM 320, DDUB 50, swadaya 15, pagu 425
    assert w.loc["18.72", "leverage"] == pytest.approx(165 / 450)
    assert w.loc["13.72", "leverage"] == pytest.approx(65 / 320)
    assert w.loc["18.72", "progres"] == pytest.approx(0.9)
    assert w.loc["18.72", "status_progres"] == "baik"        # 90 % is the lower bound of 'baik', inclusive
    assert w.loc["13.72", "progres"] == pytest.approx(320 / 425)
    assert w.loc["13.72", "status_progres"] == "sedang"


def test_ranking_by_total_largest_first(versi_blm):
    assert blm.per_wilayah(_data()).kode.tolist() == ["18.72", "13.72"]          # 450 > 320 juta
    assert blm.per_wilayah(_data("13.72.01")).kode.tolist() == [A, B]            # 200 > 120 juta


# ---------------------------------------------------------------- Rp per poor household (PS)
def test_rp_per_poor_household_uses_latest_ps_up_to_the_last_year(versi_blm):
    w = blm.per_wilayah(_data()).set_index("kode")
    # Kota Solok: only A has PS (80 KK in 2011; 2020 is after 2017, BPS ignored) -> 200 juta / 80
    assert w.loc["13.72", "rp_per_kk_miskin"] == pytest.approx(200 * JUTA / 80)
    assert w.loc["13.72", "keterangan_ps"] == "PS 2011; hanya 1 dari 2 kelurahan/desa punya data PS"
    assert w.loc["18.72", "rp_per_kk_miskin"] == pytest.approx(450 * JUTA / 150)
    assert w.loc["18.72", "keterangan_ps"] == "PS 2016"
    # ranked per household: Metro 3,0 juta above Solok 2,5 juta
    assert blm.ujung(blm.per_wilayah(_data()), "rp_per_kk_miskin").kode.tolist() == ["18.72", "13.72"]


def test_rp_per_poor_household_missing_gets_a_dash_and_a_reason(versi_blm):
    w = blm.per_wilayah(_data("13.72.01")).set_index("kode")
    assert pd.isna(w.loc[B, "rp_per_kk_miskin"])
    assert w.loc[B, "keterangan_ps"] == "tidak ada data PS sampai tahun 2017"
    assert blm.tanpa_ps(_data("13.72.01")) == 1
    tabel = blm.tabel_wilayah(_data("13.72.01"))
    tampil = fmt.tabel(tabel.df, tabel.format, "id")
    assert tampil[t("blm.kolom.rp_per_kk_miskin", "id")].tolist() == ["Rp 2.500.000", "–"]


def test_rp_per_poor_household_follows_the_last_selected_year(versi_blm):
    # 2010 only: A's latest PS up to 2010 is 2009 (50 KK); A's BLM in 2010 is 60 + 40 = 100 juta
    w = blm.per_wilayah(_data("13.72.01", (2010, 2010))).set_index("kode")
    assert w.loc[A, "rp_per_kk_miskin"] == pytest.approx(100 * JUTA / 50)


# ---------------------------------------------------------------- per year, per tahap, lagging
def test_per_year_by_programme_and_cumulative(versi_blm):
    r = _data()
    per = blm.per_tahun(r, "program").set_index(["tahun", "program"]).nilai_blm_rp
    assert per.to_dict() == {(2010, "PNPM-MP"): 220 * JUTA, (2011, "PNPM-MP"): 100 * JUTA,
                             (2017, "KOTAKU"): 450 * JUTA}
    assert blm.kumulatif(r).kumulatif_rp.tolist() == [220 * JUTA, 320 * JUTA, 770 * JUTA]


def test_progress_per_year_with_status(versi_blm):
    df = blm.progres_tahunan(_data()).set_index("tahun")
    assert df.progres.tolist() == pytest.approx([220 / 300, 100 / 125, 450 / 500])
    assert df.status.tolist() == ["sedang", "sedang", "baik"]


def test_per_tahap_components_and_cumulative_share_of_pagu(versi_blm):
    df = blm.tahap_pagu(_data()).set_index(["tahun", "program", "tahap"])
    assert df.loc[(2010, "PNPM-MP", 1), ["lingkungan", "sosial", "ekonomi", "tidak_dirinci"]].tolist() == [
        60 * JUTA, 120 * JUTA, 0, 0]
    assert df.loc[(2010, "PNPM-MP", 2), "tidak_dirinci"] == 40 * JUTA
    # cumulative cair after each tahap ÷ the year's pagu: 180/300, 220/300; KOTAKU 300/500, 450/500
    assert df.progres.tolist() == pytest.approx([180 / 300, 220 / 300, 100 / 125, 300 / 500, 450 / 500])


def test_lagging_kelurahan_slowest_first_and_the_boundary_is_not_lagging(versi_blm):
    df = blm.tertinggal(_data())
    # B 120/200 = 60 % (buruk), A 200/225 = 88,9 % (sedang); C at exactly 90 % is 'baik' and not listed
    assert df.kode_kelurahan.tolist() == [B, A]
    assert df.progres.tolist() == pytest.approx([0.6, 200 / 225])
    assert df.status.tolist() == ["buruk", "sedang"]
    assert df.set_index("kode_kelurahan").loc[A, "tahun_terendah"] == 2011        # 100/125 < 100/100
    assert df.set_index("kode_kelurahan").loc[A, "progres_terendah"] == pytest.approx(0.8)


def test_leverage_and_beneficiaries_per_year(versi_blm):
    dana = blm.dana_tahunan(_data()).set_index("tahun")
    assert dana.leverage.tolist() == pytest.approx([45 / 220, 20 / 100, 165 / 450])
    orang = blm.pemanfaat_tahunan(_data()).set_index("tahun")
    assert orang.loc[2010, ["pemanfaat", "pemanfaat_miskin", "pemanfaat_perempuan"]].tolist() == [170, 105, 87]
    assert orang.loc[2017, "porsi_perempuan"] == pytest.approx(150 / 300)    # p6 has no count


def test_programme_filter(versi_blm):
    assert blm.total(_data(program=("KOTAKU",)))["nilai_blm_rp"] == 450 * JUTA
    assert blm.tertinggal(_data(program=("KOTAKU",))).empty


def test_division_by_zero_shows_a_dash_with_a_reason(buat_versi):
    frames = fixture_blm()
    frames["blm_alokasi"] = frames["blm_alokasi"].iloc[:0]          # no pagu at all
    buat_versi(frames)
    progres = _data().angka[3]
    assert progres.nilai == "–" and progres.status is None
    assert progres.catatan == t("blm.angka.tanpa_pagu", "id")


def test_pagu_without_any_disbursement_yet(buat_versi):
    frames = fixture_blm()
    frames["blm_pencairan"] = frames["blm_pencairan"].iloc[:0]      # allocated, nothing paid
    buat_versi(frames)
    r = _data()
    assert not r.kosong
    total, komponen, lev, progres = r.angka
    assert (total.nilai, komponen.nilai, lev.nilai, progres.nilai) == ("Rp 0", "–", "–", "0,0 %")
    assert lev.catatan == t("blm.angka.tanpa_blm", "id") and progres.status == "buruk"
    assert blm.tertinggal(r).kode_kelurahan.tolist() == [A, B, C]           # all at 0 %, ties by code
    at = jalankan(tahun="2010-2017")
    assert not at.exception


def test_drillable_charts_carry_region_codes(versi_blm):
    r = _data()
    kode = {c[0] for tr in charts_blm.wilayah_total(r).data for c in tr.customdata}
    assert kode == {"18.72", "13.72"}
    assert [c[0] for c in charts_blm.tertinggal(r).data[0].customdata] == [B, A]
    assert charts_blm.per_tahun(r, "komponen").layout.separators == ",."


# ---------------------------------------------------------------- seed facts on the demo data
def test_demo_kota_solok_2008_2014(demo_aktif):
    r = _data("13.72", (2008, 2014))
    assert blm.total(r)["nilai_blm_rp"] == 9_381_893_000
    assert blm.total(r)["jumlah_kelurahan"] == 13
    assert r.angka[0].catatan == "Rp 9.381.893.000 · 13 kelurahan/desa"
    assert blm.per_wilayah(r).nilai_blm_rp.sum() == 9_381_893_000


def test_demo_serang_p2kp1_tahap_2_components(demo_aktif):
    df = blm.tahap_pagu(_data("36.04", (2003, 2024), ("P2KP-1",))).set_index("tahap")
    assert df.loc[2, ["ekonomi", "lingkungan", "sosial", "tidak_dirinci"]].tolist() == [
        2_132_470_000, 1_158_080_000, 189_450_000, 120_000_000]
    assert df.loc[2, "nilai_blm_rp"] == 3_600_000_000
    assert blm.total(_data("36.04", (2004, 2004), ("P2KP-1",)))["jumlah_kelurahan"] == 19


# ---------------------------------------------------------------- the page (AppTest)
def jalankan(**url) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/blm.py"), default_timeout=60)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def _teks(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_page_on_the_fixture_shows_the_hand_computed_headline(versi_blm):
    at = jalankan(tahun="2010-2017")
    assert not at.exception
    assert "Rp 770.000.000 · 3 kelurahan/desa" in _teks(at)
    assert "83,2 %" in _teks(at) and "29,9 %" in _teks(at)


def test_page_on_demo_kota_solok(demo_aktif):
    at = jalankan(kab="13.72", tahun="2008-2014")
    assert not at.exception
    assert at.title[0].value == t("blm.judul", "id")
    assert "Rp 9.381.893.000 · 13 kelurahan/desa" in _teks(at)


def test_page_on_demo_serang_p2kp1_shows_the_tahap_2_components(demo_aktif):
    at = jalankan(kab="36.04", program="P2KP-1")
    assert not at.exception
    tahap = at.dataframe[0].value
    baris = tahap[tahap[t("blm.kolom.tahap", "id")] == 2].iloc[0]
    assert baris[t("blm.kolom.blm_ekonomi_rp", "id")] == "Rp 2.132.470.000"
    assert baris[t("blm.kolom.blm_lingkungan_rp", "id")] == "Rp 1.158.080.000"
    assert baris[t("blm.kolom.blm_sosial_rp", "id")] == "Rp 189.450.000"
    assert baris[t("blm.kolom.blm_tidak_dirinci_rp", "id")] == "Rp 120.000.000"
    assert baris[t("blm.kolom.nilai_blm_rp", "id")] == "Rp 3.600.000.000"


def test_page_empty_selection_says_no_data(demo_aktif):
    at = jalankan(kab="18.72", tahun="2003-2005")          # Kota Metro has no programme before 2009
    assert not at.exception
    assert any(i.value == t("umum.kosong", "id") for i in at.info)
    assert len(at.dataframe) == 0


def test_page_for_one_kelurahan(demo_aktif):
    at = jalankan(kel="13.72.01.1001", tahun="2008-2014")
    assert not at.exception
    assert "· 1 kelurahan/desa" in _teks(at)
    assert not at.warning


def test_page_switches_split_and_shows_every_table(demo_aktif):
    at = jalankan(kab="13.72")
    at.segmented_control(key="blm_dimensi").set_value("program").run()
    for tombol in at.toggle:
        tombol.set_value(True)
    at.run()
    assert not at.exception
    assert len(at.dataframe) == len(at.toggle)
    assert at.toggle(key="blm_tabel_wilayah").value


def test_page_in_english_and_with_a_bad_url(demo_aktif):
    at = jalankan(lang="en", kab="99.99")
    assert not at.exception
    assert at.title[0].value == t("blm.judul", "en")
    assert len(at.warning) == 1


@pytest.mark.parametrize("wilayah,awal,akhir", [("", 2003, 2024), ("13.72", 2008, 2014), ("13.72", 1995, 1999)])
def test_total_blm_from_one_query_equals_the_pages_total(demo_aktif, wilayah, awal, akhir):
    p = Pilihan(wilayah, awal, akhir)
    r = blm.ringkasan(p)
    assert blm.nilai_blm(p) == (None if r.kosong else blm.total(r)["nilai_blm_rp"])
