"""The search box: regions of the dataset by name or code, case- and accent-insensitive, best matches first, and
a click on a result jumps there (a kelurahan: to its profile)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from pantau import cari

ROOT = Path(__file__).resolve().parent.parent
WILAYAH = pd.DataFrame({
    "kode": ["13", "13.72", "13.72.01", "13.72.01.1001", "13.72.01.1002", "13.72.02", "13.72.02.1005", "18.72.01.1001"],
    "tingkat": ["provinsi", "kabkota", "kecamatan", "kelurahan", "kelurahan", "kecamatan", "kelurahan", "kelurahan"],
    "nama": ["Sumatera Barat", "Kota Solok", "Lubuk Sikarah", "Tanah Garam", "VI Suku", "Tanjung Harapan",
             "Kampung Jawa", "Sungaí Garam"],
})
IDX = cari.indeks(WILAYAH)


def _kode(teks: str) -> list[str]:
    return cari.cari(teks, IDX).kode.tolist()


def test_plain_text_ignores_case_accents_and_punctuation():
    assert cari.polos("  Kótá  SOLOK, ") == "kota solok"
    assert cari.polos("Sungaí-Garam") == "sungai garam"


def test_name_matches_start_of_name_then_start_of_word_then_anywhere():
    # 'garam': no name starts with it; both 'Tanah Garam' and 'Sungaí Garam' have a word starting with it
    assert _kode("GARAM") == ["18.72.01.1001", "13.72.01.1001"]      # same rank, same level: alphabetical
    assert _kode("tan") == ["13.72.02", "13.72.01.1001"]             # names starting with 'tan', kecamatan first
    assert _kode("suku") == ["13.72.01.1002"]
    assert _kode("ung") == ["13.72.02", "13.72.02.1005", "18.72.01.1001"]   # anywhere: Tanjung; Kampung, Sungai


def test_code_with_or_without_dots_exact_first_then_its_children():
    assert _kode("13.72.01.1001") == ["13.72.01.1001"]
    assert _kode("137201") == ["13.72.01", "13.72.01.1001", "13.72.01.1002"]
    assert _kode("1372")[:2] == ["13.72", "13.72.01"]


def test_kota_and_kabupaten_in_front_of_a_name_do_not_count():
    # 'solok': Kota Solok's name without 'Kota' is exactly 'solok' (rank 2, before any name merely starting
    # with the text); 'kota solok' finds it too
    assert _kode("solok") == ["13.72"] and _kode("kota solok") == ["13.72"]


def test_parents_are_named_and_nothing_for_blank_or_unknown():
    induk = IDX.set_index("kode").induk
    assert induk["13.72.01.1001"] == "Lubuk Sikarah, Kota Solok"          # kelurahan: kecamatan, kab/kota
    assert induk["13.72.01"] == "Kota Solok" and induk["13.72"] == "Sumatera Barat"
    assert _kode("   ") == [] and _kode("zzz") == [] and _kode("9999") == []
    assert len(cari.cari("a" * 500, IDX)) == 0                        # long input is cut, never an error


def _jalankan(path: str = "pages/metodologi.py", **url) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=60)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def test_search_box_in_the_sidebar_jumps_to_a_kab_kota(demo_aktif):
    at = _jalankan()
    at.text_input(key="f_cari").input("solok").run()
    assert not at.exception
    tombol = [b for b in at.button if b.key == "f_cari_13.72"]
    assert tombol and "Kota Solok" in tombol[0].label
    tombol[0].click().run()
    assert at.query_params["kab"] == "13.72" and "kec" not in at.query_params
    assert at.text_input(key="f_cari").value == ""


def test_search_box_on_a_kelurahan_sets_it_when_the_profile_is_not_in_the_app(demo_aktif):
    at = _jalankan()
    at.text_input(key="f_cari").input("tanah garam").run()
    next(b for b in at.button if b.key == "f_cari_13.72.01.1001").click().run()
    assert not at.exception
    assert at.query_params["kel"] == "13.72.01.1001"


def test_search_box_says_when_nothing_matches(demo_aktif):
    at = _jalankan()
    at.text_input(key="f_cari").input("tidak ada di mana-mana").run()
    assert any("Tidak ada wilayah" in c.value for c in at.sidebar.caption)
