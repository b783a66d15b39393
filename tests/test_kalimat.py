"""The briefing sentences on hand-made records: rising vs falling vs flat, better vs worse, on vs off track,
no comparison and no data. The data choose the template; the numbers go through `pantau.fmt`."""
from __future__ import annotations

import pandas as pd
import pytest

from pantau import kalimat
from pantau.kalimat import Ukuran

JUTA = 1_000_000


def blm(nilai, lalu, pembanding="2001–2007"):
    return Ukuran("blm", nilai, lalu, pembanding, "rupiah", "netral")


def persen(kunci, nilai, lalu, arah="naik", pembanding="2023"):
    return Ukuran(kunci, nilai, lalu, pembanding, "persen", arah)


# ---------------------------------------------------------------- direction of a change
@pytest.mark.parametrize("u, arah", [
    (blm(1500 * JUTA, 1200 * JUTA), "naik"),
    (blm(900 * JUTA, 1200 * JUTA), "turun"),
    (blm(1200 * JUTA, 1200 * JUTA), "tetap"),
    (blm(1200 * JUTA, None), "tanpa_banding"),
    (blm(1200 * JUTA, 0), "tanpa_banding"),            # zero base: a relative change is undefined
    (blm(None, 1200 * JUTA), "tanpa_data"),
    (persen("air", 0.1234, 0.1231), "tetap"),          # +0,03 points: rounds to 0,0 as shown
    (persen("air", 0.1240, 0.1231), "naik"),           # +0,09 points: shown as 0,1
    (Ukuran("kumuh", 29.0, 29.04, "2023", "hektar", "turun"), "tetap"),   # −0,04 ha rounds to 0,0 ha
    (Ukuran("upk", 3, 2, "Desember 2023", "angka", "turun"), "naik"),
])
def test_direction_of_change(u, arah):
    assert kalimat.arah(u) == arah


def test_better_or_worse_follows_the_catalogue_direction():
    assert kalimat.mutu(persen("par", 0.25, 0.15, arah="turun")) == "memburuk"   # PAR up is worse
    assert kalimat.mutu(persen("air", 0.95, 0.90, arah="naik")) == "membaik"
    assert kalimat.mutu(Ukuran("kumuh", 10.0, 15.0, "2023", "hektar", "turun")) == "membaik"
    assert kalimat.mutu(blm(1500 * JUTA, 1200 * JUTA)) == ""                  # BLM has no better direction


def test_size_of_change_in_its_unit():
    assert kalimat.teks_selisih(blm(1500 * JUTA, 1200 * JUTA), "id") == "25,0 %"   # (1,5 − 1,2) ÷ 1,2
    assert kalimat.teks_selisih(persen("air", 0.957, 0.948), "id") == "0,9 poin"   # 95,7 − 94,8
    assert kalimat.teks_selisih(Ukuran("kumuh", 29.0, 37.0, "", "hektar"), "id") == "8,0 ha"
    assert kalimat.teks_selisih(persen("air", 0.957, 0.948), "en") == "0.9 points"


# ---------------------------------------------------------------- BLM: rising, falling, flat, none
def test_blm_rising():
    teks = kalimat.blm(blm(1500 * JUTA, 1200 * JUTA), "2008–2014", "id")
    assert teks == "Total BLM 2008–2014 sebesar Rp 1,5 miliar, naik 25,0 % dibanding 2001–2007 (Rp 1,2 miliar)."


def test_blm_falling():
    # (900 − 1200) ÷ 1200 = −25 %
    teks = kalimat.blm(blm(900 * JUTA, 1200 * JUTA), "2008–2014", "id")
    assert teks == "Total BLM 2008–2014 sebesar Rp 900 juta, turun 25,0 % dibanding 2001–2007 (Rp 1,2 miliar)."


def test_blm_flat_without_comparison_and_without_data():
    assert "sama dengan 2001–2007" in kalimat.blm(blm(900 * JUTA, 900 * JUTA), "2008–2014", "id")
    assert "tidak ada BLM tercatat pada 2001–2007" in kalimat.blm(blm(900 * JUTA, None), "2008–2014", "id")
    assert kalimat.blm(blm(None, None), "2008–2014", "id") == "Belum ada BLM tercatat pada 2008–2014."


def test_blm_in_english():
    teks = kalimat.blm(blm(1500 * JUTA, 1200 * JUTA), "2008–2014", "en")
    assert teks == "Total BLM 2008–2014 was Rp 1.5 billion, up 25.0% on 2001–2007 (Rp 1.2 billion)."


# ---------------------------------------------------------------- revolving fund: Penundaan count and PAR
def test_upk_more_in_penundaan_and_par_worse():
    jumlah = Ukuran("upk", 3, 1, "Desember 2023", "angka", "turun")
    par = persen("par", 0.25, 0.15, arah="turun", pembanding="Desember 2023")
    teks = kalimat.upk(jumlah, 10, par, "Desember 2024", "Penundaan", "id")
    # 3 − 1 = 2 more UPKs; PAR 25 − 15 = 10 points worse
    assert teks == ("Pada Desember 2024, 3 dari 10 UPK berstatus Penundaan (bertambah 2 dari 1 pada Desember 2023). "
                    "PAR 25,0 % (Penundaan), memburuk 10,0 poin dari 15,0 % pada Desember 2023.")


def test_upk_none_in_penundaan_and_par_better():
    jumlah = Ukuran("upk", 0, 2, "Desember 2023", "angka", "turun")
    par = persen("par", 0.05, 0.12, arah="turun", pembanding="Desember 2023")
    teks = kalimat.upk(jumlah, 8, par, "Desember 2024", "Memuaskan", "id")
    assert teks.startswith("Pada Desember 2024, tidak satu pun dari 8 UPK berstatus Penundaan (berkurang 2 dari 2")
    assert "PAR 5,0 % (Memuaskan), membaik 7,0 poin dari 12,0 % pada Desember 2023." in teks


def test_upk_without_reports():
    teks = kalimat.upk(Ukuran("upk", None), 0, persen("par", None, None), "–", "", "id")
    assert teks == "Belum ada laporan pinjaman bergulir UPK untuk pilihan ini."


# ---------------------------------------------------------------- 100-0-100: on or off track
def _seratus(air=0.957, kumuh=29.0, sanitasi=0.882):
    return {"air": persen("air", air, None), "kumuh": Ukuran("kumuh", kumuh, None, "", "hektar", "turun"),
            "sanitasi": persen("sanitasi", sanitasi, None)}


def test_target_all_off_track():
    status = {"air": "tidak_tercapai", "kumuh": "tidak_tercapai", "sanitasi": "tidak_tercapai"}
    teks = kalimat.target(_seratus(), status, 2019, 2024, "id")
    assert teks == ("Target 100-0-100 (tahun target 2019; nilai 2024) meleset: air minum (95,7 %), luas kumuh "
                    "(29,0 ha) dan sanitasi (88,2 %) tidak tercapai pada 2019.")


def test_target_all_on_track():
    status = {"air": "tercapai", "kumuh": "sesuai_jalur", "sanitasi": "sesuai_jalur"}
    teks = kalimat.target(_seratus(air=1.0), status, 2030, 2024, "id")
    assert teks.startswith("Ketiga target 100-0-100 (tahun target 2030; nilai 2024) tercapai atau sesuai jalur:")
    assert "air minum (100,0 %) tercapai pada 2030; luas kumuh (29,0 ha) dan sanitasi (88,2 %) sesuai jalur" in teks


def test_target_mixed():
    status = {"air": "sesuai_jalur", "kumuh": "tidak_sesuai_jalur", "sanitasi": "tidak_dinilai"}
    teks = kalimat.target(_seratus(), status, 2030, 2024, "id")
    assert teks == ("Menuju 100-0-100 (tahun target 2030; nilai 2024): air minum (95,7 %) sesuai jalur; luas kumuh "
                    "(29,0 ha) tidak sesuai jalur; sanitasi (88,2 %) belum dapat dinilai.")


def test_target_without_data():
    kosong = {k: Ukuran(k, None) for k in ("air", "kumuh", "sanitasi")}
    assert kalimat.target(kosong, {}, 2019, None, "id") == \
        "Belum ada data air minum, sanitasi dan luas kumuh untuk pilihan ini."


def test_change_in_100_0_100_words_better_and_worse():
    u = {"air": persen("air", 0.957, 0.948), "kumuh": Ukuran("kumuh", 29.0, 37.0, "2023", "hektar", "turun"),
         "sanitasi": persen("sanitasi", 0.87, 0.882)}
    assert kalimat.perubahan_100(u, "id") == ("Dibanding 2023: akses air minum naik 0,9 poin (membaik), luas kumuh "
                                              "turun 8,0 ha (membaik) dan akses sanitasi turun 1,2 poin (memburuk).")
    tanpa = {k: Ukuran(k, 0.9, None, "2023", "persen") for k in ("air", "kumuh", "sanitasi")}
    assert kalimat.perubahan_100(tanpa, "id") is None


# ---------------------------------------------------------------- where it is worst
def test_attention_sentence():
    daftar = pd.DataFrame({"nama": ["Tanah Garam", "VI Suku", "IX Korong", "Nan Balimo"],
                           "alasan": ["UPK Penundaan: PAR 41,5 %", "sanitasi 68,3 %", "x", "y"]})
    assert kalimat.perhatian(daftar, "id") == ("Paling perlu perhatian: Tanah Garam (UPK Penundaan: PAR 41,5 %), "
                                               "disusul VI Suku dan IX Korong.")
    assert kalimat.perhatian(daftar.head(1), "id") == "Paling perlu perhatian: Tanah Garam (UPK Penundaan: PAR 41,5 %)."
    assert kalimat.perhatian(daftar.head(0), "id").startswith("Tidak ada kelurahan")


# ---------------------------------------------------------------- the whole set changes with the data
def _konteks(status=None):
    return {"tahun": "2008–2014", "bulan": "Desember 2014", "jumlah_upk": 10, "pita_par": "Memadai",
            "status": status or {"air": "tidak_tercapai", "kumuh": "tidak_tercapai", "sanitasi": "tidak_tercapai"},
            "tahun_target": 2019, "tahun_permukiman": 2014}


def _ukuran(blm_kini, par_kini):
    return {"blm": blm(blm_kini, 1200 * JUTA), "upk": Ukuran("upk", 2, 2, "Desember 2013", "angka", "turun"),
            "par": persen("par", par_kini, 0.12, "turun", "Desember 2013"),
            "air": persen("air", 0.9, 0.88, pembanding="2013"),
            "kumuh": Ukuran("kumuh", 12.0, 14.0, "2013", "hektar", "turun"),
            "sanitasi": persen("sanitasi", 0.8, 0.79, pembanding="2013")}


def test_three_to_five_sentences_that_follow_the_data():
    daftar = pd.DataFrame({"nama": ["A"], "alasan": ["sanitasi 60,0 %"]})
    naik = kalimat.semua(_ukuran(1500 * JUTA, 0.15), _konteks(), daftar, "id")
    turun = kalimat.semua(_ukuran(900 * JUTA, 0.10), _konteks(), daftar, "id")
    assert len(naik) == 5 and len(turun) == 5
    assert "naik 25,0 %" in naik[0] and "turun 25,0 %" in turun[0]
    assert "memburuk 3,0 poin" in naik[1] and "membaik 2,0 poin" in turun[1]
    tanpa_banding = {k: replace_lalu(u) for k, u in _ukuran(1500 * JUTA, 0.15).items()}
    assert len(kalimat.semua(tanpa_banding, _konteks(), daftar.head(0), "id")) == 4    # no 100-0-100 change


def replace_lalu(u: Ukuran) -> Ukuran:
    return Ukuran(u.kunci, u.nilai, None, u.pembanding, u.satuan, u.arah, u.status)
