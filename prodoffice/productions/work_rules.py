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
    signatory_to: tuple[str, ...]  # the agreements (ids) the production has signed


def agreements(rule_sets: tuple[RuleSet, ...]) -> dict[str, str]:
    """Every union agreement Prodoffice has rules for, id to name, in order (the law is no
    agreement one signs)."""
    return dict(sorted({(r.id, r.agreement) for r in rule_sets if r.union is not None}))


def work_rules_of(access: ProductionAccess, rule_sets: tuple[RuleSet, ...]) -> WorkRules:
    production = access.production
    declined = set(production.not_signatory_to)
    return WorkRules(
        workweek_starts=production.workweek_starts,
        cast_rest_hours=production.cast_rest_hours,
        crew_rest_hours=production.crew_rest_hours,
        drop_minimum_days=production.drop_minimum_days,
        signatory_to=tuple(a for a in agreements(rule_sets) if a not in declined),
    )


@transaction.atomic
def set_work_rules(
    *, access: ProductionAccess, rules: WorkRules, rule_sets: tuple[RuleSet, ...]
) -> None:
    """Save the production's work rules; an impossible value saves nothing."""
    access.require(Capability.EDIT_PRODUCTION)
    known = agreements(rule_sets)
    errors: dict[str, str] = {}
    if not 0 <= rules.workweek_starts <= 6:
        errors["workweek_starts"] = "Choose the weekday the workweek starts on."
    for name in ("cast_rest_hours", "crew_rest_hours"):
        if not 1 <= getattr(rules, name) <= 24:
            errors[name] = "Rest is between 1 and 24 hours."
    if not 1 <= rules.drop_minimum_days <= 90:
        errors["drop_minimum_days"] = "The drop gap is between 1 and 90 days."
    unknown = [agreement for agreement in rules.signatory_to if agreement not in known]
    if unknown:
        errors["signatory_to"] = (
            f"No agreement {', '.join(unknown)} is loaded; choose from {', '.join(known)}."
        )
    if errors:
        raise FieldErrors(errors)
    production = access.production
    before = history.snapshot(production)
    production.workweek_starts = rules.workweek_starts
    production.cast_rest_hours = rules.cast_rest_hours
    production.crew_rest_hours = rules.crew_rest_hours
    production.drop_minimum_days = rules.drop_minimum_days
    production.not_signatory_to = [a for a in known if a not in rules.signatory_to]
    production.save()
    history.record_change(access, production, ChangeRecord.Action.CHANGED, before=before)
