-- dana_bergulir_bulanan: the area's loan book month by month, split by the number of overdue instalments.
-- grain: periode × tunggakan_angsuran (every month with loans up to December of $tahun_akhir, from the first month of data, so cumulative sums can start at the beginning)
-- source: the derived tables (sums of pinjaman_bulanan): per kab/kota for a kab/kota or larger area (a prefix of at most 6 characters, e.g. "32.73."), per kelurahan below
-- params: $wilayah (text prefix), $tahun_akhir (int), $program (text[], empty = all; keeps kelurahan where one of them ran, since loans carry no programme)
-- columns: periode (date), tunggakan_angsuran (instalments), ksm_aktif (KSM in the loan book), ksm_bersaldo (KSM with outstanding > 0), saldo_rp (rupiah), pencairan_rp (rupiah), pinjaman_baru (loans disbursed), pokok_jatuh_tempo_rp (rupiah), pokok_dibayar_rp (rupiah)
with lokasi as (
    select distinct kode_kelurahan
    from lokasi_program
    where len($program) = 0 or list_contains($program, program)
),

per_kab as (
    select periode, tunggakan_angsuran, ksm_aktif, ksm_bersaldo, saldo_rp, pencairan_rp, pinjaman_baru,
        pokok_jatuh_tempo_rp, pokok_dibayar_rp
    from pinjaman_kab_bulanan
    where len($wilayah) <= 6
      and tahun <= $tahun_akhir
      and starts_with(kode_kab || '.', $wilayah)
      and (len($program) = 0 or list_has_any(program_kelurahan, $program))
),

per_kelurahan as (
    select periode, tunggakan_angsuran, ksm_aktif, ksm_bersaldo, saldo_rp, pencairan_rp, pinjaman_baru,
        pokok_jatuh_tempo_rp, pokok_dibayar_rp
    from pinjaman_kelurahan_bulanan
    where len($wilayah) > 6
      and tahun <= $tahun_akhir
      and starts_with(kode_kelurahan, $wilayah)
      and kode_kelurahan in (select kode_kelurahan from lokasi)
),

final as (
    select
        periode,
        tunggakan_angsuran,
        sum(ksm_aktif)::bigint as ksm_aktif,
        sum(ksm_bersaldo)::bigint as ksm_bersaldo,
        sum(saldo_rp)::bigint as saldo_rp,
        sum(pencairan_rp)::bigint as pencairan_rp,
        sum(pinjaman_baru)::bigint as pinjaman_baru,
        sum(pokok_jatuh_tempo_rp)::bigint as pokok_jatuh_tempo_rp,
        sum(pokok_dibayar_rp)::bigint as pokok_dibayar_rp
    from (select * from per_kab union all select * from per_kelurahan)
    group by periode, tunggakan_angsuran
)

select * from final
order by periode, tunggakan_angsuran
