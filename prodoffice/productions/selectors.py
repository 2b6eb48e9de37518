"""Reads about a production, scoped by the reader's access."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import Http404

from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Department, Membership


def production_history(access: ProductionAccess, limit: int = 300) -> list[ChangeRecord]:
    access.require(Capability.VIEW_HISTORY)
    return list(
        ChangeRecord.objects.filter(production=access.production).select_related("actor")[:limit]
    )


def crew_counts(access: ProductionAccess) -> dict[str, int]:
    counts = access.production.engagements.aggregate(  # type: ignore[attr-defined]
        total=Count("id"),
        cast=Count("id", filter=Q(cast_number__isnull=False)),
        confirmed=Count("id", filter=Q(status__in=["confirmed", "started"])),
        paperwork_missing=Count(
            "id",
            filter=Q(deal_memo_received__isnull=True)
            | Q(tax_form_received__isnull=True)
            | Q(nda_received__isnull=True),
        ),
    )
    counts["vendors"] = access.production.vendors.count()  # type: ignore[attr-defined]
    counts["departments"] = access.production.departments.count()  # type: ignore[attr-defined]
    return counts


def members(access: ProductionAccess) -> list[Membership]:
    access.require(Capability.MANAGE_MEMBERS)
    return list(
        access.production.memberships.select_related("user").order_by(  # type: ignore[attr-defined]
            "role", "user__last_name"
        )
    )


def access_membership(access: ProductionAccess, pk: int) -> Membership:
    access.require(Capability.MANAGE_MEMBERS)
    membership = Membership.objects.filter(pk=pk, production=access.production).first()
    if membership is None:
        raise Http404("No such team member.")
    return membership


def departments_with_counts(access: ProductionAccess) -> list[Department]:
    return list(
        Department.objects.filter(production=access.production).annotate(
            people=Count("engagements")
        )
    )


def access_department(access: ProductionAccess, pk: int) -> Department:
    department = Department.objects.filter(pk=pk, production=access.production).first()
    if department is None:
        raise Http404("No such department.")
    return department
