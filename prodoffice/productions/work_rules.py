"""The production's work rules: its workweek, rest, drop gap and the agreements it has signed."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from prodoffice.core import history
from prodoffice.core.errors import FieldErrors
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.rules import RuleSet
from prodoffice.productions.access import ProductionAccess


@dataclass(frozen=True)
class WorkRules:
    workweek_starts: int  # Monday 0 ... Sunday 6
    cast_rest_hours: int
    crew_rest_hours: int
    drop_minimum_days: int
    signatory_to: tuple[str, ...]  # the unions whose agreements the production has signed


def unions(rule_sets: tuple[RuleSet, ...]) -> list[str]:
    """Every union Prodoffice has rules for, in order."""
    return sorted({rules.union for rules in rule_sets if rules.union})


def work_rules_of(access: ProductionAccess, rule_sets: tuple[RuleSet, ...]) -> WorkRules:
    production = access.production
    declined = set(production.not_signatory_to)
    return WorkRules(
        workweek_starts=production.workweek_starts,
        cast_rest_hours=production.cast_rest_hours,
        crew_rest_hours=production.crew_rest_hours,
        drop_minimum_days=production.drop_minimum_days,
        signatory_to=tuple(u for u in unions(rule_sets) if u not in declined),
    )


@transaction.atomic
def set_work_rules(
    *, access: ProductionAccess, rules: WorkRules, rule_sets: tuple[RuleSet, ...]
) -> None:
    """Save the production's work rules; an impossible value saves nothing."""
    access.require(Capability.EDIT_PRODUCTION)
    known = unions(rule_sets)
    errors: dict[str, str] = {}
    if not 0 <= rules.workweek_starts <= 6:
        errors["workweek_starts"] = "Choose the weekday the workweek starts on."
    for name in ("cast_rest_hours", "crew_rest_hours"):
        if not 1 <= getattr(rules, name) <= 24:
            errors[name] = "Rest is between 1 and 24 hours."
    if not 1 <= rules.drop_minimum_days <= 90:
        errors["drop_minimum_days"] = "The drop gap is between 1 and 90 days."
    unknown = [union for union in rules.signatory_to if union not in known]
    if unknown:
        errors["signatory_to"] = (
            f"No rules for {', '.join(unknown)}; choose from {', '.join(known)}."
        )
    if errors:
        raise FieldErrors(errors)
    production = access.production
    before = history.snapshot(production)
    production.workweek_starts = rules.workweek_starts
    production.cast_rest_hours = rules.cast_rest_hours
    production.crew_rest_hours = rules.crew_rest_hours
    production.drop_minimum_days = rules.drop_minimum_days
    production.not_signatory_to = [u for u in known if u not in rules.signatory_to]
    production.save()
    history.record_change(access, production, ChangeRecord.Action.CHANGED, before=before)
