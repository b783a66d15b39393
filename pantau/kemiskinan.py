"""Data Kemiskinan: poor households by source (PS, BPS, DTKS, BKKBN, Raskin) side by side, the spread between
sources (max − min and max ÷ min, an own rule of the catalogue), which source each programme targeted with,
and what BLM per poor household would be under each source.

The spread of an area is taken over the sources present in that year; max ÷ min is undefined ("–", with the
reason) when the smallest count is 0 or only one source is present. Source explanations and programme
targeting come from the catalogue tables `sumber_kemiskinan` and `sumber_penargetan`."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pantau import charts, charts_kemiskinan, dataset, db, filters, fmt, katalog, schema
from pantau.i18n import t
from pantau.layout import Angka
from pantau.pilihan import Pilihan, ubah

SUMBER = schema.SUMBER_KEMISKINAN
KOLOM_RT = {s: f"rt_{s.lower()}" for s in SUMBER}
PANJANG = {"nasional": 0, "provinsi": 2, "kabkota": 5, "kecamatan": 8, "kelurahan": 13}
MATRIKS_MAKS = 20     # rows of the projector matrix
TABEL_MAKS = 1000     # rows of the on-screen spread table


@dataclass(frozen=True)
class Ringkasan:
    """The whole selection over the filter period."""

    kosong: bool
    tahun: list[int]
    tren: pd.DataFrame        # tahun × sumber: poor households of the selection (long, for a line chart)
    kelurahan: pd.DataFrame   # kelurahan × tahun: sources side by side and the spread, most disagreement first
    blm: pd.DataFrame         # BLM per poor household under each source


@dataclass(frozen=True)
class Potret:
    """One data year: headline numbers, areas one level down ranked by spread, and the projector matrix."""

    tahun: int
    angka: list[Angka]
    wilayah: pd.DataFrame
    matriks: pd.DataFrame
    jumlah_kelurahan: int


@dataclass(frozen=True)
class Layar:
    """Everything the page draws for one data year, built once per filter choice and shared read-only."""

    potret: Potret
    gambar: dict[str, go.Figure]
    tabel: tuple[pd.DataFrame, dict[str, str]]
    tabel_blm: tuple[pd.DataFrame, dict[str, str]]
    penargetan: pd.DataFrame


@dataclass(frozen=True)
class Profil:
    """What a kelurahan profile shows about poverty data."""

    kosong: bool
    per_tahun: pd.DataFrame
    blm: pd.DataFrame


# ------------------------------------------------------------------ catalogue: sources and targeting

def _katalog_sumber() -> dict:
    return katalog.data().get("sumber_kemiskinan", {})


def nama_sumber(kode: str, lang: str) -> str:
    entri = _katalog_sumber().get(kode)
    return entri[lang] if entri else kode


def warna_sumber(kode: str) -> str:
    return _katalog_sumber().get(kode, {}).get("warna", katalog.warna(None))


def urutan_sumber() -> list[str]:
    """The contract's sources, in the catalogue's order when it lists them."""
    dikatalog = [s for s in _katalog_sumber() if s in SUMBER]
    return dikatalog + [s for s in SUMBER if s not in dikatalog]


def penjelasan_sumber(lang: str) -> pd.DataFrame:
    """Why the sources differ: what each counts, how, which way it leans, when (empty if not catalogued)."""
    baris = [{"sumber": k, "nama": nama_sumber(k, lang), **{f: v.get(f, {}).get(lang, "")
                                                          for f in ("hitung", "cara", "kecenderungan", "periode")},
              "keyakinan": t(f"kemiskinan.keyakinan.{v.get('keyakinan', 'mungkin')}", lang)}
             for k, v in _katalog_sumber().items()]
    return pd.DataFrame(baris, columns=["sumber", "nama", "hitung", "cara", "kecenderungan", "periode", "keyakinan"])


def sumber_program(program: list[str]) -> dict[str, list[str]]:
    """source -> the programmes (of `program`) that targeted with it, from the catalogue."""
    tabel = katalog.data().get("sumber_penargetan", {})
    hasil: dict[str, list[str]] = {}
    for prog in program:
        for s in tabel.get(prog, {}).get("sumber", []):
            hasil.setdefault(s, []).append(prog)
    return hasil


def penargetan(program: list[str], lang: str) -> pd.DataFrame:
    """Which source each programme used for targeting (programmes not catalogued say so)."""
    tabel = katalog.data().get("sumber_penargetan", {})
    baris = []
    for prog in program:
        entri = tabel.get(prog)
        baris.append({"program": katalog.label("program", prog, lang),
                      "sumber": ", ".join(nama_sumber(s, lang) for s in entri["sumber"]) if entri
                      else t("kemiskinan.penargetan.tidak_dikatalog", lang),
                      "keyakinan": t(f"kemiskinan.keyakinan.{entri['keyakinan']}", lang) if entri else fmt.KOSONG,
                      "catatan": entri.get("catatan", {}).get(lang, "") if entri else ""})
    return pd.DataFrame(baris, columns=["program", "sumber", "keyakinan", "catatan"])


# ------------------------------------------------------------------ spread

def _panjang(p: Pilihan) -> int:
    return PANJANG[p.tingkat]


def selisih(p: Pilihan, panjang: int) -> pd.DataFrame:
    """Sources side by side per area (code prefix of `panjang` characters) and year, with spread and reason."""
    df = db.query("kemiskinan_selisih", **p.params(), panjang=panjang)
    return df.assign(keterangan=keterangan(df, p.lang))


def keterangan(df: pd.DataFrame, lang: str) -> np.ndarray:
    """Why max ÷ min is missing (one source, or the lowest source counts 0) or may mislead (coverage differs)."""
    kode, sumber = pd.factorize(df["sumber_min"])          # a few sources over thousands of rows: text each once
    teks = np.array([t("kemiskinan.ket.min_nol", lang, sumber=nama_sumber(s, lang)) for s in sumber] + [""],
                    dtype=object)
    nol = pd.Series(teks[kode], index=df.index)             # code -1 (no source) takes the last entry, ""
    return np.select([df["jumlah_sumber"].to_numpy() < 2, df["rt_min"].fillna(0).to_numpy() == 0,
                      ~df["cakupan_sama"].fillna(True).astype(bool).to_numpy()],
                     [t("kemiskinan.ket.satu_sumber", lang), nol.to_numpy(dtype=object),
                      t("kemiskinan.ket.cakupan_beda", lang)], default="").astype(object)


def teks_rasio(rasio: pd.Series, lang: str) -> list[str]:
    """max ÷ min as '2,07×' ('–' when undefined)."""
    return [fmt.KOSONG if pd.isna(r) else f"{fmt.angka(r, 2, lang=lang)}×" for r in rasio]


def _urut_rasio(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["rasio", "selisih", "kode"], ascending=[False, False, True], na_position="last")


def _label_unik(df: pd.DataFrame, lang: str) -> pd.Series:
    """Names for chart axes; a name shared by two areas gets its code, so no two rows merge."""
    nama = df["nama"].astype(object).fillna(df["kode"].astype(object)).replace("", t("kemiskinan.semua", lang))
    ganda = nama.duplicated(keep=False)
    return nama.where(~ganda, nama + " (" + df["kode"].astype(object) + ")")


# ------------------------------------------------------------------ BLM per poor household

def hitung_blm_per_sumber(terakhir: pd.DataFrame, nilai_blm: int, program: list[str], lang: str) -> pd.DataFrame:
    """BLM ÷ each source's poor households (its latest year); '–' with a reason when it cannot be divided."""
    pakai = sumber_program(program)
    df = pd.DataFrame({"sumber": urutan_sumber()}).merge(terakhir, on="sumber", how="left")
    rt = df["rumah_tangga_miskin"].astype("float64")
    bisa = (rt > 0) & (nilai_blm > 0)
    df = df.assign(nama_sumber=[nama_sumber(s, lang) for s in df["sumber"]], nilai_blm_rp=nilai_blm,
                   blm_per_rt=np.where(bisa, nilai_blm / rt.where(rt > 0, 1.0), np.nan),
                   dipakai_oleh=[", ".join(katalog.label("program", x, lang) for x in pakai.get(s, []))
                                 for s in df["sumber"]], warna=[warna_sumber(s) for s in df["sumber"]])
    alasan = np.select([rt.isna().to_numpy(), (rt == 0).to_numpy(), ~bisa.to_numpy()],
                       [t("kemiskinan.ket.tanpa_data", lang), t("kemiskinan.ket.rt_nol", lang),
                        t("kemiskinan.ket.blm_nol", lang)], default="")
    return df.assign(keterangan=alasan.astype(object))[
        ["sumber", "nama_sumber", "tahun", "rumah_tangga_miskin", "jumlah_kelurahan", "nilai_blm_rp", "blm_per_rt",
         "dipakai_oleh", "keterangan", "warna"]]


def program_dipakai(p: Pilihan) -> list[str]:
    """The programmes that ran in the selected area (within the programme filter), oldest first."""
    return db.query("kemiskinan_program", **p.params())["program"].tolist()


def blm_per_sumber(p: Pilihan) -> pd.DataFrame:
    params = p.params()
    terakhir = db.query("kemiskinan_terakhir", **params)
    blm = db.query("kemiskinan_blm", **params)
    return hitung_blm_per_sumber(terakhir, int(blm["nilai_blm_rp"].iloc[0]), program_dipakai(p), p.lang)


# ------------------------------------------------------------------ the page's data

def _kunci(p: Pilihan) -> tuple:
    return dataset.active_id(), p.wilayah, p.tahun_awal, p.tahun_akhir, tuple(p.program), p.lang


def ringkasan(p: Pilihan) -> Ringkasan:
    """The selection over the filter period; reruns with the same choice get the same object back."""
    return _ringkasan(*_kunci(p))


def layar(p: Pilihan, tahun: int) -> Layar:
    """The page's picture, figures and tables for one data year (built once, then shared read-only)."""
    return _layar(*_kunci(p), tahun)


@st.cache_resource(max_entries=32, show_spinner=False)
def _ringkasan(versi: str | None, wilayah: str, tahun_awal: int, tahun_akhir: int, program: tuple[str, ...],
               lang: str) -> Ringkasan:
    return hitung_ringkasan(Pilihan(wilayah, tahun_awal, tahun_akhir, program, lang))


@st.cache_resource(max_entries=64, show_spinner=False)
def _layar(versi: str | None, wilayah: str, tahun_awal: int, tahun_akhir: int, program: tuple[str, ...],
           lang: str, tahun: int) -> Layar:
    p = Pilihan(wilayah, tahun_awal, tahun_akhir, program, lang)
    data = _ringkasan(versi, wilayah, tahun_awal, tahun_akhir, program, lang)
    pot = potret(p, tahun, data)
    gambar = {"matriks": grafik_matriks(pot, lang), "tren": grafik_tren(data, lang), "blm": grafik_blm(data.blm, lang)}
    if p.tingkat != "kelurahan":
        gambar["peringkat"] = grafik_peringkat(pot, lang)
    return Layar(pot, gambar, tabel_selisih(data.kelurahan, lang), tabel_blm(data.blm, lang),
                 tabel_teks(penargetan(program_dipakai(p), lang), ["program", "sumber", "keyakinan", "catatan"], lang))


def hitung_ringkasan(p: Pilihan) -> Ringkasan:
    sel = selisih(p, _panjang(p))
    if sel.empty:
        kosong = pd.DataFrame()
        return Ringkasan(True, [], kosong, kosong, kosong)
    tren = sel.melt(id_vars="tahun", value_vars=[KOLOM_RT[s] for s in SUMBER], var_name="kolom",
                    value_name="rumah_tangga_miskin").dropna(subset=["rumah_tangga_miskin"])
    nama = {KOLOM_RT[s]: nama_sumber(s, p.lang) for s in SUMBER}
    urut = {KOLOM_RT[s]: i for i, s in enumerate(urutan_sumber())}
    tren = tren.assign(sumber=tren["kolom"].map(nama), tahun=tren["tahun"].astype(str),
                       urut=tren["kolom"].map(urut)).sort_values(["urut", "tahun"])
    kel = selisih(p, PANJANG["kelurahan"])
    kel = kel.sort_values(["tahun", "rasio", "selisih"], ascending=[False, False, False], na_position="last")
    return Ringkasan(False, sorted(sel["tahun"].unique().tolist()), tren[["tahun", "sumber", "rumah_tangga_miskin"]],
                     kel, blm_per_sumber(p))


def potret(p: Pilihan, tahun: int, data: Ringkasan) -> Potret:
    """The picture for one data year of the selection `data`; for a single kelurahan the matrix runs over its
    years instead."""
    sel = selisih(p, _panjang(p))
    baris = sel[sel["tahun"] == tahun]
    wil = selisih(p, PANJANG[filters.tingkat_bawah(p)])
    wil = _urut_rasio(wil[wil["tahun"] == tahun])
    kel = _urut_rasio(data.kelurahan[data.kelurahan["tahun"] == tahun])     # the selection's kelurahan, not again
    blm = data.blm
    if p.tingkat == "kelurahan":
        matriks = sel.sort_values("tahun", ascending=False).assign(label=lambda d: d["tahun"].astype(str))
    else:
        matriks = kel.head(MATRIKS_MAKS).pipe(lambda d: d.assign(label=_label_unik(d, p.lang)))
    angka = angka_utama(baris.iloc[0], kel, blm, p) if len(baris) else []
    return Potret(tahun, angka, wil.assign(label=_label_unik(wil, p.lang), teks=teks_rasio(wil["rasio"], p.lang)),
                  matriks.assign(teks=teks_rasio(matriks["rasio"], p.lang)), len(kel))


def angka_utama(baris: pd.Series, kel: pd.DataFrame, blm: pd.DataFrame, p: Pilihan) -> list[Angka]:
    """Range of counts, spread, the kelurahan that disagrees most, and BLM per poor household (PS)."""
    lang, ind = p.lang, katalog.indikator("selisih_sumber")
    rendah, tinggi = baris["sumber_min"], baris["sumber_maks"]          # short codes fit a card
    rentang = Angka(t("kemiskinan.angka.rt", lang, tahun=int(baris["tahun"])),
                    f"{fmt.angka(baris['rt_min'], lang=lang)}–{fmt.angka(baris['rt_maks'], lang=lang)}",
                    catatan=t("kemiskinan.angka.rt_catatan", lang, rendah=rendah, tinggi=tinggi))
    spread = Angka(ind.nama(lang), teks_rasio(pd.Series([baris["rasio"]]), lang)[0],
                   catatan=" · ".join(filter(None, [t("kemiskinan.angka.selisih_catatan", lang, selisih=fmt.angka(
                       baris["selisih"], lang=lang)), baris["keterangan"]])),
                   aturan_sendiri=ind.aturan_sendiri)
    return [rentang, spread, _angka_terbesar(kel, lang), _angka_blm(blm, p)]


def _angka_terbesar(kel: pd.DataFrame, lang: str) -> Angka:
    label = t("kemiskinan.angka.terbesar", lang)
    atas = kel[kel["rasio"].notna()].head(1)
    if atas.empty:
        return Angka(label, fmt.KOSONG, catatan=t("kemiskinan.ket.tidak_terhitung", lang))
    b = atas.iloc[0]
    return Angka(label, teks_rasio(pd.Series([b["rasio"]]), lang)[0], catatan=t(
        "kemiskinan.angka.terbesar_catatan", lang, nama=b["nama"],
        tinggi=b["sumber_maks"], rt_maks=fmt.angka(b["rt_maks"], lang=lang),
        rendah=b["sumber_min"], rt_min=fmt.angka(b["rt_min"], lang=lang)))


def _angka_blm(blm: pd.DataFrame, p: Pilihan) -> Angka:
    lang = p.lang
    ps = blm[blm["sumber"] == "PS"].iloc[0]
    lain = blm.loc[blm["sumber"] != "PS", "blm_per_rt"].dropna()
    catatan = t("kemiskinan.angka.blm_catatan", lang, rendah=fmt.rupiah_ringkas(lain.min(), lang=lang),
                tinggi=fmt.rupiah_ringkas(lain.max(), lang=lang)) if len(lain) else ""
    return Angka(t("kemiskinan.angka.blm", lang, nama=katalog.indikator("blm_per_kk_miskin").nama(lang)),
                 fmt.rupiah_ringkas(ps["blm_per_rt"], lang=lang), catatan=ps["keterangan"] or catatan)


# ------------------------------------------------------------------ tables for display and download

def tabel_selisih(kel: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The kelurahan × year table with readable headers (the first TABEL_MAKS rows) and its number formats."""
    df = kel.head(TABEL_MAKS)
    ada = [s for s in urutan_sumber() if df[KOLOM_RT[s]].notna().any()]
    k = lambda kunci: t(f"kemiskinan.kolom.{kunci}", lang)  # noqa: E731
    tampil = pd.DataFrame({k("kode"): df["kode"], k("kelurahan"): df["nama"], k("tahun"): df["tahun"].astype(str),
                           **{nama_sumber(s, lang): df[KOLOM_RT[s]] for s in ada},
                           k("rt_min"): df["rt_min"], k("rt_maks"): df["rt_maks"],
                           k("sumber_min"): [nama_sumber(s, lang) for s in df["sumber_min"]],
                           k("sumber_maks"): [nama_sumber(s, lang) for s in df["sumber_maks"]],
                           k("selisih"): df["selisih"], k("rasio"): teks_rasio(df["rasio"], lang),
                           k("keterangan"): df["keterangan"]})
    angka = [nama_sumber(s, lang) for s in ada] + [k("rt_min"), k("rt_maks"), k("selisih")]
    return tampil, {c: "angka" for c in angka}


def tabel_blm(blm: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    k = lambda kunci: t(f"kemiskinan.kolom.{kunci}", lang)  # noqa: E731
    tampil = pd.DataFrame({k("sumber"): blm["nama_sumber"],
                           k("tahun_data"): [fmt.KOSONG if pd.isna(x) else str(int(x)) for x in blm["tahun"]],
                           k("rt_miskin"): blm["rumah_tangga_miskin"], k("jumlah_kelurahan"): blm["jumlah_kelurahan"],
                           k("blm"): blm["nilai_blm_rp"], k("blm_per_rt"): blm["blm_per_rt"],
                           k("dipakai_oleh"): blm["dipakai_oleh"], k("keterangan"): blm["keterangan"]})
    return tampil, {k("rt_miskin"): "angka", k("jumlah_kelurahan"): "angka", k("blm"): "rupiah",
                    k("blm_per_rt"): "rupiah"}


def tabel_teks(df: pd.DataFrame, kolom: list[str], lang: str) -> pd.DataFrame:
    """A text-only table (explanations, targeting) with readable headers."""
    return df[kolom].rename(columns={c: t(f"kemiskinan.kolom.{c}", lang) for c in kolom})


# ------------------------------------------------------------------ kelurahan profile

def profil(kode_kelurahan: str, pilihan: Pilihan) -> Profil:
    """The poverty figures of one kelurahan over the filter period: sources side by side per year with the
    spread, and BLM per poor household under each source."""
    p = ubah(pilihan, wilayah=kode_kelurahan)
    per_tahun = selisih(p, PANJANG["kelurahan"]).sort_values("tahun")
    return Profil(per_tahun.empty, per_tahun, blm_per_sumber(p))


# ------------------------------------------------------------------ figures

def grafik_matriks(potret: Potret, lang: str):
    """Kelurahan × source, coloured by how many times the row's lowest source each count is."""
    ada = [s for s in urutan_sumber() if potret.matriks[KOLOM_RT[s]].notna().any()]
    return charts_kemiskinan.matriks(potret.matriks, "label", {KOLOM_RT[s]: s for s in ada},
                                     {t("kemiskinan.matriks.kolom_rasio", lang): "teks"}, lang)


def grafik_peringkat(potret: Potret, lang: str):
    """Areas one level down ranked by max ÷ min (areas without a ratio are left out)."""
    df = potret.wilayah[potret.wilayah["rasio"].notna()]
    return charts_kemiskinan.peringkat(df, "label", "rasio", "teks", lang, judul_x=t("kemiskinan.matriks.rasio", lang))


def grafik_tren(data: Ringkasan, lang: str):
    warna = {nama_sumber(s, lang): warna_sumber(s) for s in SUMBER}
    fig = charts.garis(data.tren, "tahun", "rumah_tangga_miskin", "sumber", lang, satuan="angka", warna=warna)
    return fig.update_xaxes(type="category")


def grafik_blm(blm: pd.DataFrame, lang: str):
    df = blm.assign(teks=[fmt.rupiah_ringkas(v, lang=lang) for v in blm["blm_per_rt"]])
    return charts_kemiskinan.batang_warna(df, "nama_sumber", "blm_per_rt", "warna", lang, satuan="rupiah", teks="teks",
                                          judul=t("kemiskinan.blm.grafik", lang))
