"""Each person's day on a DPR costed under their work rules, with the rest and week before it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from prodoffice.domain.rules import (
    DayResult,
    Meal,
    RuleSet,
    TimeCard,
    evaluate,
    week_so_far,
)
from prodoffice.domain.rules.pay import per_weighted_minute
from prodoffice.domain.rules.ruleset import Role
from prodoffice.domain.rules.scale import below_scale
from prodoffice.domain.rules.timecard import RatePer
from prodoffice.domain.rules.unions import rules_for, shipped_rule_sets
from prodoffice.domain.rules.words import hours
from prodoffice.people.models import Engagement
from prodoffice.reports.models import DailyReport, TimeEntry
from prodoffice.reports.timecards import TIME_FIELDS, EntryTimes, time_card
from prodoffice.scheduling.services.days import holidays_for

ZERO = Decimal(0)
# How far back the rest before a day is read (the workweek is read from its first day): no rest
# rule loaded asks for more than SAG-AFTRA's 56-hour weekly rest, well inside a week.
HISTORY = timedelta(days=7)
RATE_PER: dict[str, RatePer] = {"hour": "hour", "day": "day", "week": "week", "flat": "flat"}


@dataclass(frozen=True)
class Costing:
    """One person's day under their rules: the rule set's short name (or why there is none).

    `note` says in words what the figures cannot: a flat deal is not costed by the day, a weekly
    deal is costed a day at a time, a missing rate costs nothing. It names no amount, so it may
    be shown to everyone who reads the report.
    """

    rules: str
    result: DayResult | None
    note: str = ""
    below_scale: str = ""  # the rate under the agreement's minimum: names amounts, money only

    @property
    def not_costed(self) -> str:
        """Why no agreement loaded covers this person's day ("Not costed: ..."), or ""."""
        return self.rules if self.result is None else ""


def workweek_start(on: date, starts: int) -> date:
    """The first date of the workweek `on` falls in; `starts` is its weekday (Monday 0)."""
    return on - timedelta(days=(on.weekday() - starts) % 7)


def cost_entries(report: DailyReport, entries: list[TimeEntry]) -> dict[int, Costing]:
    """Every entry's costed day, by entry pk, in a fixed number of queries however many people.

    The entries must come with their engagement and its contact.
    """
    day = report.day
    production = report.production
    zone = ZoneInfo(production.time_zone)
    people = [e.engagement_id for e in entries]
    week_starts = workweek_start(day.date, production.workweek_starts)
    # From the start of the workweek before: its length decides the weekly rest owed today.
    last_week_starts = week_starts - timedelta(days=7)
    days_before = worked_before(
        people, since=min(last_week_starts, day.date - HISTORY), before=day.date
    )
    previous: dict[int, datetime] = {}
    earlier: defaultdict[int, list[EntryTimes]] = defaultdict(list)
    last_week: defaultdict[int, int] = defaultdict(int)
    for person, days in days_before.items():
        for on, times in days:
            if times.wrap is not None:
                previous[person] = times.wrap  # days are in date order: the last one stays
            # A day without a call or a wrap is no day worked.
            if times.call is None or times.wrap is None:
                continue
            if on >= week_starts:
                earlier[person].append(times)
            elif on >= last_week_starts:
                last_week[person] += 1
    declined = frozenset(production.not_signatory_to)
    # A day shot on a date of the schedule's holiday calendar is a holiday worked. The call sheet
    # says no estimated wrap, so the scheduled length a reporting-time claim needs is not known
    # here: the card's `scheduled_hours` stays None (the timecard command takes it as input).
    holiday = day.date in holidays_for(report.call_sheet.schedule, day.date)
    return {
        entry.pk: _costed(
            entry,
            day.date,
            zone,
            previous.get(entry.engagement_id),
            earlier[entry.engagement_id],
            declined=declined,
            days_last_week=last_week[entry.engagement_id],
            holiday=holiday,
        )
        for entry in entries
    }


def worked_before(
    people: list[int], *, since: date, before: date
) -> dict[int, list[tuple[date, EntryTimes]]]:
    """Each person's times on the dates from `since` up to `before`, one per date, in date order.

    A person's history is what they worked, read from every report of the production by person
    (engagement) and date, whatever schedule version the day was planned in: accepting an
    optimizer result makes new shoot days, and the rest and the workweek must carry on through
    it. If one date has two reports for a person (the day reported under an old version of the
    schedule and again under the new one), the date counts once, and a published report wins
    over a draft, then the later report over the earlier: the DPR once published is the
    official record of the day, a draft may still be half filled in, and of two records alike
    the later one is the office's correction of the earlier.
    """
    chosen: dict[tuple[int, date], tuple[tuple[bool, int], EntryTimes]] = {}
    for row in TimeEntry.objects.filter(
        engagement__in=people, report__day__date__gte=since, report__day__date__lt=before
    ).values("engagement", "report_id", "report__status", "report__day__date", *TIME_FIELDS):
        person, on = row.pop("engagement"), row.pop("report__day__date")
        rank = (row.pop("report__status") == DailyReport.Status.PUBLISHED, row.pop("report_id"))
        key = (person, on)
        if key not in chosen or chosen[key][0] < rank:
            chosen[key] = (rank, EntryTimes(**row))
    days: defaultdict[int, list[tuple[date, EntryTimes]]] = defaultdict(list)
    for (person, on), (_, times) in sorted(chosen.items(), key=lambda item: item[0][1]):
        days[person].append((on, times))
    return days


def _costed(
    entry: TimeEntry,
    on: date,
    zone: ZoneInfo,
    previous_wrap: datetime | None,
    earlier: list[EntryTimes],
    *,
    declined: frozenset[str] = frozenset(),
    days_last_week: int = 0,
    holiday: bool = False,
) -> Costing:
    engagement = entry.engagement
    sets = shipped_rule_sets()
    role: Role = "cast" if engagement.cast_number is not None else "crew"
    covered = rules_for(
        sets,
        union_member=engagement.union_member,
        union_text=engagement.union_name,
        role=role,
        on=on,
        declined=declined,
    )
    if covered.rules is None:
        # Never the non-union rules for a union whose agreement is not loaded or a day outside
        # its term: said, not costed.
        return Costing(covered.not_costed, None)
    rules = covered.rules
    person = engagement.contact.name
    rate_per = RATE_PER.get(engagement.rate_unit, "day")
    rate = engagement.rate if engagement.rate is not None else ZERO
    card = time_card(
        entry, person=person, zone=zone, rate=rate, rate_per=rate_per, previous_wrap=previous_wrap
    )
    # The weekend rest follows the week before: six days worked owe a shorter one (IATSE 32 h
    # against 54). Studio until the production can say it is on an overnight location.
    card = replace(
        card,
        workweek="6-day studio" if days_last_week >= 6 else "5-day studio",
        guaranteed_hours=engagement.guaranteed_hours,
        holiday=holiday,
    )
    if earlier:
        # The earlier days under today's rules (a new agreement mid-week is not split).
        week = week_so_far((_card(times, card) for times in earlier), rules)
        card = week.carried_into(card)
    note = " ".join(part for part in (covered.note, _note(card, engagement, rules)) if part)
    scale = ""
    if engagement.rate is not None and rate_per != "flat":
        scale = below_scale(rules, on=on, rate=engagement.rate, per=rate_per)
    return Costing(rules.short_name, evaluate(card, rules), note, scale)


def _card(times: EntryTimes, today: TimeCard) -> TimeCard:
    """An earlier day's card, only to add up the week: its times need not be made local."""
    meals = tuple(
        Meal(start, end)
        for start, end in (
            (times.meal1_start, times.meal1_end),
            (times.meal2_start, times.meal2_end),
        )
        if start is not None or end is not None
    )
    return TimeCard(
        person=today.person,
        call=times.call,
        wrap=times.wrap,
        rate=today.rate,
        rate_per=today.rate_per,
        meals=meals,
    )


def _note(card: TimeCard, engagement: Engagement, rules: RuleSet) -> str:
    if card.rate_per == "flat":
        return "Flat deal: paid as agreed, not by the day; only its meal penalties are costed."
    if engagement.rate is None:
        return "No rate entered: the day is costed at no rate until one is."
    deal = rules.overtime.weekly_deal
    if card.guaranteed_hours is not None and card.guaranteed_hours <= 0:
        return ""  # the day is flagged, not costed: its problem says why
    if card.rate_per == "week" and deal is not None:
        paid = _paid_hours(card, rules)
        of = "" if card.guaranteed_hours is None else f" of {hours(card.guaranteed_hours)} h"
        return (
            f"Weekly deal{of}: each day worked costs 1/{deal.days} of the weekly rate; overtime "
            f"at the weekly rate / {paid} h an hour ({rules.short_name})."
        )
    if card.rate_per == "day" and card.guaranteed_hours is not None:
        paid = _paid_hours(card, rules)
        return (
            f"{hours(card.guaranteed_hours)}-hour day rate: an hour at the day rate / {paid} h, "
            f"the guaranteed hours paid at their overtime multiples ({rules.short_name})."
        )
    return ""


def _paid_hours(card: TimeCard, rules: RuleSet) -> str:
    """The straight hours a day or weekly rate buys, its guaranteed hours at their multiples."""
    divisor = per_weighted_minute(card, rules)
    return hours(divisor / 60) if divisor is not None else ""
