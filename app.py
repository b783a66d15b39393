"""Pantau: the entrypoint. Navigation over the pages in `pages/` (each page sets itself up, so it also runs alone).

`?mode=presentasi` on any URL shows the slides (pages/presentasi.py) under that same URL, without the menu and
the sidebar; leaving presentation mode returns to the page of the URL with the same filters."""
import streamlit as st

from pantau import presentasi, tampilan
from pantau.i18n import t

lang = tampilan.bahasa_url()
HALAMAN = [
    st.Page("pages/ringkasan.py", title=t("ringkasan.menu", lang), icon="🏠", url_path="ringkasan", default=True),
    st.Page("pages/blm.py", title=t("blm.menu", lang), icon="💰", url_path="blm"),
    st.Page("pages/dana_bergulir.py", title=t("dana_bergulir.menu", lang), icon="🔁", url_path="dana_bergulir"),
    st.Page("pages/permukiman.py", title=t("permukiman.menu", lang), icon="🏘️", url_path="permukiman"),
    st.Page("pages/kemiskinan.py", title=t("kemiskinan.menu", lang), icon="🧮", url_path="kemiskinan"),
    st.Page("pages/aset.py", title=t("aset.menu", lang), icon="🏗️", url_path="aset"),
    st.Page("pages/profil.py", title=t("profil.menu", lang), icon="📍", url_path="profil"),
    st.Page("pages/kelola_data.py", title=t("kelola.menu", lang), icon="🗂️", url_path="kelola-data"),
    st.Page("pages/metodologi.py", title=t("metodologi.menu", lang), icon="📘", url_path="metodologi"),
]
if presentasi.aktif():
    # every page's URL runs the slides (starting at that page's part), so a link or a reload stays in the deck;
    # the default page (served at the root) reports its url_path as "": its slides keep its own path, so
    # leaving the deck returns to Ringkasan
    SLIDE = [st.Page("pages/presentasi.py", title=h.title, icon=h.icon, url_path=h.url_path or "ringkasan",
                     default=i == 0) for i, h in enumerate(HALAMAN)]
    st.navigation(SLIDE, position="hidden").run()
else:
    st.sidebar.button(t("presentasi.masuk", lang), on_click=presentasi.masuk, key="app_presentasi")
    st.navigation(HALAMAN).run()
