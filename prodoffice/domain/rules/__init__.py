"""Work rules: meal penalties, overtime, sixth and seventh days, rest and forced calls (issue 6).

Rule sets are data (``sets/*.json``), dated and versioned; ``choose`` picks the one in effect
for a person on a day, ``week_so_far`` carries the earlier days of the workweek into a card,
and ``evaluate`` turns one time card into hours, violations and cost.
"""

from __future__ import annotations

from prodoffice.domain.rules.engine import (
    DayResult,
    PayLine,
    Violation,
    Week,
    evaluate,
    week_so_far,
)
from prodoffice.domain.rules.ruleset import NoRuleSet, RuleSet, choose, load_rule_sets
from prodoffice.domain.rules.timecard import Meal, TimeCard

__all__ = [
    "DayResult",
    "Meal",
    "NoRuleSet",
    "PayLine",
    "RuleSet",
    "TimeCard",
    "Violation",
    "Week",
    "choose",
    "evaluate",
    "load_rule_sets",
    "week_so_far",
]
