"""The Content-Security-Policy in a real browser: the office's pages break none of it.

Chromium reports each thing the policy blocks (an inline script, an on...="" handler, a
style="" attribute, htmx's own indicator style) as a `securitypolicyviolation` event; a
listener added before any page script runs turns each into a console error, collected here.
The story touches what needs script: the stripboard's drag and drop (htmx), a confirm dialog,
a role changed on Team & access, and the API documentation (Swagger UI).
"""

# The imported fixtures `page` and `demo` are taken again as test arguments (F811).
# ruff: noqa: F811
from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import ConsoleMessage, Dialog, Page, expect
from pytest_django.live_server_helper import LiveServer

from prodoffice.callsheets.services import generate_call_sheet
from prodoffice.core.tests.browser import log_in
from prodoffice.core.tests.test_browser import demo, page  # noqa: F401  (fixtures)
from prodoffice.demo.services import DEMO_PASSWORD
from prodoffice.domain.access import Role
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.productions.access import access_production
from prodoffice.productions.models import Production
from prodoffice.reports.services.day import start_report

User = get_user_model()

pytestmark = pytest.mark.browser

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} `
    + `at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def violations(page: Page) -> list[str]:
    found: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        text = message.text
        if "CSP violation" in text or "Content Security Policy" in text:
            found.append(f"{page.url}: {text}")

    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", on_console)
    return found


def _pages(demo: Production) -> list[str]:
    """One of each page a coordinator works in, by URL (a day's call sheet and report made)."""
    code = demo.code
    access = access_production(User.objects.get(username="coordinator"), code)
    schedule = demo.schedules.get(is_current=True)
    day = schedule.days.filter(kind=DayKind.SHOOT).order_by("date").first()
    assert day is not None
    sheet = generate_call_sheet(access=access, day=day)
    report = start_report(access=access, call_sheet=sheet)
    script = demo.scripts.first()
    vendor = demo.vendors.first()
    location = demo.locations.first()
    person = demo.engagements.first()
    assert script and vendor and location and person
    named = [
        ("production_overview", []),
        ("crew_list", []),
        ("person_detail", [person.pk]),
        ("script_list", []),
        ("script_detail", [script.pk]),
        ("schedule_list", []),
        ("one_liner", [schedule.pk]),
        ("shooting_schedule", [schedule.pk]),
        ("dood", [schedule.pk]),
        ("callsheet_list", []),
        ("callsheet_detail", [sheet.pk]),
        ("callsheet_distribution", [sheet.pk]),
        ("outbox", []),
        ("report_list", []),
        ("report_detail", [report.pk]),
        ("vendor_list", []),
        ("vendor_detail", [vendor.pk]),
        ("location_list", []),
        ("location_detail", [location.pk]),
        ("department_list", []),
        ("production_history", []),
    ]
    return [reverse("home"), reverse("api_tokens")] + [
        reverse(name, args=[code, *args]) for name, args in named
    ]


def test_the_coordinators_pages_break_no_part_of_the_content_security_policy(
    page: Page, demo: Production, live_server: LiveServer, violations: list[str]
) -> None:
    base = live_server.url
    log_in(page, base, "coordinator", DEMO_PASSWORD)
    for url in _pages(demo):
        response = page.goto(base + url)
        assert response is not None and response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"], url
        page.wait_for_load_state("load")

    # The stripboard: a strip dragged to another day is saved and the board redrawn by htmx.
    schedule = demo.schedules.get(is_current=True)
    page.goto(base + reverse("stripboard", args=[demo.code, schedule.pk]))
    expect(page.locator("#board > p.muted")).to_contain_text("version 1")
    first_day = page.locator("section.board-day[data-day]").first
    second_day = page.locator("section.board-day[data-day]").nth(1)
    first_day.locator("li.strip").first.drag_to(second_day.locator("li.strip").first)
    expect(page.locator("#board > p.muted")).to_contain_text("version 2")

    # A confirm dialog, refused: nothing is removed.
    person = demo.engagements.select_related("contact").first()
    assert person is not None
    page.goto(base + reverse("person_detail", args=[demo.code, person.pk]))
    asked: list[str] = []

    def refuse(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", refuse)
    page.get_by_role("button", name="Remove").click()
    expect(page.get_by_role("heading", name=person.contact.name)).to_be_visible()
    assert asked == [f"Remove {person.contact.name} from the crew list?"]

    # A role changed on Team & access.
    membership = demo.memberships.select_related("user").get(role=Role.PA)
    page.goto(base + reverse("member_list", args=[demo.code]))
    role = page.get_by_label(f"Role of {membership.user}")
    role.select_option(Role.CREW.value)
    page.locator("tr", has=role).get_by_role("button", name="Change").click()
    expect(page.get_by_text(f"{membership.user}'s role changed.")).to_be_visible()

    # The API documentation, under its own policy: Swagger UI draws the operations.
    page.goto(base + "/api/v1/docs")
    expect(page.get_by_text(re.compile("/api/v1/productions")).first).to_be_visible()

    assert violations == []
