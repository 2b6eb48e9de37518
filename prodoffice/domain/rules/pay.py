"""Pay: what a deal's rate buys, the day cut into overtime bands, the guarantee, in exact money.

A day's pay is worked out as weighted minutes (each minute times its band's multiple), priced
with one division and rounded once: splitting a band, or a day, never moves a cent, and the
lines shown are the rounded total shared out to the cent (`money.allocate`).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from prodoffice.domain.rules.money import allocate
from prodoffice.domain.rules.results import CENT, ONE, SIXTY, TWO, PayKind, PayLine
from prodoffice.domain.rules.ruleset import Bands, OvertimeRules, RuleSet
from prodoffice.domain.rules.timecard import RatePer, TimeCard
from prodoffice.domain.rules.words import duration

Piece = tuple[int, int, Decimal, str]  # from and to minute of the day, multiple, label


def guaranteed_hours(card: TimeCard, rules: RuleSet) -> Decimal | None:
    """The hours the deal guarantees: the card's own, else what the rules read a deal as.

    A day rate buys the rules' paid day (8 hours), a weekly rate the rules' weekly hours; an
    hourly rate has no guarantee of its own. None on a flat deal.
    """
    if card.guaranteed_hours is not None:
        return None if card.rate_per == "flat" else card.guaranteed_hours
    if card.rate_per == "day":
        return rules.overtime.hours_in_paid_day
    if card.rate_per == "week" and rules.overtime.weekly_deal is not None:
        return rules.overtime.weekly_deal.hours
    return None


def _guaranteed_minutes(card: TimeCard, rules: RuleSet, hours: Decimal | None) -> int:
    """Minutes of today the guarantee covers: a weekly guarantee is spread over its days."""
    if hours is None:
        return 0
    if card.rate_per == "week":
        assert rules.overtime.weekly_deal is not None  # _problems() said so
        return int(hours * 60 / rules.overtime.weekly_deal.days)
    return int(hours * 60)


def per_weighted_minute(card: TimeCard, rules: RuleSet) -> Decimal | None:
    """What the rate is divided by to price one weighted minute; None on a flat deal.

    An hourly rate prices a straight minute at rate / 60. A day or weekly rate buys its
    guaranteed hours *at their band multiples*: "a 10-hour day" under bands of 1x to 8 hours
    and 1.5x after is 8 + 2 x 1.5 = 11 straight hours' pay, so its hourly rate is rate / 11
    (a weekly guarantee of 50 hours over 5 days likewise: 5 x 11 = 55).
    """
    if card.rate_per == "hour":
        return SIXTY
    if card.rate_per == "flat":
        return None
    hours = guaranteed_hours(card, rules)
    assert hours is not None
    if card.rate_per == "day":
        return _weighted_guarantee(rules.overtime, "day", int(hours * 60), 1)
    assert rules.overtime.weekly_deal is not None
    days = rules.overtime.weekly_deal.days
    return _weighted_guarantee(rules.overtime, "week", int(hours * 60 / days), days)


@cache
def _weighted_guarantee(
    overtime: OvertimeRules, rate_per: RatePer, daily: int, days: int
) -> Decimal:
    """Weighted minutes of `days` ordinary days of `daily` minutes each, from the week's start."""
    straight, weighted = 0, Decimal(0)
    for day in range(1, days + 1):
        cut = _cut(overtime, rate_per, daily, straight, day, holiday=False, words=False)
        weighted += sum((m * (end - start) for start, end, m, _ in cut), Decimal(0))
        straight += sum(end - start for start, end, m, _ in cut if m == ONE)
    return weighted


def hourly_rate(card: TimeCard, rules: RuleSet) -> Decimal | None:
    """The straight-time hourly rate; None on a flat deal, which has none."""
    divisor = per_weighted_minute(card, rules)
    return None if divisor is None else card.rate * SIXTY / divisor


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
) -> list[Piece]:
    """The day cut into (from, to, multiplier, label) minutes, weekly overtime lifted in.

    `week_before` (minutes) and `day` stand in for the card's own week when a week is added up;
    without `words` the labels are left empty (adding up a week reads none of them).
    """
    if week_before is None:
        week_before = card.week_before // timedelta(minutes=1)
    if day is None:
        day = card.day_of_workweek
    return _cut(rules.overtime, card.rate_per, worked, week_before, day, card.holiday, words)


def _cut(
    overtime: OvertimeRules,
    rate_per: RatePer,
    worked: int,
    week_before: int,
    day: int,
    holiday: bool,
    words: bool,
) -> list[Piece]:
    bands: Bands = overtime.daily
    weekly_after = overtime.weekly_after_hours
    deal = overtime.weekly_deal
    if rate_per == "week" and deal is not None:
        bands, weekly_after = deal.daily or overtime.daily, deal.weekly_after_hours
    day_label = ""
    if day == 7 and overtime.seventh_day is not None:
        bands, day_label = overtime.seventh_day, "7th day, "
    elif day == 6 and overtime.sixth_day is not None:
        bands, day_label = overtime.sixth_day, "6th day, "
    # Straight time past the weekly limit is lifted to the weekly rate; rates are never
    # stacked (Labor Code 510(a)).
    cut: list[Piece] = []
    for start, until, multiplier in _band_minutes(bands):
        end = worked if until is None else until
        if start < min(end, worked):
            label = ""
            if words:
                label = f"{day_label}from {duration(start)}" if start else f"{day_label}from call"
            cut.append((start, min(end, worked), multiplier, label))
    if weekly_after is not None:
        limit = int(weekly_after * 60) - week_before
        lifted: list[Piece] = []
        for start, end, multiplier, label in cut:
            if multiplier < overtime.weekly_multiplier and end > limit:
                if start < limit:
                    lifted.append((start, limit, multiplier, label))
                week_label = f"past {weekly_after} h in the week" if words else ""
                lifted.append((max(start, limit), end, overtime.weekly_multiplier, week_label))
            else:
                lifted.append((start, end, multiplier, label))
        cut = lifted
    return cut


@cache
def _band_minutes(bands: Bands) -> tuple[tuple[int, int | None, Decimal], ...]:
    """Each band as (from, to) minutes and its multiple; the last runs to the wrap (None)."""
    edges = [int(from_hours * 60) for from_hours, _ in bands]
    return tuple(
        (edge, edges[index + 1] if index + 1 < len(edges) else None, multiplier)
        for index, (edge, (_, multiplier)) in enumerate(zip(edges, bands, strict=True))
    )


def pay_lines(card: TimeCard, rules: RuleSet, worked: int) -> tuple[PayLine, ...]:
    """The day's time paid: the worked bands, then the guaranteed time not worked.

    A day rate buys its guaranteed hours (8 unless the deal says 10 or 12), and a weekly rate
    a day's share of the week's; an hourly deal with guaranteed hours likewise. A shorter day
    is paid up to it, the guaranteed hours at the multiples they would have been worked at.
    """
    divisor = per_weighted_minute(card, rules)
    if divisor is None:
        return ()
    cut = pieces(card, rules, worked)
    hours = guaranteed_hours(card, rules)
    guaranteed = _guaranteed_minutes(card, rules, hours)
    paid: list[tuple[PayKind, str, int, Decimal]] = [
        (_kind(multiplier), label, end - start, multiplier) for start, end, multiplier, label in cut
    ]
    if worked < guaranteed:
        what = _guarantee_words(card, rules, hours)
        for start, end, multiplier, _ in pieces(card, rules, guaranteed, words=False):
            if end > worked:
                paid.append(("guarantee", what, end - max(start, worked), multiplier))
    weighted = [multiplier * minutes for _, _, minutes, multiplier in paid]
    total = (card.rate * sum(weighted, Decimal(0)) / divisor).quantize(CENT, ROUND_HALF_UP)
    amounts = allocate(total, [card.rate * w / divisor for w in weighted])
    return tuple(
        PayLine(kind=kind, label=label, minutes=minutes, multiplier=multiplier, amount=amount)
        for (kind, label, minutes, multiplier), amount in zip(paid, amounts, strict=True)
    )


def _guarantee_words(card: TimeCard, rules: RuleSet, hours: Decimal | None) -> str:
    own = card.guaranteed_hours is not None
    deal = rules.overtime.weekly_deal
    if card.rate_per == "week" and deal is not None:
        if own:
            return f"rest of the day's 1/{deal.days} of the {hours:g}-hour week"
        return f"rest of the day's 1/{deal.days} of the weekly rate"
    if card.rate_per == "day":
        return f"rest of the {hours:g}-hour day rate" if own else "rest of the day rate"
    return f"rest of the {hours:g}-hour guarantee"


def _kind(multiplier: Decimal) -> PayKind:
    if multiplier <= ONE:
        return "regular"
    return "double_time" if multiplier >= TWO else "overtime"
