"""Hourly rates stay with the producers and the accountant: a California meal premium is "one
hour's pay", and its amount is the person's rate, so only they read it on the DPR."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from html import unescape
from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from pypdf import PdfReader

from prodoffice.callsheets.tests.smtp import MailServer, mail_server  # noqa: F401 (fixture)
from prodoffice.callsheets.tests.test_generate import demo  # noqa: F401 (fixture)
from prodoffice.core.models import ChangeRecord
from prodoffice.people.models import Engagement
from prodoffice.productions.models import Production
from prodoffice.reports.models import DailyReport
from prodoffice.reports.services import EntryTimes, edit_times, start_report
from prodoffice.reports.tests.support import at, client_for, first_entry, office_access
from prodoffice.reports.tests.support import sheet_with_cast as sheet

pytestmark = pytest.mark.django_db
Callbacks = Callable[..., AbstractContextManager[Any]]
PREMIUM = "one hour's pay"


def _late_meal_at_105_an_hour() -> DailyReport:
    """A non-union grip at $105 an hour, lunch 6 h 30 min after the call (California rules)."""
    report = start_report(access=office_access(), call_sheet=sheet())
    entry = first_entry(report, cast=False)
    Engagement.objects.filter(pk=entry.engagement_id).update(
        rate=105, rate_unit="hour", union_member=False, union_name=""
    )
    times = EntryTimes(
        call=at(report, 7),
        meal1_start=at(report, 13, 30),
        meal1_end=at(report, 14),
        wrap=at(report, 19),
    )
    edit_times(access=office_access(), entry=entry, times=times)
    return report


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def test_the_meal_premium_names_no_pay_to_roles_that_may_not_see_rates(
    demo: Production,  # noqa: F811
) -> None:
    report = _late_meal_at_105_an_hour()
    page, pdf = (
        reverse(name, args=["DEMO", report.pk]) for name in ("report_detail", "report_pdf")
    )
    for role in ("coordinator", "gaffer"):  # the office, and a department head
        text = unescape(client_for(role).get(page).content.decode())
        assert PREMIUM in text and "$" not in text, role
        printed = _pdf_text(client_for(role).get(pdf).content)
        assert "$" not in printed and "105" not in printed, role
        assert not re.search(r"\bcost\b", printed, re.I), role  # no column promises one
    assert f"{PREMIUM} $105" in unescape(client_for("producer").get(page).content.decode())
    costed = _pdf_text(client_for("producer").get(pdf).content)
    assert f"{PREMIUM} $105" in costed and "flags and cost" in costed.lower()


def _publish(
    report: DailyReport, server: MailServer, callbacks: Callbacks
) -> tuple[dict[str, str], int]:
    """Publish (or send the correction of) the report: what each recipient's PDF reads, by the
    start of their address, each once and under the name it is sent with; how many PDFs."""
    first = len(server.inbox.messages)
    with callbacks(execute=True):
        client_for().post(reverse("report_publish", args=["DEMO", report.pk]))
    version = f"-v{report.version + 1}" if report.version else ""
    report.refresh_from_db()
    printed, contents = {}, set()
    for message in server.inbox.messages[first:]:
        (attachment,) = message.iter_attachments()
        assert attachment.get_filename() == f"dpr-day-{report.day.number}{version}.pdf"
        contents.add(attachment.get_content())
        printed[str(message["To"]).split("@")[0]] = _pdf_text(attachment.get_content())
    assert len(printed) == len(server.inbox.messages[first:])  # none twice
    return printed, len(contents)


def test_the_published_report_names_the_premium_to_the_producer_and_no_pay_to_department_heads(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    report = _late_meal_at_105_an_hour()
    printed, pdfs = _publish(report, mail_server, django_capture_on_commit_callbacks)
    assert f"{PREMIUM} $105" in printed["producer"]
    assert PREMIUM in printed["gaffer"].replace("\n", " ")
    assert "$" not in printed["gaffer"] and "105" not in printed["gaffer"]
    assert pdfs == 2  # one with money, one without: not one per person
    # Kept as sent, not in the report's history, which the whole office reads.
    changes = ChangeRecord.objects.filter(record_type="dailyreport", record_id=str(report.pk))
    assert not any("pdf" in label.lower() for c in changes for label in c.changes)


def test_a_correction_goes_with_pay_to_the_producer_and_without_to_department_heads(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    report = _late_meal_at_105_an_hour()
    _publish(report, mail_server, django_capture_on_commit_callbacks)
    entry = first_entry(report, cast=False)
    edit_times(  # payroll finds the grip's out time was wrong
        access=office_access(),
        entry=entry,
        times=EntryTimes(
            call=entry.call,
            meal1_start=entry.meal1_start,
            meal1_end=entry.meal1_end,
            wrap=at(report, 20),
        ),
    )
    printed, pdfs = _publish(report, mail_server, django_capture_on_commit_callbacks)
    assert "(version 2)" in printed["producer"] and f"{PREMIUM} $105" in printed["producer"]
    assert "(version 2)" in printed["gaffer"]
    assert "$" not in printed["gaffer"] and "105" not in printed["gaffer"]
    assert pdfs == 2
