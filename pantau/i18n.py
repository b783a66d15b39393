"""UI strings: every text a page shows comes from `pantau/locales/<lang>/*.toml` through `t()`.

Bahasa Indonesia ("id") is the default; English ("en") is the switch. Each page or module keeps its
strings in its own file (`umum.toml`, `blm.toml`, …); keys are `file.section.key`.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

LOCALES = Path(__file__).with_name("locales")
BAHASA = ("id", "en")
DEFAULT = "id"


@lru_cache(maxsize=None)
def strings(lang: str) -> dict[str, str]:
    """All strings of a language, flattened to dotted keys."""
    hasil: dict[str, str] = {}
    for path in sorted((LOCALES / lang).glob("*.toml")):
        with open(path, "rb") as f:
            _flatten(path.stem, tomllib.load(f), hasil)
    return hasil


def _flatten(prefix: str, node: dict, out: dict[str, str]) -> None:
    for key, value in node.items():
        if isinstance(value, dict):
            _flatten(f"{prefix}.{key}", value, out)
        else:
            out[f"{prefix}.{key}"] = value


def current() -> str:
    """The language of this session (from the filter bar), 'id' outside a Streamlit run."""
    try:
        import streamlit as st
        lang = st.session_state.get("lang", DEFAULT)
    except Exception:  # no Streamlit session (CLI, tests of pure functions)
        lang = DEFAULT
    return lang if lang in BAHASA else DEFAULT


def t(key: str, lang: str | None = None, **kwargs) -> str:
    """The string `key` in `lang` (default: the session's), formatted with `kwargs`.
    A key missing in English falls back to Indonesian; a key missing everywhere shows itself."""
    lang = lang or current()
    teks = strings(lang).get(key) or strings(DEFAULT).get(key) or key
    return teks.format(**kwargs) if kwargs else teks
