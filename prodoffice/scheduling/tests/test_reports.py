from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader
from pytest_django import DjangoAssertNumQueries

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.scheduling import reports, selectors, services
from prodoffice.scheduling.models import Banner, Schedule, SetLocation, ShootDay, Strip
from prodoffice.scripts.models import Scene
from prodoffice.scripts.services import import_script, tag_element

pytestmark = pytest.mark.django_db
WHITE = Path(__file__).resolve().parents[2] / "demo" / "scripts" / "salt_flats.fountain"


def _schedule(world: World, start: date = date(2027, 3, 1)) -> Schedule:
    access = world.access(Role.COORDINATOR)
    revision = import_script(access=access, filename="w.fountain", data=WHITE.read_bytes())
    return services.create_schedule(
        access=access,
        revision=revision,
        name="First pass",
        start_date=start,
        eighths_per_day=16,
    )


def _cast_june(world: World) -> None:
    lead = world.cast_member
    lead.character = "JUNE HALLORAN"
    lead.save()


def _get(world: World, who: Role, name: str, *args: object) -> HttpResponse:
    client = Client()
    client.force_login(world.user(who))
    return client.get(reverse(name, args=[world.production.code, *args]))


def _pdf_text(response: HttpResponse) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    # Words as printed, whatever the line breaks.
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def _shoot_days(schedule: Schedule) -> list[ShootDay]:
    return list(schedule.days.filter(kind="shoot").order_by("order"))


def _scene(schedule: Schedule, number: str) -> Scene:
    return Scene.objects.get(revision=schedule.revision, number=number)


def test_the_one_liner_prints_each_day_with_its_scenes_in_order_and_its_page_total(
    world: World,
) -> None:
    schedule = _schedule(world)
    board = selectors.stripboard(schedule)
    strip = board.days[1].strips[0]  # scene 3 goes to the boneyard
    services.move_strip(
        access=world.access(Role.COORDINATOR), strip=strip, day=None, position=0, version=1
    )
    board = selectors.stripboard(Schedule.objects.get(pk=schedule.pk))
    text = _pdf_text(_get(world, Role.CREW, "one_liner_pdf", schedule.pk))

    assert "Night Owl" in text and "ONE-LINE SCHEDULE" in text and "First pass" in text
    expected = []
    for d in board.days[:6]:
        expected.append(f"Day {d.day.number} — {d.day.date:%A, %B} {d.day.date.day}, 2027")
        expected += [
            f"{s.scene.number} {s.scene.int_ext} {s.scene.set_name}"
            for s in d.strips
            if "/" not in s.scene.int_ext  # INT/EXT wraps in its narrow column
        ]
        expected.append(f"End of Day {d.day.number} — {d.eighths // 8 or ''}")
    assert _in_order(text, expected)
    assert "Day 1 — Monday, March 1, 2027" in text
    assert "End of Day 1 — 2 pages" in text
    assert "End of Day 2 — 1 page" in text  # scene 4 alone
    boneyard = text[text.index("Boneyard — scenes not on a shoot day") :]
    assert "3 EXT GAS STATION DAY 7/8" in boneyard
    assert "Boneyard total — 7/8 pages" in boneyard


def test_the_one_liner_shows_holidays_and_cast_numbers(world: World) -> None:
    _cast_june(world)
    schedule = _schedule(world, start=date(2026, 12, 21))
    text = _pdf_text(_get(world, Role.CAST, "one_liner_pdf", schedule.pk))
    assert "Holiday — Friday, December 25, 2026 · Christmas Day" in text
    assert re.search(r"3 EXT GAS STATION DAY 7/8 1, TESS, TRUCKER", text)

    page = _get(world, Role.CAST, "one_liner", schedule.pk).content.decode()
    assert "Day 1 — Monday, December 21, 2026" in page
    assert "Holiday — Friday, December 25, 2026" in page
    assert "<b>End of Day 1</b> — 2 pages" in page
    assert "1, TESS, TRUCKER" in page
    assert reverse("one_liner_pdf", args=[world.production.code, schedule.pk]) in page


def test_the_one_liner_carries_the_boards_banners_under_their_day(world: World) -> None:
    schedule = _schedule(world)
    day3 = _shoot_days(schedule)[2]
    Banner.objects.create(day=day3, kind=Banner.Kind.MOVE, text="Company move to Ely")
    text = _pdf_text(_get(world, Role.CREW, "one_liner_pdf", schedule.pk))
    assert _in_order(text, ["Day 3 — Wednesday, March 3, 2027", "Company move to Ely", "5 EXT"])
    page = _get(world, Role.CREW, "one_liner", schedule.pk).content.decode()
    assert "<i>Company move to Ely</i>" in page


def test_the_shooting_schedule_lists_each_scenes_breakdown_by_category(world: World) -> None:
    _cast_june(world)
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    tag_element(
        access=access, scene=_scene(schedule, "3"), category="vehicles", name="Tanker truck"
    )
    tag_element(access=access, scene=_scene(schedule, "3"), category="props", name="Fuel nozzle")
    response = _get(world, Role.CREW, "shooting_schedule_pdf", schedule.pk)
    assert response["Content-Disposition"].startswith(
        'attachment; filename="NIGHTOWL-first-pass-shooting-schedule-'
    )
    text = _pdf_text(response)
    assert _in_order(
        text,
        [
            "Day 1 — Monday, March 1, 2027",
            "1 EXT. SALT FLATS - DAWN 1 2/8 pages",
            "End of Day 1 — 2 pages",
            "Day 2 — Tuesday, March 2, 2027",
            "3 EXT. GAS STATION - DAY 7/8 pages",
            "CAST 1. JUNE HALLORAN, TESS, TRUCKER",
            "VEHICLES Tanker truck",
            "PROPS Fuel nozzle",
            "4 INT. GAS STATION",
            "11 INT. PALOMINO MOTOR LODGE - ROOM 6 - DAY 4/8 pages",
            "Lucy turns her motel room into an investigation wall.",
        ],
    )

    page = _get(world, Role.CREW, "shooting_schedule", schedule.pk).content.decode()
    assert "Lucy turns her motel room into an investigation wall." in page
    assert '<dt class="muted">Vehicles</dt><dd>Tanker truck</dd>' in page


def test_the_cast_day_out_of_days_prints_every_code_and_total(world: World) -> None:
    _cast_june(world)
    schedule = _schedule(world)
    table = selectors.day_out_of_days_table(schedule)
    june = next(row for row in table.rows if row.element.name == "JUNE HALLORAN")
    response = _get(world, Role.CAST, "dood_export", schedule.pk, "cast", "pdf")
    text = _pdf_text(response)
    assert "DAY OUT OF DAYS" in text and "Cast" in text
    assert "SW start work" in text and "H hold" in text and "WF work finish" in text
    codes = " ".join(str(code) for code in june.codes[:20] if str(code))
    assert f"1. JUNE HALLORAN {codes}" in text
    totals = june.totals
    assert f"{totals.work} {totals.hold} 0 0 0 {totals.holiday} {totals.idle} {totals.total}" in (
        text
    )
    assert "Day 1 to Day 20 (part 1 of 2)" in text  # 32 shoot days run on to a second page


def test_the_cast_day_out_of_days_as_a_spreadsheet(world: World) -> None:
    _cast_june(world)
    schedule = _schedule(world)
    table = selectors.day_out_of_days_table(schedule)
    response = _get(world, Role.CREW, "dood_export", schedule.pk, "cast", "xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws is not None
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    assert "Day Out of Days: Cast" in str(rows[0][0])
    days, dates = rows[3], rows[4]
    assert days[:4] == ["Day", "1", "2", "3"]
    assert dates[1].date() == date(2027, 3, 1)  # a real date, not text
    width = len(table.days)
    assert days[width + 1 :] == [
        "Work", "Hold", "Travel", "Reh", "Fit", "Hol", "Idle", "Total", "Start", "Finish"
    ]  # fmt: skip
    june_row = next(row for row in rows if row[0] == "1. JUNE HALLORAN")
    june = next(row for row in table.rows if row.element.name == "JUNE HALLORAN")
    assert [c or "" for c in june_row[1 : width + 1]] == [str(c) for c in june.codes]
    assert june_row[width + 1] == june.totals.work
    assert june_row[width + 8] == june.totals.total
    assert june_row[width + 9].date() == june.totals.start
    assert ("SW", "start work") in {tuple(row[:2]) for row in rows}


def test_a_vehicle_is_in_use_from_its_first_scene_to_its_last(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    days = _shoot_days(schedule)
    on_day = {d.number: list(Strip.objects.filter(day=d)) for d in days}
    for number in (2, 5):
        tag_element(
            access=access, scene=on_day[number][0].scene, category="vehicles", name="Picture car"
        )
    sheet = reports.dood_sheet(schedule, "vehicles")
    [truck] = sheet.lines
    assert truck.label == "Picture car"
    by_number = {d.number: str(code) for d, code in zip(sheet.days, truck.codes, strict=True)}
    assert [by_number[n] for n in range(1, 7)] == ["", "SW", "H", "H", "WF", ""]
    assert (truck.totals.work, truck.totals.hold) == (2, 2)
    assert truck.totals.start == days[1].date and truck.totals.finish == days[4].date

    page = _get(world, Role.CREW, "element_dood", schedule.pk, "vehicles").content.decode()
    assert "Day Out of Days: Vehicles" in page and "Picture car" in page
    assert reverse("dood_export", args=[world.production.code, schedule.pk, "vehicles", "xlsx"])
    text = _pdf_text(_get(world, Role.CREW, "dood_export", schedule.pk, "vehicles", "pdf"))
    assert "Picture car SW H H WF 2 2 0 0 4 3/2 3/5" in text


def test_a_set_is_in_use_on_the_days_its_scenes_are_shot(world: World) -> None:
    schedule = _schedule(world)
    sheet = reports.dood_sheet(schedule, "sets")
    gas = next(line for line in sheet.lines if line.label == "GAS STATION")
    worked = [d.number for d, code in zip(sheet.days, gas.codes, strict=True) if str(code)]
    gas_days = {
        s.day.number
        for s in Strip.objects.filter(schedule=schedule, scene__set_name="GAS STATION")
        if s.day
    }
    assert gas.totals.work == len(gas_days)
    assert min(gas_days) == worked[0] and max(gas_days) == worked[-1]
    assert str(gas.codes[0]) == ""

    xlsx = _get(world, Role.CREW, "dood_export", schedule.pk, "sets", "xlsx")
    book = load_workbook(io.BytesIO(xlsx.content))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert any(row[0] == "GAS STATION" for row in rows)
    assert rows[3][-2:] == ("First", "Last")


def test_a_location_is_in_use_on_the_days_of_any_of_its_sets(world: World) -> None:
    schedule = _schedule(world)
    ranch_sets = {
        name
        for name in Scene.objects.filter(revision=schedule.revision).values_list(
            "set_name", flat=True
        )
        if name.startswith("HALLORAN RANCH HOUSE")
    }
    assert len(ranch_sets) > 1  # the porch, the kitchen ...
    ranch_days = {
        s.day.number
        for s in Strip.objects.filter(schedule=schedule, scene__set_name__in=ranch_sets)
        if s.day
    }
    sheet = reports.dood_sheet(schedule, "locations")
    ranch = next(line for line in sheet.lines if line.label == "HALLORAN RANCH HOUSE")
    assert ranch.totals.work == len(ranch_days)
    assert not any(line.label.startswith("HALLORAN RANCH HOUSE -") for line in sheet.lines)

    # The office says the diner is shot at a real place: its days move to that location.
    SetLocation.objects.create(
        production=world.production, set_name="BLUE MESA DINER", location="Rosie's Cafe, Ely"
    )
    sheet = reports.dood_sheet(schedule, "locations")
    labels = {line.label for line in sheet.lines}
    assert "Rosie's Cafe, Ely" in labels and "BLUE MESA DINER" not in labels


def test_the_dood_pages_switch_between_kinds(world: World) -> None:
    schedule = _schedule(world)
    cast = _get(world, Role.CAST, "dood", schedule.pk).content.decode()
    locations = reverse("element_dood", args=[world.production.code, schedule.pk, "locations"])
    assert locations in cast
    assert reverse("dood_export", args=[world.production.code, schedule.pk, "cast", "pdf"]) in cast
    page = _get(world, Role.CAST, "element_dood", schedule.pk, "locations").content.decode()
    assert "HALLORAN RANCH HOUSE" in page
    sets = reverse("element_dood", args=[world.production.code, schedule.pk, "sets"])
    assert sets in page
    assert reverse("dood", args=[world.production.code, schedule.pk]) in page
    redirect = _get(world, Role.CAST, "element_dood", schedule.pk, "cast")
    assert redirect.status_code == 302
    assert _get(world, Role.CAST, "element_dood", schedule.pk, "caterers").status_code == 404
    assert _get(world, Role.CAST, "dood_export", schedule.pk, "cast", "docx").status_code == 404
    board = _get(world, Role.CAST, "stripboard", schedule.pk).content.decode()
    assert reverse("one_liner", args=[world.production.code, schedule.pk]) in board


REPORTS: list[tuple[str, Callable[[Schedule], list[object]]]] = [
    ("one_liner", lambda s: [s.pk]),
    ("one_liner_pdf", lambda s: [s.pk]),
    ("shooting_schedule", lambda s: [s.pk]),
    ("shooting_schedule_pdf", lambda s: [s.pk]),
    ("element_dood", lambda s: [s.pk, "vehicles"]),
    ("element_dood", lambda s: [s.pk, "locations"]),
    ("element_dood", lambda s: [s.pk, "sets"]),
    ("dood_export", lambda s: [s.pk, "locations", "xlsx"]),
    ("dood_export", lambda s: [s.pk, "cast", "pdf"]),
    ("dood_export", lambda s: [s.pk, "vehicles", "xlsx"]),
]


@pytest.mark.parametrize(("name", "args"), REPORTS)
def test_each_report_costs_the_same_queries_whatever_the_schedule_length(
    world: World,
    django_assert_num_queries: DjangoAssertNumQueries,
    name: str,
    args: Callable[[Schedule], list[object]],
) -> None:
    _cast_june(world)
    schedule = _schedule(world)
    for strip in Strip.objects.filter(schedule=schedule)[:10]:
        tag_element(
            access=world.access(Role.COORDINATOR),
            scene=strip.scene,
            category="vehicles",
            name=f"Car {strip.pk % 3}",
        )
    for day in _shoot_days(schedule):
        Banner.objects.create(day=day, text=f"Note for day {day.number}")
    client = Client()
    client.force_login(world.user(Role.CREW))
    url = reverse(name, args=[world.production.code, *args(schedule)])
    client.get(url)
    with CaptureQueriesContext(connection) as full:
        assert client.get(url).status_code == 200
    strips = Strip.objects.filter(schedule=schedule).order_by("day__order", "order")
    kept = list(strips.values_list("pk", flat=True)[:4])
    strips.exclude(pk__in=kept).delete()
    schedule.days.filter(strips__isnull=True).delete()
    with django_assert_num_queries(len(full)):
        assert client.get(url).status_code == 200
