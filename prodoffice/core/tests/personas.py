"""The people tests speak as: one production, one member per role, and an outsider.

Each test builds what it needs with `make_world()`; there is no global fixture world.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser

from prodoffice.domain.access import Role
from prodoffice.people.models import Contact, Engagement
from prodoffice.people.services import index_for_search as fold_for_search
from prodoffice.productions.access import ProductionAccess, access_production
from prodoffice.productions.models import Department, Membership, Production
from prodoffice.productions.services import ProductionDetails, create_production

PASSWORD = "correct horse battery"


def index_for_search(engagement: Engagement) -> None:
    """Rows made here skip the services, so give them the search text the services would."""
    fold_for_search(engagement.contact, engagement)
    engagement.save(update_fields=["search_text", "contact_search_text"])


def make_user(
    username: str, first: str = "", last: str = "", *, staff: bool = False
) -> AbstractUser:
    return get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.com",
        password=PASSWORD,
        first_name=first,
        last_name=last,
        is_staff=staff,
    )


@dataclass
class World:
    production: Production
    users: dict[str, AbstractUser]  # by role value, plus "outsider"
    crew_member: Engagement  # a grip, the CREW persona's own engagement
    cast_member: Engagement  # cast #1, the CAST persona's own engagement

    def user(self, role: Role | str) -> AbstractUser:
        return self.users[str(role)]

    def access(self, role: Role | str) -> ProductionAccess:
        return access_production(self.user(role), self.production.code)

    def department(self, name: str) -> Department:
        return self.production.departments.get(name=name)


def make_world(code: str = "NIGHTOWL") -> World:
    producer = make_user(f"{code.lower()}-producer", "Paula", "Producer")
    production = create_production(
        by_operator=True,
        creator=producer,
        code=code,
        details=ProductionDetails(
            title="Night Owl",
            kind="feature",
            shoot_start=date(2027, 3, 1),
            shoot_end=date(2027, 4, 9),
        ),
    )
    users: dict[str, AbstractUser] = {Role.PRODUCER.value: producer}
    for role in Role:
        if role is Role.PRODUCER:
            continue
        user = make_user(f"{code.lower()}-{role.value}", role.label.split()[0], "Tester")
        Membership.objects.create(production=production, user=user, role=role)
        users[role.value] = user
    users["outsider"] = make_user(f"{code.lower()}-outsider", "Otto", "Outsider")

    grip = Contact.objects.create(
        production=production,
        first_name="Gus",
        last_name="Grip",
        email="gus@example.com",
        phone="(323) 555-0101",
        user=users[Role.CREW.value],
    )
    crew_member = Engagement.objects.create(
        production=production,
        contact=grip,
        department=production.departments.get(name="Grip"),
        position="Key Grip",
        rate=Decimal("650.00"),
        rate_unit="day",
        union_member=True,
        union_name="IATSE Local 80",
        status="confirmed",
    )
    index_for_search(crew_member)
    lead = Contact.objects.create(
        production=production,
        first_name="Ava",
        last_name="Lead",
        email="ava@example.com",
        phone="(310) 555-0199",
        user=users[Role.CAST.value],
    )
    cast_member = Engagement.objects.create(
        production=production,
        contact=lead,
        department=production.departments.get(name="Cast"),
        position="Lead",
        cast_number=1,
        character="MAYA",
        rate=Decimal("1250.00"),
        status="confirmed",
    )
    index_for_search(cast_member)
    return World(production, users, crew_member, cast_member)
