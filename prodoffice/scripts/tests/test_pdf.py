from __future__ import annotations

import io
import re

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from prodoffice.core.tests.personas import World, make_world
from prodoffice.domain.access import Role
from prodoffice.domain.screenplay.revisions import DiffKind
from prodoffice.scripts import pdf, selectors, services
from prodoffice.scripts.choices import TagState
from prodoffice.scripts.models import SceneElement, ScriptRevision

pytestmark = pytest.mark.django_db

SMALL = b"""Title: Small Hours

INT. MOTEL ROOM - NIGHT

JUNE sits on the bed. A REVOLVER on the nightstand, beside a LANTERN and a SUITCASE.

JUNE
Not tonight.

EXT. HIGHWAY 50 - DAY

A PICKUP TRUCK roars past. EZRA watches.
"""


def _import(world: World, data: bytes, name: str = "salt_flats.fountain") -> ScriptRevision:
    return services.import_script(access=world.access(Role.COORDINATOR), filename=name, data=data)


def _next_draft(world: World, white: bytes, blue: bytes) -> ScriptRevision:
    first = _import(world, white)
    access = world.access(Role.COORDINATOR)
    services.lock_scene_numbers(access=access, script=first.script)
    return services.import_draft(
        access=access, script=first.script, filename="salt_flats_blue.fountain", data=blue
    )


def _get(world: World, who: Role | str, name: str, *args: object) -> HttpResponse:
    client = Client()
    client.force_login(world.user(who))
    return client.get(reverse(name, args=[world.production.code, *args]))


def _pages(response: HttpResponse) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    # Words as printed, whatever the line breaks: a long line wraps on the page.
    reader = PdfReader(io.BytesIO(response.content))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _said(text: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(' '.join(words.split()))}(?!\w)", text) is not None


def test_the_breakdown_sheets_are_a_page_per_scene_of_the_current_draft_less_the_omitted(
    world: World, white: bytes, blue: bytes
) -> None:
    revision = _next_draft(world, white, blue)
    scenes = list(revision.scenes.all())
    assert any(scene.omitted for scene in scenes)
    response = _get(world, Role.COORDINATOR, "breakdown_pdf", revision.script_id)
    pages = _pages(response)
    kept = [scene for scene in scenes if not scene.omitted]
    assert len(pages) == len(kept)
    assert response["Content-Disposition"] == (
        'attachment; filename="NIGHTOWL-salt-flats-breakdown-blue.pdf"'
    )
    for page, scene in zip(pages, kept, strict=True):
        assert f"SCENE {scene.number} {scene.heading}" in page
        assert "Blue draft" in page
    assert not any("OMITTED" in page for page in pages)


def test_a_scene_sheet_prints_the_accepted_elements_only(world: World) -> None:
    lead = world.cast_member
    lead.character = "JUNE"
    lead.save()
    revision = _import(world, SMALL, "small.fountain")
    motel = revision.scenes.get(number="1")
    tags = {tag.element.name: tag for tag in SceneElement.objects.filter(scene=motel)}
    access = world.access(Role.COORDINATOR)
    services.set_tag_state(access=access, tag=tags["revolver"], state=TagState.ACCEPTED)
    services.set_tag_state(access=access, tag=tags["lantern"], state=TagState.REJECTED)
    assert tags["suitcase"].state == TagState.SUGGESTED
    response = _get(world, Role.COORDINATOR, "scene_breakdown_pdf", motel.pk)
    [page] = _pages(response)
    assert response["Content-Disposition"] == (
        'attachment; filename="NIGHTOWL-small-hours-scene-1-breakdown-white.pdf"'
    )
    assert _said(page, "INT. MOTEL ROOM - NIGHT") and "White draft" in page
    assert _said(page, "1. JUNE")  # with the cast number from the cast list
    assert _said(page, "revolver")
    assert not _said(page, "lantern")  # rejected
    assert not _said(page, "suitcase")  # still only a suggestion
    # The script's sheets read the breakdown another way (all scenes at once): the same sheet.
    first, _ = _pages(_get(world, Role.COORDINATOR, "breakdown_pdf", revision.script_id))
    assert first.replace("Sheet 1 of 2", "Sheet 1 of 1") == page


def test_the_revision_report_pdf_shows_each_changed_scene_with_its_added_lines(
    world: World, white: bytes, blue: bytes
) -> None:
    revision = _next_draft(world, white, blue)
    report = selectors.revision_report(revision)
    assert report.changed and report.added
    response = _get(world, Role.CREW, "revision_report_pdf", revision.script_id, 1)
    text = " ".join(_pages(response))
    assert response["Content-Disposition"] == (
        'attachment; filename="NIGHTOWL-salt-flats-revisions-blue.pdf"'
    )
    assert "Blue draft" in text and "against the White draft" in text
    for diff in report.changed:
        assert _said(text, diff.scene.heading)
    for scene in report.added:
        assert _said(text, scene.heading)
    added = [
        line.text
        for diff in report.changed
        for line in diff.lines
        if line is not None and line.kind == DiffKind.ADDED and line.text.strip()
    ]
    assert added
    assert _said(text, added[0])


def test_the_sheets_of_a_long_script_take_as_many_queries_as_those_of_a_short_one(
    world: World, white: bytes
) -> None:
    short = _import(world, SMALL, "small.fountain")
    long = _import(world, white)
    assert long.scenes.count() > 30 * short.scenes.count()
    client = Client()
    client.force_login(world.user(Role.CREW))
    counts = []
    for revision in (short, long):
        url = reverse("breakdown_pdf", args=[world.production.code, revision.script_id])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_crew_may_download_the_sheets_and_an_outsider_cannot_tell_they_exist(
    world: World,
) -> None:
    revision = _import(world, SMALL, "small.fountain")
    scene = revision.scenes.first()
    assert scene is not None
    for name, args in [
        ("breakdown_pdf", [revision.script_id]),
        ("scene_breakdown_pdf", [scene.pk]),
        ("revision_report_pdf", [revision.script_id, 0]),
    ]:
        assert _get(world, Role.CREW, name, *args).status_code == 200
        assert _get(world, "outsider", name, *args).status_code == 404


def test_a_scene_or_script_of_another_production_is_not_found(world: World) -> None:
    other = make_world("OTHERONE")
    revision = _import(other, SMALL, "small.fountain")
    scene = revision.scenes.first()
    assert scene is not None
    assert _get(world, Role.PRODUCER, "scene_breakdown_pdf", scene.pk).status_code == 404
    assert _get(world, Role.PRODUCER, "breakdown_pdf", revision.script_id).status_code == 404
    report = _get(world, Role.PRODUCER, "revision_report_pdf", revision.script_id, 0)
    assert report.status_code == 404


def test_the_script_page_and_the_revision_report_link_to_their_pdfs(
    world: World, white: bytes, blue: bytes
) -> None:
    revision = _next_draft(world, white, blue)
    code, pk = world.production.code, revision.script_id
    script_page = _get(world, Role.CREW, "script_detail", pk).content.decode()
    assert reverse("breakdown_pdf", args=[code, pk]) in script_page
    report_page = _get(world, Role.CREW, "revision_report", pk, 1).content.decode()
    assert reverse("revision_report_pdf", args=[code, pk, 1]) in report_page


def test_the_revision_report_pdf_names_the_elements_the_changes_touch(
    world: World, white: bytes, blue: bytes
) -> None:
    access = world.access(Role.COORDINATOR)
    first = services.import_script(access=access, filename="w.fountain", data=white)
    services.lock_scene_numbers(access=access, script=first.script)
    scene = first.scenes.get(number="2")
    services.tag_element(access=access, scene=scene, category="props", name="Voicemail phone")
    second = services.import_draft(
        access=access, script=first.script, filename="b.fountain", data=blue
    )
    content = pdf.revision_report(second).content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Voicemail phone" in text
