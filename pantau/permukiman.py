"""100-0-100: safe water, slum hectares and sanitation against their targets, the trajectory to a chosen
target year per wilayah, and the slum scores of each kawasan (sub-criteria, aspects, classes, change).

The arithmetic is in pure functions (`lintasan`, `pengurangan`, `evaluasi`; the slum scores in
`pantau.kumuh`); `ringkasan` puts them together for the page and is cached per dataset version and filter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from pantau import dataset, db, fmt, katalog, kumuh
from pantau.i18n import strings, t
from pantau.layout import Angka
from pantau.pilihan import Pilihan

INDIKATOR = {"air": "akses_air_minum", "kumuh": "luas_kumuh", "sanitasi": "akses_sanitasi"}   # 100-0-100 order
SATUAN = {"air": "persen", "sanitasi": "persen", "kumuh": "hektar"}
RENTANG_TARGET = (2015, 2045)        # years a target may be set to (URL `target=` and the selector)
KUNCI_TARGET = "permukiman_target"
_EPS = 1e-9
_KOLOM_LINTASAN = ("nilai_pertama", "tahun_pertama", "nilai_terakhir", "tahun_terakhir", "nilai_di_target",
                   "tahun_di_target", "nilai_dasar", "tahun_dasar")


# ------------------------------------------------------------------ target year
def tahun_target_bawaan() -> int:
    """The RPJMN target year of the 100-0-100 targets, from the catalogue."""
    return int(katalog.indikator("luas_kumuh").raw["tahun_target"])


def baca_target(mentah, cadangan: int) -> tuple[int, tuple[str, dict] | None]:
    """The target year from a URL value; a bad value falls back to the catalogue's year with a notice."""
    if mentah is None or str(mentah).strip() == "":
        return cadangan, None
    teks = str(mentah).strip()[:20]
    bawaan = tahun_target_bawaan()
    if not re.fullmatch(r"\d{4}", teks):
        return bawaan, ("permukiman.target.salah", {"nilai": teks, "tahun": bawaan})
    if not RENTANG_TARGET[0] <= int(teks) <= RENTANG_TARGET[1]:
        return bawaan, ("permukiman.target.luar", {"nilai": teks, "tahun": bawaan, "t0": RENTANG_TARGET[0],
                                                    "t1": RENTANG_TARGET[1]})
    return int(teks), None


def _tulis_target() -> None:
    st.query_params["target"] = str(st.session_state[KUNCI_TARGET])


def pilih_tahun_target(lang: str) -> int:
    """Sidebar selector of the target year, bound to `?target=YYYY` (bad values: notice, then the default)."""
    mentah = st.query_params.get("target")
    tahun, salah = baca_target(mentah, st.session_state.get(KUNCI_TARGET, tahun_target_bawaan()))
    if salah:
        st.warning(t(salah[0], lang, **salah[1]), icon="⚠️")
    elif mentah is None and tahun != tahun_target_bawaan():
        st.query_params["target"] = str(tahun)      # the filter bar rewrote the URL: keep the chosen year
    st.session_state[KUNCI_TARGET] = tahun
    with st.sidebar:
        st.selectbox(t("permukiman.target.label", lang), list(range(RENTANG_TARGET[0], RENTANG_TARGET[1] + 1)),
                     key=KUNCI_TARGET, on_change=_tulis_target, help=t("permukiman.target.bantuan", lang))
    return tahun


# ------------------------------------------------------------------ trajectory and reduction (pure)
def _angka(df: pd.DataFrame, kolom: str) -> np.ndarray:
    return pd.to_numeric(df[kolom], errors="coerce").to_numpy(dtype=float)


def _capai(nilai: np.ndarray, target: float, arah: str) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return nilai >= target - _EPS if arah == "naik" else nilai <= target + _EPS


def lintasan(df: pd.DataFrame, target: float, tahun_target: int, arah: str) -> pd.DataFrame:
    """Gap, required and actual yearly pace, projection and status (own rule) per row of `df`, which holds
    nilai/tahun _pertama, _terakhir, _di_target (latest year ≤ target year) and _dasar (the baseline).
    Required pace = (target − baseline) ÷ (target year − baseline year); actual pace = (latest − first) ÷
    (years between). Status: when the data reach the target year, 'tercapai'/'tidak_tercapai' there;
    otherwise 'tercapai' if met now, else 'sesuai_jalur' if latest + actual pace × years left meets the
    target, else 'tidak_sesuai_jalur'; 'tidak_dinilai' when there is too little data."""
    v0, t0, v1, t1, vt, _, vb, tb = (_angka(df, k) for k in _KOLOM_LINTASAN)
    with np.errstate(divide="ignore", invalid="ignore"):
        perlu = np.where(tahun_target > tb, (target - vb) / (tahun_target - tb), np.nan)
        aktual = np.where(t1 > t0, (v1 - v0) / (t1 - t0), np.nan)
        proyeksi = v1 + aktual * np.maximum(tahun_target - t1, 0)
    # a projection does not go past the target (100 % / 0 ha)
    proyeksi = np.minimum(proyeksi, target) if arah == "naik" else np.maximum(proyeksi, target)
    lewat, ada_t = tahun_target <= t1, ~np.isnan(vt)
    status = np.select(
        [np.isnan(v1), lewat & ada_t & _capai(vt, target, arah), lewat & ada_t, lewat, _capai(v1, target, arah),
         np.isnan(aktual), _capai(proyeksi, target, arah)],
        ["tidak_dinilai", "tercapai", "tidak_tercapai", "tidak_dinilai", "tercapai", "tidak_dinilai",
         "sesuai_jalur"], default="tidak_sesuai_jalur")
    kurang = target - v1 if arah == "naik" else v1 - target
    return pd.DataFrame({"kesenjangan": np.maximum(kurang, 0), "laju_perlu": perlu, "laju_aktual": aktual,
                         "proyeksi": proyeksi, "status": status}, index=df.index)


def pengurangan(garis_dasar, sekarang) -> tuple[np.ndarray, np.ndarray]:
    """(baseline − now) ÷ baseline, and why it is missing: 'garis_dasar_nol' (no SK baseline: a division
    by zero, shown as "–") or 'tanpa_data' (no slum figure for now)."""
    gd = np.atleast_1d(np.asarray(garis_dasar, dtype=float))
    kini = np.atleast_1d(np.asarray(sekarang, dtype=float))
    with np.errstate(divide="ignore", invalid="ignore"):
        nilai = np.where((gd > 0) & ~np.isnan(kini), (gd - kini) / gd, np.nan)
    alasan = np.where(np.isnan(gd) | (gd <= 0), "garis_dasar_nol", np.where(np.isnan(kini), "tanpa_data", ""))
    return nilai, alasan


def _bagi(a: pd.Series, b: pd.Series) -> pd.Series:
    a, b = pd.to_numeric(a, errors="coerce").astype(float), pd.to_numeric(b, errors="coerce").astype(float)
    return (a / b.where(b > 0)).astype(float)


def masukan(df: pd.DataFrame, kunci: str) -> pd.DataFrame:
    """The `lintasan` input of one indicator from a `permukiman_per_wilayah`-shaped frame: rates for water
    and sanitation (baseline = first year), hectares for slum (baseline = SK Kumuh area and year)."""
    tahun = {"tahun_pertama": df.tahun_pertama, "tahun_terakhir": df.tahun_terakhir,
             "tahun_di_target": df.tahun_di_target}
    if kunci == "kumuh":
        return pd.DataFrame({"nilai_pertama": df.kumuh_pertama_ha, "nilai_terakhir": df.kumuh_terakhir_ha,
                             "nilai_di_target": df.kumuh_di_target_ha, "nilai_dasar": df.garis_dasar_ha,
                             "tahun_dasar": df.tahun_sk, **tahun}, index=df.index)
    rasio = {w: _bagi(df[f"{kunci}_{w}"], df[f"kk_{w}"]) for w in ("pertama", "terakhir", "di_target")}
    return pd.DataFrame({"nilai_pertama": rasio["pertama"], "nilai_terakhir": rasio["terakhir"],
                         "nilai_di_target": rasio["di_target"], "nilai_dasar": rasio["pertama"],
                         "tahun_dasar": df.tahun_pertama, **tahun}, index=df.index)


def evaluasi(df: pd.DataFrame, tahun_target: int) -> dict[str, pd.DataFrame]:
    """Per indicator ('air', 'sanitasi', 'kumuh'): its values, trajectory and (slum) reduction per row."""
    hasil = {}
    for kunci, ind_id in INDIKATOR.items():
        raw = katalog.indikator(ind_id).raw
        m = masukan(df, kunci)
        hasil[kunci] = pd.concat([m, lintasan(m, float(raw["target"]), tahun_target, raw["arah"])], axis=1)
    nilai, alasan = pengurangan(df.garis_dasar_ha, df.kumuh_terakhir_ha)
    hasil["kumuh"] = hasil["kumuh"].assign(pengurangan=nilai, alasan=alasan)
    return hasil


def total_wilayah(per_tahun: pd.DataFrame, per_unit: pd.DataFrame, tahun_target: int) -> pd.DataFrame:
    """One row shaped like `permukiman_per_wilayah` for the whole selection: first, latest and target-year
    sums from the yearly totals, the SK baseline summed over the units."""
    urut = per_tahun.sort_values("tahun")
    baris = {"pertama": urut.iloc[0], "terakhir": urut.iloc[-1]}
    sampai = urut[urut.tahun <= tahun_target]
    baris["di_target"] = sampai.iloc[-1] if len(sampai) else pd.Series(np.nan, index=urut.columns)
    hasil = {"kode": "", "garis_dasar_ha": float(per_unit.garis_dasar_ha.sum()),
             "tahun_sk": per_unit.tahun_sk.min() if per_unit.tahun_sk.notna().any() else np.nan}
    for waktu, r in baris.items():
        hasil.update({f"tahun_{waktu}": r.tahun, f"kk_{waktu}": r.jumlah_kk, f"air_{waktu}": r.kk_air_minum_layak,
                      f"sanitasi_{waktu}": r.kk_sanitasi_layak, f"kumuh_{waktu}_ha": r.luas_kumuh_ha})
    return pd.DataFrame([hasil])


def tahun_nol(per_tahun: pd.DataFrame, tahun_dasar) -> int | None:
    """The first year (after the baseline year) in which no slum hectares remain."""
    nol = per_tahun[(per_tahun.luas_kumuh_ha <= _EPS) & (per_tahun.tahun > (tahun_dasar or 0))]
    return int(nol.tahun.min()) if len(nol) else None


# ------------------------------------------------------------------ what the page shows
TOP_WILAYAH = 25       # ranked-gap chart: the worst units shown (every unit is in the table)
TOP_KAWASAN = 40       # heatmap and aspect chart: the highest-scoring kawasan shown (all are in the table)


@dataclass
class Tabel:
    """A table ready for `layout.tabel`: readable column names and their number kinds."""

    df: pd.DataFrame
    format: dict[str, str] = field(default_factory=dict)
    judul: str = ""


@dataclass
class Ringkasan:
    """Everything the 100-0-100 page shows for one selection (see `ringkasan`)."""

    kosong: bool
    satuan: str = "kelurahan"                       # unit of the per-wilayah view: 'kelurahan' or 'kabkota'
    tahun_target: int = 2019
    angka: list[Angka] = field(default_factory=list)
    kalimat: list[str] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)     # indicator -> trajectory status of the selection
    bullet: list[dict] = field(default_factory=list)
    tren: pd.DataFrame = field(default_factory=pd.DataFrame)
    jalur: dict[str, tuple] = field(default_factory=dict)
    garis_dasar: tuple = (0.0, None)                          # (SK hectares, SK year) of the selection
    peringkat: pd.DataFrame = field(default_factory=pd.DataFrame)
    jumlah_unit: int = 0
    tabel_wilayah: dict[str, Tabel] = field(default_factory=dict)     # 'kesenjangan', then one per indicator
    kawasan: dict = field(default_factory=dict)


def _f(x) -> float:
    return float(x) if x is not None and not pd.isna(x) else float("nan")


def teks_nilai(kunci: str, nilai, lang: str, desimal: int = 1) -> str:
    if SATUAN[kunci] == "persen":
        return fmt.persen(nilai, desimal, lang=lang)
    return fmt.hektar(nilai, desimal, lang=lang)


def teks_kesenjangan(kunci: str, nilai, lang: str) -> str:
    """A gap: percentage points for the access rates, hectares for slum."""
    return teks_laju(kunci, nilai, lang)


def teks_laju(kunci: str, nilai, lang: str) -> str:
    if pd.isna(nilai):
        return "–"
    if SATUAN[kunci] == "persen":
        return t("permukiman.lintasan.poin", lang, nilai=fmt.angka(nilai * 100, 1, lang=lang))
    return fmt.hektar(nilai, lang=lang)


def _kalimat(kunci: str, r: pd.Series, tahun_target: int, lang: str, nol: int | None = None) -> str:
    """One sentence: is the target met (or on track) for the chosen target year, and by how much.
    An indicator may word a status its own way (`permukiman.kalimat_<kunci>.<status>`)."""
    ind = katalog.indikator(INDIKATOR[kunci])
    isi = {k: teks_nilai(kunci, r[k], lang) for k in ("nilai_terakhir", "nilai_di_target", "proyeksi")}
    isi.update(nama=ind.nama(lang), target=teks_nilai(kunci, ind.raw["target"], lang, 0), tahun=tahun_target,
               tahun_akhir=_tahun(r.tahun_terakhir), tahun_data=_tahun(r.tahun_di_target),
               laju=teks_laju(kunci, r.laju_aktual, lang), perlu=teks_laju(kunci, r.laju_perlu, lang))
    isi["sesudahnya"] = "" if isi["tahun_akhir"] == isi["tahun_data"] else t(
        "permukiman.kalimat.terakhir", lang, tahun_akhir=isi["tahun_akhir"], nilai_terakhir=isi["nilai_terakhir"])
    kunci_teks = f"permukiman.kalimat_{kunci}.{r.status}"
    teks = t(kunci_teks if kunci_teks in strings(lang) else f"permukiman.kalimat.{r.status}", lang, **isi)
    if kunci == "kumuh" and r.status != "tidak_dinilai" and nol is not None and nol > tahun_target:
        teks += " " + t("permukiman.kalimat.nol_pada", lang, tahun=nol)
    return teks


def _tahun(x) -> str:
    return str(int(x)) if not pd.isna(x) else "–"


def _alasan(alasan: str, lang: str) -> str:
    return t(f"permukiman.alasan.{alasan}", lang) if alasan else ""


def _angka_akses(kunci: str, r: pd.Series, lang: str) -> Angka:
    ind = katalog.indikator(INDIKATOR[kunci])
    if r.kesenjangan > _EPS:
        catatan = t("permukiman.angka.kurang", lang, kurang=fmt.angka(r.kesenjangan * 100, 1, lang=lang),
                    tahun=_tahun(r.tahun_terakhir), target=fmt.persen(ind.raw["target"], 0, lang=lang))
    else:
        catatan = t("permukiman.angka.tercapai", lang, tahun=_tahun(r.tahun_terakhir),
                    target=fmt.persen(ind.raw["target"], 0, lang=lang))
    return Angka(ind.nama(lang), fmt.persen(r.nilai_terakhir, lang=lang), katalog.status(ind.id, r.nilai_terakhir),
                 catatan, ind.aturan_sendiri)


def _angka_kumuh(r: pd.Series, lang: str) -> Angka:
    """Slum hectares now, against the SK baseline, with the reduction (or "–" and why) in the note; the
    status colour is the reduction's band (own rule)."""
    luas, kurang = katalog.indikator("luas_kumuh"), katalog.indikator("pengurangan_kumuh")
    catatan = t("permukiman.angka.garis_dasar", lang, luas=fmt.hektar(r.nilai_dasar, lang=lang),
                tahun=_tahun(r.tahun_dasar), pengurangan=fmt.persen(r.pengurangan, lang=lang))
    if r.alasan:
        catatan += f" ({_alasan(r.alasan, lang)})"
    return Angka(luas.nama(lang), fmt.hektar(r.nilai_terakhir, lang=lang),
                 katalog.status("pengurangan_kumuh", r.pengurangan), catatan, kurang.aturan_sendiri)


def pita_langkah(kunci: str, garis_dasar: float, maks: float) -> list[tuple[float, float, str]]:
    """The catalogue bands as (from, to, status) on the bullet's axis: the access bands directly; for slum
    hectares the reduction bands turned into hectares (reduction r ↔ baseline × (1 − r))."""
    if kunci != "kumuh":
        return [(p.get("bawah", 0.0), p.get("atas", 1.0), p["status"])
                for p in katalog.indikator(INDIKATOR[kunci]).pita]
    if garis_dasar <= 0:
        return []
    return [(max(0.0, garis_dasar * (1 - p.get("atas", 1.0))), min(maks, garis_dasar * (1 - p.get("bawah", -np.inf))),
             p["status"]) for p in katalog.indikator("pengurangan_kumuh").pita]


def _bertanda(kunci: str, nilai, lang: str) -> str:
    teks = teks_laju(kunci, nilai, lang)
    return "+" + teks if not pd.isna(nilai) and nilai > _EPS else teks


def _bullet(kunci: str, r: pd.Series, lang: str) -> dict:
    """A bullet's content: latest value against the target, the catalogue bands, and the reference (first
    chosen year; for slum hectares the SK baseline) with the change since then."""
    ind = katalog.indikator(INDIKATOR[kunci])
    target = float(ind.raw["target"])
    if kunci == "kumuh":
        acuan, tahun_acuan = _f(r.nilai_dasar), t("permukiman.bullet.garis_dasar", lang, tahun=_tahun(r.tahun_dasar))
        ada = [v for v in (acuan, _f(r.nilai_pertama), _f(r.nilai_terakhir)) if not np.isnan(v)]
        maks = max(ada, default=0.0) * 1.05 or 1.0
    else:
        acuan, tahun_acuan, maks = _f(r.nilai_pertama), _tahun(r.tahun_pertama), 1.0
    nilai = _f(r.nilai_terakhir)
    rincian = t("permukiman.bullet.rincian", lang, nilai=teks_kesenjangan(kunci, r.kesenjangan, lang),
                target=teks_nilai(kunci, target, lang, 0), acuan=tahun_acuan,
                ubah=_bertanda(kunci, nilai - acuan, lang))
    teks = f"**{ind.nama(lang)}: {teks_nilai(kunci, nilai, lang)}** ({_tahun(r.tahun_terakhir)})  \n:small[{rincian}]"
    return {"teks": teks, "grafik": {"nilai": nilai, "target": target, "acuan": acuan, "label_acuan": tahun_acuan,
                                     "satuan": SATUAN[kunci], "maks": maks,
                                     "langkah": pita_langkah(kunci, _f(r.nilai_dasar), maks)}}


def _tren(per_tahun: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"tahun": per_tahun.tahun,
                         "air": _bagi(per_tahun.kk_air_minum_layak, per_tahun.jumlah_kk),
                         "sanitasi": _bagi(per_tahun.kk_sanitasi_layak, per_tahun.jumlah_kk),
                         "kumuh": per_tahun.luas_kumuh_ha.astype(float)})


def _jalur(ev: dict[str, pd.DataFrame], tahun_target: int) -> dict[str, tuple]:
    """The required trajectory per indicator: from (baseline year, baseline) to (target year, target)."""
    hasil = {}
    for kunci, df in ev.items():
        r = df.iloc[0]
        if not pd.isna(r.tahun_dasar) and not pd.isna(r.nilai_dasar) and tahun_target > r.tahun_dasar:
            target = float(katalog.indikator(INDIKATOR[kunci]).raw["target"])
            hasil[kunci] = (int(r.tahun_dasar), float(r.nilai_dasar), tahun_target, target)
    return hasil


def _peringkat(per_unit: pd.DataFrame, ev: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Units ranked by the mean of their ranks on the three gaps (worst first)."""
    df = pd.DataFrame({"kode": per_unit.kode, "nama": kumuh.label_unik(per_unit.nama.astype(str), per_unit.kode)})
    for kunci, e in ev.items():
        df[f"kesenjangan_{kunci}"], df[f"status_{kunci}"] = e.kesenjangan, e.status
    df["skor_peringkat"] = pd.concat([df[f"kesenjangan_{k}"].rank(ascending=False) for k in ev], axis=1).mean(axis=1)
    return df.sort_values(["skor_peringkat", "kode"])          # keeps per_unit's index (tables follow this order)


def _kolom(kunci: str, lang: str, **kwargs) -> str:
    return t(f"permukiman.kolom.{kunci}", lang, **kwargs)


def _tahun_int(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").round().astype("Int64")


def _tabel_kesenjangan(unit: pd.DataFrame, ev: dict[str, pd.DataFrame], lang: str) -> Tabel:
    """Per unit: the three values, their gaps to target, the SK baseline and the reduction."""
    k = {n: _kolom(n, lang) for n in ("wilayah", "kode", "tahun_data", "air", "kurang_air", "sanitasi",
                                      "kurang_sanitasi", "luas_kumuh", "garis_dasar", "tahun_sk", "pengurangan",
                                      "keterangan")}
    df = pd.DataFrame({k["wilayah"]: unit.nama, k["kode"]: unit.kode,
                       k["tahun_data"]: _tahun_int(ev["air"].tahun_terakhir),
                       k["air"]: ev["air"].nilai_terakhir, k["kurang_air"]: ev["air"].kesenjangan,
                       k["sanitasi"]: ev["sanitasi"].nilai_terakhir,
                       k["kurang_sanitasi"]: ev["sanitasi"].kesenjangan,
                       k["luas_kumuh"]: ev["kumuh"].nilai_terakhir, k["garis_dasar"]: ev["kumuh"].nilai_dasar,
                       k["tahun_sk"]: _tahun_int(ev["kumuh"].tahun_dasar), k["pengurangan"]: ev["kumuh"].pengurangan,
                       k["keterangan"]: [_alasan(a, lang) for a in ev["kumuh"].alasan]})
    jenis = {"air": "persen", "kurang_air": "persen", "sanitasi": "persen", "kurang_sanitasi": "persen",
             "luas_kumuh": "hektar", "garis_dasar": "hektar", "pengurangan": "persen"}
    return Tabel(df.reset_index(drop=True), {k[n]: v for n, v in jenis.items()},
                 t("permukiman.tabel.kesenjangan", lang))


def _tabel_lintasan(kunci: str, unit: pd.DataFrame, e: pd.DataFrame, tahun_target: int, lang: str) -> Tabel:
    """Per unit, one indicator: first and latest value, value by the target year, required and actual
    yearly pace, the projection to the target year and the status."""
    k = {n: _kolom(n, lang, tahun=tahun_target) for n in (
        "wilayah", "kode", "tahun_awal", "nilai_awal", "tahun_akhir", "nilai_akhir", "nilai_di_target",
        "laju_perlu", "laju_aktual", "proyeksi", "status")}
    df = pd.DataFrame({k["wilayah"]: unit.nama, k["kode"]: unit.kode,
                       k["tahun_awal"]: _tahun_int(e.tahun_pertama), k["nilai_awal"]: e.nilai_pertama,
                       k["tahun_akhir"]: _tahun_int(e.tahun_terakhir), k["nilai_akhir"]: e.nilai_terakhir,
                       k["nilai_di_target"]: e.nilai_di_target, k["laju_perlu"]: e.laju_perlu,
                       k["laju_aktual"]: e.laju_aktual, k["proyeksi"]: e.proyeksi,
                       k["status"]: [t(f"permukiman.status.{s}", lang) for s in e.status]})
    angka = [k[n] for n in ("nilai_awal", "nilai_akhir", "nilai_di_target", "laju_perlu", "laju_aktual", "proyeksi")]
    judul = t("permukiman.tabel.lintasan", lang, nama=katalog.indikator(INDIKATOR[kunci]).nama(lang))
    return Tabel(df.reset_index(drop=True), {n: SATUAN[kunci] for n in angka}, judul)


def _isi_capaian(hasil: Ringkasan, per_tahun: pd.DataFrame, per_unit: pd.DataFrame, lang: str) -> None:
    """Headline numbers, sentences, bullets, trend and the per-unit gaps and trajectories."""
    tahun_target = hasil.tahun_target
    ev_wil = evaluasi(total_wilayah(per_tahun, per_unit, tahun_target), tahun_target)
    ev = {k: v.iloc[0] for k, v in ev_wil.items()}
    nol = tahun_nol(per_tahun, None if pd.isna(ev["kumuh"].tahun_dasar) else ev["kumuh"].tahun_dasar)
    hasil.angka = [_angka_akses("air", ev["air"], lang), _angka_kumuh(ev["kumuh"], lang),
                   _angka_akses("sanitasi", ev["sanitasi"], lang)]
    hasil.kalimat = [_kalimat(k, ev[k], tahun_target, lang, nol) for k in INDIKATOR]
    hasil.status = {k: str(ev[k].status) for k in INDIKATOR}
    hasil.bullet = [_bullet(k, ev[k], lang) for k in INDIKATOR]
    hasil.tren, hasil.jalur = _tren(per_tahun), _jalur(ev_wil, tahun_target)
    hasil.garis_dasar = (_f(ev["kumuh"].nilai_dasar), None if pd.isna(ev["kumuh"].tahun_dasar)
                         else int(ev["kumuh"].tahun_dasar))
    ev_unit = evaluasi(per_unit, tahun_target)
    peringkat = _peringkat(per_unit, ev_unit)
    urut = peringkat.index
    hasil.peringkat, hasil.jumlah_unit = peringkat.reset_index(drop=True).head(TOP_WILAYAH), len(peringkat)
    unit = per_unit.loc[urut].assign(nama=peringkat.nama)
    hasil.tabel_wilayah = {"kesenjangan": _tabel_kesenjangan(unit, {k: v.loc[urut] for k, v in ev_unit.items()}, lang),
                           **{k: _tabel_lintasan(k, unit, ev_unit[k].loc[urut], tahun_target, lang) for k in INDIKATOR}}


def _jumlah_kelas(terakhir: pd.DataFrame, lang: str) -> str:
    urutan = [k["kelas"] for k in kumuh.aturan()["kelas"]]
    hitung = terakhir.kelas.value_counts()
    bagian = [f"{int(hitung.get(k, 0))} {katalog.label('kelas_kumuh', k, lang).lower()}" for k in urutan]
    return t("permukiman.kawasan.kalimat_kelas", lang, jumlah=len(terakhir), rincian=", ".join(bagian))


def _kalimat_perubahan(ubah: pd.DataFrame, lang: str) -> str:
    if ubah.empty:
        return t("permukiman.perubahan.tidak_ada", lang)
    n = ubah.arah.value_counts()
    teks = t("permukiman.perubahan.kalimat", lang, jumlah=len(ubah), **{a: int(n.get(a, 0)) for a in
                                                                      ("keluar", "membaik", "tetap", "memburuk")})
    buruk = ubah[ubah.arah == "memburuk"].nama_kawasan.astype(str).tolist()
    if buruk:
        teks += " " + t("permukiman.perubahan.daftar_memburuk", lang, daftar=", ".join(buruk[:6])
                        + (" …" if len(buruk) > 6 else ""))
    return teks


def _tabel_kawasan(terakhir: pd.DataFrame, sel: pd.DataFrame, dorong: pd.Series, lang: str) -> Tabel:
    """Per kawasan, latest assessment: total, class, the aspects that drive it and each sub-criterion's score."""
    k = {n: _kolom(n, lang) for n in ("kawasan", "kode_kawasan", "kelurahan", "jumlah_kelurahan", "luas_sk",
                                      "tahun_penilaian", "total", "kelas", "pendorong", "lengkap")}
    skor = sel.pivot(index="kode_kawasan", columns="kriteria", values="skor")
    skor = skor.reindex(columns=[c for c in kumuh.aturan()["kriteria"] if c in skor.columns]).astype("Int64")
    df = pd.DataFrame({k["kawasan"]: terakhir.nama_kawasan, k["kode_kawasan"]: terakhir.kode_kawasan,
                       k["kelurahan"]: terakhir.nama_kelurahan, k["jumlah_kelurahan"]: terakhir.jumlah_kelurahan,
                       k["luas_sk"]: terakhir.luas_sk_ha, k["tahun_penilaian"]: terakhir.tahun,
                       k["total"]: terakhir.total,
                       k["kelas"]: [katalog.label("kelas_kumuh", c, lang) for c in terakhir.kelas],
                       k["pendorong"]: terakhir.kode_kawasan.map(dorong).fillna("–").to_numpy(),
                       k["lengkap"]: [t(f"permukiman.kawasan.{'ya' if x else 'tidak'}", lang)
                                      for x in terakhir.lengkap]})
    df = df.join(skor, on=k["kode_kawasan"])
    return Tabel(df.reset_index(drop=True), {k["luas_sk"]: "hektar"}, t("permukiman.tabel.kawasan", lang))


def _tabel_perubahan(ubah: pd.DataFrame, lang: str) -> Tabel:
    k = {n: _kolom(n, lang) for n in ("kawasan", "kode_kawasan", "kelurahan", "tahun_awal", "skor_awal", "kelas_awal",
                                      "tahun_akhir", "skor_akhir", "kelas_akhir", "perubahan")}
    label = lambda s: [katalog.label("kelas_kumuh", c, lang) for c in s]  # noqa: E731
    df = pd.DataFrame({k["kawasan"]: ubah.nama_kawasan, k["kode_kawasan"]: ubah.kode_kawasan,
                       k["kelurahan"]: ubah.nama_kelurahan, k["tahun_awal"]: ubah.tahun_awal,
                       k["skor_awal"]: ubah.total_awal, k["kelas_awal"]: label(ubah.kelas_awal),
                       k["tahun_akhir"]: ubah.tahun_akhir, k["skor_akhir"]: ubah.total_akhir,
                       k["kelas_akhir"]: label(ubah.kelas_akhir),
                       k["perubahan"]: [t(f"permukiman.perubahan.{a}", lang) for a in ubah.arah]})
    return Tabel(df, judul=t("permukiman.tabel.perubahan", lang))


def _urut_perubahan(ubah: pd.DataFrame) -> pd.DataFrame:
    """Kawasan that got worse first, then those that left slum status, then the rest; larger changes first."""
    urutan = {"memburuk": 0, "keluar": 1, "membaik": 2, "tetap": 3}
    df = ubah.assign(_u=ubah.arah.map(urutan), _d=-(ubah.total_akhir - ubah.total_awal).abs())
    return df.sort_values(["_u", "_d", "kode_kawasan"]).drop(columns=["_u", "_d"]).reset_index(drop=True)


def _kawasan(penilaian: pd.DataFrame, kawasan: pd.DataFrame, lang: str) -> dict:
    """The slum-score part of the page: heatmap cells, aspect points, classes per year, change, tables."""
    if penilaian.empty:
        return {}
    s = kumuh.skor_kawasan(penilaian, kawasan)
    terakhir, kunci = s["terakhir"], ["kode_kawasan", "tahun"]
    info = terakhir[[*kunci, "label", "kode_kelurahan", "total", "kelas"]]
    sel_semua = s["dinilai"][[*kunci, "kriteria", "aspek", "persen_terdampak", "skor"]].merge(info, on=kunci)
    tampil = info.head(TOP_KAWASAN)
    dorong = kumuh.pendorong(s["aspek"], terakhir, lang)
    ubah = _urut_perubahan(kumuh.perubahan(s["total"]))
    aturan = kumuh.aturan()
    return {"sel": sel_semua.merge(tampil[kunci], on=kunci), "aspek": s["aspek"].merge(tampil, on=kunci),
            "urutan": tampil.label.tolist(), "jumlah": len(terakhir), "ditampilkan": len(tampil),
            "kelas_per_tahun": s["total"].groupby(["tahun", "kelas"]).size().reset_index(name="jumlah"),
            "perubahan": ubah.head(TOP_KAWASAN).merge(info[["kode_kawasan", "label"]], on="kode_kawasan"),
            "jumlah_perubahan": len(ubah),
            "kalimat_kelas": _jumlah_kelas(terakhir, lang), "kalimat_perubahan": _kalimat_perubahan(ubah, lang),
            "tabel_kawasan": _tabel_kawasan(terakhir, sel_semua, dorong, lang),
            "tabel_perubahan": _tabel_perubahan(ubah, lang), "kelas_semua": set(s["total"].kelas.dropna()),
            "aturan": t("permukiman.kawasan.aturan", lang, nama=aturan["nama"], jumlah=len(aturan["kriteria"]))}


def kunci(p: Pilihan, tahun_target: int) -> tuple:
    """What the page's data depend on: dataset version, code prefix, years, unit code length (kelurahan at
    kab/kota level and below, kab/kota above), target year and language."""
    panjang = 13 if p.tingkat in ("kabkota", "kecamatan", "kelurahan") else 5
    return dataset.active_id(), p.prefix, p.tahun_awal, p.tahun_akhir, panjang, tahun_target, p.lang


def ringkasan(p: Pilihan, tahun_target: int, kawasan: bool = True) -> Ringkasan:
    """The page's data for the filters and target year (cached per dataset version). `kawasan=False` leaves out
    the slum-area scoring (an empty `kawasan`), for readers that need only the targets (Ringkasan); it is then
    `kosong` when there are no target figures."""
    return hitung(*kunci(p, tahun_target), kawasan=kawasan)


@st.cache_data(show_spinner=False, max_entries=200)
def hitung(versi: str | None, prefix: str, tahun_awal: int, tahun_akhir: int, panjang: int, tahun_target: int,
           lang: str, kawasan: bool = True) -> Ringkasan:
    """`ringkasan` for the values of `kunci` (`versi` only keys the cache)."""
    params = {"wilayah": prefix, "tahun_awal": tahun_awal, "tahun_akhir": tahun_akhir}
    per_wilayah = ("permukiman_per_wilayah", {"panjang": panjang, "tahun_target": tahun_target, **params})
    kueri = [("permukiman_per_tahun", params), per_wilayah]
    if kawasan:                    # the slum-area scoring reads the assessments (national: ~150 000 rows)
        kueri += [("permukiman_penilaian", params), ("permukiman_kawasan", {"wilayah": prefix})]
    per_tahun, per_unit, *daftar = db.query_serentak(*kueri)
    penilaian = daftar[0] if kawasan else pd.DataFrame()
    if per_tahun.empty and penilaian.empty:
        return Ringkasan(kosong=True)
    daftar_kawasan = daftar[1] if kawasan and len(penilaian) else None
    hasil = Ringkasan(kosong=False, satuan="kelurahan" if panjang == 13 else "kabkota", tahun_target=tahun_target,
                      kawasan=_kawasan(penilaian, daftar_kawasan, lang) if kawasan else {})
    if not per_tahun.empty:
        _isi_capaian(hasil, per_tahun, per_unit, lang)
    return hasil


# ------------------------------------------------------------------ screen parts
HALAMAN_PROFIL = "pages/profil.py"       # the Profil Kelurahan page, when the app registers it


def tautan_profil(p: Pilihan) -> None:
    """A link to the kelurahan profile when one kelurahan is chosen and that page exists in the app."""
    if p.tingkat != "kelurahan":
        return
    try:
        st.page_link(HALAMAN_PROFIL, label=t("permukiman.bagian.profil", p.lang), icon="🏘️",
                     query_params={"kel": p.wilayah})
    except StreamlitAPIException:
        pass          # not registered (yet), or this page runs on its own: the filter drill is the fallback


# ------------------------------------------------------------------ the page's key content, reusable (slides)
def nilai_tahunan(p: Pilihan, tahun_awal: int, tahun_akhir: int) -> pd.DataFrame:
    """The page's trend frame (water and sanitation rates, slum hectares per year) for any span of years,
    e.g. the year before the selection for a comparison."""
    return _tren(db.query("permukiman_per_tahun", wilayah=p.prefix, tahun_awal=tahun_awal, tahun_akhir=tahun_akhir))


def per_kelurahan(p: Pilihan, tahun_target: int) -> pd.DataFrame:
    """Per kelurahan of the selection (at every filter level): latest year, water and sanitation rates and their
    gaps to the target, slum hectares left, the SK Kumuh baseline and the reduction."""
    unit = db.query("permukiman_per_wilayah", wilayah=p.prefix, tahun_awal=p.tahun_awal, tahun_akhir=p.tahun_akhir,
                    panjang=13, tahun_target=tahun_target)
    ev = evaluasi(unit, tahun_target)
    return pd.DataFrame({"kode": unit.kode, "nama": unit.nama, "tahun": ev["air"].tahun_terakhir,
                         "air": ev["air"].nilai_terakhir, "kurang_air": ev["air"].kesenjangan,
                         "sanitasi": ev["sanitasi"].nilai_terakhir, "kurang_sanitasi": ev["sanitasi"].kesenjangan,
                         "kumuh_ha": ev["kumuh"].nilai_terakhir, "garis_dasar_ha": ev["kumuh"].nilai_dasar,
                         "pengurangan": ev["kumuh"].pengurangan})


def slides(p: Pilihan, tahun_target: int | None = None) -> list:
    """The page's key content as presentation slides, from its own cards, sentences and figures: water, slum
    and sanitation against their targets, then the two trend charts. Empty without 100-0-100 figures."""
    from pantau import charts_permukiman
    from pantau.presentasi import Slide
    tahun_target = tahun_target or tahun_target_bawaan()
    data = ringkasan(p, tahun_target, kawasan=False)
    if data.kosong or not data.angka:
        return []
    lang, gambar = p.lang, charts_permukiman.gambar(p, tahun_target, penuh=False)
    judul = t("permukiman.judul", lang)
    hasil = [Slide("permukiman", judul, angka=a, teks=(k,), catatan=katalog.indikator(INDIKATOR[kunci]).rumus(lang))
             for kunci, a, k in zip(INDIKATOR, data.angka, data.kalimat)]
    return hasil + [Slide("permukiman", t(f"permukiman.grafik.{nama}", lang), gambar=partial(gambar.__getitem__, nama))
                    for nama in ("tren_akses", "tren_kumuh")]
