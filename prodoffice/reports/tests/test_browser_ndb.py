"""A non-deductible breakfast entered on the DPR takes away a false meal penalty.

IATSE (iatse728.org, "NDBs, Grace and Extensions", on the Hollywood Basic Agreement): with 30
uninterrupted minutes on the clock to eat it, lunch may start six hours after the NDB ends. On
a 05:00 pre-call and lunch at 13:00, the demo's key grip is two hours late for lunch, until the
office enters the 06:30-07:00 NDB he had. (The demo's performers shoot after the SAG-AFTRA
agreement loaded has ended and are not costed; SAG-AFTRA's NDB is held by the rules' tests.)
"""

# The imported fixtures are taken again as test and helper arguments (F811).
# ruff: noqa: F811
from __future__ import annotations

import re
from datetime import datetime, time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from prodoffice.callsheets.tests.test_browser import problems, watch  # noqa: F401  (fixtures)
from prodoffice.core.tests.browser import log_in, side_nav
from prodoffice.core.tests.test_browser import demo, page  # noqa: F401  (fixtures)
from prodoffice.demo.services import DEMO_PASSWORD
from prodoffice.productions.models import Production
from prodoffice.reports.tests.test_browser import (
    cell,
    column,
    day_row,
    enter_times,
    row_of,
    table_after,
)

pytestmark = pytest.mark.browser
GRIP = "Frank Moreno"  # the demo's key grip, IATSE Local 80, called on Day 1


def test_an_ndb_entered_for_a_grip_takes_away_the_false_meal_penalty(
    demo: Production,
    page: Page,
    live_server: LiveServer,
    problems: list[str],
    output_dir: Path,
) -> None:
    watch(page, problems)
    log_in(page, live_server.url, "coordinator", DEMO_PASSWORD)
    page.get_by_role("link", name="Salt Flats").click()
    side_nav(page).get_by_role("link", name="Call sheets").click()
    day_1 = day_row(page, 1)
    on = datetime.strptime(cell(day_1, 1), "%a %b %d, %Y").date()  # noqa: DTZ007
    day_1.get_by_role("button", name="Make call sheet").click()
    expect(page.locator("main .messages")).to_contain_text("Made the call sheet for Day 1")
    side_nav(page).get_by_role("link", name="Production reports").click()
    day_row(page, 1).get_by_role("button", name="Start DPR").click()
    crew = table_after(page, "Crew")

    # Lunch 8 hours after the pre-call: two hours late, as far as the report knows.
    day = {"In": time(5), "1st meal start": time(13), "1st meal end": time(13, 30)}
    enter_times(page, crew, GRIP, on, {**day, "Out": time(17, 30)}, status="W")
    violations = (
        page.get_by_role("heading", name=re.compile(r"^Violations"))
        .locator("xpath=following-sibling::ul[1]/li")
        .filter(has_text=GRIP)
    )
    expect(violations).to_have_count(1)
    expect(violations).to_contain_text("First meal 8 h after the 05:00 call: 4 half hours late")
    row = row_of(crew, GRIP)
    expect(row.locator("td").nth(column(crew, "Violations"))).to_have_text("1")

    # He had a 30-minute NDB at 06:30: entered, lunch was on time.
    enter_times(page, crew, GRIP, on, {"NDB start": time(6, 30), "NDB end": time(7)}, status="W")
    expect(violations).to_have_count(0)
    row = row_of(table_after(page, "Crew"), GRIP)
    expect(row.locator("td").nth(column(crew, "NDB"))).to_have_text("06:30\N{EN DASH}07:00")
    expect(row.locator("td").nth(column(crew, "Violations"))).to_have_text("")
    # Paid, not deducted: 12 hours worked (12 h 30 min less the half-hour lunch).
    expect(row.locator("td").nth(column(crew, "Hours"))).to_contain_text("12.0")
    page.screenshot(path=output_dir / "dpr-ndb.png", full_page=True)
