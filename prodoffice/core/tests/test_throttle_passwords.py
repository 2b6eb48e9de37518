"""The password forms cannot be used to guess a password or to flood a mailbox.

Limits (prodoffice/core/throttle.py): 3 reset links a quarter hour for one e-mail address and
10 from one client address; a wrong old password on the change form counts as a wrong password
at login (10 per account).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from prodoffice.core.models import FailedAttempts
from prodoffice.core.tests.personas import PASSWORD, World
from prodoffice.core.throttle import WINDOW
from prodoffice.domain.access import Role

pytestmark = pytest.mark.django_db


def _ask_for_reset(email: str, address: str = "203.0.113.5") -> int:
    client = Client(REMOTE_ADDR=address)
    return int(client.post(reverse("password_reset"), {"email": email}).status_code)


def test_a_mailbox_gets_at_most_three_reset_links_a_quarter_hour(world: World) -> None:
    email = world.user(Role.CREW).email
    assert [_ask_for_reset(email, f"203.0.113.{n}") for n in range(3)] == [302, 302, 302]
    assert len(mail.outbox) == 3
    refused = Client(REMOTE_ADDR="198.51.100.1").post(reverse("password_reset"), {"email": email})
    assert refused.status_code == 429
    assert "Too many password reset requests for this e-mail address" in refused.content.decode()
    assert len(mail.outbox) == 3
    # An address with no account is counted the same way, so the refusal tells nothing either.
    assert [_ask_for_reset("nobody@example.com") for _ in range(4)] == [302, 302, 302, 429]

    FailedAttempts.objects.update(window_start=F("window_start") - WINDOW)
    assert _ask_for_reset(email) == 302
    assert len(mail.outbox) == 4


def test_one_address_asks_for_at_most_ten_reset_links_a_quarter_hour(db: None) -> None:
    answers = [_ask_for_reset(f"someone-{n}@example.com") for n in range(11)]
    assert answers == [302] * 10 + [429]
    assert _ask_for_reset("someone-11@example.com", address="198.51.100.2") == 302


def test_wrong_old_passwords_on_the_change_form_count_as_wrong_passwords(world: World) -> None:
    user = world.user(Role.PA)
    client = Client()
    client.force_login(user)
    url = reverse("password_change")
    new = {"new_password1": "a long new password", "new_password2": "a long new password"}
    for _ in range(10):
        assert client.post(url, {"old_password": "a guess", **new}).status_code == 200
    refused = client.post(url, {"old_password": PASSWORD, **new})
    assert refused.status_code == 429
    assert "Too many wrong passwords for this account" in refused.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)  # nothing was changed, even with the right password
    login = Client().post("/login/", {"username": user.get_username(), "password": PASSWORD})
    assert login.status_code == 429


def test_the_reset_link_is_sent_by_the_background_worker_not_in_the_request(
    world: World, settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert _ask_for_reset(world.user(Role.CREW).email) == 302
    assert _ask_for_reset("nobody@example.com") == 302
    assert mail.outbox == []  # neither request waited on the mail server
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "prodoffice.core.tasks.send_account_mail"
    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])  # the worker
    assert [message.to for message in mail.outbox] == [[world.user(Role.CREW).email]]
    assert f"{settings.SITE_URL}/password/reset/" in mail.outbox[0].body
