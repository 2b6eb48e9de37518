"""Tomorrow's call sheet in a real browser, from "Make call sheet" to a revision re-sent.

The `page` and `demo` fixtures are the office's own (prodoffice/core/tests/test_browser.py):
Debian's Chromium through Playwright, and the demo production with its current schedule.
Mail goes to the outbox folder (one .eml per message), as `make run` does without a mail
server; tasks run immediately, so the e-mails are written once a publish request commits.
"""

# The imported fixtures `page` and `demo` are taken again as test and helper arguments (F811).
# ruff: noqa: F811
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import ConsoleMessage, Locator, Page, Response, expect
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from prodoffice.core.tests.browser import DESKTOP, TIMEOUT_MS, log_in, side_nav
from prodoffice.core.tests.test_browser import DEMO_TODAY, demo, page  # noqa: F401  (fixtures)
from prodoffice.demo.services import DEMO_PASSWORD
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Strip

pytestmark = pytest.mark.browser

CREW_MEMBER = "Eli Sorensen"  # the demo's dolly grip
WEATHER = "Clear, high 58°F, wind SW 10 mph"


@pytest.fixture
def outbox(settings: Any, tmp_path: Path, live_server: LiveServer) -> Path:
    """Mail kept as files, with personal links that lead back to this live server."""
    settings.EMAIL_BACKEND = "prodoffice.core.mail.OutboxBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    settings.SITE_URL = live_server.url
    return tmp_path


@pytest.fixture
def problems() -> Iterator[list[str]]:
    """Console errors and server errors of every page watched; none may happen."""
    seen: list[str] = []
    yield seen
    assert seen == []


def watch(page: Page, problems: list[str]) -> None:
    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text}")

    def on_response(response: Response) -> None:
        if response.status >= 500:
            problems.append(f"{response.status} {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)


def mails_in(folder: Path) -> list[Path]:
    """The outbox's .eml files, oldest first: each name starts with the time it was written."""
    assert not list(folder.glob("*.part")), "a message was left half-written"
    return sorted(folder.glob("*.eml"))


def read_mail(path: Path) -> EmailMessage:
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def mails(folder: Path) -> list[EmailMessage]:
    return [read_mail(path) for path in mails_in(folder)]


def text_of(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def clock(shown: str) -> time:
    """A time as the sheet shows it, "6:45 AM"."""
    return datetime.strptime(shown.strip(), "%I:%M %p").time()  # noqa: DTZ007


def earlier(at: time, minutes: int) -> time:
    return (datetime.combine(DEMO_TODAY, at) - timedelta(minutes=minutes)).time()


def table_with(page: Page, heading: str) -> Locator:
    """The sheet's table that has a column of this heading."""
    column = page.get_by_role("columnheader", name=heading, exact=True)
    return page.locator("#sheet table").filter(has=column)


def row_of(page: Page, name: str) -> Locator:
    """A person's row on the sending page."""
    return page.locator("main table tbody tr").filter(
        has=page.get_by_role("cell").filter(has_text=re.compile(rf"^{re.escape(name)}\b"))
    )


def cell(row: Locator, column: int) -> str:
    return row.locator("td").nth(column).inner_text().strip()


def edit_pickup(page: Page, row_id: str, to: time) -> None:
    """Change one performer's pickup through the inline edit row, as the coordinator does."""
    page.locator(f"#{row_id}").get_by_role("link", name="Edit").click()
    editing = page.locator(f"tr#{row_id}.editing")
    expect(editing).to_be_visible()
    editing.get_by_label("Pickup", exact=True).fill(f"{to:%H:%M}")
    editing.get_by_role("button", name="Save").click()
    expect(page.locator(f"tr#{row_id}.editing")).to_have_count(0)


def publish(page: Page, version: int) -> None:
    page.get_by_role("link", name="Send", exact=True).click()
    expect(page.get_by_role("heading", name="Send the call sheet")).to_be_visible()
    page.get_by_role("button", name=f"Publish version {version}").click()
    expect(page.locator("main .messages")).to_contain_text(f" {version} published: ")


def confirm_from_the_email(
    office: Page, message: EmailMessage, problems: list[str], *, number: int, on: date
) -> None:
    """The crew member opens the link in their e-mail, in a browser of their own (no login),
    reads the PDF and confirms."""
    link = re.search(r"Please confirm you have it: (\S+)", text_of(message))
    assert link, text_of(message)
    browser = office.context.browser
    assert browser is not None
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    watch(page, problems)
    page.goto(link.group(1))
    expect(page.get_by_role("heading", name=CREW_MEMBER)).to_be_visible()
    sheets = page.locator("#call-sheets .personal-sheet")
    expect(sheets).to_have_count(1)
    expect(sheets).to_contain_text(f"Day {number}, {on:%A %B %-d}")

    # Fetched, not clicked: headless Chromium downloads an inline PDF instead of showing it.
    href = sheets.get_by_role("link", name="call sheet (PDF)").get_attribute("href")
    pdf = context.request.get(urljoin(page.url, href or ""))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    printed = PdfReader(io.BytesIO(pdf.body())).pages[0].extract_text()
    assert f"Day {number} of" in printed and WEATHER.split(",")[0] in printed

    page.get_by_role("button", name="I have my call sheet").click()
    expect(page.get_by_role("alert")).to_have_text(f"Thank you: day {number} confirmed.")
    expect(sheets.locator(".better")).to_contain_text("Confirmed")
    expect(page.get_by_role("button", name="I have my call sheet")).to_have_count(0)
    context.close()


def _days_with_cast(production: Production) -> set[date]:
    """Dates of the current schedule's shoot days on which a cast member works."""
    return set(
        Strip.objects.filter(
            schedule__production=production,
            schedule__is_current=True,
            day__isnull=False,
            scene__tags__state="accepted",
            scene__tags__element__cast__isnull=False,
        ).values_list("day__date", flat=True)
    )


def test_a_coordinator_sends_tomorrows_call_sheet_and_re_sends_only_what_changed(
    demo: Production,
    page: Page,
    live_server: LiveServer,
    outbox: Path,
    problems: list[str],
    output_dir: Path,
) -> None:
    watch(page, problems)
    log_in(page, live_server.url, "coordinator", DEMO_PASSWORD)
    page.get_by_role("link", name="Salt Flats").click()
    side_nav(page).get_by_role("link", name="Call sheets").click()
    expect(page.get_by_role("heading", name="Call sheets")).to_be_visible()

    # Tomorrow: the first shoot day of the current schedule from the demo's "today" on.
    days = page.locator("main table tbody tr")
    dates = [
        datetime.strptime(shown, "%a %b %d, %Y").date()  # noqa: DTZ007
        for shown in days.locator("td:nth-child(2)").all_inner_texts()
    ]
    # The demo's schedule comes from a short optimizer run and is not the same every time:
    # take the first such day that has a performer called, as a real tomorrow would.
    with_cast = _days_with_cast(demo)
    index, on = next(
        (i, shot) for i, shot in enumerate(dates) if shot >= DEMO_TODAY and shot in with_cast
    )
    tomorrow = days.nth(index)
    day_label = cell(tomorrow, 0)
    shown = re.fullmatch(r"Day (\d+) of \d+", day_label)
    assert shown, day_label
    number = int(shown.group(1))
    tomorrow.get_by_role("button", name="Make call sheet").click()

    expect(page.get_by_role("heading", name=f"Call sheet — {day_label}")).to_be_visible()
    expect(page.locator("main .messages")).to_contain_text(f"Made the call sheet for Day {number}")
    expect(page.locator(".page-head .muted")).to_have_text(f"{on:%A, %B %-d, %Y}")
    scenes = table_with(page, "Location").locator("tbody tr")
    assert scenes.count() > 0 and "No scenes" not in scenes.first.inner_text()
    crew = table_with(page, "Position")
    crew_call = page.locator(".stat", has_text="General crew call").locator("strong")
    expect(crew.locator("tr", has_text=CREW_MEMBER)).to_contain_text(crew_call.inner_text())

    # The performer whose pickup changes: the first cast member called with a pickup.
    cast_rows = table_with(page, "Character").locator("tbody tr[id^='call-']")
    performer = next(
        row for row in cast_rows.all() if cell(row, 4) and cell(row, 6) not in {"", "Hold"}
    )
    performer_id = performer.get_attribute("id") or ""
    performer_name = cell(performer, 2)
    performer_call = clock(cell(performer, 6))
    first_pickup = earlier(clock(cell(performer, 4)), 15)
    page.evaluate("window.__marker = 1")

    page.get_by_text("Edit calls, weather and notes").click()
    page.get_by_label("Weather").fill(WEATHER)
    page.locator("#sheet form", has=page.get_by_label("Weather")).get_by_role(
        "button", name="Save"
    ).click()
    expect(page.locator(".stat", has_text="Weather")).to_contain_text(WEATHER)
    expect(page.locator("#sheet .messages")).to_have_text("Saved.")

    edit_pickup(page, performer_id, first_pickup)
    row = page.locator(f"#{performer_id}")
    expect(row.locator("td").nth(4)).to_have_text(f"{first_pickup:%-I:%M %p}")
    expect(row.locator("td").nth(6)).to_have_text(f"{performer_call:%-I:%M %p}")
    expect(page.locator("#sheet .messages")).to_have_text(f"{performer_name}: Saved.")
    assert page.evaluate("window.__marker") == 1, "htmx swapped the sheet, no page load"
    page.screenshot(path=output_dir / "call-sheet.png", full_page=True)

    # Publishing sends everyone reachable their own e-mail, written to the outbox folder.
    publish(page, 1)
    counts = page.locator("main p .badge")
    sent_badge = counts.filter(has_text=re.compile(r"^Sent: \d+$"))
    expect(sent_badge).to_have_count(1)
    sent = int(sent_badge.inner_text().removeprefix("Sent: "))
    expect(page.locator("main .messages")).to_have_text(
        f"Version 1 published: {sent} e-mails to send."
    )
    statuses = page.locator("main table tbody tr td:nth-child(4) .badge")
    expect(statuses.filter(has_text=re.compile(r"^Sent$"))).to_have_count(sent)
    unreachable = statuses.filter(has_text="Not reachable by e-mail").count()
    expect(statuses).to_have_count(sent + unreachable)  # nobody left queued or failed
    first_issue = mails_in(outbox)
    assert len(first_issue) == sent > 30
    addresses = {str(message["To"]) for message in mails(outbox)}
    assert len(addresses) == sent, "one e-mail each"
    performer_email = cell(row_of(page, performer_name), 2)
    crew_email = cell(row_of(page, CREW_MEMBER), 2)
    assert {performer_email, crew_email} <= addresses

    page.get_by_role("link", name="Outbox").click()
    expect(page.get_by_role("heading", name="Outbox")).to_be_visible()
    listed = page.locator("main details")
    expect(listed).to_have_count(sent)
    theirs = listed.filter(has=page.locator("summary", has_text=f"to {performer_email}"))
    expect(theirs.locator("summary b")).to_have_text(
        f"Call sheet Salt Flats · Day {number}, {on:%a %b %-d} · your call {performer_call:%H:%M}"
    )
    theirs.locator("summary").click()
    expect(theirs.locator("pre.mail")).to_contain_text(f"pickup {first_pickup:%H:%M}")
    expect(theirs).to_contain_text(f"call-sheet-day-{number}-v1.pdf")
    page.go_back()
    expect(page.get_by_role("heading", name="Send the call sheet")).to_be_visible()

    to_crew = next(message for message in mails(outbox) if str(message["To"]) == crew_email)
    confirm_from_the_email(page, to_crew, problems, number=number, on=on)
    page.reload()  # back as the coordinator, on the sending page
    expect(row_of(page, CREW_MEMBER).locator("td").nth(4)).to_have_text("v1")
    expect(counts.filter(has_text="Confirmed")).to_have_text("Confirmed: 1")

    # A revision: the performer's pickup moves again; only the performer is sent version 2.
    page.get_by_role("link", name="Call sheet", exact=True).click()
    second_pickup = earlier(first_pickup, 15)
    edit_pickup(page, performer_id, second_pickup)
    expect(page.locator("#sheet .messages")).to_have_text(
        f"{performer_name}: Saved as version 2: revised, not yet sent to the people it calls."
    )
    expect(page.locator(".stat", has_text="Status")).to_contain_text("v2")
    publish(page, 2)
    expect(page.locator("main .messages")).to_have_text(
        "Revised version 2 published: 1 e-mail to send."
    )
    new = [path for path in mails_in(outbox) if path not in first_issue]
    assert len(new) == 1, new
    revised = read_mail(new[0])
    assert str(revised["To"]) == performer_email
    # Stripped: the encoded subject may fold onto its own line, leaving a leading space.
    assert (
        str(revised["Subject"]).strip().startswith(f"REVISED Call sheet Salt Flats · Day {number}")
    )
    assert f"pickup {second_pickup:%H:%M}" in text_of(revised)

    expect(page.get_by_role("heading", name="Version 2 (revised)")).to_be_visible()
    performer_row = row_of(page, performer_name)
    expect(performer_row.locator("td").nth(3).locator(".badge")).to_have_text("Sent")
    everyone = page.locator("main table tbody tr").count()
    unchanged = statuses.filter(has_text=re.compile(r"^Unchanged, not re-sent$"))
    expect(unchanged).to_have_count(everyone - 1)
    expect(counts.filter(has_text="Unchanged")).to_have_text(
        f"Unchanged, not re-sent: {everyone - 1}"
    )
    expect(row_of(page, CREW_MEMBER).locator("td").nth(4)).to_have_text("v1 (older)")
    page.screenshot(path=output_dir / "call-sheet-sent.png", full_page=True)
