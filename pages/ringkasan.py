"""Ringkasan: the briefing for a Bupati/Walikota — headline numbers with their status and change, key
messages written from the data, the kelurahan that need attention most, one chart per programme, and the
briefing to take away (PDF, PPTX, XLSX) or to show on a projector (presentation mode)."""
import streamlit as st

from pantau import charts, filters, gambar, layout, presentasi, ringkasan, tampilan
from pantau import dana_bergulir as dana
from pantau.i18n import t

tampilan.siapkan()
pilihan = filters.bar()
pilihan, periode, tahun_target = ringkasan.dari_url(pilihan)
lang = pilihan.lang
layout.header("ringkasan", pilihan, ringkasan.TABEL)
data = ringkasan.ringkasan(pilihan, periode, tahun_target)
if data.kosong:
    layout.kosong(pilihan)
    st.stop()
briefing = ringkasan.briefing(pilihan, periode, tahun_target)

st.markdown(t("ringkasan.pengantar", lang))
tombol = st.columns([1.4, 1, 1, 1.4, 0.2])
tombol[0].button(t("ringkasan.tombol.presentasi", lang), on_click=presentasi.masuk, type="primary",
                 key="ringkasan_presentasi", width="stretch")
ringkasan.tombol_ekspor(tombol[1:4], briefing, pilihan)
if not gambar.tersedia():
    st.caption(t("ringkasan.tombol.tanpa_chromium", lang))

# --- headline numbers: BLM and the revolving fund, then 100-0-100
layout.angka_utama(list(data.angka[:3]), lang)
layout.angka_utama(list(data.angka[3:]), lang)
st.caption(t("ringkasan.pembanding", lang) + (" " + c if (c := ringkasan.catatan_program(pilihan)) else ""))

# --- key messages and the kelurahan that need attention
st.subheader(t("ringkasan.bagian.kalimat", lang))
st.markdown("\n".join(f"- {kalimat}" for kalimat in data.kalimat))
st.subheader(t("ringkasan.bagian.perhatian", lang))
if data.perhatian.empty:
    st.info(t("ringkasan.perhatian.kosong", lang), icon="✅")
else:
    st.table(ringkasan.tabel_perhatian(data.perhatian, lang), hide_index=True)
    dana.unduhan(ringkasan.tabel_perhatian(data.perhatian, lang, rinci=True), "ringkasan_perhatian", pilihan,
                 data.periode, t("ringkasan.bagian.perhatian", lang))
st.caption(ringkasan.aturan_perhatian(lang))

# --- one chart per programme (the pages' own figures; a click drills down where the chart allows)
def grafik(tempat, bagian, tinggi: int) -> None:
    tempat.markdown(f"**{bagian.judul}**  \n{bagian.grafik.judul}")
    event = tempat.plotly_chart(gambar.gaya(bagian.grafik.figur, tinggi, 13), config=charts.config(lang),
                                on_select="rerun", selection_mode="points", key=filters.kunci_grafik(f"ringkasan_{bagian.nama}", pilihan))
    if kode := charts.kode_terpilih(event):
        filters.drill(kode)


st.subheader(t("ringkasan.bagian.grafik", lang))
bagian = [b for b in briefing.bagian if b.grafik is not None]
if bagian:
    grafik(st.container(), bagian[0], 340)
for kolom, b in zip(st.columns(2), bagian[1:]):
    grafik(kolom, b, 380)
layout.data_per(ringkasan.TABEL, lang)
