"""Every write to contacts, engagements (the crew list) and personal links."""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from prodoffice.core import history
from prodoffice.core.db import unique_or_refuse
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.core.validation import column_errors
from prodoffice.domain.access import Capability
from prodoffice.domain.people.contact_rules import ContactRuleError, normalize_phone
from prodoffice.domain.people.search import fold
from prodoffice.people.choices import EngagementStatus, RateUnit, TaxForm
from prodoffice.people.models import Contact, Engagement, PersonalLink
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Department, Production


@dataclass(frozen=True)
class ContactDetails:
    first_name: str
    last_name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    emergency_contact_name: str = ""
    emergency_contact_phone: str = ""
    dietary_needs: str = ""
    notes: str = ""


@dataclass(frozen=True)
class EngagementDetails:
    department_id: int
    position: str
    cast_number: int | None = None
    character: str = ""
    rate: Decimal | None = None
    rate_unit: str = RateUnit.DAY
    start_date: date | None = None
    end_date: date | None = None
    union_member: bool = False
    union_name: str = ""
    status: str = EngagementStatus.OFFERED
    deal_memo_received: date | None = None
    i9_received: date | None = None
    tax_form: str = ""
    tax_form_received: date | None = None
    nda_received: date | None = None


MAX_CAST_NUMBER = 9999
# The rate column holds 10 digits with 2 decimals.
MAX_RATE = Decimal(10) ** 8
_CAST_NUMBER_RACE = "That cast number was given to someone else a moment ago; choose another."


def clean_contact(details: ContactDetails) -> tuple[ContactDetails, dict[str, str]]:
    """The details tidied (phones formatted, e-mail lower-cased) and any errors by field."""
    errors: dict[str, str] = {}
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in asdict(details).items()}
    if not values["first_name"]:
        errors["first_name"] = "Enter a first name (or the only name the person goes by)."
    if values["email"]:
        values["email"] = values["email"].lower()
        try:
            validate_email(values["email"])
        except ValidationError:
            errors["email"] = f"{values['email']!r} is not an e-mail address."
    for field in ("phone", "emergency_contact_phone"):
        try:
            values[field] = normalize_phone(values[field])
        except ContactRuleError as exc:
            errors[field] = str(exc)
    for name, message in column_errors(Contact, values).items():
        errors.setdefault(name, message)
    return ContactDetails(**values), errors


def engagement_errors(
    production: Production, details: EngagementDetails, *, engagement: Engagement | None = None
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not Department.objects.filter(pk=details.department_id, production=production).exists():
        errors["department"] = "Choose one of this production's departments."
    if not details.position.strip():
        errors["position"] = "Enter the position, e.g. Key Grip or Lead Actor."
    if details.cast_number is not None:
        if details.cast_number < 1:
            errors["cast_number"] = "Cast numbers start at 1."
        else:
            taken = Engagement.objects.filter(
                production=production, cast_number=details.cast_number
            )
            if engagement is not None:
                taken = taken.exclude(pk=engagement.pk)
            if holder := taken.select_related("contact").first():
                errors["cast_number"] = (
                    f"Cast number {details.cast_number} is already {holder.contact.name}'s."
                )
    if details.cast_number is not None and details.cast_number > MAX_CAST_NUMBER:
        errors["cast_number"] = f"Cast numbers go up to {MAX_CAST_NUMBER}."
    if details.rate is not None and details.rate < 0:
        errors["rate"] = "A rate cannot be negative."
    elif details.rate is not None and details.rate >= MAX_RATE:
        errors["rate"] = f"A rate must be under {MAX_RATE:,}."
    for name, message in column_errors(Engagement, asdict(details)).items():
        errors.setdefault(name, message)
    if details.rate_unit not in RateUnit.values:
        errors["rate_unit"] = "Choose hour, day, week or flat."
    if details.status not in EngagementStatus.values:
        errors["status"] = "Choose offered, confirmed, started or wrapped."
    if details.tax_form not in TaxForm.values:
        errors["tax_form"] = "Choose W-4 or W-9."
    if details.start_date and details.end_date and details.end_date < details.start_date:
        errors["end_date"] = "The end date is before the start date."
    return errors


def index_for_search(contact: Contact, engagement: Engagement) -> None:
    """Fold what the crew-list search looks in; e-mail and phone apart (see filters.py)."""
    parts = [
        contact.first_name,
        contact.last_name,
        engagement.position,
        engagement.character,
        engagement.union_name,
    ]
    engagement.search_text = fold(" ".join(part for part in parts if part))
    engagement.contact_search_text = fold(
        " ".join(part for part in (contact.email, contact.phone) if part)
    )


def _apply(instance: Contact | Engagement, values: dict[str, object]) -> None:
    for name, value in values.items():
        setattr(instance, name, value)


@transaction.atomic
def hire_person(
    *, access: ProductionAccess, contact: ContactDetails, engagement: EngagementDetails
) -> Engagement:
    """Add a person to the crew list: their contact card and their engagement, together."""
    access.require(Capability.EDIT_PEOPLE)
    contact, errors = clean_contact(contact)
    engagement = _without_rates_unless_allowed(access, engagement, None)
    errors |= engagement_errors(access.production, engagement)
    if errors:
        raise FieldErrors(errors)
    person = Contact.objects.create(production=access.production, **asdict(contact))
    hired = Engagement(production=access.production, contact=person, **asdict(engagement))
    index_for_search(person, hired)
    with unique_or_refuse("cast_number", _CAST_NUMBER_RACE):
        hired.save()
    for instance in (person, hired):
        history.record_change(access, instance, ChangeRecord.Action.CREATED)
    return hired


def _without_rates_unless_allowed(
    access: ProductionAccess, details: EngagementDetails, current: Engagement | None
) -> EngagementDetails:
    """Roles that may not see rates cannot set them either: keep what is stored."""
    if access.can(Capability.VIEW_RATES):
        return details
    values = asdict(details)
    values["rate"] = current.rate if current else None
    values["rate_unit"] = current.rate_unit if current else RateUnit.DAY
    return EngagementDetails(**values)


@transaction.atomic
def update_person(
    *,
    access: ProductionAccess,
    engagement: Engagement,
    contact: ContactDetails,
    details: EngagementDetails,
) -> Engagement:
    access.require(Capability.EDIT_PEOPLE)
    if engagement.production_id != access.production.pk:
        raise RuleBroken("That person is not on this production.")
    contact, errors = clean_contact(contact)
    details = _without_rates_unless_allowed(access, details, engagement)
    errors |= engagement_errors(access.production, details, engagement=engagement)
    if errors:
        raise FieldErrors(errors)
    person = engagement.contact
    for instance, values in ((person, asdict(contact)), (engagement, asdict(details))):
        before = history.snapshot(instance)
        _apply(instance, values)
        if isinstance(instance, Engagement):
            index_for_search(person, instance)
        with unique_or_refuse("cast_number", _CAST_NUMBER_RACE):
            instance.save()
        history.record_change(access, instance, ChangeRecord.Action.CHANGED, before=before)
    return engagement


@transaction.atomic
def remove_person(*, access: ProductionAccess, engagement: Engagement) -> None:
    """Take an engagement off the crew list; the contact card stays in the address book."""
    access.require(Capability.EDIT_PEOPLE)
    history.record_change(
        access, engagement, ChangeRecord.Action.DELETED, before=history.snapshot(engagement)
    )
    engagement.delete()


@transaction.atomic
def issue_personal_link(*, access: ProductionAccess, contact: Contact) -> PersonalLink:
    access.require(Capability.MANAGE_PERSONAL_LINKS)
    if contact.production_id != access.production.pk:
        raise RuleBroken("That person is not on this production.")
    # 256 bits from the OS generator: unguessable, and revocable by deleting nothing but a flag.
    link = PersonalLink.objects.create(
        contact=contact, token=secrets.token_urlsafe(32), created_by=access.user
    )
    history.record_change(access, link, ChangeRecord.Action.CREATED)
    return link


@transaction.atomic
def revoke_personal_link(*, access: ProductionAccess, link: PersonalLink) -> PersonalLink:
    access.require(Capability.MANAGE_PERSONAL_LINKS)
    if link.contact.production_id != access.production.pk:
        raise RuleBroken("That link is not on this production.")
    if link.revoked_at is None:
        before = history.snapshot(link)
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        history.record_change(access, link, ChangeRecord.Action.CHANGED, before=before)
    return link


def open_personal_link(token: str) -> Contact | None:
    """The contact a live link belongs to, noting when it was last used; None if unknown/revoked."""
    link = (
        PersonalLink.objects.select_related("contact__production")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    if link is None:
        return None
    PersonalLink.objects.filter(pk=link.pk).update(last_used_at=timezone.now())
    return link.contact
