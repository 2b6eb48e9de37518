"""The DPR of a demo shoot day: started from its call sheet, times entered, the day costed."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from prodoffice.callsheets.models import Call
from prodoffice.callsheets.tests.test_generate import demo
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.productions.models import Production
from prodoffice.reports.models import DailyReport, ReportScene, TimeEntry
from prodoffice.reports.selectors import report_document
from prodoffice.reports.services import EntryTimes, edit_times, set_scene_result, start_report
from prodoffice.reports.tests.support import (
    at,
    client_for,
    entry_in_union,
    first_entry,
    office_access,
    sheet_with_cast,
    squeezed,
)
from prodoffice.scheduling.models import Strip

pytestmark = pytest.mark.django_db
__all__ = ["demo"]  # the call sheets' demo production, as a fixture here too


def test_a_report_starts_from_the_call_sheet_with_only_the_calls_filled_in(
    demo: Production,
) -> None:
    sheet = sheet_with_cast()
    report = start_report(access=office_access(), call_sheet=sheet)
    assert [s.number for s in report.scenes.all()] == [s.number for s in sheet.scenes.all()]
    assert {s.result for s in report.scenes.all()} <= {""}
    calls = {c.engagement_id: c for c in Call.objects.filter(call_sheet=sheet)}
    entries = list(TimeEntry.objects.filter(report=report))
    assert len(entries) == len(calls)
    zone = ZoneInfo(demo.time_zone)
    for entry in entries:
        call = calls[entry.engagement_id]
        assert entry.status == call.status
        if call.call_time is None:
            assert entry.call is None
        else:
            assert entry.call is not None
            assert entry.call.astimezone(zone).time() == call.call_time
            assert entry.call.astimezone(zone).date() == sheet.day.date
        assert entry.wrap is None and entry.meal1_start is None
    document = report_document(report, money=True)
    assert document.missing > 0  # nobody's out-time is known yet: flagged, not guessed
    assert document.labour.total == 0
    # Those no agreement covers (the demo's DGA, Teamsters, IBEW and its performers, after the
    # SAG-AFTRA term loaded) are counted apart: they stay uncosted once their times are in.
    assert document.labour.uncosted + document.labour.not_covered == document.missing
    with pytest.raises(RuleBroken, match="already has a production report"):
        start_report(access=office_access(), call_sheet=sheet)
    assert DailyReport.objects.count() == 1


def test_missing_times_are_flagged_on_the_page(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    page = client_for().get(reverse("report_detail", args=["DEMO", report.pk]))
    assert page.status_code == 200
    assert b"Missing: out" in page.content
    assert b"missing times, flagged below" in page.content


def test_a_late_meal_costs_an_iatse_meal_penalty_explained_on_page_and_pdf(
    demo: Production,
) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    entry = entry_in_union(report, "IATSE Local 80")
    # First meal 6 h 40 min after a 07:00 call: 40 minutes late, past the 12-minute grace,
    # two half hours: $7.50 + $10 (IATSE Basic Agreement of 2024).
    edit_times(
        access=office_access(),
        entry=entry,
        times=EntryTimes(
            call=at(report, 7),
            meal1_start=at(report, 13, 40),
            meal1_end=at(report, 14, 10),
            wrap=at(report, 18),
            status="W",
        ),
    )
    document = report_document(report, money=True)
    name = entry.engagement.contact.name
    (violation,) = [v for v in document.violations if v.name == name]
    assert violation.amount == Decimal("17.50")
    assert "First meal 6 h 40 min after the 07:00 call" in violation.explanation
    assert "2 half hours late, $7.50 + $10 = $17.50 (IATSE 2024, meal period)" in (
        violation.explanation
    )
    assert document.labour.penalties >= Decimal("17.50")
    page = client_for("producer").get(reverse("report_detail", args=["DEMO", report.pk]))
    assert violation.explanation in page.content.decode()
    assert b"Labour cost of the day" in page.content
    # A department head reads the DPR, but the pay of the day stays with the money people.
    head = client_for("gaffer").get(reverse("report_detail", args=["DEMO", report.pk]))
    assert head.status_code == 200 and b"Labour cost of the day" not in head.content
    pdf = client_for("producer").get(reverse("report_pdf", args=["DEMO", report.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages)
    assert squeezed(violation.explanation) in squeezed(text)
    assert squeezed(name) in squeezed(text)


def test_a_performer_after_the_loaded_sag_aftra_term_is_not_costed_and_told_why(
    demo: Production,
) -> None:
    # The demo shoots from December 2026; the SAG-AFTRA agreement loaded ran to Jun 30, 2026.
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    entry = first_entry(report, cast=True)
    edit_times(
        access=office_access(),
        entry=entry,
        times=EntryTimes(
            call=at(report, 7),
            meal1_start=at(report, 13, 40),
            meal1_end=at(report, 14, 10),
            wrap=at(report, 18),
            status="W",
        ),
    )
    document = report_document(report, money=True)
    line = next(p for p in document.cast if p.pk == entry.pk)
    assert not line.costed
    assert "runs Nov 9, 2023 to Jun 30, 2026" in line.rules
    assert "load the agreement in force" in line.rules
    assert not [v for v in document.violations if v.name == line.name]  # not priced as non-union


def test_a_wrap_past_midnight_is_the_same_shoot_day_going_on(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    entry = first_entry(report, cast=False)
    edit_times(
        access=office_access(),
        entry=entry,
        times=EntryTimes(
            call=at(report, 18),
            meal1_start=at(report, 23, 30),
            meal1_end=at(report, 24),
            wrap=at(report, 3, days=1),
        ),
    )
    line = next(p for p in report_document(report, money=True).crew if p.pk == entry.pk)
    assert line.costed and not line.missing
    assert line.hours == Decimal("8.5")
    page = client_for().get(reverse("report_detail", args=["DEMO", report.pk]))
    assert b"(+1 day)" in page.content


def test_an_out_time_before_the_in_time_is_refused_on_the_field_and_nothing_saved(
    demo: Production,
) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    entry = first_entry(report, cast=False)
    before = entry.call
    with pytest.raises(FieldErrors) as refused:
        edit_times(
            access=office_access(),
            entry=entry,
            times=EntryTimes(call=at(report, 8), wrap=at(report, 6), remarks="changed"),
        )
    assert "is not after the call" in refused.value.errors["wrap"]
    with pytest.raises(FieldErrors) as overlapping:
        edit_times(
            access=office_access(),
            entry=entry,
            times=EntryTimes(
                call=at(report, 7),
                meal1_start=at(report, 12),
                meal1_end=at(report, 13),
                meal2_start=at(report, 12, 30),
                meal2_end=at(report, 13, 30),
                wrap=at(report, 20),
            ),
        )
    assert "overlap" in overlapping.value.errors["meal2_start"]
    url = reverse("report_entry_edit", args=["DEMO", report.pk, entry.pk])
    answer = client_for().post(
        url, {"call": "2026-11-02T08:00", "wrap": "2026-11-02T06:00", "remarks": "changed"}
    )
    assert answer.status_code == 400
    assert "is not after the call" in answer.content.decode()
    entry.refresh_from_db()
    assert entry.call == before and entry.wrap is None and entry.remarks == ""


def test_the_office_edits_times_through_the_page(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    entry = first_entry(report, cast=False)
    url = reverse("report_entry_edit", args=["DEMO", report.pk, entry.pk])
    assert client_for().get(url).status_code == 200
    day = report.day.date.isoformat()
    answer = client_for().post(url, {"call": f"{day}T07:00", "wrap": f"{day}T19:00"})
    assert answer.status_code == 302
    entry.refresh_from_db()
    zone = ZoneInfo(demo.time_zone)
    assert entry.wrap is not None and entry.wrap.astimezone(zone).hour == 19


def test_a_scene_not_finished_goes_back_to_the_boneyard(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    scene = ReportScene.objects.select_related("report").filter(report=report).first()
    assert scene is not None
    with pytest.raises(FieldErrors) as refused:
        set_scene_result(
            access=office_access(), report_scene=scene, result="not_shot", eighths_shot=2
        )
    assert "eighths_shot" in refused.value.errors
    set_scene_result(
        access=office_access(),
        report_scene=scene,
        result="partial",
        eighths_shot=1,
        to_boneyard=True,
    )
    strip = Strip.objects.get(schedule=report.call_sheet.schedule, scene_id=scene.scene_id)
    assert strip.day is None
    totals = report_document(report, money=True).totals
    assert totals.eighths_shot == 1 and totals.eighths_shot_to_date == 1


def test_the_report_reads_in_the_same_number_of_queries_for_any_day(
    demo: Production,
) -> None:
    counts = []
    for number in (1, 2, 3):
        report = start_report(access=office_access(), call_sheet=sheet_with_cast(number))
        with CaptureQueriesContext(connection) as queries:
            report_document(report, money=True)
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts


def test_times_not_known_yet_are_saved_and_flagged_not_refused(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    entry = first_entry(report, cast=False)
    edit_times(
        access=office_access(),
        entry=entry,
        times=EntryTimes(call=at(report, 7), meal1_start=at(report, 13)),
    )
    line = next(p for p in report_document(report, money=True).crew if p.pk == entry.pk)
    assert line.missing == ("out", "1st meal end")
    assert not line.costed


def test_a_scene_marked_complete_counts_all_its_pages_after_a_partial(
    demo: Production,
) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    scene = report.scenes.order_by("order").first()
    assert scene is not None and scene.eighths >= 1
    set_scene_result(access=office_access(), report_scene=scene, result="partial", eighths_shot=1)
    scene.refresh_from_db()
    set_scene_result(access=office_access(), report_scene=scene, result="complete", eighths_shot=1)
    scene.refresh_from_db()
    assert (scene.result, scene.eighths_shot) == ("complete", scene.eighths)


def test_the_office_sees_the_overtime_worked_without_the_money(demo: Production) -> None:
    report = start_report(access=office_access(), call_sheet=sheet_with_cast())
    entry = entry_in_union(report, "IATSE Local 80")
    edit_times(
        access=office_access(),
        entry=entry,
        times=EntryTimes(
            call=at(report, 7),
            meal1_start=at(report, 12),
            meal1_end=at(report, 12, 30),
            wrap=at(report, 20, 30),
            status="W",
        ),
    )
    page = client_for().get(f"/p/DEMO/reports/{report.pk}/").content.decode()
    assert "overtime: " in page and "at 1.5x" in page
    assert "Labour cost of the day" not in page  # the coordinator does not see rates
