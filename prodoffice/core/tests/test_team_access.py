"""No one raises their own access: who may give which role on the team page, and to whom.

Beside the permission matrix: the matrix says who reaches the team page; these say what each
one may do there. Written from the rule in issue 11, not from `prodoffice.domain.access`.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from prodoffice.core.errors import RuleBroken
from prodoffice.core.tests.personas import World, make_user
from prodoffice.domain.access import Role
from prodoffice.productions.models import Membership
from prodoffice.productions.services import add_member_by_email, set_membership

pytestmark = pytest.mark.django_db


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.user(role))
    return client


def _membership(world: World, role: Role) -> Membership:
    return Membership.objects.get(production=world.production, user=world.user(role))


def _role_of(world: World, who: Role) -> str:
    return _membership(world, who).role


def _second_producer(world: World) -> Membership:
    """So that "the last producer stays" cannot be what refuses a change."""
    return set_membership(
        access=world.access(Role.PRODUCER), user=make_user("second-producer"), role=Role.PRODUCER
    )


def test_a_coordinator_cannot_make_themselves_producer(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    own = _membership(world, Role.COORDINATOR)
    url = reverse("member_role", args=[world.production.code, own.pk])
    page = client.post(url, {"role": "producer"}, follow=True)
    assert "You cannot change or remove your own access" in page.content.decode()
    assert _role_of(world, Role.COORDINATOR) == Role.COORDINATOR


def test_a_coordinator_cannot_add_themselves_by_email_as_producer(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    me = world.user(Role.COORDINATOR)
    url = reverse("member_list", args=[world.production.code])
    page = client.post(url, {"name": "Me", "email": me.email, "role": "producer"})
    assert page.status_code == 400
    assert "Choose one of the listed roles" in page.content.decode()
    with pytest.raises(RuleBroken, match="own access"):  # the service refuses it on its own too
        add_member_by_email(
            access=world.access(Role.COORDINATOR), email=me.email, name="Me", role=Role.PRODUCER
        )
    assert _role_of(world, Role.COORDINATOR) == Role.COORDINATOR


def test_a_coordinator_cannot_make_anyone_producer_or_accountant(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    pa = _membership(world, Role.PA)
    url = reverse("member_role", args=[world.production.code, pa.pk])
    for role, reason in [("producer", "only a producer/UPM appoints"), ("accountant", "sees more")]:
        page = client.post(url, {"role": role}, follow=True)
        assert reason in page.content.decode()
    assert _role_of(world, Role.PA) == Role.PA
    access = world.access(Role.COORDINATOR)
    with pytest.raises(RuleBroken, match="cannot make someone Accountant"):
        add_member_by_email(access=access, email="friend@example.com", name="F", role="accountant")
    assert not get_user_model().objects.filter(email="friend@example.com").exists()


def test_a_coordinator_cannot_demote_or_remove_a_producer_or_the_accountant(world: World) -> None:
    second = _second_producer(world)
    client = _client(world, Role.COORDINATOR)
    code = world.production.code
    for target in (second, _membership(world, Role.ACCOUNTANT)):
        url = reverse("member_role", args=[code, target.pk])
        page = client.post(url, {"role": "crew"}, follow=True)
        assert "only a producer/UPM can change that" in page.content.decode()
        page = client.post(reverse("member_remove", args=[code, target.pk]), follow=True)
        assert "only a producer/UPM can change that" in page.content.decode()
    assert _role_of(world, Role.PRODUCER) == Role.PRODUCER
    assert Membership.objects.get(pk=second.pk).role == Role.PRODUCER
    assert _role_of(world, Role.ACCOUNTANT) == Role.ACCOUNTANT


def test_a_coordinator_still_gives_and_changes_the_roles_below_their_own(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    pa = _membership(world, Role.PA)
    client.post(reverse("member_role", args=[world.production.code, pa.pk]), {"role": "crew"})
    assert _role_of(world, Role.PA) == Role.CREW
    url = reverse("member_list", args=[world.production.code])
    client.post(url, {"name": "New PA", "email": "newpa@example.com", "role": "pa"})
    assert Membership.objects.get(user__email="newpa@example.com").role == Role.PA


def test_the_team_page_offers_a_coordinator_only_the_roles_they_may_give(world: World) -> None:
    page = _client(world, Role.COORDINATOR).get(
        reverse("member_list", args=[world.production.code])
    )
    offered = [value for value, _ in page.context["form"].fields["role"].choices]
    assert "producer" not in offered
    assert "accountant" not in offered
    assert "crew" in offered
    html = page.content.decode()
    assert 'value="producer"' not in html
    assert 'value="accountant"' not in html
    for who in (Role.PRODUCER, Role.ACCOUNTANT, Role.COORDINATOR):  # no select, no remove
        membership = _membership(world, who)
        assert reverse("member_role", args=[world.production.code, membership.pk]) not in html
        assert reverse("member_remove", args=[world.production.code, membership.pk]) not in html


def test_only_a_producer_makes_a_producer_and_no_one_changes_their_own_role(
    world: World,
) -> None:
    client = _client(world, Role.PRODUCER)
    coordinator = _membership(world, Role.COORDINATOR)
    code = world.production.code
    client.post(reverse("member_role", args=[code, coordinator.pk]), {"role": "producer"})
    assert _role_of(world, Role.COORDINATOR) == Role.PRODUCER
    own = _membership(world, Role.PRODUCER)
    page = client.post(reverse("member_role", args=[code, own.pk]), {"role": "crew"}, follow=True)
    assert "You cannot change or remove your own access" in page.content.decode()
    assert _role_of(world, Role.PRODUCER) == Role.PRODUCER
    # The new producer may change the first one: producers answer to each other.
    other = _client(world, Role.COORDINATOR)
    other.post(reverse("member_role", args=[code, own.pk]), {"role": "accountant"})
    assert _role_of(world, Role.PRODUCER) == Role.ACCOUNTANT


def test_the_last_producer_stays_on_the_team_page(world: World) -> None:
    client = _client(world, Role.PRODUCER)
    own = _membership(world, Role.PRODUCER)
    page = client.post(reverse("member_remove", args=[world.production.code, own.pk]), follow=True)
    assert "at least one producer" in page.content.decode()
    assert _role_of(world, Role.PRODUCER) == Role.PRODUCER
