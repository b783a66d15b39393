-- pinjaman_kelurahan_bulanan: the loan book summed per UPK, kelurahan, month and number of overdue instalments; written beside a version's tables when it is published, so the monthly and per-UPK questions do not read every KSM-month row.
-- grain: kode_bkm × kode_kelurahan × periode × tunggakan_angsuran
-- params: none
-- columns: kode_bkm, kode_kelurahan, periode (date), tahun, tunggakan_angsuran (instalments), ksm_aktif (KSM in the loan book), ksm_bersaldo (KSM with outstanding > 0), saldo_rp (rupiah), pencairan_rp (rupiah), pinjaman_baru (loans disbursed), pokok_jatuh_tempo_rp (rupiah), pokok_dibayar_rp (rupiah)
select
    kode_bkm,
    kode_kelurahan,
    periode,
    tahun::bigint as tahun,
    tunggakan_angsuran,
    count(*)::bigint as ksm_aktif,
    count(*) filter (where saldo_pinjaman_rp > 0)::bigint as ksm_bersaldo,
    sum(saldo_pinjaman_rp)::bigint as saldo_rp,
    sum(pencairan_rp)::bigint as pencairan_rp,
    count(*) filter (where pencairan_rp > 0)::bigint as pinjaman_baru,
    sum(pokok_jatuh_tempo_rp)::bigint as pokok_jatuh_tempo_rp,
    sum(pokok_dibayar_rp)::bigint as pokok_dibayar_rp
from pinjaman_bulanan
group by kode_bkm, kode_kelurahan, periode, tahun, tunggakan_angsuran
order by tahun, kode_kelurahan, kode_bkm, periode, tunggakan_angsuran
