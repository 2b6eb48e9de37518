"""Day 1's production report in a real browser, from the call sheet to the progress chart.

The issue's "done means": in the demo, after day 1 a coordinator fills the DPR from the call
sheet, sees the meal penalty and the overtime computed and explained, publishes it, and sees
the progress chart move. The fixtures are the call sheets' story's (Debian's Chromium, the
demo production, mail as .eml files in a folder, no console or server error allowed).
"""

# The imported fixtures are taken again as test and helper arguments (F811).
# ruff: noqa: F811
from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from prodoffice.callsheets.tests.test_browser import (  # noqa: F401  (fixtures)
    mails,
    outbox,
    problems,
    watch,
)
from prodoffice.core.tests.browser import DESKTOP, TIMEOUT_MS, log_in, side_nav
from prodoffice.core.tests.test_browser import demo, page  # noqa: F401  (fixtures)
from prodoffice.demo.services import DEMO_PASSWORD
from prodoffice.productions.access import access_production
from prodoffice.productions.models import Membership, Production
from prodoffice.reports.publishing import RECIPIENTS
from prodoffice.scheduling.models import Schedule, Strip
from prodoffice.scheduling.services import move_strip

pytestmark = pytest.mark.browser

User = get_user_model()
CREW_MEMBER = "Eli Sorensen"  # the demo's dolly grip, called on Day 1
LONG_DAY = "Frank Moreno"  # the demo's key grip, IATSE Local 80
# A grip's long day: the first meal 6 h 45 min after the call (45 minutes late under the IATSE
# six hours and past its 12-minute grace: two half hours), no second meal by the out 6 h 15 min
# after the first (15 minutes, past the grace: one half hour), and 13 hours worked, well into
# overtime. (The demo's performers shoot after the SAG-AFTRA agreement loaded has ended: they
# are shown as not costed, with the reason.)
CALL, MEAL_START, MEAL_END, OUT = time(7), time(13, 45), time(14, 15), time(20, 30)


def table_after(page: Page, heading: str) -> Locator:
    """The table of the report's section with this heading (Scenes, Cast, Crew)."""
    section = page.get_by_role("heading", name=heading, exact=True)
    return section.locator("xpath=following-sibling::div[contains(@class, 'table-wrap')][1]")


def row_of(table: Locator, name: str) -> Locator:
    return table.locator("tbody tr").filter(has=table.page.get_by_role("cell", name=name))


def day_row(page: Page, number: int) -> Locator:
    """A shoot day's row on the call sheets' or the reports' list."""
    day = page.get_by_role("cell", name=re.compile(rf"^Day {number} of \d+$"))
    return page.locator("main table tbody tr").filter(has=day)


def cell(row: Locator, column: int) -> str:
    return row.locator("td").nth(column).inner_text().strip()


def column(table: Locator, heading: str) -> int:
    headings = [text.strip() for text in table.locator("thead th").all_inner_texts()]
    return headings.index(heading)


def at(on: date, moment: time) -> str:
    """As a datetime-local field takes it."""
    return datetime.combine(on, moment).strftime("%Y-%m-%dT%H:%M")


def dollars(shown: str) -> Decimal:
    return Decimal(shown.replace("$", "").replace(",", ""))


def enter_times(
    page: Page, table: Locator, name: str, on: date, times: dict[str, time], status: str
) -> None:
    """Open a person's times from their row, fill them in as a coordinator does, save."""
    row_of(table, name).get_by_role("link", name="Edit").click()
    expect(
        page.get_by_role("heading", name=re.compile(rf"^{re.escape(name)} — Day 1$"))
    ).to_be_visible()
    page.get_by_label("Status").fill(status)
    for label, moment in times.items():
        page.get_by_label(label, exact=True).fill(at(on, moment))
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main .messages")).to_contain_text(f"Saved the times of {name}.")


def give_day_1_a_performer(production: Production) -> None:
    """The demo's schedule comes from a short optimizer run and varies: if its Day 1 has no
    performer called, move a scene with one onto it, as a coordinator would on the board."""
    schedule = Schedule.objects.get(production=production, is_current=True)
    day_1 = schedule.days.get(kind="shoot", number=1)
    with_cast = Strip.objects.filter(
        schedule=schedule,
        scene__tags__state="accepted",
        scene__tags__element__cast__isnull=False,
    ).distinct()
    if with_cast.filter(day=day_1).exists():
        return
    strip = with_cast.first()
    assert strip is not None
    coordinator = access_production(User.objects.get(username="coordinator"), production.code)
    move_strip(access=coordinator, strip=strip, day=day_1, position=0, version=schedule.version)


def solid_line(page: Page) -> list[tuple[float, float]]:
    """The points of the chart's solid line (pages shot to date), from day 0 on."""
    solid = page.locator("main figure svg polyline:not([stroke-dasharray])")
    expect(solid).to_have_count(1)
    points = (solid.get_attribute("points") or "").split()
    return [(float(x), float(y)) for x, y in (point.split(",") for point in points)]


def test_a_coordinator_fills_day_1s_report_from_its_call_sheet_publishes_it_and_progress_moves(
    demo: Production,
    page: Page,
    live_server: LiveServer,
    outbox: Path,
    problems: list[str],
    output_dir: Path,
) -> None:
    recipients = Membership.objects.filter(
        production=demo, role__in=[str(role) for role in RECIPIENTS]
    ).count()
    give_day_1_a_performer(demo)
    watch(page, problems)
    log_in(page, live_server.url, "coordinator", DEMO_PASSWORD)
    page.get_by_role("link", name="Salt Flats").click()

    # Before any report: nothing shot, the solid line is only its starting point.
    page.goto(f"{live_server.url}/p/{demo.code}/progress/")
    days_shot = page.locator(".stat", has_text="Days shot").locator("strong")
    expect(days_shot).to_have_text(re.compile(r"^0 of \d+$"))
    assert len(solid_line(page)) == 1

    # Day 1's call sheet, made from the schedule.
    side_nav(page).get_by_role("link", name="Call sheets").click()
    day_1 = day_row(page, 1)
    shown = cell(day_1, 1)
    on = datetime.strptime(shown, "%a %b %d, %Y").date()  # noqa: DTZ007
    day_1.get_by_role("button", name="Make call sheet").click()
    expect(page.locator("main .messages")).to_contain_text("Made the call sheet for Day 1")

    # The DPR, started from it: the scenes as scheduled, everyone in at their call.
    side_nav(page).get_by_role("link", name="Production reports").click()
    expect(page.get_by_role("heading", name="Production reports")).to_be_visible()
    day_1 = day_row(page, 1)
    expect(day_1.locator("td").nth(3)).to_have_text("Not started")
    day_1.get_by_role("button", name="Start DPR").click()
    expect(
        page.get_by_role("heading", name=re.compile(r"^Daily production report — Day 1 of"))
    ).to_be_visible()
    expect(page.locator("main .messages")).to_contain_text(
        "Started the production report of Day 1 from its call sheet."
    )
    expect(page.get_by_role("status")).to_contain_text("missing times, flagged below")
    crew = table_after(page, "Crew")
    expect(row_of(crew, CREW_MEMBER).locator(".badge.warn")).to_have_text("Missing: out")

    # Every scene shot complete.
    scenes = table_after(page, "Scenes").locator("tbody tr")
    count = scenes.count()
    assert count > 0 and "No scenes" not in scenes.first.inner_text()
    for index in range(count):
        scene = scenes.nth(index)
        number = cell(scene, 0)
        scene.get_by_label("Result").select_option(label="Complete")
        scene.get_by_role("button", name="Save").click()
        expect(page.locator("main .messages")).to_contain_text(f"Saved scene {number}.")
    for index in range(count):
        assert cell(scenes.nth(index), 3) == "Complete"
        assert cell(scenes.nth(index), 4) == cell(scenes.nth(index), 2), "all its pages shot"

    # A grip's long day, with a late first meal.
    enter_times(
        page,
        crew,
        LONG_DAY,
        on,
        {"In": CALL, "1st meal start": MEAL_START, "1st meal end": MEAL_END, "Out": OUT},
        status="W",
    )
    row = row_of(crew, LONG_DAY)
    assert [cell(row, column(crew, name)) for name in ("In", "1st meal", "Out")] == [
        f"{CALL:%H:%M}",
        f"{MEAL_START:%H:%M}\N{EN DASH}{MEAL_END:%H:%M}",
        f"{OUT:%H:%M}",
    ]
    hours = row.locator("td").nth(column(crew, "Hours"))
    expect(hours).to_contain_text("13.0")  # hours worked, and the overtime bands explained:
    expect(hours).to_contain_text(re.compile(r"overtime: .* at 1\.5x from 8 h; .* at 2x from"))
    # Explained under Violations; what each costs is for those who see rates, so the
    # coordinator reads the reasons and the row counts them.
    violations = (
        page.get_by_role("heading", name=re.compile(r"^Violations"))
        .locator("xpath=following-sibling::ul[1]/li")
        .filter(has_text=LONG_DAY)
    )
    expect(violations).to_have_count(2)  # the first meal late, and no second meal by the wrap
    first, second = violations.all_inner_texts()
    assert "First meal 6 h 45 min after the 07:00 call: 2 half hours late" in first, first
    assert "No second meal by the 20:30 wrap" in second and "1 half hour late" in second, second
    assert all("(IATSE 2024, meal period)" in text for text in (first, second))
    assert "$" not in first + second
    expect(row.locator("td").nth(column(crew, "Violations"))).to_have_text("2")

    # A crew member's ordinary day: no flag left on their row.
    enter_times(
        page,
        crew,
        CREW_MEMBER,
        on,
        {"In": time(7), "1st meal start": time(12, 30), "1st meal end": time(13), "Out": time(19)},
        status="W",
    )
    grip = row_of(crew, CREW_MEMBER)
    expect(grip.locator("td").nth(column(crew, "Hours"))).to_contain_text("11.5")
    expect(grip.locator(".badge.warn")).to_have_count(0)
    expect(grip).not_to_have_class(re.compile(r"\bflagged\b"))

    # The rest of the crew had the company's lunch and wrapped together: given at once.
    page.locator("details summary", has_text="Times most of the company shares").click()
    shared = page.locator("form").filter(has=page.get_by_role("button", name="Give these times"))
    shared.get_by_label("Give to").select_option(label="Crew")
    shared.get_by_label("1st meal start").fill(at(on, time(12, 30)))
    shared.get_by_label("1st meal end").fill(at(on, time(13)))
    shared.get_by_label("Out").fill(at(on, time(19, 30)))
    shared.get_by_role("button", name="Give these times").click()
    expect(page.locator("main .messages")).to_contain_text("times already entered were kept")
    crew = table_after(page, "Crew")
    expect(crew.locator(".badge.warn")).to_have_count(0)  # no one on the crew is missing a time
    grip = row_of(crew, CREW_MEMBER)
    expect(grip.locator("td").nth(column(crew, "Out"))).to_have_text("19:00")  # theirs is kept
    page.screenshot(path=output_dir / "dpr-day-1.png", full_page=True)

    # The producer, who sees pay, reads the same report: the grip's overtime is costed.
    check_the_overtime_as_the_producer(page, problems, page.url, LONG_DAY)

    # Published: the PDF e-mailed to each producer and department head.
    page.get_by_role("button", name="Publish and send").click()
    expect(page.locator("main .messages")).to_have_text(
        re.compile(
            rf"^Published: sent to {recipients} producers? and department heads by e-mail\.$"
        )
    )
    expect(page.get_by_role("button", name="Publish and send")).to_have_count(0)
    page.locator("details summary", has_text="Sent to").click()
    expect(page.locator("details table tbody tr").filter(has_text="Sent")).to_have_count(recipients)
    sent = mails(outbox)
    assert len(sent) == recipients >= 2
    assert len({str(message["To"]) for message in sent}) == recipients, "one e-mail each"
    for message in sent:
        assert_is_the_dpr(message, on)

    # Progress: one day shot, and the solid line has left its starting point.
    side_nav(page).get_by_role("link", name="Production reports").click()
    page.get_by_role("link", name="Progress").click()
    expect(page.get_by_role("heading", name="Progress")).to_be_visible()
    expect(days_shot).to_have_text(re.compile(r"^1 of \d+$"))
    start, day_1_shot = solid_line(page)
    assert day_1_shot[0] > start[0] and day_1_shot[1] < start[1], "up: Day 1's pages shot"
    page.screenshot(path=output_dir / "progress-after-day-1.png", full_page=True)


def check_the_overtime_as_the_producer(
    office: Page, problems: list[str], url: str, person: str
) -> None:
    browser = office.context.browser
    assert browser is not None
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    watch(page, problems)
    base = re.match(r"https?://[^/]+", url)
    assert base
    log_in(page, base.group(0), "producer", DEMO_PASSWORD)
    page.goto(url)
    overtime_column = column(table_after(page, "Crew"), "Overtime")
    row = row_of(table_after(page, "Crew"), person)
    assert dollars(cell(row, overtime_column)) > 0
    overtime = (
        page.locator("main table tbody tr")
        .filter(has=page.locator("th", has_text=re.compile(r"^Overtime$")))
        .locator("td")
    )
    assert dollars(overtime.inner_text()) >= dollars(cell(row, overtime_column))
    context.close()


def assert_is_the_dpr(message: EmailMessage, on: date) -> None:
    assert "Daily production report" in str(message["Subject"])
    assert f"Day 1, {on:%a %b %-d}" in str(message["Subject"])
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "dpr-day-1.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert bytes(attachment.get_content()).startswith(b"%PDF")
