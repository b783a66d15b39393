-- upk_keuangan_ytd: each UPK's monthly accounts with the year-to-date sums that CCr and ROI need (January to that month); written when a version is published, so the per-UPK question runs no window over the accounts.
-- grain: kode_bkm × periode (the rows of upk_keuangan_bulanan)
-- params: none
-- columns: kode_bkm, kode_kelurahan, periode (date), tahun, pendapatan_ytd_rp (rupiah), biaya_ytd_rp (rupiah), bulan_ytd (months with accounts), modal_rp (rupiah)
select
    kode_bkm,
    kode_kelurahan,
    periode,
    tahun::bigint as tahun,
    (sum(pendapatan_rp) over tahun_berjalan)::bigint as pendapatan_ytd_rp,
    (sum(biaya_rp) over tahun_berjalan)::bigint as biaya_ytd_rp,
    (count(*) over tahun_berjalan)::bigint as bulan_ytd,
    modal_rp
from upk_keuangan_bulanan
window tahun_berjalan as (partition by kode_bkm, tahun order by periode)
order by tahun, kode_kelurahan, kode_bkm, periode
