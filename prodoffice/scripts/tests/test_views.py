from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.scripts.choices import TagState
from prodoffice.scripts.models import SceneElement, Script

pytestmark = pytest.mark.django_db


def _client(world: World, role: Role = Role.COORDINATOR) -> Client:
    client = Client()
    client.force_login(world.user(role))
    return client


def _upload(client: Client, world: World, name: str, data: bytes) -> object:
    return client.post(
        reverse("script_import", args=[world.production.code]),
        {"file": SimpleUploadedFile(name, data), "title": ""},
        follow=True,
    )


def test_a_coordinator_uploads_a_script_and_sees_its_scenes(world: World, white: bytes) -> None:
    client = _client(world)
    response = _upload(client, world, "salt_flats.fountain", white)
    html = response.content.decode()
    assert "Salt Flats imported: 66 scenes" in html
    assert "EXT. SALT FLATS - DAWN" in html
    assert "White draft" in html


def test_a_bad_upload_says_what_is_wrong_on_the_field(world: World) -> None:
    response = _upload(_client(world), world, "notes.pdf", b"%PDF-1.7 binary")
    assert response.status_code == 400
    assert "Prodoffice reads screenplays ending in" in response.content.decode()
    assert not Script.objects.exists()


def test_a_script_with_no_scenes_is_refused_on_the_page(world: World, sceneless_fdx: bytes) -> None:
    response = _upload(_client(world), world, "nested.fdx", sceneless_fdx)
    assert response.status_code == 400
    assert "nested.fdx has no scenes" in response.content.decode()
    assert not Script.objects.exists()


def test_uploading_the_next_draft_leads_to_the_revision_report(
    world: World, white: bytes, blue: bytes
) -> None:
    client = _client(world)
    _upload(client, world, "salt_flats.fountain", white)
    script = Script.objects.get()
    client.post(reverse("script_lock", args=[world.production.code, script.pk]))
    response = client.post(
        reverse("draft_import", args=[world.production.code, script.pk]),
        {"file": SimpleUploadedFile("salt_flats_blue.fountain", blue)},
        follow=True,
    )
    html = response.content.decode()
    assert "The Blue draft is in" in html
    assert "23A" in html and "EXT. PALOMINO MOTOR LODGE - POOL - DAY" in html
    assert "EXT. PALOMINO MOTOR LODGE - PARKING LOT - NIGHT" in html  # omitted, still listed
    assert 'class="dl added' in html and 'class="dl removed' in html


def test_the_breakdown_sheet_highlights_and_accepts_suggestions_with_htmx(
    world: World, white: bytes
) -> None:
    client = _client(world)
    _upload(client, world, "salt_flats.fountain", white)
    tag = SceneElement.objects.filter(state=TagState.SUGGESTED).select_related("scene").first()
    assert tag is not None
    sheet = client.get(reverse("scene_sheet", args=[world.production.code, tag.scene_id]))
    assert tag.element.name in sheet.content.decode()
    partial = client.post(
        reverse("tag_state", args=[world.production.code, tag.pk]),
        {"state": "accepted"},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in partial.content.decode()
    tag.refresh_from_db()
    assert tag.state == TagState.ACCEPTED
    # The text on the left is swapped too: its mark turns from suggested to accepted.
    if tag.start is not None:
        assert f'class="cat-{tag.element.category} accepted"' in partial.content.decode()


def test_a_department_head_reads_the_breakdown_but_cannot_change_it(
    world: World, white: bytes
) -> None:
    _upload(_client(world), world, "salt_flats.fountain", white)
    tag = SceneElement.objects.filter(state=TagState.SUGGESTED).first()
    assert tag is not None
    head = _client(world, Role.DEPARTMENT_HEAD)
    sheet = head.get(reverse("scene_sheet", args=[world.production.code, tag.scene_id]))
    assert sheet.status_code == 200
    assert ">Accept<" not in sheet.content.decode()
    refused = head.post(
        reverse("tag_state", args=[world.production.code, tag.pk]), {"state": "accepted"}
    )
    assert refused.status_code == 403


def test_elements_by_category_list_each_element_with_its_scenes(world: World, white: bytes) -> None:
    client = _client(world)
    _upload(client, world, "salt_flats.fountain", white)
    script = Script.objects.get()
    html = client.get(reverse("element_lists", args=[world.production.code, script.pk])).content
    assert b"JUNE HALLORAN" in html
    assert b"Cast" in html


def test_the_scene_sheet_marks_the_text_each_suggestion_came_from(world: World) -> None:
    client = _client(world)
    script = (
        b"INT. MOTEL ROOM - NIGHT\n\nJUNE lifts a REVOLVER from the drawer.\n\nJUNE\nNot tonight.\n"
    )
    _upload(client, world, "small.fountain", script)
    tag = SceneElement.objects.get(element__category="props")
    html = client.get(reverse("scene_sheet", args=[world.production.code, tag.scene_id])).content
    assert b'<mark class="cat-props suggested"' in html
    assert b">REVOLVER</mark>" in html
