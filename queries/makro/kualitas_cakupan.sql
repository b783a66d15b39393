-- kualitas_cakupan: every programme kelurahan-year a yearly table should hold (within the years that table covers) and whether it holds it; shared by kualitas_hilang and kualitas_kelengkapan.
-- grain: tabel × kelurahan × tahun (expected ones)
-- params: awalan (text prefix of kode_kelurahan), tahun_dari, tahun_sampai (int), program_dipilih (text[], empty = all)
-- columns: tabel, kode_kelurahan, tahun, ada (bool: the table has a row for that kelurahan and year)
create or replace macro kualitas_cakupan(awalan, tahun_dari, tahun_sampai, program_dipilih) as table
with lokasi_tahun as (
    select distinct kode_kelurahan,
        unnest(range(greatest(tahun_mulai, tahun_dari), least(coalesce(tahun_selesai, tahun_sampai), tahun_sampai) + 1))
            as tahun
    from lokasi_program
    where starts_with(kode_kelurahan, awalan)
      and (len(program_dipilih) = 0 or list_contains(program_dipilih, program))
),

ada as (
    select distinct 'blm_alokasi' as tabel, kode_kelurahan, tahun from blm_alokasi
    where starts_with(kode_kelurahan, awalan) and (len(program_dipilih) = 0 or list_contains(program_dipilih, program))
    union all
    select distinct 'blm_pencairan', kode_kelurahan, tahun from blm_pencairan
    where starts_with(kode_kelurahan, awalan) and (len(program_dipilih) = 0 or list_contains(program_dipilih, program))
    union all
    select distinct 'pinjaman_bulanan', kode_kelurahan, tahun from pinjaman_kelurahan_bulanan
    where starts_with(kode_kelurahan, awalan)
    union all
    select distinct 'upk_keuangan_bulanan', kode_kelurahan, tahun from upk_keuangan_bulanan
    where starts_with(kode_kelurahan, awalan)
    union all
    select distinct 'indikator_permukiman', kode_kelurahan, tahun from indikator_permukiman
    where starts_with(kode_kelurahan, awalan)
    union all
    select distinct 'data_kemiskinan', kode_kelurahan, tahun from data_kemiskinan
    where starts_with(kode_kelurahan, awalan)
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
)

select h.tabel, h.kode_kelurahan, h.tahun, a.kode_kelurahan is not null as ada
from harapan as h
left join ada as a on a.tabel = h.tabel and a.kode_kelurahan = h.kode_kelurahan and a.tahun = h.tahun
