"""Worked examples under the simplified IATSE-like crew rule set.

Sources (summaries by IATSE locals, see the rule set's source text): meal penalties of $7.50,
$10.00, then $12.50 per half hour of delay or fraction, plus $25 from the fifth half hour (2021
Basic Agreement); a 12-minute grace that may not be scheduled; 10 hours of daily rest. The
minimum call: Paragraph 6 of the IATSE local agreements, "a minimum daily call of eight (8)
hours" (Local 728 and Local 80 Agreements of August 1, 2015). Holidays worked: double time.
"""

from __future__ import annotations

import dataclasses
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


def test_minimum_call_pays_an_hourly_crew_member_eight_hours() -> None:
    # Paragraph 6 of the IATSE local agreements: a minimum daily call of 8 hours. Sent home
    # after 5 h at $40: 5 h worked ($200) and the 3 h of the call not worked ($120).
    result = evaluate(card("07:00", "12:00"), IATSE)
    assert [(line.kind, line.label, line.minutes, line.amount) for line in result.pay] == [
        ("regular", "from call", 300, Decimal("200.00")),
        ("guarantee", "rest of the 8-hour minimum call", 180, Decimal("120.00")),
    ]
    assert result.total == Decimal("320.00")


def test_a_holiday_worked_is_paid_at_double_time() -> None:
    # $40 an hour, 10 h worked on a holiday: every hour at $80, $800 (not 8 h at $40 and 2 h
    # at $60, $440).
    holiday = dataclasses.replace(card("07:00", "17:30", ("12:00", "12:30")), holiday=True)
    result = evaluate(holiday, IATSE)
    assert [(line.label, line.minutes, line.multiplier) for line in result.pay] == [
        ("holiday, from call", 600, Decimal(2)),
    ]
    assert result.total == Decimal("800.00")


def test_a_holiday_on_a_sixth_day_pays_the_higher_of_the_two() -> None:
    sixth = dataclasses.replace(
        card("07:00", "15:30", ("12:00", "12:30"), day_of_workweek=6), holiday=True
    )
    assert evaluate(sixth, IATSE).total == Decimal("640.00")  # 8 h at 2x, not 1.5x
