"""Hostile URL parameters on every page: SQL fragments, unknown codes, huge lists, wrong types, unicode.
Each gives no exception and a notice, and nothing from the URL reaches a query except validated values."""
import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from pantau import db

ROOT = Path(__file__).resolve().parent.parent
HALAMAN = re.findall(r'st\.Page\("(pages/[a-z_]+\.py)"', (ROOT / "app.py").read_text(encoding="utf-8"))
KASUS = {
    "sql": {"kab": "13.72'); drop table blm_pencairan; --"},
    "kode_tidak_dikenal": {"kel": "99.99.99.9999"},
    "daftar_besar": {"program": ",".join(["PNPM-MP"] * 5000)},
    "tipe_salah": {"tahun": "dua ribu"},
    "unicode": {"kab": "١٣.٧٢", "tahun": "２００８-２０１４"},
    "kosong": {"kec": ""},
}


@pytest.fixture(scope="module", autouse=True)
def _demo(folder_demo):
    import os
    lama = os.environ.get("PANTAU_DATA")
    os.environ["PANTAU_DATA"] = str(folder_demo)
    yield
    if lama is None:
        os.environ.pop("PANTAU_DATA")
    else:
        os.environ["PANTAU_DATA"] = lama


def test_every_registered_page_is_covered():
    assert len(HALAMAN) >= 6 and "pages/metodologi.py" in HALAMAN


@pytest.mark.parametrize("halaman", HALAMAN)
@pytest.mark.parametrize("kasus", KASUS)
def test_hostile_url_gives_a_notice_and_no_exception(halaman, kasus, monkeypatch):
    dipanggil = []
    asli = db.run

    def rekam(name, version_id, **params):
        dipanggil.append(params)
        return asli(name, version_id, **params)

    monkeypatch.setattr(db, "run", rekam)
    st.cache_data.clear()          # every query of this run goes through db.run and is checked
    at = AppTest.from_file(str(ROOT / halaman), default_timeout=120)
    for k, v in KASUS[kasus].items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    assert len(at.warning) >= 1, f"{halaman} showed no notice for {kasus}"
    mentah = [str(v) for v in KASUS[kasus].values() if v]
    assert dipanggil, "the page ran no query"
    for params in dipanggil:
        for nilai in params.values():
            assert all(m not in str(nilai) for m in mentah), (halaman, kasus, nilai)
