"""Offline maps: regions coloured by an indicator, as polygons where the boundaries folder has a GeoJSON
feature for the region's code, otherwise as proportional circles at the reference table's centroids.

No tile server and no CDN: a `go.Choropleth`/`go.Scattergeo` on Plotly's geo subplot with every base
layer switched off, and the world topojson that Plotly insists on loading served locally from
`static/topojson/` (see `config()`).
"""
from __future__ import annotations

import html
import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go
import streamlit as st

from pantau import charts, dataset, fmt, katalog
from pantau.i18n import t
from pantau.pilihan import TINGKAT, normalisasi_kode, tingkat_kode

TOPOJSON_URL = "/app/static/topojson/"
WARNA_KOSONG = katalog.warna(None)
SKALA = [[0.0, "#deebf7"], [0.5, "#6baed6"], [1.0, "#08306b"]]
WARNA_LINGKARAN = "#0b4f9c"     # the app's blue: circles of a value map, the region itself on a location map
WARNA_TETANGGA = "#d5d9e0"      # neighbours on a location map
RENTANG_PENANDA = 3.0          # degrees: a map wider than this also marks each polygon at its centroid
LABEL_MAKS = 6                  # circle maps with at most this many circles name them


def folder_batas() -> Path:
    """Where users drop GeoJSON boundaries keyed by Kemendagri code (`PANTAU_BATAS` overrides)."""
    return Path(os.environ.get("PANTAU_BATAS") or dataset.ROOT / "data" / "boundaries")     # empty = default


@dataclass
class Batas:
    """The boundary features found in the folder, by code, and the problems met reading them."""

    fitur: dict[str, str] = field(default_factory=dict)     # code -> the feature as compact GeoJSON text
    masalah: list[tuple[str, str, str]] = field(default_factory=list)   # (file, code or '', reason key)


def _kode_fitur(f: dict) -> str | None:
    prop = f.get("properties") or {}
    for kandidat in (f.get("id"), prop.get("code"), prop.get("kode"), prop.get("kode_wilayah")):
        if kandidat is not None:
            return normalisasi_kode(str(kandidat))
    return None


def _geometri_sah(g: dict | None) -> bool:
    if not isinstance(g, dict) or g.get("type") not in ("Polygon", "MultiPolygon"):
        return False
    cincin = g.get("coordinates") or []
    cincin = [c for p in cincin for c in p] if g["type"] == "MultiPolygon" else cincin
    try:
        return bool(cincin) and all(len(c) >= 4 and all(math.isfinite(x) and math.isfinite(y) and -180 <= x <= 180
                                                         and -90 <= y <= 90 for x, y, *_ in c) for c in cincin)
    except (TypeError, ValueError):
        return False


def _baca_berkas(path: Path, dikenal: frozenset[str], hasil: Batas) -> None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fitur = data["features"]
    except (OSError, ValueError, KeyError, TypeError):
        alasan = "topojson" if '"Topology"' in _awal(path) else "bukan_geojson"
        hasil.masalah.append((path.name, "", f"peta.masalah.{alasan}"))
        return
    for f in fitur if isinstance(fitur, list) else []:
        kode = _kode_fitur(f) if isinstance(f, dict) else None
        if kode is None or kode not in dikenal:
            hasil.masalah.append((path.name, str((f or {}).get("id", ""))[:20], "peta.masalah.kode_tidak_dikenal"))
        elif not _geometri_sah(f.get("geometry")):
            hasil.masalah.append((path.name, kode, "peta.masalah.geometri_rusak"))
        else:
            hasil.fitur[kode] = json.dumps({"type": "Feature", "id": kode, "properties": {},
                                            "geometry": f["geometry"]}, separators=(",", ":"))


def _awal(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read(2000)
    except OSError:
        return ""


@lru_cache(maxsize=4)
def _muat(folder: str, cap: tuple) -> Batas:
    import pyarrow.parquet as pq
    dikenal = frozenset(pq.read_table(dataset.REFERENCE_DIR / "wilayah.parquet", columns=["kode"]).column(0)
                        .to_pylist())
    hasil = Batas()
    for path in sorted(Path(folder).glob("*.geojson")) + sorted(Path(folder).glob("*.json")):
        _baca_berkas(path, dikenal, hasil)
    return hasil


def versi_batas() -> tuple:
    """The folder and its files' names and times: changes when a user drops in, replaces or removes a file."""
    folder = folder_batas()
    if not folder.is_dir():
        return str(folder), ()
    return str(folder), tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file())


def batas() -> Batas:
    """All boundaries in the folder (read once per process and folder state)."""
    folder, cap = versi_batas()
    return _muat(folder, cap) if cap else Batas()


def laporan_batas(lang: str) -> pd.DataFrame:
    """The problems met reading the boundaries folder, for the Kelola Data page: file, region code, reason."""
    kolom = [t(f"peta.laporan.{k}", lang) for k in ("berkas", "kode", "masalah")]
    baris = [(berkas, kode, t(alasan, lang)) for berkas, kode, alasan in batas().masalah]
    return pd.DataFrame(baris, columns=kolom)


def ringkasan_batas(lang: str) -> str:
    """One line on the boundaries in use: the folder and how many polygons per level (or that there are none)."""
    folder, _ = versi_batas()
    per = pd.Series([tingkat_kode(k) for k in batas().fitur], dtype=object).value_counts()
    if per.empty:
        return t("peta.laporan.tanpa_poligon", lang, folder=folder)
    isi = ", ".join(f"{fmt.angka(per[k], lang=lang)} {t(f'peta.tingkat.{k}', lang)}" for k in TINGKAT if k in per)
    return t("peta.laporan.ringkasan", lang, folder=folder, isi=isi)


def _warna_status(df: pd.DataFrame) -> list[str]:
    return [katalog.warna(s if isinstance(s, str) else None) for s in df["status"]]


def _hover(df: pd.DataFrame, satuan: str, lang: str) -> list[str]:
    """Name, value in the one formatter ('no data' when missing), and the optional `keterangan` line."""
    nilai = [v if not pd.isna(x) else t("peta.tidak_ada_data", lang)
             for x, v in zip(df["nilai"], charts.teks_nilai(df["nilai"], satuan, lang))]
    lain = df["keterangan"].fillna("") if "keterangan" in df else pd.Series("", index=df.index)
    return [f"<b>{n}</b><br>{v}" + (f"<br>{k}" if k else "") for n, v, k in zip(df["nama"], nilai, lain)]


def _choropleth(df: pd.DataFrame, fitur: dict[str, str], hover: list[str], **warna) -> go.Choropleth:
    """Boundaries are kept as text (a whole country's polygons stay small in memory) and read per figure."""
    return go.Choropleth(geojson={"type": "FeatureCollection", "features": [json.loads(fitur[k]) for k in df.kode]},
                         locations=df.kode, featureidkey="id", customdata=df[["kode"]].to_numpy(),
                         hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
                         marker_line_color="#ffffff", marker_line_width=0.8, **warna)


def _skala_diskret(warna: list[str]) -> list[list]:
    """A colour scale that maps z = 0, 1, … n-1 exactly onto the n given colours."""
    if len(warna) == 1:
        return [[0, warna[0]], [1, warna[0]]]
    return [[i / (len(warna) - 1), w] for i, w in enumerate(warna)]


def _berstatus(df: pd.DataFrame) -> bool:
    return "status" in df and df["status"].notna().any()


def _poligon(df: pd.DataFrame, fitur: dict[str, str], satuan: str, lang: str, warna_nilai: bool) -> list:
    """Polygons: status colours (discrete) when given, else a sequential scale; no value = the 'no data' grey."""
    kosong, isi = df[df.nilai.isna()], df[df.nilai.notna()]
    traces = []
    if len(kosong):
        traces.append(_choropleth(kosong, fitur, _hover(kosong, satuan, lang), z=[0] * len(kosong), showscale=False,
                                  colorscale=_skala_diskret([WARNA_KOSONG])))
    if len(isi) and _berstatus(isi):
        traces.append(_choropleth(isi, fitur, _hover(isi, satuan, lang), z=list(range(len(isi))), showscale=False,
                                  colorscale=_skala_diskret(_warna_status(isi)), zmin=0, zmax=max(1, len(isi) - 1)))
    elif len(isi):
        traces.append(_choropleth(isi, fitur, _hover(isi, satuan, lang), z=isi.nilai, colorscale=SKALA,
                                  showscale=warna_nilai, colorbar=_colorbar(isi.nilai, satuan, lang)))
    return traces


def _colorbar(nilai: pd.Series, satuan: str, lang: str) -> dict:
    """A slim colour bar whose round tick values are written by the one formatter (e.g. 'Rp 22,5 miliar')."""
    posisi = tick_rapi(float(nilai.min()), float(nilai.max()))
    return {"title": None, "thickness": 12, "len": 0.8, "tickvals": posisi,
            "ticktext": charts.teks_nilai(posisi, satuan, lang)}


def tick_rapi(bawah: float, atas: float, jumlah: int = 4) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 × 10^k) inside [bawah, atas], about `jumlah` of them."""
    if not atas > bawah:
        return [bawah]
    kasar = (atas - bawah) / jumlah
    pangkat = 10 ** math.floor(math.log10(kasar))
    langkah = next(k * pangkat for k in (1, 2, 2.5, 5, 10) if k * pangkat >= kasar)
    awal = math.ceil(bawah / langkah - 1e-9) * langkah
    return [round(awal + i * langkah, 10) for i in range(int((atas - awal) / langkah + 1e-9) + 1)]


def _lingkaran(df: pd.DataFrame, satuan: str, lang: str) -> go.Scattergeo:
    """Circles at the centroids: area ∝ value; status colour when given; the 'no data' grey without a value."""
    nilai = df["nilai"].fillna(0).abs()
    besar = 8 + 34 * (nilai / nilai.max()).pow(0.5) if nilai.max() > 0 else pd.Series(10, index=df.index)
    if _berstatus(df):
        warna = _warna_status(df)
    else:
        warna = [WARNA_KOSONG if pd.isna(v) else WARNA_LINGKARAN for v in df["nilai"]]
    label = len(df) <= LABEL_MAKS          # a few circles carry their names (SVG text: nothing to fetch)
    return go.Scattergeo(lat=df.lat, lon=df.lon, mode="markers+text" if label else "markers",
                         text=df.nama if label else None, textposition="top center",
                         textfont={"size": 12, "color": "#444"}, customdata=df[["kode"]].to_numpy(),
                         marker={"size": besar, "color": warna, "opacity": 0.85, "line": {"color": "#fff", "width": 1}},
                         hovertext=_hover(df, satuan, lang), hovertemplate="%{hovertext}<extra></extra>")


def _tata(fig: go.Figure, lang: str, judul: str, tinggi: int, titik: pd.DataFrame | None = None) -> go.Figure:
    """No base layers at all (nothing to fetch), fitted to the shapes, no zoom by drag or scroll. A map of
    circles only (`titik`: their lat/lon) gets a margin around them, so named circles at the edge keep their
    names whole."""
    fig.update_geos(visible=False, fitbounds="locations", projection_type="mercator", bgcolor="rgba(0,0,0,0)",
                    showland=False, showocean=False, showlakes=False, showcountries=False, showcoastlines=False)
    if titik is not None and len(titik):
        fig.update_geos(fitbounds=False, **batas_tampil(titik))
    fig.update_layout(showlegend=False, dragmode=False)
    fig = charts.rapikan(fig, lang, judul, tinggi, satuan_y="")
    return fig.update_layout(margin={"l": 0, "r": 0, "t": 40 if judul else 0, "b": 0})


def batas_tampil(titik: pd.DataFrame, tepi: float = 0.25, minimum: float = 0.05) -> dict:
    """The lon/lat ranges that show every point with a margin: `tepi` of the span on each side (at least
    `minimum` degrees), as `update_geos` arguments."""
    hasil = {}
    for sumbu, kolom in (("lonaxis_range", "lon"), ("lataxis_range", "lat")):
        bawah, atas = float(titik[kolom].min()), float(titik[kolom].max())
        jarak = max((atas - bawah) * tepi, minimum)
        hasil[sumbu] = [bawah - jarak, atas + jarak]
    return hasil


def peta(df: pd.DataFrame, lang: str, satuan: str = "rupiah", judul: str = "", tinggi: int = 460) -> go.Figure:
    """A map of `df` (columns kode, nama, nilai, lat, lon, optional status and keterangan): polygons where
    boundaries exist, circles at centroids elsewhere; regions without a value get the 'no data' colour.
    Built once per frame and boundaries folder state, shared read-only (a rerun builds no map)."""
    return _peta(df, lang, satuan, judul, tinggi, versi_batas())


@st.cache_resource(show_spinner=False, max_entries=64)
def _peta(df: pd.DataFrame, lang: str, satuan: str, judul: str, tinggi: int, versi: tuple) -> go.Figure:
    fitur = batas().fitur
    punya = df.kode.isin(fitur.keys())
    fig = go.Figure()
    if punya.any():
        fig.add_traces(_poligon(df[punya].reset_index(drop=True), fitur, satuan, lang, warna_nilai=True))
    sisa = df[~punya & df.lat.notna() & df.lon.notna()]
    if len(sisa):
        fig.add_trace(_lingkaran(sisa.reset_index(drop=True), satuan, lang))
    bertitik = df[punya & df.lat.notna() & df.lon.notna()]
    if len(bertitik) and _rentang_derajat(df) > RENTANG_PENANDA:
        fig.add_trace(_penanda(bertitik.reset_index(drop=True), satuan, lang))
    return _tata(fig, lang, judul, tinggi, titik=None if punya.any() else sisa)


def _rentang_derajat(df: pd.DataFrame) -> float:
    return float(max(df.lat.max() - df.lat.min(), df.lon.max() - df.lon.min())) if df.lat.notna().any() else 0.0


def _penanda(df: pd.DataFrame, satuan: str, lang: str) -> go.Scattergeo:
    """Over a wide map (a whole province or country) a small city's polygon is a speck: a marker in its
    polygon's colour at its centroid keeps it visible and clickable."""
    if _berstatus(df):
        warna = _warna_status(df)
    else:
        isi = df.nilai.dropna()
        rentang = float(isi.max() - isi.min()) if len(isi) else 0.0
        warna = [WARNA_KOSONG if pd.isna(v) else pc.sample_colorscale(
            SKALA, (v - isi.min()) / rentang if rentang > 0 else 1.0)[0] for v in df.nilai]
    label = len(df) <= LABEL_MAKS
    return go.Scattergeo(lat=df.lat, lon=df.lon, mode="markers+text" if label else "markers",
                         text=df.nama if label else None, textposition="top center",
                         textfont={"size": 12, "color": "#444"}, customdata=df[["kode"]].to_numpy(),
                         marker={"size": 10, "color": warna, "line": {"color": "#333", "width": 1}},
                         hovertext=_hover(df, satuan, lang), hovertemplate="%{hovertext}<extra></extra>")


def lokasi(df: pd.DataFrame, kode: str, lang: str, tinggi: int = 300) -> go.Figure:
    """Where one region lies among its neighbours (`df`: kode, nama, lat, lon): it in the app's blue, the others
    grey; polygons where boundaries exist, else points. A click on a neighbour carries its code."""
    return _lokasi(df, kode, lang, tinggi, versi_batas())


@st.cache_resource(show_spinner=False, max_entries=64)
def _lokasi(df: pd.DataFrame, kode: str, lang: str, tinggi: int, versi: tuple) -> go.Figure:
    fitur = batas().fitur
    df = df.assign(_ini=(df.kode == kode).astype(int))
    hover = [f"<b>{n}</b>" for n in df.nama]
    punya = df.kode.isin(fitur.keys()).to_numpy()
    fig = go.Figure()
    if punya.any():
        d = df[punya]
        fig.add_trace(_choropleth(d, fitur, [h for h, a in zip(hover, punya) if a], z=d._ini, zmin=0, zmax=1,
                                  showscale=False, colorscale=[[0, WARNA_TETANGGA], [1, WARNA_LINGKARAN]]))
    sisa = ~punya & df.lat.notna().to_numpy() & df.lon.notna().to_numpy()
    if sisa.any():
        d = df[sisa]
        fig.add_trace(go.Scattergeo(lat=d.lat, lon=d.lon, mode="markers", customdata=d[["kode"]].to_numpy(),
                                    marker={"size": [16 if i else 9 for i in d._ini],
                                            "line": {"color": "#fff", "width": 1},
                                            "color": [WARNA_LINGKARAN if i else WARNA_TETANGGA for i in d._ini]},
                                    hovertext=[h for h, a in zip(hover, sisa) if a],
                                    hovertemplate="%{hovertext}<extra></extra>"))
    return _tata(fig, lang, "", tinggi)


def titik(wilayah: pd.DataFrame) -> pd.DataFrame:
    """`wilayah` (kode, tingkat, lat, lon, …) with every missing centroid replaced by the mean of its children's
    (kecamatan from kelurahan, kab/kota from kecamatan, provinsi from kab/kota)."""
    w = wilayah.copy()
    for tingkat, tingkat_anak, panjang in (("kecamatan", "kelurahan", 8), ("kabkota", "kecamatan", 5),
                                           ("provinsi", "kabkota", 2)):
        anak = w[w.tingkat == tingkat_anak]
        rata = anak.groupby(anak.kode.str[:panjang])[["lat", "lon"]].mean()
        hilang = (w.tingkat == tingkat) & (w.lat.isna() | w.lon.isna())
        for sumbu in ("lat", "lon"):
            dari_anak = pd.to_numeric(w.kode.map(rata[sumbu]), errors="coerce").astype(float)
            w[sumbu] = w[sumbu].astype(float).where(~hilang, dari_anak)
    return w


def config(lang: str) -> dict:
    """Plotly config for maps: the local topojson location, so nothing is fetched from a CDN."""
    return {**charts.config(lang), "topojsonURL": TOPOJSON_URL, "scrollZoom": False}


def legenda(indikator: str | None, lang: str) -> list[tuple[str, str]]:
    """(colour, label) pairs for a status-coloured map, including the 'no data' colour."""
    pasangan = []
    if indikator:
        ind = katalog.indikator(indikator)
        pasangan = [(katalog.warna(p["status"]), ind.label_status(p["status"], lang)) for p in ind.pita]
    return pasangan + [(WARNA_KOSONG, t("peta.tidak_ada_data", lang))]


def legenda_html(pasangan: list[tuple[str, str]]) -> str:
    """The legend as a row of colour chips (HTML, escaped) for `st.markdown(..., unsafe_allow_html=True)`."""
    chip = "<span style='display:inline-block;width:.9rem;height:.9rem;border-radius:3px;background:{w};" \
           "vertical-align:-.12rem;margin-right:.3rem;border:1px solid #c8ccd2'></span>{l}"
    isi = "".join(f"<div style='margin:.15rem 0'>{chip.format(w=html.escape(w), l=html.escape(l))}</div>"
                  for w, l in pasangan)
    return f"<div style='font-size:.9rem'>{isi}</div>"
