"""Dana Bergulir: is each UPK healthy on the POB 2013 indicators, where is risk growing, how the portfolio and
its collectibility move, and who the KSM and their women members are."""
import streamlit as st

from pantau import charts, filters, fmt, katalog, layout, peta_halaman, tampilan
from pantau import charts_dana_bergulir as grafik
from pantau import dana_bergulir as dana
from pantau.i18n import t

tampilan.siapkan()
pilihan = filters.bar()
pilihan, periode = dana.pilih_periode(pilihan)
lang = pilihan.lang
layout.header("dana_bergulir", pilihan, dana.TABEL)
data = dana.ringkasan(pilihan, periode)
if data.kosong:
    layout.kosong(pilihan)
    st.stop()
bulan = fmt.bulan(data.periode, lang=lang)
st.markdown(t("dana_bergulir.pengantar", lang, bulan=bulan))
if catatan := dana.catatan_program(pilihan):
    st.caption(catatan)

# --- UPK health on the POB indicators: area cards, formulas, 12-month trend
st.header(t("dana_bergulir.pob.judul", lang))
layout.angka_utama([data.kartu_status], lang)
layout.angka_utama(list(data.angka[:3]), lang)
layout.angka_utama(list(data.angka[3:]), lang)
st.caption(t("dana_bergulir.pob.keterangan", lang, n=dana.tunggakan_berisiko()) + " "
           + t("dana_bergulir.pob.status_aturan", lang))
dana.tampilkan(data.tabel_pob, pilihan, key="db_pob")
st.plotly_chart(grafik.sekali(data.kunci, grafik.tren_kecil, data.tren, lang,
                              t("dana_bergulir.tren.judul", lang, bulan=bulan)),
                config=charts.config(lang), key="db_tren")

# --- regions one level down, worst first (click to drill)
if data.per_wilayah is not None:
    ind = st.segmented_control(t("dana_bergulir.wilayah.indikator", lang), list(dana.POB), default="par",
                               format_func=lambda i: katalog.indikator(i).nama(lang), key="db_indikator") or "par"
    judul = t("dana_bergulir.wilayah.judul", lang,
              tingkat=t(f"dana_bergulir.wilayah.{filters.tingkat_bawah(pilihan)}", lang))
    event = st.plotly_chart(grafik.sekali(data.kunci, grafik.batang_wilayah, data.per_wilayah, ind, lang, judul),
                            config=charts.config(lang),
                            on_select="rerun", selection_mode="points",
                            key=dana.kunci_pilihan("db_wilayah", pilihan, data.periode))
    dana.drill(charts.kode_terpilih(event), pilihan, data.periode)
    peta_halaman.bagian_dana(data.per_wilayah, pilihan, ind, data.periode)
else:
    filters.tautan_profil(pilihan.wilayah, pilihan)

# --- UPK scorecard (click a row to drill to that UPK) and, for one UPK, its KSM
st.subheader(t("dana_bergulir.upk.judul", lang))
st.caption(t("dana_bergulir.upk.keterangan", lang, bulan=bulan))
dana.drill(dana.tampilkan_kartu_skor(data, pilihan), pilihan, data.periode)
if data.daftar_ksm is not None:
    st.subheader(data.daftar_ksm.judul)
    st.caption(t("dana_bergulir.daftar.keterangan", lang, n=dana.tunggakan_berisiko()))
    dana.tampilkan(data.daftar_ksm, pilihan, key="db_daftar")
layout.data_per(dana.TABEL, lang)

# --- portfolio and collectibility
st.header(t("dana_bergulir.portofolio.judul", lang))
layout.angka_utama(list(data.angka_portofolio[:3]), lang)
layout.angka_utama(list(data.angka_portofolio[3:]), lang)
seri = (t("dana_bergulir.portofolio.seri_saldo", lang), t("dana_bergulir.portofolio.seri_cair", lang))
st.plotly_chart(grafik.sekali(data.kunci, grafik.portofolio, data.bulanan, lang,
                              t("dana_bergulir.portofolio.grafik", lang), seri),
                config=charts.config(lang), key="db_portofolio")
st.subheader(t("dana_bergulir.kolektibilitas.judul", lang))
porsi = st.segmented_control(t("dana_bergulir.kolektibilitas.tampilan", lang), ["jumlah", "porsi"], default="jumlah",
                             format_func=lambda k: t(f"dana_bergulir.kolektibilitas.{k}", lang), key="db_kol")
st.plotly_chart(grafik.sekali(data.kunci, grafik.kolektibilitas, data.kolektibilitas, lang, porsi == "porsi",
                              t("dana_bergulir.kolektibilitas.grafik", lang)),
                config=charts.config(lang), key="db_kolektibilitas")
st.caption(f"{t('dana_bergulir.kolektibilitas.keterangan', lang)} ({t('umum.aturan_sendiri', lang)})")
dana.tampilkan(data.tabel_kolektibilitas, pilihan, key="db_kol_tabel")

# --- KSM, members and women; loans by cycle
st.header(t("dana_bergulir.ksm.judul", lang))
layout.angka_utama(list(data.angka_ksm), lang)
if data.ksm_tanpa_data:
    st.warning(t("dana_bergulir.ksm.tanpa_data", lang, n=data.ksm_tanpa_data), icon="⚠️")
kiri, kanan = st.columns(2)
kiri.plotly_chart(grafik.sekali(data.kunci, grafik.siklus_ksm, data.siklus, lang,
                                t("dana_bergulir.ksm.siklus_judul", lang, bulan=bulan)),
                  config=charts.config(lang), key="db_siklus")
kanan.plotly_chart(grafik.sekali(data.kunci, grafik.siklus_ukuran, data.siklus, lang,
                                 t("dana_bergulir.ksm.ukuran_grafik", lang,
                                   **dana.rentang_tahun_berjalan(data.periode, lang))),
                   config=charts.config(lang), key="db_ukuran")
st.caption(t("dana_bergulir.ksm.lulus", lang))
dana.tampilkan(data.tabel_siklus, pilihan, key="db_siklus_tabel")
layout.data_per(dana.TABEL, lang)
