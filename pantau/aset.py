"""Aset & Alih Kelola: the register of tridaya assets (count, value, year built, condition, maintenance group and
handover status to the Pemda), the handover's progress over time, the value not yet handed over, damaged assets
nobody maintains, and the revolving capital the UPKs still hold.

The year filter selects assets by the year they were built; condition and handover status are the register's
current values. "Revolving capital held by UPKs" is each UPK's latest `modal_rp` up to the end of the period (its
books include what is out on loan to KSM); the part on loan is the KSM outstanding of that same month and the
rest is cash at the UPK."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pantau import charts, charts_kemiskinan, dataset, db, filters, fmt, katalog
from pantau.i18n import t
from pantau.layout import Angka
from pantau.pilihan import Pilihan, ubah

PANJANG = {"nasional": 0, "provinsi": 2, "kabkota": 5, "kecamatan": 8, "kelurahan": 13}
STATUS = ("belum", "proses", "selesai")
KONDISI = ("baik", "rusak_ringan", "rusak_berat")
WARNA_STATUS = {"belum": "buruk", "proses": "sedang", "selesai": "baik"}      # catalogue status colours
WARNA_KONDISI = {"baik": "baik", "rusak_ringan": "sedang", "rusak_berat": "buruk"}
DAFTAR_MAKS = 3000    # assets listed on screen; above this the page asks for a smaller area


@dataclass(frozen=True)
class Ringkasan:
    kosong: bool
    angka: list[Angka]
    angka_modal: list[Angka]
    total: pd.Series            # the selection's row of aset_per_tingkat
    per_wilayah: pd.DataFrame   # areas one level down, largest value not yet handed over first
    per_kelurahan: pd.DataFrame
    per_jenis: pd.DataFrame
    kemajuan: pd.DataFrame
    modal_upk: pd.DataFrame


@dataclass(frozen=True)
class Layar:
    """The page's figures and tables for one filter choice, built once and shared read-only."""

    gambar: dict[str, go.Figure]
    tabel: dict[str, tuple[pd.DataFrame, dict[str, str]]]


@dataclass(frozen=True)
class Profil:
    """What a kelurahan profile shows about its assets and its UPK's revolving capital."""

    kosong: bool
    ringkas: pd.DataFrame
    daftar: pd.DataFrame
    modal_upk: pd.DataFrame


def per_wilayah(p: Pilihan, panjang: int) -> pd.DataFrame:
    """The register summed per area (code prefix of `panjang` characters), with the value not yet handed over
    and the handed-over share of value (catalogue indicator `aset_diserahkan`; '–' when the value is 0)."""
    df = db.query("aset_per_tingkat", **p.params(), panjang=panjang, panjang_bawah=panjang)
    return _turunan(df[df["panjang"] == panjang].drop(columns="panjang").reset_index(drop=True))


def per_tingkat(p: Pilihan) -> dict[int, pd.DataFrame]:
    """`per_wilayah` for the selection, one level down and kelurahan, from one pass over the register."""
    panjang, bawah = PANJANG[p.tingkat], PANJANG[filters.tingkat_bawah(p)]
    df = db.query("aset_per_tingkat", **p.params(), panjang=panjang, panjang_bawah=bawah)
    return {n: _turunan(df[df["panjang"] == n].drop(columns="panjang").reset_index(drop=True))
            for n in (panjang, bawah, PANJANG["kelurahan"])}


def _turunan(df: pd.DataFrame) -> pd.DataFrame:
    nilai = df["nilai_rp"].astype("float64")
    return df.assign(nilai_belum_diserahkan_rp=df["nilai_belum_rp"] + df["nilai_proses_rp"],
                     porsi_diserahkan=(df["nilai_selesai_rp"] / nilai.where(nilai > 0)).astype("float64"))


def modal_upk(p: Pilihan) -> pd.DataFrame:
    return db.query("aset_modal_upk", **p.params())


def _kunci(p: Pilihan) -> tuple:
    return dataset.active_id(), p.wilayah, p.tahun_awal, p.tahun_akhir, tuple(p.program), p.lang


def ringkasan(p: Pilihan) -> Ringkasan:
    """The selection's register and capital; reruns with the same choice get the same object back."""
    return _ringkasan(*_kunci(p))


def layar(p: Pilihan) -> Layar:
    """Figures and tables of the page (built once per filter choice, then shared read-only)."""
    return _layar(*_kunci(p))


@st.cache_resource(max_entries=32, show_spinner=False)
def _ringkasan(versi: str | None, wilayah: str, tahun_awal: int, tahun_akhir: int, program: tuple[str, ...],
               lang: str) -> Ringkasan:
    return hitung_ringkasan(Pilihan(wilayah, tahun_awal, tahun_akhir, program, lang))


@st.cache_resource(max_entries=32, show_spinner=False)
def _layar(versi: str | None, wilayah: str, tahun_awal: int, tahun_akhir: int, program: tuple[str, ...],
           lang: str) -> Layar:
    p = Pilihan(wilayah, tahun_awal, tahun_akhir, program, lang)
    data = _ringkasan(versi, wilayah, tahun_awal, tahun_akhir, program, lang)
    gambar = {"status_wilayah": grafik_status_wilayah(data, lang), "kondisi": grafik_kondisi(data, lang),
              "kemajuan": grafik_kemajuan(data, lang)}
    tabel = {"kelurahan": tabel_kelurahan(data.per_kelurahan, lang),
             "tanpa_pengelola": tabel_aset(tanpa_pengelola(p), lang), "modal": tabel_modal(data.modal_upk, lang)}
    isi = daftar(p, int(data.total["jumlah_aset"]))
    if isi is not None:
        tabel["daftar"] = tabel_aset(isi, lang)
    return Layar(gambar, tabel)


def hitung_ringkasan(p: Pilihan) -> Ringkasan:
    tingkat = per_tingkat(p)
    total = tingkat[PANJANG[p.tingkat]]
    if total.empty:
        kosong = pd.DataFrame()
        return Ringkasan(True, [], [], pd.Series(dtype=object), kosong, kosong, kosong, kosong, kosong)
    bawah = tingkat[PANJANG[filters.tingkat_bawah(p)]]
    bawah = bawah.assign(label=_label_unik(bawah)).sort_values(["nilai_belum_diserahkan_rp", "kode"],
                                                               ascending=[False, True])
    modal = modal_upk(p)
    return Ringkasan(False, angka_utama(total.iloc[0], p.lang), angka_modal(modal, p.lang), total.iloc[0], bawah,
                     tingkat[PANJANG["kelurahan"]], db.query("aset_per_jenis", **p.params()),
                     kemajuan(p), modal)


def _label_unik(df: pd.DataFrame) -> pd.Series:
    nama = df["nama"].astype(object).fillna(df["kode"].astype(object))
    ganda = nama.duplicated(keep=False)
    return nama.where(~ganda, nama + " (" + df["kode"].astype(object) + ")")


def angka_utama(b: pd.Series, lang: str) -> list[Angka]:
    """Assets and value, handed-over share, value not yet handed over, badly damaged without a KPP."""
    rp = lambda x: fmt.rupiah_ringkas(x, lang=lang)  # noqa: E731
    n = lambda x: fmt.angka(x, lang=lang)  # noqa: E731
    ind = katalog.indikator("aset_diserahkan")
    return [
        Angka(t("aset.angka.jumlah", lang), t("aset.angka.jumlah_nilai", lang, n=n(b["jumlah_aset"])),
              catatan=t("aset.angka.jumlah_catatan", lang, nilai=rp(b["nilai_rp"]), awal=b["tahun_bangun_min"],
                        akhir=b["tahun_bangun_maks"])),
        Angka(ind.nama(lang), fmt.persen(b["porsi_diserahkan"], lang=lang),
              catatan=t("aset.angka.diserahkan_catatan", lang, selesai=rp(b["nilai_selesai_rp"]),
                        total=rp(b["nilai_rp"])), aturan_sendiri=ind.aturan_sendiri),
        Angka(t("aset.angka.belum", lang), rp(b["nilai_belum_diserahkan_rp"]),
              catatan=t("aset.angka.belum_catatan", lang, belum=rp(b["nilai_belum_rp"]),
                        proses=rp(b["nilai_proses_rp"]))),
        Angka(t("aset.angka.tanpa_kpp", lang), n(b["jumlah_rusak_berat_tanpa_pengelola"]),
              catatan=t("aset.angka.tanpa_kpp_catatan", lang, nilai=rp(b["nilai_rusak_berat_tanpa_pengelola_rp"]),
                        rusak=n(b["jumlah_rusak_berat"]))),
    ]


def angka_modal(modal: pd.DataFrame, lang: str) -> list[Angka]:
    """Revolving capital the UPKs hold (latest report), the part out at KSM and the part in cash."""
    if modal.empty:
        return [Angka(t("aset.angka.modal", lang), fmt.KOSONG, catatan=t("aset.angka.modal_kosong", lang))]
    rp = lambda x: fmt.rupiah_ringkas(x, lang=lang)  # noqa: E731
    modal_rp, saldo, kas = modal["modal_rp"].sum(), modal["saldo_pinjaman_rp"].sum(), modal["kas_rp"].sum()
    porsi = lambda x: fmt.persen(x / modal_rp, lang=lang) if modal_rp > 0 else fmt.KOSONG  # noqa: E731
    awal, akhir = (fmt.bulan(modal["periode"].agg(f), lang=lang) for f in ("min", "max"))
    return [Angka(t("aset.angka.modal", lang), rp(modal_rp), catatan=t(
                "aset.angka.modal_catatan", lang, upk=fmt.angka(len(modal), lang=lang),
                periode=akhir if awal == akhir else f"{awal} – {akhir}")),
            Angka(t("aset.angka.saldo", lang), rp(saldo),
                  catatan=t("aset.angka.porsi_modal", lang, porsi=porsi(saldo))),
            Angka(t("aset.angka.kas", lang), rp(kas), catatan=t("aset.angka.porsi_modal", lang, porsi=porsi(kas)))]


def kemajuan(p: Pilihan) -> pd.DataFrame:
    """Cumulative value built and handed over per year, long (tahun, seri, nilai_rp) for a line chart."""
    df = db.query("aset_serah_terima_tahunan", **p.params())
    seri = {"nilai_dibangun_rp": t("aset.kemajuan.dibangun", p.lang),
            "nilai_diserahkan_rp": t("aset.kemajuan.diserahkan", p.lang)}
    panjang = df.melt(id_vars="tahun", value_vars=list(seri), var_name="kolom", value_name="nilai_rp")
    return panjang.assign(seri=panjang["kolom"].map(seri), tahun=panjang["tahun"].astype(str),
                          tanpa_tahun=df["nilai_selesai_tanpa_tahun_rp"].max() if len(df) else 0)


def daftar(p: Pilihan, jumlah: int) -> pd.DataFrame | None:
    """The asset-by-asset register, or None when the selection holds more than DAFTAR_MAKS assets."""
    return None if jumlah > DAFTAR_MAKS else db.query("aset_daftar", **p.params())


def tanpa_pengelola(p: Pilihan) -> pd.DataFrame:
    return db.query("aset_tanpa_pengelola", **p.params())


# ------------------------------------------------------------------ figures

def _seri_status(lang: str) -> list[tuple[str, str, str]]:
    return [(f"nilai_{s}_rp", t(f"aset.status.{s}", lang), katalog.warna(WARNA_STATUS[s])) for s in STATUS]


def grafik_status_wilayah(data: Ringkasan, lang: str):
    """Value per area one level down, stacked by handover status; a click drills into the area."""
    fig = charts_kemiskinan.batang_seri(data.per_wilayah, "label", _seri_status(lang), lang, satuan="rupiah",
                                        kode="kode")
    return charts_kemiskinan.sumbu_rupiah_ringkas(fig, data.per_wilayah["nilai_rp"].max(), lang, sumbu="x")


def grafik_kondisi(data: Ringkasan, lang: str):
    """Asset count per component, stacked by condition (catalogue status colours)."""
    df = data.per_jenis.pivot_table(index="jenis", columns="kondisi", values="jumlah_aset", aggfunc="sum",
                                    fill_value=0).reindex(columns=list(KONDISI), fill_value=0).reset_index()
    df = df.assign(label=[katalog.label("komponen", j, lang) for j in df["jenis"]])
    seri = [(k, t(f"aset.kondisi.{k}", lang), katalog.warna(WARNA_KONDISI[k])) for k in KONDISI]
    return charts_kemiskinan.batang_seri(df, "label", seri, lang, satuan="angka", horizontal=False)


def grafik_kemajuan(data: Ringkasan, lang: str):
    warna = {t("aset.kemajuan.dibangun", lang): "#0b4f9c", t("aset.kemajuan.diserahkan", lang): katalog.warna("baik")}
    fig = charts.garis(data.kemajuan, "tahun", "nilai_rp", "seri", lang, satuan="rupiah", warna=warna)
    fig = charts_kemiskinan.sumbu_rupiah_ringkas(fig, data.kemajuan["nilai_rp"].max(), lang, sumbu="y")
    return fig.update_xaxes(type="category")


# ------------------------------------------------------------------ tables for display and download

def _k(kunci: str, lang: str) -> str:
    return t(f"aset.kolom.{kunci}", lang)


def tabel_kelurahan(df: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The register by kelurahan: count, value, years built, condition, KPP and handover status."""
    kolom = ["kode", "nama", "jumlah_aset", "nilai_rp", "tahun_bangun_min", "tahun_bangun_maks", "jumlah_baik",
             "jumlah_rusak_ringan", "jumlah_rusak_berat", "jumlah_ada_pengelola", "jumlah_belum", "jumlah_proses",
             "jumlah_selesai", "nilai_belum_diserahkan_rp", "porsi_diserahkan"]
    tampil = df[kolom].assign(tahun_bangun_min=df["tahun_bangun_min"].astype(str),
                              tahun_bangun_maks=df["tahun_bangun_maks"].astype(str))
    tampil = tampil.rename(columns={c: _k(c, lang) for c in kolom})
    angka = [c for c in kolom if c.startswith("jumlah_")]
    return tampil, {**{_k(c, lang): "angka" for c in angka}, _k("nilai_rp", lang): "rupiah",
                    _k("nilai_belum_diserahkan_rp", lang): "rupiah", _k("porsi_diserahkan", lang): "persen"}


def _teks_kategori(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Component, condition and status as words in the page's language."""
    ganti = {"jenis": lambda v: katalog.label("komponen", v, lang), "kondisi": lambda v: t(f"aset.kondisi.{v}", lang),
             "status_serah_terima": lambda v: t(f"aset.status.{v}", lang)}
    return df.assign(**{c: df[c].map({v: f(v) for v in df[c].unique()}) for c, f in ganti.items()
                        if c in df.columns})


def tabel_aset(df: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """An asset-by-asset table (register or the damaged-without-KPP list) with readable headers."""
    tampil = _teks_kategori(df, lang)
    for c in ("tahun_bangun", "tahun_serah_terima"):
        if c in tampil.columns:
            tahun = pd.to_numeric(tampil[c]).astype("Int64")
            tampil[c] = tahun.astype(str).where(tahun.notna(), fmt.KOSONG).astype(object)
    if "pengelola" in tampil.columns:
        tampil["pengelola"] = tampil["pengelola"].astype(object).fillna(t("aset.tanpa_pengelola", lang))
    return tampil.rename(columns={c: _k(c, lang) for c in tampil.columns}), {_k("nilai_rp", lang): "rupiah"}


def tabel_modal(modal: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    tampil = modal.rename(columns={c: _k(c, lang) for c in modal.columns})
    uang = ["modal_rp", "saldo_pinjaman_rp", "kas_rp", "cadangan_risiko_rp"]
    return tampil, {**{_k(c, lang): "rupiah" for c in uang}, _k("periode", lang): "bulan"}


# ------------------------------------------------------------------ kelurahan profile

def profil(kode_kelurahan: str, pilihan: Pilihan) -> Profil:
    """The assets of one kelurahan over the filter period (summary row, asset list) and its UPK's capital."""
    p = ubah(pilihan, wilayah=kode_kelurahan)
    ringkas = per_wilayah(p, PANJANG["kelurahan"])
    return Profil(ringkas.empty, ringkas, db.query("aset_daftar", **p.params()), modal_upk(p))
