"""A deal's guaranteed hours, set on the crew list, in a real browser: the DPR's cost follows.

The demo's DIT (non-union, California rules, $600 a day) works 10 hours on Day 1. Read as the
rules' own 8-hour day, that is $600 and 2 hours of overtime at 1.5 x $75: $825. Set as a
10-hour day rate, the $600 buys all 10 hours (8 + 2 x 1.5 = 11 paid hours, $54.55 an hour):
$600. Fixtures as in the DPR's browser story (Debian's Chromium, the demo production).
"""

# The imported fixtures are taken again as test arguments (F811).
# ruff: noqa: F811
from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from prodoffice.callsheets.tests.test_browser import problems, watch  # noqa: F401  (fixtures)
from prodoffice.core.tests.browser import log_in
from prodoffice.core.tests.test_browser import demo, page  # noqa: F401  (fixtures)
from prodoffice.demo.services import DEMO_PASSWORD
from prodoffice.productions.models import Production
from prodoffice.reports.models import TimeEntry
from prodoffice.reports.services import edit_times, start_report
from prodoffice.reports.tests.support import at, office_access, sheet_with_cast
from prodoffice.reports.tests.test_browser import cell, column, dollars, row_of, table_after
from prodoffice.reports.timecards import EntryTimes

pytestmark = pytest.mark.browser

DIT = "Yuki Tanaka"


def day_cost(page: Page) -> Decimal:
    crew = table_after(page, "Crew")
    row = row_of(crew, DIT)
    return sum(
        (dollars(cell(row, column(crew, name))) for name in ("Regular", "Overtime")), Decimal(0)
    )


def test_a_producer_sets_a_ten_hour_day_rate_and_the_dprs_cost_follows(
    demo: Production, page: Page, live_server: LiveServer, problems: list[str]
) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast(1))
    entry = TimeEntry.objects.select_related("engagement__contact", "report__production").get(
        report=report, engagement__contact__first_name="Yuki"
    )
    edit_times(
        access=office_access(),
        entry=entry,
        times=EntryTimes(
            call=at(report, 7),
            meal1_start=at(report, 12),
            meal1_end=at(report, 12, 30),
            wrap=at(report, 17, 30),
            status="W",
        ),
    )
    watch(page, problems)
    log_in(page, live_server.url, "producer", DEMO_PASSWORD)
    dpr = f"{live_server.url}/p/{demo.code}/reports/{report.pk}/"
    page.goto(dpr)
    assert day_cost(page) == Decimal("825.00")

    # The deal, as the producer edits it on the crew list: a 10-hour day.
    page.goto(f"{live_server.url}/p/{demo.code}/crew/{entry.engagement_id}/edit/")
    page.get_by_label("Guaranteed hours").fill("10")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main .messages")).to_contain_text(f"{DIT} saved.")
    expect(page.locator("main")).to_contain_text("per day, 10 hours guaranteed")

    page.goto(dpr)
    assert day_cost(page) == Decimal("600.00")
    expect(page.locator("main")).to_contain_text(
        "10-hour day rate: an hour at the day rate / 11 h, the guaranteed hours paid at their "
        "overtime multiples (California Labor Code)."
    )

    # A guarantee of no hours is refused beside its field, and nothing is saved.
    page.goto(f"{live_server.url}/p/{demo.code}/crew/{entry.engagement_id}/edit/")
    page.get_by_label("Guaranteed hours").fill("0")
    page.get_by_role("button", name="Save").click()
    field = page.locator(".field", has=page.locator("#id_guaranteed_hours"))
    expect(field.locator(".error")).to_contain_text("Guaranteed hours are more than 0")
    # The form comes back with a 400, which the browser logs: the one error expected here.
    assert all("status of 400 (Bad Request)" in problem for problem in problems), problems
    problems.clear()
    page.goto(dpr)
    assert day_cost(page) == Decimal("600.00")
