-- kemiskinan_selisih: poor households by source side by side per area and year, with the spread between sources.
-- grain: wilayah (the first $panjang characters of kode_kelurahan: 0 all, 2 provinsi, 5 kab/kota, 8 kecamatan, 13 kelurahan) × tahun
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $program (text[], empty = all; keeps kelurahan in lokasi_program of those programmes), $panjang (int)
-- columns: kode, nama, tahun, rt_ps, rt_bps, rt_dtks, rt_bkkbn, rt_raskin (households), jumlah_sumber, rt_min, rt_maks (households), sumber_min, sumber_maks, selisih (households, max − min), rasio (max ÷ min; null when min = 0 or one source), jumlah_kelurahan, cakupan_sama (every source covers the same number of kelurahan)
-- example: panjang=13
with lokasi as (
    select distinct kode_kelurahan
    from lokasi_program
    where list_contains($program, program)
),

miskin as (
    select kode_kelurahan, tahun, sumber, rumah_tangga_miskin
    from data_kemiskinan
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or kode_kelurahan in (select kode_kelurahan from lokasi))
),

per_sumber as (
    select left(kode_kelurahan, $panjang) as kode, tahun, sumber,
        sum(rumah_tangga_miskin)::bigint as rt,
        count(distinct kode_kelurahan) as n_kelurahan
    from miskin
    group by all
),

berdampingan as (
    select kode, tahun,
        sum(rt) filter (where sumber = 'PS')::bigint as rt_ps,
        sum(rt) filter (where sumber = 'BPS')::bigint as rt_bps,
        sum(rt) filter (where sumber = 'DTKS')::bigint as rt_dtks,
        sum(rt) filter (where sumber = 'BKKBN')::bigint as rt_bkkbn,
        sum(rt) filter (where sumber = 'Raskin')::bigint as rt_raskin,
        count(*)::int as jumlah_sumber,
        min(rt)::bigint as rt_min,
        max(rt)::bigint as rt_maks,
        arg_min(sumber, (rt, sumber)) as sumber_min,
        arg_max(sumber, (rt, sumber)) as sumber_maks,
        max(n_kelurahan)::int as jumlah_kelurahan,
        min(n_kelurahan) = max(n_kelurahan) as cakupan_sama
    from per_sumber
    group by all
),

final as (
    select b.kode, w.nama, b.tahun::int as tahun,
        b.rt_ps, b.rt_bps, b.rt_dtks, b.rt_bkkbn, b.rt_raskin,
        b.jumlah_sumber, b.rt_min, b.rt_maks, b.sumber_min, b.sumber_maks,
        (b.rt_maks - b.rt_min)::bigint as selisih,
        case when b.jumlah_sumber >= 2 and b.rt_min > 0 then b.rt_maks::double / b.rt_min end as rasio,
        b.jumlah_kelurahan, b.cakupan_sama
    from berdampingan as b
    left join wilayah as w on w.kode = b.kode
)

select * from final
order by tahun, kode
