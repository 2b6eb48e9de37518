from __future__ import annotations

import pytest

from prodoffice.domain.access import (
    Capability,
    Role,
    capabilities_of,
    grantable_roles,
    may_grant,
    may_start_productions,
    role_can,
)


def test_only_producer_and_accountant_see_rates_and_tax_ids() -> None:
    for capability in (Capability.VIEW_RATES, Capability.VIEW_TAX_IDS):
        allowed = {role for role in Role if role_can(role, capability)}
        assert allowed == {Role.PRODUCER, Role.ACCOUNTANT}


def test_every_role_sees_the_production_it_belongs_to() -> None:
    assert all(role_can(role, Capability.VIEW_PRODUCTION) for role in Role)


def test_cast_do_not_see_the_crew_list_but_crew_do() -> None:
    assert not role_can(Role.CAST, Capability.VIEW_CREW_LIST)
    assert role_can(Role.CREW, Capability.VIEW_CREW_LIST)


def test_a_pa_reads_vendors_but_cannot_edit_people_or_vendors() -> None:
    pa = capabilities_of(Role.PA)
    assert Capability.VIEW_VENDORS in pa
    assert Capability.EDIT_VENDORS not in pa
    assert Capability.EDIT_PEOPLE not in pa


def test_role_names_from_storage_are_accepted_and_unknown_ones_refused() -> None:
    assert role_can("coordinator", Capability.EDIT_PEOPLE)
    with pytest.raises(ValueError, match="janitor"):
        role_can("janitor", Capability.VIEW_PRODUCTION)


def test_every_role_has_a_label() -> None:
    assert all(role.label for role in Role)


def test_a_producer_may_give_every_role() -> None:
    assert grantable_roles(Role.PRODUCER) == list(Role)


def test_a_coordinator_gives_no_role_that_sees_more_than_they_do() -> None:
    assert not may_grant(Role.COORDINATOR, Role.PRODUCER)
    assert not may_grant(Role.COORDINATOR, Role.ACCOUNTANT)  # rates and tax IDs
    assert set(grantable_roles(Role.COORDINATOR)) == set(Role) - {Role.PRODUCER, Role.ACCOUNTANT}


def test_roles_that_do_not_manage_the_team_give_nothing() -> None:
    for role in set(Role) - {Role.PRODUCER, Role.COORDINATOR}:
        assert grantable_roles(role) == []


def test_every_role_given_carries_no_capability_its_giver_lacks() -> None:
    for granter in Role:
        for role in grantable_roles(granter):
            assert capabilities_of(role) <= capabilities_of(granter)


def test_staff_and_producers_start_productions_and_no_one_else() -> None:
    assert may_start_productions(staff=True, producer_somewhere=False)
    assert may_start_productions(staff=False, producer_somewhere=True)
    assert not may_start_productions(staff=False, producer_somewhere=False)
