"""Ringkasan: the briefing a Bupati/Walikota sees in ten minutes, for the wilayah and years chosen.

Six headline numbers from the three programmes with their catalogue status and the change against the
previous period, three to five sentences written from the data (`pantau.kalimat`), and the five kelurahan
that need attention most, with the reason. Every figure is read through the BLM, Dana Bergulir and
100-0-100 modules (their queries, formulas and bands): this module writes no SQL; it only compares
periods, scores the kelurahan and puts the briefing together for the page, the slides and the exports.

Comparisons: total BLM (a flow) against the same number of years just before; UPK status and PAR (stocks)
in the report month against the last month of the year before; water, slum and sanitation (stocks) in the
latest year with data against the year before it. Each card says what it is compared with."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from pantau import blm, dataset, fmt, kalimat, katalog, permukiman, serentak
from pantau import dana_bergulir as dana
from pantau.filters import wilayah_dataset
from pantau.i18n import t
from pantau.kalimat import Ukuran
from pantau.layout import Angka, ringkasan_filter
from pantau.pilihan import Pilihan
from pantau.presentasi import Slide

# Attention score (own rule): weights and how many kelurahan are listed come from the catalogue's
# `[indikator.skor_perhatian]` (see its formula there). Points per kelurahan = the sum over the criteria of
# weight × value: UPK in Penundaan (0/1), slum ha left ÷ SK baseline, gap to 100 % water, gap to 100 %
# sanitation, and (1 − cair ÷ pagu) where disbursement lags.
KRITERIA = {"upk_penundaan": "upk", "kumuh_sisa": "kumuh", "air_kurang": "air", "sanitasi_kurang": "sanitasi",
            "pencairan_kurang": "pencairan"}
TABEL = ["blm_pencairan", "blm_alokasi", "pinjaman_bulanan", "upk_keuangan_bulanan", "indikator_permukiman",
         "kawasan_kumuh"]
PROGRAM_KARTU = {"blm": "blm", "upk": "dana_bergulir", "par": "dana_bergulir", "air": "permukiman",
                 "kumuh": "permukiman", "sanitasi": "permukiman"}


@dataclass(frozen=True, eq=False)
class Ringkasan:
    """The briefing of one selection: figures, cards, sentences and the attention list."""

    kosong: bool
    ukuran: dict[str, Ukuran] = field(default_factory=dict)     # blm, upk, par, air, kumuh, sanitasi
    angka: tuple[Angka, ...] = ()                               # the six cards, in `ukuran` order
    kalimat: tuple[str, ...] = ()
    perhatian: pd.DataFrame = field(default_factory=pd.DataFrame)   # worst first, with points and reason
    periode: date | None = None                                 # report month of the revolving fund
    tahun_target: int = 2019
    jumlah_upk: int = 0


# ---------------------------------------------------------------- periods
def teks_tahun(awal: int, akhir: int) -> str:
    return str(awal) if awal == akhir else f"{awal}–{akhir}"


def periode_lalu(awal: int, akhir: int) -> tuple[int, int]:
    """The same number of years just before [awal, akhir] (the comparison for a flow such as total BLM)."""
    n = akhir - awal + 1
    return awal - n, awal - 1


def tanggal_data(lang: str) -> str:
    """The newest data date of the tables behind the briefing ("–" when unknown)."""
    versi = dataset.active()
    tanggal = [versi.tanggal_data[n] for n in TABEL if versi is not None and n in versi.tanggal_data]
    return fmt.tanggal(max(tanggal), lang=lang) if tanggal else fmt.KOSONG


def dari_url(p: Pilihan) -> tuple[Pilihan, date | None, int]:
    """The report month (`?periode=`) and target year (`?target=`) the other pages also read; bad values fall
    back to the defaults with a notice added to the filter's notices."""
    periode, catatan = dana.periode_dari_url(st.query_params.get("periode"), dana.bulan_tersedia(p), p.lang)
    tahun, salah = permukiman.baca_target(st.query_params.get("target"), permukiman.tahun_target_bawaan())
    catatan = list(catatan) + ([salah] if salah else [])
    return replace(p, catatan=p.catatan + tuple(catatan)), periode, tahun


# ---------------------------------------------------------------- the three programmes, now and before
def _ukuran_blm(p: Pilihan) -> tuple[Ukuran, int]:
    kini = blm.ringkasan(p)
    awal, akhir = periode_lalu(p.tahun_awal, p.tahun_akhir)
    nilai = None if kini.kosong else blm.total(kini)["nilai_blm_rp"]
    sebelum = blm.nilai_blm(replace(p, tahun_awal=awal, tahun_akhir=akhir, catatan=()))
    n = 0 if kini.kosong else blm.total(kini)["jumlah_kelurahan"]
    return Ukuran("blm", nilai, sebelum, teks_tahun(awal, akhir), "rupiah", "netral"), n


def _ukuran_dana(p: Pilihan, periode: date | None) -> tuple[Ukuran, Ukuran, pd.Series | None, dana.Ringkasan]:
    """The UPK-status and PAR cards (this month against last year's), the month's position, and the light
    Dana Bergulir summary whose UPK list the attention list reads."""
    data = dana.ringkasan(p, periode, lengkap=False)
    kini = dana.posisi_ringkasan(data)
    lalu_bulan = dana.bulan_pembanding(p, periode) if periode else None
    lalu = dana.posisi(p, lalu_bulan, laporan=periode)
    pembanding = fmt.bulan(lalu_bulan or (periode.replace(year=periode.year - 1) if periode else None), lang=p.lang)
    upk = Ukuran("upk", _dari(kini, "upk_buruk"), _dari(lalu, "upk_buruk"), pembanding, "angka", "turun",
                 _status(kini, "status_upk"))
    par = Ukuran("par", _dari(kini, "par"), _dari(lalu, "par"), pembanding, "persen",
                 katalog.indikator("par").raw["arah"], _status(kini, "status_par"))
    return upk, par, kini, data


def _dari(baris: pd.Series | None, kolom: str) -> float | None:
    return None if baris is None else _angka(baris[kolom])


def _status(baris: pd.Series | None, kolom: str) -> str | None:
    return baris[kolom] if baris is not None and isinstance(baris[kolom], str) else None


def _ukuran_permukiman(p: Pilihan, tahun_target: int) -> tuple[dict[str, Ukuran], dict[str, str], int | None]:
    permukiman.per_kelurahan(p, tahun_target)      # its query, in this part's thread; the attention list reads it
    data = permukiman.ringkasan(p, tahun_target, kawasan=False)
    if data.kosong or data.tren.empty:
        kosong = {k: Ukuran(k, None, satuan=permukiman.SATUAN[k]) for k in permukiman.INDIKATOR}
        return kosong, {}, None
    tahun = int(data.tren.tahun.max())
    kini = data.tren[data.tren.tahun == tahun].iloc[0]
    sebelum = data.tren[data.tren.tahun == tahun - 1] if tahun > p.tahun_awal else \
        permukiman.nilai_tahunan(p, tahun - 1, tahun - 1)      # the trend already holds the years chosen
    lalu = sebelum.iloc[0] if len(sebelum) else pd.Series(np.nan, index=kini.index)
    status = {k: a.status for k, a in zip(permukiman.INDIKATOR, data.angka)}
    hasil = {k: Ukuran(k, _angka(kini[k]), _angka(lalu[k]), str(tahun - 1), permukiman.SATUAN[k],
                       katalog.indikator(ind).raw["arah"], status[k])
             for k, ind in permukiman.INDIKATOR.items()}
    return hasil, dict(data.status), tahun


def _angka(x) -> float | None:
    return None if x is None or pd.isna(x) else float(x)


# ---------------------------------------------------------------- attention list (own rule)
def bobot_perhatian() -> dict[str, float]:
    """The attention weights, from the catalogue's `[indikator.skor_perhatian] bobot`."""
    return {k: float(v) for k, v in katalog.indikator("skor_perhatian").raw["bobot"].items()}


def jumlah_perhatian() -> int:
    """How many kelurahan the attention list shows (catalogue: `[indikator.skor_perhatian] jumlah`)."""
    return int(katalog.indikator("skor_perhatian").raw["jumlah"])


def skor_perhatian(upk: pd.DataFrame, kelurahan: pd.DataFrame, tertinggal: pd.DataFrame,
                   bobot: dict[str, float] | None = None) -> pd.DataFrame:
    """Points per kelurahan and criterion (weights `bobot`), their sum `skor`, and the values behind them,
    highest score first; kelurahan without points are left out.
    upk: kode_kelurahan, status_upk, pemicu (the triggers in words; report month). kelurahan:
    `permukiman.per_kelurahan`. tertinggal: kode_kelurahan, progres (the BLM page's lagging kelurahan)."""
    bobot = bobot or bobot_perhatian()
    buruk = upk.status_upk.eq("buruk")
    u = pd.DataFrame({"buruk": buruk.groupby(upk.kode_kelurahan).any()})
    dengan_pemicu = upk[buruk & upk.pemicu.astype(bool)]
    u["pemicu"] = dengan_pemicu.groupby("kode_kelurahan").pemicu.agg("; ".join).reindex(u.index, fill_value="")
    k = kelurahan.set_index("kode")[["air", "kurang_air", "sanitasi", "kurang_sanitasi", "kumuh_ha",
                                     "garis_dasar_ha"]]
    c = tertinggal.groupby("kode_kelurahan").progres.min()
    df = pd.concat([u, k, c], axis=1).rename_axis("kode").reset_index()
    ha, dasar = df.kumuh_ha.fillna(0).astype(float), df.garis_dasar_ha.fillna(0).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        sisa = np.where(dasar > 0, np.clip(ha / dasar, 0, 1), np.where(ha > 0, 1.0, 0.0))
    df["poin_upk"] = bobot["upk_penundaan"] * df.buruk.fillna(False).astype(bool).astype(float)
    df["poin_kumuh"] = bobot["kumuh_sisa"] * sisa
    df["poin_air"] = bobot["air_kurang"] * df.kurang_air.astype(float).fillna(0)
    df["poin_sanitasi"] = bobot["sanitasi_kurang"] * df.kurang_sanitasi.astype(float).fillna(0)
    df["poin_pencairan"] = bobot["pencairan_kurang"] * (1 - df.progres.astype(float)).fillna(0).clip(lower=0)
    poin = [f"poin_{v}" for v in KRITERIA.values()]
    df["skor"] = df[poin].sum(axis=1)
    df = df[df.skor > 0].sort_values(["skor", "kode"], ascending=[False, True])
    return df.reset_index(drop=True)


def alasan(b: pd.Series, lang: str) -> str:
    """The reason of one kelurahan's score in words: its criteria with points, largest first."""
    bagian = []
    for kunci in sorted(KRITERIA.values(), key=lambda k: -b[f"poin_{k}"]):
        if b[f"poin_{kunci}"] <= 0:
            continue
        if kunci == "kumuh":
            sk = b.garis_dasar_ha if not pd.isna(b.garis_dasar_ha) else 0
            bagian.append(t(f"ringkasan.perhatian.alasan.{'kumuh' if sk > 0 else 'kumuh_tanpa_sk'}", lang,
                            ha=fmt.hektar(b.kumuh_ha, lang=lang), dasar=fmt.hektar(sk, lang=lang)))
            continue
        nilai = {"upk": np.nan, "air": b.air, "sanitasi": b.sanitasi, "pencairan": b.progres}[kunci]
        bagian.append(t(f"ringkasan.perhatian.alasan.{kunci}", lang, nilai=fmt.persen(nilai, lang=lang),
                        pemicu=b.pemicu))
    return "; ".join(bagian)


def daftar_perhatian(skor: pd.DataFrame, lang: str, n: int | None = None) -> pd.DataFrame:
    """The `n` kelurahan with the highest score, with their names, kecamatan/kab-kota and the reason."""
    atas = skor.head(n or jumlah_perhatian()).copy()
    nama = wilayah_dataset().set_index("kode").nama
    atas["nama"] = atas.kode.map(nama).fillna(atas.kode)
    atas["wilayah"] = [f"{nama.get(k[:8], k[:8])}, {nama.get(k[:5], k[:5])}" for k in atas.kode]
    atas["alasan"] = [alasan(b, lang) for _, b in atas.iterrows()]
    return atas.reset_index(drop=True)


def pemicu(upk: pd.DataFrame, lang: str) -> pd.Series:
    """Per UPK, the first two POB suspension triggers in their 'buruk' band, in words: 'PAR 45,4 %, CCr 92,0 %'."""
    nama = {i: katalog.indikator(i).nama(lang).split(" (")[0] for i in dana.PEMICU_PENUNDAAN}
    teks = [[f"{nama[i]} {fmt.persen(b[i], lang=lang)}" for i in dana.PEMICU_PENUNDAAN if b[f"status_{i}"] == "buruk"]
            for _, b in upk.iterrows()]
    return pd.Series([", ".join(x[:2]) for x in teks], index=upk.index, dtype=object)


def _isi_pemicu(atas: pd.DataFrame, buruk: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The triggers in words of the kelurahan listed only (writing them for every UPK in Penundaan is slow at
    national scale and they do not change the score), joined per kelurahan as `skor_perhatian` does."""
    upk = buruk[buruk.kode_kelurahan.isin(atas.kode)]
    teks = pemicu(upk, lang).groupby(upk.kode_kelurahan).agg(lambda s: "; ".join(x for x in s if x))
    return atas.assign(pemicu=atas.kode.map(teks))


def _perhatian(p: Pilihan, data_dana: dana.Ringkasan, tahun_target: int) -> pd.DataFrame:
    kolom = ["kode_kelurahan", "status_upk"]
    buruk = pd.DataFrame(columns=kolom) if data_dana.kosong else data_dana.upk[data_dana.upk.status_upk.eq("buruk")]
    r = blm.ringkasan(p)
    lambat = blm.tertinggal(r) if not r.kosong else pd.DataFrame(columns=["kode_kelurahan", "progres"])
    skor = skor_perhatian(buruk[kolom].assign(pemicu=""), permukiman.per_kelurahan(p, tahun_target), lambat)
    return daftar_perhatian(_isi_pemicu(skor.head(jumlah_perhatian()), buruk, p.lang), p.lang)


def tabel_perhatian(daftar: pd.DataFrame, lang: str, rinci: bool = False) -> pd.DataFrame:
    """The attention list as shown (kelurahan, area, score to one decimal, reason) or, with `rinci`, as
    downloaded: with the code and the raw points per criterion."""
    kolom = {"nama": "kelurahan", "wilayah": "wilayah", "skor": "skor", "alasan": "alasan"}
    if rinci:
        kolom = {"kode": "kode", **kolom, **{f"poin_{k}": f"poin_{k}" for k in KRITERIA.values()}}
    df = daftar.reindex(columns=list(kolom))
    if not rinci:
        df["skor"] = [fmt.angka(x, 1, lang=lang) for x in df.skor]
    return df.rename(columns={k: t(f"ringkasan.perhatian.kolom.{v}", lang) for k, v in kolom.items()})


def aturan_perhatian(lang: str) -> str:
    """The scoring rule in words, with the weights actually used."""
    b = {k: fmt.angka(v, 0 if float(v).is_integer() else 1, lang=lang) for k, v in bobot_perhatian().items()}
    return t("ringkasan.perhatian.aturan", lang, **b, n=jumlah_perhatian())


# ---------------------------------------------------------------- the cards
def teks_perubahan(u: Ukuran, lang: str) -> str:
    """'▲ 2,1 poin vs 2023', '▼ 12,5 % vs 2001–2007', '= 2023', or why there is no comparison."""
    a = kalimat.arah(u)
    return t(f"ringkasan.angka.{a}", lang, selisih=kalimat.teks_selisih(u, lang), pembanding=u.pembanding)


def _kartu(u: Ukuran, label: str, nilai: str, lang: str, tambahan: str = "", aturan_sendiri: bool = False) -> Angka:
    """A card: the value, its band colour, and the change against the comparison period, then `tambahan`."""
    catatan = " · ".join(x for x in (teks_perubahan(u, lang), tambahan) if x)
    return Angka(label, nilai, u.status, catatan, aturan_sendiri)


def _kartu_upk(u: Ukuran, k: dict, lang: str) -> Angka:
    label = katalog.indikator("status_upk").label_status
    hitung = k.get("hitung") or {}
    nilai = fmt.KOSONG if u.nilai is None else t("ringkasan.angka.upk_nilai", lang, n=fmt.angka(u.nilai, lang=lang),
                                                  semua=fmt.angka(k["jumlah_upk"], lang=lang))
    lain = " · ".join(f"{hitung[s]} {label(s, lang)}" for s in ("sedang", "baik") if s in hitung)
    return _kartu(u, t("ringkasan.angka.upk", lang, bulan=k["bulan"]), nilai, lang, lain, aturan_sendiri=True)


def _kartu_stok(u: Ukuran, ind_id: str, pita_id: str, waktu: str, lang: str) -> Angka:
    """PAR, water, slum or sanitation: the band label of `pita_id` after the change."""
    pita, nama = katalog.indikator(pita_id), katalog.indikator(ind_id).nama(lang)
    label = nama if waktu == fmt.KOSONG else t("ringkasan.angka.dengan_waktu", lang, nama=nama, waktu=waktu)
    return _kartu(u, label, kalimat.teks(u.nilai, u.satuan, lang), lang,
                  pita.label_status(u.status, lang) if u.status else "", pita.aturan_sendiri)


def kartu(u: dict[str, Ukuran], k: dict, lang: str) -> tuple[Angka, ...]:
    """The six cards: total BLM, UPK in Penundaan, PAR, water, slum, sanitation (the keys of `u`, in order).
    `k` holds the context: tahun, bulan, tahun_permukiman, jumlah_kelurahan, jumlah_upk, hitung."""
    blm_ = _kartu(u["blm"], t("ringkasan.angka.blm", lang, nama=katalog.indikator("total_blm").nama(lang),
                              tahun=k["tahun"]), kalimat.teks(u["blm"].nilai, "rupiah", lang), lang,
                  t("ringkasan.angka.blm_catatan", lang, n=fmt.angka(k["jumlah_kelurahan"], lang=lang)))
    tahun = str(k["tahun_permukiman"] or fmt.KOSONG)
    stok = [_kartu_stok(u["par"], "par", "par", k["bulan"], lang),
            _kartu_stok(u["air"], "akses_air_minum", "akses_air_minum", tahun, lang),
            _kartu_stok(u["kumuh"], "luas_kumuh", "pengurangan_kumuh", tahun, lang),
            _kartu_stok(u["sanitasi"], "akses_sanitasi", "akses_sanitasi", tahun, lang)]
    return (blm_, _kartu_upk(u["upk"], k, lang), *stok)


# ---------------------------------------------------------------- the briefing of one selection
def ringkasan(p: Pilihan, periode: date | None, tahun_target: int) -> Ringkasan:
    """The briefing for the filters, report month and target year (cached per dataset version)."""
    return _hitung(dataset.active_id(), replace(p, catatan=()), periode, tahun_target)


@st.cache_data(show_spinner=False, max_entries=100)
def _hitung(versi: str | None, p: Pilihan, periode: date | None, tahun_target: int) -> Ringkasan:
    (u_blm, n_kel), (u_upk, u_par, pos, data_dana), (u_100, status, tahun_100) = serentak.jalankan(
        partial(_ukuran_blm, p), partial(_ukuran_dana, p, periode),
        partial(_ukuran_permukiman, p, tahun_target))
    ukuran = {"blm": u_blm, "upk": u_upk, "par": u_par, **u_100}
    if all(u.nilai is None for u in ukuran.values()):
        return Ringkasan(kosong=True, tahun_target=tahun_target)
    lang, bulan = p.lang, fmt.bulan(periode, lang=p.lang)
    jumlah_upk = int(pos.jumlah_upk) if pos is not None else 0
    hitung = {s: int(pos[f"upk_{s}"]) for s in ("baik", "sedang", "buruk")} if pos is not None else {}
    daftar = _perhatian(p, data_dana, tahun_target)
    konteks = {"tahun": teks_tahun(p.tahun_awal, p.tahun_akhir), "bulan": bulan, "jumlah_upk": jumlah_upk,
               "pita_par": katalog.indikator("par").label_status(u_par.status, lang), "status": status,
               "tahun_target": tahun_target, "tahun_permukiman": tahun_100, "jumlah_kelurahan": n_kel,
               "hitung": hitung}
    return Ringkasan(kosong=False, ukuran=ukuran, angka=kartu(ukuran, konteks, lang),
                     kalimat=tuple(kalimat.semua(ukuran, konteks, daftar, lang)), perhatian=daftar, periode=periode,
                     tahun_target=tahun_target, jumlah_upk=jumlah_upk)


def catatan_program(p: Pilihan) -> str | None:
    """The programme filter does not reach the 100-0-100 figures (their table has no programme): say so."""
    return t("ringkasan.catatan_program", p.lang) if p.program else None


# ---------------------------------------------------------------- slides and charts from the pages
def slides_halaman(p: Pilihan, periode: date | None, tahun_target: int) -> dict[str, list[Slide]]:
    """The three pages' own slides (their cards and figures), by page."""
    return {"blm": blm.slides(p), "dana_bergulir": dana.slides(p, periode),
            "permukiman": permukiman.slides(p, tahun_target)}


def grafik(halaman: dict[str, list[Slide]]) -> dict[str, Slide]:
    """The first chart slide of each page: the charts of the briefing (page, PDF, PPTX)."""
    return {b: next(s for s in daftar if s.gambar is not None) for b, daftar in halaman.items()
            if any(s.gambar is not None for s in daftar)}


def slide_pesan(r: Ringkasan, lang: str) -> Slide:
    return Slide("ringkasan", t("ringkasan.bagian.kalimat", lang), teks=r.kalimat)


def slide_perhatian(r: Ringkasan, lang: str) -> Slide:
    return Slide("ringkasan", t("ringkasan.bagian.perhatian", lang), tabel=tabel_perhatian(r.perhatian, lang),
                 teks=() if len(r.perhatian) else (t("ringkasan.perhatian.kosong", lang),),
                 catatan=aturan_perhatian(lang))


def slides(p: Pilihan, periode: date | None, tahun_target: int) -> list[Slide]:
    """The presentation: the key messages, then each page's slides (BLM, Dana Bergulir, 100-0-100), then the
    kelurahan that need attention. Empty when the selection has no data at all."""
    r = ringkasan(p, periode, tahun_target)
    if r.kosong:
        return []
    halaman = slides_halaman(p, periode, tahun_target)
    return [slide_pesan(r, p.lang), *[s for b in ("blm", "dana_bergulir", "permukiman") for s in halaman[b]],
            slide_perhatian(r, p.lang)]


# ---------------------------------------------------------------- what the exports need
@dataclass(frozen=True, eq=False)
class Bagian:
    """One programme in the exports: its numbers and its chart."""

    nama: str
    judul: str
    angka: tuple[Angka, ...]
    grafik: Slide | None


@dataclass(frozen=True, eq=False)
class Briefing:
    """Everything a briefing document shows, ready to lay out (PDF, PPTX, XLSX)."""

    judul: str
    filter: list[tuple[str, str]]
    tanggal_data: str
    dibuat: str
    demo: bool
    lang: str
    ringkasan: Ringkasan
    bagian: tuple[Bagian, ...]
    aturan_perhatian: str


def _bagian(nama: str, r: Ringkasan, halaman: list[Slide], lang: str) -> Bagian:
    """A programme's cards in the briefing (with their change) plus the page's own headline cards not already
    among them, and the page's first chart."""
    kartu_ = [a for k, a in zip(r.ukuran, r.angka) if PROGRAM_KARTU[k] == nama]
    tambah = [s.angka for s in halaman if s.angka is not None
              and not any(a.label.startswith(s.angka.label) for a in kartu_)]
    pertama = next((s for s in halaman if s.gambar is not None), None)
    return Bagian(nama, t(f"ringkasan.ekspor.bagian.{nama}", lang), tuple(kartu_ + tambah), pertama)


def briefing(p: Pilihan, periode: date | None, tahun_target: int) -> Briefing:
    """The briefing of the selection for the exports (cards, sentences, attention list, one chart per page)."""
    r, lang = ringkasan(p, periode, tahun_target), p.lang
    halaman = slides_halaman(p, periode, tahun_target)
    versi = dataset.active()
    wilayah = ringkasan_filter(p)[0][1]
    return Briefing(judul=t("ringkasan.ekspor.judul", lang, wilayah=wilayah), filter=ringkasan_filter(p),
                    tanggal_data=tanggal_data(lang), dibuat=fmt.tanggal(date.today(), lang=lang),
                    demo=bool(versi is not None and versi.demo), lang=lang, ringkasan=r,
                    bagian=tuple(_bagian(b, r, halaman[b], lang) for b in ("blm", "dana_bergulir", "permukiman")),
                    aturan_perhatian=aturan_perhatian(lang))


# ---------------------------------------------------------------- screen parts
def nama_file(p: Pilihan) -> str:
    """'ringkasan_13.72_2008-2014' (the wilayah code and years; 'semua' for the whole dataset)."""
    return f"{t('ringkasan.ekspor.nama_file', p.lang)}_{p.wilayah or 'semua'}_{p.tahun_awal}-{p.tahun_akhir}"


def tombol_ekspor(kolom: list, b: Briefing, p: Pilihan) -> None:
    """PDF, PPTX and XLSX download buttons in three columns; each file is made only when its button is
    clicked (charts drawn by Chromium; without it the documents say they have no charts)."""
    from pantau import briefing_pdf, briefing_pptx, briefing_xlsx   # they import this module
    nama, lang = nama_file(p), p.lang
    jenis = (("pdf", briefing_pdf.buat, "application/pdf"),
             ("pptx", briefing_pptx.buat,
              "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
             ("xlsx", briefing_xlsx.buat, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    for tempat, (akhiran, buat, mime) in zip(kolom, jenis):
        tempat.download_button(t(f"ringkasan.tombol.{akhiran}", lang), partial(buat, b), f"{nama}.{akhiran}", mime,
                               key=f"ringkasan_{akhiran}", on_click="ignore", width="stretch")


def _pptx_halaman(bagian: str, p: Pilihan, periode: date | None, tahun_target: int) -> bytes:
    from pantau import briefing_pptx
    return briefing_pptx.dari_slides(briefing(p, periode, tahun_target),
                                     slides_halaman(p, periode, tahun_target)[bagian])


def tombol_slide(bagian: str, p: Pilihan) -> None:
    """The per-page export: a download button for one page's own slides ('blm', 'dana_bergulir' or
    'permukiman') as a PPTX, made only when clicked; the page's report month and target year come from the URL."""
    p, periode, tahun_target = dari_url(p)
    nama = f"{bagian}_{p.wilayah or 'semua'}_{p.tahun_awal}-{p.tahun_akhir}.pptx"
    st.download_button(t("ringkasan.tombol.pptx_halaman", p.lang), partial(_pptx_halaman, bagian, p, periode,
                                                                            tahun_target), nama,
                       "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                       key=f"pptx_{bagian}", on_click="ignore")
