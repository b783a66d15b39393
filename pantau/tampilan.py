"""Page setup shared by every page: page config, the app's CSS (cards, tags) and the language."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from pantau import dataset
from pantau.i18n import t

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


def _lewat_navigasi_app() -> None:
    """A fresh server that is first asked for `/blm` (not `/`) runs `pages/blm.py` through Streamlit's
    old pages-folder mode, bypassing `app.py` and its navigation. Switch that mode off and rerun, so
    `app.py` runs and shows the app's own navigation for the same URL."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    ctx = get_script_run_ctx()
    if PagesManager.uses_pages_directory and ctx is not None and Path(ctx.main_script_path).name == "app.py":
        PagesManager.uses_pages_directory = False
        st.rerun()


def siapkan(judul: str = "Pantau") -> None:
    """Call first on every page (works for the entrypoint and for a page run on its own)."""
    _lewat_navigasi_app()
    st.set_page_config(page_title=judul, page_icon="📊", layout="wide", initial_sidebar_state="expanded")
    st.markdown(CSS, unsafe_allow_html=True)
    _periksa_data()


def _periksa_data() -> None:
    """A version whose files are missing or unreadable is not served: say so, and show the last good version
    (a notice) or, when there is none, stop with a clear message instead of an error."""
    gangguan = dataset.gangguan()
    if gangguan is None:
        return
    lang = bahasa_url()
    rusak, alasan, dipakai = gangguan
    if dipakai is None:
        st.error(t("umum.data_rusak_semua", lang, versi=rusak, alasan=alasan), icon="🛑")
        st.stop()
    st.warning(t("umum.data_rusak", lang, versi=rusak, alasan=alasan, dipakai=dipakai), icon="⚠️")


def bahasa_url() -> str:
    lang = st.query_params.get("lang", "id")
    return lang if lang in ("id", "en") else "id"
