"""Scripts through the API: uploads, drafts and their report, locking, the breakdown."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from prodoffice.api.tests.caller import BASE, ApiCaller
from prodoffice.core.tests.personas import World, make_world
from prodoffice.domain.access import Role
from prodoffice.scripts.models import Script, ScriptRevision

pytestmark = pytest.mark.django_db

SCRIPTS = "/productions/NIGHTOWL/scripts"
SMALL = b"""Title: Small Hours

INT. MOTEL ROOM - NIGHT

MAYA sits on the bed. A REVOLVER on the nightstand.

MAYA
Not tonight.

EXT. HIGHWAY 50 - DAY

A PICKUP TRUCK roars past. EZRA watches.

EZRA (V.O.)
She never came back.
"""
FDX = b"""<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
<Content>
<Paragraph Number="12" Type="Scene Heading"><SceneProperties Length="1/8" Page="1"/>
<Text>INT. DINER - NIGHT</Text></Paragraph>
<Paragraph Type="Action"><Text>MAYA counts her tips.</Text></Paragraph>
<Paragraph Type="Character"><Text>MAYA</Text></Paragraph>
<Paragraph Type="Dialogue"><Text>Closing time.</Text></Paragraph>
<Paragraph Number="13" Type="Scene Heading">
<Text>EXT. DINER - PARKING LOT - NIGHT</Text></Paragraph>
<Paragraph Type="Action"><Text>Rain on the neon.</Text></Paragraph>
</Content>
<TitlePage><Content><Paragraph><Text>Last Orders</Text></Paragraph></Content></TitlePage>
</FinalDraft>
"""


def _api(world: World, role: Role | str = Role.COORDINATOR) -> ApiCaller:
    return ApiCaller(world.user(role))


def _upload(caller: ApiCaller, path: str, name: str, data: bytes, **form: str) -> Any:
    return caller.client.post(BASE + path, {"file": SimpleUploadedFile(name, data), **form})


def _import(caller: ApiCaller, name: str = "small.fountain", data: bytes = SMALL) -> Any:
    response = _upload(caller, SCRIPTS, name, data)
    assert response.status_code == 201, response.content
    return response.json()


def test_a_coordinator_uploads_a_fountain_script_and_gets_its_white_draft(
    world: World, white: bytes
) -> None:
    body = _import(_api(world), "salt_flats.fountain", white)
    assert body["title"] == "Salt Flats"
    assert body["locked_at"] is None
    draft = body["draft"]
    assert (draft["sequence"], draft["color"], draft["format"]) == (0, "White", "fountain")
    assert draft["scenes"] == 66
    assert draft["encoding"] == "utf-8"
    assert draft["pages"] > 1


def test_a_title_sent_with_the_file_names_the_script(world: World) -> None:
    response = _upload(_api(world), SCRIPTS, "small.fountain", SMALL, title="The Small Hours")
    assert response.status_code == 201
    assert response.json()["title"] == "The Small Hours"


def test_a_final_draft_file_keeps_its_scene_numbers(world: World) -> None:
    caller = _api(world)
    body = _import(caller, "last_orders.fdx", FDX)
    assert body["draft"]["format"] == "fdx"
    scenes = caller.get(f"{SCRIPTS}/{body['id']}").json()["scenes"]
    assert [(s["number"], s["int_ext"], s["set"], s["time_of_day"]) for s in scenes] == [
        ("12", "INT", "DINER", "NIGHT"),
        ("13", "EXT", "DINER - PARKING LOT", "NIGHT"),
    ]
    assert scenes[0]["characters"] == ["MAYA"]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("notes.pdf", b"%PDF-1.7", "Prodoffice reads screenplays ending in"),
        ("empty.fountain", b"", "empty"),
        ("draft.fdx", b"this is not xml", "XML"),
        ("photo.fountain", bytes(range(256)) * 64, "NUL"),
    ],
)
def test_a_bad_file_is_refused_on_the_file_field_and_nothing_is_stored(
    world: World, name: str, data: bytes, words: str
) -> None:
    response = _upload(_api(world), SCRIPTS, name, data)
    assert response.status_code == 400
    body = response.json()
    assert words in body["errors"]["file"]
    assert body["detail"] == body["errors"]["file"]
    assert not Script.objects.exists()


def test_a_final_draft_file_with_no_scenes_is_refused_and_nothing_is_stored(
    world: World, sceneless_fdx: bytes
) -> None:
    response = _upload(_api(world), SCRIPTS, "nested.fdx", sceneless_fdx)
    assert response.status_code == 400
    assert "nested.fdx has no scenes" in response.json()["errors"]["file"]
    assert not Script.objects.exists()


def test_an_upload_without_a_file_names_the_missing_field(world: World) -> None:
    response = _api(world).client.post(BASE + SCRIPTS, {"title": "Nothing attached"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"file": "Field required"}


def test_a_fountain_file_over_1_mb_is_refused_with_its_size(world: World) -> None:
    huge = b"INT. ROOM - DAY\n\n" + b"x" * (3 * 1024 * 1024)
    response = _upload(_api(world), SCRIPTS, "huge.fountain", huge)
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == (
        "huge.fountain is 3 MB; a Fountain screenplay is under 1 MB (a 600-page script is "
        "well under that). Check that it is the right file and holds one script."
    )
    assert not Script.objects.exists()


def test_a_bad_next_draft_leaves_the_script_as_it_was(world: World) -> None:
    caller = _api(world)
    script = _import(caller)
    response = _upload(caller, f"{SCRIPTS}/{script['id']}/drafts", "next.fdx", b"<nope")
    assert response.status_code == 400
    assert "file" in response.json()["errors"]
    assert ScriptRevision.objects.count() == 1


def test_crew_reads_the_script_but_may_not_change_it(world: World) -> None:
    script = _import(_api(world))
    crew = _api(world, Role.CREW)
    scene = crew.get(f"{SCRIPTS}/{script['id']}").json()["scenes"][0]
    breakdown = crew.get(f"/productions/NIGHTOWL/scenes/{scene['id']}/breakdown")
    assert breakdown.status_code == 200
    tag = next(iter(breakdown.json()["categories"].values()))[0]
    writes = [
        _upload(crew, SCRIPTS, "small.fountain", SMALL),
        _upload(crew, f"{SCRIPTS}/{script['id']}/drafts", "small.fountain", SMALL),
        crew.post(f"{SCRIPTS}/{script['id']}/lock", {}),
        crew.post(
            f"/productions/NIGHTOWL/scenes/{scene['id']}/breakdown",
            {"category": "props", "name": "Thermos"},
        ),
        crew.patch(f"/productions/NIGHTOWL/breakdown-tags/{tag['id']}", {"state": "rejected"}),
    ]
    assert [r.status_code for r in writes] == [403] * 5
    assert writes[0].json()["detail"] == "Your role on NIGHTOWL (Crew) does not allow this."
    assert Script.objects.count() == 1
    assert ScriptRevision.objects.count() == 1


def test_an_outsider_and_another_production_get_404(world: World) -> None:
    script = _import(_api(world))
    scene = _api(world).get(f"{SCRIPTS}/{script['id']}").json()["scenes"][0]
    outsider = _api(world, "outsider")
    assert outsider.get(SCRIPTS).status_code == 404
    assert _upload(outsider, SCRIPTS, "small.fountain", SMALL).status_code == 404
    assert outsider.get(f"{SCRIPTS}/{script['id']}").status_code == 404
    # The producer of another production asks for this one's script and scene by id.
    other = make_world("DAYOWL")
    theirs = ApiCaller(other.user(Role.PRODUCER))
    assert theirs.get(f"/productions/DAYOWL/scripts/{script['id']}").status_code == 404
    assert theirs.get(
        f"/productions/DAYOWL/scripts/{script['id']}/drafts/0/report"
    ).status_code == (404)
    assert theirs.get(f"/productions/DAYOWL/scenes/{scene['id']}/breakdown").status_code == 404
    assert _upload(
        theirs, f"/productions/DAYOWL/scripts/{script['id']}/drafts", "small.fountain", SMALL
    ).status_code == (404)
    assert ScriptRevision.objects.count() == 1


def test_the_script_list_shows_each_script_with_its_drafts(world: World, white: bytes) -> None:
    caller = _api(world)
    script = _import(caller, "salt_flats.fountain", white)
    _upload(caller, f"{SCRIPTS}/{script['id']}/drafts", "salt_flats.fountain", white)
    _import(caller)
    listed = caller.get(SCRIPTS).json()
    assert [s["title"] for s in listed] == ["Salt Flats", "Small Hours"]
    assert [(d["sequence"], d["color"]) for d in listed[0]["drafts"]] == [(0, "White"), (1, "Blue")]
    assert listed[1]["drafts"][0]["filename"] == "small.fountain"


def test_a_scene_lists_the_cast_numbers_of_its_accepted_cast(world: World) -> None:
    caller = _api(world)
    script = _import(caller)  # MAYA is cast #1 on the world's cast list
    scenes = caller.get(f"{SCRIPTS}/{script['id']}").json()["scenes"]
    assert [(s["number"], s["cast_numbers"]) for s in scenes] == [("1", [1]), ("2", [])]
    assert scenes[1]["characters"] == ["EZRA"]
    assert scenes[0]["change"] == "first"


def test_the_blue_draft_after_locking_reports_a_numbers_and_omissions(
    world: World, white: bytes, blue: bytes
) -> None:
    caller = _api(world)
    script = _import(caller, "salt_flats.fountain", white)
    path = f"{SCRIPTS}/{script['id']}"
    locked = caller.post(f"{path}/lock", {})
    assert locked.status_code == 200
    assert locked.json()["locked_at"] is not None
    response = _upload(caller, f"{path}/drafts", "salt_flats_blue.fountain", blue)
    assert response.status_code == 201, response.content
    draft = response.json()
    assert (draft["sequence"], draft["color"]) == (1, "Blue")
    assert (draft["added"], draft["changed"], draft["omitted"]) == (3, 9, 2)

    report = caller.get(f"{path}/drafts/1/report").json()
    assert (report["color"], report["previous_color"]) == ("Blue", "White")
    assert [s["number"] for s in report["added"]] == ["23A", "35A", "49A"]
    assert [s["number"] for s in report["omitted"]] == ["28", "53"]
    assert "EXT. PALOMINO MOTOR LODGE - PARKING LOT - NIGHT" in {
        s["heading"] for s in report["omitted"]
    }
    assert len(report["changed"]) == 9
    kinds = {line["kind"] for scene in report["changed"] for line in scene["lines"]}
    assert {"same", "added", "removed"} <= kinds <= {"same", "added", "removed", "gap"}
    assert all(
        line["text"] or line["kind"] == "gap"
        for scene in report["changed"]
        for line in scene["lines"]
    )
    assert report["pages"]
    assert any("EZRA HALLORAN" in name for name in report["cast"])
    assert sorted(report["review_needed"]) == sorted(s["number"] for s in report["changed"])

    scenes = caller.get(path).json()["scenes"]
    omitted = [s["number"] for s in scenes if s["omitted"]]
    assert omitted == ["28", "53"]


def test_a_draft_report_for_a_draft_that_does_not_exist_is_404(world: World) -> None:
    caller = _api(world)
    script = _import(caller)
    assert caller.get(f"{SCRIPTS}/{script['id']}/drafts/0/report").status_code == 200
    assert caller.get(f"{SCRIPTS}/{script['id']}/drafts/1/report").status_code == 404


def _breakdown(caller: ApiCaller, scene_id: int) -> dict[str, Any]:
    response = caller.get(f"/productions/NIGHTOWL/scenes/{scene_id}/breakdown")
    assert response.status_code == 200
    return dict(response.json())


def test_a_suggestion_is_rejected_and_accepted_again_through_the_api(world: World) -> None:
    caller = _api(world)
    script = _import(caller)
    scene = caller.get(f"{SCRIPTS}/{script['id']}").json()["scenes"][0]
    sheet = _breakdown(caller, scene["id"])
    assert sheet["categories"]["cast"][0]["name"] == "MAYA"
    assert sheet["categories"]["cast"][0]["cast_number"] == 1
    suggested = [
        tag for tags in sheet["categories"].values() for tag in tags if tag["state"] == "suggested"
    ]
    assert len(suggested) == sheet["suggested"] > 0
    tag = suggested[0]
    tag_path = f"/productions/NIGHTOWL/breakdown-tags/{tag['id']}"

    rejected = caller.patch(tag_path, {"state": "rejected"})
    assert rejected.status_code == 200
    assert rejected.json()["state"] == "rejected"
    after = _breakdown(caller, scene["id"])
    assert after["suggested"] == sheet["suggested"] - 1
    assert tag["id"] not in {t["id"] for tags in after["categories"].values() for t in tags}

    accepted = caller.patch(tag_path, {"state": "accepted"})
    assert accepted.json()["state"] == "accepted"
    again = _breakdown(caller, scene["id"])
    assert {"id": tag["id"], "state": "accepted"}.items() <= next(
        t for t in again["categories"][tag["category"]] if t["id"] == tag["id"]
    ).items()

    wrong = caller.patch(tag_path, {"state": "maybe"})
    assert wrong.status_code == 422
    assert "state" in wrong.json()["errors"]


def test_an_element_tagged_by_hand_is_accepted_on_the_sheet(world: World) -> None:
    caller = _api(world)
    script = _import(caller)
    scene = caller.get(f"{SCRIPTS}/{script['id']}").json()["scenes"][1]
    path = f"/productions/NIGHTOWL/scenes/{scene['id']}/breakdown"
    response = caller.post(path, {"category": "props", "name": "  Thermos "})
    assert response.status_code == 201
    tag = response.json()
    assert (tag["category"], tag["name"], tag["state"], tag["reason"]) == (
        "props",
        "Thermos",
        "accepted",
        "by hand",
    )
    assert tag["id"] in {t["id"] for t in _breakdown(caller, scene["id"])["categories"]["props"]}
    refused = caller.post(path, {"category": "snacks", "name": "Chips"})
    assert refused.status_code == 422
    assert "category" in refused.json()["errors"]


def _scenes(count: int) -> bytes:
    parts = [
        f"INT. ROOM {n} - DAY\n\nMAYA paces. EZRA waits by the DOOR.\n\nMAYA\nLine {n}.\n\n"
        for n in range(1, count + 1)
    ]
    return "".join(parts).encode()


def test_the_scene_list_costs_the_same_queries_for_5_scenes_as_for_60(
    world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    caller = _api(world)
    caller.get(SCRIPTS)  # the first call with a token notes when it was used
    few = _import(caller, "few.fountain", _scenes(5))
    many = _import(caller, "many.fountain", _scenes(60))
    with CaptureQueriesContext(connection) as five:
        assert len(caller.get(f"{SCRIPTS}/{few['id']}").json()["scenes"]) == 5
    with django_assert_num_queries(len(five)):
        scenes = caller.get(f"{SCRIPTS}/{many['id']}").json()["scenes"]
    assert len(scenes) == 60
    assert all(s["cast_numbers"] == [1] for s in scenes)


def test_the_script_list_costs_the_same_queries_for_1_script_as_for_4(
    world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    caller = _api(world)
    caller.get(SCRIPTS)
    first = _import(caller)
    _upload(caller, f"{SCRIPTS}/{first['id']}/drafts", "small.fountain", SMALL)
    with CaptureQueriesContext(connection) as one:
        assert len(caller.get(SCRIPTS).json()) == 1
    counted = len(one)  # now: the next request clears the log this count is read from
    for n in range(3):
        _upload(caller, SCRIPTS, f"s{n}.fountain", SMALL, title=f"Script {n}")
    with django_assert_num_queries(counted):
        assert len(caller.get(SCRIPTS).json()) == 4


@pytest.mark.parametrize(
    "path",
    [
        f"{SCRIPTS}/not-a-number",
        f"{SCRIPTS}/99999999999999999999999",
        f"{SCRIPTS}/-1",
        f"{SCRIPTS}/{{script}}/drafts/99999999999999999999999/report",
        f"{SCRIPTS}/{{script}}/drafts/-1/report",
        "/productions/NIGHTOWL/scenes/99999999999999999999999/breakdown",
    ],
)
def test_odd_ids_are_a_4xx_never_a_500(world: World, path: str) -> None:
    caller = _api(world)
    script = _import(caller)
    assert 400 <= caller.get(path.format(script=script["id"])).status_code < 500


@pytest.mark.parametrize(
    ("method", "path", "raw"),
    [
        ("post", "/productions/NIGHTOWL/scenes/{scene}/breakdown", "{"),
        ("post", "/productions/NIGHTOWL/scenes/{scene}/breakdown", '{"name": null}'),
        ("post", "/productions/NIGHTOWL/scenes/{scene}/breakdown", '{"category": "props"}'),
        ("patch", "/productions/NIGHTOWL/breakdown-tags/{tag}", "[]"),
        ("patch", "/productions/NIGHTOWL/breakdown-tags/{tag}", '{"state": 3}'),
        ("patch", "/productions/NIGHTOWL/breakdown-tags/99999999999999999999999", "{}"),
        ("post", f"{SCRIPTS}/{{script}}/drafts", '{"file": "salt_flats.fountain"}'),
    ],
)
def test_malformed_bodies_are_refused_with_a_4xx_never_a_500(
    world: World, method: str, path: str, raw: str
) -> None:
    caller = _api(world)
    script = _import(caller)
    scene = caller.get(f"{SCRIPTS}/{script['id']}").json()["scenes"][0]
    tag = next(iter(_breakdown(caller, scene["id"])["categories"].values()))[0]
    url = BASE + path.format(script=script["id"], scene=scene["id"], tag=tag["id"])
    response = getattr(caller.client, method)(url, raw, content_type="application/json")
    assert response.status_code in (400, 404, 422), response.content
