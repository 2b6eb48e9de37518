"""The coordinator's script work in a real browser: next draft, breakdown sheet, PDF sheets.

The `page` and `demo` fixtures are the office's own (prodoffice/core/tests/test_browser.py):
Debian's Chromium through Playwright, and the demo production with the White draft of Salt
Flats imported and its scene numbers locked.
"""

# The imported fixtures `page` and `demo` are taken again as test and helper arguments (F811).
# ruff: noqa: F811
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from prodoffice.core.tests.browser import log_in, side_nav
from prodoffice.core.tests.test_browser import demo, page  # noqa: F401  (fixtures)
from prodoffice.demo.services import DEMO_PASSWORD
from prodoffice.productions.models import Production
from prodoffice.scripts.choices import TagState
from prodoffice.scripts.models import Scene, SceneElement

pytestmark = pytest.mark.browser

BLUE_DRAFT = Path(__file__).resolve().parents[2] / "demo" / "scripts" / "salt_flats_blue.fountain"


def open_salt_flats(page: Page, base_url: str) -> None:
    """Log in as the coordinator and find the script the way the side nav leads there."""
    log_in(page, base_url, "coordinator", DEMO_PASSWORD)
    page.get_by_role("link", name="Salt Flats").click()
    side_nav(page).get_by_role("link", name="Script & breakdown").click()
    expect(page.get_by_role("heading", name="Scripts")).to_be_visible()
    page.locator("main table").get_by_role("link", name="Salt Flats").click()
    expect(page.get_by_role("heading", name="Salt Flats", level=1)).to_be_visible()


def scene_row(page: Page, number: str) -> Locator:
    number_cell = page.locator("td:first-child b", has_text=re.compile(rf"^{number}$"))
    return page.locator("table.scenes tbody tr").filter(has=number_cell)


def numbers_under(page: Page, heading: str) -> list[str]:
    """The scene numbers listed under a heading of the revision report: Added, Omitted."""
    return page.locator(f"h2:text-is('{heading}') + ul li > b").all_inner_texts()


def test_a_coordinator_imports_the_next_draft_and_reads_what_changed(
    demo: Production,
    page: Page,
    live_server: LiveServer,
    output_dir: Path,
) -> None:
    open_salt_flats(page, live_server.url)
    expect(page.locator(".page-head .swatch")).to_have_text("White draft")

    draft_form = page.locator(
        "section.card", has=page.get_by_role("heading", name="Import the next draft")
    )
    draft_form.get_by_label("Screenplay file").set_input_files(BLUE_DRAFT)
    draft_form.get_by_role("button", name="Import draft").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Blue draft")
    expect(page.get_by_text("The Blue draft is in.")).to_be_visible()
    expect(page.get_by_text("Against the White draft.")).to_be_visible()
    assert numbers_under(page, "Added") == ["23A", "35A", "49A"]
    assert numbers_under(page, "Omitted") == ["28", "53"]

    changed = page.locator("section.card.diff")
    expect(changed).to_have_count(9)  # docs/scripts.md: 8 scenes' text and one heading
    expect(changed.filter(has_text="was: ")).to_have_count(1)
    with_both = changed.filter(has=page.locator(".dl.added")).filter(
        has=page.locator(".dl.removed")
    )
    first = with_both.first
    expect(first.locator(".dl.added").first.locator(".mark")).to_have_text("*")
    minus_sign = "\u2212"
    expect(first.locator(".dl.removed").first.locator(".mark")).to_have_text(minus_sign)
    # A removed line is struck through, as the docs promise.
    decoration = first.locator(".dl.removed").first.evaluate(
        "el => getComputedStyle(el).textDecorationLine"
    )
    assert "line-through" in decoration
    page.screenshot(path=output_dir / "revision-report.png", full_page=True)

    page.get_by_role("link", name="All scenes").click()
    expect(page.locator(".page-head .swatch")).to_have_text("Blue draft")
    expect(scene_row(page, "23A")).to_have_count(1)
    expect(scene_row(page, "23A").locator(".change-added")).to_contain_text("Added")
    omitted = scene_row(page, "28")
    expect(omitted).to_have_class(re.compile(r"\bomitted\b"))
    expect(omitted).to_contain_text("OMITTED")
    expect(omitted.get_by_role("link")).to_have_count(0)  # nothing to open: the scene is cut


def test_a_coordinator_accepts_a_suggestion_without_reloading_the_page(
    demo: Production,
    page: Page,
    live_server: LiveServer,
    output_dir: Path,
) -> None:
    scene = Scene.objects.get(revision__script__production=demo, number="3")
    assert scene.heading == "EXT. GAS STATION - DAY"
    open_salt_flats(page, live_server.url)
    scene_row(page, "3").get_by_role("link", name="EXT. GAS STATION - DAY").click()
    expect(page.get_by_role("heading", name="Scene 3")).to_be_visible()
    sheet_url = page.url
    page.evaluate("window.__marker = 1")

    tags = page.locator("#sheet-tags")
    suggested = tags.locator("li.suggested")
    count = suggested.count()
    assert count >= 2, "the gas station scene should bring a few suggestions"
    expect(tags).to_contain_text(f"{count} suggestions from the script")
    first = suggested.first
    name = first.locator(".name").inner_text()
    first.get_by_role("button", name="Accept").click()

    expect(suggested).to_have_count(count - 1)
    exactly = re.compile(rf"^{re.escape(name)}$")
    accepted = tags.locator("li.accepted", has=page.locator(".name", has_text=exactly))
    expect(accepted).to_have_count(1)
    expect(accepted.get_by_role("button", name="Accept")).to_have_count(0)
    expect(accepted.get_by_role("button", name="Remove")).to_be_visible()
    assert page.evaluate("window.__marker") == 1, "htmx swapped the panel, no page load"
    assert page.url == sheet_url
    tag = SceneElement.objects.get(scene=scene, element__name=name)
    assert tag.state == TagState.ACCEPTED
    assert SceneElement.objects.filter(scene=scene, state=TagState.SUGGESTED).count() == count - 1

    page.get_by_label("Category").select_option(label="Props")
    page.get_by_label("Name").fill("Thermos")
    tags.get_by_role("button", name="Tag").click()
    props = tags.locator(".category.cat-props")
    expect(props.locator("li", has=page.locator(".name", has_text="Thermos"))).to_have_count(1)
    expect(page.get_by_label("Name")).to_have_value("")  # a fresh form for the next one
    assert page.evaluate("window.__marker") == 1
    hand_tagged = SceneElement.objects.get(scene=scene, element__name__iexact="thermos")
    assert hand_tagged.element.category == "props"
    assert hand_tagged.state == TagState.ACCEPTED
    page.screenshot(path=output_dir / "breakdown-sheet.png", full_page=True)


def test_breakdown_sheets_download_as_a_pdf(
    demo: Production,
    page: Page,
    live_server: LiveServer,
) -> None:
    first_scene = Scene.objects.filter(revision__script__production=demo).order_by("order").first()
    assert first_scene is not None
    open_salt_flats(page, live_server.url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Breakdown sheets PDF").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")

    reader = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    assert len(reader.pages) == 66  # one sheet per scene of the White draft
    first_page = " ".join(reader.pages[0].extract_text().split())
    assert "BREAKDOWN SHEET" in first_page
    assert first_scene.heading in first_page
