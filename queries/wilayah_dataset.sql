-- wilayah_dataset: every region that holds programme data, from provinsi down to kelurahan.
-- grain: one region (any level) with at least one programme kelurahan at or below it
-- params: none
-- columns: kode (text), tingkat (provinsi/kabkota/kecamatan/kelurahan), nama (text), kode_induk (text), jenis (text), lat, lon (degrees)
with kelurahan as (
    select distinct kode_kelurahan as kode
    from lokasi_program
),

kode_semua as (
    select kode from kelurahan
    union select left(kode, 8) from kelurahan
    union select left(kode, 5) from kelurahan
    union select left(kode, 2) from kelurahan
),

final as (
    select w.kode, w.tingkat, w.nama, w.kode_induk, w.jenis, w.lat, w.lon
    from kode_semua as k
    join wilayah as w on w.kode = k.kode
)

select * from final
order by kode
