"""Admin access: viewing is open; import, rollback and deletion need an `Admin`, which only this module makes.

Credentials live in `.streamlit/secrets.toml` (never committed):

    [admin]
    pengguna = "admin"
    hash = "scrypt$<salt_hex>$<hash_hex>"      # from `python -m pantau.auth hash`; never the password itself
    email = ["kepala.bidang@pemda.go.id"]      # optional: admins when Streamlit's OIDC login ([auth]) is set up

Without an `[admin]` section (or with a malformed hash) every admin action is disabled and the page says
why. The command line (`python -m pantau.ingest`) runs as an admin: shell access to the server is the login.
"""
from __future__ import annotations

import getpass
import hashlib
import hmac
import secrets
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import streamlit as st

from pantau.i18n import t

_BUKTI = object()          # only this module holds it, so only this module can make an Admin
_SESI = "pantau_admin"
_N, _R, _P, _PANJANG = 2 ** 14, 8, 1, 32
JEDA_GAGAL = 0.5           # seconds to wait after a wrong password (slows guessing)


@dataclass(frozen=True)
class Admin:
    """Proof that an admin logged in (by password, OIDC, or at the server's shell)."""

    nama: str
    cara: str
    _bukti: object = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        if self._bukti is not _BUKTI:
            raise TypeError("an Admin is made only by pantau.auth")


@dataclass(frozen=True)
class Konfigurasi:
    """What `secrets.toml` says about admins."""

    pengguna: str = ""
    hash: str = ""
    email: tuple[str, ...] = ()
    penyedia: tuple[str, ...] = ()        # OIDC providers of [auth] ("" = the default provider)

    @property
    def sandi(self) -> bool:
        return bool(self.pengguna) and _urai(self.hash) is not None

    @property
    def oidc(self) -> bool:
        return bool(self.penyedia) and bool(self.email)

    @property
    def ada(self) -> bool:
        return self.sandi or self.oidc


def buat_hash(sandi: str, salt: bytes | None = None) -> str:
    """'scrypt$<salt_hex>$<hash_hex>' for a password (a fresh random salt unless given)."""
    salt = salt or secrets.token_bytes(16)
    kunci = hashlib.scrypt(sandi.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=_PANJANG)
    return f"scrypt${salt.hex()}${kunci.hex()}"


def _urai(teks: str) -> tuple[bytes, bytes] | None:
    bagian = str(teks).split("$")
    if len(bagian) != 3 or bagian[0] != "scrypt":
        return None
    try:
        salt, kunci = bytes.fromhex(bagian[1]), bytes.fromhex(bagian[2])
    except ValueError:
        return None
    return (salt, kunci) if salt and len(kunci) == _PANJANG else None


def cocok(sandi: str, hash_: str) -> bool:
    """Whether a password matches a stored hash (constant-time comparison)."""
    urai = _urai(hash_)
    if urai is None:
        return False
    salt, kunci = urai
    calon = hashlib.scrypt(sandi.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=_PANJANG)
    return hmac.compare_digest(calon, kunci)


def _rahasia() -> Mapping:
    try:
        return st.secrets.to_dict() if hasattr(st.secrets, "to_dict") else dict(st.secrets)
    except Exception:  # no secrets.toml at all, or an unreadable one: no admin configured
        return {}


def konfigurasi() -> Konfigurasi:
    rahasia = _rahasia()
    admin = rahasia.get("admin") if isinstance(rahasia.get("admin"), Mapping) else {}
    auth = rahasia.get("auth") if isinstance(rahasia.get("auth"), Mapping) else {}
    penyedia = ([""] if "client_id" in auth else []) + [k for k, v in auth.items() if isinstance(v, Mapping)]
    email = admin.get("email", [])
    email = (email,) if isinstance(email, str) else tuple(str(e).lower() for e in email)
    return Konfigurasi(str(admin.get("pengguna", "")), str(admin.get("hash", "")), email, tuple(penyedia))


def masuk(pengguna: str, sandi: str) -> Admin | None:
    """Check a username and password against secrets.toml; the `Admin` proof on success."""
    k = konfigurasi()
    if not k.sandi:
        return None
    benar_nama = hmac.compare_digest(pengguna.strip().encode("utf-8"), k.pengguna.encode("utf-8"))
    if cocok(sandi, k.hash) and benar_nama:
        return Admin(k.pengguna, "sandi", _BUKTI)
    time.sleep(JEDA_GAGAL)
    return None


def _admin_oidc(k: Konfigurasi) -> Admin | None:
    try:
        user = st.user
        email = str(user.get("email") or "").lower() if user.get("is_logged_in") else ""
    except Exception:  # st.user is unavailable outside a configured OIDC session
        return None
    return Admin(email, "oidc", _BUKTI) if email and email in k.email else None


def admin_sesi() -> Admin | None:
    """The admin logged in to this browser session, if any (and only while credentials are configured)."""
    k = konfigurasi()
    sesi = st.session_state.get(_SESI)
    if isinstance(sesi, Admin) and k.sandi and sesi.nama == k.pengguna:
        return sesi
    return _admin_oidc(k) if k.oidc else None


def admin_cli(oleh: str) -> Admin:
    """The command line's admin: whoever can run commands on the server."""
    return Admin(oleh or getpass.getuser(), "cli", _BUKTI)


def _formulir(k: Konfigurasi, lang: str) -> None:
    if k.sandi:
        with st.form("form_masuk", border=False):
            pengguna = st.text_input(t("kelola.auth.pengguna", lang), key="masuk_pengguna")
            sandi = st.text_input(t("kelola.auth.sandi", lang), type="password", key="masuk_sandi")
            if st.form_submit_button(t("kelola.auth.masuk", lang)):
                admin = masuk(pengguna, sandi)
                if admin is None:
                    st.error(t("kelola.auth.gagal", lang), icon="🔒")
                else:
                    st.session_state[_SESI] = admin
                    st.rerun()
    for penyedia in k.penyedia if k.oidc else ():
        nama = penyedia or "OIDC"
        if st.button(t("kelola.auth.masuk_oidc", lang, penyedia=nama), key=f"oidc_{nama}"):
            if penyedia:
                st.login(penyedia)
            else:
                st.login()


def panel(lang: str) -> Admin | None:
    """The admin box: who is logged in (with a logout), the login form, or why admin actions are disabled."""
    k, admin = konfigurasi(), admin_sesi()
    if not k.ada:
        st.info(t("kelola.auth.belum_diatur", lang), icon="🔒")
        return None
    if admin is not None:
        kiri, kanan = st.columns([4, 1])
        kiri.success(t("kelola.auth.sebagai", lang, nama=admin.nama), icon="🔓")
        if kanan.button(t("kelola.auth.keluar", lang), key="keluar_admin"):
            st.session_state.pop(_SESI, None)
            if admin.cara == "oidc":
                st.logout()
            st.rerun()
        return admin
    with st.expander(t("kelola.auth.judul", lang), icon="🔒"):
        _formulir(k, lang)
    return None


def main(argv: list[str] | None = None) -> int:
    """`python -m pantau.auth hash [--pengguna NAME]`: ask for a password, print the secrets.toml lines."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] != "hash":
        print(t("kelola.auth.cli_pakai", "id"), file=sys.stderr)
        return 2
    pengguna = argv[argv.index("--pengguna") + 1] if "--pengguna" in argv[:-1] else "admin"
    sandi = getpass.getpass(t("kelola.auth.cli_sandi", "id"))
    if sandi != getpass.getpass(t("kelola.auth.cli_ulang", "id")) or len(sandi) < 8:
        print(t("kelola.auth.cli_tidak_sama", "id"), file=sys.stderr)
        return 1
    print(f'[admin]\npengguna = "{pengguna}"\nhash = "{buat_hash(sandi)}"')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
