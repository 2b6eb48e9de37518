"""The production's work rules: its workweek, rest, drop gap and the agreements it has signed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Max, Min, Q

from prodoffice.core import history
from prodoffice.core.errors import FieldErrors
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.rules import RuleSet
from prodoffice.domain.rules.terms import outside_terms
from prodoffice.domain.rules.unions import member_covering
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


@dataclass(frozen=True)
class AgreementNotice:
    """Something the office must know about the agreements its people work under."""

    people: int  # how many engagements it concerns
    text: str


def shoot_dates(access: ProductionAccess) -> tuple[date, date] | None:
    """The shoot, first to last day: the production's dates, or else its schedule's shoot days."""
    production = access.production
    if production.shoot_start and production.shoot_end:
        return production.shoot_start, production.shoot_end
    shoot = Q(days__kind="shoot")
    days = production.schedules.filter(is_current=True).aggregate(  # type: ignore[attr-defined]
        first=Min("days__date", filter=shoot), last=Max("days__date", filter=shoot)
    )
    if days["first"] is None:
        return None
    return days["first"], days["last"]


def agreement_notices(
    access: ProductionAccess, rule_sets: tuple[RuleSet, ...]
) -> list[AgreementNotice]:
    """For the people on the crew list: each agreement whose loaded terms miss some of the shoot,
    and each reason someone is covered by no agreement loaded, with how many people it concerns.
    """
    loaded = {rules.id for rules in rule_sets}
    written = access.production.engagements.values_list(  # type: ignore[attr-defined]
        "union_member", "union_name"
    )
    covered: Counter[str] = Counter()
    not_covered: Counter[str] = Counter()
    for member, union in written:
        coverage = member_covering(union_member=member, union_text=union, loaded=loaded)
        if coverage.agreement is None:
            not_covered[f"Not costed: {coverage.reason}"] += 1
        else:
            covered[coverage.agreement] += 1
    notices = []
    dates = shoot_dates(access)
    if dates is not None:
        for agreement, people in sorted(covered.items()):
            text = outside_terms(rule_sets, agreement=agreement, start=dates[0], end=dates[1])
            if text:
                notices.append(AgreementNotice(people, text))
    notices += [AgreementNotice(people, text) for text, people in sorted(not_covered.items())]
    return notices


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
