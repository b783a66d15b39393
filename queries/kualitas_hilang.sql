-- kualitas_hilang: which programme kelurahan-years have no rows in a yearly table (the first 5,000)?
-- grain: tabel × kelurahan × tahun (only the missing ones)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $program (text[], empty = all)
-- columns: tabel, kode_kelurahan, nama_kelurahan, tahun (int)
with lokasi_tahun as (
    select distinct kode_kelurahan,
        unnest(range(greatest(tahun_mulai, $tahun_awal), least(coalesce(tahun_selesai, $tahun_akhir), $tahun_akhir) + 1))
            as tahun
    from lokasi_program
    where starts_with(kode_kelurahan, $wilayah)
      and (len($program) = 0 or list_contains($program, program))
),

ada as (
    select distinct 'blm_alokasi' as tabel, kode_kelurahan, tahun from blm_alokasi
    where starts_with(kode_kelurahan, $wilayah) and (len($program) = 0 or list_contains($program, program))
    union all
    select distinct 'blm_pencairan', kode_kelurahan, tahun from blm_pencairan
    where starts_with(kode_kelurahan, $wilayah) and (len($program) = 0 or list_contains($program, program))
    union all
    select distinct 'pinjaman_bulanan', kode_kelurahan, tahun from pinjaman_bulanan
    where starts_with(kode_kelurahan, $wilayah)
    union all
    select distinct 'upk_keuangan_bulanan', kode_kelurahan, tahun from upk_keuangan_bulanan
    where starts_with(kode_kelurahan, $wilayah)
    union all
    select distinct 'indikator_permukiman', kode_kelurahan, tahun from indikator_permukiman
    where starts_with(kode_kelurahan, $wilayah)
    union all
    select distinct 'data_kemiskinan', kode_kelurahan, tahun from data_kemiskinan
    where starts_with(kode_kelurahan, $wilayah)
),

rentang as (
    select tabel, min(tahun) as tahun_min, max(tahun) as tahun_maks
    from ada
    group by tabel
),

harapan as (
    select r.tabel, l.kode_kelurahan, l.tahun
    from rentang as r
    join lokasi_tahun as l on l.tahun between r.tahun_min and r.tahun_maks
),

hilang as (
    select h.tabel, h.kode_kelurahan, h.tahun
    from harapan as h
    anti join ada as a on a.tabel = h.tabel and a.kode_kelurahan = h.kode_kelurahan and a.tahun = h.tahun
),

final as (
    select h.tabel, h.kode_kelurahan, w.nama as nama_kelurahan, h.tahun::int as tahun
    from hilang as h
    left join wilayah as w on w.kode = h.kode_kelurahan
)

select * from final
order by tabel, kode_kelurahan, tahun
limit 5000
