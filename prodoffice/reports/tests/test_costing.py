"""A DPR costs each day in its workweek: weekly overtime, 6th/7th days, weekly and flat deals.

A small production of its own: a schedule with a report a day from Monday March 1, 2027, in the
production's default workweek (Sunday to Saturday), times entered straight onto the reports.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prodoffice.callsheets.models import CallSheet
from prodoffice.core.tests.personas import World, make_world
from prodoffice.people.models import Contact, Engagement
from prodoffice.reports.costing import Costing, cost_entries, workweek_start
from prodoffice.reports.models import DailyReport, TimeEntry
from prodoffice.reports.selectors import report_document
from prodoffice.scheduling.models import Schedule, ShootDay
from prodoffice.scripts.models import Script, ScriptRevision

pytestmark = pytest.mark.django_db
LA = ZoneInfo("America/Los_Angeles")
MONDAY = date(2027, 3, 1)


class Shoot:
    """One schedule, its days' reports made on demand, and people to put on them."""

    def __init__(
        self, world: World, *, name: str = "Shoot", revision: ScriptRevision | None = None
    ) -> None:
        self.world = world
        production = world.production
        if revision is None:
            script = Script.objects.create(production=production, title="Night Owl")
            revision = ScriptRevision.objects.create(
                script=script,
                sequence=0,
                color="White",
                filename="night_owl.fountain",
                format="fountain",
                encoding="utf-8",
                source="",
                original=b"",
                pages=1,
                eighths=8,
            )
        self.schedule = Schedule.objects.create(
            production=production, name=name, revision=revision, start_date=MONDAY
        )
        self.reports: dict[date, DailyReport] = {}

    def report(self, on: date) -> DailyReport:
        if on not in self.reports:
            number = len(self.reports) + 1
            day = ShootDay.objects.create(
                schedule=self.schedule, order=number, number=number, date=on
            )
            sheet = CallSheet.objects.create(
                production=self.world.production,
                schedule=self.schedule,
                day=day,
                crew_call=time(7),
                shooting_call=time(8),
            )
            self.reports[on] = DailyReport.objects.create(
                production=self.world.production, call_sheet=sheet, day=day
            )
        return self.reports[on]

    def person(
        self,
        name: str,
        *,
        rate: str | None,
        per: str,
        union: str = "",
        cast_number: int | None = None,
    ) -> Engagement:
        first, last = name.split()
        contact = Contact.objects.create(
            production=self.world.production, first_name=first, last_name=last
        )
        return Engagement.objects.create(
            production=self.world.production,
            contact=contact,
            department=self.world.department("Grip" if cast_number is None else "Cast"),
            position="Grip" if cast_number is None else "",
            cast_number=cast_number,
            rate=Decimal(rate) if rate is not None else None,
            rate_unit=per,
            union_member=bool(union),
            union_name=union,
            status="confirmed",
        )

    def works(
        self,
        person: Engagement,
        on: date,
        call: str = "07:00",
        wrap: str | None = "17:30",
        lunch: tuple[str, str | None] | None = ("12:00", "12:30"),
    ) -> TimeEntry:
        """A day's times; the default is 10 h worked (07:00-17:30 less a 30-min lunch)."""
        return TimeEntry.objects.create(
            report=self.report(on),
            engagement=person,
            status="W",
            call=_at(on, call),
            meal1_start=_at(on, lunch[0]) if lunch else None,
            meal1_end=_at(on, lunch[1]) if lunch and lunch[1] else None,
            wrap=_at(on, wrap) if wrap else None,
        )

    def costed(self, on: date) -> dict[int, Costing]:
        return cost_entries(*self._read(on))

    def costing(self, on: date, person: Engagement) -> Costing:
        return next(
            costing
            for pk, costing in self.costed(on).items()
            if TimeEntry.objects.get(pk=pk).engagement_id == person.pk
        )

    def _read(self, on: date) -> tuple[DailyReport, list[TimeEntry]]:
        report = DailyReport.objects.select_related(
            "production", "call_sheet__schedule", "day"
        ).get(pk=self.report(on).pk)
        entries = list(
            TimeEntry.objects.filter(report=report).select_related("engagement__contact")
        )
        return report, entries


def _at(on: date, clock: str) -> datetime:
    hours, minutes = clock.split(":")
    return datetime.combine(on, time(int(hours), int(minutes)), tzinfo=LA)


def _weekday(n: int) -> date:
    """0: Monday March 1, 2027 ... 5: Saturday March 6; 7: the next Monday."""
    return MONDAY + timedelta(days=n)


@pytest.fixture
def shoot() -> Shoot:
    return Shoot(make_world())


def test_the_default_workweek_runs_sunday_to_saturday(shoot: Shoot) -> None:
    assert shoot.world.production.workweek_starts == 6
    assert workweek_start(_weekday(0), 6) == date(2027, 2, 28)  # the Sunday before
    assert workweek_start(_weekday(6), 6) == _weekday(6)  # a Sunday starts its own week
    assert workweek_start(_weekday(3), 0) == _weekday(0)  # a Monday week


def test_friday_after_four_ten_hour_days_is_day_five_with_32_hours_of_straight_time(
    shoot: Shoot,
) -> None:
    # California non-union, $20/h: Monday to Thursday 10 h each is 8 h straight + 2 h daily
    # overtime a day, so 32 h of straight time. Friday's 8 straight hours bring it to 40, not
    # past it: Friday is $160 + 2 h at $30 = $220, like the other days.
    pat = shoot.person("Pat Swing", rate="20", per="hour")
    for n in range(5):
        shoot.works(pat, _weekday(n))
    friday = shoot.costing(_weekday(4), pat)
    assert friday.rules == "California Labor Code"
    assert friday.result is not None
    assert friday.result.card.day_of_workweek == 5
    assert friday.result.card.week_before == timedelta(hours=32)
    assert (friday.result.regular, friday.result.overtime) == (Decimal("160.00"), Decimal("60.00"))


def test_a_saturday_past_40_straight_hours_is_weekly_overtime(shoot: Shoot) -> None:
    # The same week and a Saturday of 8 h (07:00-15:30, 30-min lunch): 40 h straight already,
    # so all 8 h are "past 40 h in the week" at 1.5x $20: $240, where an ordinary 8-hour day
    # costs $160.
    pat = shoot.person("Pat Swing", rate="20", per="hour")
    for n in range(5):
        shoot.works(pat, _weekday(n))
    shoot.works(pat, _weekday(5), "07:00", "15:30")
    saturday = shoot.costing(_weekday(5), pat)
    assert saturday.result is not None
    assert saturday.result.card.day_of_workweek == 6
    assert [(line.label, line.amount) for line in saturday.result.pay] == [
        ("past 40 h in the week", Decimal("240.00")),
    ]


def test_a_sixth_day_worked_pays_the_sixth_day_bands(shoot: Shoot) -> None:
    # The world's key grip: IATSE Local 80, $650 a day ($81.25 an hour over 8 h). Five 8-hour
    # days, then Saturday at 1.5x from call: 8 h x $121.875 = $975, not $650.
    grip = shoot.world.crew_member
    for n in range(6):
        shoot.works(grip, _weekday(n), "07:00", "15:30")
    saturday = shoot.costing(_weekday(5), grip)
    assert saturday.rules == "IATSE 2024"
    assert saturday.result is not None
    assert saturday.result.pay[0].label == "6th day, from call"
    assert saturday.result.total == Decimal("975.00")


def test_a_report_in_the_next_workweek_starts_again_at_day_one(shoot: Shoot) -> None:
    grip = shoot.world.crew_member
    for n in (*range(6), 7):
        shoot.works(grip, _weekday(n), "07:00", "15:30")
    monday = shoot.costing(_weekday(7), grip)
    assert monday.result is not None
    assert monday.result.card.day_of_workweek == 1
    assert monday.result.card.week_before == timedelta(0)
    assert monday.result.total == Decimal("650.00")


def test_a_monday_workweek_makes_sunday_the_seventh_day(shoot: Shoot) -> None:
    production = shoot.world.production
    production.workweek_starts = 0
    production.save(update_fields=["workweek_starts"])
    pat = shoot.person("Pat Swing", rate="20", per="hour")
    for n in range(7):
        shoot.works(pat, _weekday(n), "07:00", "15:30")
    sunday = shoot.costing(_weekday(6), pat)
    assert sunday.result is not None
    assert sunday.result.card.day_of_workweek == 7
    assert sunday.result.total == Decimal("240.00")  # California's 7th day: 8 h at 1.5x $20


def test_a_weekly_deal_grip_costs_a_fifth_of_the_week_not_nothing(shoot: Shoot) -> None:
    # $2,000 a week, IATSE-like: $50 an hour (2,000 / 40); a 10-hour day is the day's fifth,
    # $400, and 2 h at $75: $550.
    grip = shoot.person("Wes Weekly", rate="2000", per="week", union="IATSE Local 80")
    shoot.works(grip, _weekday(0))
    monday = shoot.costing(_weekday(0), grip)
    assert monday.result is not None
    assert (monday.result.regular, monday.result.overtime) == (
        Decimal("400.00"),
        Decimal("150.00"),
    )
    assert monday.note == (
        "Weekly deal: each day worked costs 1/5 of the weekly rate; overtime at the weekly "
        "rate / 40 h an hour (IATSE 2024)."
    )


def test_a_flat_deal_says_why_it_is_not_costed_and_keeps_its_meal_penalty(
    shoot: Shoot,
) -> None:
    # A director of photography in IATSE on a flat $7,500: lunch at 13:45, 45 min late (past
    # the 12-minute grace), two half hours, $7.50 + $10 = $17.50.
    dp = shoot.person("Flo Flat", rate="7500", per="flat", union="IATSE Local 600")
    shoot.works(dp, _weekday(0), "07:00", "19:00", ("13:45", "14:15"))
    costing = shoot.costing(_weekday(0), dp)
    assert costing.note == (
        "Flat deal: paid as agreed, not by the day; only its meal penalties are costed."
    )
    assert costing.result is not None
    assert (costing.result.regular, costing.result.overtime, costing.result.penalties) == (
        Decimal(0),
        Decimal(0),
        Decimal("17.50"),
    )


def test_a_person_without_a_rate_is_told_so(shoot: Shoot) -> None:
    nobody = shoot.person("Nora Norate", rate=None, per="day")
    shoot.works(nobody, _weekday(0))
    costing = shoot.costing(_weekday(0), nobody)
    assert costing.note == "No rate entered: the day is costed at no rate until one is."


def test_earlier_days_with_missing_times_count_what_they_can(shoot: Shoot) -> None:
    # Monday: no wrap (not a day worked). Tuesday: lunch with no end (a day worked, no hours).
    # Wednesday: 10 h, 8 of them straight. Thursday is the third day worked, 8 h straight before.
    pat = shoot.person("Pat Swing", rate="20", per="hour")
    shoot.works(pat, _weekday(0), wrap=None)
    shoot.works(pat, _weekday(1), lunch=("12:00", None))
    shoot.works(pat, _weekday(2))
    shoot.works(pat, _weekday(3))
    thursday = shoot.costing(_weekday(3), pat)
    assert thursday.result is not None
    assert thursday.result.card.day_of_workweek == 3
    assert thursday.result.card.week_before == timedelta(hours=8)
    assert thursday.result.total == Decimal("220.00")


def test_a_day_worked_on_another_schedule_counts_in_the_week(shoot: Shoot) -> None:
    # A person's week is what they worked: Monday on the main unit, Tuesday on the second
    # unit's schedule is their second day, with Monday's 8 straight hours before it.
    pat = shoot.person("Pat Swing", rate="20", per="hour")
    shoot.works(pat, _weekday(0))
    other = Shoot(shoot.world, name="Second unit", revision=shoot.schedule.revision)
    other.works(pat, _weekday(1))
    tuesday = other.costing(_weekday(1), pat)
    assert tuesday.result is not None
    assert tuesday.result.card.day_of_workweek == 2
    assert tuesday.result.card.week_before == timedelta(hours=8)


def test_costing_a_report_takes_the_same_queries_for_2_people_as_for_12(shoot: Shoot) -> None:
    def queries(people: int, week: int) -> int:
        crew = [shoot.person(f"Hand No{week}x{n}", rate="30", per="hour") for n in range(people)]
        for n in range(5):
            for person in crew:
                shoot.works(person, _weekday(7 * week + n))
        report, entries = shoot._read(_weekday(7 * week + 4))
        with CaptureQueriesContext(connection) as captured:
            costed = cost_entries(report, entries)
        assert all(
            c.result is not None and c.result.card.day_of_workweek == 5 for c in costed.values()
        )
        return len(captured)

    assert queries(2, week=0) == queries(12, week=1) == 1


def test_a_union_member_on_a_production_not_signatory_is_costed_as_non_union(
    shoot: Shoot,
) -> None:
    grip = shoot.person("Ula Union", rate="40", per="hour", union="IATSE Local 80")
    shoot.works(grip, _weekday(0))
    assert shoot.costing(_weekday(0), grip).rules.startswith("IATSE")
    production = shoot.world.production
    production.not_signatory_to = ["iatse"]
    production.save()
    assert shoot.costing(_weekday(0), grip).rules.startswith("California")


def test_a_ten_hour_day_rate_on_the_deal_is_costed_by_the_eleventh(shoot: Shoot) -> None:
    # California non-union, $550 for a guaranteed 10 hours: $50 an hour (8 + 2 x 1.5 = 11 paid
    # hours). 10 h worked is the rate; 12 h adds 2 h at $75.
    dana = shoot.person("Dana Gaffer", rate="550", per="day")
    dana.guaranteed_hours = Decimal(10)
    dana.save()
    shoot.works(dana, _weekday(0))
    shoot.works(dana, _weekday(1), "07:00", "19:30", lunch=("12:00", "12:30"))
    ten, twelve = (shoot.costing(_weekday(n), dana) for n in (0, 1))
    assert ten.result is not None
    assert twelve.result is not None
    assert ten.result.total == Decimal("550.00")
    assert twelve.result.regular + twelve.result.overtime == Decimal("700.00")
    assert ten.note == (
        "10-hour day rate: an hour at the day rate / 11 h, the guaranteed hours paid at their "
        "overtime multiples (California Labor Code)."
    )


def test_a_day_shot_on_a_holiday_of_the_schedule_is_paid_as_a_holiday_worked(
    shoot: Shoot,
) -> None:
    # Memorial Day, May 31, 2027, is on the schedule's holiday calendar (U.S. federal holidays).
    # The key grip (IATSE, $650 a day, $81.25 an hour) works 8 h: double time, $1,300.
    grip = shoot.world.crew_member
    memorial_day = date(2027, 5, 31)
    shoot.works(grip, memorial_day, "07:00", "15:30")
    costing = shoot.costing(memorial_day, grip)
    assert costing.result is not None
    assert costing.result.card.holiday
    assert costing.result.total == Decimal("1300.00")
    assert costing.result.pay[0].label == "holiday, from call"


def test_a_performer_paid_under_scale_is_costed_and_warned_of(shoot: Shoot) -> None:
    # Sep 1, 2025, within the SAG-AFTRA 2023 term: $1,000 a day against the day performer
    # minimum of $1,246 from Jul 1, 2025. The day is costed at the rate entered, and warned of.
    star = shoot.person("Flo Low", rate="1000", per="day", union="SAG-AFTRA", cast_number=3)
    on = date(2025, 9, 1)
    shoot.works(star, on)
    costing = shoot.costing(on, star)
    assert costing.rules == "SAG-AFTRA 2023" and costing.result is not None
    assert costing.result.regular == Decimal("1000.00")
    assert costing.below_scale == (
        "The rate $1,000 a day is below the SAG-AFTRA 2023 day performer minimum of $1,246 a "
        "day on Sep 1, 2025: check the deal memo."
    )
    # The warning names amounts: on the DPR only for those who see rates.
    report = shoot.report(on)
    for money in (True, False):
        (line,) = [p for p in report_document(report, money=money).cast if p.name == "Flo Low"]
        assert bool(line.below_scale) is money
