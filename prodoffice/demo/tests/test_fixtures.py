"""The shared `demo` fixture: each test starts from the untouched demo; only a demo test sees it.

The first two tests run in this order (pytest keeps a module's order among the demo tests): the
first takes the demo apart, the second finds it whole.
"""

from __future__ import annotations

import pytest
from django.db import connection

from prodoffice.demo.services import DEMO_CODE
from prodoffice.demo.tests.fixtures import demo
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Schedule

pytestmark = pytest.mark.django_db
__all__ = ["demo"]


def test_a_test_may_take_the_demo_apart(demo: Production) -> None:
    Production.objects.filter(pk=demo.pk).update(title="Changed")
    Schedule.objects.filter(production=demo, is_current=False).delete()
    Production.objects.filter(pk=demo.pk).delete()
    assert not Production.objects.filter(code=DEMO_CODE).exists()


def test_the_next_test_finds_it_whole(demo: Production) -> None:
    assert demo.title == "Salt Flats"
    assert Production.objects.filter(code=DEMO_CODE).count() == 1
    assert demo.schedules.count() == 2
    assert demo.schedules.filter(is_current=True).count() == 1


def test_a_test_without_the_demo_does_not_see_it() -> None:
    assert not Production.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_runs_outside_the_demo_s_transaction() -> None:
    assert not connection.in_atomic_block
    assert not Production.objects.exists()
