"""The indicator catalogue (`pantau/katalog.toml`): names, formulas, units, bands and status colours.

Every threshold the app applies comes from here, never from code.
"""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).with_name("katalog.toml")
KEYAKINAN = ("pasti", "mungkin", "aturan_sendiri")


@lru_cache(maxsize=1)
def data() -> dict:
    with open(PATH, "rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class Indikator:
    """One indicator of the catalogue."""

    id: str
    raw: dict

    def nama(self, lang: str = "id") -> str:
        return self.raw["nama"][lang]

    def rumus(self, lang: str = "id") -> str:
        return self.raw["rumus"][lang]

    @property
    def satuan(self) -> str:
        return self.raw["satuan"]

    @property
    def aturan_sendiri(self) -> bool:
        return self.raw["keyakinan"] == "aturan_sendiri"

    @property
    def pita(self) -> list[dict]:
        return self.raw.get("pita", [])

    def label_status(self, status: str | None, lang: str = "id") -> str:
        label = self.raw.get("label_pita", {}).get(status or "")
        return label[lang] if label else data()["status"][status or "kosong"][lang]


def indikator(ind_id: str) -> Indikator:
    return Indikator(ind_id, data()["indikator"][ind_id])


def semua() -> list[Indikator]:
    return [Indikator(k, v) for k, v in data()["indikator"].items()]


def _di_dalam(nilai: float, pita: dict) -> bool:
    if "bawah" in pita:
        if nilai < pita["bawah"] or (nilai == pita["bawah"] and not pita.get("bawah_inklusif", True)):
            return False
    if "atas" in pita:
        if nilai > pita["atas"] or (nilai == pita["atas"] and not pita.get("atas_inklusif", True)):
            return False
    return True


def status(ind_id: str, nilai: float | None) -> str | None:
    """The band status ('baik', 'sedang', 'buruk') of a value, or None when missing or unbanded."""
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return None
    for pita in indikator(ind_id).pita:
        if _di_dalam(float(nilai), pita):
            return pita["status"]
    return None


def warna(status_: str | None) -> str:
    return data()["status"][status_ or "kosong"]["warna"]


def label(kelompok: str, kunci: str, lang: str = "id") -> str:
    """Display name of a programme, component, slum class or aspect (`kelompok` is its catalogue table)."""
    entri = data()[kelompok].get(kunci)
    return entri[lang] if entri else kunci


def warna_dari(kelompok: str, kunci: str) -> str:
    return data()[kelompok].get(kunci, {}).get("warna", warna(None))
