"""The office in a real browser: Debian's Chromium, driven by Playwright, against live_server.

Data is made before Chromium starts. Playwright's sync API runs an event loop in the test
thread, so the ORM calls a test makes afterwards (to check nothing was saved) need
DJANGO_ALLOW_ASYNC_UNSAFE; the live server itself answers from its own thread.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import connections
from django.urls import reverse
from playwright.sync_api import Page, expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

from conftest import missing_in_ci
from prodoffice.core.tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    TIMEOUT_MS,
    column_headings,
    crew_names,
    crew_rows,
    log_in,
    side_nav,
)
from prodoffice.core.tests.personas import PASSWORD, World, make_world
from prodoffice.demo.services import DEMO_PASSWORD, create_demo
from prodoffice.domain.access import Role
from prodoffice.people.models import Contact, Engagement
from prodoffice.people.services import ContactDetails, EngagementDetails, hire_person
from prodoffice.productions.access import access_production
from prodoffice.productions.models import Production

pytestmark = pytest.mark.browser

DEMO_TODAY = date(2027, 1, 4)
README_SCREENSHOT = Path(__file__).resolve().parents[3] / "docs" / "screenshot.png"
GRIPS = ["Eli Sorensen", "Frank Moreno", "Tasha Greene"]  # the demo's Grip department
SWING = "Rudy Vasquez"
User = get_user_model()


@pytest.fixture
def page(live_server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Page]:
    if not CHROMIUM.exists():
        missing_in_ci("Debian's chromium at /usr/bin/chromium")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    script_errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_context(viewport=DESKTOP).new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on("pageerror", lambda error: script_errors.append(str(error)))
        yield page
        browser.close()
        # ORM calls made while Playwright's loop runs get a connection of their own context;
        # close it here, or PostgreSQL refuses to drop the test database at the end.
        connections.close_all()
    assert script_errors == [], "a page threw a script error"


@pytest.fixture
def demo(transactional_db: None) -> Production:
    return create_demo(today=DEMO_TODAY, optimizer_seconds=1)


def hire_a_swing(production: Production) -> None:
    """A G&E swing in Electric: searching "grip" finds him, the Grip department does not."""
    hire_person(
        access=access_production(User.objects.get(username="coordinator"), production.code),
        contact=ContactDetails(first_name="Rudy", last_name="Vasquez", phone="(818) 555-0142"),
        engagement=EngagementDetails(
            department_id=production.departments.get(name="Electric").pk,
            position="Grip/Electric Swing",
            status="confirmed",
        ),
    )


@pytest.fixture
def night_owl(transactional_db: None) -> World:
    return make_world()


def crew_url(live_server: LiveServer, production: Production) -> str:
    return live_server.url + reverse("crew_list", args=[production.code])


def test_a_coordinator_logs_in_and_filters_the_crew_list(
    demo: Production, page: Page, live_server: LiveServer, output_dir: Path
) -> None:
    everyone = Engagement.objects.filter(production=demo).count()
    grip = demo.departments.get(name="Grip")

    log_in(page, live_server.url, "coordinator", DEMO_PASSWORD)
    page.get_by_role("link", name="Salt Flats").click()
    expect(page.get_by_role("heading", name="Salt Flats")).to_be_visible()
    side_nav(page).get_by_role("link", name="Crew list").click()
    expect(page.get_by_role("heading", name="Crew list")).to_be_visible()

    # The stylesheet arrived: the top bar is the office's dark blue, not a browser default.
    topbar = page.locator(".topbar")
    assert topbar.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(31, 58, 95)"
    expect(page.locator("#crew-count")).to_have_text(f"{everyone} people")
    assert len(crew_names(page)) == everyone
    assert "Rate" not in column_headings(page)  # rates are for the producer and accountant
    expect(side_nav(page).get_by_role("link", name="Team & access")).to_be_visible()
    if os.environ.get("PRODOFFICE_SCREENSHOT") == "1":
        README_SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=README_SCREENSHOT)
    # Hired after the README's picture of the plain demo; the search request below sees him.
    hire_a_swing(demo)

    page.get_by_label("Search").fill("grip")
    # htmx swaps the table in after a 250 ms pause in typing.
    expect(page.locator("#crew-count")).to_have_text("4 people match")
    assert sorted(crew_names(page)) == sorted([*GRIPS, SWING])
    assert all("grip" in row.lower() for row in crew_rows(page))
    expect(page).to_have_url(re.compile(r"\?q=grip(&|$)"))

    page.get_by_label("Department").select_option(label="Grip")
    expect(page.locator("#crew-count")).to_have_text("3 people match")
    assert sorted(crew_names(page)) == GRIPS
    expect(page).to_have_url(re.compile(rf"\?q=grip&department={grip.pk}(&|$)"))

    # The pushed URL is the filtered list: reloading it shows the same rows and filters.
    page.reload()
    expect(page.locator("#crew-count")).to_have_text("3 people match")
    expect(page.get_by_label("Search")).to_have_value("grip")
    expect(page.get_by_label("Department")).to_have_value(str(grip.pk))
    page.screenshot(path=output_dir / "crew-list.png", full_page=True)


def test_the_crew_list_works_on_a_phone_sized_screen(
    demo: Production, page: Page, live_server: LiveServer, output_dir: Path
) -> None:
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, "coordinator", DEMO_PASSWORD)
    page.goto(crew_url(live_server, demo))
    expect(page.get_by_role("heading", name="Crew list")).to_be_visible()

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    table_wrap = page.locator("#crew-table .table-wrap")
    overflow_x, scroll_width, client_width = table_wrap.evaluate(
        "el => [getComputedStyle(el).overflowX, el.scrollWidth, el.clientWidth]"
    )
    assert overflow_x == "auto"
    assert scroll_width > client_width, "the table should scroll inside its frame"
    assert client_width <= PHONE["width"]
    expect(page.locator("#crew-table th", has_text="E-mail")).to_be_hidden()

    nav = side_nav(page)
    assert nav.evaluate("el => getComputedStyle(el).display") == "flex"
    tops = {round(box["y"]) for box in (a.bounding_box() or {} for a in nav.locator("a").all())}
    assert len(tops) == 1, "the side nav should be one horizontal strip"
    page.screenshot(path=output_dir / "crew-list-phone.png")  # what the phone's screen shows


def test_a_form_shows_errors_beside_the_fields(
    night_owl: World, page: Page, live_server: LiveServer
) -> None:
    production = night_owl.production
    log_in(page, live_server.url, night_owl.user(Role.COORDINATOR).username, PASSWORD)
    page.goto(crew_url(live_server, production))
    page.get_by_role("link", name="Add person").click()
    expect(page.get_by_role("heading", name="Add a person")).to_be_visible()

    page.get_by_label("First name").fill("Dana")
    page.get_by_label("Last name").fill("Whitlock")
    page.get_by_label("Email", exact=True).fill("dana-at-example")
    page.get_by_label("Department").select_option(label="Grip")
    page.get_by_label("Position").fill("Grip")
    page.get_by_label("Start date").fill("2027-03-10")
    page.get_by_label("End date").fill("2027-03-01")
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".alert.error")).to_contain_text("nothing was saved")
    for input_id, message in [
        ("id_email", "Enter a valid email address."),
        ("id_end_date", "The end date is before the start date."),
    ]:
        field_input = page.locator(f"#{input_id}")
        error = page.locator(".field", has=field_input).locator(".error")
        expect(error).to_have_text(message)
        below = field_input.bounding_box()
        shown = error.bounding_box()
        assert below and shown
        assert 0 <= shown["y"] - (below["y"] + below["height"]) < 30, "error sits under its field"
        assert abs(shown["x"] - below["x"]) < 5, "error lines up with its field"
    expect(
        page.locator(".field", has=page.locator("#id_start_date")).locator(".error")
    ).to_have_count(0)
    expect(page.get_by_label("First name")).to_have_value("Dana")

    assert not Contact.objects.filter(production=production, first_name="Dana").exists()
    assert not Engagement.objects.filter(production=production, contact__first_name="Dana").exists()


def test_a_crew_member_does_not_see_rates_or_the_team_page(
    demo: Production, page: Page, live_server: LiveServer
) -> None:
    log_in(page, live_server.url, "grip", DEMO_PASSWORD)
    page.get_by_role("link", name="Salt Flats").click()
    side_nav(page).get_by_role("link", name="Crew list").click()
    expect(page.get_by_role("heading", name="Crew list")).to_be_visible()

    headings = column_headings(page)
    assert "Name" in headings
    assert "Rate" not in headings
    assert "620.00" not in page.locator("#crew-table").inner_text()  # the key grip's day rate
    expect(side_nav(page).get_by_role("link", name="Crew list")).to_be_visible()
    expect(side_nav(page).get_by_role("link", name="Team & access")).to_have_count(0)
    team = page.goto(live_server.url + reverse("member_list", args=[demo.code]))
    assert team is not None
    assert team.status == 403


def test_no_page_asset_comes_from_another_host(
    night_owl: World, page: Page, live_server: LiveServer
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    log_in(page, live_server.url, night_owl.user(Role.COORDINATOR).username, PASSWORD)
    for path in ["/", reverse("crew_list", args=[night_owl.production.code]), "/api/v1/docs"]:
        page.goto(live_server.url + path, wait_until="networkidle")
    expect(page.locator(".swagger-ui .title")).to_contain_text("Prodoffice API")

    here = urlsplit(live_server.url).netloc
    elsewhere = [
        url for url in requested if not url.startswith("data:") and urlsplit(url).netloc != here
    ]
    assert elsewhere == []
    # The check saw the assets it is about: the stylesheet, htmx and the bundled Swagger UI.
    assert any(url.endswith("/core/prodoffice.css") for url in requested)
    assert any("htmx" in url for url in requested)
    assert any(url.endswith("/ninja/swagger-ui-bundle.js") for url in requested)
    assert any(url.endswith("/openapi.json") for url in requested)
