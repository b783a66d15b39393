-- permukiman_kawasan: every slum kawasan (SK Kumuh) with at least one kelurahan in the wilayah, with its area and first kelurahan there.
-- grain: kawasan
-- params: $wilayah (text prefix); no year or programme filter (the SK is the baseline)
-- columns: kode_kawasan, nama_kawasan, kode_kelurahan (first kelurahan of the kawasan inside the wilayah), nama_kelurahan, jumlah_kelurahan, luas_sk_ha (ha, whole kawasan), tahun_sk
with kawasan_kumuh_wilayah as (
    select distinct kode_kawasan
    from kawasan_kumuh
    where starts_with(kode_kelurahan, $wilayah)
),

kawasan as (
    select k.kode_kawasan,
        min(k.nama_kawasan) as nama_kawasan,
        min(k.kode_kelurahan) filter (where starts_with(k.kode_kelurahan, $wilayah)) as kode_kelurahan,
        count(distinct k.kode_kelurahan)::int as jumlah_kelurahan,
        sum(k.luas_sk_ha)::double as luas_sk_ha,
        min(k.tahun_sk)::int as tahun_sk
    from kawasan_kumuh as k
    semi join kawasan_kumuh_wilayah as w using (kode_kawasan)
    group by k.kode_kawasan
),

final as (
    select k.kode_kawasan, k.nama_kawasan, k.kode_kelurahan, coalesce(w.nama, k.kode_kelurahan) as nama_kelurahan,
        k.jumlah_kelurahan, k.luas_sk_ha, k.tahun_sk
    from kawasan as k
    left join wilayah as w on w.kode = k.kode_kelurahan
)

select * from final
order by kode_kawasan
