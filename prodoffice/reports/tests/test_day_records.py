"""What else a DPR records of the day: a performer's day, scenes added, retaken or moved on,
background and media; each shown on the page and in the PDF, bad input refused field by field."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from prodoffice.callsheets.tests.test_generate import demo
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.people.models import Engagement
from prodoffice.productions.models import Production
from prodoffice.reports import pdf
from prodoffice.reports.models import (
    BackgroundGroup,
    DailyReport,
    MediaUsed,
    ReportScene,
    TimeEntry,
)
from prodoffice.reports.selectors import report_document
from prodoffice.reports.services import (
    BackgroundDetails,
    EntryTimes,
    MediaDetails,
    SharedTimes,
    add_person,
    add_scene,
    edit_times,
    fill_shared_times,
    save_background,
    save_media,
    set_scene_result,
    start_report,
)
from prodoffice.reports.tests.support import (
    at,
    client_for,
    first_entry,
    office_access,
    sheet_with_cast,
    squeezed,
)
from prodoffice.scheduling.models import Strip

pytestmark = pytest.mark.django_db
__all__ = ["demo"]  # the call sheets' demo production, as a fixture here too


def _pdf_text(report: DailyReport) -> str:
    content = pdf.render_report(report_document(report, money=True))
    return squeezed("".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages))


def _report() -> DailyReport:
    return start_report(access=office_access(), call_sheet=sheet_with_cast())


def _page(report: DailyReport) -> str:
    return client_for().get(f"/p/DEMO/reports/{report.pk}/").content.decode()


def _later_strip(report: DailyReport) -> Strip:
    """A strip scheduled on a day after the report's: a scene not on today's call sheet."""
    strip = (
        Strip.objects.select_related("scene", "day")
        .filter(schedule=report.call_sheet.schedule, day__date__gt=report.day.date)
        .exclude(scene__number="")
        .order_by("day__date", "order")
        .first()
    )
    assert strip is not None
    return strip


def test_a_performers_day_is_recorded_in_order_and_printed(demo: Production) -> None:
    report = _report()
    entry = first_entry(report, cast=True)
    edit_times(
        access=office_access(),
        entry=entry,
        times=EntryTimes(
            pickup=at(report, 5, 30),
            call=at(report, 6),
            makeup=at(report, 6, 10),
            on_set=at(report, 7, 5),
            meal1_start=at(report, 12),
            meal1_end=at(report, 12, 30),
            dismissed_set=at(report, 17, 40),
            wrap=at(report, 18),
            status="W",
        ),
    )
    line = next(p for p in report_document(report, money=True).cast if p.pk == entry.pk)
    assert line.times["on_set"] is not None and f"{line.times['on_set']:%H:%M}" == "07:05"
    page = _page(report)
    assert "Dismissed on set" in page and "17:40" in page and "05:30" in page
    assert "PU05:30·MU06:10·Set07:05·Dism17:40" in _pdf_text(report)


def test_a_performers_times_out_of_order_are_refused_and_nothing_is_saved(
    demo: Production,
) -> None:
    report = _report()
    entry = first_entry(report, cast=True)
    with pytest.raises(FieldErrors) as refused:
        edit_times(
            access=office_access(),
            entry=entry,
            times=EntryTimes(call=at(report, 6), makeup=at(report, 7), on_set=at(report, 6, 30)),
        )
    assert "before make-up and wardrobe" in refused.value.errors["on_set"]
    entry.refresh_from_db()
    assert entry.makeup is None and entry.on_set is None
    # Through the page: the error sits beside the field and the form keeps what was typed.
    day = report.day.date.isoformat()
    url = f"/p/DEMO/reports/{report.pk}/people/{entry.pk}/edit/"
    answer = client_for().post(
        url, {"call": f"{day}T06:00", "makeup": f"{day}T07:00", "on_set": f"{day}T06:30"}
    )
    assert answer.status_code == 400
    assert "is before make-up and wardrobe" in answer.content.decode()


def test_a_crew_members_form_has_no_performers_times(demo: Production) -> None:
    report = _report()
    entry = first_entry(report, cast=False)
    form = client_for().get(f"/p/DEMO/reports/{report.pk}/people/{entry.pk}/edit/")
    assert 'name="wrap"' in form.content.decode()
    assert 'name="on_set"' not in form.content.decode()


def test_a_scene_shot_ahead_of_schedule_is_added_and_moves_to_today(demo: Production) -> None:
    report = _report()
    strip = _later_strip(report)
    before = report_document(report, money=True).totals
    added = add_scene(access=office_access(), report=report, number=strip.scene.number.lower())
    assert added.added and not added.retake
    strip.refresh_from_db()
    assert strip.day_id == report.day_id  # the later day no longer carries it
    set_scene_result(access=office_access(), report_scene=added, result="complete")
    totals = report_document(report, money=True).totals
    assert totals.eighths_scheduled == before.eighths_scheduled  # it was not scheduled today
    assert totals.eighths_shot == before.eighths_shot + strip.scene.eighths
    assert totals.scenes_added == 1
    assert "added" in _page(report)


def test_a_scene_completed_earlier_and_shot_again_is_a_retake_counted_once(
    demo: Production,
) -> None:
    first = _report()
    done = first.scenes.order_by("order").first()
    assert done is not None
    set_scene_result(access=office_access(), report_scene=done, result="complete")
    later_sheet = sheet_with_cast(first.day.number + 1)
    second = start_report(access=office_access(), call_sheet=later_sheet)
    retake = add_scene(access=office_access(), report=second, number=done.number)
    assert retake.retake
    set_scene_result(access=office_access(), report_scene=retake, result="complete")
    totals = report_document(second, money=True).totals
    assert totals.retakes == 1
    assert totals.eighths_shot == 0  # nothing else reported on the second day yet
    assert totals.eighths_shot_to_date == done.eighths  # counted the day it was completed
    strip = Strip.objects.get(schedule=first.call_sheet.schedule, scene_id=done.scene_id)
    assert strip.day_id == first.day_id  # a retake does not move the strip


def test_adding_a_scene_that_is_not_in_the_script_says_so(demo: Production) -> None:
    report = _report()
    with pytest.raises(RuleBroken, match="no scene 999Z"):
        add_scene(access=office_access(), report=report, number="999Z")
    answer = client_for().post(f"/p/DEMO/reports/{report.pk}/scenes/add/", {"number": "999Z"})
    assert answer.status_code == 400
    assert "There is no scene 999Z" in answer.content.decode()
    assert not ReportScene.objects.filter(report=report, added=True).exists()
    scheduled = report.scenes.first()
    assert scheduled is not None
    with pytest.raises(RuleBroken, match="already on this report"):
        add_scene(access=office_access(), report=report, number=scheduled.number)


def test_an_unfinished_scene_goes_to_a_later_day_never_an_earlier_one(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast(2))
    scene = report.scenes.order_by("order").first()
    assert scene is not None
    schedule = report.call_sheet.schedule
    earlier = schedule.days.get(number=1)
    later = schedule.days.filter(kind="shoot", date__gt=report.day.date).order_by("order")[1]
    with pytest.raises(FieldErrors) as refused:
        set_scene_result(
            access=office_access(), report_scene=scene, result="not_shot", to_day=earlier
        )
    assert "later shoot day" in refused.value.errors["move_to"]
    scene.refresh_from_db()
    assert scene.result == ""  # nothing saved
    url = f"/p/DEMO/reports/{report.pk}/scenes/{scene.pk}/edit/"
    answer = client_for().post(url, {"result": "partial", "eighths_shot": 1, "move_to": later.pk})
    assert answer.status_code == 302
    strip = Strip.objects.get(schedule=schedule, scene_id=scene.scene_id)
    assert strip.day_id == later.pk
    assert list(later.strips.order_by("order"))[-1].pk == strip.pk  # at the end of that day


def test_background_is_counted_with_its_times(demo: Production) -> None:
    report = _report()
    save_background(
        access=office_access(),
        report=report,
        details=BackgroundDetails(
            description="Diner patrons",
            count=18,
            call=at(report, 6),
            meal_start=at(report, 12),
            meal_end=at(report, 12, 30),
            wrap=at(report, 16, 30),
        ),
    )
    save_background(
        access=office_access(),
        report=report,
        details=BackgroundDetails(description="Stand-ins", count=2, call=at(report, 6)),
    )
    document = report_document(report, money=True)
    assert document.background_count == 20
    patrons = next(g for g in document.background if g.description == "Diner patrons")
    assert str(patrons.hours) == "10.0"  # 6:00 to 16:30 less a half-hour meal
    text = _pdf_text(report)
    assert "Dinerpatrons" in text and "BACKGROUND(20)" in text


def test_background_with_bad_times_or_no_one_is_refused(demo: Production) -> None:
    report = _report()
    with pytest.raises(FieldErrors) as refused:
        save_background(
            access=office_access(),
            report=report,
            details=BackgroundDetails(
                description="Patrons", count=0, call=at(report, 14), wrap=at(report, 9)
            ),
        )
    assert set(refused.value.errors) == {"count", "wrap"}
    url = f"/p/DEMO/reports/{report.pk}/background/add/"
    day = report.day.date.isoformat()
    answer = client_for().post(
        url,
        {
            "description": "Patrons",
            "count": 12,
            "call": f"{day}T08:00",
            "meal_start": f"{day}T13:00",
            "meal_end": f"{day}T12:30",
        },
    )
    assert answer.status_code == 400
    assert "ends (12:30) before it starts" in answer.content.decode()
    assert not BackgroundGroup.objects.filter(report=report).exists()


def test_background_can_be_changed_and_removed_from_the_page(demo: Production) -> None:
    report = _report()
    group = save_background(
        access=office_access(),
        report=report,
        details=BackgroundDetails(description="Patrons", count=10),
    )
    base = f"/p/DEMO/reports/{report.pk}/background/{group.pk}"
    answer = client_for().post(f"{base}/edit/", {"description": "Patrons", "count": 14})
    assert answer.status_code == 302
    group.refresh_from_db()
    assert group.count == 14
    assert client_for("grip").post(f"{base}/remove/").status_code == 403
    assert client_for().post(f"{base}/remove/").status_code == 302
    assert not BackgroundGroup.objects.filter(pk=group.pk).exists()


def test_media_is_listed_with_its_totals_to_date(demo: Production) -> None:
    first = _report()
    save_media(
        access=office_access(),
        report=first,
        details=MediaDetails(device="A camera", count=3, gigabytes=None),
    )
    second = start_report(access=office_access(), call_sheet=sheet_with_cast(first.day.number + 1))
    save_media(
        access=office_access(),
        report=second,
        details=MediaDetails(device="a camera ", count=2, gigabytes=Decimal("512.5")),
    )
    save_media(access=office_access(), report=second, details=MediaDetails(device="Sound", count=1))
    lines = {m.device: m for m in report_document(second, money=True).media}
    assert (lines["a camera"].count, lines["a camera"].count_to_date) == (2, 5)
    assert lines["a camera"].gigabytes_to_date == Decimal("512.5")
    assert lines["Sound"].count_to_date == 1
    with pytest.raises(FieldErrors) as refused:
        save_media(access=office_access(), report=second, details=MediaDetails(device="", count=0))
    assert set(refused.value.errors) == {"device", "count"}
    assert MediaUsed.objects.filter(report=second).count() == 2
    assert "Sound" in _pdf_text(second) and "Acamera" in _pdf_text(first)


def test_the_report_says_how_weekly_deals_are_costed(demo: Production) -> None:
    report = _report()
    notes = dict(report_document(report, money=True).deal_notes)
    weekly = next(note for note in notes if note.startswith("Weekly deal"))
    assert notes[weekly] > 1  # once for everyone on a weekly deal, not on every row
    assert weekly in _page(report)
    assert squeezed(weekly) in _pdf_text(report)


def test_the_shared_meal_and_wrap_go_to_everyone_without_their_own(demo: Production) -> None:
    report = _report()
    early = first_entry(report, cast=False)
    edit_times(  # this one wrapped early and had no second meal: entered for them already
        access=office_access(),
        entry=early,
        times=EntryTimes(
            call=early.call,
            meal1_start=at(report, 12),
            meal1_end=at(report, 12, 30),
            wrap=at(report, 15),
        ),
    )
    crew_called = TimeEntry.objects.filter(
        report=report, engagement__cast_number__isnull=True, call__isnull=False
    ).count()
    done = fill_shared_times(
        access=office_access(),
        report=report,
        shared=SharedTimes(
            meal1_start=at(report, 13), meal1_end=at(report, 13, 30), wrap=at(report, 19, 30)
        ),
        group="crew",
    )
    assert len(done.filled) == crew_called - 1 and not done.skipped
    early.refresh_from_db()
    assert f"{early.wrap.astimezone(at(report, 0).tzinfo):%H:%M}" == "15:00"  # kept
    document = report_document(report, money=True)
    assert not any(p.missing for p in document.crew if p.times["call"] is not None)
    # 07:00 to 19:30 less the half-hour meal is 12 hours for a crew member called at 07:00.
    at_seven = [p for p in document.crew if p.pk != early.pk and p.times["call"] == at(report, 7)]
    assert at_seven and all(p.hours == Decimal("12.0") for p in at_seven)
    assert all(p.times["wrap"] is None for p in document.cast)  # cast were not given them


def test_shared_times_that_contradict_someones_own_leave_them_and_name_them(
    demo: Production,
) -> None:
    report = _report()
    entry = first_entry(report, cast=False)
    edit_times(
        access=office_access(),
        entry=entry,
        times=EntryTimes(
            call=entry.call,
            meal1_start=at(report, 12),
            meal1_end=at(report, 12, 30),
            meal2_start=at(report, 19),
            meal2_end=at(report, 19, 30),
        ),
    )
    done = fill_shared_times(
        access=office_access(), report=report, shared=SharedTimes(wrap=at(report, 18)), group="crew"
    )
    assert [name for name, _ in done.skipped] == [entry.engagement.contact.name]
    entry.refresh_from_db()
    assert entry.wrap is None
    with pytest.raises(FieldErrors) as refused:
        fill_shared_times(
            access=office_access(),
            report=report,
            shared=SharedTimes(meal1_start=at(report, 13)),
            group="everyone",
        )
    assert "meal1_end" in refused.value.errors
    answer = client_for().post(
        f"/p/DEMO/reports/{report.pk}/shared-times/",
        {
            "group": "crew",
            "meal1_start": f"{report.day.date}T13:30",
            "meal1_end": f"{report.day.date}T13:00",
        },
    )
    assert answer.status_code == 400 and "before it starts" in answer.content.decode()


def test_the_header_gives_the_companys_meals_as_most_took_them(demo: Production) -> None:
    report = _report()
    fill_shared_times(
        access=office_access(),
        report=report,
        shared=SharedTimes(meal1_start=at(report, 12, 30), meal1_end=at(report, 13)),
        group="everyone",
    )
    early = first_entry(report, cast=False)
    edit_times(  # one person ate early: the company's meal is still the one most took
        access=office_access(),
        entry=early,
        times=EntryTimes(call=early.call, meal1_start=at(report, 11), meal1_end=at(report, 11, 30)),
    )
    document = report_document(report, money=True)
    assert [f"{s:%H:%M}-{e:%H:%M}" for s, e in document.company_meals] == ["12:30-13:00"]
    assert f"{document.first_meal:%H:%M}" == "11:00"
    assert "1stmeal12:30-13:00" in _pdf_text(report)


def test_someone_who_worked_without_being_on_the_call_sheet_is_added(demo: Production) -> None:
    report = _report()
    on_sheet = set(TimeEntry.objects.filter(report=report).values_list("engagement", flat=True))
    extra = Engagement.objects.filter(production=demo).exclude(pk__in=on_sheet).first()
    assert extra is not None
    page = _page(report)
    assert f'value="{extra.pk}"' in page  # offered on the report page
    answer = client_for().post(f"/p/DEMO/reports/{report.pk}/people/add/", {"person": extra.pk})
    assert answer.status_code == 302
    entry = TimeEntry.objects.get(report=report, engagement=extra)
    assert entry.status == "W" and entry.call is None
    line = next(
        p
        for p in (
            *report_document(report, money=True).cast,
            *report_document(report, money=True).crew,
        )
        if p.pk == entry.pk
    )
    assert line.missing == ("in", "out")  # flagged until their times are entered
    with pytest.raises(RuleBroken, match="already on this report"):
        add_person(access=office_access(), report=report, engagement=extra)
    again = client_for().post(f"/p/DEMO/reports/{report.pk}/people/add/", {"person": extra.pk})
    assert again.status_code == 400  # no longer offered: a clear error, nothing added twice
    assert TimeEntry.objects.filter(report=report, engagement=extra).count() == 1


def test_a_status_that_is_not_a_days_status_is_refused(demo: Production) -> None:
    report = _report()
    entry = first_entry(report, cast=True)
    with pytest.raises(FieldErrors) as refused:
        edit_times(access=office_access(), entry=entry, times=EntryTimes(status="WX"))
    assert "'WX' is not a day's status" in refused.value.errors["status"]
    edit_times(access=office_access(), entry=entry, times=EntryTimes(status=" t "))
    entry.refresh_from_db()
    assert entry.status == "T"  # travel, as the DOOD writes it


def test_numbers_too_big_to_keep_are_refused_not_a_server_error(demo: Production) -> None:
    report = _report()
    scene = report.scenes.first()
    assert scene is not None
    huge = "99999999999999999999999999"
    base = f"/p/DEMO/reports/{report.pk}"
    posts = {
        f"{base}/background/add/": {"description": "Patrons", "count": huge},
        f"{base}/media/add/": {"device": "A camera", "count": huge, "gigabytes": huge},
        f"{base}/scenes/{scene.pk}/edit/": {"result": "partial", "eighths_shot": huge},
        f"{base}/edit/": {"setups": huge, "script_minutes": huge},
    }
    client = client_for()
    client.raise_request_exception = False
    for url, data in posts.items():
        answer = client.post(url, data)
        assert answer.status_code == 400, (url, answer.status_code)
    assert not BackgroundGroup.objects.filter(report=report).exists()
    assert not MediaUsed.objects.filter(report=report).exists()
