"""URL parameters -> filter choice: valid values kept, anything else falls back with a notice."""
import pytest

from pantau.pilihan import Pilihan, dari_url, normalisasi_kode

WILAYAH = frozenset({"13", "13.72", "13.72.01", "13.72.01.1001", "18", "18.72"})
PROGRAM = ["PNPM-MP", "KOTAKU"]


def pilih(**url) -> Pilihan:
    return dari_url(url, WILAYAH, (2003, 2024), PROGRAM)


def test_defaults_when_no_parameters():
    p = pilih()
    assert (p.wilayah, p.tahun_awal, p.tahun_akhir, p.program, p.lang, p.catatan) == ("", 2003, 2024, (), "id", ())
    assert p.params() == {"wilayah": "", "tahun_awal": 2003, "tahun_akhir": 2024, "program": []}


def test_readable_url_round_trip():
    p = pilih(kab="13.72", tahun="2008-2014", program="PNPM-MP", lang="en")
    assert (p.wilayah, p.tahun_awal, p.tahun_akhir, p.program, p.lang) == ("13.72", 2008, 2014, ("PNPM-MP",), "en")
    assert p.ke_url() == {"kab": "13.72", "tahun": "2008-2014", "program": "PNPM-MP", "lang": "en"}
    assert pilih(**p.ke_url()) == p


def test_prefix_selects_children_not_siblings():
    assert pilih(kab="13.72").prefix == "13.72."          # not 13.7 matching 13.71
    assert pilih(kel="13.72.01.1001").prefix == "13.72.01.1001"
    assert pilih().prefix == ""


def test_deepest_consistent_level_wins():
    assert pilih(prov="13", kab="13.72", kec="13.72.01").wilayah == "13.72.01"
    p = pilih(prov="18", kab="13.72")
    assert p.wilayah == "18" and p.catatan[0][0] == "umum.catatan.kode_tidak_cocok"


@pytest.mark.parametrize("url, kunci", [
    ({"kab": "99.99"}, "umum.catatan.kode_tidak_dikenal"),
    ({"kab": "13.72'; drop table blm_pencairan; --"}, "umum.catatan.kode_salah"),
    ({"kel": "13.72"}, "umum.catatan.kode_salah"),
    ({"kab": "x" * 5000}, "umum.catatan.kode_salah"),
    ({"kab": "١٣.٧٢"}, "umum.catatan.kode_salah"),
    ({"tahun": "abc"}, "umum.catatan.tahun_salah"),
    ({"tahun": "1990-1995"}, "umum.catatan.tahun_luar"),
    ({"tahun": "2000-2010"}, "umum.catatan.tahun_dipangkas"),
    ({"program": "PNPM-MP,HACK"}, "umum.catatan.program_salah"),
    ({"lang": "fr"}, "umum.catatan.bahasa_salah"),
])
def test_bad_parameters_fall_back_with_a_notice(url, kunci):
    p = pilih(**url)
    assert [c[0] for c in p.catatan] == [kunci]
    assert p.wilayah in ("", "13.72", "13", "18")
    assert 2003 <= p.tahun_awal <= p.tahun_akhir <= 2024


def test_trimmed_and_reversed_years():
    p = pilih(tahun="2010-2000")
    assert (p.tahun_awal, p.tahun_akhir) == (2003, 2010)
    assert pilih(tahun="2015").tahun_awal == pilih(tahun="2015").tahun_akhir == 2015


def test_program_kept_in_catalogue_order_and_unknown_dropped():
    assert pilih(program="KOTAKU,PNPM-MP,XYZ").program == ("PNPM-MP", "KOTAKU")


def test_list_valued_parameters_take_the_last():
    assert pilih(kab=["18.72", "13.72"]).wilayah == "13.72"


@pytest.mark.parametrize("teks, kode", [("1372", "13.72"), ("13.72", "13.72"), ("1372011001", "13.72.01.1001"),
                                        (" 13 ", "13"), ("137", None), ("13.72.01.10011", None), ("ab", None),
                                        ("", None)])
def test_normalisasi_kode(teks, kode):
    assert normalisasi_kode(teks) == kode
