"""Hourly rates stay with the producers and the accountant: a California meal premium is "one
hour's pay", and its amount is the person's rate, so only they read it on the DPR."""

from __future__ import annotations

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
    assert f"{PREMIUM} $105" in unescape(client_for("producer").get(page).content.decode())
    assert f"{PREMIUM} $105" in _pdf_text(client_for("producer").get(pdf).content)


def test_the_report_mailed_to_a_department_head_names_no_pay(
    demo: Production,  # noqa: F811
    mail_server: MailServer,  # noqa: F811
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    report = _late_meal_at_105_an_hour()
    with django_capture_on_commit_callbacks(execute=True):
        client_for().post(reverse("report_publish", args=["DEMO", report.pk]))
    (to_head,) = [m for m in mail_server.inbox.messages if str(m["To"]).startswith("gaffer")]
    (attachment,) = to_head.iter_attachments()
    text = _pdf_text(attachment.get_content())
    assert PREMIUM in text.replace("\n", " ")
    assert "$" not in text
