"""Permission scoping for everything on a production: the one place access is decided.

Pages, API handlers and commands all call `access_production`; selectors take the resulting
`ProductionAccess` and scope their querysets by it. A user with no membership gets 404, never
a hint that the production exists; a member whose role lacks a capability gets 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from prodoffice.domain.access import (
    Capability,
    Role,
    capabilities_of,
    grantable_roles,
    may_start_productions,
)
from prodoffice.productions.models import Membership, Production

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


@dataclass(frozen=True)
class ProductionAccess:
    production: Production
    membership: Membership

    @property
    def role(self) -> Role:
        return Role(self.membership.role)

    @property
    def user(self) -> AbstractBaseUser:
        return self.membership.user

    @property
    def capabilities(self) -> frozenset[Capability]:
        return capabilities_of(self.role)

    def can(self, capability: Capability) -> bool:
        return capability in self.capabilities

    def require(self, capability: Capability) -> None:
        if not self.can(capability):
            raise PermissionDenied(
                f"Your role on {self.production.code} ({self.role.label}) does not allow this."
            )

    def grantable_roles(self) -> list[Role]:
        """The roles this member may give others (`may_grant`): what the team page offers."""
        return grantable_roles(self.role)

    def may_change_member(self, membership: Membership) -> bool:
        """Another member whose role this member could have given: no one changes their own
        role, and no one changes or removes someone who sees more than they do."""
        return (
            membership.user_id != self.membership.user_id  # type: ignore[attr-defined]
            and membership.role in self.grantable_roles()
        )


def access_production(
    user: AbstractBaseUser | AnonymousUser,
    code: str,
    capability: Capability = Capability.VIEW_PRODUCTION,
) -> ProductionAccess:
    if not user.is_authenticated:
        raise Http404("No such production.")
    membership = (
        Membership.objects.select_related("production", "user")
        .filter(user=user, production__code=code.upper())
        .first()
    )
    if membership is None:
        raise Http404("No such production.")
    granted = ProductionAccess(production=membership.production, membership=membership)
    granted.require(capability)
    return granted


def memberships_of(user: AbstractBaseUser | AnonymousUser) -> list[Membership]:
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user)
        .select_related("production")
        .order_by("production__title")
    )


def can_start_productions(user: AbstractBaseUser | AnonymousUser) -> bool:
    """`may_start_productions` for this user: staff, or producer/UPM on some production."""
    if not user.is_authenticated:
        return False
    producer = Membership.objects.filter(user=user, role=Role.PRODUCER).exists()
    return may_start_productions(staff=bool(user.is_staff), producer_somewhere=producer)
