-- kualitas_hilang: which programme kelurahan-years have no rows in a yearly table (the first 5,000)?
-- grain: tabel × kelurahan × tahun (only the missing ones)
-- source: the macro kualitas_cakupan (queries/makro/)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $program (text[], empty = all)
-- columns: tabel, kode_kelurahan, nama_kelurahan, tahun (int)
with cakupan as (
    select * from kualitas_cakupan($wilayah, $tahun_awal, $tahun_akhir, $program)
),

hilang as (
    select tabel, kode_kelurahan, tahun
    from cakupan
    where not ada
),

final as (
    select h.tabel, h.kode_kelurahan, w.nama as nama_kelurahan, h.tahun::int as tahun
    from hilang as h
    left join wilayah as w on w.kode = h.kode_kelurahan
)

select * from final
order by tabel, kode_kelurahan, tahun
limit 5000
