"""Every queries/*.sql runs on the small fixture dataset and returns the columns its header promises."""
import re
from pathlib import Path

import pytest

from pantau import db

QUERIES = sorted(p.stem for p in (Path(__file__).resolve().parent.parent / "queries").glob("*.sql"))
CONTOH = {"wilayah": "", "tahun_awal": 2000, "tahun_akhir": 2030, "program": [], "periode": "2010-12-01",
          "tahun": 2019}


def _kolom_janji(name: str) -> list[str]:
    teks = db.header(name)["columns"]
    tanpa_kurung = re.sub(r"\([^)]*\)", "", teks)
    return [k.strip() for k in tanpa_kurung.split(",") if k.strip()]


def _contoh(name: str) -> dict:
    params = dict(CONTOH)
    for pasangan in filter(None, db.header(name).get("example", "").split(";")):
        kunci, _, nilai = pasangan.partition("=")
        params[kunci.strip()] = int(nilai) if nilai.strip().lstrip("-").isdigit() else nilai.strip()
    return params


@pytest.mark.parametrize("name", QUERIES)
def test_query_header_has_grain_params_columns(name):
    kepala = db.header(name)
    assert {"grain", "params", "columns"} <= kepala.keys(), name
    assert db.load_sql(name).splitlines()[0].startswith(f"-- {name}:")


@pytest.mark.parametrize("name", QUERIES)
def test_query_runs_on_fixture_and_returns_promised_columns(name, data_kecil):
    hasil = db.run(name, data_kecil.id, **_contoh(name))
    assert list(hasil.columns) == _kolom_janji(name)


def test_wilayah_dataset_on_fixture_lists_the_regions_and_their_parents(data_kecil):
    w = db.run("wilayah_dataset", data_kecil.id)
    assert w.kode.tolist() == ["13", "13.72", "13.72.01", "13.72.01.1001", "13.72.01.1002", "18", "18.72",
                               "18.72.01", "18.72.01.1001"]
    assert w.set_index("kode").loc["13.72", "nama"] == "Kota Solok"


def test_rentang_tahun_on_fixture(data_kecil):
    r = db.run("rentang_tahun", data_kecil.id)
    assert (int(r.tahun_min[0]), int(r.tahun_maks[0])) == (2008, 2019)


def test_query_names_are_whitelisted():
    with pytest.raises(ValueError):
        db.load_sql("../etc/passwd")
