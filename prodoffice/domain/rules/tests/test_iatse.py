"""Worked examples under the simplified IATSE-like crew rule set.

Sources (summaries by IATSE locals, see the rule set's source text): meal penalties of $7.50,
$10.00, then $12.50 per half hour of delay or fraction, plus $25 from the fifth half hour (2021
Basic Agreement); a 12-minute grace that may not be scheduled; 10 hours of daily rest.
"""

from __future__ import annotations

from decimal import Decimal

from prodoffice.domain.rules import evaluate
from prodoffice.domain.rules.tests.helpers import IATSE, at, card


def test_twelve_minutes_late_is_within_the_grace() -> None:
    assert evaluate(card("07:00", "18:00", ("13:12", "13:42")), IATSE).violations == ()


def test_past_the_grace_the_delay_counts_from_the_six_hour_mark() -> None:
    (violation,) = evaluate(card("07:00", "18:00", ("13:13", "13:43")), IATSE).violations
    assert violation.amount == Decimal("7.50")
    assert violation.minutes == 13


def test_from_the_fifth_half_hour_each_costs_25_more() -> None:
    # 2 h 30 min late: $7.50 + $10 + $12.50 + $12.50 + $37.50.
    (violation,) = evaluate(card("07:00", "20:00", ("15:30", "16:00")), IATSE).violations
    assert violation.amount == Decimal("80.00")
    assert "$7.50 + $10 + $12.50 + $12.50 + $37.50 = $80" in violation.explanation


def test_invaded_rest_is_paid_again_at_straight_time() -> None:
    # Wrapped 22:00, called 07:00: 9 h of a 10 h rest, the missing hour paid again at $40.
    early = card(
        "07:00", "15:00", ("12:00", "12:30"), previous_wrap=at("22:00", -1), day_of_workweek=2
    )
    (violation,) = evaluate(early, IATSE).violations
    assert violation.kind == "rest_invasion"
    assert violation.amount == Decimal("40.00")
    assert violation.minutes == 60


def test_ten_hours_of_rest_is_enough_for_crew() -> None:
    rested = card(
        "07:00", "15:00", ("12:00", "12:30"), previous_wrap=at("21:00", -1), day_of_workweek=2
    )
    assert evaluate(rested, IATSE).violations == ()


def test_sixth_and_seventh_days_pay_premiums() -> None:
    sixth = evaluate(card("07:00", "15:30", ("12:00", "12:30"), day_of_workweek=6), IATSE)
    seventh = evaluate(card("07:00", "15:30", ("12:00", "12:30"), day_of_workweek=7), IATSE)
    assert sixth.total == Decimal("480.00")
    assert seventh.total == Decimal("640.00")
    assert sixth.pay[0].label == "6th day, from call"
