"""A published production report reaches the producers and department heads by e-mail."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader

from prodoffice.callsheets.tests.smtp import MailServer, mail_server  # noqa: F401 (fixture)
from prodoffice.callsheets.tests.test_generate import demo  # noqa: F401 (fixture)
from prodoffice.productions.models import Membership, Production
from prodoffice.reports.models import DailyReport, ReportDelivery
from prodoffice.reports.services import start_report
from prodoffice.reports.tests.support import client_for, office_access, sheet_with_cast

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
    assert "already published" in again.content.decode()
    assert report.deliveries.count() == len(emails)
