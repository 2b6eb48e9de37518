"""Publishing a call sheet through a real SMTP server: one e-mail per person, exactly once."""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import time, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from prodoffice.callsheets.models import Call, CallSheet, Delivery, Issue
from prodoffice.callsheets.pdf import call_sheet_pdf
from prodoffice.callsheets.services import (
    generate_call_sheet,
    publish_call_sheet,
    resend,
    resume_sending,
)
from prodoffice.callsheets.tests.smtp import MailServer, mail_server  # noqa: F401 (fixture)
from prodoffice.callsheets.tests.test_generate import _access, demo  # noqa: F401 (fixture)
from prodoffice.core import sending
from prodoffice.core.errors import RuleBroken
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Schedule

pytestmark = pytest.mark.django_db
Callbacks = Callable[..., AbstractContextManager[Any]]


def _pdf(sheet: CallSheet) -> bytes:
    return call_sheet_pdf(sheet)


def _sheet(production: Production) -> CallSheet:
    schedule = Schedule.objects.get(production=production, is_current=True)
    day = schedule.days.filter(kind="shoot").order_by("order")[1]
    return generate_call_sheet(access=_access(), day=day)


def _publish(sheet: CallSheet, callbacks: Callbacks, *, everyone: bool = False) -> Issue:
    with callbacks(execute=True):
        return publish_call_sheet(access=_access(), sheet=sheet, render=_pdf, everyone=everyone)


def test_everyone_called_gets_their_own_call_once(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    sheet = _sheet(demo)
    first = sheet.calls.select_related("engagement__contact").exclude(call_time=None).first()
    assert first is not None
    nobody = sheet.calls.exclude(pk=first.pk).select_related("engagement__contact")[0]
    nobody.engagement.contact.email = ""
    nobody.engagement.contact.save()
    issue = _publish(sheet, django_capture_on_commit_callbacks)
    inbox = mail_server.inbox
    reachable = issue.deliveries.exclude(status=Delivery.Status.UNREACHABLE)
    assert reachable.count() == sheet.calls.count() - 1
    assert set(reachable.values_list("status", flat=True)) == {Delivery.Status.SENT}
    assert len(inbox.messages) == reachable.count()
    assert len({m["To"] for m in inbox.messages}) == len(inbox.messages)  # once each
    theirs = inbox.to(first.engagement.contact.email)
    assert len(theirs) == 1
    message = theirs[0]
    call = f"{first.call_time:%H:%M}"
    assert message["Subject"].endswith(f"your call {call}")
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and body.get_content().startswith(f"Your call: {call}")
    (attachment,) = message.iter_attachments()
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content().startswith(b"%PDF")
    unreachable = issue.deliveries.get(engagement=nobody.engagement)
    assert unreachable.status == Delivery.Status.UNREACHABLE
    assert "not reachable by e-mail" in unreachable.error
    sheet.refresh_from_db()
    assert sheet.status == CallSheet.Status.PUBLISHED
    with pytest.raises(RuleBroken, match="already published"):
        publish_call_sheet(access=_access(), sheet=sheet, render=_pdf)


def test_a_revision_goes_only_to_the_people_it_changes(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    sheet = _sheet(demo)
    _publish(sheet, django_capture_on_commit_callbacks)
    sent_first = len(mail_server.inbox.messages)
    moved = sheet.calls.exclude(call_time=None).select_related("engagement__contact").first()
    assert moved is not None
    Call.objects.filter(pk=moved.pk).update(pickup_time=time(5, 15), pickup_place="Gate 2")
    CallSheet.objects.filter(pk=sheet.pk).update(version=2, status=CallSheet.Status.DRAFT)
    sheet.refresh_from_db()
    revision = _publish(sheet, django_capture_on_commit_callbacks)
    new = mail_server.inbox.messages[sent_first:]
    assert [m["To"] for m in new] == [moved.engagement.contact.email]
    assert str(new[0]["Subject"]).strip().startswith("REVISED Call sheet")
    statuses = dict(revision.deliveries.values_list("engagement_id", "status"))
    assert statuses.pop(moved.engagement_id) == Delivery.Status.SENT
    assert set(statuses.values()) <= {Delivery.Status.NOT_SENT, Delivery.Status.UNREACHABLE}
    # Changing what everyone is told (the crew call) reaches everyone reachable.
    CallSheet.objects.filter(pk=sheet.pk).update(
        version=3, status=CallSheet.Status.DRAFT, crew_call=time(6)
    )
    sheet.refresh_from_db()
    third = _publish(sheet, django_capture_on_commit_callbacks)
    assert not third.deliveries.filter(status=Delivery.Status.NOT_SENT).exists()


def test_a_mail_server_that_is_down_leaves_the_mail_queued_until_it_is_back(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    sheet = _sheet(demo)
    mail_server.stop()
    issue = _publish(sheet, django_capture_on_commit_callbacks)
    waiting = issue.deliveries.filter(status=Delivery.Status.QUEUED)
    assert waiting.count() == issue.deliveries.exclude(status=Delivery.Status.UNREACHABLE).count()
    assert "Mail server not reachable" in waiting.first().error  # type: ignore[union-attr]
    assert mail_server.inbox.messages == []
    mail_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        assert resume_sending() == 1
    assert not issue.deliveries.filter(status=Delivery.Status.QUEUED).exists()
    addresses = [m["To"] for m in mail_server.inbox.messages]
    assert (
        len(addresses)
        == len(set(addresses))
        == waiting.model.objects.filter(issue=issue, status=Delivery.Status.SENT).count()
    )


def test_a_worker_killed_between_messages_finishes_after_a_restart_each_once(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sheet = _sheet(demo)
    claim = sending._claim
    claims = {"count": 0}

    def dies_on_the_fourth(model: Any, pk: int) -> bool:
        claims["count"] += 1
        if claims["count"] == 4:
            raise KeyboardInterrupt("the worker is killed")
        return claim(model, pk)

    monkeypatch.setattr(sending, "_claim", dies_on_the_fourth)
    with pytest.raises(KeyboardInterrupt):
        _publish(sheet, django_capture_on_commit_callbacks)
    issue = Issue.objects.get(call_sheet=sheet)
    assert issue.deliveries.filter(status=Delivery.Status.SENT).count() == 3
    monkeypatch.setattr(sending, "_claim", claim)
    # A delivery a dead worker had claimed long ago is picked up again too.
    stuck = issue.deliveries.filter(status=Delivery.Status.QUEUED).first()
    assert stuck is not None
    Delivery.objects.filter(pk=stuck.pk).update(
        status=Delivery.Status.SENDING, updated_at=timezone.now() - timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        resume_sending()
    reachable = issue.deliveries.exclude(status=Delivery.Status.UNREACHABLE)
    assert set(reachable.values_list("status", flat=True)) == {Delivery.Status.SENT}
    addresses = [m["To"] for m in mail_server.inbox.messages]
    assert sorted(addresses) == sorted(set(addresses))
    assert len(addresses) == reachable.count()


def test_an_address_the_server_refuses_fails_alone_with_the_reason(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    sheet = _sheet(demo)
    refused = sheet.calls.select_related("engagement__contact")[2].engagement.contact.email
    mail_server.inbox.refuse.add(refused)
    issue = _publish(sheet, django_capture_on_commit_callbacks)
    failed = issue.deliveries.get(status=Delivery.Status.FAILED)
    assert failed.email == refused and "No such user" in failed.error
    sent = issue.deliveries.filter(status=Delivery.Status.SENT).count()
    assert sent == len(mail_server.inbox.messages) > 0
    mail_server.inbox.refuse.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert resend(access=_access(), issue=issue, delivery=failed) == 1
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.SENT
    assert len(mail_server.inbox.to(refused)) == 1


def test_the_resume_command_finishes_a_distribution_left_queued(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    sheet = _sheet(demo)
    mail_server.stop()
    issue = _publish(sheet, django_capture_on_commit_callbacks)
    mail_server.start()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("resume_sending", stdout=out)
    assert "Sending resumed for 1 call sheet issue" in out.getvalue()
    assert not issue.deliveries.filter(status=Delivery.Status.QUEUED).exists()


def test_a_title_with_a_line_break_stored_before_the_check_does_not_stop_the_mail(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    Production.objects.filter(pk=demo.pk).update(title="Salt Flats\r\nBcc: x@example.com")
    sheet = _sheet(demo)
    issue = _publish(sheet, django_capture_on_commit_callbacks)
    reachable = issue.deliveries.exclude(status=Delivery.Status.UNREACHABLE)
    assert set(reachable.values_list("status", flat=True)) == {Delivery.Status.SENT}
    assert len(mail_server.inbox.messages) == reachable.count() > 0
    for message in mail_server.inbox.messages:
        assert (
            str(message["Subject"])
            .strip()
            .startswith("Call sheet Salt Flats Bcc: x@example.com · Day")
        )
        assert message["Bcc"] is None
    assert not mail_server.inbox.to("x@example.com")


def test_a_stale_claim_that_may_have_reached_the_mail_server_is_not_sent_again_and_says_so(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    mail_server.stop()
    issue = _publish(_sheet(demo), django_capture_on_commit_callbacks)
    mail_server.start()
    never_went, handed_over = issue.deliveries.filter(status=Delivery.Status.QUEUED)[:2]
    long_ago = timezone.now() - timedelta(hours=1)  # two claims of a worker that died
    Delivery.objects.filter(pk=never_went.pk).update(
        status=Delivery.Status.SENDING, updated_at=long_ago
    )
    Delivery.objects.filter(pk=handed_over.pk).update(
        status=Delivery.Status.SENDING, updated_at=long_ago, message_id="<x@prodoffice.local>"
    )
    assert sending.take_back_stale() == 1  # what the running worker does every few seconds
    never_went.refresh_from_db()
    handed_over.refresh_from_db()
    assert never_went.status == Delivery.Status.SENT
    assert len(mail_server.inbox.to(never_went.email)) == 1
    assert handed_over.status == Delivery.Status.FAILED
    assert "may have arrived" in handed_over.error
    assert mail_server.inbox.to(handed_over.email) == []
