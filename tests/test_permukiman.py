"""100-0-100: trajectories and reductions worked out by hand, the page's summary on small fixtures and on the
demo (Kota Metro's 2019 target, every slum class present), and the page itself through AppTest."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pantau import kumuh, permukiman
from pantau.pilihan import Pilihan
from tests.conftest import kecil

ROOT = Path(__file__).resolve().parent.parent


def _baris(**nilai) -> pd.DataFrame:
    kolom = ("nilai_pertama", "tahun_pertama", "nilai_terakhir", "tahun_terakhir", "nilai_di_target",
             "tahun_di_target", "nilai_dasar", "tahun_dasar")
    return pd.DataFrame([{k: nilai.get(k, np.nan) for k in kolom}])


# ------------------------------------------------------------------ trajectory (own rule)
def test_water_on_track_when_the_actual_pace_reaches_100_percent_by_the_target_year():
    # 60 % in 2015 -> 80 % in 2019: actual pace (0.80 − 0.60) ÷ 4 = 0.05 a year;
    # required (1 − 0.60) ÷ (2024 − 2015) = 0.0444; projection 2024 = 0.80 + 0.05 × 5 = 1.05 -> capped at 1.0
    # -> on track; gap now 1 − 0.80 = 0.20
    r = permukiman.lintasan(_baris(nilai_pertama=0.6, tahun_pertama=2015, nilai_terakhir=0.8, tahun_terakhir=2019,
                                   nilai_di_target=0.8, tahun_di_target=2019, nilai_dasar=0.6, tahun_dasar=2015),
                            1.0, 2024, "naik").iloc[0]
    assert r.laju_aktual == pytest.approx(0.05)
    assert r.laju_perlu == pytest.approx(0.4 / 9)
    assert r.proyeksi == pytest.approx(1.0)
    assert r.kesenjangan == pytest.approx(0.2)
    assert r.status == "sesuai_jalur"


def test_water_off_track_when_the_pace_is_too_slow():
    # 72 % in 2015 -> 80 % in 2019: pace 0.02 a year; projection 2024 = 0.80 + 0.02 × 5 = 0.90 < 1 -> off track
    r = permukiman.lintasan(_baris(nilai_pertama=0.72, tahun_pertama=2015, nilai_terakhir=0.8, tahun_terakhir=2019,
                                   nilai_di_target=0.8, tahun_di_target=2019, nilai_dasar=0.72, tahun_dasar=2015),
                            1.0, 2024, "naik").iloc[0]
    assert r.proyeksi == pytest.approx(0.9)
    assert r.status == "tidak_sesuai_jalur"


@pytest.mark.parametrize("di_target, harapan", [(0.8, "tidak_tercapai"), (1.0, "tercapai")])
def test_when_the_data_reach_the_target_year_the_value_in_that_year_decides(di_target, harapan):
    r = permukiman.lintasan(_baris(nilai_pertama=0.6, tahun_pertama=2015, nilai_terakhir=1.0, tahun_terakhir=2023,
                                   nilai_di_target=di_target, tahun_di_target=2019, nilai_dasar=0.6,
                                   tahun_dasar=2015), 1.0, 2019, "naik").iloc[0]
    assert r.status == harapan


def test_slum_hectares_against_the_sk_baseline():
    # SK 2016: 20 ha; 20 ha in 2016 -> 5 ha in 2019: actual pace (5 − 20) ÷ 3 = −5 ha a year; required to
    # reach 0 ha by 2021 = (0 − 20) ÷ (2021 − 2016) = −4 ha a year; projection 2021 = 5 − 5 × 2 = −5 -> 0 ha
    # -> on track
    r = permukiman.lintasan(_baris(nilai_pertama=20.0, tahun_pertama=2016, nilai_terakhir=5.0, tahun_terakhir=2019,
                                   nilai_di_target=5.0, tahun_di_target=2019, nilai_dasar=20.0, tahun_dasar=2016),
                            0.0, 2021, "turun").iloc[0]
    assert (r.laju_aktual, r.laju_perlu, r.proyeksi, r.kesenjangan) == pytest.approx((-5.0, -4.0, 0.0, 5.0))
    assert r.status == "sesuai_jalur"


def test_too_little_data_cannot_be_judged():
    satu_tahun = _baris(nilai_pertama=0.7, tahun_pertama=2019, nilai_terakhir=0.7, tahun_terakhir=2019,
                        nilai_di_target=0.7, tahun_di_target=2019, nilai_dasar=0.7, tahun_dasar=2019)
    assert permukiman.lintasan(satu_tahun, 1.0, 2024, "naik").status.iloc[0] == "tidak_dinilai"
    # target year before the first chosen year: nothing to judge it by
    sesudah = _baris(nilai_pertama=0.7, tahun_pertama=2020, nilai_terakhir=0.9, tahun_terakhir=2023,
                     nilai_dasar=0.7, tahun_dasar=2020)
    assert permukiman.lintasan(sesudah, 1.0, 2019, "naik").status.iloc[0] == "tidak_dinilai"
    assert permukiman.lintasan(_baris(), 1.0, 2024, "naik").status.iloc[0] == "tidak_dinilai"


def test_met_now_with_a_later_target_year_is_met():
    r = permukiman.lintasan(_baris(nilai_pertama=0.9, tahun_pertama=2015, nilai_terakhir=1.0, tahun_terakhir=2019,
                                   nilai_di_target=1.0, tahun_di_target=2019, nilai_dasar=0.9, tahun_dasar=2015),
                            1.0, 2024, "naik").iloc[0]
    assert r.status == "tercapai"
    assert r.kesenjangan == 0


# ------------------------------------------------------------------ slum reduction
def test_reduction_and_why_it_is_missing():
    # (20 − 5) ÷ 20 = 0.75; a 0 ha baseline is a division by zero; no figure for now gives no reduction either
    nilai, alasan = permukiman.pengurangan([20.0, 0.0, 10.0], [5.0, 3.0, np.nan])
    assert nilai[0] == pytest.approx(0.75)
    assert np.isnan(nilai[1]) and np.isnan(nilai[2])
    assert alasan.tolist() == ["", "garis_dasar_nol", "tanpa_data"]


def test_reduction_bands_drawn_as_hectares_on_the_bullet():
    # pengurangan_kumuh: baik ≥ 100 %, sedang 50–100 %, buruk < 50 %; baseline 100 ha, axis to 105 ha
    # -> baik [0, 0] ha, sedang [0, 50] ha, buruk [50, 105] ha
    assert permukiman.pita_langkah("kumuh", 100.0, 105.0) == [(0.0, 0.0, "baik"), (0.0, 50.0, "sedang"),
                                                               (50.0, 105.0, "buruk")]
    assert permukiman.pita_langkah("kumuh", 0.0, 1.0) == []


# ------------------------------------------------------------------ target year from the URL
@pytest.mark.parametrize("mentah, harapan, catatan", [
    (None, 2021, None), ("", 2021, None), ("2024", 2024, None), (" 2030 ", 2030, None),
    ("abc", 2019, "permukiman.target.salah"), ("20199", 2019, "permukiman.target.salah"),
    ("1990", 2019, "permukiman.target.luar"), ("2099", 2019, "permukiman.target.luar")])
def test_target_year_from_the_url(mentah, harapan, catatan):
    tahun, salah = permukiman.baca_target(mentah, 2021)
    assert tahun == harapan
    assert (salah[0] if salah else None) == catatan


# ------------------------------------------------------------------ kawasan: change between assessments
def test_change_between_the_first_and_latest_assessment():
    total = pd.DataFrame({
        "kode_kawasan": ["A", "A", "B", "B", "C", "C", "D"], "tahun": [2016, 2023, 2016, 2023, 2016, 2019, 2016],
        "total": [36, 10, 20, 30, 45, 40, 60], "kelas": ["ringan", "tidak", "ringan", "ringan", "sedang", "sedang",
                                                         "berat"],
        "nama_kawasan": list("AABBCCD"), "kode_kelurahan": "k", "nama_kelurahan": "n"})
    hasil = kumuh.perubahan(total).set_index("kode_kawasan")
    assert hasil.arah.to_dict() == {"A": "keluar", "B": "memburuk", "C": "membaik"}     # D assessed once: left out
    assert hasil.loc["B", ["total_awal", "total_akhir"]].tolist() == [20, 30]


def test_driving_aspects_are_the_ones_adding_most_points():
    aspek = pd.DataFrame({"kode_kawasan": "A", "tahun": 2019, "aspek": list("1234567"),
                          "skor": [3, 10, 0, 12, 2, 5, 0]})
    terakhir = pd.DataFrame({"kode_kawasan": ["A"], "tahun": [2019]})
    assert kumuh.pendorong(aspek, terakhir, "id").to_dict() == {"A": "Drainase (12), Jalan lingkungan (10)"}


def test_repeated_names_get_their_code():
    hasil = kumuh.label_unik(pd.Series(["Kawasan X", "Kawasan X", "Kawasan Y"]), pd.Series(["a", "b", "c"]))
    assert hasil.tolist() == ["Kawasan X (a)", "Kawasan X (b)", "Kawasan Y"]


# ------------------------------------------------------------------ the page's summary on a hand-made dataset
def test_summary_of_the_small_fixture_with_target_2019(data_kecil):
    # Kota Metro, 18.72.01.1001: 2016 1000 KK (700 water, 600 sanitation, 20 ha slum),
    # 2019 1100 KK (1100, 880, 5 ha); SK 2016: 20 ha. Water 2019 = 1100/1100 = 100 % -> met;
    # sanitation 880/1100 = 80 % -> missed;
    # slum 5 ha left in 2019 -> missed; reduction (20 − 5) ÷ 20 = 75 % -> 'sedang' band (50–100 %)
    data = permukiman.ringkasan(Pilihan("18.72", 2016, 2019), 2019)
    assert data.status == {"air": "tercapai", "kumuh": "tidak_tercapai", "sanitasi": "tidak_tercapai"}
    air, kumuh_, sanitasi = data.angka
    assert (air.nilai, sanitasi.nilai, kumuh_.nilai) == ("100,0 %", "80,0 %", "5,0 ha")
    assert kumuh_.status == "sedang" and "berkurang 75,0 %" in kumuh_.catatan and "20,0 ha" in kumuh_.catatan
    assert "masih tersisa 5,0 ha" in data.kalimat[1]
    # the fixture's kawasan: 4 × 5 + 4 × 3 + 4 × 1 + 4 × 0 = 36 -> light slum
    tabel = data.kawasan["tabel_kawasan"].df
    assert tabel["Skor total"].tolist() == [36] and tabel["Kelas"].tolist() == ["Kumuh ringan"]


def test_summary_of_the_small_fixture_with_a_later_target(data_kecil):
    # target 2021 (after the data): sanitation pace (0.80 − 0.60) ÷ 3 = 0.0667 a year -> 0.80 + 0.0667 × 2 = 0.933
    # -> off track; slum pace (5 − 20) ÷ 3 = −5 ha a year -> 5 − 10 < 0 -> on track; required (0 − 20) ÷ 5 = −4 ha
    data = permukiman.ringkasan(Pilihan("18.72", 2016, 2019), 2021)
    assert data.status == {"air": "tercapai", "kumuh": "sesuai_jalur", "sanitasi": "tidak_sesuai_jalur"}
    lintasan = data.tabel_wilayah["kumuh"].df.iloc[0]
    assert lintasan["Laju perlu per tahun"] == pytest.approx(-4.0)
    assert lintasan["Laju aktual per tahun"] == pytest.approx(-5.0)
    assert data.jalur["kumuh"] == (2016, 20.0, 2021, 0.0)


def test_a_zero_baseline_shows_a_dash_with_the_reason(buat_versi):
    frames = kecil()
    frames.pop("kawasan_kumuh")                      # no SK Kumuh area: the baseline is 0 ha
    frames.pop("penilaian_kumuh")
    buat_versi(frames)
    data = permukiman.ringkasan(Pilihan("18.72", 2016, 2019), 2019)
    kumuh_ = data.angka[1]
    assert kumuh_.status is None
    assert "berkurang –" in kumuh_.catatan and "garis dasar 0 ha" in kumuh_.catatan
    tabel = data.tabel_wilayah["kesenjangan"].df.iloc[0]
    assert pd.isna(tabel["Pengurangan kumuh"]) and "tidak dapat dihitung" in tabel["Keterangan"]
    assert data.kawasan == {}


def test_nothing_chosen_is_empty(data_kecil):
    assert permukiman.ringkasan(Pilihan("13.72", 2008, 2014), 2019).kosong


# ------------------------------------------------------------------ the demo
def test_kota_metro_did_not_reach_0_ha_by_2019_in_the_demo(demo_aktif):
    data = permukiman.ringkasan(Pilihan("18.72", 2003, 2024), 2019)
    assert data.status["kumuh"] == "tidak_tercapai"
    kalimat = data.kalimat[1]
    assert "target 0 ha pada 2019 **tidak tercapai**" in kalimat and "masih tersisa" in kalimat
    tahun_2019 = data.tren.set_index("tahun").kumuh.loc[2019]
    assert tahun_2019 > 0 and permukiman.teks_nilai("kumuh", tahun_2019, "id") in kalimat


@pytest.mark.parametrize("wilayah", ["", "18.72"])
def test_the_demo_has_kawasan_in_every_class(demo_aktif, wilayah):
    kelas = permukiman.ringkasan(Pilihan(wilayah, 2003, 2024), 2019).kawasan["kelas_semua"]
    assert kelas == {"tidak", "ringan", "sedang", "berat"}


def test_above_kab_kota_the_breakdown_is_per_kab_kota(demo_aktif):
    data = permukiman.ringkasan(Pilihan("", 2003, 2024), 2019)
    assert data.satuan == "kabkota"
    assert set(data.tabel_wilayah["kesenjangan"].df["Kode"]) == {"13.72", "14.04", "18.72", "36.04", "62.03"}


# ------------------------------------------------------------------ the page (AppTest)
def jalankan(**url) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/permukiman.py"), default_timeout=60)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def _teks(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_page_renders_the_demo(demo_aktif):
    at = jalankan(kab="18.72")
    assert not at.exception
    assert at.title[0].value == "100-0-100"
    assert "Luas permukiman kumuh**: target 0 ha pada 2019 **tidak tercapai**" in _teks(at)
    assert len(at.get("plotly_chart")) >= 8
    assert any("Filter program tidak dipakai" in c.value for c in at.caption)


def test_page_with_an_empty_selection_says_there_is_no_data(demo_aktif):
    at = jalankan(tahun="2003-2010")
    assert not at.exception
    assert any("Belum ada data" in i.value for i in at.info)


def test_page_for_one_kelurahan_from_the_url(demo_aktif):
    at = jalankan(kel="18.72.01.1001")
    assert not at.exception
    assert at.warning.len == 0
    tabel = at.dataframe[0].value
    assert tabel["Kode"].tolist() == ["18.72.01.1001"]


def test_page_target_year_from_the_url(demo_aktif):
    at = jalankan(kab="18.72", target="2024")
    assert not at.exception
    assert at.selectbox(key=permukiman.KUNCI_TARGET).value == 2024
    assert "pada 2024" in _teks(at)


@pytest.mark.parametrize("target", ["abc", "1990", "2019' or 1=1"])
def test_page_bad_target_year_gives_a_notice_and_uses_2019(demo_aktif, target):
    at = jalankan(kab="18.72", target=target)
    assert not at.exception
    assert len(at.warning) == 1 and "memakai 2019" in at.warning[0].value
    assert at.selectbox(key=permukiman.KUNCI_TARGET).value == 2019


def test_page_in_english(demo_aktif):
    at = jalankan(kab="18.72", lang="en")
    assert not at.exception
    assert "was **missed**" in _teks(at)


def test_page_on_the_small_fixture(data_kecil):
    at = jalankan(kab="18.72")
    assert not at.exception
    assert "tidak tercapai" in _teks(at)


def test_choosing_a_target_year_goes_into_the_url_and_survives_a_filter_change(demo_aktif):
    at = jalankan(kab="18.72")
    at.selectbox(key=permukiman.KUNCI_TARGET).set_value(2024).run()
    assert not at.exception
    assert at.query_params["target"] == "2024"
    assert "pada 2024" in _teks(at)
    at.selectbox(key="f_kec").set_value("18.72.01").run()          # the filter bar rewrites the URL
    assert at.query_params["kec"] == "18.72.01"
    assert at.query_params["target"] == "2024"
    assert at.selectbox(key=permukiman.KUNCI_TARGET).value == 2024


def test_figures_are_built_on_demand_once_and_their_names_worked_out_once(data_kecil, monkeypatch):
    from pantau import charts_permukiman
    panggilan = []
    asli = permukiman.hitung
    monkeypatch.setattr(permukiman, "hitung", lambda *a, **k: panggilan.append(k.get("kawasan")) or asli(*a, **k))
    g = charts_permukiman.Gambar(permukiman.kunci(Pilihan("18.72", 2016, 2019), 2019), penuh=False)
    assert set(g) == {"bullet0", "bullet1", "bullet2", "tren_akses", "tren_kumuh", "peringkat", "kelas", "heatmap",
                      "aspek"}                                   # the fixture's one kawasan has no second assessment
    for _ in range(3):
        assert "perubahan" not in g and "kelas" in g
    assert len(panggilan) == 2                                   # the targets part and the full data, once each
    assert g["tren_akses"] is g["tren_akses"] and len(panggilan) == 3
