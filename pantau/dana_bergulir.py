"""Dana Bergulir: is each UPK healthy on the POB 2013 indicators (LAR, PAR, RR, CCr, ROI), where is risk
growing, how the loan portfolio and its collectibility move, and who the KSM are.

The queries return parts (counts and rupiah sums); every ratio is computed here, in one place, so a zero
denominator becomes "–" with a reason instead of an error. Bands, collectibility classes and the women rule
come from the indicator catalogue, never from code."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache, partial

import numpy as np
import pandas as pd
import streamlit as st

from pantau import dataset, db, ekspor, fmt, katalog, layout, serentak
from pantau.filters import tingkat_bawah, wilayah_dataset
from pantau.i18n import t
from pantau.layout import Angka, ringkasan_filter
from pantau.pilihan import Pilihan, ubah

POB = ("lar", "par", "rr", "ccr", "roi")
PEMICU_PENUNDAAN = ("lar", "par", "rr", "ccr")   # the POB suspension triggers behind `status_upk` (own rule)
TABEL = ["pinjaman_bulanan", "upk_keuangan_bulanan", "ksm"]
_PANJANG = {"kabkota": 5, "kecamatan": 8, "kelurahan": 13}
_URUT_STATUS = {"buruk": 0, "sedang": 1, "baik": 2}
BATAS_KARTU_SKOR = 100   # rows shown in the scorecard (the worst; the download holds all)


@dataclass(frozen=True)
class Tabel:
    """A table as the page shows it: columns named for readers, how to format them, its file name and title."""

    df: pd.DataFrame
    nama_file: str
    format_kolom: dict
    judul: str
    periode: date | None = None    # set for a static table (long text wraps); its downloads name the month


def tampilkan(tabel: Tabel | None, p: Pilihan, key: str) -> None:
    """Show a `Tabel`: through the shared `layout.tabel`, or as a static table whose long text wraps."""
    if tabel is None:
        return
    if tabel.periode is None:
        layout.tabel(tabel.df, tabel.nama_file, p, tabel.format_kolom, judul=tabel.judul, key=key)
        return
    st.table(fmt.tabel(tabel.df, tabel.format_kolom, lang=p.lang), hide_index=True)
    unduhan(tabel.df, tabel.nama_file, p, tabel.periode, tabel.judul)


# ---------------------------------------------------------------- catalogue values

def tunggakan_berisiko() -> int:
    """Overdue instalments that put a loan "at risk" (POB 2013: three or more)."""
    return int(katalog.indikator("par").raw["tunggakan_berisiko"])


def ambang_perempuan() -> float:
    return float(katalog.indikator("ksm_perempuan").raw["ambang"])


def kelas_kolektibilitas(tunggakan) -> np.ndarray:
    """The collectibility class code (Kol-1 …) of each number of overdue instalments, from the catalogue."""
    n = np.asarray(tunggakan, dtype="float64")
    hasil = np.full(n.shape, None, dtype=object)
    for kelas in katalog.indikator("kolektibilitas").raw["kelas"]:
        cocok = (n >= kelas["tunggakan_min"]) & (n <= kelas.get("tunggakan_maks", np.inf))
        hasil[cocok & pd.isna(hasil)] = kelas["kode"]
    return hasil


def label_kelas(kode: str | None, lang: str) -> str:
    kelas = {k["kode"]: k for k in katalog.indikator("kolektibilitas").raw["kelas"]}
    return f"{kode} {kelas[kode][lang]}" if kode in kelas else fmt.KOSONG


def status_kolom(ind: str, nilai) -> np.ndarray:
    """`katalog.status` for a whole column: the first band of the catalogue whose bounds hold, else None."""
    x = np.asarray(nilai, dtype="float64")
    hasil = np.full(x.shape, None, dtype=object)
    for pita in katalog.indikator(ind).pita:
        cocok = ~np.isnan(x)
        if "bawah" in pita:
            cocok &= (x > pita["bawah"]) | ((x == pita["bawah"]) & pita.get("bawah_inklusif", True))
        if "atas" in pita:
            cocok &= (x < pita["atas"]) | ((x == pita["atas"]) & pita.get("atas_inklusif", True))
        hasil[cocok & pd.isna(hasil)] = pita["status"]
    return hasil


# ---------------------------------------------------------------- indicator math

def _bagi(pembilang, penyebut) -> np.ndarray:
    a = pd.to_numeric(pembilang).astype("float64").to_numpy(na_value=np.nan)
    b = pd.to_numeric(penyebut).astype("float64").to_numpy(na_value=np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b > 0, a / b, np.nan)


def _alasan(kosong: np.ndarray, tanpa_data: np.ndarray, nol: str) -> np.ndarray:
    return np.where(~kosong, None, np.where(tanpa_data, "tanpa_keuangan", nol))


def rasio_pob(k: pd.DataFrame) -> pd.DataFrame:
    """LAR, PAR, RR, CCr and ROI for each row of parts (NaN where the denominator is zero or missing)."""
    return pd.DataFrame({"lar": _bagi(k.ksm_berisiko, k.ksm_bersaldo),
                         "par": _bagi(k.saldo_berisiko_rp, k.saldo_rp),
                         "rr": _bagi(k.saldo_rp - k.saldo_berisiko_rp, k.saldo_rp),
                         "ccr": _bagi(k.pendapatan_ytd_rp, k.biaya_ytd_rp),
                         "roi": _bagi(k.laba_tahunan_rp, k.modal_rp)}, index=k.index)


def nilai_pob(k: pd.DataFrame) -> pd.DataFrame:
    """The five indicators, their band, the reason when missing, and the UPK status, for each row of parts
    (ksm_bersaldo, ksm_berisiko, saldo_rp, saldo_berisiko_rp, pendapatan_ytd_rp, biaya_ytd_rp, laba_tahunan_rp,
    modal_rp). Pooled areas are rows of summed parts."""
    h = rasio_pob(k)
    kosong = {i: h[i].isna().to_numpy() for i in POB}
    alasan = {"lar": np.where(kosong["lar"], "tanpa_ksm", None), "par": np.where(kosong["par"], "saldo_nol", None),
              "rr": np.where(kosong["rr"], "saldo_nol", None),
              "ccr": _alasan(kosong["ccr"], k.biaya_ytd_rp.isna().to_numpy(), "biaya_nol"),
              "roi": _alasan(kosong["roi"], k.modal_rp.isna().to_numpy(), "modal_nol")}
    kolom = {}
    for ind in POB:
        kolom[f"status_{ind}"] = status_kolom(ind, h[ind])
        kolom[f"alasan_{ind}"] = alasan[ind]
    h = pd.concat([h, pd.DataFrame(kolom, index=k.index, dtype=object)], axis=1)
    h["status_upk"] = pd.Series(status_upk(h), index=k.index, dtype=object)
    h["alasan_status_upk"] = pd.Series(np.where(h.status_upk.isna(), "tidak_lengkap", None), index=k.index,
                                       dtype=object)
    return h


def status_upk(h: pd.DataFrame) -> np.ndarray:
    """Own rule: Penundaan if LAR, PAR, RR or CCr is in its 'buruk' band; else no status while an indicator is
    missing; Memuaskan if all five are 'baik'; else Memadai."""
    status = h[[f"status_{i}" for i in POB]]
    buruk = (h[[f"status_{i}" for i in PEMICU_PENUNDAAN]] == "buruk").any(axis=1)
    lengkap = status.notna().all(axis=1)
    baik = (status == "baik").all(axis=1)
    return np.select([buruk, ~lengkap, baik], ["buruk", None, "baik"], "sedang").astype(object)


_BAGIAN = ["ksm_aktif", "ksm_bersaldo", "ksm_berisiko", "saldo_rp", "saldo_berisiko_rp", "pendapatan_ytd_rp",
           "biaya_ytd_rp", "laba_tahunan_rp", "modal_rp"]


def gabung(k: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    """Pool the parts of several UPKs (sum; accounts stay missing only when every UPK lacks them)."""
    return k.groupby(kunci, sort=True)[_BAGIAN].sum(min_count=1).reset_index()


# ---------------------------------------------------------------- report month

def bulanan(p: Pilihan) -> pd.DataFrame:
    """The area's loan book per month × overdue instalments, from the first month to December of tahun_akhir."""
    return db.query("dana_bergulir_bulanan", wilayah=p.prefix, tahun_akhir=p.tahun_akhir, program=list(p.program))


def bulan_tersedia(p: Pilihan) -> list[date]:
    """Months with loans inside the selected years, oldest first."""
    return list(_bulan_tersedia(dataset.active_id(), replace(p, catatan=(), lang="id")))


@st.cache_data(show_spinner=False, max_entries=200)
def _bulan_tersedia(versi: str | None, p: Pilihan) -> tuple[date, ...]:
    bulan = pd.DatetimeIndex(bulanan(p).periode.unique()).sort_values()
    return tuple(d.date() for d in bulan if p.tahun_awal <= d.year <= p.tahun_akhir)


def periode_dari_url(teks, tersedia: list[date], lang: str = "id") -> tuple[date | None, list]:
    """The report month from `?periode=YYYY-MM`: by default the last month with data; a value that cannot be read
    or has no data falls back to it with a notice (never an exception)."""
    if not tersedia:
        return None, []
    bawaan = tersedia[-1]
    if teks is None or str(teks).strip() == "":
        return bawaan, []
    mentah = str(teks)[:20]
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})(?:-01)?\s*", mentah)
    kwargs = {"nilai": mentah, "bulan": fmt.bulan(bawaan, lang=lang)}
    if not m or not 1 <= int(m.group(2)) <= 12:
        return bawaan, [("dana_bergulir.catatan.periode_salah", kwargs)]
    diminta = date(int(m.group(1)), int(m.group(2)), 1)
    if diminta not in tersedia:
        return bawaan, [("dana_bergulir.catatan.periode_luar", {**kwargs, "nilai": fmt.bulan(diminta, lang=lang)})]
    return diminta, []


@lru_cache(maxsize=4096)
def _bulan(d: date, lang: str) -> str:
    return fmt.bulan(d, lang=lang)


def label_bulan(periode, lang: str) -> list[str]:
    """Month names by `fmt.bulan`, cached: selectors and charts redraw them on every rerun."""
    return [_bulan(pd.Timestamp(b).date(), lang) for b in periode]


def _ganti_periode() -> None:
    st.query_params["periode"] = st.session_state["db_periode"]


def pilih_periode(p: Pilihan) -> tuple[Pilihan, date | None]:
    """The report-month selector in the sidebar, bound to `?periode=YYYY-MM`; notices join the filter's."""
    tersedia = bulan_tersedia(p)
    periode, catatan = periode_dari_url(st.query_params.get("periode"), tersedia, p.lang)
    if periode is not None:
        st.session_state["db_periode"] = periode.isoformat()[:7]
        st.sidebar.selectbox(t("dana_bergulir.periode.label", p.lang), [d.isoformat()[:7] for d in tersedia][::-1],
                             key="db_periode", on_change=_ganti_periode,
                             help=t("dana_bergulir.periode.bantuan", p.lang),
                             format_func=lambda k: _bulan(date.fromisoformat(k + "-01"), p.lang))
    return replace(p, catatan=p.catatan + tuple(catatan)), periode


def kunci_pilihan(nama: str, p: Pilihan, periode: date | None) -> str:
    """A widget key per area and month: a click kept by a chart or table of one view is forgotten in the next."""
    return f"{nama}_{p.wilayah or 'semua'}_{periode}"


def drill(kode: str | None, p: Pilihan, periode: date | None) -> None:
    """Move the filter to `kode` (a click on a chart or a scorecard row) keeping the report month. A click on the
    area already shown does nothing (a kept selection must not loop)."""
    if not kode or kode == p.wilayah or kode not in set(wilayah_dataset().kode):
        return
    url = ubah(p, wilayah=kode).ke_url()
    if periode is not None:
        url["periode"] = periode.isoformat()[:7]
    st.query_params.from_dict(url)
    st.rerun()


# ---------------------------------------------------------------- data per UPK

def komponen_upk(p: Pilihan, periode: date) -> pd.DataFrame:
    """POB parts per UPK × month for the 12 months to `periode`, with the annualised year-to-date profit."""
    k = _komponen(dataset.active_id(), replace(p, catatan=()), periode)
    return k[k.periode > _bulan_mundur(periode, 12)].reset_index(drop=True)


def _bulan_mundur(d: date, n: int) -> date:
    return (pd.Timestamp(d) - pd.DateOffset(months=n)).date()


# one shared read-only frame per selection and month (the page, its slides and the Ringkasan all read it)
@st.cache_resource(show_spinner=False, max_entries=100)
def _komponen(versi: str | None, p: Pilihan, periode: date) -> pd.DataFrame:
    """POB parts per UPK × month for the 13 months to `periode` (the query's window)."""
    k = db.query_langsung("dana_bergulir_upk_bulanan", wilayah=p.prefix, program=list(p.program),
                          periode=periode.isoformat(), tunggakan_berisiko=tunggakan_berisiko())
    laba = _bagi((k.pendapatan_ytd_rp - k.biaya_ytd_rp) * 12, k.bulan_ytd)
    bulan, urutan = np.unique(k.periode.to_numpy(), return_inverse=True)      # 13 months: convert each once
    tanggal = np.array([pd.Timestamp(b).date() for b in bulan], dtype=object)[urutan]
    return k.assign(laba_tahunan_rp=laba, periode=tanggal)


def _tren_list(k: pd.DataFrame) -> pd.DataFrame:
    """One list of monthly values per UPK and indicator, oldest first (gaps as None), for sparklines."""
    k = k.sort_values(["kode_bkm", "periode"])
    nilai = rasio_pob(k).astype(object).where(lambda d: d.notna(), None)
    kode, awal = np.unique(k.kode_bkm.to_numpy(), return_index=True)
    potong = list(awal[1:])
    return pd.DataFrame({f"tren_{i}": [list(a) for a in np.split(nilai[i].to_numpy(), potong)] for i in POB},
                        index=pd.Index(kode, name="kode_bkm"))


def kartu_skor(k: pd.DataFrame, periode: date, batas: int = BATAS_KARTU_SKOR) -> pd.DataFrame:
    """Every UPK in the report month with its indicators, bands and status, worst first; the first `batas`
    (those the page shows) also carry their 12-month trends."""
    upk = _status_semua(k[k.periode == periode])
    upk["buruk"] = (upk[[f"status_{i}" for i in POB]] == "buruk").sum(axis=1)
    upk["urut"] = upk.status_upk.map(_URUT_STATUS).fillna(3)
    upk = upk.sort_values(["urut", "buruk", "par", "lar", "kode_bkm"], ascending=[True, False, False, False, True],
                          na_position="last").drop(columns=["urut", "buruk"]).reset_index(drop=True)
    atas = set(upk.kode_bkm.head(batas))
    return upk.join(_tren_list(k[k.kode_bkm.isin(atas)]), on="kode_bkm")


def _status_semua(kini: pd.DataFrame) -> pd.DataFrame:
    """Every UPK of one month with its indicators, bands and status (in the order given, without trends)."""
    return pd.concat([kini[["kode_bkm", "kode_kelurahan", "nama_bkm", "ksm_aktif", "saldo_rp"]], nilai_pob(kini)],
                     axis=1)


def per_wilayah(k: pd.DataFrame, p: Pilihan, periode: date) -> pd.DataFrame:
    """The pooled indicators of each region one level below the filter, in the report month."""
    tingkat = tingkat_bawah(p)
    kini = k[k.periode == periode]
    kini = kini.assign(kode=kini.kode_kelurahan.str[:_PANJANG[tingkat]])
    bagian = gabung(kini, ["kode"])
    nama = wilayah_dataset().set_index("kode").nama
    return pd.concat([bagian, nilai_pob(bagian)], axis=1).assign(nama=lambda d: d.kode.map(nama).fillna(d.kode))


def tren_wilayah(k: pd.DataFrame) -> pd.DataFrame:
    """The area's pooled indicators per month (long: periode, indikator, nilai)."""
    bagian = gabung(k, ["periode"])
    nilai = rasio_pob(bagian)
    return pd.concat([bagian[["periode"]], nilai], axis=1).melt("periode", var_name="indikator", value_name="nilai")


# ---------------------------------------------------------------- headline figures

def _rp(x, lang: str) -> str:
    return fmt.rupiah_ringkas(x, lang=lang)


def _bagian_hitungan(ind: str, b: pd.Series) -> tuple:
    """The two numbers behind a figure (numerator, denominator)."""
    if ind == "lar":
        return b.ksm_berisiko, b.ksm_bersaldo
    if ind == "roi":
        return b.laba_tahunan_rp, b.modal_rp
    return {"par": (b.saldo_berisiko_rp, b.saldo_rp), "rr": (b.saldo_rp - b.saldo_berisiko_rp, b.saldo_rp),
            "ccr": (b.pendapatan_ytd_rp, b.biaya_ytd_rp)}[ind]


@lru_cache(maxsize=8192, typed=True)
def _hitungan(ind: str, a, c, lang: str) -> str:
    """The computation behind a figure, in words and numbers (e.g. '12 ÷ 120 KSM'); cached, as the map's hover
    asks again for every region on every rerun."""
    if ind == "lar":
        return t("dana_bergulir.pob.hitungan_ksm", lang, a=fmt.angka(a, lang=lang), b=fmt.angka(c, lang=lang))
    kunci = "hitungan_roi" if ind == "roi" else "hitungan_rupiah"
    return t(f"dana_bergulir.pob.{kunci}", lang, a=_rp(a, lang), b=_rp(c, lang))


def keterangan(b: pd.Series, ind: str, lang: str) -> str:
    """The band label and computation of a figure, or the reason it is missing."""
    alasan = b[f"alasan_{ind}"]
    if isinstance(alasan, str):
        return t(f"dana_bergulir.alasan.{alasan}", lang)
    label = katalog.indikator(ind).label_status(b[f"status_{ind}"], lang)
    return f"{label} · {_hitungan(ind, *_bagian_hitungan(ind, b), lang)}"


def _kartu_status(b: pd.Series, upk: pd.DataFrame, lang: str) -> Angka:
    """The pooled status of the area, with how many UPKs are in each status (or why there is none)."""
    ind = katalog.indikator("status_upk")
    status = b.status_upk if isinstance(b.status_upk, str) else None
    hitung = upk.status_upk.value_counts()
    catatan = (t("dana_bergulir.pob.status_upk", lang, **{s: int(hitung.get(s, 0)) for s in _URUT_STATUS})
               if status else t(f"dana_bergulir.alasan.{b.alasan_status_upk}", lang))
    return Angka(ind.nama(lang), ind.label_status(status, lang) if status else fmt.KOSONG, status, catatan,
                 aturan_sendiri=True)


def angka_pob(b: pd.Series, lang: str) -> list[Angka]:
    """Five POB cards: value, band colour, and the band label with the computation (or why it is missing)."""
    return [Angka(katalog.indikator(i).nama(lang), fmt.persen(b[i], lang=lang),
                  b[f"status_{i}"] if isinstance(b[f"status_{i}"], str) else None, keterangan(b, i, lang))
            for i in POB]


def tabel_pob(b: pd.Series, lang: str, periode: date) -> Tabel:
    """The five indicators with band, computation and the catalogue's formula beside each value."""
    kol = {k: t(f"dana_bergulir.pob.kolom.{k}", lang) for k in ("indikator", "nilai", "pita", "hitungan", "rumus")}
    baris = [{kol["indikator"]: katalog.indikator(i).nama(lang), kol["nilai"]: b[i],
              kol["pita"]: _label_status(i, b[f"status_{i}"], lang),
              kol["hitungan"]: keterangan(b, i, lang).split(" · ")[-1], kol["rumus"]: katalog.indikator(i).rumus(lang)}
             for i in POB]
    return Tabel(pd.DataFrame(baris), t("dana_bergulir.pob.nama_file", lang), {kol["nilai"]: "persen"},
                 f"{t('dana_bergulir.pob.judul', lang)} — {fmt.bulan(periode, lang=lang)}", periode)


# ---------------------------------------------------------------- portfolio and collectibility

_BUKU = ["ksm_aktif", "ksm_bersaldo", "saldo_rp", "pencairan_rp", "pinjaman_baru", "pokok_jatuh_tempo_rp",
         "pokok_dibayar_rp"]


def portofolio_bulanan(b: pd.DataFrame) -> pd.DataFrame:
    """Area totals per month from the first month of data, with cumulative disbursement and repayment rate."""
    m = b.groupby("periode", sort=True)[_BUKU].sum().reset_index()
    m["periode"] = pd.to_datetime(m.periode).dt.date
    m["pencairan_kumulatif_rp"] = m.pencairan_rp.cumsum()
    m["rr_kumulatif"] = _bagi(m.pokok_dibayar_rp.cumsum(), m.pokok_jatuh_tempo_rp.cumsum())
    return m


def angka_portofolio(m: pd.DataFrame, p: Pilihan, periode: date) -> list[Angka]:
    lang = p.lang
    kini = m[m.periode == periode].iloc[0]
    awal = date(p.tahun_awal, 1, 1)
    dalam = m[(m.periode >= awal) & (m.periode <= periode)]
    rr = katalog.indikator("rr_kumulatif")
    return [
        Angka(t("dana_bergulir.portofolio.saldo", lang), _rp(kini.saldo_rp, lang), None,
              t("dana_bergulir.portofolio.saldo_catatan", lang, n=fmt.angka(kini.ksm_bersaldo, lang=lang))),
        Angka(t("dana_bergulir.portofolio.cair_bulan", lang, bulan=fmt.bulan(periode, lang=lang)),
              _rp(kini.pencairan_rp, lang), None,
              t("dana_bergulir.portofolio.cair_bulan_catatan", lang, n=fmt.angka(kini.pinjaman_baru, lang=lang))),
        Angka(t("dana_bergulir.portofolio.cair_periode", lang, awal=fmt.bulan(max(awal, m.periode.iloc[0]), lang=lang),
                akhir=fmt.bulan(periode, lang=lang)), _rp(dalam.pencairan_rp.sum(), lang)),
        Angka(t("dana_bergulir.portofolio.cair_kumulatif", lang), _rp(kini.pencairan_kumulatif_rp, lang), None,
              t("dana_bergulir.portofolio.sejak", lang, bulan=fmt.bulan(m.periode.iloc[0], lang=lang))),
        Angka(rr.nama(lang), fmt.persen(kini.rr_kumulatif, lang=lang), None,
              t("dana_bergulir.portofolio.rr_kumulatif_catatan", lang)),
    ]


def kolektibilitas(b: pd.DataFrame) -> pd.DataFrame:
    """Outstanding and KSM per collectibility class per month (every class every month, zero when empty)."""
    kelas = [k["kode"] for k in katalog.indikator("kolektibilitas").raw["kelas"]]
    d = b.assign(kelas=kelas_kolektibilitas(b.tunggakan_angsuran))
    g = d.groupby(["periode", "kelas"])[["ksm_aktif", "saldo_rp"]].sum()
    lengkap = pd.MultiIndex.from_product([sorted(d.periode.unique()), kelas], names=["periode", "kelas"])
    g = g.reindex(lengkap, fill_value=0).reset_index()
    g["porsi"] = _bagi(g.saldo_rp, g.groupby("periode").saldo_rp.transform("sum"))
    g["periode"] = pd.to_datetime(g.periode).dt.date
    return g


def _rentang(kelas: dict) -> str:
    bawah, atas = kelas["tunggakan_min"], kelas.get("tunggakan_maks")
    return f"{bawah}+" if atas is None else (str(bawah) if atas == bawah else f"{bawah}–{atas}")


def tabel_kolektibilitas(kol: pd.DataFrame, periode: date, lang: str) -> Tabel:
    """Classes in the report month: overdue instalments, KSM, outstanding and share."""
    kelas = {k["kode"]: k for k in katalog.indikator("kolektibilitas").raw["kelas"]}
    kini = kol[kol.periode == periode]
    n = {k: t(f"dana_bergulir.kolektibilitas.kolom.{k}", lang) for k in ("kelas", "tunggakan", "ksm", "saldo", "porsi")}
    df = pd.DataFrame({n["kelas"]: [label_kelas(k, lang) for k in kini.kelas],
                       n["tunggakan"]: [_rentang(kelas[k]) for k in kini.kelas], n["ksm"]: kini.ksm_aktif.to_numpy(),
                       n["saldo"]: kini.saldo_rp.to_numpy(), n["porsi"]: kini.porsi.to_numpy()})
    return Tabel(df, t("dana_bergulir.kolektibilitas.nama_file", lang),
                 {n["ksm"]: "angka", n["saldo"]: "rupiah", n["porsi"]: "persen"},
                 t("dana_bergulir.kolektibilitas.tabel", lang, bulan=fmt.bulan(periode, lang=lang)))


# ---------------------------------------------------------------- KSM

def angka_ksm(ku: pd.DataFrame, lang: str) -> list[Angka]:
    """Active KSM, members, women's share and the share of KSM meeting the women rule."""
    s = ku[["ksm_aktif", "ksm_bersaldo", "anggota", "anggota_perempuan", "ksm_syarat_perempuan"]].sum()
    ind = katalog.indikator("ksm_perempuan")
    rata = s.anggota / s.ksm_aktif if s.ksm_aktif else None
    porsi_p = s.anggota_perempuan / s.anggota if s.anggota else None
    syarat = s.ksm_syarat_perempuan / s.ksm_aktif if s.ksm_aktif else None
    return [
        Angka(t("dana_bergulir.ksm.aktif", lang), fmt.angka(s.ksm_aktif, lang=lang), None,
              t("dana_bergulir.ksm.aktif_catatan", lang, n=fmt.angka(s.ksm_bersaldo, lang=lang))),
        Angka(t("dana_bergulir.ksm.anggota", lang), fmt.angka(s.anggota, lang=lang), None,
              t("dana_bergulir.ksm.anggota_catatan", lang, n=fmt.angka(rata, 1, lang=lang))),
        Angka(t("dana_bergulir.ksm.perempuan", lang), fmt.persen(porsi_p, lang=lang), None,
              t("dana_bergulir.ksm.perempuan_catatan", lang, n=fmt.angka(s.anggota_perempuan, lang=lang))
              if porsi_p is not None else t("dana_bergulir.alasan.tanpa_anggota", lang)),
        Angka(ind.nama(lang), fmt.persen(syarat, lang=lang), None,
              t("dana_bergulir.ksm.syarat_catatan", lang, a=fmt.angka(s.ksm_syarat_perempuan, lang=lang),
                b=fmt.angka(s.ksm_aktif, lang=lang), ambang=fmt.persen(ambang_perempuan(), 0, lang=lang))),
    ]


def siklus(p: Pilihan, periode: date) -> pd.DataFrame:
    """KSM per loan cycle in the report month and loans disbursed per cycle January to that month."""
    s = db.query("dana_bergulir_siklus", wilayah=p.prefix, program=list(p.program), periode=periode.isoformat())
    return s.assign(rata_pinjaman_rp=_bagi(s.pencairan_rp, s.jumlah_pinjaman),
                    rata_anggota_rp=_bagi(s.pencairan_rp, s.anggota_peminjam))


def tabel_siklus(s: pd.DataFrame, periode: date, lang: str) -> Tabel:
    kolom = {"siklus": "siklus", "ksm_aktif": "ksm_aktif", "jumlah_pinjaman": "jumlah_pinjaman",
             "pencairan_rp": "pencairan", "rata_pinjaman_rp": "rata_pinjaman", "median_pinjaman_rp": "median_pinjaman",
             "rata_anggota_rp": "rata_anggota"}
    nama = {k: t(f"dana_bergulir.ksm.kolom.{v}", lang) for k, v in kolom.items()}
    format_kolom = {nama[k]: ("angka" if k in ("ksm_aktif", "jumlah_pinjaman") else "rupiah")
                    for k in kolom if k != "siklus"}
    return Tabel(s[list(kolom)].rename(columns=nama), t("dana_bergulir.ksm.nama_file", lang), format_kolom,
                 t("dana_bergulir.ksm.ukuran_judul", lang, **rentang_tahun_berjalan(periode, lang)))


def rentang_tahun_berjalan(periode: date, lang: str) -> dict[str, str]:
    """January of the report month's year and the report month, written out (for titles)."""
    return {"awal": fmt.bulan(periode.replace(month=1), lang=lang), "akhir": fmt.bulan(periode, lang=lang)}


def daftar_ksm(p: Pilihan, periode: date) -> pd.DataFrame:
    """The KSM of the selected kelurahan/UPK in the report month, most overdue first, with their class."""
    d = db.query("dana_bergulir_daftar_ksm", wilayah=p.prefix, program=list(p.program), periode=periode.isoformat())
    return d.assign(porsi_perempuan=_bagi(d.anggota_perempuan, d.anggota),
                    kelas=[label_kelas(k, p.lang) for k in kelas_kolektibilitas(d.tunggakan_angsuran)])


def tabel_daftar_ksm(d: pd.DataFrame, nama_upk: str, periode: date, lang: str) -> Tabel:
    kolom = {"nama_ksm": "nama", "tunggakan_angsuran": "tunggakan", "kelas": "kelas", "saldo_pinjaman_rp": "saldo",
             "siklus": "siklus", "pencairan_terakhir_rp": "pinjaman", "pokok_dibayar_kumulatif_rp": "dibayar",
             "anggota": "anggota", "porsi_perempuan": "perempuan", "kode_ksm": "kode"}
    nama = {k: t(f"dana_bergulir.daftar.kolom.{v}", lang) for k, v in kolom.items()}
    format_kolom = {nama["anggota"]: "angka", nama["porsi_perempuan"]: "persen",
                    nama["pencairan_terakhir_rp"]: "rupiah",
                    nama["pokok_dibayar_kumulatif_rp"]: "rupiah", nama["saldo_pinjaman_rp"]: "rupiah"}
    return Tabel(d[list(kolom)].rename(columns=nama), t("dana_bergulir.daftar.nama_file", lang), format_kolom,
                 t("dana_bergulir.daftar.judul", lang, upk=nama_upk, bulan=fmt.bulan(periode, lang=lang)))


# ---------------------------------------------------------------- the page's data, assembled once per selection

@dataclass(frozen=True)
class Ringkasan:
    """Everything the Dana Bergulir page shows for one selection and report month."""

    kosong: bool
    periode: date | None = None
    pob: pd.Series | None = None              # the area's pooled parts, indicators, bands and reasons
    kartu_status: Angka | None = None         # the area's UPK status and how many UPKs are in each
    angka: tuple = ()                         # five POB cards
    tabel_pob: Tabel | None = None
    tren: pd.DataFrame | None = None          # the area's indicators over 12 months (long)
    per_wilayah: pd.DataFrame | None = None   # one level down (None for one kelurahan/UPK)
    upk: pd.DataFrame | None = None           # scorecard, worst first
    skor_tampil: pd.DataFrame | None = None   # its first rows as shown, with their colours and sparkline columns
    skor_warna: pd.DataFrame | None = None
    skor_kolom: dict | None = None
    angka_portofolio: tuple = ()
    bulanan: pd.DataFrame | None = None       # area months, January of tahun_awal to the report month
    kolektibilitas: pd.DataFrame | None = None
    tabel_kolektibilitas: Tabel | None = None
    angka_ksm: tuple = ()
    ksm_tanpa_data: int = 0
    siklus: pd.DataFrame | None = None
    tabel_siklus: Tabel | None = None
    daftar_ksm: Tabel | None = None           # only for one kelurahan/UPK
    kunci: tuple = ()                         # (dataset version, selection, month): names its cached figures


def _area(kini: pd.DataFrame) -> pd.Series:
    bagian = pd.DataFrame([kini[_BAGIAN].sum(min_count=1)])
    return pd.concat([bagian, nilai_pob(bagian)], axis=1).iloc[0]


def ringkasan(p: Pilihan, periode: date | None, lengkap: bool = True) -> Ringkasan:
    """The page's data (cached per dataset version, selection and month). `lengkap=False`: only the status,
    the POB cards, the trend, the areas one level down and the UPK list (what the Ringkasan and the slides
    read; the UPK list unsorted and without trends), without the scorecard table, the portfolio and the KSM parts."""
    if periode is None:
        return Ringkasan(kosong=True)
    return _ringkasan(dataset.active_id(), replace(p, catatan=()), periode, lengkap)


def _ksm_upk(p: Pilihan, periode: date) -> pd.DataFrame:
    return db.query("dana_bergulir_ksm_upk", wilayah=p.prefix, program=list(p.program), periode=periode.isoformat(),
                    ambang_perempuan=ambang_perempuan())


def _kueri_ksm(p: Pilihan, periode: date) -> None:
    """Run (and cache) the KSM part's queries, so `_bagian_ksm` only reads them."""
    _ksm_upk(p, periode)
    siklus(p, periode)
    if p.tingkat == "kelurahan":
        daftar_ksm(p, periode)


def _bagian_ksm(p: Pilihan, periode: date, upk: pd.DataFrame) -> dict:
    ku = _ksm_upk(p, periode)
    s = siklus(p, periode)
    daftar = None
    if p.tingkat == "kelurahan":
        daftar = tabel_daftar_ksm(daftar_ksm(p, periode), nama_upk(upk), periode, p.lang)
    return {"angka_ksm": tuple(angka_ksm(ku, p.lang)), "ksm_tanpa_data": int(ku.ksm_tanpa_data.sum()),
            "siklus": s, "tabel_siklus": tabel_siklus(s, periode, p.lang), "daftar_ksm": daftar}


def _bagian_portofolio(p: Pilihan, periode: date) -> dict:
    semua = bulanan(p)
    m = portofolio_bulanan(semua)
    kol = kolektibilitas(semua[(semua.periode.dt.year >= p.tahun_awal) & (semua.periode <= pd.Timestamp(periode))])
    return {"angka_portofolio": tuple(angka_portofolio(m, p, periode)),
            "bulanan": m[(m.periode >= date(p.tahun_awal, 1, 1)) & (m.periode <= periode)],
            "kolektibilitas": kol, "tabel_kolektibilitas": tabel_kolektibilitas(kol, periode, p.lang)}


# kept as one shared object (not copied per rerun: unpickling the national scorecard cost ~0.1 s); nothing that
# reads a Ringkasan changes its frames
@st.cache_resource(show_spinner=False, max_entries=200)
def _ringkasan(versi: str | None, p: Pilihan, periode: date, lengkap: bool = True) -> Ringkasan:
    if lengkap:            # the UPK parts, the portfolio and the KSM queries at the same time
        k, portofolio, _ = serentak.jalankan(partial(komponen_upk, p, periode), partial(_bagian_portofolio, p, periode),
                                             partial(_kueri_ksm, p, periode))
    else:
        k = komponen_upk(p, periode)
    kini = k[k.periode == periode]
    if kini.empty:
        return Ringkasan(kosong=True)
    area = _area(kini)
    upk = kartu_skor(k, periode) if lengkap else _status_semua(kini).reset_index(drop=True)   # light: unsorted
    bagian = {**_bagian_skor(upk, p.lang), **portofolio, **_bagian_ksm(p, periode, upk)} if lengkap else {}
    return Ringkasan(
        kosong=False, periode=periode, kunci=(versi, p, periode), pob=area,
        kartu_status=_kartu_status(area, upk, p.lang),
        angka=tuple(angka_pob(area, p.lang)),
        tabel_pob=tabel_pob(area, p.lang, periode), tren=tren_wilayah(k),
        per_wilayah=None if p.tingkat == "kelurahan" else per_wilayah(k, p, periode),
        upk=upk.drop(columns=[f"tren_{i}" for i in POB], errors="ignore"), **bagian)


def catatan_program(p: Pilihan) -> str | None:
    """Loans carry no programme: say how the programme filter is applied."""
    return t("dana_bergulir.catatan.program", p.lang) if p.program else None


def nama_upk(upk: pd.DataFrame) -> str:
    """The name of the (first) UPK of a scorecard, or its code when the BKM has no name."""
    if upk is None or upk.empty:
        return ""
    b = upk.iloc[0]
    return b.nama_bkm if isinstance(b.nama_bkm, str) else b.kode_bkm


# ---------------------------------------------------------------- the scorecard table and downloads

def _nama_pendek(ind: str, lang: str) -> str:
    return katalog.indikator(ind).nama(lang).split(" (")[0]


def _label_status(ind: str, status, lang: str) -> str:
    return katalog.indikator(ind).label_status(status, lang) if isinstance(status, str) else fmt.KOSONG


def _keterangan_baris(alasan: np.ndarray, lang: str) -> str:
    """Why figures of one UPK are missing, e.g. 'CCr, ROI: tidak ada laporan keuangan UPK'."""
    per_alasan: dict[str, list[str]] = {}
    for ind, a in zip(POB, alasan):
        if isinstance(a, str):
            per_alasan.setdefault(a, []).append(_nama_pendek(ind, lang))
    return "; ".join(f"{', '.join(n)}: {t(f'dana_bergulir.alasan.{a}', lang)}" for a, n in per_alasan.items())


def tabel_skor(upk: pd.DataFrame, lang: str, tren: bool = True) -> pd.DataFrame:
    """The scorecard as shown (formatted, with trend lists) or, with `tren=False`, as downloaded (raw values)."""
    kol = lambda k, **kw: t(f"dana_bergulir.upk.kolom.{k}", lang, **kw)  # noqa: E731
    d = pd.DataFrame({kol("upk"): upk.nama_bkm.fillna(upk.kode_bkm).to_numpy(),
                      kol("status"): [_label_status("status_upk", s, lang) for s in upk.status_upk]})
    for i in POB:
        nama = _nama_pendek(i, lang)
        d[nama] = [fmt.persen(v, lang=lang) for v in upk[i]] if tren else upk[i].to_numpy()
        if tren:     # the grid's sparklines cannot draw a gap: months without a figure are left out
            d[kol("tren", nama=nama)] = [[v for v in a if v is not None] for a in upk[f"tren_{i}"]]
        else:
            d[f"{nama} ({kol('status')})"] = [_label_status(i, s, lang) for s in upk[f"status_{i}"]]
    d[kol("ksm")] = [fmt.angka(v, lang=lang) for v in upk.ksm_aktif] if tren else upk.ksm_aktif.to_numpy()
    d[kol("saldo")] = [_rp(v, lang) for v in upk.saldo_rp] if tren else upk.saldo_rp.to_numpy()
    nama_kel = wilayah_dataset().set_index("kode").nama
    d[kol("kelurahan")] = upk.kode_kelurahan.map(nama_kel).fillna(upk.kode_kelurahan).to_numpy()
    alasan = upk[[f"alasan_{i}" for i in POB]].to_numpy()
    d[kol("keterangan")] = [_keterangan_baris(a, lang) for a in alasan]
    if not tren:
        d.insert(0, kol("kode_bkm"), upk.kode_bkm.to_numpy())
        d.insert(len(d.columns) - 2, kol("kode_kelurahan"), upk.kode_kelurahan.to_numpy())
    return d


def _rgba(status, alpha: float = 0.22) -> str:
    if not isinstance(status, str):
        return ""
    h = katalog.warna(status).lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"background-color: rgba({r},{g},{b},{alpha})"


def _warna_skor(upk: pd.DataFrame, tabel: pd.DataFrame, lang: str) -> pd.DataFrame:
    """CSS per cell: the band colour behind the status and each indicator value."""
    css = pd.DataFrame("", index=tabel.index, columns=tabel.columns)
    css[t("dana_bergulir.upk.kolom.status", lang)] = [_rgba(s, 0.35) for s in upk.status_upk]
    for i in POB:
        css[_nama_pendek(i, lang)] = [_rgba(s) for s in upk[f"status_{i}"]]
    return css


def _kolom_tren(upk: pd.DataFrame, lang: str) -> dict:
    """Sparkline columns on one scale per indicator (so UPKs compare), from 0 or the lowest value."""
    config = {t("dana_bergulir.upk.kolom.upk", lang): st.column_config.TextColumn(pinned=True, width="medium")}
    for i in POB:
        nilai = pd.to_numeric(pd.Series([v for lst in upk[f"tren_{i}"] for v in (lst or [])], dtype=object),
                              errors="coerce").dropna()
        bawah = min(0.0, float(nilai.min())) if len(nilai) else 0.0
        atas = float(nilai.max()) if len(nilai) and nilai.max() > bawah else bawah + 1.0
        nama = t("dana_bergulir.upk.kolom.tren", lang, nama=_nama_pendek(i, lang))
        config[nama] = st.column_config.LineChartColumn(nama, y_min=bawah, y_max=atas, width="small")
    return config


def _bagian_skor(upk: pd.DataFrame, lang: str) -> dict:
    """The scorecard as shown: the worst UPKs formatted, their band colours and sparkline columns (cached with
    the data, so a rerun only draws it)."""
    tampil = upk.head(BATAS_KARTU_SKOR).reset_index(drop=True)
    tabel = tabel_skor(tampil, lang)
    return {"skor_tampil": tabel, "skor_warna": _warna_skor(tampil, tabel, lang),
            "skor_kolom": _kolom_tren(tampil, lang)}


def tampilkan_kartu_skor(data: Ringkasan, p: Pilihan) -> str | None:
    """The scorecard (worst first, band colours, 12-month sparklines) with downloads of every UPK; returns the
    kelurahan code of a clicked row (to drill to that UPK)."""
    tabel, warna = data.skor_tampil, data.skor_warna
    event = st.dataframe(tabel.style.apply(lambda _: warna, axis=None), column_config=data.skor_kolom,
                         hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                         key=kunci_pilihan("db_kartu_skor", p, data.periode))
    if len(data.upk) > len(tabel):
        st.caption(t("dana_bergulir.upk.dibatasi", p.lang, n=len(tabel), total=fmt.angka(len(data.upk), lang=p.lang)))
    unduhan_skor(data.upk, p, data.periode)
    baris = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    return str(data.upk.kode_kelurahan.iloc[baris[0]]) if baris else None


def _kepala(judul: str, p: Pilihan, periode: date) -> list[tuple[str, str]]:
    """Header rows of a download: the filters and the report month (which the shared header does not know)."""
    versi = dataset.active()
    jenis = t("umum.ekspor.demo", p.lang) if versi is not None and versi.demo else (versi.id if versi else "–")
    return [("Pantau", judul), *ringkasan_filter(p), (t("dana_bergulir.periode.label", p.lang),
                                                      fmt.bulan(periode, lang=p.lang)),
            (t("umum.ekspor.data", p.lang), jenis), (t("umum.ekspor.diunduh", p.lang),
                                                     fmt.tanggal(date.today(), lang=p.lang))]


def _csv_skor(upk: pd.DataFrame, kepala: list, lang: str) -> bytes:
    return ekspor.csv_bytes(tabel_skor(upk, lang, tren=False), kepala)


def _xlsx_skor(upk: pd.DataFrame, kepala: list, nama: str, lang: str) -> bytes:
    return ekspor.xlsx_bytes({nama: tabel_skor(upk, lang, tren=False)}, kepala)


def unduhan_skor(upk: pd.DataFrame, p: Pilihan, periode: date) -> None:
    """CSV and XLSX of the whole scorecard (raw values), built only when a button is clicked."""
    nama = t("dana_bergulir.upk.nama_file", p.lang)
    kepala = _kepala(t("dana_bergulir.upk.judul", p.lang), p, periode)
    _tombol(partial(_csv_skor, upk, kepala, p.lang), partial(_xlsx_skor, upk, kepala, nama, p.lang), nama, p.lang)


def _tombol(csv, xlsx, nama_file: str, lang: str) -> None:
    kiri, kanan, _ = st.columns([1, 1, 4])
    kiri.download_button(t("umum.unduh_csv", lang), csv, f"{nama_file}.csv", "text/csv", key=f"csv_{nama_file}",
                         on_click="ignore")
    kanan.download_button(t("umum.unduh_xlsx", lang), xlsx, f"{nama_file}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"xlsx_{nama_file}",
                          on_click="ignore")


def unduhan(df: pd.DataFrame, nama_file: str, p: Pilihan, periode: date, judul: str) -> None:
    """CSV and XLSX buttons for a table shown with its own layout (built only when clicked)."""
    kepala = _kepala(judul, p, periode)
    _tombol(partial(ekspor.csv_bytes, df, kepala), partial(ekspor.xlsx_bytes, {nama_file: df}, kepala), nama_file,
            p.lang)


# ---------------------------------------------------------------- the page's key content, reusable (Ringkasan, slides)

def bulan_laporan(p: Pilihan) -> date | None:
    """The page's default report month: the last month with loans in the selected years."""
    tersedia = bulan_tersedia(p)
    return tersedia[-1] if tersedia else None


def bulan_pembanding(p: Pilihan, periode: date) -> date | None:
    """The last month with loans in the year before the report month (the comparison for stock figures)."""
    bulan = pd.DatetimeIndex(bulanan(p).periode.unique())
    lalu = bulan[bulan.year == periode.year - 1]
    return lalu.max().date() if len(lalu) else None


def posisi(p: Pilihan, periode: date | None, laporan: date | None = None) -> pd.Series | None:
    """The area's pooled POB figures, bands and status in one month, with how many UPKs are in each status
    (`jumlah_upk`, `upk_baik`, `upk_sedang`, `upk_buruk`): what the page's status and PAR cards show, as numbers.
    None when no UPK reports in that month. `laporan`: a report month whose 13 months of UPK parts hold `periode`
    (the comparison a year back needs no query of its own)."""
    if periode is None:
        return None
    dalam = laporan is not None and _bulan_mundur(laporan, 13) < periode <= laporan
    k = _komponen(dataset.active_id(), replace(p, catatan=()), laporan if dalam else periode)
    kini = k[k.periode == periode].reset_index(drop=True)
    if kini.empty:
        return None
    return _posisi(_area(kini), nilai_pob(kini).status_upk)


def posisi_ringkasan(r: Ringkasan) -> pd.Series | None:
    """`posisi` of the report month, from the page data already computed (no second pass over the UPKs)."""
    return None if r.kosong else _posisi(r.pob, r.upk.status_upk)


def _posisi(area: pd.Series, status_upk: pd.Series) -> pd.Series:
    hitung = status_upk.value_counts()
    jumlah = {f"upk_{s}": int(hitung.get(s, 0)) for s in _URUT_STATUS}
    return pd.concat([area, pd.Series({"jumlah_upk": len(status_upk), **jumlah})])


def slides(p: Pilihan, periode: date | None = None) -> list:
    """The page's key content as presentation slides, from its own cards and figures: the UPK status, PAR, and
    PAR per region one level down (for one kelurahan/UPK: the 12-month trend). Empty without loan data."""
    from pantau import charts_dana_bergulir
    from pantau.presentasi import Slide
    data = ringkasan(p, periode or bulan_laporan(p), lengkap=False)
    if data.kosong:
        return []
    lang, bulan = p.lang, fmt.bulan(data.periode, lang=p.lang)
    judul = f"{t('dana_bergulir.judul', lang)} — {bulan}"
    rumus_par = f"**{katalog.indikator('par').nama(lang)}**: {katalog.indikator('par').rumus(lang)}"
    hasil = [Slide("dana_bergulir", judul, angka=data.kartu_status, catatan=t("dana_bergulir.pob.status_aturan", lang)),
             Slide("dana_bergulir", judul, angka=data.angka[POB.index("par")], catatan=rumus_par)]
    if data.per_wilayah is not None:
        tingkat = t(f"dana_bergulir.wilayah.{tingkat_bawah(p)}", lang)
        gambar = partial(charts_dana_bergulir.batang_wilayah, data.per_wilayah, "par", lang)
        hasil.append(Slide("dana_bergulir", t("presentasi.judul.par_wilayah", lang, tingkat=tingkat, bulan=bulan),
                           gambar=gambar, catatan=rumus_par))
    else:
        hasil.append(Slide("dana_bergulir", t("dana_bergulir.tren.judul", lang, bulan=bulan),
                           gambar=partial(charts_dana_bergulir.tren_kecil, data.tren, lang)))
    return hasil
