-- aset_per_wilayah: the tridaya asset register summed per area: count, value, years built, condition, maintainer and handover status.
-- grain: wilayah (the first $panjang characters of kode_kelurahan: 0 all, 2 provinsi, 5 kab/kota, 8 kecamatan, 13 kelurahan)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int, on tahun_bangun), $program (text[], empty = all; an asset counts for a programme when built in a kelurahan and year that programme ran), $panjang (int)
-- columns: kode, nama, jumlah_aset, nilai_rp (rupiah), tahun_bangun_min, tahun_bangun_maks, jumlah_baik, jumlah_rusak_ringan, jumlah_rusak_berat, jumlah_ada_pengelola, jumlah_belum, jumlah_proses, jumlah_selesai, nilai_belum_rp, nilai_proses_rp, nilai_selesai_rp (rupiah), jumlah_rusak_berat_tanpa_pengelola, nilai_rusak_berat_tanpa_pengelola_rp (rupiah)
-- example: panjang=13
with lokasi as (
    select kode_kelurahan, tahun_mulai, coalesce(tahun_selesai, 9999) as tahun_selesai
    from lokasi_program
    where list_contains($program, program)
),

aset_dipilih as (
    select a.kode_kelurahan, a.kondisi, a.status_serah_terima, a.nilai_rp, a.tahun_bangun,
        coalesce(trim(a.pengelola), '') <> '' as ada_pengelola
    from aset as a
    where starts_with(a.kode_kelurahan, $wilayah)
      and a.tahun_bangun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or exists (
          select 1 from lokasi as l
          where l.kode_kelurahan = a.kode_kelurahan and a.tahun_bangun between l.tahun_mulai and l.tahun_selesai))
),

per_wilayah as (
    select left(kode_kelurahan, $panjang) as kode,
        count(*)::int as jumlah_aset,
        sum(nilai_rp)::bigint as nilai_rp,
        min(tahun_bangun)::int as tahun_bangun_min,
        max(tahun_bangun)::int as tahun_bangun_maks,
        count(*) filter (where kondisi = 'baik')::int as jumlah_baik,
        count(*) filter (where kondisi = 'rusak_ringan')::int as jumlah_rusak_ringan,
        count(*) filter (where kondisi = 'rusak_berat')::int as jumlah_rusak_berat,
        count(*) filter (where ada_pengelola)::int as jumlah_ada_pengelola,
        count(*) filter (where status_serah_terima = 'belum')::int as jumlah_belum,
        count(*) filter (where status_serah_terima = 'proses')::int as jumlah_proses,
        count(*) filter (where status_serah_terima = 'selesai')::int as jumlah_selesai,
        coalesce(sum(nilai_rp) filter (where status_serah_terima = 'belum'), 0)::bigint as nilai_belum_rp,
        coalesce(sum(nilai_rp) filter (where status_serah_terima = 'proses'), 0)::bigint as nilai_proses_rp,
        coalesce(sum(nilai_rp) filter (where status_serah_terima = 'selesai'), 0)::bigint as nilai_selesai_rp,
        count(*) filter (where kondisi = 'rusak_berat' and not ada_pengelola)::int
            as jumlah_rusak_berat_tanpa_pengelola,
        coalesce(sum(nilai_rp) filter (where kondisi = 'rusak_berat' and not ada_pengelola), 0)::bigint
            as nilai_rusak_berat_tanpa_pengelola_rp
    from aset_dipilih
    group by all
),

final as (
    select p.kode, w.nama, p.* exclude (kode)
    from per_wilayah as p
    left join wilayah as w on w.kode = p.kode
)

select * from final
order by kode
