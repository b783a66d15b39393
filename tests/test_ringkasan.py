"""Ringkasan: the comparisons, cards and attention score checked against values worked out by hand on a small
fixture, and the page itself (AppTest) for the demo data, an empty selection, one kelurahan and bad URLs."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pantau import ringkasan
from pantau.i18n import t
from pantau.pilihan import Pilihan
from tests.conftest import kecil

ROOT = Path(__file__).resolve().parent.parent
A, B, C = "13.72.01.1001", "13.72.01.1002", "18.72.01.1001"
JUTA = 1_000_000


def fixture_ringkasan() -> dict[str, pd.DataFrame]:
    """`kecil()` plus what a comparison needs: BLM 50 juta for A in 2009, the loan book of December 2009
    (nobody overdue), and the 2018 figures of C (1050 KK, 900 with water, 800 with sanitation, 10 ha slum)."""
    d = kecil()
    d["blm_pencairan"] = pd.concat([d["blm_pencairan"], pd.DataFrame({
        "id_pencairan": ["p0"], "kode_kelurahan": [A], "kode_bkm": [A + ".B"], "program": ["PNPM-MP"], "tahun": [2009],
        "tahap": [1], "tanggal_cair": [date(2009, 5, 1)], "komponen": ["lingkungan"], "nilai_blm_rp": [50 * JUTA],
        "nilai_ddub_rp": [0], "nilai_swadaya_rp": [0], "kegiatan": ["jalan"], "pemanfaat": [10],
        "pemanfaat_miskin": [5], "pemanfaat_perempuan": [5], "sumber": ["uji"]})], ignore_index=True)
    lalu = d["pinjaman_bulanan"].assign(periode=date(2009, 12, 1), tahun=2009, saldo_pinjaman_rp=[1_000_000, 500_000],
                                        tunggakan_angsuran=[0, 0])
    d["pinjaman_bulanan"] = pd.concat([lalu, d["pinjaman_bulanan"]], ignore_index=True)
    d["indikator_permukiman"] = pd.concat([d["indikator_permukiman"], pd.DataFrame({
        "kode_kelurahan": [C], "tahun": [2018], "jumlah_kk": [1050], "kk_air_minum_layak": [900],
        "kk_sanitasi_layak": [800], "luas_wilayah_ha": [300.0], "luas_kumuh_ha": [10.0], "sumber": ["uji"]})],
        ignore_index=True)
    return d


@pytest.fixture
def versi_ringkasan(buat_versi):
    return buat_versi(fixture_ringkasan())


def _ringkasan(wilayah: str, awal: int, akhir: int, periode=None, lang="id") -> ringkasan.Ringkasan:
    return ringkasan.ringkasan(Pilihan(wilayah, awal, akhir, (), lang), periode, 2019)


# ---------------------------------------------------------------- periods
def test_previous_period_has_the_same_length():
    assert ringkasan.periode_lalu(2008, 2014) == (2001, 2007)
    assert ringkasan.periode_lalu(2010, 2010) == (2009, 2009)


# ---------------------------------------------------------------- the comparisons on the fixture
def test_blm_compares_with_the_years_just_before(versi_ringkasan):
    r = _ringkasan("", 2010, 2010, date(2010, 12, 1))
    u = r.ukuran["blm"]
    # 2010: 60 + 40 + 150 = 250 juta; 2009: 50 juta -> (250 − 50) ÷ 50 = +400 %
    assert (u.nilai, u.lalu, u.pembanding) == (250 * JUTA, 50 * JUTA, "2009")
    assert r.angka[0].nilai == "Rp 250 juta"
    assert r.angka[0].catatan.startswith("▲ 400,0 % vs 2009")


def test_upk_and_par_compare_with_december_of_the_year_before(versi_ringkasan):
    r = _ringkasan("", 2010, 2010, date(2010, 12, 1))
    upk, par = r.ukuran["upk"], r.ukuran["par"]
    # December 2010: KSM 2 (300 rb) is 3 instalments overdue of 900 rb + 300 rb -> PAR 25 %; LAR 1 of 2 = 50 %
    # -> Penundaan. December 2009: nobody overdue -> PAR 0 %, no UPK in Penundaan.
    assert par.nilai == pytest.approx(0.25) and par.lalu == pytest.approx(0.0)
    assert par.pembanding == "Desember 2009" and par.status == "buruk"
    assert (upk.nilai, upk.lalu, r.jumlah_upk) == (1, 0, 1)
    assert r.angka[1].nilai == "1 dari 1"
    assert r.angka[2].catatan.startswith("▲ 25,0 poin vs Desember 2009")
    assert "PAR 25,0 % (Penundaan), memburuk 25,0 poin dari 0,0 % pada Desember 2009." in r.kalimat[1]


def test_water_slum_sanitation_compare_with_the_year_before(versi_ringkasan):
    r = _ringkasan("18.72", 2016, 2019)
    air, kumuh, sanitasi = (r.ukuran[k] for k in ("air", "kumuh", "sanitasi"))
    # 2019: 1100 ÷ 1100 = 100 %, 880 ÷ 1100 = 80 %, 5 ha; 2018: 900 ÷ 1050, 800 ÷ 1050, 10 ha
    assert air.nilai == pytest.approx(1.0) and air.lalu == pytest.approx(900 / 1050)
    assert sanitasi.nilai == pytest.approx(0.8) and sanitasi.lalu == pytest.approx(800 / 1050)
    assert (kumuh.nilai, kumuh.lalu, kumuh.pembanding) == (5.0, 10.0, "2018")
    kartu = {a.label: a for a in r.angka}
    # 100 − 85,71 = 14,29 -> 14,3 points; 80 − 76,19 = 3,81 -> 3,8 points; 5 − 10 = −5 ha
    assert kartu["Akses air minum layak — 2019"].catatan.startswith("▲ 14,3 poin vs 2018")
    assert kartu["Akses sanitasi layak — 2019"].catatan.startswith("▲ 3,8 poin vs 2018")
    assert kartu["Luas permukiman kumuh — 2019"].catatan.startswith("▼ 5,0 ha vs 2018")
    # water met 100 % in the target year 2019; slum and sanitation did not
    assert ("Menuju 100-0-100 (tahun target 2019; nilai 2019): air minum (100,0 %) tercapai pada 2019; luas kumuh "
            "(5,0 ha) dan sanitasi (80,0 %) tidak tercapai pada 2019.") in r.kalimat


def test_no_comparison_is_said_not_hidden(versi_ringkasan):
    r = _ringkasan("18.72", 2016, 2019)
    # BLM 2016–2019 against 2012–2015, when nothing was paid in Kota Metro
    assert r.ukuran["blm"].lalu is None
    assert r.angka[0].catatan.startswith("tanpa data 2012–2015 untuk dibandingkan")
    assert r.angka[1].nilai == "–"               # no loans in Kota Metro


def test_nothing_at_all_is_empty(versi_ringkasan):
    assert _ringkasan("18.72", 2003, 2005).kosong


# ---------------------------------------------------------------- attention score (own rule)
def _skor():
    upk = pd.DataFrame({"kode_kelurahan": ["A", "B"], "status_upk": ["buruk", "sedang"], "pemicu": ["PAR 30,0 %", ""]})
    kel = pd.DataFrame({"kode": ["A", "B", "C", "D"], "air": [0.9, 1.0, 0.6, 1.0], "kurang_air": [0.1, 0.0, 0.4, 0.0],
                        "sanitasi": [0.8, 0.95, 1.0, 1.0], "kurang_sanitasi": [0.2, 0.05, 0.0, 0.0],
                        "kumuh_ha": [4.0, 0.0, 3.0, 0.0], "garis_dasar_ha": [8.0, 5.0, 0.0, 2.0]})
    lambat = pd.DataFrame({"kode_kelurahan": ["B"], "progres": [0.6]})
    return upk, kel, lambat


def test_attention_score_by_hand():
    s = ringkasan.skor_perhatian(*_skor()).set_index("kode")
    # A: UPK Penundaan 3 + slum 2 × 4/8 = 1 + water 10 × 0,1 = 1 + sanitation 10 × 0,2 = 2 -> 7
    # C: slum without an SK baseline counts whole: 2 × 1 = 2 + water 10 × 0,4 = 4 -> 6
    # B: sanitation 10 × 0,05 = 0,5 + disbursement 10 × (1 − 0,6) = 4 -> 4,5;  D: nothing -> left out
    assert list(s.index) == ["A", "C", "B"]
    assert s.skor.tolist() == pytest.approx([7.0, 6.0, 4.5])
    assert s.loc["A", ["poin_upk", "poin_kumuh", "poin_air", "poin_sanitasi", "poin_pencairan"]].tolist() == \
        pytest.approx([3.0, 1.0, 1.0, 2.0, 0.0])


def test_attention_triggers_of_a_kelurahans_failing_upks_are_joined():
    upk = pd.DataFrame({"kode_kelurahan": ["A", "A", "A", "B"], "status_upk": ["buruk", "buruk", "sedang", "baik"],
                        "pemicu": ["PAR 30,0 %", "RR 80,0 %", "LAR 9,0 %", ""]})
    _, kel, lambat = _skor()
    s = ringkasan.skor_perhatian(upk, kel, lambat).set_index("kode")
    assert s.loc["A", "pemicu"] == "PAR 30,0 %; RR 80,0 %"        # the 'sedang' UPK's figure is not a trigger
    assert bool(s.loc["A", "buruk"]) and not bool(s.loc["B", "buruk"]) and s.loc["B", "pemicu"] == ""
    assert s.loc["A", "poin_upk"] == pytest.approx(3.0) and s.loc["B", "poin_upk"] == 0


def test_attention_weights_are_the_named_constant():
    bobot = {**ringkasan.bobot_perhatian(), "upk_penundaan": 0.0}
    s = ringkasan.skor_perhatian(*_skor(), bobot=bobot).set_index("kode")
    assert s.loc["A", "skor"] == pytest.approx(4.0)          # 7 − 3


def test_attention_weights_follow_the_catalogue(monkeypatch):
    from pantau import katalog
    data = katalog.data()
    lama = data["indikator"]["skor_perhatian"]
    entri = {**lama, "bobot": {**lama["bobot"], "upk_penundaan": 5.0}}
    monkeypatch.setattr(katalog, "data", lambda: {**data, "indikator": {**data["indikator"], "skor_perhatian": entri}})
    assert ringkasan.bobot_perhatian()["upk_penundaan"] == 5.0
    s = ringkasan.skor_perhatian(*_skor()).set_index("kode")
    assert s.loc["A", "skor"] == pytest.approx(9.0)          # 7 − 3 + 5
    assert "UPK Penundaan = 5 poin" in ringkasan.aturan_perhatian("id")


def test_attention_reason_in_words_largest_first():
    s = ringkasan.skor_perhatian(*_skor()).set_index("kode")
    assert ringkasan.alasan(s.loc["A"], "id") == ("UPK Penundaan: PAR 30,0 %; sanitasi 80,0 %; kumuh tersisa 4,0 ha "
                                                  "dari 8,0 ha (SK); air minum 90,0 %")
    assert ringkasan.alasan(s.loc["C"], "id") == "air minum 60,0 %; kumuh 3,0 ha tanpa garis dasar SK"
    assert ringkasan.alasan(s.loc["B"], "id") == "BLM cair 60,0 % dari pagu; sanitasi 95,0 %"


def test_attention_list_on_the_fixture(versi_ringkasan):
    r = _ringkasan("", 2010, 2010, date(2010, 12, 1))
    # A: UPK Penundaan (LAR 50 %, PAR 25 %) -> 3; B: cair 150 of pagu 200 juta = 75 % -> 10 × 0,25 = 2,5
    assert r.perhatian.kode.tolist() == [A, B]
    assert r.perhatian.skor.tolist() == pytest.approx([3.0, 2.5])
    assert r.perhatian.alasan.tolist() == ["UPK Penundaan: LAR 50,0 %, PAR 25,0 %", "BLM cair 75,0 % dari pagu"]
    assert r.kalimat[-1].startswith(f"Paling perlu perhatian: {r.perhatian.nama.iloc[0]} (UPK Penundaan")


# ---------------------------------------------------------------- the page (AppTest)
def jalankan(**url) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/ringkasan.py"), default_timeout=90)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def _teks(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_page_on_the_fixture_shows_the_hand_computed_numbers(versi_ringkasan):
    at = jalankan(tahun="2010")
    assert not at.exception
    teks = _teks(at)
    assert "Rp 250 juta" in teks and "▲ 400,0 % vs 2009" in teks and "25,0 %" in teks


def test_page_on_demo_kota_solok(demo_aktif):
    at = jalankan(kab="13.72", tahun="2008-2014")
    assert not at.exception
    assert at.title[0].value == t("ringkasan.judul", "id")
    teks = _teks(at)
    assert "Rp 9,38 miliar" in teks                          # the seed total of Kota Solok 2008–2014
    kalimat = [m.value for m in at.markdown if m.value.startswith("- ")][0].split("\n")
    assert 3 <= len(kalimat) <= 5
    assert len(at.table) == 1                                # the attention list
    assert {b.label for b in at.button} >= {t("ringkasan.tombol.presentasi", "id")}


def test_page_empty_selection_says_no_data(demo_aktif):
    at = jalankan(kab="18.72", tahun="2003-2005")          # Kota Metro has no programme before 2009
    assert not at.exception
    assert any(i.value == t("umum.kosong", "id") for i in at.info)


def test_page_for_one_kelurahan(demo_aktif):
    at = jalankan(kel="13.72.01.1001")
    assert not at.exception
    assert "Tanah Garam" in _teks(at)


def test_page_bad_report_month_and_target_give_notices(demo_aktif):
    at = jalankan(kab="13.72", periode="2099-13", target="abc")
    assert not at.exception
    assert len(at.warning) == 2


def test_page_in_english(demo_aktif):
    at = jalankan(kab="13.72", lang="en")
    assert not at.exception
    assert at.title[0].value == "Summary"
    assert "Key messages" in [s.value for s in at.subheader]


def test_presentation_button_switches_the_url_to_presentation_mode(demo_aktif):
    at = jalankan(kab="13.72")
    at.button(key="ringkasan_presentasi").click().run()
    assert at.query_params["mode"] == "presentasi"
