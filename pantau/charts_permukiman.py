"""Figures of the 100-0-100 page: bullets against the target, trends with the required trajectory, the
ranked gaps per wilayah, and the slum scores (classes per year, kawasan × sub-criterion heatmap, aspect
points, baseline vs latest). Every figure goes through `charts.rapikan`; drillable traces carry the
kelurahan (or kab/kota) code in customdata[0]."""
from __future__ import annotations

import threading
from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from pantau import charts, fmt, katalog, kumuh, permukiman
from pantau.i18n import t
from pantau.permukiman import INDIKATOR, teks_nilai
from pantau.pilihan import Pilihan

# fallbacks until the catalogue names these colours (`warna` in [indikator.*], [aspek_kumuh], [kelas_kumuh])
_STATUS_LINTASAN = {"tercapai": "baik", "sesuai_jalur": "baik", "tidak_sesuai_jalur": "buruk",
                    "tidak_tercapai": "buruk", "tidak_dinilai": None}


def pucat(warna: str, bagian: float) -> str:
    """`warna` (#rrggbb) mixed with white: 0 = unchanged, 1 = white."""
    rgb = [int(warna[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * bagian):02x}" for c in rgb)


def warna_indikator(kunci: str) -> str:
    return katalog.indikator(INDIKATOR[kunci]).raw["warna"]


def warna_kelas(kelas: str) -> str:
    return katalog.warna_dari("kelas_kumuh", kelas)


def warna_aspek(aspek: str) -> str:
    return katalog.warna_dari("aspek_kumuh", aspek)


def warna_lintasan(status: str) -> str:
    return katalog.warna(_STATUS_LINTASAN.get(status))


def _format(satuan: str, lang: str) -> dict:
    return fmt.plotly_format(satuan, lang)


def _pita_x(x0: float, x1: float, warna: str) -> dict:
    """A background band across the plot height (a layout shape: much cheaper than `add_vrect`)."""
    return {"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1, "fillcolor": warna,
            "line": {"width": 0}, "layer": "below"}


def _garis(sumbu: str, nilai: float, warna: str, lebar: float, putus: str = "solid") -> dict:
    """A vertical (`sumbu` 'x') or horizontal ('y') line across the plot, as a layout shape."""
    lain = "y" if sumbu == "x" else "x"
    return {"type": "line", "xref": "x" if sumbu == "x" else "paper", "yref": "y" if sumbu == "y" else "paper",
            f"{sumbu}0": nilai, f"{sumbu}1": nilai, f"{lain}0": 0, f"{lain}1": 1,
            "line": {"color": warna, "width": lebar, "dash": putus}}


def _legenda_bawah(fig: go.Figure, y: float = -0.14) -> go.Figure:
    """Legend under the plot (a legend on top collides with the title in narrow columns)."""
    return fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": y, "x": 0, "title": None})


def bullet(nilai: float, target: float, acuan: float, label_acuan: str, satuan: str, maks: float,
           langkah: list[tuple[float, float, str]], lang: str) -> go.Figure:
    """One bullet: the latest value as a dark bar, the target as a thick black line, the catalogue bands as
    pale background and the reference (first year or SK baseline) as a grey tick."""
    f = _format(satuan, lang)
    fig = go.Figure(go.Bar(x=[nilai], y=[""], orientation="h", width=0.38, marker_color="#263238",
                           hovertext=[fmt.persen(nilai, lang=lang) if satuan == "persen"
                                      else fmt.hektar(nilai, lang=lang)],
                           hovertemplate="%{hovertext}<extra></extra>"))
    if not np.isnan(acuan):
        fig.add_scatter(x=[acuan], y=[""], mode="markers", marker={"symbol": "line-ns", "size": 30,
                                                                   "line": {"width": 3, "color": "#8a8f98"}},
                        hovertemplate=f"{label_acuan}: %{{x:{f['hoverformat']}}}{f.get('ticksuffix', '')}"
                                      "<extra></extra>")
    fig.update_layout(shapes=[*[_pita_x(a, b, pucat(katalog.warna(s), 0.72)) for a, b, s in langkah],
                              _garis("x", target, "#111", 4)])
    fig = charts.rapikan(fig, lang, "", tinggi=90, satuan_y="", satuan_x=satuan)
    fig.update_xaxes(range=[0, maks * 1.005], showgrid=False)
    fig.update_layout(showlegend=False, margin={"l": 10, "r": 15, "t": 8, "b": 10}, plot_bgcolor="#f7f8fa")
    return fig


def _garis_jalur(fig: go.Figure, jalur: tuple, nama: str, warna: str, lang: str, kunci: str) -> None:
    """The required trajectory: a dotted line from (baseline year, baseline) to (target year, target)."""
    x0, y0, x1, y1 = jalur
    fig.add_scatter(x=[x0, x1], y=[y0, y1], mode="lines+markers", name=nama,
                    line={"color": warna, "dash": "dot", "width": 2}, marker={"size": 7, "symbol": "diamond"},
                    hovertext=[teks_nilai(kunci, v, lang) for v in (y0, y1)],
                    hovertemplate="%{x}: %{hovertext}<extra>%{fullData.name}</extra>")


def tren_akses(tren: pd.DataFrame, jalur: dict, lang: str, judul: str = "") -> go.Figure:
    """Safe water and sanitation per year, the 100 % target and the trajectory each needs to reach it."""
    fig = go.Figure()
    for kunci in ("air", "sanitasi"):
        nama = t(f"permukiman.singkat.{kunci}", lang)
        fig.add_scatter(x=tren.tahun, y=tren[kunci], mode="lines+markers", name=nama,
                        line={"color": warna_indikator(kunci), "width": 3},
                        hovertext=[fmt.persen(v, lang=lang) for v in tren[kunci]],
                        hovertemplate="%{x}: %{hovertext}<extra>%{fullData.name}</extra>")
        if kunci in jalur:
            _garis_jalur(fig, jalur[kunci], t("permukiman.grafik.jalur", lang, nama=nama), warna_indikator(kunci),
                         lang, kunci)
    fig.update_layout(shapes=[_garis("y", 1.0, "#111", 1.5, "dash")], annotations=[{
        "x": 0, "xref": "paper", "y": 1.0, "yref": "y", "xanchor": "left", "yanchor": "top", "showarrow": False,
        "text": t("permukiman.grafik.target", lang, nilai=fmt.persen(1.0, 0, lang=lang)), "font": {"color": "#444"}}])
    fig.update_xaxes(tickformat="d")
    fig = _legenda_bawah(charts.rapikan(fig, lang, judul, tinggi=400, satuan_y="persen"))
    bawah = np.nanmin([tren.air.min(), tren.sanitasi.min(), *[j[1] for j in jalur.values()]]) if len(tren) else 0
    return fig.update_yaxes(range=[max(0.0, float(bawah) - 0.05), 1.03])


def tren_kumuh(tren: pd.DataFrame, jalur: dict, garis_dasar: tuple, lang: str, judul: str = "") -> go.Figure:
    """Slum hectares per year against the SK Kumuh baseline, and the trajectory to 0 ha by the target year."""
    nama = t("permukiman.singkat.kumuh", lang)
    fig = go.Figure(go.Scatter(x=tren.tahun, y=tren.kumuh, mode="lines+markers", name=nama,
                               line={"color": warna_indikator("kumuh"), "width": 3},
                               hovertext=[fmt.hektar(v, lang=lang) for v in tren.kumuh],
                               hovertemplate="%{x}: %{hovertext}<extra>%{fullData.name}</extra>"))
    if "kumuh" in jalur:
        _garis_jalur(fig, jalur["kumuh"], t("permukiman.grafik.jalur", lang, nama=nama), "#111", lang, "kumuh")
    luas, tahun = garis_dasar
    if luas and luas > 0:
        fig.update_layout(shapes=[_garis("y", luas, "#8a8f98", 1.5, "dash")], annotations=[{
            "x": 1, "xref": "paper", "y": luas, "yref": "y", "xanchor": "right", "yanchor": "bottom",
            "showarrow": False, "font": {"size": 12, "color": "#666"},
            "text": t("permukiman.grafik.garis_dasar", lang, nilai=fmt.hektar(luas, lang=lang), tahun=tahun or "–")}])
    fig.update_xaxes(tickformat="d")
    fig = _legenda_bawah(charts.rapikan(fig, lang, judul, tinggi=400, satuan_y="hektar"))
    return fig.update_yaxes(rangemode="tozero")


def _legenda_lintasan(fig: go.Figure, lang: str) -> None:
    for status in ("tercapai", "tidak_sesuai_jalur", "tidak_dinilai"):
        fig.add_bar(x=[None], y=[None], name=t(f"permukiman.grafik.legenda_{status}", lang),
                    marker_color=warna_lintasan(status), showlegend=True, hoverinfo="skip")


def peringkat_kesenjangan(peringkat: pd.DataFrame, lang: str, judul: str = "") -> go.Figure:
    """Three ranked panels side by side (water gap, sanitation gap, slum hectares left), one row per unit,
    worst first; bar colours say whether the unit is on track for the target year."""
    panel = [("air", "persen"), ("sanitasi", "persen"), ("kumuh", "hektar")]
    fig = make_subplots(rows=1, cols=3, shared_yaxes=True, horizontal_spacing=0.03,
                        subplot_titles=[t(f"permukiman.grafik.panel_{k}", lang) for k, _ in panel])
    for i, (kunci, satuan) in enumerate(panel, start=1):
        nilai, status = peringkat[f"kesenjangan_{kunci}"], peringkat[f"status_{kunci}"]
        warna = [warna_lintasan(s) for s in status]
        fig.add_bar(y=peringkat.nama, x=nilai, orientation="h", showlegend=False, row=1, col=i, marker_color=warna,
                    width=0.7,
                    customdata=peringkat[["kode"]].to_numpy(), text=[teks_nilai(kunci, v, lang) for v in nilai],
                    textposition="outside", cliponaxis=False, textfont={"size": 12, "color": warna},
                    hovertext=[f"{teks_nilai(kunci, v, lang)} · {t(f'permukiman.status.{s}', lang)}"
                               for v, s in zip(nilai, status)], hovertemplate="%{y}: %{hovertext}<extra></extra>")
        puncak = float(np.nanmax(nilai.to_numpy(dtype=float), initial=0.0)) or (0.1 if satuan == "persen" else 1.0)
        fig.update_xaxes(**_format(satuan, lang), showticklabels=False, showgrid=False, range=[0, puncak * 1.5],
                         row=1, col=i)       # the bars carry their values
    _legenda_lintasan(fig, lang)
    fig.update_yaxes(autorange="reversed", type="category")
    fig = charts.rapikan(fig, lang, judul, tinggi=26 * max(len(peringkat), 3) + 150, satuan_y="")
    _legenda_bawah(fig, -12 / fig.layout.height)
    fig.update_layout(margin={"t": 75 if judul else 55})
    return fig.update_annotations(font_size=14)


def _urutan_kelas() -> list[str]:
    return [k["kelas"] for k in kumuh.aturan()["kelas"]]


def _nilai_skor() -> list[int]:
    """The scores a sub-criterion can get under the rule set (e.g. 0, 1, 3, 5)."""
    return sorted({int(p["skor"]) for p in kumuh.aturan()["skor"]})


def _total_maks() -> int:
    return max(_nilai_skor()) * len(kumuh.aturan()["kriteria"])


def kelas_per_tahun(df: pd.DataFrame, lang: str, judul: str = "") -> go.Figure:
    """How many kawasan fall in each slum class, per assessment year (one horizontal stacked bar a year,
    heaviest class on the left)."""
    fig = go.Figure()
    tahun = sorted(df.tahun.unique())
    for kelas in _urutan_kelas():
        bagian = df[df.kelas == kelas]
        fig.add_bar(y=bagian.tahun.astype(str), x=bagian.jumlah, orientation="h", marker_color=warna_kelas(kelas),
                    name=katalog.label("kelas_kumuh", kelas, lang), text=bagian.jumlah, textposition="inside",
                    insidetextanchor="middle", hovertext=[fmt.angka(v, lang=lang) for v in bagian.jumlah],
                    hovertemplate="%{y}: %{hovertext}<extra>%{fullData.name}</extra>")
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=[str(x) for x in tahun],
                     autorange="reversed")
    fig = charts.rapikan(fig, lang, judul, tinggi=48 * len(tahun) + 150, satuan_y="", satuan_x="angka")
    fig.update_xaxes(tick0=0, dtick=_dtick_bulat(df.groupby("tahun").jumlah.sum().max()))
    return _legenda_bawah(fig, -50 / fig.layout.height)


def _dtick_bulat(maks: float, jumlah: int = 6) -> int:
    """A whole-number tick step (1, 2, 5, 10, 20, …) giving at most about `jumlah` ticks up to `maks`."""
    langkah = 1
    while maks / langkah > jumlah:
        langkah = langkah * 5 // 2 if str(langkah)[0] == "2" else langkah * 2
    return langkah


def _tanpa_awalan(label: list[str]) -> list[str]:
    """Labels without a first word they all share (e.g. every name starts with "Kawasan")."""
    awal = {x.split(" ", 1)[0] for x in label if " " in x}
    if len(awal) == 1 and all(" " in x for x in label):
        return [x.split(" ", 1)[1] for x in label]
    return list(label)


def _skala_skor() -> list[list]:
    """Discrete colours for the scores of the rule set: white for 0, then paler to full 'buruk' red."""
    nilai = _nilai_skor()
    puncak = max(nilai) or 1
    skala = []
    for i, s in enumerate(nilai):
        warna = "#ffffff" if s == 0 else pucat(katalog.warna("buruk"), 0.8 * (1 - s / puncak))
        bawah = (nilai[i - 1] + s) / 2 / puncak if i else 0.0
        atas = (s + nilai[i + 1]) / 2 / puncak if i + 1 < len(nilai) else 1.0
        skala += [[bawah, warna], [atas, warna]]
    return skala


def heatmap_skor(sel: pd.DataFrame, urutan: list[str], lang: str, judul: str = "") -> go.Figure:
    """Kawasan × sub-criterion scores (latest assessment), columns grouped by aspect; hover shows the %
    affected; customdata[0] is the kawasan's kelurahan."""
    kriteria = [k for k in kumuh.aturan()["kriteria"] if k in set(sel.kriteria)]
    aspek = dict(zip(sel.kriteria, sel.aspek))
    skor = sel.pivot(index="label", columns="kriteria", values="skor").reindex(index=urutan, columns=kriteria)
    persen = sel.pivot(index="label", columns="kriteria", values="persen_terdampak").reindex(index=urutan,
                                                                                           columns=kriteria)
    kode = sel.drop_duplicates("label").set_index("label").kode_kelurahan.reindex(urutan)
    teks_persen = np.vectorize(lambda v: fmt.angka(v, 1, lang=lang) + " %" if v == v else "–",
                               otypes=[object])(persen.to_numpy(dtype=float))
    nama_aspek = [f"{aspek[k]}. {katalog.label('aspek_kumuh', aspek[k], lang)} · {k}" for k in kriteria]
    data_sel = np.dstack([np.repeat(kode.to_numpy()[:, None], len(kriteria), axis=1), teks_persen,
                          np.repeat(np.array(nama_aspek, dtype=object)[None, :], len(urutan), axis=0)])
    x = [[t(f"permukiman.aspek_singkat.{aspek[k]}", lang) for k in kriteria], kriteria]
    fig = go.Figure(go.Heatmap(z=skor.to_numpy(dtype=float), x=x, y=urutan, zmin=0, zmax=max(_nilai_skor()),
                               colorscale=_skala_skor(), xgap=2, ygap=2, customdata=data_sel,
                               text=skor.to_numpy(dtype=float), texttemplate="%{text:.0f}",
                               showscale=False,
                               hovertemplate=(f"%{{y}} · %{{customdata[2]}}<br>"
                                              f"{t('permukiman.grafik.terdampak', lang)}: "
                                              "%{customdata[1]}<br>" f"{t('permukiman.grafik.skor', lang)}: "
                                              "%{z:.0f}<extra></extra>")))
    total = sel.drop_duplicates("label").set_index("label").total.reindex(urutan)
    fig.update_yaxes(autorange="reversed", type="category", tickvals=urutan,
                     ticktext=[f"{nama} · <b>{int(n)}</b>" for nama, n in zip(_tanpa_awalan(urutan), total)])
    fig.update_xaxes(side="top", tickangle=0, tickfont={"size": 11})
    fig = charts.rapikan(fig, lang, judul, tinggi=26 * len(urutan) + 170, satuan_y="")
    return fig.update_layout(margin={"t": 130 if judul else 100}, plot_bgcolor="#e3e6ea")


def aspek_pendorong(aspek: pd.DataFrame, urutan: list[str], lang: str, judul: str = "") -> go.Figure:
    """Per kawasan (same order as the heatmap), the points each aspect adds to its latest total."""
    fig = go.Figure()
    for kode_aspek in katalog.data()["aspek_kumuh"]:
        bagian = aspek[aspek.aspek == kode_aspek].set_index("label").reindex(urutan).dropna(subset=["skor"])
        fig.add_bar(y=bagian.index, x=bagian.skor, orientation="h", marker_color=warna_aspek(kode_aspek),
                    name=katalog.label("aspek_kumuh", kode_aspek, lang),
                    customdata=bagian[["kode_kelurahan"]].to_numpy(),
                    hovertemplate="%{y}: %{x:.0f}<extra>%{fullData.name}</extra>")
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_yaxes(autorange="reversed", type="category", categoryorder="array", categoryarray=urutan,
                     tickvals=urutan, ticktext=_tanpa_awalan(urutan))
    maks = _total_maks()
    fig = charts.rapikan(fig, lang, judul, tinggi=24 * len(urutan) + 230, satuan_y="", satuan_x="angka")
    _zona_kelas(fig, maks, lang)
    return _legenda_bawah(fig, -60 / fig.layout.height).update_xaxes(range=[0, maks])


def _zona_kelas(fig: go.Figure, maks: float, lang: str) -> None:
    """Pale background bands for the slum classes on a total-score x axis (bounds from the catalogue)."""
    batas = sorted((k["bawah"], k["kelas"]) for k in kumuh.aturan()["kelas"])
    zona = [(bawah, batas[i + 1][0] if i + 1 < len(batas) else maks, kelas) for i, (bawah, kelas) in enumerate(batas)]
    fig.update_layout(
        shapes=[_pita_x(a, b, pucat(warna_kelas(k), 0.85)) for a, b, k in zona],
        annotations=[*fig.layout.annotations, *[{
            "x": (a + b) / 2, "xref": "x", "y": 1.0, "yref": "paper", "yanchor": "bottom", "showarrow": False,
            "text": katalog.label("kelas_kumuh", k, lang).replace(" ", "<br>"), "font": {"size": 12, "color": "#444"}}
            for a, b, k in zona]],
        margin={"t": fig.layout.margin.t + 34})


def perubahan(ubah: pd.DataFrame, lang: str, judul: str = "") -> go.Figure:
    """Each kawasan's total score in its first and latest assessment (arrow of change), on the class bands."""
    fig = go.Figure()
    maks = _total_maks()
    x = np.column_stack([ubah.total_awal, ubah.total_akhir, np.full(len(ubah), np.nan)]).ravel()
    y = np.repeat(ubah.label.to_numpy(), 3)
    fig.add_scatter(x=x, y=y, mode="lines", line={"color": "#8a8f98", "width": 2}, hoverinfo="skip", showlegend=False)
    for kolom, simbol, nama in (("awal", "circle-open", "awal"), ("akhir", "circle", "akhir")):
        fig.add_scatter(x=ubah[f"total_{kolom}"], y=ubah.label, mode="markers", name=t(f"permukiman.grafik.{nama}",
                        lang), marker={"symbol": simbol, "size": 12, "line": {"width": 2}, "color": [
                            warna_kelas(k) for k in ubah[f"kelas_{kolom}"]]},
                        customdata=np.column_stack([ubah.kode_kelurahan, ubah[f"tahun_{kolom}"]]),
                        hovertemplate="%{y} (%{customdata[1]}): %{x:.0f}<extra>%{fullData.name}</extra>")
    label = ubah.label.tolist()
    fig.update_yaxes(autorange="reversed", type="category", tickvals=label, ticktext=_tanpa_awalan(label))
    fig = charts.rapikan(fig, lang, judul, tinggi=24 * len(ubah) + 200, satuan_y="", satuan_x="angka")
    _zona_kelas(fig, maks, lang)
    return _legenda_bawah(fig, -58 / fig.layout.height).update_xaxes(range=[0, maks])


def gambar(p: Pilihan, tahun_target: int, penuh: bool = True) -> "Gambar":
    """Every figure of the page for one selection, by name, each built on first use. Kept once per dataset
    version, filter, target year and language and shared read-only, so a rerun builds no figure; readers that
    show two of them (Ringkasan, the profile) build only those two. `penuh=False`: the target figures come
    from the page data without the slum-area scoring (for readers that never show the scoring)."""
    return _gambar(*permukiman.kunci(p, tahun_target), penuh)


_DARI_CAPAIAN = ("tren_akses", "tren_kumuh", "peringkat")      # need only the targets part of the data
_DARI_KAWASAN = ("kelas", "heatmap", "aspek", "perubahan")      # need the slum-area scoring


class Gambar(Mapping):
    """The page's figures by name (`bullet0`… and those above); which exist depends on the data."""

    def __init__(self, kunci: tuple, penuh: bool = True):
        self._kunci, self._penuh, self._dibuat, self._kunci_lock = kunci, penuh, {}, threading.Lock()
        self._daftar: list[str] | None = None

    def _data(self, kawasan: bool) -> permukiman.Ringkasan:
        return permukiman.hitung(*self._kunci, kawasan=kawasan or self._penuh)

    def _nama(self) -> list[str]:
        """The names that exist (worked out once: the page asks on every rerun)."""
        if self._daftar is None:
            self._daftar = self._cari_nama()
        return self._daftar

    def _cari_nama(self) -> list[str]:
        capaian = self._data(False)
        hasil = [f"bullet{i}" for i in range(len(capaian.bullet))] + list(_DARI_CAPAIAN) if capaian.angka else []
        kw = self._data(True).kawasan
        if kw:
            hasil += [n for n in _DARI_KAWASAN if n != "perubahan" or len(kw["perubahan"])]
        return hasil

    def _buat(self, nama: str) -> go.Figure:
        lang = self._kunci[-1]
        if nama in _DARI_KAWASAN:
            kw = self._data(True).kawasan
            if not kw or (nama == "perubahan" and not len(kw["perubahan"])):
                raise KeyError(nama)
            if nama == "kelas":
                return kelas_per_tahun(kw["kelas_per_tahun"], lang, t("permukiman.grafik.kelas_per_tahun", lang))
            if nama == "heatmap":
                return heatmap_skor(kw["sel"], kw["urutan"], lang, t("permukiman.grafik.heatmap", lang))
            if nama == "aspek":
                return aspek_pendorong(kw["aspek"], kw["urutan"], lang, t("permukiman.grafik.aspek", lang))
            return perubahan(kw["perubahan"], lang, t("permukiman.grafik.perubahan", lang))
        data = self._data(False)
        if not data.angka:
            raise KeyError(nama)
        if nama.startswith("bullet") and nama[6:].isdigit() and int(nama[6:]) < len(data.bullet):
            return bullet(**data.bullet[int(nama[6:])]["grafik"], lang=lang)
        if nama == "tren_akses":
            return tren_akses(data.tren, data.jalur, lang, t("permukiman.grafik.tren_akses", lang))
        if nama == "tren_kumuh":
            return tren_kumuh(data.tren, data.jalur, data.garis_dasar, lang, t("permukiman.grafik.tren_kumuh", lang))
        if nama == "peringkat":
            return peringkat_kesenjangan(data.peringkat, lang)
        raise KeyError(nama)

    def __getitem__(self, nama: str) -> go.Figure:
        with self._kunci_lock:                 # one build per figure, also when two sessions ask at once
            if nama not in self._dibuat:
                self._dibuat[nama] = self._buat(nama)
            return self._dibuat[nama]

    def __contains__(self, nama) -> bool:
        return nama in self._nama()

    def __iter__(self):
        return iter(self._nama())

    def __len__(self) -> int:
        return len(self._nama())


@st.cache_resource(show_spinner=False, max_entries=64)
def _gambar(versi: str | None, prefix: str, tahun_awal: int, tahun_akhir: int, panjang: int, tahun_target: int,
            lang: str, penuh: bool = True) -> Gambar:
    return Gambar((versi, prefix, tahun_awal, tahun_akhir, panjang, tahun_target, lang), penuh)
