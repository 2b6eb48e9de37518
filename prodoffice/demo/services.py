"""The demo production, DEMO: made through the same services a coordinator's clicks go through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from prodoffice.demo.data import CAST, CREW, DIETS, VENDORS
from prodoffice.demo.locations import create_demo_locations
from prodoffice.demo.schedule import OPTIMIZER_SECONDS, create_demo_schedules
from prodoffice.domain.access import Role
from prodoffice.people.services import ContactDetails, EngagementDetails, hire_person
from prodoffice.productions.access import ProductionAccess, access_production
from prodoffice.productions.models import Membership, Production
from prodoffice.productions.services import ProductionDetails, create_production, set_membership
from prodoffice.scripts.models import ScriptRevision
from prodoffice.scripts.services import import_script, lock_scene_numbers
from prodoffice.vendors.services import (
    VendorContactDetails,
    VendorDetails,
    add_vendor,
    add_vendor_contact,
)

DEMO_CODE = "DEMO"
DEMO_PASSWORD = "demo"
# One login per role, so every view of the office can be tried.
DEMO_LOGINS = {
    Role.PRODUCER: ("producer", "Renata", "Okafor"),
    Role.COORDINATOR: ("coordinator", "Celia", "Marsh"),
    Role.ASSISTANT_COORDINATOR: ("apoc", "Theo", "Lindqvist"),
    Role.PA: ("pa", "Hannah", "Cho"),
    Role.ACCOUNTANT: ("accountant", "Gil", "Fairbanks"),
    Role.DEPARTMENT_HEAD: ("gaffer", "Ruth", "Calloway"),
    Role.CREW: ("grip", "Eli", "Sorensen"),
    Role.CAST: ("actor", "Margot", "Ashby"),
}


@dataclass(frozen=True)
class DemoCalendar:
    prep_start: date
    shoot_start: date
    shoot_end: date
    wrap_end: date


def demo_calendar(today: date) -> DemoCalendar:
    """Six five-day weeks of shooting (30 days) starting on the Monday two weeks out."""
    shoot_start = today + timedelta(days=14 + (7 - today.weekday()) % 7)
    shoot_end = shoot_start + timedelta(weeks=6) - timedelta(days=3)
    return DemoCalendar(
        prep_start=shoot_start - timedelta(weeks=6),
        shoot_start=shoot_start,
        shoot_end=shoot_end,
        wrap_end=shoot_end + timedelta(weeks=3),
    )


def _demo_user(username: str, first: str, last: str):  # type: ignore[no-untyped-def]
    user, _ = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.invalid"},
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


@transaction.atomic
def create_demo(*, today: date, optimizer_seconds: float = OPTIMIZER_SECONDS) -> Production:
    """(Re)create DEMO: a 30-day indie feature with its crew, cast, vendors and logins."""
    Production.objects.filter(code=DEMO_CODE).delete()
    users = {role: _demo_user(*login) for role, login in DEMO_LOGINS.items()}
    calendar = demo_calendar(today)
    production = create_production(
        by_operator=True,
        creator=users[Role.PRODUCER],
        code=DEMO_CODE,
        details=ProductionDetails(
            title="Salt Flats",
            kind="feature",
            time_zone="America/Los_Angeles",
            currency="USD",
            **calendar.__dict__,
        ),
    )
    access = access_production(users[Role.PRODUCER], DEMO_CODE)
    for role, user in users.items():
        if role is not Role.PRODUCER:
            set_membership(access=access, user=user, role=role)
    departments = {d.name: d.pk for d in production.departments.all()}
    by_name = {
        (login[1], login[2]): user
        for user, login in zip(users.values(), DEMO_LOGINS.values(), strict=True)
    }
    paperwork_day = calendar.prep_start + timedelta(days=3)

    for index, (dept, position, first, last, union, rate, unit) in enumerate(CREW):
        complete = index % 7 != 3  # a few people still owe paperwork, as on any show
        engagement = hire_person(
            access=access,
            contact=_contact(first, last, index),
            engagement=EngagementDetails(
                department_id=departments[dept],
                position=position,
                rate=Decimal(rate),
                rate_unit=unit,
                start_date=calendar.prep_start if unit == "week" else calendar.shoot_start,
                end_date=calendar.wrap_end if unit == "week" else calendar.shoot_end,
                union_member=bool(union),
                union_name=union,
                status="started" if unit == "week" else "confirmed",
                deal_memo_received=paperwork_day,
                i9_received=paperwork_day if complete else None,
                tax_form="w4",
                tax_form_received=paperwork_day if complete else None,
                nda_received=paperwork_day,
            ),
        )
        _link_account(engagement, by_name.get((first, last)))

    for number, character, first, last, rate, union in CAST:
        engagement = hire_person(
            access=access,
            contact=_contact(first, last, 100 + number),
            engagement=EngagementDetails(
                department_id=departments["Cast"],
                position="Principal" if number <= 5 else "Day Player",
                cast_number=number,
                character=character,
                rate=Decimal(rate),
                rate_unit="day",
                union_member=True,
                union_name=union,
                status="confirmed" if number <= 7 else "offered",
                deal_memo_received=paperwork_day if number <= 7 else None,
                tax_form="w4",
                tax_form_received=paperwork_day if number <= 5 else None,
                nda_received=paperwork_day if number <= 7 else None,
            ),
        )
        _link_account(engagement, by_name.get((first, last)))

    for company, categories, person, role, phone, w9, tax_id in VENDORS:
        vendor = add_vendor(
            access=access,
            details=VendorDetails(
                company=company,
                categories=categories,
                phone=phone,
                email=f"office@{company.split()[0].lower()}.invalid",
                w9_received=paperwork_day if w9 else None,
                tax_id=tax_id,
            ),
        )
        add_vendor_contact(
            access=access,
            vendor=vendor,
            details=VendorContactDetails(name=person, role=role, phone=phone),
        )
    revision = _import_script(access)
    create_demo_locations(access)
    create_demo_schedules(
        access, revision, calendar.shoot_start, optimizer_seconds=optimizer_seconds
    )
    return production


SCRIPTS = Path(__file__).resolve().parent / "scripts"


def _import_script(access: ProductionAccess) -> ScriptRevision:
    """The White draft, numbers locked; the Blue draft is left for the coordinator to import."""
    revision = import_script(
        access=access,
        filename="salt_flats.fountain",
        data=(SCRIPTS / "salt_flats.fountain").read_bytes(),
    )
    lock_scene_numbers(access=access, script=revision.script)
    return revision


def _contact(first: str, last: str, seed: int) -> ContactDetails:
    return ContactDetails(
        first_name=first,
        last_name=last,
        email=f"{first}.{last}".lower().replace(" ", "") + "@example.com",
        phone=f"(818) 555-{1000 + seed * 37 % 9000:04d}",
        emergency_contact_name=f"{['Alex', 'Sam', 'Jo', 'Chris'][seed % 4]} {last}",
        emergency_contact_phone=f"(818) 555-{2000 + seed * 53 % 7000:04d}",
        dietary_needs=DIETS[seed % len(DIETS)],
        address=f"{100 + seed * 13} {['Elm', 'Vine', 'Alameda', 'Lankershim'][seed % 4]} St, "
        "Los Angeles, CA",
    )


def _link_account(engagement, user) -> None:  # type: ignore[no-untyped-def]
    """The demo logins for crew and cast are the people on the crew list."""
    if user is not None:
        contact = engagement.contact
        contact.user = user
        contact.save(update_fields=["user"])


def demo_exists() -> bool:
    return Production.objects.filter(code=DEMO_CODE).exists()


def has_any_production() -> bool:
    return Production.objects.exists() or Membership.objects.exists()
