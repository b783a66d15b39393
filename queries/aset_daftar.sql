-- aset_daftar: the register of tridaya assets, one row per asset, with its kelurahan's name.
-- grain: one asset
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int, on tahun_bangun), $program (text[], empty = all; an asset counts for a programme when built in a kelurahan and year that programme ran)
-- columns: kode_aset, kode_kelurahan, nama_kelurahan, jenis, uraian, tahun_bangun, nilai_rp (rupiah), kondisi, pengelola, status_serah_terima, tahun_serah_terima
with lokasi as (
    select kode_kelurahan, tahun_mulai, coalesce(tahun_selesai, 9999) as tahun_selesai
    from lokasi_program
    where list_contains($program, program)
),

aset_dipilih as (
    select a.kode_aset, a.kode_kelurahan, a.jenis, a.uraian, a.tahun_bangun, a.nilai_rp, a.kondisi,
        nullif(trim(a.pengelola), '') as pengelola, a.status_serah_terima, a.tahun_serah_terima
    from aset as a
    where starts_with(a.kode_kelurahan, $wilayah)
      and a.tahun_bangun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or exists (
          select 1 from lokasi as l
          where l.kode_kelurahan = a.kode_kelurahan and a.tahun_bangun between l.tahun_mulai and l.tahun_selesai))
),

final as (
    select a.kode_aset, a.kode_kelurahan, w.nama as nama_kelurahan, a.jenis, a.uraian,
        a.tahun_bangun::int as tahun_bangun,
        a.nilai_rp::bigint as nilai_rp, a.kondisi, a.pengelola, a.status_serah_terima,
        a.tahun_serah_terima::int as tahun_serah_terima
    from aset_dipilih as a
    left join wilayah as w on w.kode = a.kode_kelurahan
)

select * from final
order by kode_kelurahan, tahun_bangun, kode_aset
