"""Formatting of every number and date that Pantau shows.

This module is the single place where numbers and dates become text, for
Streamlit text, display tables and Plotly charts alike. Locale data comes
from Babel (``babel.numbers`` and ``babel.dates``); no separators are
hard-coded. Every public function takes ``lang`` -- ``"id"`` (Bahasa
Indonesia, locale ``id_ID``, the default) or ``"en"`` (``en_US``).

House rules applied on top of the locale data:

* Missing values (``None``, ``NaN``, ``pd.NA``, ``NaT``) format as the en
  dash ``"–"``.
* Rounding is Babel's (half to even, on the decimal value of the number, so
  ``2.5`` -> ``"2"`` and ``0.125`` -> ``"12,5 %"``); a result that rounds to
  zero never shows a minus sign.
* Rupiah always uses the Indonesian symbol ``"Rp"`` followed by a space, in
  both languages; negative amounts read ``"-Rp 5.000"``.
* Percentages take fractions (``0.125``); Indonesian text puts a space before
  the percent sign (``"12,5 %"``), English does not (``"12.5%"``).
* Non-breaking spaces from the locale data are replaced by plain spaces, so
  output is predictable to compare and search.

Plotly charts are tied to the same conventions through
:func:`plotly_separators` (layout ``separators``), :func:`plotly_format`
(axis ``tickformat``/``hoverformat``/prefix/suffix) and :func:`hover_rupiah`.
"""

from __future__ import annotations

import datetime as _dt
import numbers
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Callable

import numpy as np
import pandas as pd
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import (
    NumberPattern,
    format_compact_decimal,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    parse_pattern,
)

__all__ = [
    "KOSONG",
    "angka",
    "bulan",
    "hektar",
    "hover_rupiah",
    "persen",
    "plotly_format",
    "plotly_separators",
    "ringkas",
    "rupiah",
    "rupiah_ringkas",
    "tabel",
    "tanggal",
]

KOSONG = "–"
"""Text shown for a missing value (en dash, U+2013)."""

_LOCALE = {"id": "id_ID", "en": "en_US"}
_SPASI_PERSEN = {"id": " ", "en": ""}
_SPASI_ASING = str.maketrans({"\u00a0": " ", "\u202f": " "})
_EKSPONEN_MAKS = 12  # largest compact unit used: triliun / trillion
_PLOTLY_DESIMAL = {"angka": 0, "persen": 1, "rupiah": 0, "hektar": 1}


# --------------------------------------------------------------------------
# Internal helpers
# --------------------------------------------------------------------------


def _locale(lang: str) -> Locale:
    """Return the Babel locale for ``lang`` ("id" or "en")."""
    try:
        return _locale_cached(_LOCALE[lang])
    except (KeyError, TypeError):
        raise ValueError(
            f"lang must be one of {sorted(_LOCALE)}, got {lang!r}"
        ) from None


@lru_cache(maxsize=None)
def _locale_cached(code: str) -> Locale:
    return Locale.parse(code)


@lru_cache(maxsize=None)
def _pola(desimal: int, wajib: bool = True) -> NumberPattern:
    """Grouped decimal pattern with ``desimal`` fixed (or optional) digits."""
    if desimal < 0:
        raise ValueError(f"desimal must be >= 0, got {desimal}")
    pecahan = ("0" if wajib else "#") * desimal
    return parse_pattern("#,##0" + (f".{pecahan}" if desimal else ""))


_FLOAT = (float, np.float64, np.float32)
_INT = (int, np.int64, np.int32, np.int16, np.int8, np.uint64, np.uint32, np.uint16, np.uint8)


def _kosong(x: Any) -> bool:
    """True for None, NaN, pd.NA and NaT (scalars only)."""
    if x is None:
        return True
    jenis = type(x)
    if jenis in _FLOAT:              # the common cases first: a table formats thousands of values
        return x != x
    if jenis in _INT:
        return False
    try:
        return bool(pd.api.types.is_scalar(x) and pd.isna(x))
    except (TypeError, ValueError):
        return False


def _ke_desimal(x: Any) -> Decimal:
    """Convert a real number (Python, NumPy or Decimal) to ``Decimal``."""
    jenis = type(x)
    if jenis in _FLOAT:
        return Decimal(repr(float(x)))
    if jenis in _INT:
        return Decimal(int(x))
    if isinstance(x, Decimal):
        return x
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"expected a number, got {type(x).__name__}: {x!r}")
    if isinstance(x, numbers.Integral):
        return Decimal(int(x))
    return Decimal(repr(float(x)))


def _bulatkan(d: Decimal, desimal: int) -> Decimal:
    """Round half to even to ``desimal`` places; a zero result loses its sign."""
    if not d.is_finite():
        return d
    hasil = d.quantize(_kuantum(desimal), rounding=ROUND_HALF_EVEN)
    return abs(hasil) if hasil.is_zero() else hasil


@lru_cache(maxsize=None)
def _kuantum(desimal: int) -> Decimal:
    return Decimal(1).scaleb(-desimal)


def _teks(s: str) -> str:
    return s.translate(_SPASI_ASING)


def _angka_desimal(d: Decimal, desimal: int, lang: str, wajib: bool = True) -> str:
    """Format an already rounded ``Decimal`` with grouping.

    Tables format thousands of values per page, and Babel's pattern engine costs ~30 µs a value, so finite
    values take a short path: Python's own grouping, with the locale's symbols read from Babel. It gives
    Babel's text exactly (a test compares the two over many generated values); Babel remains the reference."""
    if d.is_finite() and d.adjusted() < _DIGIT_CEPAT:
        kelompok, titik, minus = _simbol(lang)
        teks = f"{abs(d):,.{desimal}f}"
        if not wajib and desimal:
            teks = teks.rstrip("0").rstrip(".")
        return (minus if d < 0 else "") + teks.translate(_tukar(kelompok, titik))
    return _angka_babel(d, desimal, lang, wajib)


def _angka_babel(d: Decimal, desimal: int, lang: str, wajib: bool = True) -> str:
    """`_angka_desimal` through Babel's number pattern (the reference)."""
    return _teks(_pola(desimal, wajib).apply(d, _locale(lang)))


_DIGIT_CEPAT = 18      # values up to 10^18 (beyond them Babel's own path is used)


@lru_cache(maxsize=None)
def _simbol(lang: str) -> tuple[str, str, str]:
    """(group, decimal, minus) symbols of the locale, from Babel."""
    loc = _locale(lang)
    return (_teks(get_group_symbol(locale=loc)), _teks(get_decimal_symbol(locale=loc)),
            loc.number_symbols["latn"]["minusSign"])


@lru_cache(maxsize=None)
def _tukar(kelompok: str, titik: str) -> dict[int, str]:
    return str.maketrans({",": kelompok, ".": titik})


def _ringkas_desimal(d: Decimal, desimal: int, lang: str, jenis: str) -> str:
    """Compact form of a non-negative ``Decimal`` ("9,38 miliar", "12 rb").

    The number is rounded within its unit first, so 999 999 becomes
    "1 juta" rather than "1000 ribu"; trailing zero decimals are dropped.
    """
    if not d.is_finite():
        return _angka_desimal(d, 0, lang)
    eksponen = 0
    while True:
        skala = _bulatkan(d.scaleb(-eksponen), desimal)
        if abs(skala) < 1000 or eksponen >= _EKSPONEN_MAKS:
            break
        eksponen += 3
    if eksponen == 0:
        return _angka_desimal(skala, desimal, lang, wajib=False)
    if abs(skala) < 1000:
        # short path (hover texts format hundreds of values): the unit's words from Babel, the number as above;
        # a test compares it with `_ringkas_babel` over many generated values
        awal, akhir = _satuan_ringkas(lang, jenis, eksponen)
        return awal + _angka_desimal(skala, desimal, lang, wajib=False) + akhir
    return _ringkas_babel(skala, eksponen, desimal, lang, jenis)


def _ringkas_babel(skala: Decimal, eksponen: int, desimal: int, lang: str, jenis: str) -> str:
    """The compact text of `skala` × 10^eksponen through Babel (the reference)."""
    return _teks(format_compact_decimal(skala.scaleb(eksponen), format_type=jenis, locale=_locale(lang),
                                        fraction_digits=desimal))


@lru_cache(maxsize=None)
def _satuan_ringkas(lang: str, jenis: str, eksponen: int) -> tuple[str, str]:
    """The text before and after the number in Babel's compact form of 10^eksponen ("", " miliar")."""
    awal, _, akhir = _ringkas_babel(Decimal(7), eksponen, 0, lang, jenis).partition("7")
    return awal, akhir


@lru_cache(maxsize=None)
def _simbol_rupiah() -> str:
    return get_currency_symbol("IDR", locale=_locale("id"))


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def angka(x: Any, desimal: int = 0, lang: str = "id") -> str:
    """Grouped number: ``1234567`` -> "1.234.567" (id) / "1,234,567" (en)."""
    _locale(lang)
    if _kosong(x):
        return KOSONG
    return _angka_desimal(_bulatkan(_ke_desimal(x), desimal), desimal, lang)


def persen(x: Any, desimal: int = 1, lang: str = "id") -> str:
    """Percentage of a fraction: ``0.125`` -> "12,5 %" (id) / "12.5%" (en)."""
    _locale(lang)
    if _kosong(x):
        return KOSONG
    nilai = _bulatkan(_ke_desimal(x) * 100, desimal)
    simbol = _locale(lang).number_symbols["latn"]["percentSign"]
    return _angka_desimal(nilai, desimal, lang) + _SPASI_PERSEN[lang] + simbol


def rupiah(x: Any, lang: str = "id") -> str:
    """Whole rupiah: "Rp 9.381.893.000" (id), "Rp 9,381,893,000" (en)."""
    _locale(lang)
    if _kosong(x):
        return KOSONG
    nilai = _bulatkan(_ke_desimal(x), 0)
    tanda = "-" if nilai < 0 else ""
    return f"{tanda}{_simbol_rupiah()} {_angka_desimal(abs(nilai), 0, lang)}"


def rupiah_ringkas(x: Any, desimal: int = 2, lang: str = "id") -> str:
    """Rupiah in words: "Rp 9,38 miliar", "Rp 250 juta" / "Rp 9.38 billion".

    Amounts below one thousand (after rounding to whole rupiah) are shown
    in full, e.g. "Rp 500". Trailing zero decimals are dropped.
    """
    _locale(lang)
    if _kosong(x):
        return KOSONG
    nilai = _bulatkan(_ke_desimal(x), 0)  # whole rupiah, as in rupiah()
    if abs(nilai) < 1000:
        return rupiah(nilai, lang=lang)
    tanda = "-" if nilai < 0 else ""
    teks = _ringkas_desimal(abs(nilai), desimal, lang, "long")
    return f"{tanda}{_simbol_rupiah()} {teks}"


def ringkas(x: Any, desimal: int = 2, lang: str = "id") -> str:
    """Short compact number for labels: "9,38 M", "250 jt", "12 rb" / "9.38B"."""
    _locale(lang)
    if _kosong(x):
        return KOSONG
    d = _ke_desimal(x)
    teks = _ringkas_desimal(abs(d), desimal, lang, "short")
    negatif = d < 0 and not _bulatkan(d, desimal).is_zero()
    return ("-" if negatif else "") + teks


def hektar(x: Any, desimal: int = 1, lang: str = "id") -> str:
    """Area in hectares: ``12.5`` -> "12,5 ha" (id) / "12.5 ha" (en)."""
    teks = angka(x, desimal=desimal, lang=lang)
    return teks if teks == KOSONG else f"{teks} ha"


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def _ke_tanggal(d: Any) -> _dt.date | None:
    """Convert date-like input to ``datetime.date``; ``None`` if missing."""
    if _kosong(d):
        return None
    if isinstance(d, pd.Period):
        d = d.start_time
    if isinstance(d, _dt.datetime):  # includes pd.Timestamp
        return d.date()
    if isinstance(d, _dt.date):
        return d
    try:
        ts = pd.Timestamp(d)
    except (TypeError, ValueError) as err:
        raise ValueError(f"not a date: {d!r}") from err
    return None if pd.isna(ts) else ts.date()


def tanggal(d: Any, lang: str = "id") -> str:
    """Full date: "27 April 2015" (id) / "April 27, 2015" (en).

    Accepts ``date``, ``datetime``, ``pd.Timestamp``, ``pd.Period``,
    ``numpy.datetime64`` and ISO strings such as "2015-04-27".
    """
    loc = _locale(lang)
    hari = _ke_tanggal(d)
    if hari is None:
        return KOSONG
    return _teks(format_date(hari, format="long", locale=loc))


def bulan(d: Any, lang: str = "id") -> str:
    """Month and year for monthly periods: "April 2015"; "Mei 2015" (id)."""
    loc = _locale(lang)
    hari = _ke_tanggal(d)
    if hari is None:
        return KOSONG
    return _teks(format_skeleton("yMMMM", hari, locale=loc))


# --------------------------------------------------------------------------
# Plotly
# --------------------------------------------------------------------------


def plotly_separators(lang: str = "id") -> str:
    """Plotly layout ``separators``: decimal glyph then thousands glyph.

    "id" -> ",." and "en" -> ".,". Use with d3 formats from
    :func:`plotly_format`, whose "," and "." are mapped to these glyphs.
    """
    loc = _locale(lang)
    return get_decimal_symbol(loc) + get_group_symbol(loc)


def plotly_format(
    kind: str, lang: str = "id", desimal: int | None = None
) -> dict[str, str]:
    """Axis settings so ticks and hovers read like the text formatters.

    ``kind`` is "angka", "persen", "rupiah" or "hektar"; ``desimal``
    defaults to that of the matching text function. Apply with
    ``fig.update_yaxes(**plotly_format("rupiah"))`` and set the layout
    ``separators=plotly_separators(lang)``. Ticks drop trailing zero
    decimals; hovers keep them. Percent values are fractions; d3 puts no
    space before "%", so Indonesian axes show "12,5%".
    """
    _locale(lang)
    if kind not in _PLOTLY_DESIMAL:
        raise ValueError(f"kind must be one of {sorted(_PLOTLY_DESIMAL)}, got {kind!r}")
    d = _PLOTLY_DESIMAL[kind] if desimal is None else desimal
    if d < 0:
        raise ValueError(f"desimal must be >= 0, got {d}")
    tipe = "%" if kind == "persen" else "f"
    hasil = {"tickformat": f",.{d}~{tipe}", "hoverformat": f",.{d}{tipe}"}
    if kind == "rupiah":
        hasil["tickprefix"] = f"{_simbol_rupiah()} "
    elif kind == "hektar":
        hasil["ticksuffix"] = " ha"
    return hasil


def hover_rupiah(lang: str = "id", sumbu: str = "y", desimal: int = 0) -> str:
    """Hovertemplate fragment for rupiah, e.g. "Rp %{y:,.0f}".

    The glyphs follow the layout ``separators`` (see
    :func:`plotly_separators`), so the fragment is the same for both
    languages; ``lang`` is validated for a uniform API.
    """
    _locale(lang)
    return f"{_simbol_rupiah()} %{{{sumbu}:,.{desimal}f}}"


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------

_FORMAT_TABEL: dict[str, Callable[..., str]] = {
    "angka": angka,
    "persen": persen,
    "rupiah": rupiah,
    "rupiah_ringkas": rupiah_ringkas,
    "ringkas": ringkas,
    "tanggal": tanggal,
    "bulan": bulan,
    "hektar": hektar,
}


def tabel(
    df: pd.DataFrame, kolom_format: dict[str, str], lang: str = "id"
) -> pd.DataFrame:
    """Copy of ``df`` with the named columns formatted as display strings.

    ``kolom_format`` maps column name to kind: "angka", "persen",
    "rupiah", "rupiah_ringkas", "ringkas", "tanggal", "bulan" or "hektar".
    Other columns are left untouched; ``df`` itself is not modified.
    """
    _locale(lang)
    hilang = [k for k in kolom_format if k not in df.columns]
    if hilang:
        raise KeyError(f"columns not in frame: {hilang}")
    salah = {k: v for k, v in kolom_format.items() if v not in _FORMAT_TABEL}
    if salah:
        raise ValueError(f"unknown kinds {salah}; use one of {sorted(_FORMAT_TABEL)}")
    hasil = df.copy()
    for kolom, jenis in kolom_format.items():
        fungsi = _FORMAT_TABEL[jenis]
        teks = [fungsi(v, lang=lang) for v in df[kolom]]
        hasil[kolom] = pd.Series(teks, index=df.index, dtype=object)
    return hasil
