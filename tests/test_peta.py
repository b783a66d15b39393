"""The offline map: polygons where a GeoJSON feature exists, centroid circles elsewhere, problems reported."""
import json

import pandas as pd
import pytest

from pantau import katalog, peta


def _kotak(x, y, d=0.01):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    fitur = [
        {"type": "Feature", "id": "13.72.01.1001", "properties": {"code": "13.72.01.1001"}, "geometry": _kotak(100.6, -0.8)},
        {"type": "Feature", "properties": {"kode": "1372011002"}, "geometry": _kotak(100.62, -0.8)},
        {"type": "Feature", "id": "13.72.01.1003", "properties": {}, "geometry": {"type": "Polygon", "coordinates": []}},
        {"type": "Feature", "id": "99.99.99.9999", "properties": {}, "geometry": _kotak(1, 1)},
    ]
    (tmp_path / "kel.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": fitur}))
    (tmp_path / "rusak.geojson").write_text("bukan json {")
    monkeypatch.setenv("PANTAU_BATAS", str(tmp_path))
    return tmp_path


def test_reading_the_folder_keeps_valid_features_and_reports_problems(folder):
    b = peta.batas()
    assert sorted(b.fitur) == ["13.72.01.1001", "13.72.01.1002"]      # code from id, and from undotted 'kode'
    alasan = sorted((m[0], m[2]) for m in b.masalah)
    assert alasan == [("kel.geojson", "peta.masalah.geometri_rusak"), ("kel.geojson", "peta.masalah.kode_tidak_dikenal"),
                      ("rusak.geojson", "peta.masalah.bukan_geojson")]


def test_polygons_and_centroid_fallback_with_values_and_no_data(folder):
    df = pd.DataFrame({"kode": ["13.72.01.1001", "13.72.01.1002", "13.72.01.1004"],
                       "nama": ["A", "B", "C"], "nilai": [100.0, None, 300.0],
                       "lat": [-0.79, -0.79, -0.8], "lon": [100.6, 100.62, 100.65]})
    fig = peta.peta(df, "id", satuan="angka")
    jenis = [t.type for t in fig.data]
    assert jenis == ["choropleth", "choropleth", "scattergeo"]
    kosong, isi, lingkaran = fig.data
    assert list(kosong.locations) == ["13.72.01.1002"] and kosong.colorscale[0][1] == katalog.warna(None)
    assert list(isi.locations) == ["13.72.01.1001"] and list(isi.z) == [100.0]
    assert [c[0] for c in lingkaran.customdata] == ["13.72.01.1004"]
    assert "300" in lingkaran.hovertext[0]


def test_status_colours_map_one_to_one(folder):
    df = pd.DataFrame({"kode": ["13.72.01.1001", "13.72.01.1002"], "nama": ["A", "B"], "nilai": [0.05, 0.3],
                       "status": ["baik", "buruk"], "lat": [None, None], "lon": [None, None]})
    fig = peta.peta(df, "id", satuan="persen")
    (trace,) = fig.data
    assert list(trace.z) == [0, 1]
    assert [c[1] for c in trace.colorscale] == [katalog.warna("baik"), katalog.warna("buruk")]


def test_without_boundaries_everything_is_circles(tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_BATAS", str(tmp_path / "tidak-ada"))
    df = pd.DataFrame({"kode": ["13.72", "18.72"], "nama": ["Solok", "Metro"], "nilai": [4.0, 1.0],
                       "lat": [-0.8, -5.1], "lon": [100.6, 105.3]})
    (trace,) = peta.peta(df, "id", satuan="angka").data
    assert trace.type == "scattergeo"
    assert list(trace.marker.size) == [42.0, 25.0]        # 8 + 34 * sqrt(v / max): 8+34*1, 8+34*0.5


def test_map_config_points_plotly_at_the_local_topojson():
    assert peta.config("id")["topojsonURL"] == "/app/static/topojson/"
