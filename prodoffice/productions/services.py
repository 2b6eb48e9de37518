"""Every write to productions, memberships and departments."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from zoneinfo import available_timezones

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from prodoffice.core import history
from prodoffice.core.db import unique_or_refuse
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.core.validation import LINE_BREAK, column_errors
from prodoffice.domain.access import Capability, Role
from prodoffice.domain.production_rules import (
    check_code,
    check_phase_dates,
    check_revision_colors,
)
from prodoffice.productions.access import ProductionAccess, can_start_productions
from prodoffice.productions.choices import DEFAULT_DEPARTMENTS, ProductionKind
from prodoffice.productions.models import Department, Membership, Production

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


OPERATOR = "the operator (command line)"  # who a change made from the command line is by


@dataclass(frozen=True)
class ProductionDetails:
    title: str
    kind: str
    time_zone: str = "America/Los_Angeles"
    currency: str = "USD"
    prep_start: date | None = None
    shoot_start: date | None = None
    shoot_end: date | None = None
    wrap_end: date | None = None
    revision_colors: tuple[str, ...] = ()


def _check_details(details: ProductionDetails) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not details.title.strip():
        errors["title"] = "Give the production a title."
    if details.kind not in ProductionKind.values:
        errors["kind"] = f"Choose one of: {', '.join(ProductionKind.labels)}."
    if details.time_zone not in available_timezones():
        errors["time_zone"] = f"{details.time_zone!r} is not a time zone, e.g. America/New_York."
    if not (
        len(details.currency) == 3 and details.currency.isalpha() and details.currency.isupper()
    ):
        errors["currency"] = "Use a three-letter currency code such as USD, EUR or GBP."
    if error := check_revision_colors(details.revision_colors):
        errors["revision_colors"] = error
    for name, message in column_errors(Production, details.__dict__).items():
        errors.setdefault(name, message)
    errors.update(
        check_phase_dates(
            details.prep_start, details.shoot_start, details.shoot_end, details.wrap_end
        )
    )
    return errors


def _stored(details: ProductionDetails) -> dict[str, object]:
    values = dict(details.__dict__)
    values["revision_colors"] = [" ".join(c.split()) for c in details.revision_colors]
    return values


@transaction.atomic
def create_production(
    *,
    creator: AbstractBaseUser | None,
    code: str,
    details: ProductionDetails,
    by_operator: bool = False,
) -> Production:
    """A new production with the default departments; its creator becomes its producer.

    `by_operator`: started from the command line (`new-production`, `demo`) by whoever runs the
    installation, for a creator who may not start productions on their own, or for none at all
    (an empty production whose producer the operator appoints later with `appoint_producer`).
    """
    if creator is None and not by_operator:
        raise PermissionDenied("Log in to start a production.")
    if not by_operator and not can_start_productions(creator):
        raise PermissionDenied(
            "Only a producer/UPM or the installation's staff start productions; ask one of them."
        )
    code = code.strip().upper()
    errors = _check_details(details)
    if code_error := check_code(code):
        errors["code"] = code_error
    elif Production.objects.filter(code=code).exists():
        errors["code"] = f"Code {code} is taken; choose another."
    if errors:
        raise FieldErrors(errors)
    with unique_or_refuse("code", f"Code {code} was taken a moment ago; choose another."):
        production = Production.objects.create(code=code, **_stored(details))
    Department.objects.bulk_create(
        Department(production=production, name=name, order=index * 10)
        for index, name in enumerate(DEFAULT_DEPARTMENTS)
    )
    if creator is not None:
        Membership.objects.create(production=production, user=creator, role=Role.PRODUCER)
    history.record(
        actor=creator,
        production=production,
        instance=production,
        action=ChangeRecord.Action.CREATED,
        actor_label="" if creator else OPERATOR,
    )
    return production


@transaction.atomic
def appoint_producer(
    *, production: Production, email: str, name: str = ""
) -> tuple[Membership, str | None]:
    """Make the person with this e-mail address producer/UPM of the production, by the operator
    (`prodoffice appoint-producer`): the way in for a production started with no team, or one
    whose producers have all gone. Returns a one-time password when an account was made."""
    user, password = account_for(email=email, name=name)
    membership = Membership.objects.filter(production=production, user=user).first()
    before = history.snapshot(membership) if membership else None
    if membership is None:
        membership = Membership.objects.create(production=production, user=user, role=Role.PRODUCER)
    elif membership.role != Role.PRODUCER:
        membership.role = Role.PRODUCER
        membership.save()
    else:
        return membership, password
    history.record(
        actor=None,
        production=production,
        instance=membership,
        action=ChangeRecord.Action.CHANGED if before else ChangeRecord.Action.CREATED,
        before=before,
        actor_label=OPERATOR,
    )
    return membership, password


@transaction.atomic
def update_production(
    *, actor: AbstractBaseUser, production: Production, details: ProductionDetails
) -> Production:
    if errors := _check_details(details):
        raise FieldErrors(errors)
    before = history.snapshot(production)
    for field, value in _stored(details).items():
        setattr(production, field, value)
    production.save()
    history.record(
        actor=actor,
        production=production,
        instance=production,
        action=ChangeRecord.Action.CHANGED,
        before=before,
    )
    return production


def _check_team_change(access: ProductionAccess, membership: Membership | None, role: Role) -> None:
    """Refuse a role given or taken by someone who does not hold all it carries (`may_grant`),
    and any change to one's own role: a member who could raise their own access could see rates
    and tax IDs and then demote the producer."""
    access.require(Capability.MANAGE_MEMBERS)
    if membership is not None and membership.user_id == access.membership.user_id:
        raise RuleBroken(
            "You cannot change or remove your own access; ask a producer/UPM.", field="role"
        )
    if membership is not None and not access.may_change_member(membership):
        raise RuleBroken(
            f"{membership.user} is {Role(membership.role).label}, which sees more than your "
            "role does; only a producer/UPM can change that.",
            field="role",
        )
    if role not in access.grantable_roles():
        reason = (
            "only a producer/UPM appoints producers."
            if role is Role.PRODUCER
            else "that role sees more than yours does; ask a producer/UPM."
        )
        raise RuleBroken(
            f"As {access.role.label} you cannot make someone {role.label}: {reason}", field="role"
        )


@transaction.atomic
def set_membership(*, access: ProductionAccess, user: Any, role: Role | str) -> Membership:
    """Give `user` a role on the production, or change the one they have."""
    try:
        role = Role(role)
    except ValueError:
        raise RuleBroken("Choose one of the listed roles.", field="role") from None
    production = access.production
    membership = Membership.objects.filter(production=production, user=user).first()
    if membership is not None and membership.role == Role.PRODUCER and role != Role.PRODUCER:
        _keep_a_producer(production, leaving=membership)
    _check_team_change(access, membership, role)
    before = history.snapshot(membership) if membership else None
    if membership is None:
        membership = Membership.objects.create(production=production, user=user, role=role)
        action = ChangeRecord.Action.CREATED
    else:
        membership.role = role
        membership.save()
        action = ChangeRecord.Action.CHANGED
    history.record(
        actor=access.user,
        production=production,
        instance=membership,
        action=action,
        before=before,
    )
    return membership


def _keep_a_producer(production: Production, *, leaving: Membership) -> None:
    others = Membership.objects.filter(production=production, role=Role.PRODUCER).exclude(
        pk=leaving.pk
    )
    if not others.exists():
        raise RuleBroken(
            "A production needs at least one producer/UPM; make someone else producer first.",
            field="role",
        )


def account_for(*, email: str, name: str) -> tuple[AbstractBaseUser, str | None]:
    """The account with this e-mail address, made if there is none. Returns a one-time password
    when an account was made, to pass on privately."""
    email = email.strip().lower()
    if "@" not in email or LINE_BREAK.search(email):
        raise RuleBroken("Enter the person's e-mail address.", field="email")
    if LINE_BREAK.search(name):  # it goes into the account, and from there into e-mails
        raise RuleBroken("One line only: the name may not hold a line break.", field="name")
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is not None:
        return user, None
    password = secrets.token_urlsafe(9)
    first, _, last = name.strip().partition(" ")
    user = user_model.objects.create_user(
        username=email, email=email, password=password, first_name=first, last_name=last
    )
    return user, password


@transaction.atomic
def add_member_by_email(
    *, access: ProductionAccess, email: str, name: str, role: Role | str
) -> tuple[Membership, str | None]:
    """Give a person an account (if they have none) and a role. Returns a one-time password
    when an account was created, for the coordinator to pass on."""
    user, password = account_for(email=email, name=name)
    # A refused role rolls back the account made above with it: nothing is half-written.
    return set_membership(access=access, user=user, role=role), password


@transaction.atomic
def remove_member(*, access: ProductionAccess, membership: Membership) -> None:
    if membership.role == Role.PRODUCER:
        _keep_a_producer(membership.production, leaving=membership)
    _check_team_change(access, membership, Role(membership.role))
    before = history.snapshot(membership)
    history.record(
        actor=access.user,
        production=membership.production,
        instance=membership,
        action=ChangeRecord.Action.DELETED,
        before=before,
    )
    membership.delete()


def _department_name(typed: str) -> str:
    name = " ".join(typed.split())
    if not name:
        raise RuleBroken("Name the department.", field="name")
    if too_long := column_errors(Department, {"name": name}):
        raise RuleBroken(too_long["name"], field="name")
    return name


@transaction.atomic
def add_department(*, actor: AbstractBaseUser, production: Production, name: str) -> Department:
    name = _department_name(name)
    if existing := production.departments.filter(name__iexact=name).first():
        raise RuleBroken(f"There is already a {existing.name} department.", field="name")
    last = production.departments.aggregate(last=Max("order"))["last"] or 0
    department = Department.objects.create(production=production, name=name, order=last + 10)
    history.record(
        actor=actor, production=production, instance=department, action=ChangeRecord.Action.CREATED
    )
    return department


@transaction.atomic
def rename_department(*, actor: AbstractBaseUser, department: Department, name: str) -> Department:
    name = _department_name(name)
    clash = department.production.departments.filter(name__iexact=name).exclude(pk=department.pk)
    if existing := clash.first():
        raise RuleBroken(f"There is already a {existing.name} department.", field="name")
    before = history.snapshot(department)
    department.name = name
    department.save()
    history.record(
        actor=actor,
        production=department.production,
        instance=department,
        action=ChangeRecord.Action.CHANGED,
        before=before,
    )
    return department


@transaction.atomic
def delete_department(*, actor: AbstractBaseUser, department: Department) -> None:
    if department.engagements.exists():  # type: ignore[attr-defined]
        raise RuleBroken(
            f"{department.name} still has people; move them to another department first."
        )
    history.record(
        actor=actor,
        production=department.production,
        instance=department,
        action=ChangeRecord.Action.DELETED,
        before=history.snapshot(department),
    )
    department.delete()
