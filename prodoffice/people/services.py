"""Every write to contacts, engagements (the crew list) and personal links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from prodoffice.core import history
from prodoffice.core.crypto import token_digest
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
    guaranteed_hours: Decimal | None = None  # None: the agreement's own (an 8-hour day)
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
MAX_GUARANTEE = 168  # hours in a week: a weekly guarantee can be no more
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
    departments = set(
        Department.objects.filter(pk=details.department_id, production=production).values_list(
            "pk", flat=True
        )
    )
    numbers = {details.cast_number} - {None}
    return _engagement_errors(details, departments, _cast_holders(production, numbers, engagement))


def _cast_holders(
    production: Production, numbers: set[int | None], engagement: Engagement | None = None
) -> dict[int, str]:
    """Who already holds each of these cast numbers (besides `engagement`), by number."""
    wanted = {number for number in numbers if number is not None and number >= 1}
    if not wanted:
        return {}
    taken = Engagement.objects.filter(production=production, cast_number__in=wanted)
    if engagement is not None:
        taken = taken.exclude(pk=engagement.pk)
    rows = taken.values_list("cast_number", "contact__first_name", "contact__last_name")
    return {number: f"{first} {last}".strip() for number, first, last in rows}


def _engagement_errors(
    details: EngagementDetails, departments: set[int], cast_holders: dict[int, str]
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if details.department_id not in departments:
        errors["department"] = "Choose one of this production's departments."
    if not details.position.strip():
        errors["position"] = "Enter the position, e.g. Key Grip or Lead Actor."
    if details.cast_number is not None:
        if details.cast_number < 1:
            errors["cast_number"] = "Cast numbers start at 1."
        elif holder := cast_holders.get(details.cast_number):
            errors["cast_number"] = f"Cast number {details.cast_number} is already {holder}'s."
    if details.cast_number is not None and details.cast_number > MAX_CAST_NUMBER:
        errors["cast_number"] = f"Cast numbers go up to {MAX_CAST_NUMBER}."
    if details.rate is not None and details.rate < 0:
        errors["rate"] = "A rate cannot be negative."
    elif details.rate is not None and details.rate >= MAX_RATE:
        errors["rate"] = f"A rate must be under {MAX_RATE:,}."
    if details.guaranteed_hours is not None and not 0 < details.guaranteed_hours <= MAX_GUARANTEE:
        errors["guaranteed_hours"] = (
            f"Guaranteed hours are more than 0 and at most {MAX_GUARANTEE} (a 10-hour day, a "
            "60-hour week); leave them blank for the agreement's own."
        )
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


@dataclass(frozen=True)
class NewHire:
    """One person for `hire_crew`: their contact card and their engagement."""

    contact: ContactDetails
    engagement: EngagementDetails


class HireRefused(FieldErrors):
    """`hire_crew` wrote nothing: the hire at `index` (in the order given) breaks these rules."""

    def __init__(self, index: int, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.index = index


def check_hires(
    *, access: ProductionAccess, hires: Sequence[NewHire]
) -> list[tuple[NewHire, dict[str, str]]]:
    """Each hire tidied as it would be stored, with its errors by field: hire_person's rules,
    read in two queries for the whole list rather than two for each person."""
    production = access.production
    departments = set(production.departments.values_list("pk", flat=True))
    holders = _cast_holders(production, {hire.engagement.cast_number for hire in hires})
    checked = []
    for hire in hires:
        contact, errors = clean_contact(hire.contact)
        engagement = _without_rates_unless_allowed(access, hire.engagement, None)
        errors |= _engagement_errors(engagement, departments, holders)
        checked.append((NewHire(contact, engagement), errors))
    return checked


def hire_crew(*, access: ProductionAccess, hires: Sequence[NewHire]) -> list[Engagement]:
    """Add everyone on a crew list at once, or nobody: hire_person's rules and history, written
    in one short transaction (on SQLite a long one holds back every other writer)."""
    access.require(Capability.EDIT_PEOPLE)
    checked = check_hires(access=access, hires=hires)
    _refuse_first_bad(checked)
    departments = {d.pk: d for d in access.production.departments.all()}
    people = [Contact(production=access.production, **asdict(hire.contact)) for hire, _ in checked]
    hired = [
        Engagement(production=access.production, contact=person, **asdict(hire.engagement))
        for person, (hire, _) in zip(people, checked, strict=True)
    ]
    for engagement in hired:
        engagement.department = departments[engagement.department_id]  # read once, not per row
        index_for_search(engagement.contact, engagement)
    rows: list[Contact | Engagement] = [
        row for pair in zip(people, hired, strict=True) for row in pair
    ]
    records = history.created_records(access, rows)
    try:
        with transaction.atomic(), unique_or_refuse("cast_number", _CAST_NUMBER_RACE):
            Contact.objects.bulk_create(people)
            Engagement.objects.bulk_create(hired)
            history.save_created(records, rows)
    except RuleBroken:
        # Someone gave out a cast number between the check and the write: name the row.
        _refuse_first_bad(check_hires(access=access, hires=hires))
        raise
    return hired


def _refuse_first_bad(checked: list[tuple[NewHire, dict[str, str]]]) -> None:
    for index, (_, errors) in enumerate(checked):
        if errors:
            raise HireRefused(index, errors)


def _without_rates_unless_allowed(
    access: ProductionAccess, details: EngagementDetails, current: Engagement | None
) -> EngagementDetails:
    """Roles that may not see rates cannot set them either: keep what is stored."""
    if access.can(Capability.VIEW_RATES):
        return details
    values = asdict(details)
    values["rate"] = current.rate if current else None
    values["rate_unit"] = current.rate_unit if current else RateUnit.DAY
    values["guaranteed_hours"] = current.guaranteed_hours if current else None
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
    # Revocable by setting nothing but a flag.
    link = PersonalLink.new(contact_id=contact.pk, created_by=access.user)
    link.save()
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
        .filter(digest=token_digest(token), revoked_at__isnull=True)
        .first()
    )
    if link is None:
        return None
    PersonalLink.objects.filter(pk=link.pk).update(last_used_at=timezone.now())
    return link.contact
