"""BLM: where the grants went, when, for what (tridaya), how fast (pagu vs cair), with what co-funding
and for whom."""
import streamlit as st

from pantau import blm, charts, charts_blm, filters, layout, peta_halaman, tampilan
from pantau.i18n import t

tampilan.siapkan()
pilihan = filters.bar()
lang = pilihan.lang
layout.header("blm", pilihan, ["blm_pencairan", "blm_alokasi"])
st.markdown(t("blm.pengantar", lang))
data = blm.ringkasan(pilihan)
if data.kosong:
    layout.kosong(pilihan)
    st.stop()


def grafik(fig, judul: str, key: str, drill: bool = False) -> None:
    """A titled chart; on a drillable chart a click on an area moves the filter to it."""
    st.markdown(f"**{t(judul, lang)}**")
    if not drill:
        st.plotly_chart(fig, config=charts.config(lang), key=key)
        return
    event = st.plotly_chart(fig, config=charts.config(lang), on_select="rerun", selection_mode="points",
                            key=filters.kunci_grafik(key, pilihan))
    filters.drill(charts.kode_terpilih(event))


def tabel(isi, nama: str, sumber: list[str], buka: bool = False) -> None:
    """The chart's numbers as a table with CSV/XLSX downloads (the filters go into the header rows);
    built only while its switch is on, so reruns stay cheap."""
    if st.toggle(t("blm.lihat_tabel", lang), value=buka, key=f"blm_tabel_{nama}"):
        isi = isi(data)
        layout.tabel(isi.df, f"blm_{nama}", pilihan, isi.format, judul=t(f"blm.tabel.{nama}", lang),
                     key=f"blm_{nama}")
    layout.data_per(sumber, lang)


for baris in (data.angka[:2], data.angka[2:]):
    layout.angka_utama(baris, lang)
st.caption(blm.rumus("porsi_komponen", "leverage", "progres_pencairan", lang=lang))

st.subheader(t("blm.tahun.judul", lang))
dimensi = st.segmented_control(t("blm.tahun.rincian", lang), ["komponen", "program"], default="komponen",
                               key="blm_dimensi", format_func=lambda k: t(f"blm.tahun.{k}", lang)) or "komponen"
grafik(charts_blm.per_tahun(data, dimensi), f"blm.tahun.grafik_{dimensi}", "blm_tahun")
tabel(blm.tabel_tahunan, "tahunan", ["blm_pencairan"])

peta_halaman.bagian_blm(data, pilihan)
st.subheader(t("blm.wilayah.judul", lang, tingkat=blm.nama_tingkat(data)))
kiri, kanan = st.columns(2)
with kiri:
    grafik(charts_blm.wilayah_total(data), "blm.wilayah.grafik_total", "blm_wilayah", drill=True)
with kanan:
    per_kk = charts_blm.wilayah_per_kk(data)
    if per_kk is None:
        st.info(t("blm.wilayah.tanpa_ps", lang, tahun=pilihan.tahun_akhir))
    else:
        grafik(per_kk, "blm.wilayah.grafik_per_kk", "blm_per_kk", drill=True)
    if blm.tanpa_ps(data):
        st.caption(t("blm.wilayah.sebagian_tanpa_ps", lang, n=blm.tanpa_ps(data), tahun=pilihan.tahun_akhir))
st.caption(t("blm.wilayah.catatan", lang, n=len(blm.per_wilayah(data)), batas=blm.BATAS_GRAFIK))
tabel(blm.tabel_wilayah, "wilayah", ["blm_pencairan", "blm_alokasi", "data_kemiskinan"])

st.subheader(t("blm.tahap.judul", lang))
grafik(charts_blm.per_tahap(data), "blm.tahap.grafik", "blm_tahap")
tabel(blm.tabel_tahap, "tahap", ["blm_pencairan", "blm_alokasi"], buka=True)

st.subheader(t("blm.progres.judul", lang))
st.caption(blm.rumus("progres_pencairan", lang=lang))
grafik(charts_blm.pagu_cair(data), "blm.progres.grafik", "blm_progres")
tabel(blm.tabel_progres, "progres", ["blm_pencairan", "blm_alokasi"])
st.markdown(f"**{t('blm.progres.tertinggal', lang, n=len(blm.tertinggal(data)))}**")
if blm.tertinggal(data).empty:
    st.success(t("blm.progres.tidak_ada_tertinggal", lang))
else:
    grafik(charts_blm.tertinggal(data), "blm.progres.grafik_tertinggal", "blm_tertinggal", drill=True)
    tabel(blm.tabel_tertinggal, "tertinggal", ["blm_pencairan", "blm_alokasi"])

st.subheader(t("blm.dana.judul", lang))
st.caption(blm.rumus("leverage", lang=lang))
grafik(charts_blm.dana(data), "blm.dana.grafik", "blm_dana")
tabel(blm.tabel_dana, "dana", ["blm_pencairan"])

st.subheader(t("blm.pemanfaat.judul", lang))
layout.angka_utama(blm.angka_pemanfaat(data), lang)
grafik(charts_blm.pemanfaat(data), "blm.pemanfaat.grafik", "blm_pemanfaat")
tabel(blm.tabel_pemanfaat, "pemanfaat", ["blm_pencairan"])
