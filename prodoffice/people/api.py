"""API for the crew list: /api/v1/productions/{code}/crew/..."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from prodoffice.api.schemas import READ_ERRORS, WRITE_ERRORS, Text
from prodoffice.domain.access import Capability
from prodoffice.people import selectors, services
from prodoffice.people.choices import EngagementStatus, RateUnit, TaxForm
from prodoffice.people.filters import SORTS, CrewFilter
from prodoffice.people.models import Engagement
from prodoffice.productions.access import ProductionAccess, access_production

router = Router(tags=["crew"])

CONTACT_FIELDS = [f.name for f in fields(services.ContactDetails)]
# The office's and the person's own only (selectors.shows_personal_details).
PERSONAL_FIELDS = [
    "address",
    "emergency_contact_name",
    "emergency_contact_phone",
    "dietary_needs",
    "notes",
]
# The API calls the department `department` (its id), as the filter and the error messages do.
ENGAGEMENT_FIELDS = [
    f.name for f in fields(services.EngagementDetails) if f.name != "department_id"
]
RATE_FIELDS = ["rate", "rate_unit", "guaranteed_hours"]
PAPERWORK_FIELDS = ["deal_memo_received", "i9_received", "tax_form_received", "nda_received"]
MAX_POSITIVE_INTEGER = 2_147_483_647  # PositiveIntegerField's ceiling on every database
MAX_ID = 2**63 - 1  # BigAutoField; a larger id in a foreign-key filter overflows SQLite


def _one_of(values: list[str]) -> str:
    return "One of: " + ", ".join(repr(v) for v in values) + "."


class CrewQuery(Schema):
    """The crew-list filter; the same parameters as the crew list page (people/filters.py)."""

    q: Text = Field(
        "",
        description="Words to find in name, position, character, union, department, and in"
        " e-mail and phone where the caller may see them.",
    )
    department: int | None = Field(None, ge=1, le=MAX_ID, description="A department id.")
    status: str = Field("", description=_one_of(EngagementStatus.values))
    union: str = Field("", description=_one_of(["yes", "no"]))
    kind: str = Field("", description=_one_of(["cast", "crew"]))
    paperwork: str = Field(
        "",
        description=_one_of(["missing"])
        + " Ignored for roles that may not see start paperwork (view_paperwork).",
    )
    sort: str = Field("department", description=_one_of(list(SORTS)))

    def to_filter(self) -> CrewFilter:
        # Through from_params, so an unknown value is ignored exactly as the page ignores it.
        params = {k: str(v) for k, v in self.model_dump(exclude_none=True).items()}
        return CrewFilter.from_params(params)


class CrewOut(Schema):
    """A person on the crew list: their contact card and their engagement.

    Fields the caller's role may not see are null, never left out: `rate` and `rate_unit`
    without the view_rates capability (producer/UPM, accountant); the start-paperwork fields
    without view_paperwork; a cast member's e-mail and phone unless the caller is in the office,
    the money roles, or is that cast member; anyone's home address, emergency contact, dietary
    needs and notes unless the caller is in the office (view_personal_details) or is that person.
    """

    id: int
    contact_id: int
    name: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    address: str | None
    emergency_contact_name: str | None
    emergency_contact_phone: str | None
    dietary_needs: str | None
    notes: str | None
    department: int
    department_name: str
    position: str
    cast_number: int | None
    character: str
    status: str = Field(description=_one_of(EngagementStatus.values))
    start_date: date | None
    end_date: date | None
    union_member: bool
    union_name: str
    rate: Decimal | None = Field(description="Null unless your role may see rates.")
    rate_unit: str | None = Field(description="Null unless your role may see rates.")
    guaranteed_hours: Decimal | None = Field(
        description="The hours the rate guarantees (a 10-hour day, a 60-hour week); null: the "
        "agreement's own, or your role may not see rates."
    )
    tax_form: str | None
    deal_memo_received: date | None
    i9_received: date | None
    tax_form_received: date | None
    nda_received: date | None
    paperwork_missing: list[str] | None

    @classmethod
    def of(cls, access: ProductionAccess, engagement: Engagement) -> CrewOut:
        contact = engagement.contact
        show_contact = selectors.shows_contact_details(access, engagement)
        show_rates = access.can(Capability.VIEW_RATES)
        show_paperwork = access.can(Capability.VIEW_PAPERWORK)
        values: dict[str, Any] = {
            name: getattr(contact, name)
            if show_contact or name in ("first_name", "last_name")
            else None
            for name in CONTACT_FIELDS
        }
        if not selectors.shows_personal_details(access, engagement):
            values |= dict.fromkeys(PERSONAL_FIELDS)
        values |= {name: getattr(engagement, name) for name in ENGAGEMENT_FIELDS}
        if not show_rates:
            values |= dict.fromkeys(RATE_FIELDS)
        if not show_paperwork:
            values |= dict.fromkeys([*PAPERWORK_FIELDS, "tax_form"])
        return cls(
            id=engagement.pk,
            contact_id=contact.pk,
            name=contact.name,
            department=engagement.department_id,
            department_name=engagement.department.name,
            paperwork_missing=engagement.paperwork_missing if show_paperwork else None,
            **values,
        )


class CrewPatch(Schema):
    """Fields to change on a crew-list row; a field left out keeps its current value.

    `rate`, `rate_unit` and `guaranteed_hours` are ignored for roles that may not see rates.
    """

    first_name: Text = ""
    last_name: Text = ""
    email: Text = Field("", description="Checked by the server; an empty string clears it.")
    phone: Text = Field("", examples=["(323) 555-0101"])
    address: Text = ""
    emergency_contact_name: Text = ""
    emergency_contact_phone: Text = ""
    dietary_needs: Text = ""
    notes: Text = ""
    department: int | None = Field(None, description="A department id from /departments.")
    position: Text = Field("", max_length=120)
    cast_number: int | None = Field(None, le=MAX_POSITIVE_INTEGER, description="Cast only.")
    character: Text = Field("", max_length=120)
    rate: Decimal | None = Field(None, max_digits=10, decimal_places=2)
    rate_unit: Text = Field(RateUnit.DAY.value, description=_one_of(RateUnit.values))
    guaranteed_hours: Decimal | None = Field(
        None,
        max_digits=4,
        decimal_places=1,
        description="The hours the rate guarantees: 10 for a 10-hour day, 60 for a 60-hour week;"
        " null: the agreement's own.",
    )
    start_date: date | None = None
    end_date: date | None = None
    union_member: bool = False
    union_name: Text = Field("", max_length=80)
    status: Text = Field(
        EngagementStatus.OFFERED.value, description=_one_of(EngagementStatus.values)
    )
    deal_memo_received: date | None = None
    i9_received: date | None = None
    tax_form: Text = Field("", description=_one_of(TaxForm.values))
    tax_form_received: date | None = None
    nda_received: date | None = None


class CrewIn(CrewPatch):
    """A person to hire onto the crew list: contact card and engagement together."""

    first_name: Text = Field(examples=["Gus"])
    department: int = Field(description="A department id from /departments.")
    position: Text = Field(max_length=120, examples=["Key Grip"])


def _details(values: dict[str, Any]) -> tuple[services.ContactDetails, services.EngagementDetails]:
    contact = services.ContactDetails(**{name: values[name] for name in CONTACT_FIELDS})
    engagement = services.EngagementDetails(
        department_id=values["department"], **{name: values[name] for name in ENGAGEMENT_FIELDS}
    )
    return contact, engagement


def _current_values(engagement: Engagement) -> dict[str, Any]:
    values = {name: getattr(engagement.contact, name) for name in CONTACT_FIELDS}
    values |= {name: getattr(engagement, name) for name in ENGAGEMENT_FIELDS}
    return values | {"department": engagement.department_id}


@router.get("/{code}/crew", response={200: list[CrewOut], **READ_ERRORS})
def list_crew(request: HttpRequest, code: str, filters: Query[CrewQuery]) -> list[CrewOut]:
    """The crew list, filtered and sorted like the crew list page."""
    access = access_production(request.user, code, Capability.VIEW_CREW_LIST)
    rows = selectors.crew_list(access, filters.to_filter())
    return [CrewOut.of(access, engagement) for engagement in rows]


@router.get("/{code}/crew/{id}", response={200: CrewOut, **READ_ERRORS})
def get_person(request: HttpRequest, code: str, id: int) -> CrewOut:
    access = access_production(request.user, code, Capability.VIEW_CREW_LIST)
    return CrewOut.of(access, selectors.access_engagement(access, id))


@router.post("/{code}/crew", response={201: CrewOut, **WRITE_ERRORS})
def hire_person(request: HttpRequest, code: str, payload: CrewIn) -> Status[CrewOut]:
    access = access_production(request.user, code, Capability.EDIT_PEOPLE)
    contact, details = _details(payload.model_dump())
    hired = services.hire_person(access=access, contact=contact, engagement=details)
    return Status(201, CrewOut.of(access, hired))


@router.patch("/{code}/crew/{id}", response={200: CrewOut, **WRITE_ERRORS})
def update_person(request: HttpRequest, code: str, id: int, payload: CrewPatch) -> CrewOut:
    access = access_production(request.user, code, Capability.EDIT_PEOPLE)
    engagement = selectors.access_engagement(access, id)
    merged = _current_values(engagement) | payload.model_dump(exclude_unset=True)
    contact, details = _details(merged)
    updated = services.update_person(
        access=access, engagement=engagement, contact=contact, details=details
    )
    return CrewOut.of(access, updated)


@router.delete("/{code}/crew/{id}", response={204: None, **WRITE_ERRORS})
def remove_person(request: HttpRequest, code: str, id: int) -> Status[None]:
    access = access_production(request.user, code, Capability.EDIT_PEOPLE)
    services.remove_person(access=access, engagement=selectors.access_engagement(access, id))
    return Status(204, None)
