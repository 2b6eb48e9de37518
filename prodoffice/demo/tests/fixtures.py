"""The demo production as a test fixture, built once and shared by every test that asks for it.

Building DEMO takes about two seconds (a one-second optimizer run among them) and some sixty
tests start from it. So the first test that asks for `demo` opens a transaction on each database,
builds the demo inside it and leaves the transaction open. Each test then runs as usual in
pytest-django's atomic block, which is a savepoint inside that transaction and is rolled back
after the test: every test starts from the untouched demo, whatever the one before it changed.

The transaction is rolled back, and the demo with it, before any test that does not ask for
`demo` (so that test sees the database it always saw, and a transactional or live-server test
never runs inside it) and at the end of the session; the next test that asks for `demo` builds it
again. The tests that ask for it run one after another (`group_demo_tests`), so a session builds
it once. A test module takes the fixture by importing `demo`; prodoffice/conftest.py wires the
rest: the `shared_demo` fixture and the two hooks below.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.db import connections, transaction
from django.db.transaction import Atomic
from pytest_django import DjangoDbBlocker

from prodoffice.demo.services import create_demo
from prodoffice.productions.models import Production

DEMO_TODAY = date(2026, 11, 2)
SHARED = "shared_demo"
# What makes pytest-django run a test as a TransactionTestCase (flushing the tables after it).
TRANSACTIONAL_FIXTURES = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


class SharedDemo:
    """The demo inside an open transaction on every database, until `close` rolls it back."""

    def __init__(self, blocker: DjangoDbBlocker) -> None:
        self._blocker = blocker
        self._atomics: list[tuple[str, Atomic]] = []
        self.pk: int | None = None
        self.builds = 0

    def open(self) -> None:
        if self._atomics:
            return
        with self._blocker.unblock():
            for alias in connections:
                atomic = transaction.atomic(using=alias)
                # As Django's TestCase marks its own blocks: a durable block inside is allowed.
                atomic._from_testcase = True
                atomic.__enter__()
                self._atomics.append((alias, atomic))
            try:
                self.pk = create_demo(today=DEMO_TODAY, optimizer_seconds=1).pk
            except BaseException:
                self.close()
                raise
        self.builds += 1

    def close(self) -> None:
        if not self._atomics:
            return
        with self._blocker.unblock():
            while self._atomics:
                alias, atomic = self._atomics.pop()
                transaction.set_rollback(True, using=alias)
                atomic.__exit__(None, None, None)
        self.pk = None


_KEY = pytest.StashKey[SharedDemo]()


@pytest.fixture(scope="session")
def shared_demo(
    request: pytest.FixtureRequest, django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[SharedDemo]:
    """Session-scoped, so it is set up before the test's own `db` block opens inside it."""
    shared = SharedDemo(django_db_blocker)
    request.config.stash[_KEY] = shared
    shared.open()
    try:
        yield shared
    finally:
        shared.close()
        del request.config.stash[_KEY]


@pytest.fixture
def demo(shared_demo: SharedDemo, db: None) -> Production:
    """DEMO as `create_demo` leaves it; what a test changes is rolled back after it."""
    assert shared_demo.pk is not None, "the shared demo is not built"
    return Production.objects.get(pk=shared_demo.pk)


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


def uses_shared_demo(item: pytest.Item) -> bool:
    return SHARED in getattr(item, "fixturenames", ())


def prepare_database(item: pytest.Item) -> None:
    """Before a test's fixtures: the demo's transaction open for a demo test, closed otherwise."""
    uses = uses_shared_demo(item)
    if uses and _is_transactional(item):
        pytest.fail(
            "the shared `demo` fixture rolls back in a transaction; a transactional or "
            "live-server test must build its own demo (see prodoffice/core/tests/test_browser.py)",
            pytrace=False,
        )
    shared = item.config.stash.get(_KEY, None)
    if shared is None:  # not set up yet: the `shared_demo` fixture opens it itself
        return
    if uses:
        shared.open()
    else:
        shared.close()


def group_demo_tests(items: list[pytest.Item]) -> None:
    """The demo tests first (a stable sort), so the demo is built once a session.

    Run after pytest-django's ordering (database tests, then transactional ones, then the rest):
    a demo test is a database test, so moving it to the front keeps that order.
    """
    items.sort(key=lambda item: not uses_shared_demo(item))
