"""Sentences for the briefing, written from the data: what changed, what is on or off track, where it is
worst. Pure functions over small records and frames (no Streamlit), so they can be tested on fixtures.

Numbers go through `pantau.fmt`; the wording lives in the locale files (`ringkasan.kalimat.*`) and the
data choose the template: rising / falling / flat, better / worse, on / off track, or no data. A change
is "flat" when it rounds to zero at the precision it is shown with (no threshold of its own)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from pantau import fmt
from pantau.i18n import t

DESIMAL = {"rupiah": 1, "persen": 1, "hektar": 1, "angka": 0}   # shown precision of a change (rupiah: as %)
BAIK = ("tercapai", "sesuai_jalur")                              # trajectory statuses that are on track
BURUK = ("tidak_tercapai", "tidak_sesuai_jalur")


@dataclass(frozen=True)
class Ukuran:
    """One headline figure and its comparison: the input of the sentences and the cards."""

    kunci: str                  # 'blm', 'upk', 'par', 'air', 'kumuh', 'sanitasi'
    nilai: float | None
    lalu: float | None = None   # the same figure in the comparison period
    pembanding: str = ""        # what is compared, written out: '2023', 'Desember 2023', '2001–2007'
    satuan: str = "angka"       # 'rupiah', 'persen', 'hektar' or 'angka'
    arah: str = "netral"        # the better direction (catalogue): 'naik', 'turun' or 'netral'
    status: str | None = None   # catalogue band of `nilai`


def _ada(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x)) and not pd.isna(x)


def teks(nilai, satuan: str, lang: str) -> str:
    """A value in its unit: 'Rp 9,38 miliar', '12,5 %', '29,0 ha', '5'."""
    fungsi = {"rupiah": fmt.rupiah_ringkas, "persen": fmt.persen, "hektar": fmt.hektar}.get(satuan, fmt.angka)
    return fungsi(nilai, lang=lang)


def selisih(u: Ukuran) -> float | None:
    """The change as shown: relative for rupiah, in points for percentages, else absolute. None when it
    cannot be computed (no value, no comparison, or a zero rupiah base)."""
    if not (_ada(u.nilai) and _ada(u.lalu)):
        return None
    if u.satuan == "rupiah":
        return (u.nilai - u.lalu) / u.lalu if u.lalu else None
    return float(u.nilai - u.lalu)


def arah(u: Ukuran) -> str:
    """'naik', 'turun', 'tetap' (rounds to zero as shown), 'tanpa_banding' or 'tanpa_data'."""
    if not _ada(u.nilai):
        return "tanpa_data"
    d = selisih(u)
    if d is None:
        return "tanpa_banding"
    skala = 100 if u.satuan in ("persen", "rupiah") else 1
    if round(abs(d) * skala, DESIMAL[u.satuan]) == 0:
        return "tetap"
    return "naik" if d > 0 else "turun"


def mutu(u: Ukuran) -> str:
    """'membaik', 'memburuk', 'tetap' or '' (no comparison, or no better direction) for the change of `u`."""
    a = arah(u)
    if a == "tetap":
        return "tetap"
    if a not in ("naik", "turun") or u.arah not in ("naik", "turun"):
        return ""
    return "membaik" if a == u.arah else "memburuk"


def teks_selisih(u: Ukuran, lang: str) -> str:
    """The size of the change, without sign: '12,5 %' (rupiah), '2,1 poin', '3,2 ha', '2'."""
    d = selisih(u)
    if d is None:
        return fmt.KOSONG
    if u.satuan == "rupiah":
        return fmt.persen(abs(d), lang=lang)
    if u.satuan == "persen":
        return t("ringkasan.kalimat.poin", lang, nilai=fmt.angka(abs(d) * 100, 1, lang=lang))
    return teks(abs(d), u.satuan, lang)


def _isi(u: Ukuran, lang: str) -> dict:
    return {"nilai": teks(u.nilai, u.satuan, lang), "lalu": teks(u.lalu, u.satuan, lang),
            "selisih": teks_selisih(u, lang), "pembanding": u.pembanding}


def blm(u: Ukuran, tahun: str, lang: str) -> str:
    """What changed in BLM: the total of the years chosen against the same number of years before."""
    return t(f"ringkasan.kalimat.blm.{arah(u)}", lang, tahun=tahun, **_isi(u, lang))


def upk(jumlah: Ukuran, semua: int, par: Ukuran, bulan: str, pita_par: str, lang: str) -> str:
    """The revolving fund: UPKs in Penundaan (and the change), then PAR better or worse than a year before."""
    if not _ada(jumlah.nilai):
        return t("ringkasan.kalimat.upk.tanpa_data", lang, bulan=bulan)
    kasus = "nol" if jumlah.nilai == 0 else "ada"
    awal = t(f"ringkasan.kalimat.upk.{kasus}", lang, bulan=bulan, n=fmt.angka(jumlah.nilai, lang=lang),
             semua=fmt.angka(semua, lang=lang))
    ubah = t(f"ringkasan.kalimat.upk_ubah.{arah(jumlah)}", lang, **_isi(jumlah, lang))
    kasus_par = "tanpa_data" if not _ada(par.nilai) else (mutu(par) or "tanpa_banding")
    return f"{awal}{ubah} " + t(f"ringkasan.kalimat.par.{kasus_par}", lang, pita=pita_par, **_isi(par, lang))


def _daftar(bagian: list[str], lang: str) -> str:
    """'a', 'a dan b', 'a, b dan c' (en: 'a and b', 'a, b and c')."""
    if len(bagian) <= 1:
        return "".join(bagian)
    return t("ringkasan.kalimat.daftar", lang, awal=", ".join(bagian[:-1]), akhir=bagian[-1])


def target(ukuran: dict[str, Ukuran], status: dict[str, str], tahun_target: int, tahun_data, lang: str) -> str:
    """On or off track for 100-0-100: the indicators (latest values, of `tahun_data`) grouped by their
    trajectory status towards `tahun_target` (the 100-0-100 page's own rule)."""
    kunci = [k for k in ("air", "kumuh", "sanitasi") if k in ukuran and _ada(ukuran[k].nilai)]
    if not kunci:
        return t("ringkasan.kalimat.target.tanpa_data", lang)
    kelompok: dict[str, list[str]] = {}
    for k in kunci:
        nama = t(f"ringkasan.kalimat.nama.{k}", lang, nilai=teks(ukuran[k].nilai, ukuran[k].satuan, lang))
        kelompok.setdefault(status.get(k, "tidak_dinilai"), []).append(nama)
    rincian = "; ".join(t(f"ringkasan.kalimat.status.{s}", lang, daftar=_daftar(n, lang), tahun=tahun_target)
                        for s, n in kelompok.items())
    if set(kelompok) <= set(BAIK):
        kasus = "semua_baik"
    elif set(kelompok) <= set(BURUK):
        kasus = "semua_buruk"
    else:
        kasus = "campuran"
    return t(f"ringkasan.kalimat.target.{kasus}", lang, tahun=tahun_target, tahun_data=tahun_data, rincian=rincian)


def perubahan_100(ukuran: dict[str, Ukuran], lang: str) -> str | None:
    """What changed in water, slum and sanitation since the year before (None when nothing compares)."""
    bagian = []
    for k in ("air", "kumuh", "sanitasi"):
        u = ukuran.get(k)
        if u is None or arah(u) not in ("naik", "turun", "tetap"):
            continue
        bagian.append(t(f"ringkasan.kalimat.ubah.{arah(u)}", lang, nama=t(f"ringkasan.kalimat.singkat.{k}", lang),
                        selisih=teks_selisih(u, lang), mutu=t(f"ringkasan.kalimat.mutu.{mutu(u) or 'tetap'}", lang)))
    if not bagian:
        return None
    pembanding = next(ukuran[k].pembanding for k in ("air", "kumuh", "sanitasi") if k in ukuran)
    return t("ringkasan.kalimat.ubah.kalimat", lang, pembanding=pembanding, rincian=_daftar(bagian, lang))


def perhatian(daftar: pd.DataFrame, lang: str) -> str:
    """Where it is worst: the kelurahan with the highest attention score and why, then the next two.
    `daftar` has `nama` and `alasan`, worst first."""
    if daftar.empty:
        return t("ringkasan.kalimat.perhatian.tidak_ada", lang)
    pertama = daftar.iloc[0]
    lain = daftar.nama.iloc[1:3].tolist()
    kasus = "satu" if not lain else "banyak"
    return t(f"ringkasan.kalimat.perhatian.{kasus}", lang, nama=pertama.nama, alasan=pertama.alasan,
             lain=_daftar(lain, lang))


def semua(ukuran: dict[str, Ukuran], konteks: dict, daftar: pd.DataFrame, lang: str) -> list[str]:
    """The three to five sentences of the briefing, in order: BLM, revolving fund, 100-0-100 track, 100-0-100
    change (when there is a comparison), where it is worst. `konteks` holds `tahun` (the years chosen, written
    out), `bulan` (report month), `jumlah_upk`, `pita_par`, `status` (trajectory per indicator), `tahun_target`
    and `tahun_permukiman` (the latest year of the 100-0-100 figures)."""
    hasil = [blm(ukuran["blm"], konteks["tahun"], lang),
             upk(ukuran["upk"], konteks["jumlah_upk"], ukuran["par"], konteks["bulan"], konteks["pita_par"], lang),
             target(ukuran, konteks["status"], konteks["tahun_target"], konteks["tahun_permukiman"], lang)]
    ubah = perubahan_100(ukuran, lang)
    return hasil + ([ubah] if ubah else []) + [perhatian(daftar, lang)]
