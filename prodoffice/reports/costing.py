"""Each person's day on a DPR costed under their work rules, with the rest and week before it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from django.db.models import Max

from prodoffice.domain.rules import DayResult, NoRuleSet, RuleSet, choose, evaluate
from prodoffice.domain.rules import load_rule_sets as _load_rule_sets
from prodoffice.domain.rules.ruleset import Role
from prodoffice.people.models import Engagement
from prodoffice.reports.models import DailyReport, TimeEntry
from prodoffice.reports.timecards import time_card

ZERO = Decimal(0)


@cache
def rule_sets() -> tuple[RuleSet, ...]:
    """Read once a process: the rule sets are files shipped with the code."""
    return _load_rule_sets()


@dataclass(frozen=True)
class Costing:
    """One person's day under their rules: the rule set's short name (or why there is none)."""

    rules: str
    result: DayResult | None


def cost_entries(report: DailyReport, entries: list[TimeEntry]) -> dict[int, Costing]:
    """Every entry's costed day, by entry pk, in a fixed number of queries however many people.

    The entries must come with their engagement and its contact.
    """
    day = report.day
    zone = ZoneInfo(report.production.time_zone)
    # Turnaround: each person's last wrap on an earlier day of this schedule.
    previous = dict(
        TimeEntry.objects.filter(
            report__call_sheet__schedule_id=report.call_sheet.schedule_id,
            report__day__date__lt=day.date,
            engagement__in=[e.engagement_id for e in entries],
        )
        .values("engagement")
        .annotate(last=Max("wrap"))
        .values_list("engagement", "last")
    )
    return {
        entry.pk: _costed(entry, day.date, zone, previous.get(entry.engagement_id))
        for entry in entries
    }


def _union(engagement: Engagement, sets: tuple[RuleSet, ...]) -> str | None:
    """The rule set's union name for a member ("IATSE Local 80" is IATSE); None: non-union."""
    if not engagement.union_member and not engagement.union_name:
        return None
    written = engagement.union_name.upper()
    for union in {rules.union for rules in sets if rules.union}:
        if union.upper() in written:
            return union
    return None


def _costed(entry: TimeEntry, on: date, zone: ZoneInfo, previous_wrap: datetime | None) -> Costing:
    engagement = entry.engagement
    sets = rule_sets()
    role: Role = "cast" if engagement.cast_number is not None else "crew"
    union = _union(engagement, sets)
    try:
        rules = choose(sets, on=on, union=union, role=role)
    except NoRuleSet as error:
        if union is None:
            return Costing(str(error), None)
        try:  # a union without rules for this role here: the law's floor still applies
            rules = choose(sets, on=on, union=None, role=role)
        except NoRuleSet:
            return Costing(str(error), None)
    rate = engagement.rate or ZERO
    # Hourly and daily rates cost the day; a weekly or flat deal is costed at no rate here
    # (its meal penalties still show) until weekly deals are modelled.
    if engagement.rate_unit not in ("hour", "day"):
        rate = ZERO
    card = time_card(
        entry,
        person=engagement.contact.name,
        zone=zone,
        rate=rate,
        rate_per="hour" if engagement.rate_unit == "hour" else "day",
        previous_wrap=previous_wrap,
    )
    return Costing(rules.short_name, evaluate(card, rules))
