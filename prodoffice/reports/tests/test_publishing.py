"""A published production report reaches the producers and department heads by e-mail."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from io import BytesIO, StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends
from pypdf import PdfReader

from prodoffice.callsheets.tests.smtp import MailServer, mail_server  # noqa: F401 (fixture)
from prodoffice.callsheets.tests.test_generate import demo  # noqa: F401 (fixture)
from prodoffice.core import sending
from prodoffice.demo.services import create_demo
from prodoffice.productions.models import Membership, Production
from prodoffice.reports.models import DailyReport, ReportDelivery
from prodoffice.reports.publishing import send_report
from prodoffice.reports.services import EntryTimes, edit_times, start_report
from prodoffice.reports.tests.support import (
    at,
    client_for,
    first_entry,
    office_access,
    sheet_with_cast,
    squeezed,
)

pytestmark = pytest.mark.django_db
Callbacks = Callable[..., AbstractContextManager[Any]]


def test_publishing_sends_the_pdf_to_producers_and_department_heads(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    office = client_for()
    with django_capture_on_commit_callbacks(execute=True):
        answer = office.post(f"/p/{demo.code}/reports/{report.pk}/publish/", follow=True)
    assert "Published: sent to" in answer.content.decode()
    report.refresh_from_db()
    assert report.status == DailyReport.Status.PUBLISHED
    wanted = Membership.objects.filter(production=demo, role__in=["producer", "department_head"])
    emails = sorted(m.user.email for m in wanted.select_related("user"))
    received = sorted(str(m["To"]) for m in mail_server.inbox.messages)
    assert received == emails and len(received) >= 2
    message = mail_server.inbox.messages[0]
    assert f"Day {report.day.number}" in str(message["Subject"])
    (attachment,) = message.iter_attachments()
    text = PdfReader(BytesIO(attachment.get_content())).pages[0].extract_text()
    assert f"Day {report.day.number}" in text
    assert set(report.deliveries.values_list("status", flat=True)) == {ReportDelivery.Status.SENT}
    again = office.post(f"/p/{demo.code}/reports/{report.pk}/publish/", follow=True)
    assert "has not changed since; nothing to send" in again.content.decode()
    assert report.deliveries.count() == len(emails)


def test_a_report_changed_after_it_was_sent_goes_out_again_as_a_correction(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    office = client_for()
    url = f"/p/{demo.code}/reports/{report.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        office.post(f"{url}/publish/")
    first = len(mail_server.inbox.messages)
    assert "Send the correction" not in office.get(f"{url}/").content.decode()
    entry = first_entry(report, cast=False)
    edit_times(  # payroll finds the grip's out time was wrong
        access=office_access(), entry=entry, times=EntryTimes(call=entry.call, wrap=at(report, 19))
    )
    page = office.get(f"{url}/").content.decode()
    assert "Changed since it was sent" in page and "Send the correction" in page
    with django_capture_on_commit_callbacks(execute=True):
        answer = office.post(f"{url}/publish/", follow=True)
    assert "Sent the correction to" in answer.content.decode()
    corrections = mail_server.inbox.messages[first:]
    assert len(corrections) == first  # everyone it went to, once more
    for message in corrections:
        assert str(message["Subject"]).strip().startswith("Corrected: Daily production report")
        (attachment,) = message.iter_attachments()
        assert attachment.get_filename() == f"dpr-day-{report.day.number}-v2.pdf"
        text = squeezed(PdfReader(BytesIO(attachment.get_content())).pages[0].extract_text())
        assert "corrected(version2)" in text
    report.refresh_from_db()
    assert (report.version, report.changed_since_sent) == (2, False)
    assert "Changed since it was sent" not in office.get(f"{url}/").content.decode()


def _recipients(production: Production) -> list[str]:
    wanted = Membership.objects.filter(
        production=production, role__in=["producer", "department_head"]
    )
    return sorted(m.user.email for m in wanted.select_related("user"))


def test_a_report_published_while_the_mail_server_is_down_goes_to_each_once_when_it_is_back(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    mail_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        client_for().post(f"/p/{demo.code}/reports/{report.pk}/publish/")
    waiting = report.deliveries.all()
    assert set(waiting.values_list("status", flat=True)) == {ReportDelivery.Status.QUEUED}
    tried = waiting.get(attempts=1)  # the first was tried; the rest wait their turn
    assert "Mail server not reachable" in tried.error
    assert mail_server.inbox.messages == []

    mail_server.start()
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("resume_sending", stdout=out)  # what `prodoffice serve` runs on start
    assert "Sending resumed for 1 production report" in out.getvalue()
    received = sorted(str(m["To"]) for m in mail_server.inbox.messages)
    assert received == _recipients(demo) and len(received) >= 2
    assert set(waiting.values_list("status", flat=True)) == {ReportDelivery.Status.SENT}
    assert not waiting.filter(message_id="").exists()
    tried.refresh_from_db()
    assert tried.attempts == 2 and tried.error == ""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("resume_sending", stdout=StringIO())
    assert len(mail_server.inbox.messages) == len(received)  # nothing goes twice


def test_a_report_whose_mail_server_is_away_is_tried_again_a_little_later(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
    settings: Any,
) -> None:
    # A task backend that can wait, as the database worker of `prodoffice serve` does.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    with django_capture_on_commit_callbacks(execute=True):
        client_for().post(f"/p/{demo.code}/reports/{report.pk}/publish/")
    queue = task_backends["default"]
    (published,) = queue.results  # type: ignore[attr-defined]
    mail_server.stop()
    send_report.call(*published.args)
    (retry,) = queue.results[1:]  # type: ignore[attr-defined]
    assert retry.task.name == "send_report" and retry.args == [report.pk]
    assert retry.task.run_after is not None and retry.task.run_after > timezone.now()
    assert mail_server.inbox.messages == []
    mail_server.start()
    send_report.call(*retry.args)
    received = sorted(str(m["To"]) for m in mail_server.inbox.messages)
    assert received == _recipients(demo)


@pytest.fixture
def demo_on_postgres(transactional_db: None) -> Production:
    """Its own demo, committed, so that two workers on their own connections both see it."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL-only: run with DATABASE_URL=postgres://... (CI's second pass)")
    return create_demo(today=date(2026, 11, 2), optimizer_seconds=1)


def test_two_workers_sending_one_report_at_once_send_each_e_mail_once(
    demo_on_postgres: Production,
    mail_server: MailServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    settings: Any,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    client_for().post(f"/p/{demo_on_postgres.code}/reports/{report.pk}/publish/")
    claim = sending._claim
    both = threading.Barrier(2, timeout=10)

    def together(model: Any, pk: int) -> bool:
        both.wait()  # both workers reach for the same e-mail at the same moment
        return claim(model, pk)

    monkeypatch.setattr(sending, "_claim", together)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            send_report.call(report.pk)
        except BaseException as error:
            errors.append(error)
            both.abort()
        finally:
            connections.close_all()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(timeout=30)
    assert errors == []
    received = sorted(str(m["To"]) for m in mail_server.inbox.messages)
    assert received == _recipients(demo_on_postgres) and len(received) >= 2
    deliveries = report.deliveries.all()
    assert set(deliveries.values_list("status", "attempts")) == {(ReportDelivery.Status.SENT, 1)}


def test_a_published_report_shows_on_the_outbox_page_without_a_mail_server(
    demo: Production,  # noqa: F811
    settings: Any,
    tmp_path: Any,
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    settings.EMAIL_BACKEND = "prodoffice.core.mail.OutboxBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    with django_capture_on_commit_callbacks(execute=True):
        client_for().post(f"/p/DEMO/reports/{report.pk}/publish/")
    sent = ReportDelivery.objects.filter(report=report, status=ReportDelivery.Status.SENT)
    assert sent.exists()
    page = client_for().get(reverse("outbox", args=["DEMO"])).content.decode()
    assert page.count("Daily production report Salt Flats") == sent.count()
    assert f"dpr-day-{report.day.number}.pdf" in page
