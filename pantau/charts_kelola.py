"""Figures of the Kelola Data page (built on `pantau.charts.rapikan`)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from pantau import charts, fmt, katalog
from pantau.i18n import t

TITIK = [0, 0.25, 0.5, 0.75, 1]      # colour bar ticks (share of kelurahan with data)


def _hover(r, lang: str) -> str:
    return t("kelola.kualitas.hover", lang, persen=fmt.persen(r.lengkap, lang=lang),
             ada=fmt.angka(r.kelurahan_ada, lang=lang), harapan=fmt.angka(r.kelurahan_harapan, lang=lang))


def peta_kelengkapan(df: pd.DataFrame, lang: str, judul: str = "") -> go.Figure:
    """Completeness per table × year as a heat map: red (nothing) through amber to green (complete)."""
    urut = df.assign(teks=[_hover(r, lang) for r in df.itertuples()]).sort_values(["tabel", "tahun"])
    tabel, tahun = list(dict.fromkeys(urut.tabel)), sorted(urut.tahun.unique())
    kisi = urut.pivot_table(index="tabel", columns="tahun", values=["lengkap", "teks"], aggfunc="first")
    nilai, hover = (kisi[k].reindex(index=tabel, columns=tahun).to_numpy() for k in ("lengkap", "teks"))
    skala = [[0, katalog.warna("buruk")], [0.5, katalog.warna("sedang")], [1, katalog.warna("baik")]]
    batang = {"tickvals": TITIK, "ticktext": [fmt.persen(v, 0, lang=lang) for v in TITIK], "len": 0.9}
    fig = go.Figure(go.Heatmap(z=nilai, x=[str(x) for x in tahun], y=tabel, zmin=0, zmax=1, colorscale=skala,
                               text=hover, hovertemplate="%{y} · %{x}: %{text}<extra></extra>", colorbar=batang,
                               xgap=2, ygap=2))
    fig.update_xaxes(type="category")
    fig.update_yaxes(autorange="reversed")
    return charts.rapikan(fig, lang, judul, tinggi=max(260, 42 * len(tabel) + 90), satuan_y="")
