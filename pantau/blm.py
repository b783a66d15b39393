"""BLM: where the grants went, when, for what (tridaya), how fast (pagu vs cair), with what co-funding
and for whom. Pure functions over the `blm_*` query results; formulas as in the catalogue (domain.md §3.1).

`ringkasan(pilihan)` loads the data once; every other function turns it into one frame for one chart or
table. `per_wilayah` is the per-area figure frame (one row per area one level below the filter), ready
for a ranked chart today and a map later."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial, wraps
from typing import NamedTuple

import numpy as np
import pandas as pd
import streamlit as st

from pantau import dataset, db, filters, fmt, katalog
from pantau.i18n import t
from pantau.layout import Angka
from pantau.pilihan import Pilihan

KOMPONEN = ("lingkungan", "sosial", "ekonomi", "tidak_dirinci")
PANJANG_KODE = {"kabkota": 5, "kecamatan": 8, "kelurahan": 13}
UANG = ("nilai_blm_rp", "nilai_ddub_rp", "nilai_swadaya_rp")
ORANG = ("pemanfaat", "pemanfaat_miskin", "pemanfaat_perempuan")
BATAS_GRAFIK = 30            # ranked charts longer than this show the top and bottom 15 (tables keep all)


@dataclass(frozen=True, eq=False)
class Ringkasan:
    """The BLM query results for one filter choice (one shared object per dataset version and choice)."""

    rincian: pd.DataFrame      # tahun × program × tahap × komponen: BLM, DDUB, swadaya, pemanfaat
    progres: pd.DataFrame      # tahun × program: pagu_rp, cair_rp
    wilayah: pd.DataFrame      # one row per area one level below the filter
    belum_cair: pd.DataFrame   # kelurahan whose cair is below pagu
    tingkat: str               # level of the rows of `wilayah`
    tahun_akhir: int
    lang: str
    simpanan: dict = field(default_factory=dict, repr=False)   # derived frames and figures, built once

    @property
    def kosong(self) -> bool:
        return self.rincian.empty and self.progres.empty

    @property
    def angka(self) -> list[Angka]:
        return angka_utama(self)


class Tabel(NamedTuple):
    """A table ready for `layout.tabel`: readable column names and their number formats."""

    df: pd.DataFrame
    format: dict[str, str]


def ringkasan(p: Pilihan) -> Ringkasan:
    """The BLM data of the filter choice; reruns with the same choice get the same object back."""
    return _ringkasan(dataset.active_id(), p.wilayah, p.tahun_awal, p.tahun_akhir, p.program, p.lang)


@st.cache_resource(max_entries=32, show_spinner=False)
def _ringkasan(versi: str | None, wilayah: str, tahun_awal: int, tahun_akhir: int, program: tuple[str, ...],
               lang: str) -> Ringkasan:
    p = Pilihan(wilayah, tahun_awal, tahun_akhir, program, lang)
    params, tingkat = p.params(), filters.tingkat_bawah(p)
    rincian, progres, per_wilayah, belum_cair = db.query_serentak(
        ("blm_rincian", params), ("blm_progres_tahun", params),
        ("blm_per_wilayah", {"panjang": PANJANG_KODE[tingkat], **params}), ("blm_kelurahan_belum_cair", params))
    return Ringkasan(rincian=rincian, progres=progres, wilayah=per_wilayah, belum_cair=belum_cair, tingkat=tingkat,
                     tahun_akhir=tahun_akhir, lang=lang)


def sekali(fungsi):
    """Decorator: build a derived frame or figure once per `Ringkasan`, so a rerun with the same filters
    rebuilds nothing. Results are shared between reruns and sessions: treat them as read-only."""
    @wraps(fungsi)
    def bungkus(r: Ringkasan, *args):
        kunci = (fungsi.__module__, fungsi.__name__, args)
        if kunci not in r.simpanan:
            r.simpanan[kunci] = fungsi(r, *args)
        return r.simpanan[kunci]
    return bungkus


# ---------------------------------------------------------------- formulas (domain.md §3.1)
def rasio(pembilang, penyebut):
    """pembilang ÷ penyebut; NaN (shown as "–") where the denominator is zero or missing."""
    a, b = np.asarray(pembilang, dtype=float), np.asarray(penyebut, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        hasil = np.where(b > 0, a / b, np.nan)
    return float(hasil) if hasil.ndim == 0 else hasil


def leverage(swadaya, ddub, blm):
    """(swadaya + DDUB) ÷ BLM APBN."""
    return rasio(np.add(swadaya, ddub), blm)


@sekali
def porsi_komponen(r: Ringkasan) -> pd.Series:
    """Share of each tridaya component in the BLM that was assigned to a component ('tidak dirinci' left out)."""
    per = r.rincian.groupby("komponen").nilai_blm_rp.sum().reindex(KOMPONEN, fill_value=0)
    return pd.Series(rasio(per[list(KOMPONEN[:3])], per[list(KOMPONEN[:3])].sum()), index=KOMPONEN[:3])


@sekali
def total(r: Ringkasan) -> dict[str, float]:
    """Sums over the selection: money, beneficiaries, pagu, cair and the number of kelurahan with BLM."""
    hasil = {k: int(r.rincian[k].sum()) for k in (*UANG, *ORANG)}
    hasil.update(pagu_rp=int(r.progres.pagu_rp.sum()), cair_rp=int(r.progres.cair_rp.sum()),
                 jumlah_kelurahan=int(r.wilayah.jumlah_kelurahan.sum()),
                 tidak_dirinci_rp=int(r.rincian.loc[r.rincian.komponen == "tidak_dirinci", "nilai_blm_rp"].sum()))
    return hasil


def nilai_blm(p: Pilihan) -> int | None:
    """Total BLM of a selection (`total(ringkasan(p))["nilai_blm_rp"]`, from one query instead of the page's
    four): the Ringkasan's comparison with the years before. None when the selection has no BLM data at all."""
    rincian = db.query("blm_rincian", **p.params())
    if rincian.empty and db.query("blm_progres_tahun", **p.params()).empty:
        return None
    return int(rincian.nilai_blm_rp.sum())


def _status(ind_id: str, nilai) -> list:
    return [katalog.status(ind_id, None if pd.isna(v) else float(v)) for v in nilai]


def _label_status(ind_id: str, status: list, lang: str) -> list[str]:
    ind = katalog.indikator(ind_id)
    return [ind.label_status(s, lang) if s else fmt.KOSONG for s in status]


# ---------------------------------------------------------------- headline numbers
@sekali
def angka_utama(r: Ringkasan) -> list[Angka]:
    """Total BLM, component shares, leverage and disbursement progress, with catalogue names and bands."""
    jumlah = total(r)
    return [_kartu_total(jumlah, r.lang), _kartu_komponen(r, jumlah, r.lang), _kartu_leverage(jumlah, r.lang),
            _kartu_progres(jumlah, r.lang)]


def _kartu_total(jumlah: dict, lang: str) -> Angka:
    return Angka(katalog.indikator("total_blm").nama(lang), fmt.rupiah_ringkas(jumlah["nilai_blm_rp"], lang=lang),
                 catatan=t("blm.angka.total_catatan", lang, rupiah=fmt.rupiah(jumlah["nilai_blm_rp"], lang=lang),
                           n=fmt.angka(jumlah["jumlah_kelurahan"], lang=lang)))


def _kartu_komponen(r: Ringkasan, jumlah: dict, lang: str) -> Angka:
    porsi = porsi_komponen(r)
    nilai = fmt.KOSONG if porsi.isna().all() else t(
        "blm.angka.porsi_nilai", lang, **{k[0]: fmt.angka(v * 100, lang=lang) for k, v in porsi.items()})
    catatan = t("blm.angka.tidak_dirinci", lang, nilai=fmt.rupiah_ringkas(jumlah["tidak_dirinci_rp"], lang=lang)) \
        if jumlah["tidak_dirinci_rp"] else t("blm.angka.porsi_urutan", lang)
    return Angka(t("blm.angka.porsi_label", lang), nilai, catatan=catatan)


def _kartu_leverage(jumlah: dict, lang: str) -> Angka:
    nilai = leverage(jumlah["nilai_swadaya_rp"], jumlah["nilai_ddub_rp"], jumlah["nilai_blm_rp"])
    catatan = t("blm.angka.tanpa_blm", lang) if np.isnan(nilai) else t(
        "blm.angka.leverage_catatan", lang, ddub=fmt.rupiah_ringkas(jumlah["nilai_ddub_rp"], lang=lang),
        swadaya=fmt.rupiah_ringkas(jumlah["nilai_swadaya_rp"], lang=lang))
    return Angka(katalog.indikator("leverage").nama(lang), fmt.persen(nilai, lang=lang), catatan=catatan)


def _kartu_progres(jumlah: dict, lang: str) -> Angka:
    ind = katalog.indikator("progres_pencairan")
    nilai = rasio(jumlah["cair_rp"], jumlah["pagu_rp"])
    status = katalog.status("progres_pencairan", nilai)
    catatan = t("blm.angka.tanpa_pagu", lang) if np.isnan(nilai) else ind.label_status(status, lang)
    return Angka(ind.nama(lang), fmt.persen(nilai, lang=lang), status, catatan, aturan_sendiri=ind.aturan_sendiri)


@sekali
def angka_pemanfaat(r: Ringkasan) -> list[Angka]:
    """Beneficiaries: all, poor and women, with their shares of all beneficiaries."""
    jumlah, lang = total(r), r.lang
    semua = jumlah["pemanfaat"]
    return [Angka(t("blm.pemanfaat.semua", lang), fmt.angka(semua, lang=lang),
                  catatan=t("blm.pemanfaat.semua_catatan", lang)),
            *[Angka(t(f"blm.pemanfaat.{k}", lang), fmt.angka(jumlah[f"pemanfaat_{k}"], lang=lang),
                    catatan=t("blm.pemanfaat.porsi", lang,
                              porsi=fmt.persen(rasio(jumlah[f"pemanfaat_{k}"], semua), lang=lang)))
              for k in ("miskin", "perempuan")]]


# ---------------------------------------------------------------- when: per year, cumulative, per tahap
def _urut(df: pd.DataFrame, kolom: str) -> pd.DataFrame:
    """Rows in the catalogue's order of programmes or components (legend order follows it), then by year."""
    urutan = {k: i for i, k in enumerate(katalog.data()[kolom])}
    return df.assign(_u=df[kolom].map(urutan)).sort_values(["_u", "tahun"], kind="stable").drop(columns="_u")


@sekali
def per_tahun(r: Ringkasan, dimensi: str) -> pd.DataFrame:
    """BLM per year split by `dimensi` ('komponen' or 'program'), long form for a stacked chart."""
    df = r.rincian.groupby(["tahun", dimensi], as_index=False).nilai_blm_rp.sum()
    return _urut(df, dimensi)


@sekali
def kumulatif(r: Ringkasan) -> pd.DataFrame:
    """BLM per year and cumulative since the first selected year."""
    df = r.rincian.groupby("tahun", as_index=False).nilai_blm_rp.sum().sort_values("tahun")
    return df.assign(kumulatif_rp=df.nilai_blm_rp.cumsum())


@sekali
def per_tahap(r: Ringkasan) -> pd.DataFrame:
    """BLM per year and tahap split by component (long form, components in catalogue order)."""
    return _urut(r.rincian.groupby(["tahun", "tahap", "komponen"], as_index=False).nilai_blm_rp.sum(), "komponen")


@sekali
def tahap_pagu(r: Ringkasan) -> pd.DataFrame:
    """Per year × programme × tahap: BLM by component, total, and cair up to this tahap as a share of the
    year's pagu (cumulative progress per tahap)."""
    lebar = r.rincian.pivot_table(index=["tahun", "program", "tahap"], columns="komponen", values="nilai_blm_rp",
                                  aggfunc="sum", fill_value=0).reindex(columns=list(KOMPONEN), fill_value=0)
    lebar = lebar.reset_index().rename_axis(columns=None)
    lebar["nilai_blm_rp"] = lebar[list(KOMPONEN)].sum(axis=1)
    lebar["cair_kumulatif_rp"] = lebar.groupby(["tahun", "program"]).nilai_blm_rp.cumsum()
    lebar = lebar.merge(r.progres[["tahun", "program", "pagu_rp"]], on=["tahun", "program"], how="left")
    return lebar.assign(progres=rasio(lebar.cair_kumulatif_rp, lebar.pagu_rp))


# ---------------------------------------------------------------- how fast: pagu vs cair
@sekali
def progres_tahunan(r: Ringkasan) -> pd.DataFrame:
    """Per year: pagu, cair, progress (cair ÷ pagu) and its catalogue status."""
    df = r.progres.groupby("tahun", as_index=False)[["pagu_rp", "cair_rp"]].sum().sort_values("tahun")
    df["progres"] = rasio(df.cair_rp, df.pagu_rp)
    df["status"] = _status("progres_pencairan", df.progres)
    df["status_label"] = _label_status("progres_pencairan", df.status.tolist(), r.lang)
    return df


@sekali
def tertinggal(r: Ringkasan) -> pd.DataFrame:
    """Kelurahan whose disbursement lags: progress over the selected years outside the catalogue's
    'baik' band, slowest first, with the year of the widest gap."""
    df = r.belum_cair.copy()
    df["progres"] = rasio(df.cair_rp, df.pagu_rp)
    df["progres_terendah"] = rasio(df.cair_terendah_rp, df.pagu_terendah_rp)
    df["status"] = _status("progres_pencairan", df.progres)
    df = df[df.status.isin(["sedang", "buruk"])].sort_values(["progres", "kode_kelurahan"])
    df["status_label"] = _label_status("progres_pencairan", df.status.tolist(), r.lang)
    df["warna"] = [katalog.warna(s) for s in df.status]
    return df.reset_index(drop=True)


# ---------------------------------------------------------------- co-funding and beneficiaries
@sekali
def dana_tahunan(r: Ringkasan) -> pd.DataFrame:
    """Per year: BLM (APBN), DDUB (APBD), swadaya and leverage = (swadaya + DDUB) ÷ BLM."""
    df = r.rincian.groupby("tahun", as_index=False)[list(UANG)].sum().sort_values("tahun")
    return df.assign(leverage=leverage(df.nilai_swadaya_rp, df.nilai_ddub_rp, df.nilai_blm_rp))


@sekali
def pemanfaat_tahunan(r: Ringkasan) -> pd.DataFrame:
    """Per year: beneficiaries, poor and women beneficiaries and their shares."""
    df = r.rincian.groupby("tahun", as_index=False)[list(ORANG)].sum().sort_values("tahun")
    return df.assign(porsi_miskin=rasio(df.pemanfaat_miskin, df.pemanfaat),
                     porsi_perempuan=rasio(df.pemanfaat_perempuan, df.pemanfaat))


# ---------------------------------------------------------------- where: one row per area
@sekali
def per_wilayah(r: Ringkasan) -> pd.DataFrame:
    """The per-area figure frame (ranked charts now, a map later): one row per area one level below the
    filter with its BLM, components, leverage, progress, Rp per poor household (PS) and why that may be missing."""
    df = r.wilayah.copy()
    ganda = df.nama.duplicated(keep=False)
    df["label"] = np.where(ganda, df.nama + " (" + df.kode + ")", df.nama)
    df["leverage"] = leverage(df.nilai_swadaya_rp, df.nilai_ddub_rp, df.nilai_blm_rp)
    df["progres"] = rasio(df.nilai_blm_rp, df.pagu_rp)
    df["status_progres"] = _status("progres_pencairan", df.progres)
    df["rp_per_kk_miskin"] = rasio(df.blm_kelurahan_ps_rp, df.rt_miskin_ps)
    df["keterangan_ps"] = [_keterangan_ps(baris, r.tahun_akhir, r.lang) for baris in df.itertuples()]
    return df.sort_values(["nilai_blm_rp", "kode"], ascending=[False, True]).reset_index(drop=True)


def _keterangan_ps(b, tahun_akhir: int, lang: str) -> str:
    """Which Pemetaan Swadaya year(s) the per-household figure uses, or why it is missing."""
    if not b.nilai_blm_rp:
        return t("blm.ps.tanpa_blm", lang)
    if pd.isna(b.rt_miskin_ps):
        return t("blm.ps.tidak_ada", lang, tahun=tahun_akhir)
    if not b.rt_miskin_ps:
        return t("blm.ps.nol", lang)
    tahun = str(b.tahun_ps_min) if b.tahun_ps_min == b.tahun_ps_maks else f"{b.tahun_ps_min}–{b.tahun_ps_maks}"
    if b.kelurahan_ps < b.jumlah_kelurahan:
        return t("blm.ps.sebagian", lang, tahun=tahun, n=b.kelurahan_ps, dari=b.jumlah_kelurahan)
    return t("blm.ps.lengkap", lang, tahun=tahun)


def wilayah_komponen(wilayah: pd.DataFrame) -> pd.DataFrame:
    """Long form of `per_wilayah` for a ranked chart stacked by component (areas in the frame's order)."""
    kolom = {f"blm_{k}_rp": k for k in KOMPONEN}
    df = wilayah[["kode", "label", *kolom]].melt(id_vars=["kode", "label"], var_name="komponen",
                                                 value_name="nilai_blm_rp")
    df["komponen"] = df.komponen.map(kolom)
    return df[df.nilai_blm_rp > 0]


def ujung(df: pd.DataFrame, kolom: str) -> pd.DataFrame:
    """All rows ranked by `kolom` (largest first); beyond `BATAS_GRAFIK` rows only the top and bottom 15."""
    urut = df.dropna(subset=[kolom]).sort_values([kolom, "kode"], ascending=[False, True])
    setengah = BATAS_GRAFIK // 2
    return urut if len(urut) <= BATAS_GRAFIK else pd.concat([urut.head(setengah), urut.tail(setengah)])


def nama_tingkat(r: Ringkasan) -> str:
    return t(f"blm.tingkat.{r.tingkat}", r.lang)


def tanpa_ps(r: Ringkasan) -> int:
    """Areas with BLM but no Rp-per-poor-household figure (no usable PS count)."""
    wilayah = per_wilayah(r)
    return int(((wilayah.nilai_blm_rp > 0) & wilayah.rp_per_kk_miskin.isna()).sum())


# ---------------------------------------------------------------- tables (readable names, raw values)
def _tabel(df: pd.DataFrame, kolom: dict[str, str | None], lang: str) -> Tabel:
    """Pick and rename columns to their readable names (`blm.kolom.*`), with their number formats."""
    nama = {k: t(f"blm.kolom.{k}", lang) for k in kolom}
    return Tabel(df[list(kolom)].rename(columns=nama), {nama[k]: v for k, v in kolom.items() if v})


@sekali
def tabel_tahunan(r: Ringkasan) -> Tabel:
    """Per year: BLM by programme, by component, total and cumulative."""
    nama = {"tahun": t("blm.kolom.tahun", r.lang)}
    lebar = []
    for kelompok, urutan in (("program", list(katalog.data()["program"])), ("komponen", KOMPONEN)):
        df = r.rincian.pivot_table(index="tahun", columns=kelompok, values="nilai_blm_rp", aggfunc="sum",
                                   fill_value=0)
        lebar.append(df[[k for k in urutan if k in df.columns]])
        nama.update({k: katalog.label(kelompok, k, r.lang) for k in lebar[-1].columns})
    nama.update({k: t(f"blm.kolom.{k}", r.lang) for k in ("nilai_blm_rp", "kumulatif_rp")})
    df = pd.concat([*lebar, kumulatif(r).set_index("tahun")], axis=1).reset_index().rename(columns=nama)
    return Tabel(df, {v: "rupiah" for k, v in nama.items() if k != "tahun"})


@sekali
def tabel_tahap(r: Ringkasan) -> Tabel:
    df = tahap_pagu(r)
    df = df.assign(program=[katalog.label("program", p, r.lang) for p in df.program])
    df = df.rename(columns={k: f"blm_{k}_rp" for k in KOMPONEN})
    return _tabel(df, {"tahun": None, "program": None, "tahap": None, **{f"blm_{k}_rp": "rupiah" for k in KOMPONEN},
                       "nilai_blm_rp": "rupiah", "pagu_rp": "rupiah", "progres": "persen"}, r.lang)


@sekali
def tabel_wilayah(r: Ringkasan) -> Tabel:
    return _tabel(per_wilayah(r), {
        "kode": None, "nama": None, "jumlah_kelurahan": "angka", "nilai_blm_rp": "rupiah",
        **{f"blm_{k}_rp": "rupiah" for k in KOMPONEN}, "nilai_ddub_rp": "rupiah", "nilai_swadaya_rp": "rupiah",
        "leverage": "persen", "pagu_rp": "rupiah", "progres": "persen", "rt_miskin_ps": "angka",
        "rp_per_kk_miskin": "rupiah", "keterangan_ps": None, "pemanfaat": "angka", "pemanfaat_miskin": "angka",
        "pemanfaat_perempuan": "angka"}, r.lang)


@sekali
def tabel_progres(r: Ringkasan) -> Tabel:
    return _tabel(progres_tahunan(r), {"tahun": None, "pagu_rp": "rupiah", "cair_rp": "rupiah",
                                       "progres": "persen", "status_label": None}, r.lang)


@sekali
def tabel_tertinggal(r: Ringkasan) -> Tabel:
    return _tabel(tertinggal(r), {
        "kode_kelurahan": None, "nama_kelurahan": None, "nama_kecamatan": None, "nama_kabkota": None,
        "pagu_rp": "rupiah", "cair_rp": "rupiah", "progres": "persen", "status_label": None, "tahun_terendah": None,
        "progres_terendah": "persen"}, r.lang)


@sekali
def tabel_dana(r: Ringkasan) -> Tabel:
    return _tabel(dana_tahunan(r), {"tahun": None, "nilai_blm_rp": "rupiah", "nilai_ddub_rp": "rupiah",
                                    "nilai_swadaya_rp": "rupiah", "leverage": "persen"}, r.lang)


@sekali
def tabel_pemanfaat(r: Ringkasan) -> Tabel:
    return _tabel(pemanfaat_tahunan(r), {"tahun": None, "pemanfaat": "angka", "pemanfaat_miskin": "angka",
                                         "porsi_miskin": "persen", "pemanfaat_perempuan": "angka",
                                         "porsi_perempuan": "persen"}, r.lang)


def rumus(*ind_id: str, lang: str = "id") -> str:
    """'**Name**: formula' for catalogue indicators, own rules tagged as such (for captions)."""
    teks = []
    for kunci in ind_id:
        ind = katalog.indikator(kunci)
        tanda = f" ({t('umum.aturan_sendiri', lang)})" if ind.aturan_sendiri else ""
        teks.append(f"**{ind.nama(lang)}**: {ind.rumus(lang)}{tanda}")
    return " · ".join(teks)


# ---------------------------------------------------------------- the page's key content, reusable (Ringkasan, slides)
def slides(p: Pilihan) -> list:
    """The page's key content as presentation slides, built from its own cards and figures: total BLM, BLM per
    year by component, disbursement progress, pagu vs cair per year. Empty when the selection has no BLM."""
    from pantau import charts_blm
    from pantau.presentasi import Slide
    r = ringkasan(p)
    if r.kosong:
        return []
    lang, kartu = p.lang, angka_utama(r)
    judul = t("blm.judul", lang)
    return [Slide("blm", judul, angka=kartu[0], catatan=rumus("total_blm", lang=lang)),
            Slide("blm", t("blm.tahun.grafik_komponen", lang), gambar=partial(charts_blm.per_tahun, r, "komponen")),
            Slide("blm", judul, angka=kartu[3], catatan=rumus("progres_pencairan", lang=lang)),
            Slide("blm", t("blm.progres.grafik", lang), gambar=partial(charts_blm.pagu_cair, r),
                  catatan=rumus("progres_pencairan", lang=lang))]
