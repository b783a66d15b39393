"""Offline maps: regions coloured by an indicator, as polygons where the boundaries folder has a GeoJSON
feature for the region's code, otherwise as proportional circles at the reference table's centroids.

No tile server and no CDN: a `go.Choropleth`/`go.Scattergeo` on Plotly's geo subplot with every base
layer switched off, and the world topojson that Plotly insists on loading served locally from
`static/topojson/` (see `config()`).
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from pantau import charts, dataset, katalog
from pantau.i18n import t
from pantau.pilihan import normalisasi_kode

TOPOJSON_URL = "/app/static/topojson/"
WARNA_KOSONG = katalog.warna(None)
SKALA = [[0.0, "#deebf7"], [0.5, "#6baed6"], [1.0, "#08306b"]]


def folder_batas() -> Path:
    """Where users drop GeoJSON boundaries keyed by Kemendagri code (`PANTAU_BATAS` overrides)."""
    return Path(os.environ.get("PANTAU_BATAS", dataset.ROOT / "data" / "boundaries"))


@dataclass
class Batas:
    """The boundary features found in the folder, by code, and the problems met reading them."""

    fitur: dict[str, dict] = field(default_factory=dict)
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
        hasil.masalah.append((path.name, "", "peta.masalah.bukan_geojson"))
        return
    for f in fitur if isinstance(fitur, list) else []:
        kode = _kode_fitur(f) if isinstance(f, dict) else None
        if kode is None or kode not in dikenal:
            hasil.masalah.append((path.name, str((f or {}).get("id", ""))[:20], "peta.masalah.kode_tidak_dikenal"))
        elif not _geometri_sah(f.get("geometry")):
            hasil.masalah.append((path.name, kode, "peta.masalah.geometri_rusak"))
        else:
            hasil.fitur[kode] = {"type": "Feature", "id": kode, "properties": {}, "geometry": f["geometry"]}


@lru_cache(maxsize=4)
def _muat(folder: str, cap: tuple) -> Batas:
    import pyarrow.parquet as pq
    dikenal = frozenset(pq.read_table(dataset.REFERENCE_DIR / "wilayah.parquet", columns=["kode"]).column(0)
                        .to_pylist())
    hasil = Batas()
    for path in sorted(Path(folder).glob("*.geojson")) + sorted(Path(folder).glob("*.json")):
        _baca_berkas(path, dikenal, hasil)
    return hasil


def batas() -> Batas:
    """All boundaries in the folder (read once per process and folder state)."""
    folder = folder_batas()
    if not folder.is_dir():
        return Batas()
    cap = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file())
    return _muat(str(folder), cap)


def _warna_status(df: pd.DataFrame) -> list[str]:
    return [katalog.warna(s if isinstance(s, str) else None) for s in df["status"]]


def _hover(df: pd.DataFrame, satuan: str, lang: str) -> list[str]:
    nilai = charts.teks_nilai(df["nilai"], satuan, lang)
    return [f"<b>{n}</b><br>{v}" for n, v in zip(df["nama"], nilai)]


def _choropleth(df: pd.DataFrame, fitur: dict[str, dict], satuan: str, lang: str, **warna) -> go.Choropleth:
    return go.Choropleth(geojson={"type": "FeatureCollection", "features": [fitur[k] for k in df.kode]},
                         locations=df.kode, featureidkey="id", customdata=df[["kode"]].to_numpy(),
                         hovertext=_hover(df, satuan, lang), hovertemplate="%{hovertext}<extra></extra>",
                         marker_line_color="#ffffff", marker_line_width=0.8, **warna)


def _skala_diskret(warna: list[str]) -> list[list]:
    """A colour scale that maps z = 0, 1, … n-1 exactly onto the n given colours."""
    if len(warna) == 1:
        return [[0, warna[0]], [1, warna[0]]]
    return [[i / (len(warna) - 1), w] for i, w in enumerate(warna)]


def _poligon(df: pd.DataFrame, fitur: dict[str, dict], satuan: str, lang: str) -> list[go.Choropleth]:
    """Polygons: status colours (discrete) when given, else a sequential scale; no value = the 'no data' grey."""
    kosong, isi = df[df.nilai.isna()], df[df.nilai.notna()]
    traces = []
    if len(kosong):
        traces.append(_choropleth(kosong, fitur, satuan, lang, z=[0] * len(kosong), showscale=False,
                                  colorscale=_skala_diskret([WARNA_KOSONG])))
    if len(isi) and "status" in isi and isi.status.notna().any():
        traces.append(_choropleth(isi, fitur, satuan, lang, z=list(range(len(isi))), showscale=False,
                                  colorscale=_skala_diskret(_warna_status(isi)), zmin=0, zmax=max(1, len(isi) - 1)))
    elif len(isi):
        traces.append(_choropleth(isi, fitur, satuan, lang, z=isi.nilai, colorscale=SKALA,
                                  colorbar={"title": None, "thickness": 12, **charts_colorbar(satuan, lang)}))
    return traces


def charts_colorbar(satuan: str, lang: str) -> dict:
    from pantau import fmt
    return {"tickformat": fmt.plotly_format(satuan, lang).get("tickformat", "")} if satuan in (
        "angka", "persen", "rupiah", "hektar") else {}


def _lingkaran(df: pd.DataFrame, satuan: str, lang: str) -> go.Scattergeo:
    nilai = df["nilai"].fillna(0).abs()
    besar = 8 + 34 * (nilai / nilai.max()).pow(0.5) if nilai.max() > 0 else pd.Series(10, index=df.index)
    warna = _warna_status(df) if "status" in df and df["status"].notna().any() else "#0b4f9c"
    return go.Scattergeo(lat=df.lat, lon=df.lon, mode="markers", customdata=df[["kode"]].to_numpy(),
                         marker={"size": besar, "color": warna, "opacity": 0.8, "line": {"color": "#fff", "width": 1}},
                         hovertext=_hover(df, satuan, lang), hovertemplate="%{hovertext}<extra></extra>")


def peta(df: pd.DataFrame, lang: str, satuan: str = "rupiah", judul: str = "", tinggi: int = 460) -> go.Figure:
    """A map of `df` (columns kode, nama, nilai, lat, lon, optional status): polygons where boundaries exist,
    circles at centroids elsewhere; regions without a value get the 'no data' colour."""
    fitur = batas().fitur
    punya = df.kode.isin(fitur.keys())
    fig = go.Figure()
    if punya.any():
        fig.add_traces(_poligon(df[punya].reset_index(drop=True), fitur, satuan, lang))
    sisa = df[~punya & df.lat.notna() & df.lon.notna()]
    if len(sisa):
        fig.add_trace(_lingkaran(sisa.reset_index(drop=True), satuan, lang))
    fig.update_geos(visible=False, fitbounds="locations", projection_type="mercator", bgcolor="rgba(0,0,0,0)",
                    showland=False, showocean=False, showlakes=False, showcountries=False, showcoastlines=False)
    fig.update_layout(showlegend=False, dragmode=False)
    return charts.rapikan(fig, lang, judul, tinggi, satuan_y="")


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
