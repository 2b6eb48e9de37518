"""Driving Debian's Chromium through Playwright: how to launch it, log in, and read a page.

Never `playwright install`: the browser is the system one, launched by path, and the tests
run offline, so background networking is switched off to keep Chromium quiet.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page, ViewportSize, expect

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = ViewportSize(width=1280, height=800)
PHONE = ViewportSize(width=390, height=844)
# Long enough for a slow CI runner, short enough that a broken page fails within the minute.
TIMEOUT_MS = 10_000


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("User name or e-mail").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your productions")).to_be_visible()


def side_nav(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Production")


def crew_names(page: Page) -> list[str]:
    """The names on the crew list as shown, skipping the department heading rows."""
    return page.locator("#crew-table tbody tr:not(.dept) td:first-child a").all_inner_texts()


def crew_rows(page: Page) -> list[str]:
    return page.locator("#crew-table tbody tr:not(.dept)").all_inner_texts()


def column_headings(page: Page) -> list[str]:
    return [text.strip() for text in page.locator("#crew-table thead th").all_inner_texts()]
