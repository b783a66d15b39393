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


def test_a_circle_map_leaves_a_margin_so_edge_names_are_whole(tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_BATAS", str(tmp_path / "tidak-ada"))
    df = pd.DataFrame({"kode": ["13.72", "18.72"], "nama": ["Solok", "Metro"], "nilai": [4.0, 1.0],
                       "lat": [-0.8, -5.1], "lon": [100.6, 105.3]})
    geo = peta.peta(df, "id", satuan="angka").layout.geo
    # lon span 4.7 -> 1.175 either side; lat span 4.3 -> 1.075
    assert not geo.fitbounds
    assert list(geo.lonaxis.range) == pytest.approx([99.425, 106.475])
    assert list(geo.lataxis.range) == pytest.approx([-6.175, 0.275])
    satu = peta.batas_tampil(df.iloc[[0]])                # one circle: the minimum margin
    assert satu["lonaxis_range"] == pytest.approx([100.55, 100.65])


def test_map_config_points_plotly_at_the_local_topojson():
    assert peta.config("id")["topojsonURL"] == "/app/static/topojson/"


# ---------------------------------------------------------------- reports for the Kelola Data page
def test_problems_are_reported_as_a_table_not_a_crash(folder):
    (folder / "dunia.json").write_text('{"type": "Topology", "objects": {}}')
    laporan = peta.laporan_batas("id")
    assert list(laporan.columns) == ["Berkas", "Kode", "Masalah"]
    assert len(laporan) == 4
    assert "TopoJSON" in laporan.set_index("Berkas").loc["dunia.json", "Masalah"]
    assert peta.ringkasan_batas("id") == (f"Folder batas wilayah {folder}: 2 kelurahan/desa berbatas poligon; "
                                           "wilayah lain tampil sebagai lingkaran di titik tengahnya.")


def test_without_boundaries_the_summary_says_circles(tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_BATAS", str(tmp_path))
    assert peta.laporan_batas("en").empty
    assert "circles" in peta.ringkasan_batas("en")


# ---------------------------------------------------------------- centroids and the location map
def test_missing_centroids_fall_back_to_the_mean_of_the_children():
    w = pd.DataFrame({"kode": ["13", "13.72", "13.72.01", "13.72.01.1001", "13.72.01.1002", "13.72.02"],
                      "tingkat": ["provinsi", "kabkota", "kecamatan", "kelurahan", "kelurahan", "kecamatan"],
                      "lat": [None, None, None, -1.0, -2.0, -4.0], "lon": [None, None, 100.0, 101.0, 103.0, 104.0]})
    hasil = peta.titik(w).set_index("kode")
    # kecamatan 13.72.01: mean of its kelurahan (-1 + -2) / 2 = -1.5, (101 + 103) / 2 = 102 (its own lon is
    # replaced too: a centroid is one point); kab 13.72: mean of kecamatan (-1.5 + -4) / 2 = -2.75, (102 + 104) / 2
    # = 103; provinsi 13: its only kab/kota
    assert hasil.loc["13.72.01", ["lat", "lon"]].tolist() == [-1.5, 102.0]
    assert hasil.loc["13.72", ["lat", "lon"]].tolist() == [-2.75, 103.0]
    assert hasil.loc["13", ["lat", "lon"]].tolist() == [-2.75, 103.0]
    assert hasil.loc["13.72.02", ["lat", "lon"]].tolist() == [-4.0, 104.0]


def test_location_map_highlights_the_kelurahan_among_its_neighbours(folder):
    df = pd.DataFrame({"kode": ["13.72.01.1001", "13.72.01.1002", "13.72.01.1004"], "nama": ["A", "B", "D"],
                       "lat": [-0.79, -0.79, -0.8], "lon": [100.6, 100.62, 100.65]})
    poligon, titik_ = peta.lokasi(df, "13.72.01.1002", "id").data
    assert list(poligon.locations) == ["13.72.01.1001", "13.72.01.1002"] and list(poligon.z) == [0, 1]
    assert [c[0] for c in titik_.customdata] == ["13.72.01.1004"]
    assert list(titik_.marker.color) == [peta.WARNA_TETANGGA]


def test_legend_html_escapes_labels():
    teks = peta.legenda_html([("#ff0000", "<b>x</b>")])
    assert "&lt;b&gt;x&lt;/b&gt;" in teks and "#ff0000" in teks


# ---------------------------------------------------------------- the pages' maps on the small fixture
# conftest.kecil(): BLM cair A = 13.72.01.1001: 60 + 40 = 100 juta (pagu 100 juta), B = 13.72.01.1002: 150 juta
# (pagu 200 juta), C = 18.72.01.1001: 400 juta (pagu 500 juta, KOTAKU 2017).
JUTA = 1_000_000
A, B, C = "13.72.01.1001", "13.72.01.1002", "18.72.01.1001"


@pytest.fixture
def batas_a(tmp_path, monkeypatch):
    """A boundaries folder with a polygon for kelurahan A only."""
    fitur = [{"type": "Feature", "id": A, "properties": {}, "geometry": _kotak(100.59, -0.80)}]
    (tmp_path / "kel.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": fitur}))
    monkeypatch.setenv("PANTAU_BATAS", str(tmp_path))


def _semua_kode(fig) -> list[str]:
    """Every area drawn, trace by trace (polygon locations and circle codes)."""
    return [c[0] for tr in fig.data for c in tr.customdata]


def test_blm_map_one_item_per_area_polygon_and_circle(data_kecil, batas_a):
    from pantau import blm, peta_halaman
    from pantau.pilihan import Pilihan
    p = Pilihan("13.72.01", 2000, 2030, (), "id")
    isi = peta_halaman.isi_blm(blm.ringkasan(p), p, "total_blm")
    assert isi.df.kode.tolist() == [A, B] and isi.df.nilai.tolist() == [100 * JUTA, 150 * JUTA]
    poligon, lingkaran = peta.peta(isi.df, "id", satuan=isi.satuan).data
    assert _semua_kode(peta.peta(isi.df, "id")) == [A, B]     # one item per area, each once
    assert (poligon.type, list(poligon.locations), list(poligon.z)) == ("choropleth", [A], [100 * JUTA])
    assert lingkaran.type == "scattergeo" and [c[0] for c in lingkaran.customdata] == [B]
    w = peta_halaman.dasar(p).set_index("kode")
    assert (lingkaran.lat[0], lingkaran.lon[0]) == (w.loc[B, "lat"], w.loc[B, "lon"])   # the reference centroid
    assert "Rp 150 juta" in lingkaran.hovertext[0]


def test_blm_progress_map_uses_the_catalogue_bands(data_kecil, batas_a):
    from pantau import blm, peta_halaman
    from pantau.pilihan import Pilihan
    p = Pilihan("13.72.01", 2000, 2030, (), "id")
    isi = peta_halaman.isi_blm(blm.ringkasan(p), p, "progres_pencairan")
    # A 100 / 100 juta = 100 % (>= 90 %: baik); B 150 / 200 juta = 75 % (70-90 %: sedang)
    assert isi.df.nilai.tolist() == [1.0, 0.75] and isi.df.status.tolist() == ["baik", "sedang"]
    poligon, lingkaran = peta.peta(isi.df, "id", satuan=isi.satuan).data
    assert [c[1] for c in poligon.colorscale] == [katalog.warna("baik")] * 2
    assert list(lingkaran.marker.color) == [katalog.warna("sedang")]
    assert "Tertunda (70–90 %)" in lingkaran.hovertext[0] and "75,0 %" in lingkaran.hovertext[0]
    assert [label for _, label in peta_halaman.legenda(isi, "id")] == ["Lancar (≥ 90 %)", "Tertunda (70–90 %)",
                                                                        "Tertinggal (< 70 %)"]   # every area has data


def test_whole_dataset_is_one_circle_per_kab_kota_and_missing_data_is_grey(data_kecil, tmp_path, monkeypatch):
    from pantau import blm, peta_halaman
    from pantau.pilihan import Pilihan
    monkeypatch.setenv("PANTAU_BATAS", str(tmp_path / "kosong"))
    p = Pilihan("", 2000, 2030, (), "id")
    fig = peta.peta(peta_halaman.isi_blm(blm.ringkasan(p), p, "total_blm").df, "id")
    assert _semua_kode(fig) == ["13.72", "18.72"]
    (lingkaran,) = fig.data
    # Kota Solok 250 juta, Kota Metro 400 juta: sizes 8 + 34 * sqrt(250 / 400) = 34,88 and 8 + 34 = 42
    assert [round(s, 2) for s in lingkaran.marker.size] == [34.88, 42.0]
    kotaku = Pilihan("", 2000, 2030, ("KOTAKU",), "id")
    (lingkaran,) = peta.peta(peta_halaman.isi_blm(blm.ringkasan(kotaku), kotaku, "total_blm").df, "id").data
    assert list(lingkaran.marker.color) == [katalog.warna(None), peta.WARNA_LINGKARAN]   # Solok: no KOTAKU BLM
    assert "Tidak ada data" in lingkaran.hovertext[0]
    isi = peta_halaman.isi_blm(blm.ringkasan(kotaku), kotaku, "total_blm")
    assert peta_halaman.legenda(isi, "id") == [(katalog.warna(None), "Tidak ada data")]


def test_dana_bergulir_map_par_per_kelurahan(data_kecil, batas_a):
    from pantau import dana_bergulir as dana
    from pantau import peta_halaman
    from pantau.pilihan import Pilihan
    p = Pilihan("13.72.01", 2000, 2030, (), "id")
    periode = dana.bulan_tersedia(p)[-1]
    isi = peta_halaman.isi_dana(dana.ringkasan(p, periode).per_wilayah, p, "par")
    # A, December 2010: KSM 2 (saldo 300 rb) has 3 instalments overdue -> PAR 300 / (900 + 300) rb = 25 % (> 20 %:
    # buruk); B has no loans -> no data
    assert isi.df.kode.tolist() == [A, B]
    assert isi.df.nilai.iloc[0] == pytest.approx(0.25) and pd.isna(isi.df.nilai.iloc[1])
    assert isi.df.status.tolist() == ["buruk", None]
    poligon, lingkaran = peta.peta(isi.df, "id", satuan="persen").data
    assert list(poligon.locations) == [A] and list(lingkaran.marker.color) == [katalog.warna(None)]


def test_permukiman_map_water_access_per_kab_kota(data_kecil, tmp_path, monkeypatch):
    from pantau import peta_halaman
    from pantau.pilihan import Pilihan
    monkeypatch.setenv("PANTAU_BATAS", str(tmp_path))
    p = Pilihan("", 2000, 2030, (), "id")
    isi = peta_halaman.isi_permukiman(p, 2019, "air")
    # Kota Metro 2019: 1.100 of 1.100 KK = 100 % (target met: baik); Kota Solok has no 100-0-100 data
    assert isi.df.kode.tolist() == ["13.72", "18.72"]
    assert pd.isna(isi.df.nilai.iloc[0]) and isi.df.nilai.iloc[1] == 1.0
    assert isi.df.status.tolist() == [None, "baik"]
    kumuh = peta_halaman.isi_permukiman(p, 2019, "kumuh").df.set_index("kode")
    # slum 5 ha in 2019 against the SK baseline of 20 ha: reduced by (20 - 5) / 20 = 75 %
    assert kumuh.loc["18.72", "nilai"] == 5.0 and "75,0 %" in kumuh.loc["18.72", "keterangan"]


@pytest.mark.parametrize("bawah, atas, harapan", [
    (21.03e9, 23e9, [21.5e9, 22e9, 22.5e9, 23e9]),      # span 1,97 miliar / 4 = 0,49 -> step 0,5 miliar
    (0.0, 1.0, [0.0, 0.25, 0.5, 0.75, 1.0]),              # 1 / 4 = 0,25 -> step 0,25
    (3.0, 3.0, [3.0]),
])
def test_colour_bar_ticks_are_round(bawah, atas, harapan):
    assert peta.tick_rapi(bawah, atas) == pytest.approx(harapan)


def test_boundaries_folder_defaults_to_data_boundaries_when_unset_or_empty(monkeypatch):
    from pantau import dataset
    monkeypatch.setenv("PANTAU_BATAS", "")
    assert peta.folder_batas() == dataset.ROOT / "data" / "boundaries"
    monkeypatch.delenv("PANTAU_BATAS")
    assert peta.folder_batas() == dataset.ROOT / "data" / "boundaries"


def test_a_wide_map_also_marks_each_polygon_at_its_centroid(folder):
    # A and B are polygons 100.6°E; C is a circle at 105°E: the map spans 4,4° (> 3°), so A and B also get a
    # marker in their polygon's colour (sequential scale: 100 is the lowest value, 300 the highest)
    df = pd.DataFrame({"kode": ["13.72.01.1001", "13.72.01.1002", "18.72.01.1001"], "nama": ["A", "B", "C"],
                       "nilai": [100.0, 300.0, 200.0], "lat": [-0.79, -0.79, -5.1], "lon": [100.6, 100.62, 105.3]})
    poligon, lingkaran, penanda = peta.peta(df, "id", satuan="angka").data
    assert [c[0] for c in penanda.customdata] == ["13.72.01.1001", "13.72.01.1002"]
    assert list(penanda.marker.color) == ["rgb(222, 235, 247)", "rgb(8, 48, 107)"]     # the ends of peta.SKALA
    sempit = df.iloc[:2]
    assert [tr.type for tr in peta.peta(sempit, "id", satuan="angka").data] == ["choropleth"]
