"""Every page, every role: allowed (200/302/400), forbidden (403) or not there at all (404).

The expectations below are written from the access rules in DESIGN.md and the foundation issue,
independently of `prodoffice.domain.access`, so a wrong grant there is caught here. A page added
without a row here fails `test_every_page_is_in_the_matrix`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from prodoffice.core.tests.permission_table import (
    ALL,
    HISTORY_READERS,
    LOCATION_EDITORS,
    OFFICE,
    PRODUCER_COORDINATOR,
    VENDOR_EDITORS,
    VENDOR_READERS,
)
from prodoffice.core.tests.personas import World, make_user
from prodoffice.domain.access import Role
from prodoffice.locations.models import Location
from prodoffice.people.models import CrewImport, PersonalLink
from prodoffice.scheduling.models import (
    Banner,
    OptimizerRun,
    Schedule,
    Strip,
    Unavailability,
)
from prodoffice.scripts.models import DraftPdf, Scene, SceneElement, Script, ScriptRevision
from prodoffice.vendors.models import Vendor, VendorContact

NOT_CAST = ALL - {Role.CAST}
# DPRs go to the producers, the accountant and the department heads; the office keeps them.
REPORT_READERS = OFFICE | {Role.ACCOUNTANT, Role.DEPARTMENT_HEAD}

Args = Callable[[World], list[object]]


def _code(w: World) -> list[object]:
    return [w.production.code]


def _crew(w: World) -> list[object]:
    return [w.production.code, w.crew_member.pk]


def _crew_import(w: World) -> list[object]:
    job = CrewImport.objects.create(production=w.production, filename="crew.csv")
    return [w.production.code, job.pk]


def _draft_pdf(w: World) -> list[object]:
    revision = ScriptRevision.objects.get(script__production=w.production)
    made = DraftPdf.objects.create(revision=revision, key="k", filename="sheets.pdf")
    return [w.production.code, made.pk]


def _vendor(w: World) -> list[object]:
    return [w.production.code, Vendor.objects.get(production=w.production).pk]


def _vendor_contact(w: World) -> list[object]:
    return [w.production.code, VendorContact.objects.get(vendor__production=w.production).pk]


def _sent_sheet(w: World) -> list[object]:
    """A call sheet of the first shoot day (made here when the setup made none)."""
    from prodoffice.callsheets.models import CallSheet
    from prodoffice.callsheets.services import generate_call_sheet

    sheet = CallSheet.objects.filter(production=w.production).first()
    if sheet is None:
        day = Schedule.objects.get(production=w.production).days.filter(kind="shoot")[0]
        sheet = generate_call_sheet(access=w.access(Role.COORDINATOR), day=day)
    return [w.production.code, sheet.pk]


def _call_sheet(w: World) -> list[object]:
    """The call sheet of the first shoot day, made here by the coordinator if there is none."""
    from prodoffice.callsheets.models import CallSheet
    from prodoffice.callsheets.services import generate_call_sheet

    sheet = CallSheet.objects.filter(production=w.production).first()
    if sheet is None:
        day = Schedule.objects.get(production=w.production).days.filter(kind="shoot")[0]
        sheet = generate_call_sheet(access=w.access(Role.COORDINATOR), day=day)
    return [w.production.code, sheet.pk]


def _sheet_call(w: World) -> list[object]:
    from prodoffice.callsheets.models import Call

    code, pk = _call_sheet(w)
    return [code, pk, Call.objects.filter(call_sheet=pk)[0].pk]


def _report(w: World) -> list[object]:
    """The production report of the first shoot day, started here from its call sheet."""
    from prodoffice.callsheets.models import CallSheet
    from prodoffice.reports.models import DailyReport
    from prodoffice.reports.services import start_report

    report = DailyReport.objects.filter(production=w.production).first()
    if report is None:
        _, pk = _call_sheet(w)
        sheet = CallSheet.objects.get(pk=pk)
        report = start_report(access=w.access(Role.COORDINATOR), call_sheet=sheet)
    return [w.production.code, report.pk]


def _report_entry(w: World) -> list[object]:
    from prodoffice.reports.models import TimeEntry

    code, pk = _report(w)
    return [code, pk, TimeEntry.objects.filter(report=pk)[0].pk]


def _report_scene(w: World) -> list[object]:
    from prodoffice.reports.models import ReportScene

    code, pk = _report(w)
    return [code, pk, ReportScene.objects.filter(report=pk)[0].pk]


def _report_background(w: World) -> list[object]:
    from prodoffice.reports.models import BackgroundGroup

    code, pk = _report(w)
    group = BackgroundGroup.objects.filter(report=pk).first()
    if group is None:
        group = BackgroundGroup.objects.create(report_id=pk, description="Patrons", count=8)
    return [code, pk, group.pk]


def _report_media(w: World) -> list[object]:
    from prodoffice.reports.models import MediaUsed

    code, pk = _report(w)
    media = MediaUsed.objects.filter(report=pk).first()
    if media is None:
        media = MediaUsed.objects.create(report_id=pk, device="A camera", count=2)
    return [code, pk, media.pk]


def _shoot_day(w: World) -> list[object]:
    schedule = Schedule.objects.get(production=w.production)
    return [w.production.code, schedule.days.filter(kind="shoot")[0].pk]


def _location(w: World) -> list[object]:
    return [w.production.code, Location.objects.get(production=w.production).pk]


def _link(w: World) -> list[object]:
    return [w.production.code, PersonalLink.objects.get(contact__production=w.production).pk]


def _member(w: World) -> list[object]:
    return [w.production.code, w.production.memberships.get(role=Role.PA).pk]


def _script(w: World) -> list[object]:
    return [w.production.code, Script.objects.get(production=w.production).pk]


def _draft(w: World) -> list[object]:
    return [*_script(w), 0]


def _scene(w: World) -> list[object]:
    return [
        w.production.code,
        Scene.objects.filter(revision__script__production=w.production)[0].pk,
    ]


def _tag(w: World) -> list[object]:
    tags = SceneElement.objects.filter(scene__revision__script__production=w.production)
    return [w.production.code, tags[0].pk]


def _schedule(w: World) -> list[object]:
    return [w.production.code, Schedule.objects.get(production=w.production).pk]


def _strip(w: World) -> list[object]:
    return [w.production.code, Strip.objects.filter(schedule__production=w.production)[0].pk]


def _day(w: World) -> list[object]:
    schedule = Schedule.objects.get(production=w.production)
    return [*_schedule(w), schedule.days.last().pk]  # type: ignore[union-attr]


def _banner(w: World) -> list[object]:
    return [*_schedule(w), Banner.objects.get(day__schedule__production=w.production).pk]


def _unavailable(w: World) -> list[object]:
    return [w.production.code, Unavailability.objects.get(production=w.production).pk]


def _run(w: World) -> list[object]:
    return [w.production.code, OptimizerRun.objects.get(schedule__production=w.production).pk]


def _department(w: World) -> list[object]:
    return [w.production.code, w.department("Stunts").pk]


# url name: (method, arguments, roles allowed)
PRODUCTION_PAGES: dict[str, tuple[str, Args, set[Role]]] = {
    "production_overview": ("get", _code, ALL),
    "production_edit": ("get", _code, PRODUCER_COORDINATOR),
    "production_work_rules": ("get", _code, PRODUCER_COORDINATOR),
    "production_history": ("get", _code, HISTORY_READERS),
    "member_list": ("get", _code, PRODUCER_COORDINATOR),
    "member_role": ("post", _member, PRODUCER_COORDINATOR),
    "member_remove": ("post", _member, PRODUCER_COORDINATOR),
    "department_list": ("get", _code, PRODUCER_COORDINATOR),
    "department_rename": ("post", _department, PRODUCER_COORDINATOR),
    "department_delete": ("post", _department, PRODUCER_COORDINATOR),
    "crew_list": ("get", _code, NOT_CAST),
    "person_new": ("get", _code, OFFICE),
    "crew_import": ("get", _code, OFFICE),
    "crew_import_status": ("get", _crew_import, OFFICE),
    "crew_export": ("get", lambda w: [w.production.code, "csv"], NOT_CAST),
    "person_detail": ("get", _crew, NOT_CAST),
    "person_edit": ("get", _crew, OFFICE),
    "person_remove": ("post", _crew, OFFICE),
    "link_issue": ("post", _crew, OFFICE),
    "link_revoke": ("post", _link, OFFICE),
    "vendor_list": ("get", _code, VENDOR_READERS),
    "vendor_new": ("get", _code, VENDOR_EDITORS),
    "vendor_detail": ("get", _vendor, VENDOR_READERS),
    "vendor_edit": ("get", _vendor, VENDOR_EDITORS),
    "vendor_delete": ("post", _vendor, VENDOR_EDITORS),
    "vendor_contact_add": ("post", _vendor, VENDOR_EDITORS),
    "vendor_contact_remove": ("post", _vendor_contact, VENDOR_EDITORS),
    # Scripts go to the whole company; the office imports drafts and tags the breakdown.
    "script_list": ("get", _code, ALL),
    "script_import": ("post", _code, OFFICE),
    "script_detail": ("get", _script, ALL),
    "draft_import": ("post", _script, OFFICE),
    "script_lock": ("post", _script, OFFICE),
    "revision_report": ("get", _draft, ALL),
    "revision_report_pdf": ("get", _draft, ALL),
    "breakdown_pdf": ("get", _script, ALL),
    "draft_pdf": ("get", _draft_pdf, ALL),
    "draft_pdf_download": ("get", _draft_pdf, ALL),
    "element_lists": ("get", _script, ALL),
    "scene_sheet": ("get", _scene, ALL),
    "scene_breakdown_pdf": ("get", _scene, ALL),
    "tag_add": ("post", _scene, OFFICE),
    "tag_state": ("post", _tag, OFFICE),
    # Everyone plans their days by the schedule; the office arranges it.
    "schedule_list": ("get", _code, ALL),
    "stripboard": ("get", _schedule, ALL),
    "dood": ("get", _schedule, ALL),
    "one_liner": ("get", _schedule, ALL),
    "one_liner_pdf": ("get", _schedule, ALL),
    "shooting_schedule": ("get", _schedule, ALL),
    "shooting_schedule_pdf": ("get", _schedule, ALL),
    "element_dood": ("get", lambda w: [*_schedule(w), "vehicles"], ALL),
    "dood_export": ("get", lambda w: [*_schedule(w), "cast", "xlsx"], ALL),
    "strip_move": ("post", _strip, OFFICE),
    "strip_rules": ("post", _strip, OFFICE),
    "schedule_status": ("post", _schedule, OFFICE),
    "schedule_rules": ("get", _schedule, ALL),
    "set_location": ("post", _schedule, OFFICE),
    "unavailability_remove": ("post", _unavailable, OFFICE),
    "day_add": ("post", _schedule, OFFICE),
    "day_remove": ("post", _day, OFFICE),
    "banner_add": ("post", _schedule, OFFICE),
    "banner_remove": ("post", _banner, OFFICE),
    "optimizer_start": ("post", _schedule, OFFICE),
    "optimizer_run": ("get", _run, OFFICE),
    "optimizer_stop": ("post", _run, OFFICE),
    "optimizer_accept": ("post", _run, OFFICE),
    # Everyone is called by the call sheet; the office makes and edits it.
    "callsheet_list": ("get", _code, ALL),
    "callsheet_make": ("post", _shoot_day, OFFICE),
    "callsheet_detail": ("get", _call_sheet, ALL),
    "callsheet_pdf": ("get", _call_sheet, ALL),
    "callsheet_edit": ("post", _call_sheet, OFFICE),
    "callsheet_call_edit": ("get", _sheet_call, OFFICE),
    # DPRs go to producers, the accountant and department heads; the office keeps them.
    "report_list": ("get", _code, REPORT_READERS),
    "progress_overview": ("get", _code, REPORT_READERS),
    "report_start": ("post", _call_sheet, OFFICE),
    "report_detail": ("get", _report, REPORT_READERS),
    "report_pdf": ("get", _report, REPORT_READERS),
    "report_edit": ("post", _report, OFFICE),
    "report_publish": ("post", _report, OFFICE),
    "report_entry_edit": ("get", _report_entry, OFFICE),
    "report_scene_edit": ("post", _report_scene, OFFICE),
    "report_scene_add": ("post", _report, OFFICE),
    "report_shared_times": ("post", _report, OFFICE),
    "report_person_add": ("post", _report, OFFICE),
    "report_background_add": ("post", _report, OFFICE),
    "report_background_edit": ("post", _report_background, OFFICE),
    "report_background_remove": ("post", _report_background, OFFICE),
    "report_media_add": ("post", _report, OFFICE),
    "report_media_remove": ("post", _report_media, OFFICE),
    # Every member needs the address, parking and hospital; the office and PAs keep them.
    # The office sends call sheets and follows who has confirmed.
    "callsheet_distribution": ("get", _sent_sheet, OFFICE),
    "callsheet_publish": ("post", _sent_sheet, OFFICE),
    "callsheet_resend": ("post", _sent_sheet, OFFICE),
    "callsheet_text": ("post", _sent_sheet, OFFICE),
    "outbox": ("get", _code, OFFICE),
    "location_list": ("get", _code, ALL),
    "location_new": ("get", _code, LOCATION_EDITORS),
    "location_detail": ("get", _location, ALL),
    "location_edit": ("get", _location, LOCATION_EDITORS),
    "location_remove": ("post", _location, LOCATION_EDITORS),
}
# Pages outside a production: any logged-in user; anonymous visitors are sent to log in.
ACCOUNT_PAGES = {"home", "api_tokens", "password_change", "password_change_done"}
# Starting a production: the installation's staff and those already producer somewhere.
STARTER_PAGES = {"production_new"}
PUBLIC_PAGES = {
    "login",
    "logout",
    # A forgotten password: the reset link is the key (tested in test_accounts.py).
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "personal_page",
    "personal_confirm",  # the person's own link is the key (tested in callsheets)
    "personal_call_sheet_pdf",
    "personal_calendar",
}


def _names(patterns: list[URLPattern | URLResolver], prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith(("admin/", "api/v1/")):
                continue
            names |= _names(pattern.url_patterns, prefix + str(pattern.pattern))
        elif pattern.name:
            names.add(pattern.name)
    return names


def test_every_page_is_in_the_matrix() -> None:
    pages = _names(get_resolver().url_patterns)
    assert pages == set(PRODUCTION_PAGES) | ACCOUNT_PAGES | STARTER_PAGES | PUBLIC_PAGES


def _setup(world: World) -> None:
    from prodoffice.locations.services import LocationDetails, add_location
    from prodoffice.people.services import issue_personal_link
    from prodoffice.scheduling.services import create_schedule
    from prodoffice.scripts.services import import_script
    from prodoffice.vendors.services import (
        VendorContactDetails,
        VendorDetails,
        add_vendor,
        add_vendor_contact,
    )

    access = world.access(Role.PRODUCER)
    vendor = add_vendor(access=access, details=VendorDetails(company="Mesa", tax_id="12-3456789"))
    add_vendor_contact(access=access, vendor=vendor, details=VendorContactDetails(name="Luis"))
    issue_personal_link(access=access, contact=world.crew_member.contact)
    add_location(access=access, details=LocationDetails(name="Motel"))
    script = b"INT. MOTEL ROOM - NIGHT\n\nJUNE lifts a REVOLVER.\n\nJUNE\nNot tonight.\n"
    revision = import_script(access=access, filename="small.fountain", data=script)
    schedule = create_schedule(
        access=access, revision=revision, name="First pass", start_date=date(2027, 3, 1)
    )
    day = schedule.days.first()
    Banner.objects.create(day=day, text="Company move to the motel")
    Unavailability.objects.create(
        production=world.production, location="Motel", first_date=day.date, last_date=day.date
    )
    OptimizerRun.objects.create(schedule=schedule, status=OptimizerRun.Status.DONE)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PRODUCTION_PAGES))
def test_each_production_page_answers_each_role_as_the_rules_say(world: World, name: str) -> None:
    _setup(world)
    method, args, allowed = PRODUCTION_PAGES[name]
    url = reverse(name, args=args(world))
    outcomes: dict[str, int] = {}
    for who in [*Role, "outsider"]:
        client = Client()
        client.force_login(world.users[str(who)])
        with transaction.atomic():  # each role sees the world as it was: roll back their writes
            outcomes[str(who)] = getattr(client, method)(url).status_code
            transaction.set_rollback(True)
    expected = {str(role): ("ok" if role in allowed else 403) for role in Role} | {"outsider": 404}
    seen = {who: ("ok" if code in {200, 302, 400} else code) for who, code in outcomes.items()}
    assert seen == expected, f"{method.upper()} {url}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PRODUCTION_PAGES))
def test_anonymous_visitors_are_sent_to_log_in(world: World, name: str) -> None:
    _setup(world)
    method, args, _ = PRODUCTION_PAGES[name]
    response = getattr(Client(), method)(reverse(name, args=args(world)))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ACCOUNT_PAGES))
def test_account_pages_need_a_login_but_no_membership(world: World, name: str) -> None:
    url = reverse(name)
    assert Client().get(url).status_code == 302
    client = Client()
    client.force_login(world.users["outsider"])
    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(STARTER_PAGES))
def test_only_staff_and_producers_start_a_production(world: World, name: str) -> None:
    url = reverse(name)
    assert Client().get(url).status_code == 302
    staff = make_user("operator", staff=True)
    outcomes: dict[str, int] = {}
    for who, user in [*world.users.items(), ("staff", staff)]:
        client = Client()
        client.force_login(user)
        outcomes[who] = client.get(url).status_code
    expected = {str(role): 403 for role in Role} | {"outsider": 403}
    assert outcomes == expected | {Role.PRODUCER.value: 200, "staff": 200}


@pytest.mark.django_db
def test_an_outsider_cannot_tell_a_production_exists(world: World) -> None:
    client = Client()
    client.force_login(world.users["outsider"])
    real = client.get(reverse("crew_list", args=[world.production.code]))
    made_up = client.get(reverse("crew_list", args=["NOSUCH"]))
    assert real.status_code == made_up.status_code == 404
    assert world.production.title.encode() not in real.content
    home = client.get(reverse("home"))
    assert world.production.title.encode() not in home.content
