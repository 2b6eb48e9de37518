"""A person's rest and workweek carry on when the schedule gets a new version mid-shoot.

Issue 12, item 1: the history before a day is what the person worked, read from the reports by
person and date, whatever schedule version each day was planned in. The walk goes through the
services the office uses: a schedule from a script, call sheets and DPRs for days 1-3, an
optimizer run accepted as the new current version, and day 4 reported under it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from prodoffice.callsheets.models import CallSheet
from prodoffice.callsheets.services import generate_call_sheet
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.models import Contact, Engagement
from prodoffice.reports.costing import Costing, cost_entries
from prodoffice.reports.models import DailyReport, TimeEntry
from prodoffice.reports.services.day import edit_times, start_report
from prodoffice.reports.tests.test_costing import Shoot
from prodoffice.reports.timecards import EntryTimes, local_zone
from prodoffice.scheduling.models import OptimizerRun, Schedule, ShootDay
from prodoffice.scheduling.planning import schedule_plan
from prodoffice.scheduling.services.optimizer import accept_run
from prodoffice.scheduling.tests.test_schedules import _schedule

pytestmark = pytest.mark.django_db
MONDAY = date(2027, 3, 1)

# Monday and Tuesday 07:00-17:30 (10 h worked); Wednesday runs to 23:00 (two meals, 15 h).
DAYS_BEFORE = {
    1: ("07:00", (("12:00", "12:30"),), "17:30"),
    2: ("07:00", (("12:00", "12:30"),), "17:30"),
    3: ("07:00", (("12:00", "12:30"), ("18:00", "18:30")), "23:00"),
}
THURSDAY = ("07:00", (("12:00", "12:30"),), "17:30")


def _file(
    world: World, day: ShootDay, times: tuple[str, tuple[tuple[str, str], ...], str]
) -> DailyReport:
    """The day's call sheet and DPR, made as the office makes them, everyone's times entered."""
    access = world.access(Role.COORDINATOR)
    report = start_report(access=access, call_sheet=generate_call_sheet(access=access, day=day))
    call, meals, wrap = times
    zone = local_zone(report)

    def at(clock: str) -> datetime:
        return datetime.combine(day.date, time.fromisoformat(clock), tzinfo=zone)

    (meal1_start, meal1_end), *second = meals
    meal2 = second[0] if second else (None, None)
    for entry in TimeEntry.objects.filter(report=report).select_related(
        "engagement__contact", "report__production"
    ):
        edit_times(
            access=access,
            entry=entry,
            times=EntryTimes(
                call=at(call),
                meal1_start=at(meal1_start),
                meal1_end=at(meal1_end),
                meal2_start=at(meal2[0]) if meal2[0] else None,
                meal2_end=at(meal2[1]) if meal2[1] else None,
                wrap=at(wrap),
                status="W",
            ),
        )
    return report


def _costed(report: DailyReport, person: Engagement) -> Costing:
    """The day as the DPR reads it (`report_document` reads it the same way)."""
    report = DailyReport.objects.select_related("production", "call_sheet", "day").get(pk=report.pk)
    entries = list(TimeEntry.objects.filter(report=report).select_related("engagement__contact"))
    entry = next(e for e in entries if e.engagement_id == person.pk)
    return cost_entries(report, entries)[entry.pk]


def _accepted(world: World, schedule: Schedule) -> Schedule:
    """An optimizer proposal for the days not yet shot, accepted as the new current version.

    The proposal is written as a finished run records it (the days left, in reverse order):
    what the solver finds in a short run varies with the machine's speed.
    """
    board = schedule_plan(schedule).assignment  # day -> strips, in the days' order
    days = list(board)
    left = days[3:]
    proposal = {day: board[day] for day in days[:3]}
    proposal |= dict(zip(left, reversed([board[day] for day in left]), strict=True))
    run = OptimizerRun.objects.create(
        schedule=schedule,
        status=OptimizerRun.Status.DONE,
        result={"days": proposal, "unscheduled": []},
    )
    return accept_run(
        access=world.access(Role.COORDINATOR), run=run, name="Optimised", current=True
    )


def _shoot_day(schedule: Schedule, number: int) -> ShootDay:
    return schedule.days.get(kind="shoot", number=number)


def test_accepting_an_optimizer_result_mid_shoot_keeps_turnaround_and_the_workweek(
    world: World,
) -> None:
    # The world's key grip (IATSE Local 80, $650 a day: $81.25 an hour over 8 h) and a
    # non-union swing at $20 an hour, both on the crew list, so both on every call sheet.
    grip = world.crew_member
    swing = Engagement.objects.create(
        production=world.production,
        contact=Contact.objects.create(
            production=world.production, first_name="Pat", last_name="Swing"
        ),
        department=world.department("Grip"),
        position="Swing",
        rate=Decimal("20"),
        rate_unit="hour",
        status="confirmed",
    )
    first_pass = _schedule(world)
    assert _shoot_day(first_pass, 1).date == MONDAY
    for number, times in DAYS_BEFORE.items():
        _file(world, _shoot_day(first_pass, number), times)
    optimised = _accepted(world, first_pass)
    assert optimised.pk != first_pass.pk and optimised.is_current
    thursday = _file(world, _shoot_day(optimised, 4), THURSDAY)
    assert thursday.call_sheet.schedule_id == optimised.pk
    assert thursday.day.date == MONDAY + timedelta(days=3)

    # The grip wrapped Wednesday at 23:00 and was called Thursday at 07:00: 8 h of rest where
    # IATSE asks 10 (the rule set's rest period), so the 2 invaded hours are paid again at the
    # straight rate, 2 x $81.25 = $162.50; Thursday is the 4th day of the workweek.
    grips_day = _costed(thursday, grip)
    assert grips_day.result is not None
    assert grips_day.result.card.day_of_workweek == 4
    assert [(v.kind, v.amount) for v in grips_day.result.violations] == [
        ("rest_invasion", Decimal("162.50"))
    ]
    # The swing's straight time so far: 8 h on each of the three days (Wednesday's other 7 h
    # were daily overtime), 24 h towards California's 40.
    swings_day = _costed(thursday, swing)
    assert swings_day.result is not None
    assert swings_day.result.card.week_before == timedelta(hours=24)
    assert swings_day.result.card.day_of_workweek == 4

    # As it would have been without the new version: Thursday reported under the first pass.
    unchanged = _file(world, _shoot_day(first_pass, 4), THURSDAY)
    for person in (grip, swing):
        before, after = _costed(unchanged, person).result, _costed(thursday, person).result
        assert before is not None and after is not None
        assert (before.card, before.pay, before.violations) == (
            after.card,
            after.pay,
            after.violations,
        )


def test_a_sixth_day_reported_under_a_new_version_is_still_the_sixth(world: World) -> None:
    # Monday to Friday reported under the first version, Saturday under the optimised one: the
    # key grip's Saturday is his 6th day, 8 h at 1.5x $81.25 = $975 (IATSE sixth-day bands),
    # not a first day at $650.
    shoot = Shoot(world)
    grip = world.crew_member
    for n in range(5):
        shoot.works(grip, MONDAY + timedelta(days=n), "07:00", "15:30")
    saturday = MONDAY + timedelta(days=5)
    ShootDay.objects.create(schedule=shoot.schedule, order=6, number=6, date=saturday)
    run = OptimizerRun.objects.create(
        schedule=shoot.schedule, status=OptimizerRun.Status.DONE, result={"days": {}}
    )
    optimised = accept_run(access=world.access(Role.COORDINATOR), run=run, name="Optimised")
    day = optimised.days.get(date=saturday)
    sheet = CallSheet.objects.create(
        production=world.production,
        schedule=optimised,
        day=day,
        crew_call=time(7),
        shooting_call=time(8),
    )
    report = DailyReport.objects.create(production=world.production, call_sheet=sheet, day=day)
    zone = local_zone(report)
    TimeEntry.objects.create(
        report=report,
        engagement=grip,
        status="W",
        call=datetime.combine(saturday, time(7), tzinfo=zone),
        meal1_start=datetime.combine(saturday, time(12), tzinfo=zone),
        meal1_end=datetime.combine(saturday, time(12, 30), tzinfo=zone),
        wrap=datetime.combine(saturday, time(15, 30), tzinfo=zone),
    )
    costing = _costed(report, grip)
    assert costing.result is not None
    assert costing.result.card.day_of_workweek == 6
    assert costing.result.pay[0].label == "6th day, from call"
    assert costing.result.total == Decimal("975.00")


def _reported_again(
    shoot: Shoot, person: Engagement, on: date, wrap: str, *, publish_first: bool
) -> Shoot:
    """`on` reported under the first version (wrap 17:30) and again under a second one."""
    shoot.works(person, on)
    if publish_first:
        DailyReport.objects.filter(pk=shoot.report(on).pk).update(
            status=DailyReport.Status.PUBLISHED
        )
    again = Shoot(shoot.world, name="Optimised", revision=shoot.schedule.revision)
    again.works(person, on, "07:00", wrap)
    return again


def test_a_date_reported_under_two_versions_counts_once_and_the_later_report_wins(
    world: World,
) -> None:
    # Monday reported under the first version (07:00-17:30), then again under the optimised
    # one with the true wrap, 22:00. Tuesday's call at 07:00 follows the later report's wrap: 9 h
    # of rest, 1 h short of IATSE's 10, $81.25; and Tuesday is day 2, not day 3.
    shoot = Shoot(world)
    grip = world.crew_member
    _reported_again(shoot, grip, MONDAY, "22:00", publish_first=False)
    # Tuesday happens to be reported under the first version: the later Monday still counts.
    shoot.works(grip, MONDAY + timedelta(days=1))
    tuesday = shoot.costing(MONDAY + timedelta(days=1), grip)
    assert tuesday.result is not None
    assert tuesday.result.card.day_of_workweek == 2
    assert [(v.kind, v.amount) for v in tuesday.result.violations] == [
        ("rest_invasion", Decimal("81.25"))
    ]


def test_a_published_report_wins_over_a_draft_of_the_same_date(world: World) -> None:
    # The first version's Monday was published (the official record, 07:00-17:30); the second
    # version's draft of Monday, still being filled in, says 22:00. The published one counts:
    # 13 h 30 min of rest before Tuesday's 07:00 call, no forced call.
    shoot = Shoot(world)
    grip = world.crew_member
    again = _reported_again(shoot, grip, MONDAY, "22:00", publish_first=True)
    again.works(grip, MONDAY + timedelta(days=1))
    tuesday = again.costing(MONDAY + timedelta(days=1), grip)
    assert tuesday.result is not None
    assert tuesday.result.card.day_of_workweek == 2
    assert tuesday.result.card.previous_wrap is not None
    assert f"{tuesday.result.card.previous_wrap:%H:%M}" == "17:30"
    assert tuesday.result.violations == ()
