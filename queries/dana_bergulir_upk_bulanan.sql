-- dana_bergulir_upk_bulanan: the parts of the POB indicators (LAR, PAR, RR, CCr, ROI) per UPK for the 13 months up to the report month (its 12 months of trend, and the month before them: the comparison a year back).
-- grain: kode_bkm × periode (the 13 months ending at $periode; CCr and ROI parts are January to that month of its year)
-- source: the derived tables pinjaman_kelurahan_bulanan (sums of pinjaman_bulanan) and upk_keuangan_ytd (upk_keuangan_bulanan with year-to-date sums)
-- params: $wilayah (text prefix), $program (text[], empty = all; keeps kelurahan where one of them ran), $periode (date, the report month), $tunggakan_berisiko (int, overdue instalments that make a loan "at risk")
-- columns: kode_bkm, kode_kelurahan, nama_bkm, periode (date), ksm_aktif, ksm_bersaldo (KSM with outstanding > 0), ksm_berisiko (of those, arrears ≥ $tunggakan_berisiko), saldo_rp (rupiah), saldo_berisiko_rp (rupiah), pendapatan_ytd_rp (rupiah), biaya_ytd_rp (rupiah), bulan_ytd (months with accounts), modal_rp (rupiah)
-- example: tunggakan_berisiko=3
with lokasi as (
    select distinct kode_kelurahan
    from lokasi_program
    where len($program) = 0 or list_contains($program, program)
),

nama as (
    select kode_bkm, min(nama_bkm) as nama_bkm
    from lokasi_program
    group by kode_bkm
),

pinjaman as (
    select kode_bkm, kode_kelurahan, periode, tunggakan_angsuran, ksm_aktif, ksm_bersaldo, saldo_rp
    from pinjaman_kelurahan_bulanan
    where tahun between year(cast($periode as date)) - 1 and year(cast($periode as date))
      and periode > cast($periode as date) - interval 13 month
      and periode <= cast($periode as date)
      and starts_with(kode_kelurahan, $wilayah)
      and kode_kelurahan in (select kode_kelurahan from lokasi)
),

keuangan_tren as (
    select kode_bkm, kode_kelurahan, periode, pendapatan_ytd_rp, biaya_ytd_rp, bulan_ytd, modal_rp
    from upk_keuangan_ytd
    where tahun between year(cast($periode as date)) - 1 and year(cast($periode as date))
      and periode > cast($periode as date) - interval 13 month
      and periode <= cast($periode as date)
      and starts_with(kode_kelurahan, $wilayah)
      and kode_kelurahan in (select kode_kelurahan from lokasi)
),

pinjaman_upk as (
    select
        kode_bkm,
        kode_kelurahan,
        periode,
        sum(ksm_aktif)::bigint as ksm_aktif,
        sum(ksm_bersaldo)::bigint as ksm_bersaldo,
        coalesce(sum(ksm_bersaldo) filter (where tunggakan_angsuran >= $tunggakan_berisiko), 0)::bigint
            as ksm_berisiko,
        sum(saldo_rp)::bigint as saldo_rp,
        coalesce(sum(saldo_rp) filter (where tunggakan_angsuran >= $tunggakan_berisiko), 0)::bigint
            as saldo_berisiko_rp
    from pinjaman
    group by kode_bkm, kode_kelurahan, periode
),

gabung as (
    select
        coalesce(p.kode_bkm, k.kode_bkm) as kode_bkm,
        coalesce(p.kode_kelurahan, k.kode_kelurahan) as kode_kelurahan,
        coalesce(p.periode, k.periode) as periode,
        coalesce(p.ksm_aktif, 0) as ksm_aktif,
        coalesce(p.ksm_bersaldo, 0) as ksm_bersaldo,
        coalesce(p.ksm_berisiko, 0) as ksm_berisiko,
        coalesce(p.saldo_rp, 0) as saldo_rp,
        coalesce(p.saldo_berisiko_rp, 0) as saldo_berisiko_rp,
        k.pendapatan_ytd_rp,
        k.biaya_ytd_rp,
        k.bulan_ytd,
        k.modal_rp
    from pinjaman_upk as p
    full join keuangan_tren as k on k.kode_bkm = p.kode_bkm and k.periode = p.periode
),

final as (
    select
        g.kode_bkm, g.kode_kelurahan, n.nama_bkm, g.periode, g.ksm_aktif, g.ksm_bersaldo, g.ksm_berisiko,
        g.saldo_rp, g.saldo_berisiko_rp, g.pendapatan_ytd_rp, g.biaya_ytd_rp, g.bulan_ytd, g.modal_rp
    from gabung as g
    left join nama as n on n.kode_bkm = g.kode_bkm
)

select * from final
order by kode_bkm, periode
