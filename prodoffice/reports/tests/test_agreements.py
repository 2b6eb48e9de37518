"""The demo's DPR costs each person under the agreement their union and local work under.

The issue's "done means": a camera assistant in ICG Local 600 is costed under the IATSE rules
(IATSE Basic Agreement of 2024: a first meal past 6 hours and the 12-minute grace costs $7.50,
$10, then $12.50 a half hour), and a DGA, Teamsters or IBEW member is shown as not costed with
the reason, since none of their agreements is loaded, never costed under the non-union rules.
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from prodoffice.demo.tests.fixtures import demo
from prodoffice.productions.models import Production
from prodoffice.reports.models import DailyReport
from prodoffice.reports.selectors import report_document
from prodoffice.reports.services import EntryTimes, edit_times, start_report
from prodoffice.reports.tests.support import (
    at,
    client_for,
    entry_in_union,
    office_access,
    sheet_with_cast,
    squeezed,
)

pytestmark = pytest.mark.django_db
__all__ = ["demo"]

DGA = "DGA members work under the DGA Basic Agreement, which is not loaded here."


def _worked(report: DailyReport, union: str) -> str:
    """A 07:00-18:00 day with lunch 13:40-14:10 for the first person called in `union`."""
    entry = entry_in_union(report, union)
    edit_times(
        access=office_access(),
        entry=entry,
        times=EntryTimes(
            call=at(report, 7),
            meal1_start=at(report, 13, 40),
            meal1_end=at(report, 14, 10),
            wrap=at(report, 18),
            status="W",
        ),
    )
    return entry.engagement.contact.name


def test_the_1st_ac_in_icg_local_600_is_costed_under_the_iatse_rules(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    name = _worked(report, "ICG Local 600")
    document = report_document(report, money=True)
    line = next(p for p in document.crew if p.name == name)
    assert line.rules == "IATSE 2024" and line.costed and not line.not_costed
    assert line.result is not None
    # 10 h 30 min worked on a day rate over 8 hours: 2 h 30 min at 1.5x; the first meal 40
    # minutes late, two half hours under the IATSE penalties, not California's hour of pay.
    (penalty,) = line.result.violations
    assert penalty.amount == Decimal("17.50")
    assert "(IATSE 2024, meal period)" in penalty.explanation


def test_dga_teamsters_and_ibew_members_are_not_costed_and_say_why(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    unions = ("DGA", "Teamsters Local 399", "IBEW Local 40")
    names = {union: _worked(report, union) for union in unions}
    document = report_document(report, money=True)
    lines = {p.name: p for p in document.crew}
    dga = lines[names["DGA"]]
    assert not dga.costed and dga.not_costed == f"Not costed: {DGA}"
    assert "Teamsters Local 399 agreement (the Black Book), which is not loaded" in (
        lines[names["Teamsters Local 399"]].not_costed
    )
    assert (
        "IBEW Local 40 agreement, which is not loaded" in lines[names["IBEW Local 40"]].not_costed
    )
    # Not a cent of theirs in the day's labour: no overtime, no California meal premium.
    assert not [v for v in document.violations if v.name in names.values()]
    reasons = dict(document.not_costed)
    assert names["DGA"] in reasons[f"Not costed: {DGA}"]
    assert document.labour.not_covered >= 3


def test_the_reason_shows_on_the_page_and_pdf_with_and_without_money(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    name = _worked(report, "DGA")
    for role in ("coordinator", "producer"):  # the coordinator does not see rates
        page = client_for(role).get(reverse("report_detail", args=["DEMO", report.pk]))
        text = page.content.decode()
        assert f"Not costed: {DGA}" in text and name in text
        assert "runs Nov 9, 2023 to Jun 30, 2026" in text  # the demo's performers
        pdf = client_for(role).get(reverse("report_pdf", args=["DEMO", report.pk]))
        printed = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
        assert squeezed(DGA) in squeezed(printed)
        assert squeezed("is outside it: load the agreement in force") in squeezed(printed)
