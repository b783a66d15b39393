-- pinjaman_kab_bulanan: the loan book summed per kab/kota, set of programmes of the kelurahan, month and number of overdue instalments; written when a version is published, for the monthly questions of a kab/kota, a province or the whole country. Kelurahan with no programme location are left out, as the per-kelurahan questions leave them out.
-- grain: kode_kab × program_kelurahan × periode × tunggakan_angsuran
-- params: none
-- columns: kode_kab (kab/kota code, e.g. 32.73), program_kelurahan (text[], the programmes that ran in the kelurahan, sorted), periode (date), tahun, tunggakan_angsuran (instalments), ksm_aktif, ksm_bersaldo, saldo_rp (rupiah), pencairan_rp (rupiah), pinjaman_baru, pokok_jatuh_tempo_rp (rupiah), pokok_dibayar_rp (rupiah)
with program_kelurahan as (
    select kode_kelurahan, list(distinct program order by program) as program_kelurahan
    from lokasi_program
    group by kode_kelurahan
)

select
    left(p.kode_kelurahan, 5) as kode_kab,
    k.program_kelurahan,
    p.periode,
    p.tahun,
    p.tunggakan_angsuran,
    sum(p.ksm_aktif)::bigint as ksm_aktif,
    sum(p.ksm_bersaldo)::bigint as ksm_bersaldo,
    sum(p.saldo_rp)::bigint as saldo_rp,
    sum(p.pencairan_rp)::bigint as pencairan_rp,
    sum(p.pinjaman_baru)::bigint as pinjaman_baru,
    sum(p.pokok_jatuh_tempo_rp)::bigint as pokok_jatuh_tempo_rp,
    sum(p.pokok_dibayar_rp)::bigint as pokok_dibayar_rp
from pinjaman_kelurahan_bulanan as p
join program_kelurahan as k on k.kode_kelurahan = p.kode_kelurahan
group by all
order by p.tahun, kode_kab, k.program_kelurahan, p.periode, p.tunggakan_angsuran
