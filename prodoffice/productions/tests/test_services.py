from __future__ import annotations

from datetime import date

import pytest

from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.core.tests.personas import World, make_user
from prodoffice.domain.access import Role
from prodoffice.productions.choices import DEFAULT_DEPARTMENTS
from prodoffice.productions.models import Membership, Production
from prodoffice.productions.services import (
    ProductionDetails,
    add_department,
    add_member_by_email,
    create_production,
    delete_department,
    remove_member,
    rename_department,
    set_membership,
    update_production,
)

pytestmark = pytest.mark.django_db


def test_a_new_production_has_the_default_departments_and_its_creator_as_producer() -> None:
    creator = make_user("maker", staff=True)
    production = create_production(
        creator=creator, code="salt", details=ProductionDetails(title="Salt", kind="commercial")
    )
    assert production.code == "SALT"
    assert [d.name for d in production.departments.all()] == DEFAULT_DEPARTMENTS
    assert Membership.objects.get(production=production).role == Role.PRODUCER
    assert ChangeRecord.objects.filter(production=production, action="created").count() == 1


def test_it_refuses_a_taken_code_and_bad_details_all_at_once_and_saves_nothing() -> None:
    creator = make_user("maker", staff=True)
    create_production(creator=creator, code="SALT", details=ProductionDetails("Salt", "feature"))
    with pytest.raises(FieldErrors) as caught:
        create_production(
            creator=creator,
            code="salt",
            details=ProductionDetails(
                title=" ",
                kind="opera",
                time_zone="Mars/Olympus",
                currency="dollars",
                shoot_start=date(2027, 3, 1),
                shoot_end=date(2027, 2, 1),
            ),
        )
    assert set(caught.value.errors) == {
        "code",
        "title",
        "kind",
        "time_zone",
        "currency",
        "shoot_end",
    }
    assert Production.objects.count() == 1


def test_editing_details_records_what_changed(world: World) -> None:
    producer = world.user(Role.PRODUCER)
    details = ProductionDetails(title="Night Owl II", kind="feature", currency="CAD")
    update_production(actor=producer, production=world.production, details=details)
    record = ChangeRecord.objects.filter(production=world.production, action="changed").first()
    assert record is not None
    assert record.changes["Title"] == ["Night Owl", "Night Owl II"]
    assert record.changes["Currency"] == ["USD", "CAD"]
    assert record.actor == producer


def test_the_last_producer_cannot_be_demoted_or_removed(world: World) -> None:
    producer = world.user(Role.PRODUCER)
    access = world.access(Role.PRODUCER)
    with pytest.raises(RuleBroken, match="at least one producer"):
        set_membership(access=access, user=producer, role=Role.CREW)
    membership = Membership.objects.get(production=world.production, user=producer)
    with pytest.raises(RuleBroken, match="at least one producer"):
        remove_member(access=access, membership=membership)
    assert Membership.objects.get(pk=membership.pk).role == Role.PRODUCER


def test_adding_a_member_by_email_makes_an_account_once(world: World) -> None:
    access = world.access(Role.PRODUCER)
    membership, password = add_member_by_email(
        access=access, email="New.Person@Example.com", name="New Person", role=Role.PA
    )
    assert password
    assert membership.user.email == "new.person@example.com"
    assert membership.user.check_password(password)
    again, second_password = add_member_by_email(
        access=access,
        email="new.person@example.com",
        name="New Person",
        role=Role.ASSISTANT_COORDINATOR,
    )
    assert second_password is None
    assert again.pk == membership.pk
    assert again.role == Role.ASSISTANT_COORDINATOR


def test_departments_are_editable_but_not_deleted_while_people_are_in_them(world: World) -> None:
    actor = world.user(Role.COORDINATOR)
    drones = add_department(actor=actor, production=world.production, name="  Drone  Unit ")
    assert drones.name == "Drone Unit"
    assert list(world.production.departments.all())[-1] == drones
    with pytest.raises(RuleBroken, match="already a Camera"):
        add_department(actor=actor, production=world.production, name="camera")
    rename_department(actor=actor, department=drones, name="Aerials")
    delete_department(actor=actor, department=drones)
    grip = world.department("Grip")
    with pytest.raises(RuleBroken, match="still has people"):
        delete_department(actor=actor, department=grip)
    assert world.production.departments.filter(name="Grip").exists()


def test_a_production_names_its_own_revision_colours(world: World) -> None:
    from prodoffice.scripts.services import import_draft, import_script

    producer = world.user(Role.PRODUCER)
    details = ProductionDetails(
        title="Night Owl", kind="feature", revision_colors=("White", " Lavender ", "Mint")
    )
    update_production(actor=producer, production=world.production, details=details)
    assert world.production.revision_colors == ["White", "Lavender", "Mint"]
    access = world.access(Role.COORDINATOR)
    page = b"INT. ROOM - DAY\n\nA lamp.\n"
    first = import_script(access=access, filename="s.fountain", data=page)
    colors = [first.color]
    for _ in range(3):
        colors.append(
            import_draft(access=access, script=first.script, filename="s.fountain", data=page).color
        )
    assert colors == ["White", "Lavender", "Mint", "Double White"]


def test_a_revision_colour_sequence_must_name_each_colour_once(world: World) -> None:
    producer = world.user(Role.PRODUCER)
    for colors in (("White", "white"), ("White", " "), tuple(f"C{n}" for n in range(21))):
        with pytest.raises(FieldErrors) as caught:
            update_production(
                actor=producer,
                production=world.production,
                details=ProductionDetails(
                    title="Night Owl", kind="feature", revision_colors=colors
                ),
            )
        assert set(caught.value.errors) == {"revision_colors"}
