from __future__ import annotations

import pytest

from prodoffice.core.tests.personas import World, make_world
from prodoffice.demo.tests.fixtures import group_demo_tests, prepare_database, shared_demo

__all__ = ["shared_demo"]  # the demo built once a session (prodoffice/demo/tests/fixtures.py)


@pytest.fixture
def world(db: None) -> World:
    return make_world()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    group_demo_tests(items)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    prepare_database(item)
