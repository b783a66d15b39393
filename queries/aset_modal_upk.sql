-- aset_modal_upk: revolving-fund capital each UPK still holds at its latest report up to the end of the period, and how much of it is out on loan to KSM.
-- grain: UPK (kode_bkm)
-- params: $wilayah (text prefix), $tahun_akhir (int), $program (text[], empty = all; keeps kelurahan in lokasi_program of those programmes)
-- columns: kode_bkm, kode_kelurahan, nama_kelurahan, periode (date, latest report), modal_rp (rupiah, revolving capital in the UPK's books), saldo_pinjaman_rp (rupiah, outstanding at KSM that month), kas_rp (rupiah, modal − outstanding), cadangan_risiko_rp (rupiah)
with lokasi as (
    select distinct kode_kelurahan
    from lokasi_program
    where list_contains($program, program)
),

laporan as (
    select kode_bkm, kode_kelurahan, periode, modal_rp, cadangan_risiko_rp
    from upk_keuangan_bulanan
    where starts_with(kode_kelurahan, $wilayah)
      and tahun <= $tahun_akhir
      and (len($program) = 0 or kode_kelurahan in (select kode_kelurahan from lokasi))
),

terakhir_baris as (
    select kode_bkm, max(periode) as periode,
        arg_max({'kode_kelurahan': kode_kelurahan, 'modal_rp': modal_rp, 'cadangan_risiko_rp': cadangan_risiko_rp},
                periode) as baris
    from laporan
    group by kode_bkm
),

terakhir as (
    select kode_bkm, baris.kode_kelurahan, periode, baris.modal_rp, baris.cadangan_risiko_rp
    from terakhir_baris
),

saldo as (
    select p.kode_bkm, sum(p.saldo_pinjaman_rp)::bigint as saldo_pinjaman_rp
    from pinjaman_bulanan as p
    join terakhir as t on t.kode_bkm = p.kode_bkm and t.periode = p.periode
    where p.tahun <= $tahun_akhir
    group by p.kode_bkm
),

final as (
    select t.kode_bkm, t.kode_kelurahan, w.nama as nama_kelurahan, t.periode,
        t.modal_rp::bigint as modal_rp,
        coalesce(s.saldo_pinjaman_rp, 0)::bigint as saldo_pinjaman_rp,
        (t.modal_rp - coalesce(s.saldo_pinjaman_rp, 0))::bigint as kas_rp,
        t.cadangan_risiko_rp::bigint as cadangan_risiko_rp
    from terakhir as t
    left join saldo as s on s.kode_bkm = t.kode_bkm
    left join wilayah as w on w.kode = t.kode_kelurahan
)

select * from final
order by kode_kelurahan, kode_bkm
