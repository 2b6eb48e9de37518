"""Which agreement covers a person on the crew list, or why none does, and their rate's scale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from prodoffice.domain.rules.ruleset import Role
from prodoffice.domain.rules.scale import below_scale
from prodoffice.domain.rules.unions import rules_for, shipped_rule_sets
from prodoffice.people.models import Engagement


@dataclass(frozen=True)
class EngagementAgreement:
    """What the crew list says about a person's agreement, on the day it is read for."""

    on: date
    covered_by: str  # "IATSE Basic Agreement of 2024, crew (IATSE Local 600 ...)", or ""
    not_costed: str  # why no agreement loaded covers them ("Not costed: ..."), or ""
    note: str  # why the California rules apply to a member (not signatory, another role)
    below_scale: str  # the rate below the agreement's minimum: only for those who see rates


def agreement_of(engagement: Engagement) -> EngagementAgreement:
    """Read for the engagement's first day (else the shoot's, else today): the agreement in force
    then, whose scale its rate is checked against."""
    production = engagement.production
    on = engagement.start_date or production.shoot_start or timezone.localdate()
    role: Role = "cast" if engagement.cast_number is not None else "crew"
    covered = rules_for(
        shipped_rule_sets(),
        union_member=engagement.union_member,
        union_text=engagement.union_name,
        role=role,
        on=on,
        declined=production.not_signatory_to,
    )
    rules = covered.rules
    if rules is None:
        return EngagementAgreement(on, "", covered.not_costed, "", "")
    covered_by = rules.name + (f" ({covered.who})" if covered.who else "")
    warning = ""
    if engagement.rate is not None and engagement.rate_unit in ("hour", "day", "week"):
        warning = below_scale(rules, on=on, rate=engagement.rate, per=engagement.rate_unit)
    return EngagementAgreement(on, covered_by, "", covered.note, warning)
