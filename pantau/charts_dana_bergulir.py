"""Figures of the Dana Bergulir page: the POB indicators over 12 months against their bands (small multiples),
regions compared on one indicator (worst first, band colours, drillable), the portfolio, collectibility and
loans per cycle. Every figure is finished by `charts.rapikan` and every number goes through `pantau.fmt`."""
from __future__ import annotations

from functools import partial
from typing import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.colors import sample_colorscale

from pantau import charts, fmt, katalog
from pantau.dana_bergulir import POB, label_bulan, label_kelas
from pantau.i18n import t


@st.cache_resource(show_spinner=False, max_entries=400)
def _simpan(kunci: tuple, _buat: Callable[[], go.Figure]) -> go.Figure:
    return _buat()


def sekali(kunci: tuple, buat: Callable[..., go.Figure], *args) -> go.Figure:
    """`buat(*args)`, built once per process and kept, so a warm rerun only sends the figure. `kunci` names the
    data the frames among `args` come from (`Ringkasan.kunci`: dataset version, selection, month); the other
    arguments (language, titles, options) join it. The figure is shared: callers must not change it."""
    lain = tuple(a for a in args if not isinstance(a, pd.DataFrame))
    return _simpan((buat.__name__, kunci, lain), partial(buat, *args))


def _nama_pendek(ind: str, lang: str) -> str:
    return katalog.indikator(ind).nama(lang).split(" (")[0]


def _tepi_pita(ind: str) -> list[float]:
    return sorted({p[k] for p in katalog.indikator(ind).pita for k in ("bawah", "atas") if k in p})


def _sumbu_bulan(fig: go.Figure, bulan: list, lang: str, n: int = 4, **kwargs) -> None:
    """Time ticks by `fmt.bulan`; spans over two years get one tick per year (every few years), by the year."""
    bulan = sorted({pd.Timestamp(b) for b in bulan})
    if len(bulan) > 24:
        tahun = sorted({b.year for b in bulan})
        langkah = max(1, int(np.ceil(len(tahun) / (2 * n))))
        pilih = [pd.Timestamp(y, 1, 1) for y in tahun[::langkah]]
        fig.update_xaxes(tickvals=pilih, ticktext=[str(p.year) for p in pilih], tickangle=0, **kwargs)
        return
    langkah = max(1, int(np.ceil(len(bulan) / n)))
    pilih = bulan[::-1][::langkah][::-1]
    fig.update_xaxes(tickvals=pilih, ticktext=label_bulan(pilih, lang), tickangle=0, **kwargs)


def _latar_pita(ind: str, bawah: float, atas: float, sumbu: str) -> list[dict]:
    """Rectangles shading each band of the catalogue, in its status colour, behind one panel."""
    kotak = []
    for pita in katalog.indikator(ind).pita:
        y0, y1 = max(pita.get("bawah", bawah), bawah), min(pita.get("atas", atas), atas)
        if y1 > y0:
            kotak.append({"type": "rect", "xref": f"x{sumbu} domain", "yref": f"y{sumbu}", "x0": 0, "x1": 1,
                          "y0": y0, "y1": y1, "fillcolor": katalog.warna(pita["status"]), "opacity": 0.12,
                          "line": {"width": 0}, "layer": "below"})
    return kotak


def _panel(kolom: int, n: int, jarak: float = 0.075) -> tuple[str, list[float]]:
    lebar = (1 - jarak * (n - 1)) / n
    awal = (kolom - 1) * (lebar + jarak)
    return ("" if kolom == 1 else str(kolom)), [awal, awal + lebar]


def tren_kecil(tren: pd.DataFrame, lang: str, judul: str = "") -> go.Figure:
    """The five POB indicators of the area over 12 months, one small panel each, on their band colours (the
    months are in the title and the hover; panels are too narrow for month ticks)."""
    fig, kotak, judul_panel, sumbu = go.Figure(), [], [], {}
    for kolom, ind in enumerate(POB, start=1):
        nomor, domain = _panel(kolom, len(POB))
        d = tren[tren.indikator == ind].sort_values("periode")
        nilai = d.nilai.astype("float64")
        tepi = _tepi_pita(ind)
        bawah, atas = min([0.0, *tepi, *nilai.dropna()]), max([*tepi, *nilai.dropna()]) * 1.15 or 1.0
        fig.add_scatter(x=d.periode, y=nilai, mode="lines+markers", line={"color": "#111111", "width": 2},
                        marker={"size": 5}, showlegend=False, name=_nama_pendek(ind, lang), xaxis=f"x{nomor}",
                        yaxis=f"y{nomor}", customdata=label_bulan(d.periode, lang),
                        hovertemplate="%{customdata}: %{y}<extra>%{fullData.name}</extra>")
        kotak += _latar_pita(ind, bawah, atas, nomor)
        sumbu[f"xaxis{nomor}"] = {"domain": domain, "anchor": f"y{nomor}", "showticklabels": False, "showgrid": False}
        sumbu[f"yaxis{nomor}"] = {"anchor": f"x{nomor}", "range": [bawah, atas], "tickfont": {"size": 11}}
        judul_panel.append({"text": _nama_pendek(ind, lang), "x": sum(domain) / 2, "y": 1.0, "xref": "paper",
                            "yref": "paper", "xanchor": "center", "yanchor": "bottom", "showarrow": False,
                            "font": {"size": 15}})
    fig.update_layout(shapes=kotak, annotations=judul_panel, **sumbu)
    charts.rapikan(fig, lang, judul, tinggi=250, satuan_y="persen")
    fig.update_layout(margin={"t": 80})
    return fig


def _urut_terburuk(df: pd.DataFrame, ind: str) -> pd.DataFrame:
    naik = katalog.indikator(ind).raw["arah"] == "naik"
    return df.sort_values(ind, ascending=naik, na_position="last")


def batang_wilayah(df: pd.DataFrame, ind: str, lang: str, judul: str = "") -> go.Figure:
    """One bar per region for `ind`, worst on top, coloured by band, band edges as dashed lines; the region
    code rides in customdata[0] so a click drills down. Missing values show "–" and why."""
    d = _urut_terburuk(df, ind)
    nilai = d[ind].astype("float64")
    teks = [fmt.persen(v, lang=lang) if not np.isnan(v) else f"– ({t(f'dana_bergulir.alasan.{a}', lang)})"
            for v, a in zip(nilai, d[f"alasan_{ind}"])]
    fig = go.Figure(go.Bar(y=d.nama, x=nilai.fillna(0), orientation="h", customdata=d[["kode"]].to_numpy(),
                           marker_color=[katalog.warna(s if isinstance(s, str) else None) for s in d[f"status_{ind}"]],
                           text=teks, textposition="outside", cliponaxis=False, hovertext=teks,
                           hovertemplate="%{y}: %{hovertext}<extra></extra>"))
    for tepi in _tepi_pita(ind):
        fig.add_vline(x=tepi, line_dash="dash", line_color="#555555", line_width=1)
    fig.update_yaxes(autorange="reversed", type="category")
    atas = max([*_tepi_pita(ind), *nilai.dropna()]) * 1.2 or 1.0
    fig.update_xaxes(range=[min(0.0, *nilai.dropna(), 0.0) * 1.2, atas])
    return charts.rapikan(fig, lang, judul, tinggi=max(260, 30 * len(d) + 90), satuan_y="", satuan_x="persen")


def portofolio(m: pd.DataFrame, lang: str, judul: str = "", seri: tuple[str, str] = ("", "")) -> go.Figure:
    """Outstanding (line) and monthly disbursement (bars), both in rupiah."""
    bulan = label_bulan(m.periode, lang)
    hover = f"%{{customdata}}: {fmt.hover_rupiah(lang)}<extra>%{{fullData.name}}</extra>"
    fig = go.Figure()
    fig.add_bar(x=m.periode, y=m.pencairan_rp, name=seri[1], marker_color="#8fb3de", customdata=bulan,
                hovertemplate=hover)
    fig.add_scatter(x=m.periode, y=m.saldo_rp, name=seri[0], mode="lines", line={"color": "#0b4f9c", "width": 3},
                    customdata=bulan, hovertemplate=hover)
    charts.rapikan(fig, lang, judul, tinggi=360, satuan_y="rupiah")
    _sumbu_bulan(fig, list(m.periode), lang, n=5)
    return _ruang_legenda(fig)


def _ruang_legenda(fig: go.Figure) -> go.Figure:
    """Legend under the plot, so a long or wrapped legend never runs into the title."""
    fig.update_layout(legend={"y": -0.14, "yanchor": "top", "x": 0}, margin={"b": 20})
    return fig


def _warna_kelas() -> dict[str, str]:
    """Class colours: a class's own `warna` in the catalogue, else a ramp through the catalogue's status colours
    (baik → sedang → buruk) in class order."""
    kelas = katalog.indikator("kolektibilitas").raw["kelas"]
    skala = [[0.0, katalog.warna("baik")], [0.4, katalog.warna("sedang")], [1.0, katalog.warna("buruk")]]
    ramp = sample_colorscale(skala, [i / max(1, len(kelas) - 1) for i in range(len(kelas))])
    return {k["kode"]: k.get("warna", r) for k, r in zip(kelas, ramp)}


def kolektibilitas(kol: pd.DataFrame, lang: str, porsi: bool, judul: str = "") -> go.Figure:
    """Outstanding per collectibility class over the months, stacked, as amounts or as shares."""
    y, satuan = ("porsi", "persen") if porsi else ("saldo_rp", "rupiah")
    nilai_hover = "%{y}" if porsi else fmt.hover_rupiah(lang)    # shares use the axis' percent hover format
    fig = go.Figure()
    for kode, warna in _warna_kelas().items():
        d = kol[kol.kelas == kode].sort_values("periode")
        fig.add_scatter(x=d.periode, y=d[y].astype("float64").fillna(0), name=label_kelas(kode, lang), mode="lines",
                        stackgroup="kol", line={"width": 0.5, "color": warna}, fillcolor=warna,
                        customdata=label_bulan(d.periode, lang),
                        hovertemplate=f"%{{customdata}}: {nilai_hover}<extra>%{{fullData.name}}</extra>")
    charts.rapikan(fig, lang, judul, tinggi=380, satuan_y=satuan)
    _sumbu_bulan(fig, list(kol.periode), lang, n=5)
    fig.update_layout(legend_traceorder="normal", margin={"r": 45})
    return _ruang_legenda(fig)


def siklus_ksm(s: pd.DataFrame, lang: str, judul: str = "") -> go.Figure:
    """Active KSM by their current loan cycle."""
    fig = go.Figure(go.Bar(x=s.siklus.astype(str), y=s.ksm_aktif, marker_color="#0b4f9c",
                           hovertext=charts.teks_nilai(s.ksm_aktif, "angka", lang),
                           hovertemplate="%{x}: %{hovertext}<extra></extra>"))
    fig.update_xaxes(type="category", title=t("dana_bergulir.ksm.kolom.siklus", lang))
    return charts.rapikan(fig, lang, judul, tinggi=300, satuan_y="angka")


def siklus_ukuran(s: pd.DataFrame, lang: str, judul: str = "") -> go.Figure:
    """Average loan per member by cycle (loans disbursed in the year to the report month)."""
    d = s[s.jumlah_pinjaman > 0]
    fig = go.Figure(go.Bar(x=d.siklus.astype(str), y=d.rata_anggota_rp, marker_color="#6a1b9a",
                           hovertext=charts.teks_nilai(d.rata_anggota_rp, "rupiah", lang),
                           hovertemplate="%{x}: %{hovertext}<extra></extra>"))
    fig.update_xaxes(type="category", title=t("dana_bergulir.ksm.kolom.siklus", lang))
    return charts.rapikan(fig, lang, judul, tinggi=300, satuan_y="rupiah")

