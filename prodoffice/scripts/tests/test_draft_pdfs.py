"""A long draft's PDFs are rendered in the background, followed, and kept."""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.scripts import draft_pdfs, services
from prodoffice.scripts.models import DraftPdf, ScriptRevision

pytestmark = pytest.mark.django_db
Callbacks = Callable[..., AbstractContextManager[Any]]


@pytest.fixture
def long_draft(world: World, monkeypatch: pytest.MonkeyPatch) -> ScriptRevision:
    # Three scenes stand for a long draft: rendered in the request only up to two.
    monkeypatch.setattr(draft_pdfs, "IN_REQUEST_SCENES", 2)
    return services.import_script(
        access=world.access(Role.COORDINATOR), filename="long.fountain", data=_scenes("waits")
    )


def _scenes(action: str) -> bytes:
    text = "".join(f"INT. ROOM {i} - DAY\n\nJune {action}.\n\nJUNE\nNot yet.\n\n" for i in range(3))
    return text.encode()


def _cast_member(world: World) -> Client:
    client = Client()
    client.force_login(world.user(Role.CAST))
    return client


def _ask(client: Client, world: World, revision: ScriptRevision) -> Any:
    return client.get(reverse("breakdown_pdf", args=[world.production.code, revision.script_id]))


def test_a_long_drafts_sheets_are_rendered_in_the_background_and_handed_over(
    world: World, long_draft: ScriptRevision, django_capture_on_commit_callbacks: Callbacks
) -> None:
    client = _cast_member(world)
    with django_capture_on_commit_callbacks(execute=True):  # the worker renders once committed
        asked = _ask(client, world, long_draft)
    made = DraftPdf.objects.get()
    assert asked["Location"] == reverse("draft_pdf", args=[world.production.code, made.pk])
    page = client.get(asked["Location"]).content.decode()
    download = reverse("draft_pdf_download", args=[world.production.code, made.pk])
    assert f'href="{download}"' in page
    assert 'hx-trigger="every 1s"' not in page
    response = client.get(download)
    assert response["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 3


def test_asking_again_for_unchanged_sheets_hands_over_the_same_file(
    world: World, long_draft: ScriptRevision, django_capture_on_commit_callbacks: Callbacks
) -> None:
    client = _cast_member(world)
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, world, long_draft)
    again = _ask(client, world, long_draft)
    made = DraftPdf.objects.get()
    assert again["Location"] == reverse("draft_pdf_download", args=[world.production.code, made.pk])


def test_the_page_follows_sheets_that_wait_for_the_worker(
    world: World, long_draft: ScriptRevision
) -> None:
    client = _cast_member(world)
    asked = _ask(client, world, long_draft)  # not committed: the worker has not started
    assert _ask(client, world, long_draft)["Location"] == asked["Location"]  # not queued twice
    page = client.get(asked["Location"]).content.decode()
    assert "Waiting for the background worker" in page
    assert 'hx-trigger="every 1s"' in page
    made = draft_pdfs.render_queued(DraftPdf.objects.get().pk)
    partial = client.get(asked["Location"], headers={"HX-Request": "true"}).content.decode()
    assert f"Download {made.filename}" in partial


def test_changed_sheets_are_rendered_again_and_the_old_file_goes(
    world: World, long_draft: ScriptRevision, django_capture_on_commit_callbacks: Callbacks
) -> None:
    client = _cast_member(world)
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, world, long_draft)
    first = DraftPdf.objects.get()
    scene = long_draft.scenes.order_by("order").first()
    assert scene is not None
    services.tag_element(
        access=world.access(Role.COORDINATOR), scene=scene, category="props", name="Thermos"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, world, long_draft)
    latest = DraftPdf.objects.get()
    assert latest.pk != first.pk
    assert latest.status == DraftPdf.Status.DONE


def test_the_revision_report_of_a_long_rewrite_is_rendered_in_the_background(
    world: World, long_draft: ScriptRevision, django_capture_on_commit_callbacks: Callbacks
) -> None:
    rewrite = services.import_draft(
        access=world.access(Role.COORDINATOR),
        script=long_draft.script,
        filename="blue.fountain",
        data=_scenes("runs to the window and back"),
    )
    client = _cast_member(world)
    url = reverse(
        "revision_report_pdf", args=[world.production.code, rewrite.script_id, rewrite.sequence]
    )
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.get(url)
    made = DraftPdf.objects.get(kind=DraftPdf.Kind.REVISIONS)
    assert (made.sheets, made.status) == (3, DraftPdf.Status.DONE)
    assert asked["Location"] == reverse("draft_pdf", args=[world.production.code, made.pk])
    page = client.get(asked["Location"]).content.decode()
    assert "<h1>Revision report</h1>" in page
    download = client.get(reverse("draft_pdf_download", args=[world.production.code, made.pk]))
    assert "runs to the window" in " ".join(
        sheet.extract_text() for sheet in PdfReader(io.BytesIO(download.content)).pages
    )
