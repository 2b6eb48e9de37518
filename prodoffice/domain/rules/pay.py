"""Pay: the hourly rate a deal implies, the day cut into overtime bands, the guarantee."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from prodoffice.domain.rules.results import CENT, ONE, SIXTY, TWO, PayKind, PayLine
from prodoffice.domain.rules.ruleset import Bands, RuleSet
from prodoffice.domain.rules.timecard import TimeCard
from prodoffice.domain.rules.words import duration


def hourly_rate(card: TimeCard, rules: RuleSet) -> Decimal | None:
    """The straight-time hourly rate; None on a flat deal, which has none."""
    if card.rate_per == "hour":
        return card.rate
    if card.rate_per == "day":
        return card.rate / rules.overtime.hours_in_paid_day
    if card.rate_per == "week":
        assert rules.overtime.weekly_deal is not None  # _problems() said so
        return card.rate / rules.overtime.weekly_deal.hours
    return None


def day_pay(card: TimeCard, rules: RuleSet, hourly: Decimal) -> Decimal:
    if card.rate_per == "day":
        return card.rate
    if card.rate_per == "week":
        assert rules.overtime.weekly_deal is not None
        return card.rate / rules.overtime.weekly_deal.days
    return hourly * rules.overtime.hours_in_paid_day


def pieces(
    card: TimeCard,
    rules: RuleSet,
    worked: int,
    *,
    week_before: int | None = None,
    day: int | None = None,
    words: bool = True,
) -> list[tuple[int, int, Decimal, str]]:
    """The day cut into (from, to, multiplier, label) minutes, weekly overtime lifted in.

    `week_before` (minutes) and `day` stand in for the card's own week when a week is added up;
    without `words` the labels are left empty (adding up a week reads none of them).
    """
    if week_before is None:
        week_before = card.week_before // timedelta(minutes=1)
    if day is None:
        day = card.day_of_workweek
    overtime = rules.overtime
    bands: Bands = overtime.daily
    weekly_after = overtime.weekly_after_hours
    deal = overtime.weekly_deal
    if card.rate_per == "week" and deal is not None:
        bands, weekly_after = deal.daily or overtime.daily, deal.weekly_after_hours
    day_label = ""
    if day == 7 and overtime.seventh_day is not None:
        bands, day_label = overtime.seventh_day, "7th day, "
    elif day == 6 and overtime.sixth_day is not None:
        bands, day_label = overtime.sixth_day, "6th day, "
    # Straight time past the weekly limit is lifted to the weekly rate; rates are never
    # stacked (Labor Code 510(a)).
    pieces: list[tuple[int, int, Decimal, str]] = []
    for start, until, multiplier in _band_minutes(bands):
        end = worked if until is None else until
        if start < min(end, worked):
            label = ""
            if words:
                label = f"{day_label}from {duration(start)}" if start else f"{day_label}from call"
            pieces.append((start, min(end, worked), multiplier, label))
    if weekly_after is not None:
        limit = int(weekly_after * 60) - week_before
        lifted: list[tuple[int, int, Decimal, str]] = []
        for start, end, multiplier, label in pieces:
            if multiplier < overtime.weekly_multiplier and end > limit:
                if start < limit:
                    lifted.append((start, limit, multiplier, label))
                week_label = f"past {weekly_after} h in the week" if words else ""
                lifted.append((max(start, limit), end, overtime.weekly_multiplier, week_label))
            else:
                lifted.append((start, end, multiplier, label))
        pieces = lifted
    return pieces


@cache
def _band_minutes(bands: Bands) -> tuple[tuple[int, int | None, Decimal], ...]:
    """Each band as (from, to) minutes and its multiple; the last runs to the wrap (None)."""
    edges = [int(from_hours * 60) for from_hours, _ in bands]
    return tuple(
        (edge, edges[index + 1] if index + 1 < len(edges) else None, multiplier)
        for index, (edge, (_, multiplier)) in enumerate(zip(edges, bands, strict=True))
    )


def pay_lines(card: TimeCard, rules: RuleSet, hourly: Decimal, worked: int) -> tuple[PayLine, ...]:
    lines = [
        PayLine(
            kind=_kind(multiplier),
            label=label,
            minutes=end - start,
            multiplier=multiplier,
            amount=(hourly * multiplier * (end - start) / SIXTY).quantize(CENT, ROUND_HALF_UP),
        )
        for start, end, multiplier, label in pieces(card, rules, worked)
    ]
    # A day rate buys a day's straight time, and a weekly rate a day's share of the week's (a
    # fifth of the rate for a fifth of its hours): a shorter day is paid up to it.
    deal = rules.overtime.weekly_deal
    if card.rate_per == "day":
        guaranteed, what = int(rules.overtime.hours_in_paid_day * 60), "rest of the day rate"
    elif card.rate_per == "week" and deal is not None:
        guaranteed = int(deal.hours * 60 / deal.days)
        what = f"rest of the day's 1/{deal.days} of the weekly rate"
    else:
        return tuple(lines)
    if worked < guaranteed:
        short = guaranteed - worked
        amount = (hourly * short / SIXTY).quantize(CENT, ROUND_HALF_UP)
        if all(line.multiplier == ONE for line in lines):
            # The short day comes to the day's pay to the cent, as a full day does: rounding
            # the two lines apart could pay a cent more than working the day out.
            full = (hourly * guaranteed / SIXTY).quantize(CENT, ROUND_HALF_UP)
            amount = full - sum((line.amount for line in lines), Decimal(0))
        lines.append(PayLine("guarantee", what, short, ONE, amount))
    return tuple(lines)


def _kind(multiplier: Decimal) -> PayKind:
    if multiplier <= ONE:
        return "regular"
    return "double_time" if multiplier >= TWO else "overtime"
