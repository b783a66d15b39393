"""The filter state (wilayah, years, programmes, language) and its readable URL form.

`dari_url` turns URL parameters into a valid `Pilihan` plus notices; anything unknown or malformed
falls back to the default with a notice (never an exception, and never reaching SQL unchecked).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Mapping


TINGKAT = ("provinsi", "kabkota", "kecamatan", "kelurahan")
PARAM_WILAYAH = {"prov": "provinsi", "kab": "kabkota", "kec": "kecamatan", "kel": "kelurahan"}
_POLA = {"provinsi": r"\d{2}", "kabkota": r"\d{2}\.\d{2}", "kecamatan": r"\d{2}\.\d{2}\.\d{2}",
         "kelurahan": r"\d{2}\.\d{2}\.\d{2}\.\d{4}"}
_PANJANG_MAKS = 64


@dataclass(frozen=True)
class Pilihan:
    """What the user has chosen; every page reads its data through `params()`."""

    wilayah: str = ""                 # '' = everything in the dataset, else a dotted code at any level
    tahun_awal: int = 0
    tahun_akhir: int = 0
    program: tuple[str, ...] = ()     # empty = all programmes
    lang: str = "id"
    catatan: tuple[tuple[str, dict], ...] = field(default=(), compare=False)   # (i18n key, kwargs)

    @property
    def tingkat(self) -> str:
        return tingkat_kode(self.wilayah) if self.wilayah else "nasional"

    @property
    def prefix(self) -> str:
        """The code prefix that selects this wilayah's kelurahan (with a trailing dot above kelurahan)."""
        if not self.wilayah or self.tingkat == "kelurahan":
            return self.wilayah
        return self.wilayah + "."

    def params(self) -> dict:
        """Bound parameters for queries: $wilayah, $tahun_awal, $tahun_akhir, $program."""
        return {"wilayah": self.prefix, "tahun_awal": self.tahun_awal, "tahun_akhir": self.tahun_akhir,
                "program": list(self.program)}

    def ke_url(self) -> dict[str, str]:
        """The readable URL parameters that reproduce this view."""
        url: dict[str, str] = {}
        if self.wilayah:
            url[{v: k for k, v in PARAM_WILAYAH.items()}[self.tingkat]] = self.wilayah
        url["tahun"] = f"{self.tahun_awal}-{self.tahun_akhir}" if self.tahun_awal != self.tahun_akhir \
            else str(self.tahun_awal)
        if self.program:
            url["program"] = ",".join(self.program)
        if self.lang != "id":
            url["lang"] = self.lang
        return url


def tingkat_kode(kode: str) -> str:
    return TINGKAT[min(kode.count("."), 3)]


def normalisasi_kode(teks: str) -> str | None:
    """'1372' -> '13.72', '13.72.01.1001' stays; anything that is not a region code -> None."""
    teks = teks.strip()
    if len(teks) > 16:
        return None
    digit = teks.replace(".", "")
    if not re.fullmatch(r"[0-9]+", digit) or len(digit) not in (2, 4, 6, 10):
        return None
    kode = ".".join(p for p in (digit[:2], digit[2:4], digit[4:6], digit[6:]) if p)
    return kode if re.fullmatch(_POLA[tingkat_kode(kode)], kode) else None


def _satu(nilai) -> str:
    if isinstance(nilai, (list, tuple)):
        nilai = nilai[-1] if nilai else ""
    return str(nilai)[:_PANJANG_MAKS + 1]


def _wilayah(url: Mapping, dikenal: frozenset[str], catatan: list) -> str:
    pilihan = ""
    for param, tingkat in PARAM_WILAYAH.items():
        if param not in url:
            continue
        mentah = _satu(url[param])
        kode = normalisasi_kode(mentah) if len(mentah) <= _PANJANG_MAKS else None
        if kode is None or tingkat_kode(kode) != tingkat:
            catatan.append(("umum.catatan.kode_salah", {"param": param, "nilai": mentah[:40]}))
        elif kode not in dikenal:
            catatan.append(("umum.catatan.kode_tidak_dikenal", {"nilai": kode}))
        elif pilihan and not kode.startswith(pilihan + "."):
            catatan.append(("umum.catatan.kode_tidak_cocok", {"nilai": kode, "induk": pilihan}))
        else:
            pilihan = kode
    return pilihan


def _tahun(url: Mapping, t0: int, t1: int, catatan: list) -> tuple[int, int]:
    if "tahun" not in url:
        return t0, t1
    mentah = _satu(url["tahun"])
    m = re.fullmatch(r"\s*(\d{4})\s*(?:[-–:]\s*(\d{4}))?\s*", mentah)
    if not m:
        catatan.append(("umum.catatan.tahun_salah", {"nilai": mentah[:40]}))
        return t0, t1
    a, b = int(m.group(1)), int(m.group(2) or m.group(1))
    a, b = min(a, b), max(a, b)
    if b < t0 or a > t1:
        catatan.append(("umum.catatan.tahun_luar", {"nilai": mentah[:40], "t0": t0, "t1": t1}))
        return t0, t1
    if a < t0 or b > t1:
        catatan.append(("umum.catatan.tahun_dipangkas", {"nilai": mentah[:40], "t0": t0, "t1": t1}))
    return max(a, t0), min(b, t1)


def _program(url: Mapping, dikenal: list[str], catatan: list) -> tuple[str, ...]:
    if "program" not in url:
        return ()
    mentah = _satu(url["program"])
    diminta = [p.strip() for p in mentah.split(",") if p.strip()][:10]
    salah = [p for p in diminta if p not in dikenal]
    if salah or len(mentah) > _PANJANG_MAKS:
        catatan.append(("umum.catatan.program_salah", {"nilai": ", ".join(salah)[:40] or mentah[:40]}))
    return tuple(p for p in dikenal if p in diminta)


def dari_url(url: Mapping, kode_wilayah: frozenset[str], tahun: tuple[int, int], program: list[str]) -> Pilihan:
    """A valid `Pilihan` from URL parameters; problems become notices, never exceptions. `kode_wilayah`: the
    codes of the dataset's regions."""
    catatan: list = []
    kode = _wilayah(url, kode_wilayah, catatan)
    t0, t1 = _tahun(url, tahun[0], tahun[1], catatan)
    lang = _satu(url.get("lang", "id"))
    if lang not in ("id", "en"):
        catatan.append(("umum.catatan.bahasa_salah", {"nilai": lang[:10]}))
        lang = "id"
    return Pilihan(kode, t0, t1, _program(url, program, catatan), lang, tuple(catatan))


def ubah(p: Pilihan, **perubahan) -> Pilihan:
    return replace(p, catatan=(), **perubahan)
