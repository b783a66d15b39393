-- dana_bergulir_daftar_ksm: every KSM in the loan book of the selected area in the report month, with its arrears.
-- grain: kode_ksm (KSM with a row in pinjaman_bulanan in $periode)
-- params: $wilayah (text prefix; the page uses it for one kelurahan/UPK), $program (text[], empty = all; keeps kelurahan where one of them ran), $periode (date, the report month)
-- columns: kode_ksm, kode_bkm, nama_ksm, anggota, anggota_perempuan, siklus, saldo_pinjaman_rp (rupiah), tunggakan_angsuran (instalments), pencairan_terakhir_rp (rupiah, the current cycle's loan), pokok_dibayar_kumulatif_rp (rupiah, this cycle)
with lokasi as (
    select distinct kode_kelurahan
    from lokasi_program
    where len($program) = 0 or list_contains($program, program)
),

pinjaman as (
    select kode_ksm, kode_bkm, periode, siklus, pencairan_rp, pokok_dibayar_rp, saldo_pinjaman_rp,
        tunggakan_angsuran
    from pinjaman_bulanan
    where tahun <= year(cast($periode as date))
      and periode <= cast($periode as date)
      and starts_with(kode_kelurahan, $wilayah)
      and kode_kelurahan in (select kode_kelurahan from lokasi)
),

kelompok as (
    select kode_ksm, nama_ksm, anggota, anggota_perempuan
    from ksm
    where starts_with(kode_kelurahan, $wilayah)
),

-- one month of the loan book is one row per KSM (the KSM grain); history is summed per cycle before joining
bulan_ini as (
    select kode_ksm, kode_bkm, siklus, saldo_pinjaman_rp, tunggakan_angsuran
    from pinjaman
    where periode = cast($periode as date)
),

per_siklus as (
    select kode_ksm, siklus, sum(pencairan_rp) as pencairan_rp, sum(pokok_dibayar_rp) as pokok_dibayar_rp
    from pinjaman
    group by kode_ksm, siklus
),

final as (
    select
        b.kode_ksm, b.kode_bkm, k.nama_ksm, k.anggota, k.anggota_perempuan, b.siklus, b.saldo_pinjaman_rp,
        b.tunggakan_angsuran, s.pencairan_rp::bigint as pencairan_terakhir_rp,
        s.pokok_dibayar_rp::bigint as pokok_dibayar_kumulatif_rp
    from bulan_ini as b
    left join per_siklus as s on s.kode_ksm = b.kode_ksm and s.siklus = b.siklus
    left join kelompok as k on k.kode_ksm = b.kode_ksm
)

select * from final
order by tunggakan_angsuran desc, saldo_pinjaman_rp desc, kode_ksm
