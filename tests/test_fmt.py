"""Tests for pantau.fmt: expected strings are written out by hand."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from pantau import fmt
from pantau.fmt import _angka_babel, _angka_desimal, _bulatkan, _ringkas_babel, _ringkas_desimal
from pantau.fmt import (
    KOSONG,
    angka,
    bulan,
    hektar,
    hover_rupiah,
    persen,
    plotly_format,
    plotly_separators,
    ringkas,
    rupiah,
    rupiah_ringkas,
    tabel,
    tanggal,
)

NAN = float("nan")
MISSING = [None, NAN, np.nan, pd.NA, pd.NaT, np.float64("nan")]

# (function, value, extra kwargs, expected "id", expected "en")
CASES = [
    # angka: thousands, decimals, negatives, zero, -0.0, rounding
    (angka, 0, {}, "0", "0"),
    (angka, 7, {}, "7", "7"),
    (angka, 1234567, {}, "1.234.567", "1,234,567"),
    (angka, -1234567, {}, "-1.234.567", "-1,234,567"),
    (angka, 1234.0, {}, "1.234", "1,234"),
    (angka, 12.5, {"desimal": 1}, "12,5", "12.5"),
    (angka, 12, {"desimal": 2}, "12,00", "12.00"),
    (angka, 1234567.891, {"desimal": 2}, "1.234.567,89", "1,234,567.89"),
    (angka, -0.0, {}, "0", "0"),
    (angka, -0.0, {"desimal": 1}, "0,0", "0.0"),
    (angka, -0.4, {}, "0", "0"),
    (angka, -0.04, {"desimal": 1}, "0,0", "0.0"),
    (angka, 2.5, {}, "2", "2"),  # Babel rounds half to even
    (angka, 3.5, {}, "4", "4"),
    (angka, -2.5, {}, "-2", "-2"),
    (angka, 2.6, {}, "3", "3"),
    (angka, 0.125, {"desimal": 2}, "0,12", "0.12"),
    (angka, 9_381_893_000, {}, "9.381.893.000", "9,381,893,000"),
    (angka, np.int64(1500), {}, "1.500", "1,500"),
    (angka, np.float32(0.5), {"desimal": 1}, "0,5", "0.5"),
    (angka, Decimal("1234.5"), {"desimal": 1}, "1.234,5", "1,234.5"),
    # persen: x is a fraction
    (persen, 0.125, {}, "12,5 %", "12.5%"),
    (persen, 0.1249, {}, "12,5 %", "12.5%"),
    (persen, 0.1244, {}, "12,4 %", "12.4%"),
    (persen, 1.0, {}, "100,0 %", "100.0%"),
    (persen, 0, {}, "0,0 %", "0.0%"),
    (persen, -0.0, {}, "0,0 %", "0.0%"),
    (persen, -0.0001, {}, "0,0 %", "0.0%"),
    (persen, -0.05, {}, "-5,0 %", "-5.0%"),
    (persen, 0.5, {"desimal": 0}, "50 %", "50%"),
    (persen, 0.025, {"desimal": 0}, "2 %", "2%"),  # 2.5 -> 2 (half to even)
    (persen, 12.345, {}, "1.234,5 %", "1,234.5%"),
    # rupiah
    (rupiah, 9_381_893_000, {}, "Rp 9.381.893.000", "Rp 9,381,893,000"),
    (rupiah, -5000, {}, "-Rp 5.000", "-Rp 5,000"),
    (rupiah, 0, {}, "Rp 0", "Rp 0"),
    (rupiah, -0.0, {}, "Rp 0", "Rp 0"),
    (rupiah, -0.3, {}, "Rp 0", "Rp 0"),
    (rupiah, 500, {}, "Rp 500", "Rp 500"),
    (rupiah, 1234.6, {}, "Rp 1.235", "Rp 1,235"),
    (rupiah, 2.5, {}, "Rp 2", "Rp 2"),
    # rupiah_ringkas
    (rupiah_ringkas, 9_381_893_000, {}, "Rp 9,38 miliar", "Rp 9.38 billion"),
    (rupiah_ringkas, 250_000_000, {}, "Rp 250 juta", "Rp 250 million"),
    (rupiah_ringkas, 1.5e12, {}, "Rp 1,5 triliun", "Rp 1.5 trillion"),
    (rupiah_ringkas, 750_000, {}, "Rp 750 ribu", "Rp 750 thousand"),
    (rupiah_ringkas, 1_000_000_000, {}, "Rp 1 miliar", "Rp 1 billion"),
    (rupiah_ringkas, 1_234, {}, "Rp 1,23 ribu", "Rp 1.23 thousand"),
    (rupiah_ringkas, 500, {}, "Rp 500", "Rp 500"),
    (rupiah_ringkas, 999.4, {}, "Rp 999", "Rp 999"),
    (rupiah_ringkas, 999.6, {}, "Rp 1 ribu", "Rp 1 thousand"),
    (rupiah_ringkas, 999_999, {}, "Rp 1 juta", "Rp 1 million"),
    (rupiah_ringkas, 0, {}, "Rp 0", "Rp 0"),
    (rupiah_ringkas, -0.0, {}, "Rp 0", "Rp 0"),
    (rupiah_ringkas, -5_000_000, {}, "-Rp 5 juta", "-Rp 5 million"),
    (rupiah_ringkas, -9_381_893_000, {}, "-Rp 9,38 miliar", "-Rp 9.38 billion"),
    (rupiah_ringkas, 9_381_893_000, {"desimal": 1}, "Rp 9,4 miliar", "Rp 9.4 billion"),
    (rupiah_ringkas, 9_381_893_000, {"desimal": 0}, "Rp 9 miliar", "Rp 9 billion"),
    # ringkas
    (ringkas, 9_381_893_000, {}, "9,38 M", "9.38B"),
    (ringkas, 250_000_000, {}, "250 jt", "250M"),
    (ringkas, 12_000, {}, "12 rb", "12K"),
    (ringkas, 1.5e12, {}, "1,5 T", "1.5T"),
    (ringkas, 500, {}, "500", "500"),
    (ringkas, 12.5, {}, "12,5", "12.5"),
    (ringkas, 0, {}, "0", "0"),
    (ringkas, -0.0, {}, "0", "0"),
    (ringkas, -0.001, {}, "0", "0"),
    (ringkas, -12_000, {}, "-12 rb", "-12K"),
    (ringkas, 999_995, {}, "1 jt", "1M"),
    # hektar
    (hektar, 12.5, {}, "12,5 ha", "12.5 ha"),
    (hektar, 1234.56, {}, "1.234,6 ha", "1,234.6 ha"),
    (hektar, 0, {}, "0,0 ha", "0.0 ha"),
    (hektar, -0.0, {}, "0,0 ha", "0.0 ha"),
    (hektar, 12.5, {"desimal": 0}, "12 ha", "12 ha"),
    # tanggal
    (tanggal, dt.date(2015, 4, 27), {}, "27 April 2015", "April 27, 2015"),
    (tanggal, "2015-04-27", {}, "27 April 2015", "April 27, 2015"),
    (tanggal, dt.datetime(2015, 4, 27, 13, 45), {}, "27 April 2015", "April 27, 2015"),
    (tanggal, pd.Timestamp("2015-04-27"), {}, "27 April 2015", "April 27, 2015"),
    (tanggal, np.datetime64("2015-04-27"), {}, "27 April 2015", "April 27, 2015"),
    (tanggal, dt.date(2020, 5, 1), {}, "1 Mei 2020", "May 1, 2020"),
    (tanggal, "2021-08-17", {}, "17 Agustus 2021", "August 17, 2021"),
    (tanggal, dt.date(2019, 12, 31), {}, "31 Desember 2019", "December 31, 2019"),
    # bulan
    (bulan, dt.date(2015, 4, 27), {}, "April 2015", "April 2015"),
    (bulan, "2015-05-01", {}, "Mei 2015", "May 2015"),
    (bulan, pd.Timestamp("2023-10-31"), {}, "Oktober 2023", "October 2023"),
    (bulan, pd.Period("2024-02", freq="M"), {}, "Februari 2024", "February 2024"),
]


def _case_id(case: tuple) -> str:
    func, value, kwargs, _, _ = case
    extra = ",".join(f"{k}={v}" for k, v in kwargs.items())
    return f"{func.__name__}({value!r}{',' + extra if extra else ''})"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_cases(case: tuple, lang: str) -> None:
    func, value, kwargs, expected_id, expected_en = case
    expected = expected_id if lang == "id" else expected_en
    assert func(value, lang=lang, **kwargs) == expected


def test_default_language_is_indonesian() -> None:
    assert angka(1234567) == "1.234.567"
    assert persen(0.125) == "12,5 %"
    assert rupiah(9_381_893_000) == "Rp 9.381.893.000"
    assert rupiah_ringkas(9_381_893_000) == "Rp 9,38 miliar"
    assert tanggal(dt.date(2015, 4, 27)) == "27 April 2015"
    assert plotly_separators() == ",."


FORMATTERS = [angka, persen, rupiah, rupiah_ringkas, ringkas, hektar, tanggal, bulan]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("func", FORMATTERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("value", MISSING, ids=repr)
def test_missing_is_en_dash(func, value, lang: str) -> None:
    assert func(value, lang=lang) == "–" == KOSONG


def test_en_dash_is_u2013() -> None:
    assert KOSONG == "\u2013"


@pytest.mark.parametrize("func", FORMATTERS, ids=lambda f: f.__name__)
def test_no_non_breaking_spaces(func) -> None:
    value = dt.date(2015, 4, 27) if func in (tanggal, bulan) else 9_381_893_000
    for lang in ("id", "en"):
        assert "\u00a0" not in func(value, lang=lang)
        assert "\u202f" not in func(value, lang=lang)


@pytest.mark.parametrize("lang, expected", [("id", ",."), ("en", ".,")])
def test_plotly_separators(lang: str, expected: str) -> None:
    assert plotly_separators(lang) == expected


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("angka", {"tickformat": ",.0~f", "hoverformat": ",.0f"}),
        ("persen", {"tickformat": ",.1~%", "hoverformat": ",.1%"}),
        (
            "rupiah",
            {"tickformat": ",.0~f", "hoverformat": ",.0f", "tickprefix": "Rp "},
        ),
        (
            "hektar",
            {"tickformat": ",.1~f", "hoverformat": ",.1f", "ticksuffix": " ha"},
        ),
    ],
)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_plotly_format(kind: str, expected: dict, lang: str) -> None:
    assert plotly_format(kind, lang=lang) == expected


def test_plotly_format_desimal() -> None:
    assert plotly_format("persen", desimal=0) == {
        "tickformat": ",.0~%",
        "hoverformat": ",.0%",
    }


def test_plotly_format_is_valid_axis_settings() -> None:
    go = pytest.importorskip("plotly.graph_objects")
    fig = go.Figure(go.Bar(x=["a"], y=[9_381_893_000]))
    fig.update_layout(separators=plotly_separators("id"))
    for kind in ("angka", "persen", "rupiah", "hektar"):
        fig.update_yaxes(**plotly_format(kind, lang="id"))
    fig.update_traces(hovertemplate=hover_rupiah("id") + "<extra></extra>")
    assert fig.layout.separators == ",."
    assert fig.data[0].hovertemplate == "Rp %{y:,.0f}<extra></extra>"


def test_hover_rupiah() -> None:
    assert hover_rupiah("id") == "Rp %{y:,.0f}"
    assert hover_rupiah("en") == "Rp %{y:,.0f}"
    assert hover_rupiah("id", sumbu="x") == "Rp %{x:,.0f}"


def test_tabel() -> None:
    df = pd.DataFrame(
        {
            "wilayah": ["Kota A", "Kab. B", "Kab. C"],
            "penduduk": pd.array([1_234_567, None, 0], dtype="Int64"),
            "rasio": [0.1249, np.nan, 1.0],
            "anggaran": [9_381_893_000, -5_000, None],
            "ringkas": [9_381_893_000, 250_000_000, 1.5e12],
            "tanggal": pd.to_datetime(["2015-04-27", None, "2020-05-01"]),
            "luas": [12.5, 0.0, None],
        },
        index=[10, 20, 30],
    )
    original = df.copy()
    kolom = {
        "penduduk": "angka",
        "rasio": "persen",
        "anggaran": "rupiah",
        "ringkas": "rupiah_ringkas",
        "tanggal": "tanggal",
        "luas": "hektar",
    }

    out_id = tabel(df, kolom)
    assert out_id.to_dict("list") == {
        "wilayah": ["Kota A", "Kab. B", "Kab. C"],
        "penduduk": ["1.234.567", "–", "0"],
        "rasio": ["12,5 %", "–", "100,0 %"],
        "anggaran": ["Rp 9.381.893.000", "-Rp 5.000", "–"],
        "ringkas": ["Rp 9,38 miliar", "Rp 250 juta", "Rp 1,5 triliun"],
        "tanggal": ["27 April 2015", "–", "1 Mei 2020"],
        "luas": ["12,5 ha", "0,0 ha", "–"],
    }
    assert list(out_id.index) == [10, 20, 30]
    assert list(out_id.columns) == list(df.columns)

    out_en = tabel(df, kolom, lang="en")
    assert out_en["anggaran"].tolist() == ["Rp 9,381,893,000", "-Rp 5,000", "–"]
    assert out_en["ringkas"].tolist() == [
        "Rp 9.38 billion",
        "Rp 250 million",
        "Rp 1.5 trillion",
    ]
    assert out_en["tanggal"].tolist() == ["April 27, 2015", "–", "May 1, 2020"]

    pd.testing.assert_frame_equal(df, original)  # input untouched


def test_tabel_leaves_other_columns_untouched() -> None:
    df = pd.DataFrame({"a": [1.5, 2.5], "b": [1000, 2000]})
    out = tabel(df, {"b": "angka"})
    pd.testing.assert_series_equal(out["a"], df["a"])
    assert out["b"].tolist() == ["1.000", "2.000"]


def test_tabel_errors() -> None:
    df = pd.DataFrame({"a": [1]})
    with pytest.raises(KeyError):
        tabel(df, {"tidak_ada": "angka"})
    with pytest.raises(ValueError):
        tabel(df, {"a": "mata_uang"})


@pytest.mark.parametrize("func", FORMATTERS, ids=lambda f: f.__name__)
def test_unknown_lang(func) -> None:
    with pytest.raises(ValueError):
        func(1, lang="fr")


def test_invalid_inputs() -> None:
    with pytest.raises(TypeError):
        angka("1234")
    with pytest.raises(ValueError):
        tanggal("bukan tanggal")
    with pytest.raises(ValueError):
        plotly_format("mata_uang")


def test_module_has_no_ui_or_database_imports() -> None:
    code = (
        "import sys, pantau.fmt; "
        "print(sorted({'streamlit', 'duckdb'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(fmt.__file__).resolve().parents[1],
    )
    assert result.stdout.strip() == "[]"


# ---------------------------------------------------------------- the short path equals Babel's


@settings(max_examples=3000, deadline=None)
@given(nilai=hs.one_of(hs.integers(-10**17, 10**17), hs.floats(-1e15, 1e15, allow_nan=False)),
       desimal=hs.integers(0, 4), lang=hs.sampled_from(["id", "en"]), wajib=hs.booleans())
def test_short_number_path_gives_exactly_babels_text(nilai, desimal, lang, wajib):
    d = _bulatkan(Decimal(nilai) if isinstance(nilai, int) else Decimal(repr(nilai)), desimal)
    assert _angka_desimal(d, desimal, lang, wajib) == _angka_babel(d, desimal, lang, wajib)


@pytest.mark.parametrize("d,desimal,lang,wajib,teks", [
    ("1234567", 0, "id", True, "1.234.567"), ("-1234567.5", 1, "id", True, "-1.234.567,5"),
    ("1234567.5", 1, "en", True, "1,234,567.5"), ("12.50", 2, "id", False, "12,5"), ("12.00", 2, "id", False, "12"),
    ("0.0", 1, "id", True, "0,0"), ("1E+19", 0, "id", True, "10.000.000.000.000.000.000"),
])
def test_number_text_worked_by_hand(d, desimal, lang, wajib, teks):
    assert _angka_desimal(Decimal(d), desimal, lang, wajib) == teks


@pytest.mark.parametrize("func", [angka, persen, rupiah, rupiah_ringkas, ringkas, hektar], ids=lambda f: f.__name__)
@pytest.mark.parametrize("jenis", [np.float64, np.float32, np.int64, np.int32, np.uint16, int, float])
def test_numpy_scalars_read_like_python_numbers(func, jenis):
    """The fast paths for NumPy and Python scalars give the same text as the number itself (0.25 and 12 are
    exact in float32 too); a NumPy NaN is missing."""
    nilai = 12 if np.issubdtype(np.dtype(jenis), np.integer) or jenis is int else 0.25
    assert func(jenis(nilai)) == func(Decimal(str(nilai)))
    if jenis in (np.float64, np.float32, float):
        assert func(jenis("nan")) == KOSONG


def test_a_float_is_read_as_it_is_written():
    """2.675 is stored as 2.67499999…; the text follows the written value (half to even: 2,68), as before."""
    assert angka(np.float64(2.675), desimal=2) == angka(2.675, desimal=2) == "2,68"


@settings(max_examples=3000, deadline=None)
@given(nilai=hs.one_of(hs.integers(0, 10**16), hs.floats(0, 1e16, allow_nan=False)),
       desimal=hs.integers(0, 3), lang=hs.sampled_from(["id", "en"]), jenis=hs.sampled_from(["long", "short"]))
def test_short_compact_path_gives_exactly_babels_text(nilai, desimal, lang, jenis):
    d = Decimal(nilai) if isinstance(nilai, int) else Decimal(repr(nilai))
    eksponen = 0
    while abs(skala := _bulatkan(d.scaleb(-eksponen), desimal)) >= 1000 and eksponen < 12:
        eksponen += 3
    if eksponen:
        assert _ringkas_desimal(d, desimal, lang, jenis) == _ringkas_babel(skala, eksponen, desimal, lang, jenis)
