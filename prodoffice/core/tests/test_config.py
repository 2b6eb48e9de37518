from __future__ import annotations

from pathlib import Path

import pytest

from config.env import ConfigError, database_from_url, email_from_url, env_bool, secret_from_file


def test_database_urls_for_sqlite_and_postgres() -> None:
    sqlite = database_from_url("sqlite:////srv/prodoffice/db.sqlite3")
    assert sqlite == {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/prodoffice/db.sqlite3"}
    pg = database_from_url("postgres://office:s%40lt@db.internal:5433/prodoffice?sslmode=require")
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert (pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"], pg["NAME"]) == (
        "office",
        "s@lt",
        "db.internal",
        "5433",
        "prodoffice",
    )
    assert pg["OPTIONS"] == {"sslmode": "require"}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/x", "not supported"),
        ("postgres://localhost", "needs a database name"),
        ("sqlite://", "needs a file path"),
    ],
)
def test_an_unusable_database_url_fails_loudly_naming_the_variable(url: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        database_from_url(url)


def test_mail_goes_to_the_outbox_unless_an_smtp_url_is_given(tmp_path: Path) -> None:
    outbox = email_from_url("", tmp_path)
    assert outbox["EMAIL_BACKEND"] == "prodoffice.core.mail.OutboxBackend"
    assert outbox["EMAIL_FILE_PATH"] == str(tmp_path)
    smtp = email_from_url("smtp+tls://office%40show.com:pw@mail.example.com:587", tmp_path)
    assert smtp["EMAIL_HOST"] == "mail.example.com"
    assert smtp["EMAIL_PORT"] == 587
    assert smtp["EMAIL_HOST_USER"] == "office@show.com"
    assert smtp["EMAIL_USE_TLS"] is True
    with pytest.raises(ConfigError, match="EMAIL_URL"):
        email_from_url("pigeon://coop", tmp_path)


def test_yes_no_settings_refuse_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRODOFFICE_DEBUG", "yes")
    assert env_bool("PRODOFFICE_DEBUG", default=False) is True
    monkeypatch.setenv("PRODOFFICE_DEBUG", "maybe")
    with pytest.raises(ConfigError, match="PRODOFFICE_DEBUG='maybe'"):
        env_bool("PRODOFFICE_DEBUG", default=False)


def test_a_generated_secret_is_made_once_private_and_then_reused(tmp_path: Path) -> None:
    path = tmp_path / "var" / "fernet.key"
    first = secret_from_file(path, lambda: "one")
    second = secret_from_file(path, lambda: "two")
    assert first == second == "one"
    assert path.stat().st_mode & 0o777 == 0o600
