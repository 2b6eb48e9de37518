"""Properties of the DPR's forms, whatever is typed into them: the page saves (302) or refuses
with the message shown (400), never a 500; a refused post changes nothing; and nothing
contradictory is ever stored.

Each test starts one report from the shared demo and posts every example inside a block that is
rolled back after the example's checks, so every example starts from the same report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from prodoffice.callsheets.tests.test_generate import demo
from prodoffice.core.models import ChangeRecord
from prodoffice.productions.models import Production
from prodoffice.reports.models import (
    BackgroundGroup,
    DailyReport,
    MediaUsed,
    ReportScene,
    TimeEntry,
)
from prodoffice.reports.selectors import later_days, people_not_on
from prodoffice.reports.services import EntryTimes, edit_times, start_report
from prodoffice.reports.services.day import STATUSES
from prodoffice.reports.tests.support import (
    at,
    client_for,
    first_entry,
    office_access,
    sheet_with_cast,
)
from prodoffice.scheduling.models import Schedule, Strip
from prodoffice.scripts.models import Scene

pytestmark = pytest.mark.django_db
__all__ = ["demo"]  # the call sheets' demo production, as a fixture here too

# The report is built once per test (the `demo` fixture), not once per example: each example
# rolls its own changes back, so sharing the function-scoped fixture is what is wanted.
PROPERTY = settings(
    max_examples=25,  # each example renders the report page: about 0.1 s
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

BEYOND_YEAR_9999 = ("9999-12-31T23:59", "9999-12-31T16:00")
# What a person may type or paste instead of a time or a number.
JUNK = [
    "",
    " ",
    "\x00",
    "25:99",
    "10:00",
    "2027-02-30T10:00",
    "2026-13-01T10:00",
    "x" * 5000,
    "²",
    "99999999999999999999999999",
    "-1",
    "0",
    "1.5",
    "NaN",
    "1e999",
    "<script>alert(1)</script>",
    # Times the production's zone (Los Angeles) skips or passes twice when the clocks change.
    "2027-03-14T02:30",
    "2026-11-01T01:30",
    # The first minute a form reads, and the last hours of year 9999 in Los Angeles, which are
    # year 10000 in UTC (once a 500 on SQLite, and saved then unreadable on PostgreSQL).
    "0001-01-01T00:00",
    *BEYOND_YEAR_9999,
]
junk = st.sampled_from(JUNK)
DAY_TIMES = (
    "pickup",
    "call",
    "makeup",
    "on_set",
    "meal1_start",
    "meal1_end",
    "meal2_start",
    "meal2_end",
    "dismissed_set",
    "wrap",
)
SHARED_TIMES = ("meal1_start", "meal1_end", "meal2_start", "meal2_end", "wrap")
BACKGROUND_TIMES = ("call", "meal_start", "meal_end", "wrap")
DAY_DETAIL_TIMES = ("first_shot", "camera_wrap", "last_out")
DAY_NOTES = ("delays", "accidents", "equipment", "location_damage", "other")
CAST_SEQUENCE = ("pickup", "call", "makeup", "on_set", "dismissed_set", "wrap")
PERFORMER = ("pickup", "makeup", "on_set", "dismissed_set")
MEALS = (("meal1_start", "meal1_end"), ("meal2_start", "meal2_end"))
TYPED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def typed(on: date, minutes: int) -> str:
    """`minutes` after midnight starting `on`, as a datetime-local field sends it."""
    day = on + timedelta(days=minutes // 1440)
    hour, minute = divmod(minutes % 1440, 60)
    return f"{day:%Y-%m-%d}T{hour:02d}:{minute:02d}"


def offsets() -> st.SearchStrategy[int]:
    """From midnight the day before the report's day to the last minute two days after it."""
    return st.integers(min_value=-1440, max_value=3 * 1440 - 1)


def years_away() -> st.SearchStrategy[str]:
    """A typo in the year: any date a form reads up to the last day of year 9999."""
    return st.builds(
        typed, st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 30)), offsets()
    )


@st.composite
def times_posted(draw: st.DrawFn, on: date, names: tuple[str, ...]) -> dict[str, str]:
    """Times for `names` as typed: in the order of the day two times in three, in any order
    otherwise; some left out (a meal's two ends together), and up to two fields junk. So a
    post is accepted often enough for what it saves to be checked."""
    moments = draw(st.lists(offsets(), min_size=len(names), max_size=len(names)))
    if draw(st.sampled_from(["in order", "in order", "any order"])) == "in order":
        moments.sort()
    sent = {name: typed(on, minutes) for name, minutes in zip(names, moments, strict=True)}
    ends: dict[str, list[str]] = {}
    for name in names:
        ends.setdefault(name.removesuffix("_start").removesuffix("_end"), []).append(name)
    for unit in ends.values():
        if draw(st.integers(0, 3)) == 0:
            for name in unit:
                del sent[name]
    spoiled = draw(st.sampled_from([0, 0, 1, 2]))
    for name in draw(st.lists(st.sampled_from(names), max_size=spoiled, unique=True)):
        sent[name] = draw(junk | years_away())
    return sent


def mostly(good: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A good value three times in four, junk otherwise."""
    return st.integers(0, 3).flatmap(lambda n: junk if n == 0 else good)


def text(max_size: int = 40) -> st.SearchStrategy[str]:
    return mostly(st.text(max_size=max_size))


def number(low: int = 0) -> st.SearchStrategy[str]:
    return mostly(st.integers(min_value=low - 2, max_value=300).map(str))


def fields(
    required: dict[str, st.SearchStrategy[str]], optional: dict[str, st.SearchStrategy[str]]
) -> st.SearchStrategy[dict[str, str]]:
    """The fields a form always sends, and any subset of the others."""
    return st.fixed_dictionaries(required, optional=optional)


# The state of everything a DPR post could change, to compare before and after a refusal.
def state(report: DailyReport) -> dict[str, Any]:
    schedule = report.call_sheet.schedule_id
    columns = [f.attname for f in DailyReport._meta.concrete_fields if f.name != "published_pdf"]
    return {
        "report": list(DailyReport.objects.filter(pk=report.pk).values(*columns)),
        "entries": list(TimeEntry.objects.filter(report=report).order_by("pk").values()),
        "scenes": list(ReportScene.objects.filter(report=report).order_by("pk").values()),
        "background": list(BackgroundGroup.objects.filter(report=report).order_by("pk").values()),
        "media": list(MediaUsed.objects.filter(report=report).order_by("pk").values()),
        "strips": list(
            Strip.objects.filter(schedule_id=schedule).order_by("pk").values("pk", "day", "order")
        ),
        "schedule": list(Schedule.objects.filter(pk=schedule).values("version")),
        "history": ChangeRecord.objects.count(),
    }


def recorded(before: dict[str, Any]) -> dict[str, Any]:
    """The state without the bookkeeping a save changes by itself."""
    bookkeeping = {"updated_at", "changed_since_sent"}
    report = [{k: v for k, v in row.items() if k not in bookkeeping} for row in before["report"]]
    return {**before, "report": report, "history": None}


@contextmanager
def rolled_back() -> Iterator[None]:
    """One example's writes, undone after its checks so the next example starts afresh."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def post(
    client: Client,
    report: DailyReport,
    url: str,
    data: dict[str, str],
    *,
    form: str,
    saved: Callable[[], None] = lambda: None,
) -> int:
    """Post and check the answer: saved (then `saved` checks what was stored), or refused with
    its messages shown and nothing changed. Everything is rolled back afterwards."""
    with rolled_back():
        before = state(report)
        response: HttpResponse = client.post(url, data)
        event(f"answered {response.status_code}")
        assert response.status_code in {302, 400}, response.status_code
        # A NUL character anywhere is refused whole before any form reads it (core's
        # middleware), with a page that says why.
        nul = any("\x00" in value for value in data.values())
        if response.status_code == 400:
            if nul:
                assert "NUL character" in response.content.decode()
            else:
                shown_beside_fields(response, form)
            assert state(report) == before, "a refused post changed something"
        else:
            assert not nul
            saved()
            # A sent report that now records something else offers to send the correction.
            if recorded(state(report)) != recorded(before):
                assert DailyReport.objects.get(pk=report.pk).changed_since_sent
            # Whatever was saved, the report page still opens.
            assert client.get(_base(report) + "/").status_code == 200
        return response.status_code


def shown_beside_fields(response: HttpResponse, name: str) -> None:
    """A refusal says what is wrong, on the page the person is looking at."""
    form = response.context[name]
    assert form.errors, "refused without saying why"
    page = response.content.decode()
    for messages in form.errors.values():
        for message in messages:
            assert escape(message) in page, message


def contradictions(entry: TimeEntry) -> list[str]:
    """What in a person's saved times cannot all be true at once: out not after in, a meal that
    ends before it starts or falls outside in to out, meals that overlap, a performer's day out
    of order. (A meal with one end entered is left to
    test_a_meal_with_one_end_entered_is_inside_the_day, a known bug.)"""
    found: list[str] = []
    call, wrap = entry.call, entry.wrap
    if call is not None and wrap is not None and wrap <= call:
        found.append("out is not after in")
    meals: list[tuple[datetime, datetime]] = []
    for start_name, end_name in MEALS:
        start, end = getattr(entry, start_name), getattr(entry, end_name)
        if start is None or end is None:
            continue
        if end <= start:
            found.append(f"{start_name[:5]} ends before it starts")
        elif not inside(start, end, call, wrap):
            found.append(f"{start_name[:5]} is outside the day")
        else:
            meals.append((start, end))
    if len(meals) == 2 and meals[0][0] < meals[1][1] and meals[1][0] < meals[0][1]:
        found.append("the meals overlap")
    sequence = [getattr(entry, name) for name in CAST_SEQUENCE]
    present = [moment for moment in sequence if moment is not None]
    if present != sorted(present):
        found.append("the performer's day is out of order")
    return found


def inside(start: datetime, end: datetime, call: datetime | None, wrap: datetime | None) -> bool:
    """Whether start to end lies within in to out, as far as they are known."""
    return (call is None or call <= start) and (wrap is None or end <= wrap)


def as_sent(report: DailyReport) -> DailyReport:
    """Marked as published and not changed since: a refusal that still flagged the report as
    changed would show in the state compared, and a change not flagged is caught."""
    DailyReport.objects.filter(pk=report.pk).update(
        status=DailyReport.Status.PUBLISHED, version=1, changed_since_sent=False
    )
    report.refresh_from_db()
    return report


@pytest.fixture
def report(demo: Production) -> DailyReport:
    """Started once for all of a test's examples."""
    return as_sent(start_report(access=office_access(), call_sheet=sheet_with_cast()))


@pytest.fixture
def office() -> Client:
    return client_for()


def _base(report: DailyReport) -> str:
    return f"/p/DEMO/reports/{report.pk}"


def _local(moment: datetime | None, zone: ZoneInfo) -> str | None:
    return None if moment is None else f"{moment.astimezone(zone):%Y-%m-%dT%H:%M}"


def _statuses() -> st.SearchStrategy[str]:
    return mostly(st.sampled_from(["W", "sw", " H ", "T", "SWF", "", "X", "WORKED"]))


# A person's times ------------------------------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_a_persons_times_are_saved_as_typed_and_in_order_or_refused_untouched(
    report: DailyReport, office: Client, data: st.DataObject
) -> None:
    entry = data.draw(
        st.sampled_from([first_entry(report, cast=True), first_entry(report, cast=False)]),
        label="entry",
    )
    cast = entry.engagement.cast_number is not None
    sent = data.draw(times_posted(report.day.date, DAY_TIMES), label="times")
    sent |= data.draw(fields({}, {"status": _statuses(), "remarks": text()}), label="the rest")
    zone = ZoneInfo(report.production.time_zone)

    def saved() -> None:
        stored = TimeEntry.objects.get(pk=entry.pk)
        assert contradictions(stored) == []
        assert stored.status in STATUSES | {""}
        # What was typed is what is stored; a crew member has no performer's times.
        for name in DAY_TIMES:
            value = sent.get(name, "").strip() if cast or name not in PERFORMER else ""
            if not value or TYPED.fullmatch(value):
                assert _local(getattr(stored, name), zone) == (value or None), name

    url = f"{_base(report)}/people/{entry.pk}/edit/"
    post(office, report, url, sent, form="form", saved=saved)


@pytest.fixture
def some_times_entered(report: DailyReport) -> DailyReport:
    """A performer with a whole day entered and a crew member with their out: the shared times
    must leave both as they are, or skip them where they contradict."""
    access = office_access()
    performer, crew = first_entry(report, cast=True), first_entry(report, cast=False)
    whole_day = EntryTimes(
        call=at(report, 6),
        meal1_start=at(report, 12),
        meal1_end=at(report, 12, 30),
        wrap=at(report, 18),
        status="W",
    )
    edit_times(access=access, entry=performer, times=whole_day)
    edit_times(access=access, entry=crew, times=EntryTimes(call=crew.call, wrap=at(report, 19)))
    return as_sent(report)


@PROPERTY
@given(data=st.data())
def test_shared_times_fill_in_only_what_agrees_or_are_refused_untouched(
    some_times_entered: DailyReport, office: Client, data: st.DataObject
) -> None:
    report = some_times_entered
    sent = data.draw(times_posted(report.day.date, SHARED_TIMES), label="times")
    group = mostly(st.sampled_from(["crew", "cast", "everyone"]))
    sent |= data.draw(fields({"group": group}, {}), label="group")
    zone = ZoneInfo(report.production.time_zone)
    before = {
        entry.pk: {name: getattr(entry, name) for name in SHARED_TIMES}
        for entry in TimeEntry.objects.filter(report=report)
    }

    def saved() -> None:
        for entry in TimeEntry.objects.filter(report=report):
            assert contradictions(entry) == [], entry
            # A time someone already had is never overwritten; a new one is the shared one.
            for name in SHARED_TIMES:
                had, has = before[entry.pk][name], getattr(entry, name)
                if had is not None:
                    assert has == had, (entry, name)
                elif has is not None:
                    assert _local(has, zone) == sent[name].strip(), (entry, name)

    post(office, report, f"{_base(report)}/shared-times/", sent, form="shared_form", saved=saved)


# A scene's result ------------------------------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_a_scenes_result_is_saved_consistent_or_refused_untouched(
    report: DailyReport, office: Client, data: st.DataObject
) -> None:
    scenes = list(report.scenes.order_by("pk"))
    scene = data.draw(st.sampled_from(scenes), label="scene")
    days = [str(day.pk) for day in later_days(report)][:3]
    sent = data.draw(
        fields(
            {"result": mostly(st.sampled_from([*ReportScene.Result.values, "COMPLETE"]))},
            {
                "eighths_shot": number(),
                "setups": number(),
                "note": text(),
                "retake": mostly(st.sampled_from(["on", "true", "false", "0"])),
                "move_to": mostly(st.sampled_from(["", "boneyard", str(report.day_id), *days])),
            },
        ),
        label="result",
    )

    def saved() -> None:
        stored = ReportScene.objects.get(pk=scene.pk)
        assert stored.result in ReportScene.Result.values
        if stored.result == ReportScene.Result.COMPLETE:
            assert stored.eighths_shot == stored.eighths
        elif stored.result == ReportScene.Result.PARTIAL:
            assert stored.eighths_shot > 0
        else:
            assert stored.eighths_shot == 0
        strip = Strip.objects.filter(
            schedule=report.call_sheet.schedule, scene_id=scene.scene_id
        ).first()
        moved = sent.get("move_to", "")
        if strip is not None and moved == "boneyard":
            assert strip.day_id is None
        elif strip is not None and moved in days:
            assert str(strip.day_id) == moved

    url = f"{_base(report)}/scenes/{scene.pk}/edit/"
    post(office, report, url, sent, form="scene_form", saved=saved)


# Background and media --------------------------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_background_is_added_with_times_in_order_or_refused_untouched(
    report: DailyReport, office: Client, data: st.DataObject
) -> None:
    sent = data.draw(times_posted(report.day.date, BACKGROUND_TIMES), label="times")
    sent |= data.draw(
        fields(
            {
                "description": mostly(st.sampled_from(["Diner patrons", " Stand-ins "])),
                "count": number(low=1),
            },
            {"remarks": text()},
        ),
        label="the rest",
    )

    def saved() -> None:
        group = BackgroundGroup.objects.filter(report=report).order_by("pk").last()
        assert group is not None
        assert group.description.strip() and group.count >= 1
        call, wrap, start, end = group.call, group.wrap, group.meal_start, group.meal_end
        assert call is None or wrap is None or call < wrap
        if start is not None and end is not None:
            assert start < end and inside(start, end, call, wrap)

    url = f"{_base(report)}/background/add/"
    post(office, report, url, sent, form="background_form", saved=saved)


@PROPERTY
@given(data=st.data())
def test_media_is_added_as_typed_or_refused_untouched(
    report: DailyReport, office: Client, data: st.DataObject
) -> None:
    sent = data.draw(
        fields(
            {"device": mostly(st.sampled_from(["A camera", " Sound "])), "count": number(low=1)},
            {
                "gigabytes": mostly(st.decimals(-10, 10**9, places=1).map(str)),
                "note": text(),
            },
        ),
        label="media",
    )

    def saved() -> None:
        media = MediaUsed.objects.filter(report=report).order_by("pk").last()
        assert media is not None
        assert media.device == sent["device"].strip() and media.count >= 1
        assert media.gigabytes is None or media.gigabytes >= 0

    url = f"{_base(report)}/media/add/"
    post(office, report, url, sent, form="media_form", saved=saved)


# The day's details -----------------------------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_the_days_details_are_saved_in_order_or_refused_untouched(
    report: DailyReport, office: Client, data: st.DataObject
) -> None:
    sent = data.draw(times_posted(report.day.date, DAY_DETAIL_TIMES), label="times")
    sent |= data.draw(
        fields(
            {
                "setups": number(),
                "script_minutes": mostly(st.decimals(-10, 10**4, places=2).map(str)),
            },
            dict.fromkeys(DAY_NOTES, text(max_size=200)),
        ),
        label="counts and notes",
    )

    def saved() -> None:
        stored = DailyReport.objects.get(pk=report.pk)
        first, wrap, out = stored.first_shot, stored.camera_wrap, stored.last_out
        assert first is None or wrap is None or first < wrap
        assert wrap is None or out is None or wrap <= out
        assert first is None or out is None or first < out
        assert stored.setups >= 0 and stored.script_minutes >= 0
        for name in DAY_NOTES:
            assert getattr(stored, name) == sent.get(name, "").strip(), name

    post(office, report, f"{_base(report)}/edit/", sent, form="day_form", saved=saved)


# Someone or a scene added by what is typed -----------------------------------------------------


@settings(PROPERTY, max_examples=min(PROPERTY.max_examples, 25))  # two posts an example
@given(data=st.data())
def test_adding_a_scene_or_a_person_by_what_is_typed_is_saved_or_refused_untouched(
    report: DailyReport, office: Client, data: st.DataObject
) -> None:
    numbers = [
        scene.number
        for scene in Scene.objects.filter(
            revision_id=report.call_sheet.schedule.revision_id
        ).order_by("pk")[:20]
    ]
    people = [str(e.pk) for e in people_not_on(report)[:5]]
    number = data.draw(mostly(st.sampled_from([*numbers, " 1 ", "999", "A1"])), label="number")
    person = data.draw(mostly(st.sampled_from([*people, "0", str(2**31)])), label="person")
    base = _base(report)
    post(office, report, f"{base}/scenes/add/", {"number": number}, form="add_scene_form")
    post(office, report, f"{base}/people/add/", {"person": person}, form="add_person_form")


# Known bugs, each refused here as it should be; strict, so a fix shows up as XPASS ------------


def _far_post(report: DailyReport, where: str, moment: str) -> tuple[str, dict[str, str], str]:
    base = _base(report)
    crew = first_entry(report, cast=False)
    return {
        "a person's out": (f"{base}/people/{crew.pk}/edit/", {"wrap": moment}, "form"),
        "the last person out": (
            f"{base}/edit/",
            {"setups": "0", "script_minutes": "0", "last_out": moment},
            "day_form",
        ),
        "background's wrap": (
            f"{base}/background/add/",
            {"description": "Stand-ins", "count": "2", "wrap": moment},
            "background_form",
        ),
        "the shared out": (
            f"{base}/shared-times/",
            {"group": "crew", "wrap": moment},
            "shared_form",
        ),
    }[where]


@settings(PROPERTY, max_examples=8)
@example(where="a person's out", moment=BEYOND_YEAR_9999[0])
@example(where="the last person out", moment=BEYOND_YEAR_9999[0])
@example(where="background's wrap", moment=BEYOND_YEAR_9999[0])
@example(where="the shared out", moment=BEYOND_YEAR_9999[0])
@given(
    where=st.sampled_from(
        ["a person's out", "the last person out", "background's wrap", "the shared out"]
    ),
    moment=st.sampled_from(BEYOND_YEAR_9999),
)
def test_a_time_in_year_ten_thousand_utc_is_refused_not_a_server_error(
    report: DailyReport, office: Client, where: str, moment: str
) -> None:
    url, data, form = _far_post(report, where, moment)
    post(office, report, url, data, form=form)


@settings(PROPERTY, max_examples=10)
@example(where="person", end="start", minutes=5 * 60)
@example(where="background", end="start", minutes=5 * 60)
@given(
    where=st.sampled_from(["person", "background"]),
    end=st.sampled_from(["start", "end"]),
    minutes=offsets().filter(lambda minutes: not 7 * 60 <= minutes <= 19 * 60),
)
def test_a_meal_with_one_end_entered_is_inside_the_day(
    report: DailyReport, office: Client, where: str, end: str, minutes: int
) -> None:
    day = report.day.date
    sent = {"call": typed(day, 7 * 60), "wrap": typed(day, 19 * 60)}
    if where == "person":
        url = f"{_base(report)}/people/{first_entry(report, cast=False).pk}/edit/"
        sent[f"meal1_{end}"] = typed(day, minutes)
        form = "form"
    else:
        url = f"{_base(report)}/background/add/"
        sent |= {"description": "Stand-ins", "count": "2", f"meal_{end}": typed(day, minutes)}
        form = "background_form"
    assert post(office, report, url, sent, form=form) == 400


@settings(PROPERTY, max_examples=30)
@example(moments={"call": 7 * 60, "meal2_start": 13 * 60, "meal2_end": 12 * 60, "wrap": 19 * 60})
@given(moments=st.dictionaries(st.sampled_from(DAY_TIMES), offsets()))
def test_a_refused_persons_times_are_refused_beside_a_time_that_was_typed(
    report: DailyReport, office: Client, moments: dict[str, int]
) -> None:
    entry = first_entry(report, cast=True)
    sent = {name: typed(report.day.date, minutes) for name, minutes in moments.items()}
    with rolled_back():
        response = office.post(f"{_base(report)}/people/{entry.pk}/edit/", sent)
        if response.status_code == 400:
            assert set(response.context["form"].errors) <= set(sent)
