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
from prodoffice.domain.rules.words import duration, money
from prodoffice.domain.rules.words import hours as words_hours

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
    if card.rate_per == "hour":
        return rules.overtime.minimum_call_hours
    return None


def money_break(card: TimeCard, rules: RuleSet) -> Decimal | None:
    """The overtime ceiling this day rate is over, if it is over one (SAG-AFTRA's money break)."""
    ceilings = rules.overtime.money_break
    if ceilings is None or card.rate_per != "day" or card.call is None:
        return None
    ceiling = ceilings.on(card.call.date())
    return ceiling if ceiling is not None and card.rate > ceiling else None


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
        return _guarantee_weight(rules.overtime, "day", int(hours * 60), 1)
    assert rules.overtime.weekly_deal is not None
    days = rules.overtime.weekly_deal.days
    return _guarantee_weight(rules.overtime, "week", int(hours * 60 / days), days)


# Rule sets are few and live as long as the process: their derived figures are kept by the
# object's identity (with the object, so the identity is never reused), since hashing a rule
# set's nested bands on every card costs more than the figure does.
_BY_RULES: dict[tuple[object, ...], tuple[object, object]] = {}


def _guarantee_weight(overtime: OvertimeRules, rate_per: RatePer, daily: int, days: int) -> Decimal:
    key = (id(overtime), rate_per, daily, days)
    kept = _BY_RULES.get(key)
    if kept is None or kept[0] is not overtime:
        kept = _BY_RULES[key] = (overtime, _weighted_guarantee(overtime, rate_per, daily, days))
    value = kept[1]
    assert isinstance(value, Decimal)
    return value


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
    if holiday and overtime.holiday is not None:
        # A holiday that is also a 6th or 7th day pays whichever is more, minute by minute.
        bands, day_label = _highest(bands, overtime.holiday), f"holiday, {day_label}"
    # Straight time past the weekly limit is lifted to the weekly rate; rates are never
    # stacked (Labor Code 510(a)).
    cut: list[Piece] = []
    for start, until, multiplier in _minutes_of(bands):
        end = worked if until is None else until
        if start < min(end, worked):
            cut.append(
                (start, min(end, worked), multiplier, _from(day_label, start) if words else "")
            )
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


_LABELS: dict[tuple[str, int], str] = {}


def _from(day_label: str, start: int) -> str:
    """ "6th day, from 8 h": a band's words, made once (a few bands, a few kinds of day)."""
    label = _LABELS.get((day_label, start))
    if label is None:
        since = f"from {duration(start)}" if start else "from call"
        label = _LABELS[(day_label, start)] = f"{day_label}{since}"
    return label


@cache
def _highest(bands: Bands, other: Bands) -> Bands:
    """Bands paying, from each hour on, the higher of the two multiples."""

    def multiple(of: Bands, at: Decimal) -> Decimal:
        return max((multiplier for start, multiplier in of if start <= at), default=ONE)

    edges = sorted({start for start, _ in bands} | {start for start, _ in other})
    merged: list[tuple[Decimal, Decimal]] = []
    for edge in edges:
        highest = max(multiple(bands, edge), multiple(other, edge))
        if not merged or merged[-1][1] != highest:
            merged.append((edge, highest))
    return tuple(merged)


def _minutes_of(bands: Bands) -> tuple[tuple[int, int | None, Decimal], ...]:
    key = ("bands", id(bands))
    kept = _BY_RULES.get(key)
    if kept is None or kept[0] is not bands:
        kept = _BY_RULES[key] = (bands, _band_minutes(bands))
    return kept[1]  # type: ignore[return-value]


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
    hours = guaranteed_hours(card, rules)
    guaranteed = _guaranteed_minutes(card, rules, hours)
    paid: list[tuple[PayKind, str, int, Decimal]] = []
    what = ""
    # One cut to the wrap or the end of the guarantee, whichever is later: the minutes before
    # the wrap were worked, the rest is guaranteed time not worked.
    for start, end, multiplier, label in pieces(card, rules, max(worked, guaranteed)):
        if start < worked:
            paid.append((_kind(multiplier), label, min(end, worked) - start, multiplier))
        if end > worked:
            what = what or _guarantee_words(card, rules, hours)
            paid.append(("guarantee", what, end - max(start, worked), multiplier))
    ceiling = money_break(card, rules)
    if ceiling is None:
        weighted = [multiplier * minutes for _, _, minutes, multiplier in paid]
        total = (card.rate * sum(weighted) / divisor).quantize(CENT, ROUND_HALF_UP)
        if len(weighted) == 1:
            amounts = [total]
        else:
            # Only to share the cents out: the total above is the one division that counts.
            per = card.rate / divisor
            amounts = allocate(total, [per * w for w in weighted])
    else:
        paid, amounts = _over_the_break(card, rules, paid, guaranteed, divisor, ceiling)
    return tuple(
        PayLine(kind, label, minutes, multiplier, amount)
        for (kind, label, minutes, multiplier), amount in zip(paid, amounts, strict=True)
    )


def _over_the_break(
    card: TimeCard,
    rules: RuleSet,
    paid: list[tuple[PayKind, str, int, Decimal]],
    guaranteed: int,
    divisor: Decimal,
    ceiling: Decimal,
) -> tuple[list[tuple[PayKind, str, int, Decimal]], list[Decimal]]:
    """A day paid over the money break: the day rate buys its guaranteed hours, any premium on
    them and every overtime hour past them are paid on the ceiling (sagaftra.org/overtime).

    Each line is priced as (rate x straight minutes) / the deal's divisor + (ceiling x premium
    minutes) / the paid day's minutes: the sums are exact, divided and rounded once.
    """
    assert rules.overtime.money_break is not None
    multiple = rules.overtime.money_break.multiplier
    on_ceiling = SIXTY * rules.overtime.hours_in_paid_day
    lines: list[tuple[PayKind, str, int, Decimal]] = []
    weights: list[tuple[Decimal, Decimal]] = []  # (straight minutes on the rate, on the ceiling)
    start = 0  # the worked pieces run on from the call, the guaranteed ones from the wrap
    for kind, label, minutes, multiplier in paid:
        end = start + minutes
        inside = max(0, min(end, guaranteed) - start)
        if inside:
            lines.append((kind, label, inside, multiplier))
            weights.append((Decimal(inside), (multiplier - ONE) * inside))
        if minutes > inside:
            past = minutes - inside
            if multiplier == ONE:
                lines.append((kind, label, past, multiplier))
                weights.append((Decimal(past), Decimal(0)))
            else:
                on_break = min(multiplier, multiple)
                lines.append(
                    (
                        _kind(on_break),
                        f"{label}, on the {money(ceiling)} money break",
                        past,
                        on_break,
                    )
                )
                weights.append((Decimal(0), on_break * past))
        start = end
    scale = divisor * on_ceiling
    exact = [
        (card.rate * own * on_ceiling + ceiling * premium * divisor) / scale
        for own, premium in weights
    ]
    own_total = sum((own for own, _ in weights), Decimal(0))
    premium_total = sum((premium for _, premium in weights), Decimal(0))
    total = (
        (card.rate * own_total * on_ceiling + ceiling * premium_total * divisor) / scale
    ).quantize(CENT, ROUND_HALF_UP)
    return lines, allocate(total, exact)


def _guarantee_words(card: TimeCard, rules: RuleSet, guaranteed: Decimal | None) -> str:
    assert guaranteed is not None  # a guarantee line is only made for a guarantee
    hours = words_hours(guaranteed)
    own = card.guaranteed_hours is not None
    deal = rules.overtime.weekly_deal
    if card.rate_per == "week" and deal is not None:
        if own:
            return f"rest of the day's 1/{deal.days} of the {hours}-hour week"
        return f"rest of the day's 1/{deal.days} of the weekly rate"
    if card.rate_per == "day":
        return f"rest of the {hours}-hour day rate" if own else "rest of the day rate"
    if own:
        return f"rest of the {hours}-hour guarantee"
    return f"rest of the {hours}-hour minimum call"


def _kind(multiplier: Decimal) -> PayKind:
    if multiplier <= ONE:
        return "regular"
    return "double_time" if multiplier >= TWO else "overtime"
