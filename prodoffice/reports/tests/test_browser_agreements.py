"""The coordinator reads Day 1's DPR: the 1st AC in ICG Local 600 under the IATSE rules, the
DGA 1st AD not costed with the reason, in a real browser (Debian's Chromium)."""

# The imported fixtures are taken again as test and helper arguments (F811).
# ruff: noqa: F811
from __future__ import annotations

from datetime import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from prodoffice.callsheets.services import generate_call_sheet
from prodoffice.core.tests.browser import log_in
from prodoffice.core.tests.test_browser import demo, page  # noqa: F401  (fixtures)
from prodoffice.demo.services import DEMO_PASSWORD
from prodoffice.productions.access import access_production
from prodoffice.productions.models import Production
from prodoffice.reports.services import start_report
from prodoffice.reports.tests.test_browser import (
    cell,
    column,
    enter_times,
    give_day_1_a_performer,
    row_of,
    table_after,
)
from prodoffice.scheduling.models import Schedule

pytestmark = pytest.mark.browser

FIRST_AC = "Lena Novak"  # ICG Local 600, $650 a day
FIRST_AD = "Marcus Bell"  # DGA, weekly


def test_the_coordinator_sees_the_1st_ac_under_iatse_and_why_the_1st_ad_is_not_costed(
    demo: Production, page: Page, live_server: LiveServer
) -> None:
    give_day_1_a_performer(demo)
    office = access_production(get_user_model().objects.get(username="coordinator"), demo.code)
    day_1 = Schedule.objects.get(production=demo, is_current=True).days.get(kind="shoot", number=1)
    report = start_report(access=office, call_sheet=generate_call_sheet(access=office, day=day_1))
    log_in(page, live_server.url, "coordinator", DEMO_PASSWORD)
    page.goto(live_server.url + reverse("report_detail", args=[demo.code, report.pk]))
    crew = table_after(page, "Crew")
    times = {"In": time(7), "1st meal start": time(13, 40), "1st meal end": time(14, 10)}
    times["Out"] = time(18)
    for name in (FIRST_AC, FIRST_AD):
        enter_times(page, crew, name, day_1.date, times, status="W")

    # The 1st AC: 10.5 hours, overtime from 8 h, one late meal counted (its cost is for those
    # who see rates), told under the IATSE rules, not California's hour of pay.
    ac = row_of(crew, FIRST_AC)
    expect(ac.locator("td").nth(column(crew, "Hours"))).to_contain_text("10.5")
    expect(ac.locator("td").nth(column(crew, "Violations"))).to_have_text("1")
    expect(ac.locator(".not-costed")).to_have_count(0)
    violations = page.get_by_role("heading", name="Violations").locator(
        "xpath=following-sibling::ul[1]/li"
    )
    expect(violations.filter(has_text=FIRST_AC)).to_contain_text("(IATSE 2024, meal period)")

    # The 1st AD: not costed, with the reason, on the row and under "Not costed".
    ad = row_of(crew, FIRST_AD)
    reason = "Not costed: DGA members work under the DGA Basic Agreement, which is not loaded"
    expect(ad.locator(".not-costed")).to_contain_text(reason)
    assert cell(ad, column(crew, "Violations")) == ""
    expect(violations.filter(has_text=FIRST_AD)).to_have_count(0)
    not_costed = page.get_by_role("heading", name="Not costed").locator(
        "xpath=following-sibling::ul[1]/li"
    )
    expect(not_costed.filter(has_text=reason)).to_contain_text(FIRST_AD)
