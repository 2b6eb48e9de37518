from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from prodoffice.core.errors import RuleBroken
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.models import Engagement
from prodoffice.scripts import selectors, services
from prodoffice.scripts.choices import SceneChange, TagState
from prodoffice.scripts.models import BreakdownElement, Scene, SceneElement, Script, ScriptRevision

pytestmark = pytest.mark.django_db

SMALL = b"""Title: Small Hours

INT. MOTEL ROOM - NIGHT

JUNE sits on the bed. A REVOLVER on the nightstand.

JUNE
Not tonight.

EXT. HIGHWAY 50 - DAY

A PICKUP TRUCK roars past. EZRA watches.

EZRA (V.O.)
She never came back.
"""


def _import(world: World, data: bytes = SMALL, name: str = "small.fountain") -> ScriptRevision:
    return services.import_script(access=world.access(Role.COORDINATOR), filename=name, data=data)


def test_a_first_draft_becomes_numbered_measured_scenes(world: World) -> None:
    revision = _import(world)
    assert revision.script.title == "Small Hours"
    assert revision.color == "White"
    scenes = list(revision.scenes.all())
    assert [(s.number, s.int_ext, s.set_name, s.time_of_day) for s in scenes] == [
        ("1", "INT", "MOTEL ROOM", "NIGHT"),
        ("2", "EXT", "HIGHWAY 50", "DAY"),
    ]
    assert scenes[0].characters == ["JUNE"]
    assert scenes[1].characters == ["EZRA"]
    assert all(s.eighths >= 1 for s in scenes)
    assert revision.source.startswith("Title: Small Hours")
    assert bytes(revision.original) == SMALL


def test_speaking_characters_are_accepted_cast_linked_to_the_cast_list(world: World) -> None:
    lead = world.cast_member
    lead.character = "JUNE"
    lead.save()
    revision = _import(world)
    june = BreakdownElement.objects.get(production=world.production, category="cast", key="june")
    assert june.cast == Engagement.objects.get(pk=lead.pk)
    tag = SceneElement.objects.get(element=june, scene__revision=revision)
    assert tag.state == TagState.ACCEPTED


def test_props_and_vehicles_in_capitals_are_suggested_with_where_they_were_found(
    world: World,
) -> None:
    revision = _import(world)
    first, second = revision.scenes.all()
    props = SceneElement.objects.filter(scene=first, element__category="props")
    revolver = props.get(element__key__contains="revolver")
    assert revolver.state == TagState.SUGGESTED
    text = first.body[revolver.paragraph]["text"]
    assert text[revolver.start : revolver.end].casefold() == "revolver"
    assert SceneElement.objects.filter(scene=second, element__category="vehicles").exists()


def test_a_file_that_is_not_a_screenplay_is_refused_and_nothing_is_stored(world: World) -> None:
    for name, data in [
        ("script.fountain", b""),
        ("script.fountain", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("script.fdx", b"<html>not final draft"),
        ("script.docx", b"PK\x03\x04"),
    ]:
        with pytest.raises(RuleBroken) as caught:
            _import(world, data, name)
        assert caught.value.field == "file"
        assert caught.value.message
    assert not Script.objects.exists()
    assert not Scene.objects.exists()


def test_a_script_file_with_no_scenes_is_refused_and_nothing_is_stored(
    world: World, sceneless_fdx: bytes
) -> None:
    for name, data, words in [
        ("nested.fdx", sceneless_fdx, "no paragraph of type Scene Heading"),
        ("notes.fountain", b"Title: Notes\n\nCall the caterer.\n", "no scene heading"),
    ]:
        with pytest.raises(RuleBroken) as caught:
            _import(world, data, name)
        assert caught.value.field == "file"
        assert f"{name} has no scenes" in caught.value.message
        assert words in caught.value.message
    assert not Script.objects.exists()
    revision = _import(world)
    with pytest.raises(RuleBroken, match="has no scenes"):
        services.import_draft(
            access=world.access(Role.COORDINATOR),
            script=revision.script,
            filename="nested.fdx",
            data=sceneless_fdx,
        )
    assert revision.script.revisions.count() == 1
    assert Scene.objects.count() == 2


def test_crew_may_read_the_script_but_not_import_one(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.import_script(access=world.access(Role.CREW), filename="s.fountain", data=SMALL)
    revision = _import(world)
    assert selectors.access_script(world.access(Role.CREW), revision.script_id)


def test_a_locked_script_keeps_its_numbers_through_a_revision(
    world: World, white: bytes, blue: bytes
) -> None:
    access = world.access(Role.COORDINATOR)
    first = services.import_script(access=access, filename="salt_flats.fountain", data=white)
    services.lock_scene_numbers(access=access, script=first.script)
    second = services.import_draft(
        access=access, script=first.script, filename="salt_flats_blue.fountain", data=blue
    )
    assert second.color == "Blue"
    rows = list(second.scenes.all())
    numbers = [s.number for s in rows]
    assert len(numbers) == len(set(numbers))
    added = [s for s in rows if s.change == SceneChange.ADDED]
    assert [s.number for s in added] == ["23A", "35A", "49A"]
    omitted = [s for s in rows if s.change == SceneChange.OMITTED]
    assert [s.number for s in omitted] == ["28", "53"]
    assert all(s.heading for s in omitted)
    kept = [s for s in rows if s.change in (SceneChange.UNCHANGED, SceneChange.CHANGED)]
    assert kept
    assert all(s.previous is not None and s.previous.number == s.number for s in kept)
    changed = [s for s in rows if s.change == SceneChange.CHANGED]
    assert len(changed) == 9
    assert all(s.review_needed for s in changed)


def test_breakdown_work_carries_over_to_the_next_draft(
    world: World, white: bytes, blue: bytes
) -> None:
    access = world.access(Role.COORDINATOR)
    first = services.import_script(access=access, filename="w.fountain", data=white)
    services.lock_scene_numbers(access=access, script=first.script)
    scene_one = first.scenes.get(number="1")
    mine = services.tag_element(access=access, scene=scene_one, category="props", name="Thermos")
    rejected = scene_one.tags.filter(state=TagState.SUGGESTED).first()
    assert rejected is not None
    services.set_tag_state(access=access, tag=rejected, state=TagState.REJECTED)
    second = services.import_draft(
        access=access, script=first.script, filename="b.fountain", data=blue
    )
    again = second.scenes.get(number="1")
    assert again.change == SceneChange.UNCHANGED
    states = {t.element_id: t.state for t in again.tags.all()}
    assert states[mine.element_id] == TagState.ACCEPTED
    assert states[rejected.element_id] == TagState.REJECTED


def test_an_unlocked_script_is_renumbered_and_omissions_are_reported(
    world: World, white: bytes, blue: bytes
) -> None:
    access = world.access(Role.COORDINATOR)
    first = services.import_script(access=access, filename="w.fountain", data=white)
    second = services.import_draft(
        access=access, script=first.script, filename="b.fountain", data=blue
    )
    numbers = [s.number for s in second.scenes.all()]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    report = selectors.revision_report(second)
    assert {s.heading for s in report.omitted} == {
        "EXT. PALOMINO MOTOR LODGE - PARKING LOT - NIGHT",
        "INT. SHERIFF'S OFFICE - DAY",
    }
    assert len(report.added) == 3
    assert len(report.changed) == 9


def test_the_revision_report_shows_line_changes_pages_and_cast(
    world: World, white: bytes, blue: bytes
) -> None:
    access = world.access(Role.COORDINATOR)
    first = services.import_script(access=access, filename="w.fountain", data=white)
    services.lock_scene_numbers(access=access, script=first.script)
    second = services.import_draft(
        access=access, script=first.script, filename="b.fountain", data=blue
    )
    report = selectors.revision_report(second)
    scene_two = next(d for d in report.changed if d.scene.number == "2")
    kinds = {line.kind for line in scene_two.lines if line is not None}
    assert "removed" in kinds or "added" in kinds
    # Long runs of unchanged lines are left out: the report shows changes, not whole scenes.
    assert None in scene_two.lines or len(scene_two.lines) < 12
    assert report.pages
    assert any("EZRA HALLORAN" in name for name in report.cast)


def test_a_second_draft_needs_a_first(world: World) -> None:
    script = Script.objects.create(production=world.production, title="Empty")
    with pytest.raises(RuleBroken, match="no draft yet"):
        services.import_draft(
            access=world.access(Role.COORDINATOR), script=script, filename="s.fountain", data=SMALL
        )


def test_tagging_by_hand_adds_to_the_productions_element_list(world: World) -> None:
    revision = _import(world)
    scene = revision.scenes.first()
    assert scene is not None
    access = world.access(Role.COORDINATOR)
    services.tag_element(access=access, scene=scene, category="wardrobe", name="  Wedding   dress ")
    services.tag_element(access=access, scene=scene, category="wardrobe", name="wedding dress")
    assert BreakdownElement.objects.filter(category="wardrobe").count() == 1
    with pytest.raises(RuleBroken):
        services.tag_element(access=access, scene=scene, category="snacks", name="Chips")
    with pytest.raises(RuleBroken):
        services.tag_element(access=access, scene=scene, category="props", name=" ")


def test_a_draft_that_changes_nothing_reports_nothing_even_after_cuts(
    world: World, white: bytes, blue: bytes
) -> None:
    access = world.access(Role.COORDINATOR)
    first = services.import_script(access=access, filename="w.fountain", data=white)
    services.lock_scene_numbers(access=access, script=first.script)
    services.import_draft(access=access, script=first.script, filename="b.fountain", data=blue)
    pink = services.import_draft(
        access=access, script=first.script, filename="p.fountain", data=blue
    )
    assert pink.color == "Pink"
    report = selectors.revision_report(pink)
    assert (report.added, report.changed, report.omitted, report.moved) == ([], [], [], [])
    numbers = list(pink.scenes.values_list("number", flat=True))
    assert "28" in numbers and "53" in numbers  # still there as OMITTED placeholders


def test_the_revision_report_names_the_breakdown_elements_the_changes_touch(
    world: World, white: bytes, blue: bytes
) -> None:
    access = world.access(Role.COORDINATOR)
    first = services.import_script(access=access, filename="w.fountain", data=white)
    services.lock_scene_numbers(access=access, script=first.script)
    scene = first.scenes.get(number="2")  # changed in the Blue draft
    services.tag_element(access=access, scene=scene, category="props", name="Voicemail phone")
    untouched = first.scenes.get(number="1")  # unchanged
    services.tag_element(access=access, scene=untouched, category="props", name="Shovel")
    second = services.import_draft(
        access=access, script=first.script, filename="b.fountain", data=blue
    )
    report = selectors.revision_report(second)
    assert "Voicemail phone" in report.elements["props"]
    assert "Shovel" not in report.elements.get("props", [])
