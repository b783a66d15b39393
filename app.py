"""Pantau: the entrypoint. Navigation over the pages in `pages/` (each page sets itself up, so it also runs alone)."""
import streamlit as st

from pantau import tampilan
from pantau.i18n import t

lang = tampilan.bahasa_url()
HALAMAN = [
    st.Page("pages/blm.py", title=t("blm.menu", lang), icon="💰", url_path="blm"),
    st.Page("pages/dana_bergulir.py", title=t("dana_bergulir.menu", lang), icon="🔁", url_path="dana_bergulir"),
    st.Page("pages/permukiman.py", title=t("permukiman.menu", lang), icon="🏘️", url_path="permukiman"),
    st.Page("pages/kemiskinan.py", title=t("kemiskinan.menu", lang), icon="🧮", url_path="kemiskinan"),
    st.Page("pages/aset.py", title=t("aset.menu", lang), icon="🏗️", url_path="aset"),
    st.Page("pages/metodologi.py", title=t("metodologi.menu", lang), icon="📘", url_path="metodologi"),
]
st.navigation(HALAMAN).run()
