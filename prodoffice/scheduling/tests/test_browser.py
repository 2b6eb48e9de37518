"""The stripboard in a real browser: a coordinator and a PA on the demo's two schedules.

The `page` and `demo` fixtures are the office's own (prodoffice/core/tests/test_browser.py):
Debian's Chromium through Playwright, and the demo production with its "First pass" (a draft
in script order that breaks the demo's rules) and "Optimised" (published and current).
Tasks run in the test thread, so an optimizer run is over when its POST answers.
"""

# The imported fixtures `page` and `demo` are taken again as test and helper arguments (F811).
# ruff: noqa: F811
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import ConsoleMessage, Dialog, Locator, Page, Response, expect
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from prodoffice.core.tests.browser import log_in, side_nav
from prodoffice.core.tests.test_browser import demo, page  # noqa: F401  (fixtures)
from prodoffice.demo.services import DEMO_PASSWORD
from prodoffice.productions.models import Production

pytestmark = pytest.mark.browser

# What the board says when a strip is on a day its actor, its location or its deadline
# forbids (prodoffice/scheduling/checks.py); turnaround warnings are estimates, not these.
AVAILABILITY_AND_DEADLINES = re.compile(
    r"is not available on|cannot be had on|must be shot by|must be shot on the same day"
)
OPTIMIZER_MS = 30_000  # a five-second run, then the comparison, on a slow CI runner


@pytest.fixture(autouse=True)
def quiet_console(page: Page) -> Iterator[None]:
    """No page of the story logs a console error or answers a server error."""
    console_errors: list[str] = []
    server_errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            console_errors.append(message.text)

    def on_response(response: Response) -> None:
        if response.status >= 500:
            server_errors.append(f"{response.status} {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    yield
    assert server_errors == []
    assert console_errors == []


def open_schedule(page: Page, base_url: str, name: str, username: str = "coordinator") -> None:
    """Log in and reach a stripboard the way the side nav leads there."""
    log_in(page, base_url, username, DEMO_PASSWORD)
    page.get_by_role("link", name="Salt Flats").click()
    side_nav(page).get_by_role("link", name="Schedule").click()
    expect(page.get_by_role("heading", name="Schedules")).to_be_visible()
    page.locator("main table").get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()


def board_version(page: Page) -> int:
    summary = page.locator("#board > p.muted").inner_text()
    found = re.search(r"version (\d+)", summary)
    assert found, summary
    return int(found.group(1))


def broken_count(page: Page) -> int:
    heading = page.locator("#warnings h2").inner_text()
    found = re.fullmatch(r"(\d+) broken rules?", heading)
    assert found, heading
    return int(found.group(1))


def shoot_day(page: Page, number: int) -> Locator:
    header = page.locator("h2.day-break", has_text=re.compile(rf"^Day {number}\s"))
    return page.locator("section.board-day[data-day]").filter(has=header)


def strip(scope: Page | Locator, number: str) -> Locator:
    """The strip of a scene, on the whole board or within one day."""
    page = scope if isinstance(scope, Page) else scope.page
    number_cell = page.locator(".num", has_text=re.compile(rf"^{re.escape(number)}$"))
    return scope.locator("li.strip").filter(has=number_cell)


def drag_far(source: Locator, target: Locator) -> None:
    """Drag a strip to a part of the board out of sight, e.g. the boneyard below 30 days.

    Playwright's mouse drag (`drag_to`) cannot scroll the page in mid-drag, so the events
    Chromium would send are sent here, with one DataTransfer as a real drag carries.
    """
    data = source.page.evaluate_handle("() => new DataTransfer()")
    source.dispatch_event("dragstart", {"dataTransfer": data})
    target.dispatch_event("dragover", {"dataTransfer": data})
    target.dispatch_event("drop", {"dataTransfer": data})
    source.dispatch_event("dragend", {"dataTransfer": data})


def open_board_tools(page: Page) -> None:
    tools = page.locator("details.board-tools")
    if tools.get_attribute("open") is None:
        tools.get_by_text("Days and banners").click()


def date_of(section: Locator, year: int) -> date:
    """The date a day header shows, e.g. "Thu Jan 21"."""
    shown = section.locator("h2.day-break > .muted").inner_text()
    return datetime.strptime(f"{shown} {year}", "%a %b %d %Y").date()  # noqa: DTZ007


def test_a_coordinator_drags_a_strip_that_breaks_a_rule_into_the_boneyard(
    demo: Production, page: Page, live_server: LiveServer
) -> None:
    open_schedule(page, live_server.url, "First pass")
    warnings = page.locator("#warnings")
    before = broken_count(page)
    expect(warnings).to_contain_text("OLD MAN HALLORAN is not available")
    expect(warnings).to_contain_text("must be shot by")
    assert board_version(page) == 1
    page.evaluate("window.__marker = 1")

    # The actor is on stage in Reno that week, and one of his scenes is on it.
    away = page.locator("li.strip.broken[title*='OLD MAN HALLORAN is not available']").first
    expect(away.locator(".warn")).to_have_text("⚠ 1")
    number = away.locator(".num").inner_text()
    message = away.get_attribute("title")
    assert message and f"scene {number}." in message
    day = page.locator("section.board-day[data-day]").filter(has=strip(page, number))
    expect(day.locator("ul.day-warnings li", has_text=message)).to_have_count(1)
    day_label = day.locator("h2.day-break").inner_text().split("\n")[0]

    # A slip of the hand onto the holiday's bar moves nothing: scenes are not shot on one.
    first_day = shoot_day(page, 1)
    held = first_day.locator("li.strip").first
    held_number = held.locator(".num").inner_text()
    held.drag_to(page.locator("section.board-day.off", has_text="Holiday").first)

    drag_far(away, page.locator("section.boneyard"))
    boneyard = page.locator("section.boneyard")
    expect(strip(boneyard, number)).to_have_count(1)
    expect(boneyard.locator("li.strip")).to_have_count(1)
    expect(warnings.locator("li", has_text=message)).to_have_count(0)
    expect(warnings.locator("h2")).to_have_text(f"{before - 1} broken rules")
    expect(strip(boneyard, number)).not_to_have_class(re.compile(r"\bbroken\b"))
    expect(page.locator("#board > p.muted")).to_contain_text("version 2")
    expect(strip(first_day, held_number)).to_have_count(1)
    expect(page.locator("#board")).not_to_contain_text(message)
    assert page.evaluate("window.__marker") == 1, "htmx swapped the board, no page load"

    page.reload()
    expect(strip(page.locator("section.boneyard"), number)).to_have_count(1)
    expect(page.locator("#warnings h2")).to_have_text(f"{before - 1} broken rules")
    assert board_version(page) == 2
    day_after = page.locator("section.board-day[data-day]").filter(
        has=page.locator("h2.day-break", has_text=re.compile(rf"^{day_label}\s"))
    )
    expect(strip(day_after, number)).to_have_count(0)
    expect(strip(shoot_day(page, 1), held_number)).to_have_count(1)


def test_a_coordinator_adds_a_day_off_and_a_banner_then_removes_the_day(
    demo: Production, page: Page, live_server: LiveServer
) -> None:
    open_schedule(page, live_server.url, "First pass")
    year = demo.schedules.get(name="First pass").start_date.year
    day_three_was = date_of(shoot_day(page, 3), year)
    page.evaluate("window.__marker = 1")

    open_board_tools(page)
    add_day = page.locator("form", has=page.get_by_role("button", name="Add day"))
    add_day.locator("select[name=kind]").select_option(label="Day off")
    after = add_day.locator("select[name=after]")
    after.select_option(after.locator("option", has_text="Day 2 ·").get_attribute("value"))
    add_day.get_by_role("button", name="Add day").click()

    off_header = page.locator("h2.day-break", has_text=re.compile(r"^Off\s"))
    day_off = page.locator("section.board-day.off").filter(has=off_header)
    expect(day_off).to_have_count(1)
    expect(page.locator("#board ul.messages")).to_have_text(
        f"Added a day off on {day_three_was:%a %b %-d}."
    )
    assert date_of(day_off, year) == day_three_was
    assert date_of(shoot_day(page, 3), year) == day_three_was + timedelta(days=1)
    # The day off sits between Day 2 and Day 3 on the board.
    headers = page.locator("section.board-day h2.day-break").all_inner_texts()
    names = [header.split("\n")[0].strip() for header in headers]
    assert names[names.index("Day 2") + 1 : names.index("Day 3")] == ["Off"]

    open_board_tools(page)  # the swapped board comes with the panel folded again
    add_banner = page.locator("form", has=page.get_by_role("button", name="Add banner"))
    on = add_banner.locator("select[name=day]")
    on.select_option(on.locator("option", has_text="Day 3 ·").get_attribute("value"))
    add_banner.get_by_label("Text").fill("Company move to the salt flats")
    add_banner.get_by_role("button", name="Add banner").click()
    banner = shoot_day(page, 3).locator("p.banner", has_text="Company move to the salt flats")
    expect(banner).to_have_count(1)
    expect(shoot_day(page, 2).locator("p.banner")).to_have_count(0)

    asked: list[str] = []

    def answer(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.once("dialog", answer)
    day_off.get_by_role("button", name=re.compile(r"^Remove ")).click()
    expect(day_off).to_have_count(0)
    assert len(asked) == 1 and asked[0].startswith("Remove ")
    assert "Its scenes go to the boneyard." in asked[0]
    assert date_of(shoot_day(page, 3), year) == day_three_was
    expect(shoot_day(page, 3).locator("p.banner")).to_have_text(
        re.compile("Company move to the salt flats")
    )
    assert page.evaluate("window.__marker") == 1, "htmx swapped the board, no page load"


def test_a_coordinator_optimises_the_first_pass_and_makes_it_current(
    demo: Production, page: Page, live_server: LiveServer
) -> None:
    open_schedule(page, live_server.url, "First pass")
    assert broken_count(page) > 0
    page.get_by_label("Seconds the optimizer may take").fill("5")
    page.get_by_role("button", name="Optimise").click()

    expect(page.get_by_role("heading", name="Optimise the schedule")).to_be_visible(
        timeout=OPTIMIZER_MS
    )
    run = page.locator("#run")
    expect(run.locator(".run-status")).to_contain_text("of 5 s")
    compare = run.locator("table.compare")
    assert [h.strip() for h in compare.locator("thead th").all_inner_texts()][1:3] == [
        "Now",
        "Proposed",
    ]
    payroll = compare.locator("tbody tr", has_text="Cast days on payroll").locator("td")
    expect(payroll).to_have_count(4)
    broken = compare.locator("tbody tr", has_text="Broken rules").locator("td")
    assert int(broken.nth(1).inner_text()) > 0, "the first pass breaks the demo's rules"
    expect(broken.nth(2)).to_have_text("0")
    expect(run.get_by_text("The proposal still breaks")).to_have_count(0)
    expect(run.locator(".table.compare")).not_to_contain_text(
        "Cast cost"
    )  # rates: producer, accountant
    proposed_days = run.locator("section.board-day")
    assert proposed_days.count() > 0

    run.get_by_label("make it the current schedule").check()
    run.get_by_role("button", name="Accept as a new version").click()
    expect(page.get_by_role("heading", name="First pass (optimised)", level=1)).to_be_visible()
    saved = page.get_by_text("Saved as a new version: First pass (optimised).", exact=True)
    expect(saved).to_have_count(1)  # once, not again above the board
    expect(page.locator("#board > p.muted")).to_contain_text(", current")
    warnings = page.locator("#warnings")
    assert not AVAILABILITY_AND_DEADLINES.search(warnings.inner_text()), warnings.inner_text()
    expect(page.locator("li.strip[title*='not available']")).to_have_count(0)
    expect(page.locator("li.strip[title*='must be shot by']")).to_have_count(0)

    # The schedule list agrees: the new version is the only current one.
    side_nav(page).get_by_role("link", name="Schedule").click()
    current = page.locator("main table tbody tr", has=page.locator(".badge", has_text="current"))
    expect(current).to_have_count(1)
    expect(current.locator("td").first).to_contain_text("First pass (optimised)")


def scene_numbers_in(pdf: PdfReader) -> list[str]:
    """Scene numbers of a one-liner PDF, in print order: each strip's line starts with one."""
    numbers = []
    for pdf_page in pdf.pages:
        for line in pdf_page.extract_text().splitlines():
            found = re.match(r"^([0-9]+[A-Z]*) (?:INT|EXT|I/E|INT/EXT|EXT/INT) ", line)
            if found:
                numbers.append(found.group(1))
    return numbers


def test_a_coordinator_prints_the_one_liner_and_the_day_out_of_days(
    demo: Production, page: Page, live_server: LiveServer
) -> None:
    open_schedule(page, live_server.url, "Optimised")
    page.get_by_role("link", name="One-liner").click()
    expect(page.get_by_role("heading", name="One-line schedule")).to_be_visible()
    one_liner = page.locator("table.one-liner")
    expect(one_liner.locator("tr.day-head").first).to_contain_text("Day 1 — ")
    shown = one_liner.locator("tr.strip td.num b").all_inner_texts()
    assert len(shown) > 30

    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF", exact=True).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    pdf = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    text = "\n".join(pdf_page.extract_text() for pdf_page in pdf.pages)
    assert "ONE-LINE SCHEDULE" in text
    assert "Day 1 — " in text
    assert scene_numbers_in(pdf) == shown

    page.get_by_role("link", name="Day Out of Days").click()
    expect(page.get_by_role("heading", name="Day Out of Days")).to_be_visible()
    lead = page.locator("table.dood tbody tr").first
    name = lead.locator("th").inner_text()
    assert re.fullmatch(r"1\. [A-Z' ]+", name), name
    codes = [code for code in lead.locator("td.code").all_inner_texts() if code.strip()]
    assert codes[0] in {"SW", "SWF"} and codes[-1] in {"WF", "SWF"}, codes
    expect(page.locator("table.dood td.code", has_text=re.compile(r"^SW$")).first).to_be_visible()
    expect(page.locator("table.dood td.code", has_text=re.compile(r"^WF$")).first).to_be_visible()
    lead_work = int(lead.locator("td.num").first.inner_text())
    lead_total = int(lead.locator("td.num b").inner_text())
    assert 1 < lead_work <= lead_total

    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF", exact=True).click()
    dood_pdf = PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    dood_text = " ".join(" ".join(p.extract_text() for p in dood_pdf.pages).split())
    assert "DAY OUT OF DAYS" in dood_text
    # The lead's line: name, codes from SW on, then Work, five more totals and Total.
    printed = rf"{re.escape(name)} {codes[0]} [A-Za-z ]*?{lead_work} (\d+ ){{6}}{lead_total} "
    assert re.search(printed, dood_text), dood_text[:800]

    with page.expect_download() as download_info:
        page.get_by_role("link", name="XLSX").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    assert sheet is not None
    header = [cell.value for cell in sheet[4]]
    line = next(row for row in sheet.iter_rows(values_only=True) if row[0] == name)
    assert line[header.index("Work")] == lead_work
    assert line[header.index("Total")] == lead_total
    assert [code for code in line[1 : header.index("Work")] if code] == codes


def test_a_pa_reads_the_schedules_but_cannot_change_them(
    demo: Production, page: Page, live_server: LiveServer
) -> None:
    open_schedule(page, live_server.url, "Optimised", username="pa")
    strips = page.locator("#board li.strip")
    assert strips.count() > 30
    expect(page.locator("#board li.strip[draggable=true]")).to_have_count(0)
    expect(page.locator("#board form")).to_have_count(0)  # no move, add, remove or banner forms
    expect(page.get_by_text("Days and banners")).to_have_count(0)
    expect(page.get_by_role("button", name="Optimise")).to_have_count(0)
    expect(page.get_by_role("link", name="Rules and availability")).to_have_count(0)
    expect(page.locator("script[src*='stripboard.js']")).to_have_count(0)
    expect(page.locator("#warnings")).to_contain_text("No broken rules")

    # Every report a PA can reach from the board opens; the downloads come too.
    for link, heading in [
        ("One-liner", "One-line schedule"),
        ("Shooting schedule", "Shooting schedule"),
        ("Day Out of Days", "Day Out of Days"),
    ]:
        page.get_by_role("link", name=link, exact=True).first.click()
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    switch = page.get_by_role("navigation", name="Day Out of Days of")
    for of in ["Locations", "Sets", "Vehicles", "Animals"]:
        switch.get_by_role("link", name=of).click()
        expect(page.get_by_role("heading", name=f"Day Out of Days: {of}")).to_be_visible()
        with page.expect_download() as download_info:
            switch.get_by_role("link", name="XLSX").click()
        assert download_info.value.suggested_filename.endswith(".xlsx")

    # The draft's broken rules are news to the PA too, as a list to read.
    side_nav(page).get_by_role("link", name="Schedule").click()
    page.locator("main table").get_by_role("link", name="First pass", exact=True).click()
    expect(page.locator("#warnings")).to_contain_text("OLD MAN HALLORAN is not available")
    expect(page.locator("#board li.strip.broken").first).to_be_visible()
    expect(page.locator("#board form")).to_have_count(0)
    page.goto(page.url + "rules/")
    expect(page.get_by_role("heading", name="Rules and availability")).to_be_visible()
    expect(page.locator("main")).to_contain_text("OLD MAN HALLORAN")
    expect(page.locator("main form")).to_have_count(0)
