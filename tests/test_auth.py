"""Admin access: salted scrypt hashes, login against secrets.toml, and no Admin without auth."""
import pytest

from pantau import auth


def test_hash_round_trip_with_a_fresh_salt_each_time():
    a, b = auth.buat_hash("rahasia-kota"), auth.buat_hash("rahasia-kota")
    assert a != b and a.startswith("scrypt$") and len(a.split("$")) == 3
    assert "rahasia-kota" not in a
    assert auth.cocok("rahasia-kota", a) and auth.cocok("rahasia-kota", b)
    assert not auth.cocok("rahasia-kot", a)


@pytest.mark.parametrize("rusak", ["", "rahasia-kota", "scrypt$zz$00", "md5$00$00", "scrypt$00$0011"])
def test_malformed_hashes_never_match(rusak):
    assert not auth.cocok("rahasia-kota", rusak)
    assert not auth.Konfigurasi("admin", rusak).ada


def test_only_pantau_auth_can_make_an_admin():
    with pytest.raises(TypeError):
        auth.Admin("saya", "sandi")
    with pytest.raises(TypeError):
        auth.Admin("saya", "sandi", object())


def _rahasia(monkeypatch, isi: dict) -> None:
    monkeypatch.setattr(auth, "_rahasia", lambda: isi)
    monkeypatch.setattr(auth, "JEDA_GAGAL", 0)


def test_login_checks_user_and_password(monkeypatch):
    _rahasia(monkeypatch, {"admin": {"pengguna": "admin", "hash": auth.buat_hash("rahasia-kota")}})
    admin = auth.masuk("admin", "rahasia-kota")
    assert isinstance(admin, auth.Admin) and (admin.nama, admin.cara) == ("admin", "sandi")
    assert auth.masuk(" admin ", "rahasia-kota") is not None
    assert auth.masuk("admin", "salah") is None
    assert auth.masuk("bukan", "rahasia-kota") is None


def test_without_credentials_nobody_logs_in(monkeypatch):
    _rahasia(monkeypatch, {})
    assert not auth.konfigurasi().ada
    assert auth.masuk("admin", "") is None
    _rahasia(monkeypatch, {"admin": {"pengguna": "admin", "hash": "rahasia-kota"}})     # plain text is refused
    assert not auth.konfigurasi().ada and auth.masuk("admin", "rahasia-kota") is None


def test_oidc_needs_an_auth_section_and_admin_emails(monkeypatch):
    _rahasia(monkeypatch, {"auth": {"client_id": "x", "google": {"client_id": "y"}},
                           "admin": {"email": ["Kabid@Pemda.go.id"]}})
    k = auth.konfigurasi()
    assert k.oidc and not k.sandi and k.penyedia == ("", "google") and k.email == ("kabid@pemda.go.id",)
    _rahasia(monkeypatch, {"auth": {"client_id": "x"}})
    assert not auth.konfigurasi().ada


def test_command_prints_the_secrets_lines(monkeypatch, capsys):
    jawaban = iter(["kata-sandi-kuat", "kata-sandi-kuat"])
    monkeypatch.setattr(auth.getpass, "getpass", lambda prompt="": next(jawaban))
    assert auth.main(["hash", "--pengguna", "bappeda"]) == 0
    keluar = capsys.readouterr().out.splitlines()
    assert keluar[:2] == ["[admin]", 'pengguna = "bappeda"']
    hash_ = keluar[2].split('"')[1]
    assert auth.cocok("kata-sandi-kuat", hash_)


def test_command_refuses_short_or_different_passwords(monkeypatch, capsys):
    jawaban = iter(["pendek", "pendek"])
    monkeypatch.setattr(auth.getpass, "getpass", lambda prompt="": next(jawaban))
    assert auth.main(["hash"]) == 1
    assert "hash" not in capsys.readouterr().out
    assert auth.main([]) == 2
