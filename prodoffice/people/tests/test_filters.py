from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.filters import SORTS, CrewFilter
from prodoffice.people.selectors import crew_list

PARAMS = st.dictionaries(
    st.sampled_from(["q", "department", "status", "union", "kind", "paperwork", "sort", "x"]),
    st.text(max_size=30),
)


@given(PARAMS)
def test_any_query_string_gives_a_filter_and_never_an_error(params: dict[str, str]) -> None:
    crew_filter = CrewFilter.from_params(params)
    assert crew_filter.sort in SORTS
    assert crew_filter.department is None or 0 <= crew_filter.department < 10**12


@pytest.mark.django_db
# The world is only read here, so sharing one across generated inputs is safe.
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=PARAMS)
def test_any_query_string_runs_against_the_database(world: World, params: dict[str, str]) -> None:
    rows = crew_list(world.access(Role.COORDINATOR), CrewFilter.from_params(params))
    assert len(list(rows)) <= 2
