"""Accounts: who may start a production, and each user's own password (changed, or reset by mail).

Beside the permission matrix, which says who reaches these pages; these say what happens there.
"""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from prodoffice.callsheets.tests.smtp import MailServer, mail_server  # noqa: F401 (fixture)
from prodoffice.core.tests.personas import PASSWORD, World, make_user
from prodoffice.domain.access import Role
from prodoffice.productions.models import Membership, Production

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a new and longer password"
NEW_PRODUCTION = {
    "code": "TWO",
    "title": "Second Unit",
    "kind": "commercial",
    "time_zone": "America/New_York",
    "currency": "USD",
}


def _logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _can_log_in(username: str, password: str) -> bool:
    return Client().login(username=username, password=password)


@pytest.mark.parametrize("who", [Role.CAST, Role.COORDINATOR, "outsider"])
def test_a_member_who_is_no_producer_cannot_start_a_production(world: World, who: str) -> None:
    client = _logged_in(world.user(who))
    assert "New production" not in client.get(reverse("home")).content.decode()
    refused = client.post(reverse("production_new"), NEW_PRODUCTION)
    assert refused.status_code == 403
    assert "Only a producer/UPM or the installation&#x27;s staff" in refused.content.decode()
    assert not Production.objects.filter(code="TWO").exists()


def test_a_producer_starts_their_next_production(world: World) -> None:
    client = _logged_in(world.user(Role.PRODUCER))
    assert "New production" in client.get(reverse("home")).content.decode()
    assert client.post(reverse("production_new"), NEW_PRODUCTION).status_code == 302
    made = Production.objects.get(code="TWO")
    assert made.memberships.get().user == world.user(Role.PRODUCER)


def test_the_staff_start_a_production(db: None) -> None:
    client = _logged_in(make_user("operator", staff=True))
    assert client.post(reverse("production_new"), NEW_PRODUCTION).status_code == 302
    assert Production.objects.filter(code="TWO").exists()


def test_the_operator_starts_a_production_from_the_command_line(db: None) -> None:
    out = StringIO()
    call_command(
        "new_production",
        "salt",
        title="Salt Flats",
        producer="Pat@Example.com",
        name="Pat Maker",
        stdout=out,
    )
    production = Production.objects.get(code="SALT")
    producer = Membership.objects.get(production=production)
    assert producer.role == Role.PRODUCER
    assert producer.user.email == "pat@example.com"
    password = re.search(r"first password is (\S+):", out.getvalue())
    assert password and _can_log_in("pat@example.com", password.group(1))
    with pytest.raises(CommandError, match="Code SALT is taken"):
        call_command("new_production", "SALT", title="Again", producer="new@example.com")
    assert not get_user_model().objects.filter(email="new@example.com").exists()


def test_a_user_changes_their_own_password(world: World) -> None:
    user = world.user(Role.CAST)
    client = _logged_in(user)
    assert reverse("password_change") in client.get(reverse("home")).content.decode()
    url = reverse("password_change")
    wrong = client.post(
        url,
        {"old_password": "not it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200
    assert "Your old password was entered incorrectly" in wrong.content.decode()
    done = client.post(
        url,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Password changed" in done.content.decode()
    assert client.get(reverse("home")).status_code == 200  # still logged in here
    assert _can_log_in(user.username, NEW_PASSWORD)
    assert not _can_log_in(user.username, PASSWORD)


def _ask_for_a_reset(address: str) -> Any:
    return Client().post(reverse("password_reset"), {"email": address}, follow=True)


def test_a_forgotten_password_is_reset_through_a_link_by_mail(world: World, settings: Any) -> None:
    settings.SITE_URL = "https://office.example.com"
    user = world.user(Role.CREW)
    login = Client().get(reverse("login")).content.decode()
    assert reverse("password_reset") in login
    page = _ask_for_a_reset(user.email.upper())
    assert "Check your e-mail" in page.content.decode()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [user.email]
    assert sent.subject == "Set a new Prodoffice password"
    link = re.search(r"https://office\.example\.com(/password/reset/\S+/)", sent.body)
    assert link, sent.body
    client = Client()
    form = client.get(link.group(1), follow=True)  # Django swaps the token out of the address
    assert "Set a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Password set" in done.content.decode()
    assert _can_log_in(user.username, NEW_PASSWORD)
    used_again = Client().get(link.group(1), follow=True)
    assert "used already or is too old" in used_again.content.decode()


def test_the_reset_form_does_not_tell_whether_an_address_has_an_account(world: World) -> None:
    known = _ask_for_a_reset(world.user(Role.CREW).email)
    unknown = _ask_for_a_reset("nobody-here@example.com")
    assert len(mail.outbox) == 1  # only the real account was written to
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    token = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+')
    assert token.sub("", known.content.decode()) == token.sub("", unknown.content.decode())


def test_the_reset_mail_goes_out_over_smtp(
    world: World,
    mail_server: MailServer,  # noqa: F811
) -> None:
    user = world.user(Role.PA)
    assert "Check your e-mail" in _ask_for_a_reset(user.email).content.decode()
    [received] = mail_server.inbox.to(user.email)
    assert received["Subject"] == "Set a new Prodoffice password"
    assert "/password/reset/" in received.get_content()
