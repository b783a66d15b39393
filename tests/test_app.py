"""AppTest: the app and the Metodologi page render without exception, also with bad URL parameters."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def jalankan(path: str, **url) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=60)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def test_app_renders_on_demo(demo_aktif):
    at = jalankan("app.py")
    assert not at.exception
    assert at.title[0].value == "Ringkasan"


def test_metodologi_lists_every_indicator_from_the_catalogue(demo_aktif):
    from pantau import katalog
    at = jalankan("pages/metodologi.py")
    assert not at.exception
    teks = " ".join(m.value for m in at.markdown)
    for ind in katalog.semua():
        assert ind.nama("id") in teks


@pytest.mark.parametrize("url", [{"kab": "99.99"}, {"tahun": "abc"}, {"kab": "13.72' or 1=1 --"},
                                 {"program": "X" * 500}, {"lang": "zz"}])
def test_bad_url_parameter_gives_a_notice_not_an_exception(demo_aktif, url):
    at = jalankan("pages/metodologi.py", **url)
    assert not at.exception
    assert len(at.warning) == 1


def test_english_switch(demo_aktif):
    at = jalankan("pages/metodologi.py", lang="en")
    assert not at.exception
    assert at.title[0].value == "Methodology"


def test_filter_bar_follows_the_url(demo_aktif):
    at = jalankan("pages/metodologi.py", kab="13.72", tahun="2008-2014")
    assert at.selectbox(key="f_prov").value == "13"
    assert at.selectbox(key="f_kab").value == "13.72"
    assert at.slider(key="f_tahun").value == (2008, 2014)


def test_choosing_a_kab_in_the_filter_updates_the_url(demo_aktif):
    at = jalankan("pages/metodologi.py")
    at.selectbox(key="f_prov").set_value("13").run()
    assert at.query_params["prov"] == "13"
    at.selectbox(key="f_kab").set_value("13.72").run()
    assert at.query_params["kab"] == "13.72"
    assert "prov" not in at.query_params
