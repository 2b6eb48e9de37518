"""Guessing passwords and API tokens is slowed down, and the real user is not shut out for long.

Limits (prodoffice/core/throttle.py): 10 wrong passwords per account and 30 per address in
15 minutes; 30 wrong API tokens per address. "Later" is made by moving the counts' windows
back 15 minutes, as the clock would.
"""

from __future__ import annotations

import pytest
from django.db.models import F
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from prodoffice.api.services import create_api_token
from prodoffice.core.models import FailedAttempts
from prodoffice.core.tests.personas import PASSWORD, World
from prodoffice.core.throttle import WINDOW, client_address
from prodoffice.domain.access import Role

pytestmark = pytest.mark.django_db


def _log_in(address: str, username: str, password: str, url: str = "/login/") -> HttpResponse:
    client = Client(REMOTE_ADDR=address)
    response: HttpResponse = client.post(url, {"username": username, "password": password})
    return response


def _status(address: str, username: str, password: str, url: str = "/login/") -> int:
    return _log_in(address, username, password, url).status_code


def _fifteen_minutes_pass() -> None:
    FailedAttempts.objects.update(window_start=F("window_start") - WINDOW)


def test_ten_wrong_passwords_refuse_the_account_for_a_while_then_its_owner_logs_in(
    world: World,
) -> None:
    username = world.user(Role.COORDINATOR).get_username()
    for _ in range(10):
        assert _status("203.0.113.1", username, "wrong password") == 200
    # The owner, from another address and with the right password, is refused too: else the
    # attacker could go on guessing from the next address.
    refused = _log_in("198.51.100.7", username, PASSWORD)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Too many wrong passwords for this account. Try again in 15 minutes" in html
    assert 840 <= int(refused["Retry-After"]) <= 901
    assert not refused.wsgi_request.user.is_authenticated  # type: ignore[attr-defined]

    _fifteen_minutes_pass()
    assert _status("198.51.100.7", username, PASSWORD) == 302


def test_thirty_wrong_passwords_from_one_address_refuse_that_address_only(world: World) -> None:
    for n in range(30):
        assert _status("203.0.113.9", f"nobody-{n}", "guess") == 200
    username = world.user(Role.PA).get_username()
    refused = _log_in("203.0.113.9", username, PASSWORD)
    assert refused.status_code == 429
    assert "Too many wrong passwords from your address" in refused.content.decode()
    assert _status("198.51.100.20", username, PASSWORD) == 302


def test_logging_in_forgets_the_accounts_earlier_typos(world: World) -> None:
    username = world.user(Role.ACCOUNTANT).get_username()
    for _ in range(9):
        _status("203.0.113.5", username, "typo")
    assert _status("203.0.113.5", username, PASSWORD) == 302
    for _ in range(9):
        assert _status("203.0.113.5", username, "typo") == 200
    assert _status("203.0.113.5", username, PASSWORD) == 302


def test_the_admin_login_counts_wrong_passwords_as_the_office_login_does(world: World) -> None:
    username = world.user(Role.PRODUCER).get_username()
    for _ in range(10):
        assert _status("203.0.113.3", username, "wrong", url="/admin/login/") == 200
    assert _status("203.0.113.3", username, PASSWORD, url="/admin/login/") == 429
    assert _status("198.51.100.3", username, PASSWORD) == 429


def test_wrong_api_tokens_from_one_address_are_refused_for_a_while_with_json(
    world: World,
) -> None:
    _, token = create_api_token(user=world.user(Role.COORDINATOR), name="payroll export")

    def call(address: str, with_token: str) -> tuple[int, dict[str, object], str]:
        response = Client(REMOTE_ADDR=address).get(
            "/api/v1/productions", headers={"Authorization": f"Bearer {with_token}"}
        )
        return response.status_code, response.json(), response.get("Retry-After", "")

    for n in range(30):
        assert call("203.0.113.44", f"po_guess{n}")[0] == 401
    status, body, retry_after = call("203.0.113.44", token)
    assert status == 429
    assert "Too many wrong API tokens from your address. Try again in 15 minutes" in str(
        body["detail"]
    )
    assert int(retry_after) > 800
    assert call("198.51.100.44", token)[0] == 200  # the same token elsewhere works
    _fifteen_minutes_pass()
    assert call("203.0.113.44", token)[0] == 200


@override_settings(CLIENT_ADDRESS_HEADER="X-Forwarded-For")
def test_behind_a_proxy_the_address_counted_is_the_one_the_proxy_saw() -> None:
    # The client may send its own X-Forwarded-For; the proxy appends the address it saw.
    request = RequestFactory().get(
        "/login/", headers={"X-Forwarded-For": "10.9.9.9, 203.0.113.77"}, REMOTE_ADDR="127.0.0.1"
    )
    assert client_address(request) == "203.0.113.77"


def test_without_a_proxy_header_the_peer_address_is_counted() -> None:
    request = RequestFactory().get(
        "/login/", headers={"X-Forwarded-For": "10.9.9.9"}, REMOTE_ADDR="203.0.113.78"
    )
    assert client_address(request) == "203.0.113.78"
