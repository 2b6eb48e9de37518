"""Who may do what, as the foundation issue and DESIGN.md state it, for the matrix tests.

Written by hand from those texts, not derived from `prodoffice.domain.access`, so that the
tests check the access table rather than repeat it.
"""

from __future__ import annotations

from prodoffice.domain.access import Role

ALL = set(Role)
OFFICE = {Role.PRODUCER, Role.COORDINATOR, Role.ASSISTANT_COORDINATOR}
PRODUCER_COORDINATOR = {Role.PRODUCER, Role.COORDINATOR}
VENDOR_READERS = OFFICE | {Role.ACCOUNTANT, Role.PA, Role.DEPARTMENT_HEAD}
VENDOR_EDITORS = OFFICE | {Role.ACCOUNTANT}
HISTORY_READERS = OFFICE | {Role.ACCOUNTANT}
# Locations: every member reads them (address, parking, hospital); the office and PAs keep them.
LOCATION_EDITORS = OFFICE | {Role.PA}
