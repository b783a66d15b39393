"""The indicator catalogue: completeness, and band edges read from it (not from code)."""
import pytest

from pantau import katalog, metodologi
from pantau.i18n import strings


def test_every_indicator_has_names_formula_unit_direction_source_confidence():
    for ind in katalog.semua():
        for kunci in ("kelompok", "nama", "rumus", "satuan", "arah", "sumber", "keyakinan"):
            assert kunci in ind.raw, (ind.id, kunci)
        assert ind.raw["keyakinan"] in katalog.KEYAKINAN
        assert ind.nama("id") and ind.nama("en") and ind.rumus("id") and ind.rumus("en")
        assert ind.raw["kelompok"] in metodologi.KELOMPOK


@pytest.mark.parametrize("ind, nilai, status", [
    ("lar", 0.0999, "baik"), ("lar", 0.10, "sedang"), ("lar", 0.20, "sedang"), ("lar", 0.2001, "buruk"),
    ("par", 0.10, "sedang"), ("par", 0.33, "buruk"),
    ("rr", 0.90, "sedang"), ("rr", 0.9001, "baik"), ("rr", 0.80, "sedang"), ("rr", 0.7999, "buruk"),
    ("ccr", 1.25, "sedang"), ("ccr", 1.2501, "baik"), ("ccr", 1.0, "sedang"), ("ccr", 0.99, "buruk"),
    ("roi", 0.0, "sedang"), ("roi", -0.01, "buruk"), ("roi", 0.10, "sedang"), ("roi", 0.11, "baik"),
    ("akses_air_minum", 1.0, "baik"), ("akses_air_minum", 0.8, "sedang"), ("akses_air_minum", 0.79, "buruk"),
    ("progres_pencairan", 0.9, "baik"), ("progres_pencairan", 0.69, "buruk"),
    ("lar", None, None), ("lar", float("nan"), None), ("total_blm", 5.0, None),
])
def test_band_edges(ind, nilai, status):
    assert katalog.status(ind, nilai) == status


def test_status_labels_and_colours():
    assert katalog.indikator("lar").label_status("buruk", "id") == "Penundaan"
    assert katalog.indikator("lar").label_status("baik", "en") == "Satisfactory"
    assert katalog.warna("buruk") != katalog.warna("baik")
    assert katalog.warna(None) == katalog.data()["status"]["kosong"]["warna"]


def test_own_rules_are_flagged():
    sendiri = {i.id for i in katalog.semua() if i.aturan_sendiri}
    assert {"status_upk", "kolektibilitas", "progres_pencairan"} <= sendiri
    assert "lar" not in sendiri


def test_metodologi_band_table_reads_the_catalogue():
    tabel = metodologi.tabel_pita(katalog.indikator("lar"), "id")
    assert tabel.iloc[:, 0].tolist() == ["Memuaskan", "Memadai", "Penundaan"]
    assert tabel.iloc[0, 2] == "10 % (tidak termasuk)"


def test_locales_have_the_same_keys_in_both_languages():
    assert set(strings("id")) == set(strings("en"))
