-- permukiman_per_wilayah: per kelurahan (or kab/kota), the 100-0-100 figures in the first, latest and target year, and the SK Kumuh baseline.
-- grain: one wilayah unit: the first $panjang characters of the kelurahan code (13 = kelurahan, 5 = kab/kota)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $panjang (int, code length of the unit), $tahun_target (int); no programme filter
-- columns: kode, nama, tahun_pertama, kk_pertama (KK), air_pertama (KK), sanitasi_pertama (KK), kumuh_pertama_ha (ha), tahun_terakhir, kk_terakhir (KK), air_terakhir (KK), sanitasi_terakhir (KK), kumuh_terakhir_ha (ha), tahun_di_target, kk_di_target (KK), air_di_target (KK), sanitasi_di_target (KK), kumuh_di_target_ha (ha), garis_dasar_ha (ha, SK Kumuh), tahun_sk
-- example: panjang=13; tahun_target=2019
with indikator as (
    select left(kode_kelurahan, $panjang) as kode, tahun, jumlah_kk, kk_air_minum_layak, kk_sanitasi_layak,
        luas_kumuh_ha
    from indikator_permukiman
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
),

kawasan as (
    select left(kode_kelurahan, $panjang) as kode, luas_sk_ha, tahun_sk
    from kawasan_kumuh
    where starts_with(kode_kelurahan, $wilayah)
),

per_tahun as (
    select kode, tahun,
        sum(jumlah_kk)::bigint as kk,
        sum(kk_air_minum_layak)::bigint as air,
        sum(kk_sanitasi_layak)::bigint as sanitasi,
        sum(luas_kumuh_ha)::double as kumuh
    from indikator
    group by kode, tahun
),

per_unit as (
    select kode,
        min(tahun)::int as tahun_pertama,
        arg_min(kk, tahun) as kk_pertama,
        arg_min(air, tahun) as air_pertama,
        arg_min(sanitasi, tahun) as sanitasi_pertama,
        arg_min(kumuh, tahun) as kumuh_pertama_ha,
        max(tahun)::int as tahun_terakhir,
        arg_max(kk, tahun) as kk_terakhir,
        arg_max(air, tahun) as air_terakhir,
        arg_max(sanitasi, tahun) as sanitasi_terakhir,
        arg_max(kumuh, tahun) as kumuh_terakhir_ha,
        (max(tahun) filter (where tahun <= $tahun_target))::int as tahun_di_target,
        arg_max(kk, tahun) filter (where tahun <= $tahun_target) as kk_di_target,
        arg_max(air, tahun) filter (where tahun <= $tahun_target) as air_di_target,
        arg_max(sanitasi, tahun) filter (where tahun <= $tahun_target) as sanitasi_di_target,
        arg_max(kumuh, tahun) filter (where tahun <= $tahun_target) as kumuh_di_target_ha
    from per_tahun
    group by kode
),

garis_dasar as (
    select kode, sum(luas_sk_ha)::double as garis_dasar_ha, min(tahun_sk)::int as tahun_sk
    from kawasan
    group by kode
),

final as (
    select
        coalesce(u.kode, g.kode) as kode,
        coalesce(w.nama, coalesce(u.kode, g.kode)) as nama,
        u.tahun_pertama, u.kk_pertama, u.air_pertama, u.sanitasi_pertama, u.kumuh_pertama_ha,
        u.tahun_terakhir, u.kk_terakhir, u.air_terakhir, u.sanitasi_terakhir, u.kumuh_terakhir_ha,
        u.tahun_di_target, u.kk_di_target, u.air_di_target, u.sanitasi_di_target, u.kumuh_di_target_ha,
        coalesce(g.garis_dasar_ha, 0)::double as garis_dasar_ha,
        g.tahun_sk
    from per_unit as u
    full join garis_dasar as g on g.kode = u.kode
    left join wilayah as w on w.kode = coalesce(u.kode, g.kode)
)

select * from final
order by kode
