"""What a costed day is made of: pay lines, violations, and the day's result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from prodoffice.domain.rules.ruleset import RuleSet
from prodoffice.domain.rules.timecard import TimeCard

CENT = Decimal("0.01")
ONE = Decimal(1)
TWO = Decimal(2)
SIXTY = Decimal(60)

PayKind = Literal["regular", "overtime", "double_time", "guarantee"]
# forced_call: a daily rest cut short, paid as a day's pay capped (SAG-AFTRA); rest_invasion: the
# invaded hours paid again (IATSE); weekly_rest: the weekly or weekend rest cut short;
# reporting_time: sent home before half the scheduled day (IWC Wage Order 12, section 5).
ViolationKind = Literal[
    "meal_penalty", "forced_call", "rest_invasion", "weekly_rest", "reporting_time"
]


def sum_amounts(lines: tuple[PayLine, ...]) -> Decimal:
    return sum((line.amount for line in lines), Decimal(0))


@dataclass(frozen=True, slots=True)
class PayLine:
    """Time paid at one multiple of the hourly rate."""

    kind: PayKind
    label: str
    minutes: int
    multiplier: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Violation:
    """A broken rule, what it costs, and why, in words a coordinator can read out on the DPR.

    `explanation` names the amounts, and so the person's rate ("one hour's pay $105"); the same
    words without any amount are for readers who may not see rates.
    """

    kind: ViolationKind
    when: datetime
    minutes: int  # how late the meal, or how much rest was missing
    amount: Decimal
    explanation: str
    explanation_without_money: str


@dataclass(frozen=True, slots=True)
class DayResult:
    """The costed day of one time card; a card with problems is flagged and not costed."""

    card: TimeCard
    rules: RuleSet
    problems: tuple[str, ...] = ()
    worked_minutes: int = 0  # call to wrap less deducted meals, rounded up to the rules' unit
    meal_minutes: int = 0  # meal time deducted from the day
    pay: tuple[PayLine, ...] = ()
    violations: tuple[Violation, ...] = ()

    @property
    def costed(self) -> bool:
        return not self.problems

    @property
    def regular(self) -> Decimal:
        return sum((p.amount for p in self.pay if p.kind in ("regular", "guarantee")), Decimal(0))

    @property
    def overtime(self) -> Decimal:
        return sum(
            (p.amount for p in self.pay if p.kind in ("overtime", "double_time")), Decimal(0)
        )

    @property
    def penalties(self) -> Decimal:
        return sum((v.amount for v in self.violations), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.regular + self.overtime + self.penalties
