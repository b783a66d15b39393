"""Drill-down: the level below each filter level, which clicks move the filter, the URL a drill writes, a
kelurahan opening its profile, and a selection kept by a chart never pulling the page back down."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import AttributeDictionary

from pantau import filters, peta_halaman
from pantau.pilihan import Pilihan

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("wilayah, bawah", [("", "kabkota"), ("13", "kabkota"), ("13.72", "kecamatan"),
                                            ("13.72.01", "kelurahan"), ("13.72.01.1001", "kelurahan")])
def test_level_below(wilayah, bawah):
    assert filters.tingkat_bawah(Pilihan(wilayah, 2008, 2014)) == bawah


def test_areas_one_level_below_in_the_dataset(data_kecil):
    def kode(w):
        return peta_halaman.dasar(Pilihan(w, 2000, 2030)).kode.tolist()
    assert kode("") == ["13.72", "18.72"]
    assert kode("13") == ["13.72"]
    assert kode("13.72") == ["13.72.01"]
    assert kode("13.72.01") == ["13.72.01.1001", "13.72.01.1002"]
    assert kode("13.72.01.1001") == []                                 # one kelurahan: no map, its profile


def test_which_clicks_move_the_filter(data_kecil):
    assert filters.bisa_drill("13.72.01", "13.72")
    assert filters.bisa_drill("13.72.01.1001", "13.72.01")
    assert not filters.bisa_drill("13.72", "13.72")                    # the wilayah already shown
    assert not filters.bisa_drill("13.72", "13.72.01")                 # a parent: a kept selection going back up
    assert not filters.bisa_drill("99.99", "")                         # not in the data
    assert not filters.bisa_drill(None, "") and not filters.bisa_drill("", "13.72")


def test_profile_link_keeps_years_programmes_and_language():
    p = Pilihan("13.72", 2008, 2014, ("PNPM-MP",), "en")
    assert filters.url_profil("13.72.01.1001", p) == "profil?kel=13.72.01.1001&tahun=2008-2014&program=PNPM-MP&lang=en"
    assert filters.url_profil("13.72.01.1001") == "profil?kel=13.72.01.1001"


# ---------------------------------------------------------------- the BLM page through AppTest
def _klik(kode: str) -> AttributeDictionary:
    """What a Plotly chart holds in its widget state after a click on the area `kode`."""
    return AttributeDictionary({"selection": AttributeDictionary(
        {"points": [{"customdata": [kode]}], "point_indices": [0], "box": [], "lasso": []})})


def _blm(**url) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/blm.py"), default_timeout=60)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def test_click_on_a_kecamatan_drills_and_writes_the_url(data_kecil):
    at = _blm(kab="13.72", tahun="2008-2014")
    at.session_state["blm_wilayah@13.72#0"] = _klik("13.72.01")
    at.run()
    assert not at.exception
    assert at.query_params["kec"] == "13.72.01" and at.query_params["tahun"] == "2008-2014"
    assert "kab" not in at.query_params
    assert at.selectbox(key="f_kec").value == "13.72.01"


def test_click_on_the_map_drills_too(data_kecil):
    at = _blm(kab="13.72")
    at.session_state["blm_peta@13.72#0"] = _klik("13.72.01")
    at.run()
    assert at.query_params["kec"] == "13.72.01"


def test_click_on_a_kelurahan_outside_the_app_moves_the_filter_to_it(data_kecil):
    # run on its own the page has no Profil Kelurahan to switch to: the filter takes the kelurahan instead
    at = _blm(kec="13.72.01")
    at.session_state["blm_wilayah@13.72.01#0"] = _klik("13.72.01.1002")
    at.run()
    assert not at.exception and at.query_params["kel"] == "13.72.01.1002"


def test_click_on_a_kelurahan_in_the_app_opens_its_profile(data_kecil):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["kec"] = "13.72.01"
    at.switch_page("pages/blm.py").run()
    assert at.title[0].value.startswith("Bantuan Langsung Masyarakat")
    at.session_state["blm_wilayah@13.72.01#0"] = _klik("13.72.01.1002")
    at.run()
    assert not at.exception
    assert at.title[0].value == "Profil Kelurahan" and at.header[0].value == "VI Suku"
    assert at.query_params["kel"] == "13.72.01.1002"


def test_a_kept_selection_does_not_jump_back_down_after_going_up(data_kecil):
    at = _blm(kab="13.72")
    at.session_state["blm_wilayah@13.72#0"] = _klik("13.72.01")      # the click
    at.run()
    assert at.query_params["kec"] == "13.72.01"
    at.selectbox(key="f_kec").set_value("").run()                     # back up through the sidebar
    assert at.query_params["kab"] == "13.72" and "kec" not in at.query_params
    # the chart of this view still holding that click (as a browser may send it again) must not drill: after a
    # drill the chart is a new widget (`filters.kunci_grafik` counts drills), so the old selection is not its own
    at.session_state["blm_wilayah@13.72#0"] = _klik("13.72.01")
    at.run()
    assert not at.exception
    assert at.query_params["kab"] == "13.72" and "kec" not in at.query_params
    at.session_state["blm_wilayah@13.72#1"] = _klik("13.72.01")      # a new click on the same bar still drills
    at.run()
    assert at.query_params["kec"] == "13.72.01"
