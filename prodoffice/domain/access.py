"""Who on a production may do what: roles and the capabilities each one holds.

This table is the single source of access rules. Apps ask `role_can(role, capability)`;
they never compare role names themselves.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    PRODUCER = "producer"  # producer or unit production manager (UPM)
    COORDINATOR = "coordinator"
    ASSISTANT_COORDINATOR = "assistant_coordinator"
    PA = "pa"
    ACCOUNTANT = "accountant"
    DEPARTMENT_HEAD = "department_head"
    CREW = "crew"
    CAST = "cast"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.PRODUCER: "Producer / UPM",
    Role.COORDINATOR: "Production coordinator",
    Role.ASSISTANT_COORDINATOR: "Assistant coordinator",
    Role.PA: "Production assistant",
    Role.ACCOUNTANT: "Accountant",
    Role.DEPARTMENT_HEAD: "Department head",
    Role.CREW: "Crew",
    Role.CAST: "Cast",
}


class Capability(StrEnum):
    VIEW_PRODUCTION = "view_production"
    EDIT_PRODUCTION = "edit_production"
    MANAGE_MEMBERS = "manage_members"
    VIEW_CREW_LIST = "view_crew_list"
    VIEW_CAST_CONTACTS = "view_cast_contacts"
    VIEW_PERSONAL_DETAILS = "view_personal_details"
    EDIT_PEOPLE = "edit_people"
    VIEW_PAPERWORK = "view_paperwork"
    VIEW_RATES = "view_rates"
    VIEW_TAX_IDS = "view_tax_ids"
    VIEW_VENDORS = "view_vendors"
    EDIT_VENDORS = "edit_vendors"
    VIEW_HISTORY = "view_history"
    VIEW_SCRIPT = "view_script"
    EDIT_SCRIPT = "edit_script"
    VIEW_SCHEDULE = "view_schedule"
    EDIT_SCHEDULE = "edit_schedule"
    VIEW_LOCATIONS = "view_locations"
    EDIT_LOCATIONS = "edit_locations"
    MANAGE_PERSONAL_LINKS = "manage_personal_links"
    VIEW_CALL_SHEETS = "view_call_sheets"
    EDIT_CALL_SHEETS = "edit_call_sheets"
    VIEW_REPORTS = "view_reports"
    EDIT_REPORTS = "edit_reports"


_OFFICE = {Role.PRODUCER, Role.COORDINATOR, Role.ASSISTANT_COORDINATOR}
_MONEY = {Role.PRODUCER, Role.ACCOUNTANT}

# Budgets, rates and tax IDs: producer/UPM and accountant only (DESIGN.md, "People and access").
# Cast contact details are kept to the office, as agents and productions expect.
_GRANTS: dict[Capability, frozenset[Role]] = {
    Capability.VIEW_PRODUCTION: frozenset(Role),
    Capability.EDIT_PRODUCTION: frozenset({Role.PRODUCER, Role.COORDINATOR}),
    Capability.MANAGE_MEMBERS: frozenset({Role.PRODUCER, Role.COORDINATOR}),
    Capability.VIEW_CREW_LIST: frozenset(set(Role) - {Role.CAST}),
    Capability.VIEW_CAST_CONTACTS: frozenset(_OFFICE | _MONEY),
    # Home address, emergency contact and dietary/medical notes are private: the office keeps
    # them to send paperwork, to call someone's family after an accident and to give catering its
    # counts (the call sheet carries the counts, not the names). Everyone sees their own.
    # Payroll takes the address from the start paperwork, so the accountant does without them.
    Capability.VIEW_PERSONAL_DETAILS: frozenset(_OFFICE),
    Capability.EDIT_PEOPLE: frozenset(_OFFICE),
    Capability.VIEW_PAPERWORK: frozenset(_OFFICE | _MONEY),
    Capability.VIEW_RATES: frozenset(_MONEY),
    Capability.VIEW_TAX_IDS: frozenset(_MONEY),
    Capability.VIEW_VENDORS: frozenset(_OFFICE | _MONEY | {Role.PA, Role.DEPARTMENT_HEAD}),
    Capability.EDIT_VENDORS: frozenset(_OFFICE | _MONEY),
    Capability.VIEW_HISTORY: frozenset(_OFFICE | _MONEY),
    Capability.MANAGE_PERSONAL_LINKS: frozenset(_OFFICE),
    # Scripts circulate to the whole company; the office imports drafts and tags the breakdown.
    Capability.VIEW_SCRIPT: frozenset(Role),
    Capability.EDIT_SCRIPT: frozenset(_OFFICE),
    # The schedule is what every cast and crew member plans their days by.
    Capability.VIEW_SCHEDULE: frozenset(Role),
    Capability.EDIT_SCHEDULE: frozenset(_OFFICE),
    # Every member needs the address, the parking and the nearest hospital; the office and its
    # PAs (who scout and lock up locations) keep them.
    Capability.VIEW_LOCATIONS: frozenset(Role),
    Capability.EDIT_LOCATIONS: frozenset(_OFFICE | {Role.PA}),
    # Everyone is called by the call sheet; the office builds, edits and sends it.
    Capability.VIEW_CALL_SHEETS: frozenset(Role),
    Capability.EDIT_CALL_SHEETS: frozenset(_OFFICE),
    # The DPR goes to the producers, the accountant and the department heads; the office keeps it.
    Capability.VIEW_REPORTS: frozenset(_OFFICE | _MONEY | {Role.DEPARTMENT_HEAD}),
    Capability.EDIT_REPORTS: frozenset(_OFFICE),
}


def role_can(role: Role | str, capability: Capability) -> bool:
    return Role(role) in _GRANTS[capability]


def capabilities_of(role: Role | str) -> frozenset[Capability]:
    return frozenset(cap for cap, roles in _GRANTS.items() if Role(role) in roles)


def may_grant(granter: Role | str, role: Role | str) -> bool:
    """Whether a member holding `granter` may give someone `role` (or change or remove a member
    who holds it).

    "More" is measured in capabilities, not by a ranking: a role may be given only by someone
    who holds every capability it carries, so no one can hand out (to themselves through a second
    account, or to a friend) sight of rates, tax IDs or anything else they do not see. A
    coordinator may therefore appoint coordinators, PAs or crew, but not an accountant (rates,
    tax IDs) or a producer. Producer is named as well: the producer answers for the production,
    so even a role that came to hold every capability would not make producers.
    """
    granter, role = Role(granter), Role(role)
    if not role_can(granter, Capability.MANAGE_MEMBERS):
        return False
    if role is Role.PRODUCER:
        return granter is Role.PRODUCER
    return capabilities_of(role) <= capabilities_of(granter)


def grantable_roles(granter: Role | str) -> list[Role]:
    """The roles a member holding `granter` may give, in the table's order."""
    return [role for role in Role if may_grant(granter, role)]


def may_start_productions(*, staff: bool, producer_somewhere: bool) -> bool:
    """Whether a user may start a new production (and so become its producer/UPM).

    The installation's staff (whoever runs it made the first account with createsuperuser) and
    anyone already producer/UPM on a production, starting their next show. Anyone else, cast
    and day players included, would otherwise hand themselves a production of their own, with
    its mail going out under the office's name; they ask a producer or the staff instead. The
    `prodoffice new-production` command, run by the operator, needs no account at all.
    """
    return staff or producer_somewhere
