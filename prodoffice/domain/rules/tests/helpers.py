from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from prodoffice.domain.rules import Meal, RuleSet, TimeCard, choose, load_rule_sets
from prodoffice.domain.rules.timecard import RatePer

LA = ZoneInfo("America/Los_Angeles")
RULE_SETS = load_rule_sets()
MONDAY = date(2025, 3, 3)
SAG = choose(RULE_SETS, agreement="sag-aftra", on=MONDAY, role="cast")
IATSE = choose(RULE_SETS, agreement="iatse", on=MONDAY, role="crew")
CALIFORNIA = choose(RULE_SETS, agreement="california", on=MONDAY, role="crew")


def at(clock: str, day: int = 0) -> datetime:
    """`at("13:45")` is 1:45 pm on Monday March 3, 2025 in Los Angeles; day=1 is the next date."""
    hours, minutes = clock.split(":")
    moment = datetime(2025, 3, 3, int(hours), int(minutes), tzinfo=LA)
    return moment + timedelta(days=day) if day else moment


def card(
    call: str = "07:00",
    wrap: str = "19:00",
    *meals: tuple[str, str],
    rate: str = "40",
    rate_per: RatePer = "hour",
    wrap_day: int = 0,
    previous_wrap: datetime | None = None,
    week_before: float = 0,
    day_of_workweek: int = 1,
) -> TimeCard:
    return TimeCard(
        person="Sam Grip",
        call=at(call),
        wrap=at(wrap, wrap_day),
        rate=Decimal(rate),
        rate_per=rate_per,
        meals=tuple(Meal(at(start), at(end)) for start, end in meals),
        previous_wrap=previous_wrap,
        week_before=timedelta(hours=week_before),
        day_of_workweek=day_of_workweek,
    )


def rules_named(rule_set_id: str) -> RuleSet:
    return next(rules for rules in RULE_SETS if rules.id == rule_set_id)
