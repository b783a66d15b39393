"""Plotly figures that read like the text around them: Indonesian separators, catalogue colours,
hovers formatted by `pantau.fmt`, and the region code in `customdata[0]` so a click can drill down.

Every figure shown in the app is built here (or by a module that calls `rapikan`)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from pantau import fmt, katalog

FONT = "Source Sans Pro, DejaVu Sans, sans-serif"
CONFIG = {"displaylogo": False, "locale": "id", "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def config(lang: str) -> dict:
    """`st.plotly_chart(config=...)`: no logo, no calls home."""
    return {**CONFIG, "locale": "id" if lang == "id" else "en"}


def rapikan(fig: go.Figure, lang: str, judul: str = "", tinggi: int = 380, satuan_y: str = "angka",
            satuan_x: str | None = None) -> go.Figure:
    """Apply the shared layout: separators, axis formats per unit, legend on top, readable fonts."""
    fig.update_layout(separators=fmt.plotly_separators(lang), height=tinggi, font={"family": FONT, "size": 14},
                      title={"text": judul, "font": {"size": 17}} if judul else None,
                      margin={"l": 10, "r": 10, "t": 50 if judul else 20, "b": 10},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": None},
                      plot_bgcolor="white", hoverlabel={"font_size": 14})
    if satuan_y:
        fig.update_yaxes(**fmt.plotly_format(satuan_y, lang), gridcolor="#e3e6ea", zeroline=False)
    if satuan_x:
        fig.update_xaxes(**fmt.plotly_format(satuan_x, lang), gridcolor="#e3e6ea")
    return fig


def teks_nilai(nilai, satuan: str, lang: str) -> list[str]:
    """Hover/label text for each value in the one formatter."""
    fungsi = {"rupiah": fmt.rupiah_ringkas, "persen": fmt.persen, "hektar": fmt.hektar}.get(satuan, fmt.angka)
    return [fungsi(v, lang=lang) for v in nilai]


def batang_bertumpuk(df: pd.DataFrame, x: str, y: str, warna: str, kelompok_warna: str, lang: str,
                     satuan: str = "rupiah", judul: str = "", horizontal: bool = False,
                     kode: str | None = None, tinggi: int = 380) -> go.Figure:
    """Stacked bars of `y` by `x`, one trace per value of `warna` (colours and names from the catalogue
    table `kelompok_warna`, e.g. 'komponen' or 'program'). `kode` names the column carried for drill-down."""
    fig = go.Figure()
    for nilai_warna, bagian in df.groupby(warna, sort=False, dropna=False):
        kunci = "tidak_dirinci" if pd.isna(nilai_warna) else str(nilai_warna)
        sumbu = {"y": bagian[x], "x": bagian[y], "orientation": "h"} if horizontal else {"x": bagian[x],
                                                                                       "y": bagian[y]}
        fig.add_bar(**sumbu, name=katalog.label(kelompok_warna, kunci, lang),
                    marker_color=katalog.warna_dari(kelompok_warna, kunci),
                    customdata=bagian[[kode]].to_numpy() if kode else None,
                    hovertext=teks_nilai(bagian[y], satuan, lang), hovertemplate="%{hovertext}<extra>%{fullData.name}"
                                                                                 "</extra>")
    fig.update_layout(barmode="stack")
    if horizontal:
        fig.update_yaxes(autorange="reversed", type="category")
        return rapikan(fig, lang, judul, tinggi, satuan_y="", satuan_x=satuan)
    fig.update_xaxes(type="category")
    return rapikan(fig, lang, judul, tinggi, satuan_y=satuan)


def batang_peringkat(df: pd.DataFrame, label: str, nilai: str, lang: str, satuan: str = "rupiah",
                     judul: str = "", kode: str = "kode", warna: list[str] | None = None) -> go.Figure:
    """A ranked horizontal bar chart (largest on top), one bar per region, code in customdata."""
    urut = df.assign(_warna=warna or "#0b4f9c").sort_values(nilai, ascending=False)
    fig = go.Figure(go.Bar(y=urut[label], x=urut[nilai], orientation="h", customdata=urut[[kode]].to_numpy(),
                           marker_color=urut["_warna"], hovertext=teks_nilai(urut[nilai], satuan, lang),
                           hovertemplate="%{y}: %{hovertext}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", type="category")
    return rapikan(fig, lang, judul, tinggi=max(300, 26 * len(urut) + 80), satuan_y="", satuan_x=satuan)


def garis(df: pd.DataFrame, x: str, y: str, seri: str | None, lang: str, satuan: str = "persen",
          judul: str = "", warna: dict[str, str] | None = None, tinggi: int = 340) -> go.Figure:
    """Lines of `y` over `x`, one per value of `seri` (or a single line)."""
    fig = go.Figure()
    kelompok = df.groupby(seri, sort=False) if seri else [(judul or y, df)]
    for nama, bagian in kelompok:
        fig.add_scatter(x=bagian[x], y=bagian[y], mode="lines+markers", name=str(nama),
                        line={"color": (warna or {}).get(str(nama))}, hovertext=teks_nilai(bagian[y], satuan, lang),
                        hovertemplate="%{x}: %{hovertext}<extra>%{fullData.name}</extra>")
    return rapikan(fig, lang, judul, tinggi, satuan_y=satuan)


def kode_terpilih(event) -> str | None:
    """The region code of the clicked point of an `st.plotly_chart(on_select="rerun")` event, if any."""
    try:
        titik = event.selection.points
    except AttributeError:
        return None
    for t in titik or []:
        data = t.get("customdata")
        if data:
            return str(data[0] if isinstance(data, (list, tuple)) else data)
    return None
