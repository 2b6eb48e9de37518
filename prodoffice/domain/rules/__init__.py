"""Work rules: meal penalties, overtime, sixth and seventh days, rest and forced calls (issue 6).

Rule sets are data (``sets/*.json``), dated and versioned; ``choose`` picks the one in effect
for a person on a day, and ``evaluate`` turns one time card into hours, violations and cost.
"""

from __future__ import annotations

from prodoffice.domain.rules.engine import DayResult, PayLine, Violation, evaluate
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
    "choose",
    "evaluate",
    "load_rule_sets",
]
