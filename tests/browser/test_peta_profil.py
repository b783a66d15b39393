"""Browser check of the offline maps and the kelurahan profile: with the network cut for the page (every request
leaving localhost is aborted and recorded) the map draws its polygons (a small GeoJSON made here) and its
circles (kelurahan without polygons), a click on an area drills down and a click on a kelurahan opens its
profile; the profile renders, and an unknown code says so."""
from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from pantau import dataset
from tests.browser.conftest import buka, grafik_tergambar, jalankan_server

KECAMATAN = ["13.72.01", "13.72.02"]       # Kota Solok's two kecamatan get polygons; its kelurahan do not


def _kotak(lon: float, lat: float, d: float = 0.012) -> dict:
    return {"type": "Polygon", "coordinates": [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d],
                                                [lon - d, lat + d], [lon - d, lat - d]]]}


def _tulis_batas(folder) -> None:
    """Squares around the reference centroids, one feature with an unknown code and one unreadable file
    (reported on the Kelola Data page, never a crash)."""
    w = pq.read_table(dataset.REFERENCE_DIR / "wilayah.parquet", columns=["kode", "lat", "lon"]).to_pandas()
    titik = w.set_index("kode").loc[KECAMATAN]
    fitur = [{"type": "Feature", "id": k, "properties": {"code": k}, "geometry": _kotak(b.lon, b.lat)}
             for k, b in titik.iterrows()]
    fitur.append({"type": "Feature", "id": "99.99.99", "properties": {}, "geometry": _kotak(100.0, 0.0)})
    (folder / "kecamatan_uji.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": fitur}))
    (folder / "rusak.geojson").write_text("{ bukan json")


@pytest.fixture(scope="module")
def server(folder_demo, tmp_path_factory):
    """The harness's server, but with PANTAU_BATAS pointing at this test's boundaries folder."""
    batas = tmp_path_factory.mktemp("batas")
    _tulis_batas(batas)
    with jalankan_server(folder_demo, "streamlit_peta.log", PANTAU_BATAS=str(batas)) as url:
        yield url


def _tunggu_url(halaman, potongan: str, batas_ms: int = 30_000) -> None:
    halaman.wait_for_function(f"() => decodeURIComponent(window.location.href).includes({potongan!r})",
                              timeout=batas_ms)


def test_map_draws_offline_and_a_click_drills_down(halaman):
    buka(halaman, "/blm?kab=13.72&tahun=2008-2014", "peta_blm_kab")
    grafik_tergambar(halaman, 3)
    poligon = halaman.locator(".js-plotly-plot .choroplethlayer path")
    poligon.first.wait_for(timeout=30_000)
    assert poligon.count() == 2                                   # one polygon per kecamatan, from the test file
    assert halaman.keluar == []                                   # nothing left localhost (no CDN, no tiles)
    poligon.first.click(force=True)
    _tunggu_url(halaman, "kec=13.72.0")
    assert "kab=" not in halaman.url and "tahun=2008-2014" in halaman.url
    assert halaman.keluar == []


def test_kelurahan_circles_open_the_profile(halaman):
    buka(halaman, "/blm?kec=13.72.01&tahun=2008-2014", "peta_blm_kec")
    titik = halaman.locator(".js-plotly-plot .scattergeo path.point")
    titik.first.wait_for(timeout=30_000)
    assert titik.count() == 7                                     # Lubuk Sikarah's kelurahan: circles at centroids
    assert halaman.locator(".js-plotly-plot .choroplethlayer path").count() == 0
    titik.first.click(force=True)
    _tunggu_url(halaman, "/profil?kel=13.72.01.")
    halaman.wait_for_function("() => document.querySelector('[data-testid=\"stMain\"] h1')?.innerText"
                              ".includes('Profil Kelurahan')", timeout=30_000)
    assert "tahun=2008-2014" in halaman.url
    assert halaman.keluar == []


def test_profile_draws_offline_and_an_unknown_code_says_so(halaman):
    buka(halaman, "/profil?kel=13.72.01.1001", "profil_tanah_garam")
    grafik_tergambar(halaman, 4)
    # the location map draws after the other charts (its geometry loads first): wait for its points
    halaman.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .scattergeo path.point').length"
                              " >= 7", timeout=30_000)
    assert halaman.locator(".js-plotly-plot .scattergeo path.point").count() == 7
    assert halaman.get_by_text("Tanah Garam", exact=True).count() >= 1
    assert halaman.keluar == []
    buka(halaman, "/profil?kel=13.72.01.9999", "profil_tidak_dikenal", lebar=1024, tinggi=768)
    assert halaman.get_by_text("tidak ada dalam data").count() >= 1
    assert halaman.get_by_placeholder("Nama atau kode").count() >= 1
    assert halaman.keluar == []


def test_maps_on_dana_bergulir_and_100_0_100_small_screen(halaman):
    for path, nama in (("/dana_bergulir?kab=13.72", "peta_dana_bergulir"),
                       ("/permukiman?kab=13.72", "peta_permukiman")):
        buka(halaman, path, nama, lebar=1024, tinggi=768)
        halaman.locator(".js-plotly-plot .choroplethlayer path").first.wait_for(timeout=30_000)
        assert halaman.keluar == []
