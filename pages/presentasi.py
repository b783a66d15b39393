"""Presentation mode for KBP forums (`?mode=presentasi` on any page): one headline, chart, table or set of
key messages per screen in large type, the active filters on every slide, previous/next with "3 / 14"."""
import streamlit as st

from pantau import filters, layout, presentasi, ringkasan, tampilan
from pantau.i18n import t

tampilan.siapkan()
presentasi.siapkan()
pilihan = filters.bar()
pilihan, periode, tahun_target = ringkasan.dari_url(pilihan)
lang = pilihan.lang
slides = ringkasan.slides(pilihan, periode, tahun_target)
mentah = st.query_params.get(presentasi.PARAM_SLIDE)
if mentah is None:
    mentah = str(presentasi.nomor_awal(slides, st.context.url))
nomor, salah = presentasi.baca_nomor(mentah, len(slides))
presentasi.baris_atas(pilihan, nomor if slides else 0, len(slides))
layout.catatan(pilihan)
if salah:
    st.warning(t(salah[0], lang, **salah[1]), icon="⚠️")
if not slides:
    st.title(t("ringkasan.judul", lang))
    st.info(t("presentasi.kosong", lang), icon="📭")
    st.button(t("presentasi.keluar", lang), on_click=presentasi.keluar, key="pres_keluar",
              shortcut=presentasi.TOMBOL_KEYBOARD["keluar"])
    st.stop()
presentasi.tampilkan(slides[nomor - 1], lang, key=f"slide_{nomor}")
presentasi.tombol(nomor, len(slides), lang)
