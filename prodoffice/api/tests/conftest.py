from __future__ import annotations

from collections.abc import Callable

import pytest

from prodoffice.api.tests.caller import ApiCaller
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role


@pytest.fixture
def api_as(world: World) -> Callable[[Role | str], ApiCaller]:
    """`api_as(Role.COORDINATOR)` calls the API as that persona of the world; "outsider" too."""

    def caller(role: Role | str) -> ApiCaller:
        return ApiCaller(world.user(role))

    return caller
