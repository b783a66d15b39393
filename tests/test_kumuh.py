"""Slum scoring (Permen PUPR 14/2018): % affected -> score 0/1/3/5 at every band edge, totals -> classes at
every class edge, a kawasan total worked out by hand, and the rule set read from the catalogue."""
import copy

import pandas as pd
import pytest

from pantau import katalog, kumuh
from pantau.schema import KRITERIA_KUMUH


# ------------------------------------------------------------------ scores: 0 (< 25), 1 (25–50), 3 (> 50–75), 5 (> 75)
@pytest.mark.parametrize("persen, harapan", [
    (0.0, 0), (24.9, 0), (25.0, 1), (50.0, 1), (50.1, 3), (75.0, 3), (75.1, 5), (100.0, 5)])
def test_skor_at_every_band_edge(persen, harapan):
    assert kumuh.skor(persen) == harapan


@pytest.mark.parametrize("persen", [None, float("nan"), -0.1, 100.1])
def test_skor_of_a_missing_or_impossible_percentage_is_none(persen):
    assert kumuh.skor(persen) is None


def test_vectorised_skor_equals_the_scalar_one_at_every_edge():
    nilai = pd.Series([0.0, 24.9, 25.0, 50.0, 50.1, 75.0, 75.1, 100.0, None, 120.0])
    hasil = kumuh.skor_vektor(nilai)
    assert hasil.iloc[:8].tolist() == [0, 0, 1, 1, 3, 3, 5, 5]
    assert hasil.iloc[8:].isna().all()


# ------------------------------------------------------------------ classes: < 16, 16–37, 38–59, 60–80
@pytest.mark.parametrize("total, harapan", [
    (0, "tidak"), (15, "tidak"), (16, "ringan"), (37, "ringan"), (38, "sedang"), (59, "sedang"), (60, "berat"),
    (80, "berat")])
def test_kelas_at_every_class_edge(total, harapan):
    assert kumuh.kelas(total) == harapan
    assert kumuh.kelas_vektor(pd.Series([total])).iloc[0] == harapan


def test_kelas_of_a_missing_total_is_none():
    assert kumuh.kelas(None) is None
    assert pd.isna(kumuh.kelas_vektor(pd.Series([None], dtype=float)).iloc[0])


# ------------------------------------------------------------------ a kawasan by hand
def _penilaian(persen: list[float], kode: str = "18.72.KW01", tahun: int = 2019) -> pd.DataFrame:
    return pd.DataFrame({"kode_kawasan": kode, "tahun": tahun, "kriteria": list(KRITERIA_KUMUH)[:len(persen)],
                         "persen_terdampak": persen})


def test_a_kawasan_total_and_class_by_hand():
    # 1a 80 -> 5, 1b 75 -> 3, 1c 75.1 -> 5 | 2a 50 -> 1, 2b 50.1 -> 3 | 3a 25 -> 1, 3b 24.9 -> 0
    # 4a 100 -> 5, 4b 0 -> 0, 4c 60 -> 3 | 5a 30 -> 1, 5b 90 -> 5 | 6a 10 -> 0, 6b 51 -> 3 | 7a 76 -> 5, 7b 49 -> 1
    # total = 5+3+5 + 1+3 + 1+0 + 5+0+3 + 1+5 + 0+3 + 5+1 = 41 -> sedang (38–59)
    df = _penilaian([80, 75, 75.1, 50, 50.1, 25, 24.9, 100, 0, 60, 30, 90, 10, 51, 76, 49])
    total = kumuh.total(kumuh.nilai(df))
    assert total.total.tolist() == [41]
    assert total.kelas.tolist() == ["sedang"]
    assert total.lengkap.tolist() == [True]
    aspek = kumuh.per_aspek(kumuh.nilai(df)).set_index("aspek").skor
    # aspect 1 = 5+3+5 = 13, 2 = 1+3 = 4, 3 = 1+0 = 1, 4 = 5+0+3 = 8, 5 = 1+5 = 6, 6 = 0+3 = 3, 7 = 5+1 = 6
    assert aspek.to_dict() == {"1": 13, "2": 4, "3": 1, "4": 8, "5": 6, "6": 3, "7": 6}


def test_the_fixture_kawasan_scores_36_light_slum():
    # conftest kecil(): 4 × 80 % (5) + 4 × 60 % (3) + 4 × 30 % (1) + 4 × 10 % (0) = 20 + 12 + 4 + 0 = 36 -> ringan
    df = _penilaian([80.0] * 4 + [60.0] * 4 + [30.0] * 4 + [10.0] * 4, tahun=2016)
    assert kumuh.total(kumuh.nilai(df)).iloc[0][["total", "kelas"]].tolist() == [36, "ringan"]


def test_a_kawasan_with_a_missing_sub_criterion_is_marked_incomplete():
    total = kumuh.total(kumuh.nilai(_penilaian([100.0] * 15)))
    assert total.total.tolist() == [75]          # 15 × 5
    assert total.jumlah_kriteria.tolist() == [15]
    assert total.lengkap.tolist() == [False]


# ------------------------------------------------------------------ the rule set comes from the catalogue
def test_the_default_rule_set_is_the_one_the_catalogue_names():
    assert kumuh.kode_aturan() == katalog.indikator("skor_kumuh").raw["aturan"] == "2018"
    assert len(kumuh.aturan()["kriteria"]) == 16


def test_the_2016_rule_set_has_its_own_class_bounds():
    # [aturan_kumuh."2016"]: berat ≥ 71, sedang ≥ 45, ringan ≥ 19
    assert [kumuh.kelas(x, "2016") for x in (18, 19, 44, 45, 70, 71)] == [
        "tidak", "ringan", "ringan", "sedang", "sedang", "berat"]
    assert len(kumuh.aturan("2016")["kriteria"]) == 19


def test_thresholds_are_read_from_the_catalogue_not_from_code(monkeypatch):
    data = copy.deepcopy(katalog.data())
    data["aturan_kumuh"]["2018"]["skor"][0]["atas"] = 30.0      # score 0 now below 30 %
    data["aturan_kumuh"]["2018"]["kelas"][0]["bawah"] = 70      # berat now from 70
    monkeypatch.setattr(katalog, "data", lambda: data)
    assert kumuh.skor(27.0) == 0
    assert kumuh.skor_vektor(pd.Series([27.0])).iloc[0] == 0
    assert kumuh.kelas(65) == "sedang"


def test_switching_the_catalogue_to_the_2016_rules_changes_the_default(monkeypatch):
    data = copy.deepcopy(katalog.data())
    data["indikator"]["skor_kumuh"]["aturan"] = "2016"
    monkeypatch.setattr(katalog, "data", lambda: data)
    assert kumuh.kelas(18) == "tidak"                            # would be ringan under 2018


def test_an_unknown_rule_set_is_a_clear_error():
    with pytest.raises(ValueError, match="tidak ada di katalog"):
        kumuh.aturan("1999")


def test_the_not_a_slum_class_is_the_lowest_one_of_the_rule_set():
    assert kumuh.bukan_kumuh() == "tidak" == kumuh.bukan_kumuh("2016")


def test_no_driving_aspect_when_every_score_is_zero():
    aspek = pd.DataFrame({"kode_kawasan": "A", "tahun": 2019, "aspek": list("1234567"), "skor": [0] * 7})
    assert kumuh.pendorong(aspek, pd.DataFrame({"kode_kawasan": ["A"], "tahun": [2019]}), "id").empty
