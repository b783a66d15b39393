"""Figures of the BLM page, built once per filter choice from a `blm.Ringkasan` on top of `pantau.charts`
(same separators, fonts and drill-down convention: the region code sits in `customdata[0]` of every
drillable trace). Titles are written by the page above each chart, so they wrap on narrow screens and a
legend never covers them."""
from __future__ import annotations

import plotly.graph_objects as go

from pantau import blm, charts, fmt, katalog
from pantau.blm import Ringkasan, sekali
from pantau.i18n import t

# funding sources and beneficiary groups have no catalogue table yet
WARNA_DANA = {"nilai_blm_rp": "#0b4f9c", "nilai_ddub_rp": "#00838f", "nilai_swadaya_rp": "#f9a825"}
WARNA_PEMANFAAT = {"pemanfaat": "#0b4f9c", "pemanfaat_miskin": "#c62828", "pemanfaat_perempuan": "#6a1b9a"}
WARNA_PAGU = "#b0b7c3"
WARNA_KUMULATIF = "#222222"
TINGGI_BARIS = 26
HOVER = "%{x}: %{hovertext}<extra>%{fullData.name}</extra>"


def _nama(kolom: str, lang: str) -> str:
    return t(f"blm.kolom.{kolom}", lang)


@sekali
def per_tahun(r: Ringkasan, dimensi: str) -> go.Figure:
    """BLM per year stacked by programme or component (catalogue names and colours), with the cumulative
    total since the first year as a line on the right axis."""
    df, kum, lang = blm.per_tahun(r, dimensi), blm.kumulatif(r), r.lang
    fig = charts.batang_bertumpuk(df.assign(tahun=df.tahun.astype(str)), "tahun", "nilai_blm_rp", dimensi,
                                  dimensi, lang, tinggi=420)
    fig.add_scatter(x=kum.tahun.astype(str), y=kum.kumulatif_rp, yaxis="y2", mode="lines+markers",
                    name=_nama("kumulatif_rp", lang), line={"color": WARNA_KUMULATIF, "width": 2},
                    hovertext=charts.teks_nilai(kum.kumulatif_rp, "rupiah", lang), hovertemplate=HOVER)
    fig.update_layout(yaxis2={"overlaying": "y", "side": "right", "showgrid": False, "rangemode": "tozero",
                              "tickmode": "auto", **fmt.plotly_format("rupiah", lang)})
    fig.update_xaxes(categoryorder="category ascending")
    return fig


@sekali
def per_tahap(r: Ringkasan) -> go.Figure:
    """BLM per year and tahap, stacked by component, on a two-level axis (tahap within year)."""
    fig, lang = go.Figure(), r.lang
    for komponen, bagian in blm.per_tahap(r).groupby("komponen", sort=False):
        x = [bagian.tahun.astype(str).tolist(), bagian.tahap.astype(str).tolist()]
        teks = charts.teks_nilai(bagian.nilai_blm_rp, "rupiah", lang)
        fig.add_bar(x=x, y=bagian.nilai_blm_rp, name=katalog.label("komponen", komponen, lang),
                    marker_color=katalog.warna_dari("komponen", komponen), hovertemplate="%{hovertext}<extra>"
                    "%{fullData.name}</extra>", hovertext=[t("blm.tahap.hover", lang, tahun=a, tahap=b, nilai=c)
                                                           for a, b, c in zip(*x, teks)])
    fig.update_layout(barmode="stack")
    fig.update_xaxes(categoryorder="category ascending", title={"text": t("blm.tahap.sumbu", lang)})
    return charts.rapikan(fig, lang, satuan_y="rupiah")


@sekali
def wilayah_total(r: Ringkasan) -> go.Figure:
    """Areas ranked by total BLM (largest on top), each bar split by component; click drills to the area."""
    teratas = blm.ujung(blm.per_wilayah(r), "nilai_blm_rp")
    fig = charts.batang_bertumpuk(blm.wilayah_komponen(teratas), "label", "nilai_blm_rp", "komponen", "komponen",
                                  r.lang, horizontal=True, kode="kode",
                                  tinggi=max(300, TINGGI_BARIS * len(teratas) + 90))
    fig.update_yaxes(categoryorder="array", categoryarray=teratas.label.tolist())
    return fig


@sekali
def wilayah_per_kk(r: Ringkasan) -> go.Figure | None:
    """Areas ranked by BLM per poor household (PS); None when no area has a PS count."""
    df = blm.ujung(blm.per_wilayah(r), "rp_per_kk_miskin")
    if df.empty:
        return None
    return charts.batang_peringkat(df, "label", "rp_per_kk_miskin", r.lang)


@sekali
def pagu_cair(r: Ringkasan) -> go.Figure:
    """Pagu and cair per year; cair bars coloured by the catalogue status of cair ÷ pagu."""
    df, lang, ind = blm.progres_tahunan(r), r.lang, katalog.indikator("progres_pencairan")
    tahun = df.tahun.astype(str)
    fig = go.Figure(go.Bar(x=tahun, y=df.pagu_rp, name=_nama("pagu_rp", lang), marker_color=WARNA_PAGU,
                           offsetgroup="pagu", hovertext=charts.teks_nilai(df.pagu_rp, "rupiah", lang),
                           hovertemplate=HOVER))
    for status, bagian in df.groupby(df.status.fillna("kosong"), sort=False):
        status = None if status == "kosong" else status
        teks = [f"{fmt.rupiah_ringkas(c, lang=lang)} ({fmt.persen(p, lang=lang)})"
                for c, p in zip(bagian.cair_rp, bagian.progres)]
        fig.add_bar(x=bagian.tahun.astype(str), y=bagian.cair_rp, offsetgroup="cair", hovertext=teks,
                    marker_color=katalog.warna(status), hovertemplate=HOVER,
                    name=f"{_nama('cair_rp', lang)}: {ind.label_status(status, lang)}")
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=tahun.tolist())
    return charts.rapikan(fig, lang, satuan_y="rupiah")


@sekali
def tertinggal(r: Ringkasan) -> go.Figure:
    """The slowest lagging kelurahan on top, bars in their status colour; click drills to the kelurahan."""
    df, lang = blm.tertinggal(r).head(blm.BATAS_GRAFIK // 2), r.lang
    label = df.nama_kelurahan + " (" + df.nama_kecamatan.fillna("") + ")"
    fig = go.Figure(go.Bar(y=label, x=df.progres, orientation="h", marker_color=df.warna.tolist(),
                           customdata=df[["kode_kelurahan"]].to_numpy(), hovertext=[
                               f"{fmt.persen(p, lang=lang)} · {s}" for p, s in zip(df.progres, df.status_label)],
                           hovertemplate="%{y}: %{hovertext}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(range=[0, 1.02])
    return charts.rapikan(fig, lang, tinggi=max(180, TINGGI_BARIS * len(df) + 90), satuan_y="", satuan_x="persen")


@sekali
def dana(r: Ringkasan) -> go.Figure:
    """BLM (APBN), DDUB (APBD) and swadaya per year, stacked; leverage written above each bar."""
    df, lang, fig = blm.dana_tahunan(r), r.lang, go.Figure()
    tahun = df.tahun.astype(str)
    for kolom, warna in WARNA_DANA.items():
        fig.add_bar(x=tahun, y=df[kolom], name=_nama(kolom, lang), marker_color=warna, hovertemplate=HOVER,
                    hovertext=charts.teks_nilai(df[kolom], "rupiah", lang))
    puncak = df[list(WARNA_DANA)].sum(axis=1)
    fig.add_scatter(x=tahun, y=puncak, mode="text", text=[fmt.persen(v, 0, lang=lang) for v in df.leverage],
                    textposition="top center", name=_nama("leverage", lang), hoverinfo="skip", showlegend=False)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category")
    fig.update_yaxes(range=[0, float(puncak.max()) * 1.12 if len(puncak) else 1])   # room for the labels
    return charts.rapikan(fig, lang, satuan_y="rupiah")


@sekali
def pemanfaat(r: Ringkasan) -> go.Figure:
    """Beneficiaries per year: all, poor, women (grouped bars)."""
    df, lang, fig = blm.pemanfaat_tahunan(r), r.lang, go.Figure()
    for kolom, warna in WARNA_PEMANFAAT.items():
        fig.add_bar(x=df.tahun.astype(str), y=df[kolom], name=_nama(kolom, lang), marker_color=warna,
                    hovertext=charts.teks_nilai(df[kolom], "angka", lang), hovertemplate=HOVER)
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    return charts.rapikan(fig, lang, satuan_y="angka")
