"""The crew list says which agreement covers a person, or why none does, and warns of a rate
below the agreement's scale minimum; what was entered is saved either way.

Sources: the union table's (IATSE Local 600 works under the IATSE Basic Agreement; the DGA
Basic Agreement is not loaded) and the SAG-AFTRA 2023 day performer minimum, $1,246 a day from
Jul 1, 2025 (see the rule set's sources).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.models import Engagement

pytestmark = pytest.mark.django_db


def _save(world: World, engagement: Engagement, role: Role = Role.PRODUCER, **changes: Any) -> str:
    """Edit the person through the form as the office does; the page shown after saving."""
    client = Client()
    client.force_login(world.user(role))
    url = reverse("person_edit", args=[world.production.code, engagement.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and v is not False}
    data |= {k: v for k, v in changes.items() if v is not None}
    answer = client.post(url, data, follow=True)
    assert answer.redirect_chain, answer.content.decode()[:2000]
    return answer.content.decode()


def test_a_camera_assistant_in_icg_local_600_is_shown_under_the_iatse_agreement(
    world: World,
) -> None:
    page = _save(world, world.crew_member, union_member="on", union_name="ICG Local 600")
    assert (
        "Costed under the IATSE Basic Agreement of 2024, crew (simplified) (IATSE Local 600 "
        "(International Cinematographers Guild))." in page
    )
    world.crew_member.refresh_from_db()
    assert world.crew_member.union_name == "ICG Local 600"


def test_a_dga_member_is_saved_and_told_why_no_agreement_covers_them(world: World) -> None:
    page = _save(world, world.crew_member, union_member="on", union_name="DGA")
    reason = "Not costed: DGA members work under the DGA Basic Agreement, which is not loaded here."
    assert page.count(reason) >= 2  # the message after saving, and the person's page
    world.crew_member.refresh_from_db()
    assert world.crew_member.union_name == "DGA"
    edit = Client()
    edit.force_login(world.user(Role.COORDINATOR))
    url = reverse("person_edit", args=[world.production.code, world.crew_member.pk])
    assert f"As saved: {reason}" in edit.get(url).content.decode()


def test_an_unknown_union_names_the_choices(world: World) -> None:
    page = _save(world, world.crew_member, union_member="on", union_name="WGA")
    assert "Not costed: no agreement known for &#x27;WGA&#x27;; choose one of IATSE" in page


def test_a_rate_below_the_sag_aftra_day_minimum_is_warned_of_not_refused(world: World) -> None:
    lead = world.cast_member
    page = _save(
        world,
        lead,
        union_member="on",
        union_name="SAG-AFTRA",
        rate="1000.00",
        rate_unit="day",
        start_date="2025-09-01",
    )
    warning = (
        "The rate $1,000 a day is below the SAG-AFTRA 2023 day performer minimum of $1,246 a "
        "day on Sep 1, 2025: check the deal memo."
    )
    assert warning in page
    lead.refresh_from_db()
    assert lead.rate == Decimal("1000.00")


def test_a_performer_after_the_sag_aftra_term_is_told_to_load_the_agreement_in_force(
    world: World,
) -> None:
    # The world shoots from Mar 1, 2027; the SAG-AFTRA agreement loaded ran to Jun 30, 2026.
    page = _save(world, world.cast_member, union_member="on", union_name="SAG-AFTRA")
    assert "runs Nov 9, 2023 to Jun 30, 2026; Mar 1, 2027 is outside it" in page


def test_those_who_do_not_see_rates_are_not_told_of_the_scale(world: World) -> None:
    lead = world.cast_member
    lead.union_member, lead.union_name, lead.rate = True, "SAG-AFTRA", Decimal("1000")
    lead.start_date = world.production.shoot_start.replace(year=2025, month=9)
    lead.save()
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    page = client.get(reverse("person_detail", args=[world.production.code, lead.pk]))
    assert "SAG-AFTRA TV/Theatrical Agreement of 2023" in page.content.decode()
    assert "minimum" not in page.content.decode()
