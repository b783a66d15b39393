"""Figures for the Data Kemiskinan and Aset & Alih Kelola pages: the source matrix read on a projector, ranked
bars with their own text labels, and bars whose categories carry explicit colours (sources, handover status,
condition). All go through `charts.rapikan`; every number shown is formatted by `pantau.fmt`."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pantau import charts, fmt

SKALA_MATRIKS = [[0.0, "#f7f7f7"], [0.5, "#f4a582"], [1.0, "#b2182b"]]
TINGGI_BARIS = 44


def matriks(df: pd.DataFrame, label: str, kolom: dict[str, str], teks_kanan: dict[str, str], lang: str,
            judul: str = "") -> go.Figure:
    """A heatmap of `df` rows (named by `label`) × the `kolom` columns ({column: header}), each cell coloured by
    its value ÷ the row's smallest value (white = 1, darkest = the largest in view) and labelled with the value;
    `teks_kanan` ({header: text column}) adds uncoloured text columns on the right (e.g. the spread). The colour
    key belongs in the caption: a colour bar would take width the numbers need on a 1024-pixel projector."""
    nilai = df[list(kolom)].astype("float64")
    relatif = nilai.div(nilai.where(nilai > 0).min(axis=1), axis=0)
    z = pd.concat([relatif, pd.DataFrame({h: float("nan") for h in teks_kanan}, index=df.index)], axis=1)
    teks = [[fmt.angka(v, lang=lang) for v in baris] + [str(df.loc[i, c]) for c in teks_kanan.values()]
            for i, baris in zip(df.index, nilai.itertuples(index=False))]
    fig = go.Figure(go.Heatmap(
        z=z.to_numpy(), x=list(kolom.values()) + list(teks_kanan), y=df[label].tolist(), text=teks,
        texttemplate="%{text}", textfont={"size": 19}, hoverinfo="skip", colorscale=SKALA_MATRIKS, zmin=1,
        zmax=max(1.01, float(relatif.max().max()) if relatif.notna().any().any() else 1.01), xgap=3, ygap=3,
        showscale=False))
    fig.update_xaxes(side="top", tickfont={"size": 17, "color": "#222"}, tickangle=0, type="category")
    fig.update_yaxes(autorange="reversed", tickfont={"size": 16, "color": "#222"}, type="category")
    fig = charts.rapikan(fig, lang, judul, tinggi=TINGGI_BARIS * len(df) + 90, satuan_y="")
    return fig.update_layout(plot_bgcolor="white", margin={"t": 64 if not judul else 100, "r": 4})


def peringkat(df: pd.DataFrame, label: str, nilai: str, teks: str, lang: str, judul: str = "",
              kode: str = "kode", warna: str = "#0b4f9c", judul_x: str = "") -> go.Figure:
    """Ranked horizontal bars (largest on top) labelled with a ready-made text column; code in customdata."""
    urut = df.sort_values(nilai, ascending=False)
    fig = go.Figure(go.Bar(y=urut[label], x=urut[nilai], orientation="h", customdata=urut[[kode]].to_numpy(),
                           text=urut[teks], textposition="outside", cliponaxis=False, marker_color=warna,
                           hovertext=urut[teks], hovertemplate="%{y}: %{hovertext}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", type="category")
    maks = float(urut[nilai].max()) if len(urut) else 1.0
    fig.update_xaxes(showticklabels=False, title={"text": judul_x}, showgrid=False, range=[0, maks * 1.18])
    return charts.rapikan(fig, lang, judul, tinggi=max(260, 30 * len(urut) + 90), satuan_y="")


def batang_warna(df: pd.DataFrame, x: str, y: str, warna: str, lang: str, satuan: str = "rupiah",
                 judul: str = "", teks: str | None = None) -> go.Figure:
    """One bar per row, each in the colour of column `warna`, labelled with `teks` (or `y` formatted)."""
    label = df[teks] if teks else charts.teks_nilai(df[y], satuan, lang)
    fig = go.Figure(go.Bar(x=df[x], y=df[y], marker_color=df[warna].tolist(), text=label, textposition="outside",
                           cliponaxis=False, hovertext=label, hovertemplate="%{x}: %{hovertext}<extra></extra>"))
    fig.update_xaxes(type="category")
    return charts.rapikan(fig, lang, judul, tinggi=380, satuan_y=satuan)


def batang_seri(df: pd.DataFrame, label: str, seri: list[tuple[str, str, str]], lang: str, satuan: str = "rupiah",
                judul: str = "", kode: str | None = None, horizontal: bool = True) -> go.Figure:
    """Stacked bars of several value columns per row: `seri` = [(column, name, colour), …]; with `kode`, the
    region code rides in customdata so a click can drill down."""
    fig = go.Figure()
    for kolom, nama, warna in seri:
        sumbu = {"y": df[label], "x": df[kolom], "orientation": "h"} if horizontal else {"x": df[label],
                                                                                      "y": df[kolom]}
        fig.add_bar(**sumbu, name=nama, marker_color=warna, customdata=df[[kode]].to_numpy() if kode else None,
                    hovertext=charts.teks_nilai(df[kolom], satuan, lang),
                    hovertemplate="%{hovertext}<extra>%{fullData.name}</extra>")
    fig.update_layout(barmode="stack")
    if horizontal:
        fig.update_yaxes(autorange="reversed", type="category")
        return charts.rapikan(fig, lang, judul, max(300, 30 * len(df) + 110), satuan_y="", satuan_x=satuan)
    fig.update_xaxes(type="category")
    return charts.rapikan(fig, lang, judul, 380, satuan_y=satuan)


def sumbu_rupiah_ringkas(fig: go.Figure, maks: float, lang: str, sumbu: str = "y") -> go.Figure:
    """Rupiah ticks in words ("Rp 5 miliar") instead of long full amounts; about five round steps to `maks`."""
    if not maks or not math.isfinite(maks) or maks <= 0:
        return fig
    kasar = maks / 5
    dasar = 10 ** math.floor(math.log10(kasar))
    langkah = next(k * dasar for k in (1, 2, 2.5, 5, 10) if k * dasar >= kasar)
    titik = np.arange(0, maks + langkah, langkah)
    ubah = {"tickvals": titik, "ticktext": [fmt.rupiah_ringkas(v, lang=lang) for v in titik]}
    return fig.update_xaxes(**ubah) if sumbu == "x" else fig.update_yaxes(**ubah)
