"""Page setup shared by every page: page config, the app's CSS (cards, tags) and the language."""
from __future__ import annotations

import streamlit as st

CSS = """
<style>
.pantau-kartu {padding: .6rem .9rem; margin-bottom: .6rem; background: #f7f8fa; border-radius: 6px;
               min-height: 7.2rem;}
.pantau-label {font-size: .95rem; color: #333; font-weight: 600;}
.pantau-nilai {font-size: clamp(1.3rem, 2.2vw, 1.9rem); font-weight: 700; color: #111; line-height: 1.25;}
.pantau-catatan {font-size: .9rem; font-weight: 600;}
.pantau-tag {display: inline-block; font-size: .75rem; padding: 0 .4rem; border: 1px solid #777;
             border-radius: 4px; color: #444; margin-top: .2rem;}
</style>
"""


def siapkan(judul: str = "Pantau") -> None:
    """Call first on every page (works for the entrypoint and for a page run on its own)."""
    st.set_page_config(page_title=judul, page_icon="📊", layout="wide", initial_sidebar_state="expanded")
    st.markdown(CSS, unsafe_allow_html=True)


def bahasa_url() -> str:
    lang = st.query_params.get("lang", "id")
    return lang if lang in ("id", "en") else "id"
