"""Metodologi: every indicator's definition, formula, bands and source, generated from the catalogue."""
import streamlit as st

from pantau import filters, layout, metodologi, tampilan
from pantau.i18n import t

tampilan.siapkan()
pilihan = filters.bar()
lang = pilihan.lang
st.title(t("metodologi.judul", lang))
layout.catatan(pilihan)
st.markdown(t("metodologi.pengantar", lang))
for kelompok, indikator in metodologi.per_kelompok():
    st.header(t(f"metodologi.kelompok.{kelompok}", lang))
    for ind in indikator:
        with st.container(border=True):
            st.markdown(metodologi.kartu(ind, lang))
            if ind.pita:
                st.table(metodologi.tabel_pita(ind, lang), hide_index=True)
st.header(t("metodologi.kumuh.judul", lang))
st.markdown(t("metodologi.kumuh.pengantar", lang))
st.table(metodologi.tabel_aspek(lang), hide_index=True)
for aturan in metodologi.aturan_kumuh(lang):
    st.subheader(aturan["judul"])
    st.table(aturan["skor"], hide_index=True)
    st.table(aturan["kelas"], hide_index=True)
st.header(t("metodologi.kolektibilitas", lang))
st.table(metodologi.tabel_kolektibilitas(lang), hide_index=True)
