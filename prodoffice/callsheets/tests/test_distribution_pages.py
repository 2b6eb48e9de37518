"""The coordinator publishes and follows a call sheet; a crew member confirms from their link."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from email import message_from_binary_file, policy
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from prodoffice.callsheets.models import CallSheet, Delivery
from prodoffice.callsheets.tests.smtp import MailServer, mail_server  # noqa: F401 (fixture)
from prodoffice.callsheets.tests.test_distribution import _sheet
from prodoffice.callsheets.tests.test_generate import demo  # noqa: F401 (fixture)
from prodoffice.people.models import PersonalLink
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Schedule

pytestmark = pytest.mark.django_db
Callbacks = Callable[..., AbstractContextManager[Any]]


def _client(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_publish_follow_and_confirm(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    sheet = _sheet(demo)
    office = _client("coordinator")
    page = reverse("callsheet_distribution", args=["DEMO", sheet.pk])
    assert "Publish version 1" in office.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        answer = office.post(reverse("callsheet_publish", args=["DEMO", sheet.pk]))
    assert answer.status_code == 302
    listing = office.get(page).content.decode()
    sent = Delivery.objects.filter(status=Delivery.Status.SENT).count()
    assert f"Sent: {sent}" in listing and sent == len(mail_server.inbox.messages)
    assert f"Re-send to the {sent} people who have not confirmed" in listing

    # A crew member opens the link in their e-mail, reads the PDF and confirms.
    delivery = Delivery.objects.filter(
        status=Delivery.Status.SENT, engagement__cast_number__isnull=True
    ).select_related("engagement__contact")[0]
    message = mail_server.inbox.to(delivery.email)[0]
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    link = PersonalLink.objects.get(contact=delivery.engagement.contact)
    url = reverse("personal_page", args=[link.token])
    assert url in body.get_content()
    person = Client()
    mine = person.get(url).content.decode()
    assert f"Day {sheet.day.number}" in mine and "I have my call sheet" in mine
    pdf = person.get(reverse("personal_call_sheet_pdf", args=[link.token, delivery.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = PdfReader(__import__("io").BytesIO(pdf.content)).pages[0].extract_text()
    assert f"Day {sheet.day.number}" in text
    person.post(reverse("personal_confirm", args=[link.token, delivery.pk]))
    delivery.refresh_from_db()
    assert delivery.confirmed_at is not None
    assert "Confirmed" in person.get(url).content.decode()
    listing = office.get(page).content.decode()
    assert f"Re-send to the {sent - 1} people who have not confirmed" in listing

    # Someone else's delivery cannot be confirmed with this link.
    other = Delivery.objects.exclude(engagement__contact=delivery.engagement.contact).first()
    assert other is not None
    refused = person.post(reverse("personal_confirm", args=[link.token, other.pk]))
    assert refused.status_code == 404


def test_publishing_twice_is_refused_with_a_message(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    sheet = _sheet(demo)
    office = _client("coordinator")
    url = reverse("callsheet_publish", args=["DEMO", sheet.pk])
    with django_capture_on_commit_callbacks(execute=True):
        office.post(url)
        again = office.post(url, follow=True)
    assert "already published" in again.content.decode()
    assert CallSheet.objects.get(pk=sheet.pk).issues.count() == 1


def test_without_a_mail_server_the_mail_is_kept_in_the_outbox_and_shown(
    demo: Production,  # noqa: F811
    settings: Any,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    settings.EMAIL_BACKEND = "prodoffice.core.mail.OutboxBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    sheet = _sheet(demo)
    office = _client("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        office.post(reverse("callsheet_publish", args=["DEMO", sheet.pk]))
    sent = Delivery.objects.filter(status=Delivery.Status.SENT)
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == sent.count() > 0
    assert not list(tmp_path.glob("*.part"))
    with files[0].open("rb") as handle:
        message = message_from_binary_file(handle, policy=policy.default)
    assert str(message["Subject"]).strip().startswith("Call sheet Salt Flats")
    page = office.get(reverse("outbox", args=["DEMO"])).content.decode()
    assert page.count("<details") == sent.count()
    one = sent.select_related("engagement__contact").first()
    assert one is not None and one.email in page
    assert f"call-sheet-day-{sheet.day.number}-v1.pdf" in page


def test_the_calendar_feed_holds_the_persons_calls(
    demo: Production,  # noqa: F811
    settings: Any,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    settings.EMAIL_BACKEND = "prodoffice.core.mail.OutboxBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    sheet = _sheet(demo)
    with django_capture_on_commit_callbacks(execute=True):
        _client("coordinator").post(reverse("callsheet_publish", args=["DEMO", sheet.pk]))
    call = sheet.calls.exclude(call_time=None).select_related("engagement__contact").first()
    assert call is not None
    link = PersonalLink.objects.get(contact=call.engagement.contact)
    feed = Client().get(reverse("personal_calendar", args=[link.token]))
    assert feed["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(feed.content).walk("VEVENT")
    zone = ZoneInfo(demo.time_zone)
    assert event.decoded("dtstart") == datetime.combine(sheet.day.date, call.call_time, zone)
    assert f"day {sheet.day.number}" in str(event["summary"])
    assert Client().get(reverse("personal_calendar", args=["not-a-token"])).status_code == 404


class RecordingGateway:
    """Stands in for an SMS gateway, which cannot run here: keeps what it was asked to send."""

    sent: list[tuple[str, str]] = []

    def send(self, number: str, text: str) -> None:
        if number.endswith("0000"):
            raise ValueError("number not in service")
        RecordingGateway.sent.append((number, text))


def test_each_call_as_a_text_to_copy_or_send_through_a_gateway(
    demo: Production,  # noqa: F811
    settings: Any,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    settings.EMAIL_BACKEND = "prodoffice.core.mail.OutboxBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    sheet = _sheet(demo)
    office = _client("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        office.post(reverse("callsheet_publish", args=["DEMO", sheet.pk]))
    call = sheet.calls.exclude(call_time=None).select_related("engagement__contact").first()
    assert call is not None
    delivery = Delivery.objects.get(engagement=call.engagement)
    page = reverse("callsheet_distribution", args=["DEMO", sheet.pk])
    listing = office.get(page).content.decode()
    expected = (
        f"Salt Flats Day {sheet.day.number} {sheet.day.date:%a %b %-d}, call {call.call_time:%H:%M}"
    )
    assert expected in listing and "Send as a text" not in listing  # no gateway by default
    settings.SMS_BACKEND = f"{__name__}.RecordingGateway"
    assert "Send as a text" in office.get(page).content.decode()
    office.post(reverse("callsheet_text", args=["DEMO", sheet.pk]), {"delivery": delivery.pk})
    ((number, text),) = RecordingGateway.sent
    assert number == call.engagement.contact.phone and text.startswith(expected)
    assert (
        reverse(
            "personal_page", args=[PersonalLink.objects.get(contact=call.engagement.contact).token]
        )
        in text
    )


def test_the_personal_page_shows_the_persons_own_shoot_days(demo: Production) -> None:  # noqa: F811
    from prodoffice.scheduling.selectors import day_out_of_days_table

    schedule = Schedule.objects.get(production=demo, is_current=True)
    table = day_out_of_days_table(schedule)
    row = next(r for r in table.rows if r.element.cast is not None)
    engagement = row.element.cast
    assert engagement is not None
    link = PersonalLink.new(contact_id=engagement.contact_id)
    link.save()
    page = Client().get(reverse("personal_page", args=[link.token])).content.decode()
    worked = [
        d
        for d, code in zip(table.days, row.codes, strict=True)
        if str(code) in {"SW", "W", "WF", "SWF"}
    ]
    assert worked
    for day in worked:
        assert f"{day.date:%a %b} {day.date.day}, {day.date.year}" in page
    other = next(r for r in table.rows if r.element.cast not in (None, engagement))
    only_theirs = [
        d
        for d, mine, theirs in zip(table.days, row.codes, other.codes, strict=True)
        if str(theirs) and not str(mine) and d.kind == "shoot"
    ]
    for day in only_theirs:
        assert f"<td>Day {day.number}</td>" not in page


def test_texting_an_older_versions_copy_is_refused_with_a_message(
    demo: Production,  # noqa: F811
    settings: Any,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    settings.EMAIL_BACKEND = "prodoffice.core.mail.OutboxBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    settings.SMS_BACKEND = f"{__name__}.RecordingGateway"
    sheet = _sheet(demo)
    office = _client("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        office.post(reverse("callsheet_publish", args=["DEMO", sheet.pk]))
    old = Delivery.objects.filter(issue__call_sheet=sheet).first()
    assert old is not None
    CallSheet.objects.filter(pk=sheet.pk).update(version=2, status=CallSheet.Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        office.post(reverse("callsheet_publish", args=["DEMO", sheet.pk]))
    sent_before = len(RecordingGateway.sent)
    answer = office.post(
        reverse("callsheet_text", args=["DEMO", sheet.pk]), {"delivery": old.pk}, follow=True
    )
    assert answer.status_code == 200 and "older version" in answer.content.decode()
    assert len(RecordingGateway.sent) == sent_before


def test_a_resend_naming_no_readable_person_sends_nothing(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    sheet = _sheet(demo)
    office = _client("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        office.post(reverse("callsheet_publish", args=["DEMO", sheet.pk]))
    sent = len(mail_server.inbox.messages)
    assert sent > 1
    resend = reverse("callsheet_resend", args=["DEMO", sheet.pk])
    for value in ("abc", "-1", "²", "1.0", ""):
        with django_capture_on_commit_callbacks(execute=True):
            answer = office.post(resend, {"delivery": value}, follow=True)
        assert "Nothing was sent" in answer.content.decode(), value
        assert len(mail_server.inbox.messages) == sent, value
        assert not Delivery.objects.filter(status=Delivery.Status.QUEUED).exists()


def test_the_sending_page_says_when_no_background_worker_is_running(
    demo: Production,  # noqa: F811
    settings: Any,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page = reverse("callsheet_distribution", args=["DEMO", _sheet(demo).pk])
    reply = _client("coordinator").get(page)
    assert reply.status_code == 200
    assert "The background worker is not running: e-mail is not being sent." in reply.text
