"""The maps of the BLM, Dana Bergulir and 100-0-100 pages: each page's per-area figures turned into a map frame
(every area of the dataset one level below the filter, with its centroid, value, band status and a hover
note; areas without a figure keep the 'no data' colour), and the map section a page shows (indicator switch,
map, legend, notes) with its drill-down: a click on an area moves the filter there, and on a kelurahan opens
its profile (`filters.drill`)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
import streamlit as st

from pantau import blm, charts, dataset, db, filters, fmt, katalog, peta, permukiman
from pantau import dana_bergulir as dana
from pantau.i18n import t
from pantau.pilihan import Pilihan

PANJANG = {"kabkota": 5, "kecamatan": 8, "kelurahan": 13}
# BLM: catalogue indicator -> (column of blm.per_wilayah, unit, status column or None)
INDIKATOR_BLM = {"total_blm": ("nilai_blm_rp", "rupiah", None),
                 "progres_pencairan": ("progres", "persen", "status_progres"),
                 "leverage": ("leverage", "persen", None),
                 "blm_per_kk_miskin": ("rp_per_kk_miskin", "rupiah", None)}
INDIKATOR_PERMUKIMAN = permukiman.INDIKATOR          # 'air', 'kumuh', 'sanitasi' -> catalogue indicator


@dataclass(frozen=True)
class IsiPeta:
    """What one map shows: the frame for `peta.peta`, its unit and the catalogue indicator behind it."""

    df: pd.DataFrame            # kode, nama, lat, lon, nilai, status, keterangan
    satuan: str
    indikator: str

    @property
    def berstatus(self) -> bool:
        return self.df.status.notna().any()


# ---------------------------------------------------------------- the areas one level below the filter
@st.cache_data(show_spinner=False, max_entries=4)
def _titik(versi: str | None) -> pd.DataFrame:
    return peta.titik(filters.wilayah_dataset())


def dasar(p: Pilihan) -> pd.DataFrame:
    """Every area of the dataset one level below the filter (kode, nama, lat, lon); none for one kelurahan."""
    if p.tingkat == "kelurahan":
        return pd.DataFrame(columns=["kode", "nama", "lat", "lon"])
    w = _titik(dataset.active_id())
    bawah = w[(w.tingkat == filters.tingkat_bawah(p)) & w.kode.str.startswith(p.prefix)]
    return bawah[["kode", "nama", "lat", "lon"]].reset_index(drop=True)


def gabung(areas: pd.DataFrame, nilai: pd.DataFrame) -> pd.DataFrame:
    """The areas with their figures (`nilai`: kode, nilai, optional status and keterangan); areas without a
    figure keep nilai NaN and status None (the 'no data' colour)."""
    df = areas.merge(nilai.drop(columns=["nama"], errors="ignore"), on="kode", how="left")
    for kolom in ("status", "keterangan"):
        df[kolom] = df[kolom].astype(object).where(df[kolom].notna(), None) if kolom in df else None
    df["nilai"] = pd.to_numeric(df["nilai"], errors="coerce").astype(float)
    return df


def _label_status(ind: str, status, lang: str) -> list:
    return [katalog.indikator(ind).label_status(s, lang) if isinstance(s, str) else None for s in status]


# ---------------------------------------------------------------- per page
def isi_blm(data: blm.Ringkasan, p: Pilihan, ind: str) -> IsiPeta:
    """BLM per area (total, disbursement progress with its bands, leverage or Rp per poor household)."""
    kolom, satuan, kolom_status = INDIKATOR_BLM[ind]
    per = blm.per_wilayah(data)
    nilai = pd.DataFrame({"kode": per.kode, "nilai": per[kolom]})
    if kolom_status:
        nilai["status"] = per[kolom_status].to_numpy()
        nilai["keterangan"] = _label_status(ind, per[kolom_status], p.lang)
    elif ind == "blm_per_kk_miskin":
        nilai["keterangan"] = per.keterangan_ps.to_numpy()
    return IsiPeta(gabung(dasar(p), nilai), satuan, ind)


def isi_dana(per_wilayah: pd.DataFrame, p: Pilihan, ind: str) -> IsiPeta:
    """A POB indicator (LAR, PAR, RR, CCr, ROI) of the pooled UPKs per area, coloured by its bands; the hover
    says the band and the computation, or why the figure is missing."""
    nilai = pd.DataFrame({"kode": per_wilayah.kode, "nilai": per_wilayah[ind],
                          "status": per_wilayah[f"status_{ind}"].to_numpy(),
                          "keterangan": [dana.keterangan(b, ind, p.lang) for _, b in per_wilayah.iterrows()]})
    return IsiPeta(gabung(dasar(p), nilai), "persen", ind)


@st.cache_data(show_spinner=False, max_entries=64)
def _permukiman(versi: str | None, prefix: str, tahun_awal: int, tahun_akhir: int, panjang: int,
                tahun_target: int) -> dict[str, pd.DataFrame]:
    per_unit = db.query("permukiman_per_wilayah", wilayah=prefix, tahun_awal=tahun_awal, tahun_akhir=tahun_akhir,
                        panjang=panjang, tahun_target=tahun_target)
    ev = permukiman.evaluasi(per_unit, tahun_target)
    return {k: v.assign(kode=per_unit.kode.to_numpy()) for k, v in ev.items()}


def isi_permukiman(p: Pilihan, tahun_target: int, kunci: str) -> IsiPeta:
    """Safe water or sanitation (with their bands) or slum hectares per area, latest year of the period."""
    ind = INDIKATOR_PERMUKIMAN[kunci]
    if p.tingkat == "kelurahan":
        return IsiPeta(gabung(dasar(p), pd.DataFrame(columns=["kode", "nilai"])), permukiman.SATUAN[kunci], ind)
    ev = _permukiman(dataset.active_id(), p.prefix, p.tahun_awal, p.tahun_akhir,
                     PANJANG[filters.tingkat_bawah(p)], tahun_target)[kunci]
    tahun = [t("peta.tahun_data", p.lang, tahun=int(x)) if pd.notna(x) else "" for x in ev.tahun_terakhir]
    nilai = pd.DataFrame({"kode": ev.kode, "nilai": ev.nilai_terakhir})
    if kunci == "kumuh":
        nilai["keterangan"] = [f"{a} · " + t("peta.pengurangan", p.lang, nilai=fmt.persen(r, lang=p.lang))
                               for a, r in zip(tahun, ev.pengurangan)]
    else:
        nilai["status"] = [katalog.status(ind, v) for v in ev.nilai_terakhir]
        nilai["keterangan"] = [" · ".join(x for x in (s, a) if x) for s, a in
                               zip(_label_status(ind, nilai.status, p.lang), tahun)]
    return IsiPeta(gabung(dasar(p), nilai), permukiman.SATUAN[kunci], ind)


# ---------------------------------------------------------------- the map section
def legenda(isi: IsiPeta, lang: str) -> list[tuple[str, str]]:
    """The catalogue's bands (status maps; a value map's colour bar is in the figure) and the 'no data' colour
    when an area has none."""
    pasangan = peta.legenda(isi.indikator if isi.berstatus else None, lang)
    return pasangan if isi.df.nilai.isna().any() else pasangan[:-1]


def catatan(isi: IsiPeta, lang: str) -> list[str]:
    """Notes under the legend: how the value is drawn, own rules, and that a click drills down."""
    fitur = peta.batas().fitur
    poligon = isi.df.kode.isin(fitur.keys())
    teks = []
    if isi.berstatus:
        teks.append(t("peta.warna_pita", lang))
    elif poligon.any() and isi.df.nilai.notna().any():
        teks.append(t("peta.warna_skala", lang))
    if poligon.any():
        teks.append(t("peta.poligon", lang))
    if (~poligon).any():
        teks.append(t("peta.lingkaran", lang, n=int((~poligon).sum())))
    if katalog.indikator(isi.indikator).aturan_sendiri:
        teks.append(t("peta.aturan_sendiri", lang, aturan=t("umum.aturan_sendiri", lang)))
    teks.append(t("peta.klik", lang))
    return teks


def tampilkan(isi: IsiPeta, p: Pilihan, nama: str, judul: str = "") -> None:
    """The map (left) with its legend and notes (right); a click on an area drills down."""
    lang = p.lang
    if isi.df.empty:
        return
    kiri, kanan = st.columns([5, 2])
    fig = peta.peta(isi.df, lang, satuan=isi.satuan, judul=judul, tinggi=440)
    event = kiri.plotly_chart(fig, config=peta.config(lang), on_select="rerun", selection_mode="points",
                              key=filters.kunci_grafik(nama, p))
    with kanan:
        st.markdown(f"**{katalog.indikator(isi.indikator).nama(lang)}**")
        st.markdown(peta.legenda_html(legenda(isi, lang)), unsafe_allow_html=True)
        st.caption(" ".join(catatan(isi, lang)))
    filters.drill(charts.kode_terpilih(event))


def _judul(p: Pilihan) -> str:
    return t("peta.judul", p.lang, tingkat=t(f"peta.tingkat.{filters.tingkat_bawah(p)}", p.lang))


def _pilih(pilihan_ind: list[str], nama: str, lang: str) -> str:
    label = {k: katalog.indikator(INDIKATOR_PERMUKIMAN.get(k, k)).nama(lang) for k in pilihan_ind}
    return st.segmented_control(t("peta.indikator", lang), pilihan_ind, default=pilihan_ind[0], key=nama,
                                format_func=label.get) or pilihan_ind[0]


def bagian_blm(data: blm.Ringkasan, p: Pilihan) -> None:
    """The BLM page's map section (one kelurahan: a link to its profile instead)."""
    if p.tingkat == "kelurahan":
        filters.tautan_profil(p.wilayah, p)
        return
    st.subheader(_judul(p))
    tampilkan(isi_blm(data, p, _pilih(list(INDIKATOR_BLM), "blm_peta_indikator", p.lang)), p, "blm_peta")


def bagian_dana(per_wilayah: pd.DataFrame, p: Pilihan, ind: str, periode: date) -> None:
    """The Dana Bergulir map of the indicator chosen for the bars, in the report month."""
    st.markdown(f"**{_judul(p)}** — {fmt.bulan(periode, lang=p.lang)}")
    isi = _isi_dana(dataset.active_id(), replace(p, catatan=()), ind, periode, per_wilayah)
    tampilkan(isi, p, f"db_peta_{periode}")


# the hover texts are written once per selection, month and indicator (a rerun only draws the map)
@st.cache_resource(show_spinner=False, max_entries=64)
def _isi_dana(versi: str | None, p: Pilihan, ind: str, periode: date, _per_wilayah: pd.DataFrame) -> IsiPeta:
    return isi_dana(_per_wilayah, p, ind)


def bagian_permukiman(p: Pilihan, tahun_target: int) -> None:
    """The 100-0-100 map section: water, slum hectares or sanitation per area (one kelurahan: nothing, the
    page links to the profile)."""
    if p.tingkat == "kelurahan":
        return
    st.subheader(_judul(p))
    kunci = _pilih(list(INDIKATOR_PERMUKIMAN), "permukiman_peta_indikator", p.lang)
    tampilkan(isi_permukiman(p, tahun_target, kunci), p, "permukiman_peta")
