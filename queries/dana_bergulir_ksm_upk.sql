-- dana_bergulir_ksm_upk: KSM, members and women per UPK in the report month.
-- grain: kode_bkm (UPKs with KSM in the loan book in $periode)
-- params: $wilayah (text prefix), $program (text[], empty = all; keeps kelurahan where one of them ran), $periode (date, the report month), $ambang_perempuan (fraction, the women rule for a KSM)
-- columns: kode_bkm, ksm_aktif (KSM in the loan book), ksm_bersaldo (KSM with outstanding > 0), anggota (members), anggota_perempuan (women members), ksm_syarat_perempuan (KSM whose women share ≥ $ambang_perempuan), ksm_tanpa_data (KSM in the loan book missing from the ksm table)
-- example: ambang_perempuan=0.3
with lokasi as (
    select distinct kode_kelurahan
    from lokasi_program
    where len($program) = 0 or list_contains($program, program)
),

-- one month of the loan book is one row per KSM: already at the KSM grain, so joining the KSM table is small
pinjaman as (
    select kode_ksm, kode_bkm, saldo_pinjaman_rp
    from pinjaman_bulanan
    where tahun = year(cast($periode as date))
      and periode = cast($periode as date)
      and starts_with(kode_kelurahan, $wilayah)
      and kode_kelurahan in (select kode_kelurahan from lokasi)
),

kelompok as (
    select kode_ksm, anggota, anggota_perempuan
    from ksm
    where starts_with(kode_kelurahan, $wilayah)
),

per_ksm as (
    select
        p.kode_bkm,
        p.saldo_pinjaman_rp,
        k.kode_ksm is null as tanpa_data,
        coalesce(k.anggota, 0) as anggota,
        coalesce(k.anggota_perempuan, 0) as anggota_perempuan,
        k.anggota > 0 and k.anggota_perempuan / k.anggota >= cast($ambang_perempuan as double) as syarat_perempuan
    from pinjaman as p
    left join kelompok as k on k.kode_ksm = p.kode_ksm
),

final as (
    select
        kode_bkm,
        count(*)::bigint as ksm_aktif,
        count(*) filter (where saldo_pinjaman_rp > 0)::bigint as ksm_bersaldo,
        sum(anggota)::bigint as anggota,
        sum(anggota_perempuan)::bigint as anggota_perempuan,
        count(*) filter (where syarat_perempuan)::bigint as ksm_syarat_perempuan,
        count(*) filter (where tanpa_data)::bigint as ksm_tanpa_data
    from per_ksm
    group by kode_bkm
)

select * from final
order by kode_bkm
