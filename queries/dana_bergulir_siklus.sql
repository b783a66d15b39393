-- dana_bergulir_siklus: loans by cycle: KSM in each cycle in the report month, and loans disbursed per cycle from January to that month.
-- grain: siklus (loan cycle of a KSM: 1 = first loan)
-- params: $wilayah (text prefix), $program (text[], empty = all; keeps kelurahan where one of them ran), $periode (date, the report month; loans are counted from January of its year to it)
-- columns: siklus, ksm_aktif (KSM in this cycle in the report month), jumlah_pinjaman (loans disbursed January to the report month), pencairan_rp (rupiah), anggota_peminjam (members of the borrowing KSM), median_pinjaman_rp (rupiah per loan)
with lokasi as (
    select distinct kode_kelurahan
    from lokasi_program
    where len($program) = 0 or list_contains($program, program)
),

pinjaman as (
    select kode_ksm, periode, siklus, pencairan_rp
    from pinjaman_bulanan
    where tahun = year(cast($periode as date))
      and periode <= cast($periode as date)
      and starts_with(kode_kelurahan, $wilayah)
      and kode_kelurahan in (select kode_kelurahan from lokasi)
),

kelompok as (
    select kode_ksm, anggota
    from ksm
    where starts_with(kode_kelurahan, $wilayah)
),

aktif as (
    select siklus, count(*)::bigint as ksm_aktif
    from pinjaman
    where periode = cast($periode as date)
    group by siklus
),

per_pinjaman as (
    select kode_ksm, siklus, sum(pencairan_rp) as pencairan_rp
    from pinjaman
    where pencairan_rp > 0
    group by kode_ksm, siklus
),

cair as (
    select
        p.siklus,
        count(*)::bigint as jumlah_pinjaman,
        sum(p.pencairan_rp)::bigint as pencairan_rp,
        sum(k.anggota)::bigint as anggota_peminjam,
        median(p.pencairan_rp)::bigint as median_pinjaman_rp
    from per_pinjaman as p
    left join kelompok as k on k.kode_ksm = p.kode_ksm
    group by p.siklus
),

final as (
    select
        coalesce(a.siklus, c.siklus)::bigint as siklus,
        coalesce(a.ksm_aktif, 0)::bigint as ksm_aktif,
        coalesce(c.jumlah_pinjaman, 0)::bigint as jumlah_pinjaman,
        coalesce(c.pencairan_rp, 0)::bigint as pencairan_rp,
        coalesce(c.anggota_peminjam, 0)::bigint as anggota_peminjam,
        c.median_pinjaman_rp
    from aktif as a
    full join cair as c on c.siklus = a.siklus
)

select * from final
order by siklus
