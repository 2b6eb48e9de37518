"""Everything one call sheet prints, read once into a `CallSheetDocument`.

The page and the PDF print the same document; it is read in a fixed number of queries whatever
the size of the crew.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Q

from prodoffice.callsheets.models import Call, CallSheet, CallSheetScene
from prodoffice.callsheets.selectors.sheet_warnings import SheetWarning, sheet_warnings
from prodoffice.callsheets.selectors.sheets import status_label
from prodoffice.domain.locations.names import location_key
from prodoffice.domain.locations.sun import map_link, sun_times
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.domain.scheduling.constraints import pages
from prodoffice.domain.screenplay.breakdown import Category
from prodoffice.locations.models import Location
from prodoffice.people.choices import EngagementStatus
from prodoffice.people.models import Engagement
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import ShootDay, Strip
from prodoffice.scheduling.planning import HEAVY_SCENE_FIELDS
from prodoffice.scripts.choices import TagState
from prodoffice.scripts.models import SceneElement
from prodoffice.scripts.selectors import cast_tags_prefetch

# Special instructions, in the order a 1st AD reads them out: safety first.
INSTRUCTION_ORDER = [
    Category.STUNTS,
    Category.SFX,
    Category.VEHICLES,
    Category.ANIMALS,
    Category.SPECIAL_EQUIPMENT,
    Category.PROPS,
    Category.WARDROBE,
    Category.MAKEUP_HAIR,
    Category.SET_DRESSING,
    Category.VFX,
    Category.SOUND,
    Category.MUSIC,
    Category.NOTES,
]
# People whose number goes in the key contacts: the production office and the heads who run
# the set, whatever department the crew list has them in.
KEY_POSITIONS = (
    "producer",
    "production manager",
    "upm",
    "coordinator",
    "1st assistant director",
    "first assistant director",
    "1st ad",
    "location manager",
)
HIRED = (EngagementStatus.CONFIRMED, EngagementStatus.STARTED)


@dataclass(frozen=True)
class Header:
    production: str
    code: str
    day_number: int
    days_total: int
    date: date
    crew_call: time
    shooting_call: time
    version: int
    status: str  # draft, published
    status_label: str  # "Published v2", "Draft v3 (revised, not yet sent)"
    weather: str
    sun: str  # "Sunrise 6:42 AM, sunset 5:58 PM." or why it is not known
    sunrise: time | None
    sunset: time | None
    hospital: str  # the nearest hospital of the first location, with its phone

    @property
    def day_label(self) -> str:
        return f"Day {self.day_number} of {self.days_total}"


@dataclass(frozen=True)
class SceneRow:
    number: str
    int_ext: str
    set_name: str
    time_of_day: str
    eighths: int
    cast_numbers: str
    location: str
    synopsis: str

    @property
    def pages(self) -> str:
        return pages(self.eighths)

    @property
    def cast_list(self) -> list[str]:
        return [part.strip() for part in self.cast_numbers.split(",") if part.strip()]


@dataclass(frozen=True)
class PersonCall:
    """One person's line on the sheet, cast or crew."""

    call_pk: int
    engagement_pk: int
    name: str
    position: str
    cast_number: int | None
    character: str
    status: str  # the DOOD code for cast
    call_time: time | None
    pickup_time: time | None
    pickup_place: str
    makeup_time: time | None
    wardrobe_time: time | None
    on_set_time: time | None
    remarks: str
    exception: bool = False  # a crew call other than the general call
    department: str = ""
    has_email: bool = True
    diet: str = ""  # the contact's dietary needs, for the caterer's count

    @property
    def called(self) -> bool:
        return self.call_time is not None


@dataclass(frozen=True)
class DepartmentCalls:
    name: str
    people: list[PersonCall]


@dataclass(frozen=True)
class Extra:
    """Background or a stand-in, from the breakdown, with the scenes they are in."""

    name: str
    scenes: list[str]


@dataclass(frozen=True)
class LocationInfo:
    name: str
    sets: list[str]
    known: bool  # a location record exists for this name
    address: str = ""
    map_link: str = ""
    parking: str = ""
    crew_parking: str = ""
    basecamp: str = ""
    hospital_name: str = ""
    hospital_address: str = ""
    hospital_phone: str = ""
    contact: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None


@dataclass(frozen=True)
class Need:
    need: str
    count: int


@dataclass(frozen=True)
class Instruction:
    category: str  # "Props", "SFX" ...
    items: list[str]  # "Revolver (sc. 12, 14)"


@dataclass(frozen=True)
class AdvanceDay:
    number: int
    date: date
    scenes: list[SceneRow]

    @property
    def eighths(self) -> int:
        return sum(s.eighths for s in self.scenes)

    @property
    def pages(self) -> str:
        return pages(self.eighths)


@dataclass(frozen=True)
class KeyContact:
    name: str
    position: str
    phone: str


@dataclass(frozen=True)
class Personal:
    """The personal view: one person's call and the scenes they are in."""

    engagement_pk: int
    name: str
    call: PersonCall | None  # None: not on this sheet
    scenes: list[str]


@dataclass(frozen=True)
class CallSheetDocument:
    pk: int
    header: Header
    scenes: list[SceneRow]
    cast: list[PersonCall]
    background: list[Extra]
    stand_ins: list[Extra]
    crew: list[DepartmentCalls]
    locations: list[LocationInfo]
    headcount: int
    diets: list[Need]
    instructions: list[Instruction]
    notes: str
    advance: AdvanceDay | None
    contacts: list[KeyContact]
    warnings: list[SheetWarning]
    personal: Personal | None = None
    people: dict[int, PersonCall] = field(default_factory=dict)  # by engagement pk

    @property
    def eighths(self) -> int:
        return sum(s.eighths for s in self.scenes)

    @property
    def pages(self) -> str:
        return pages(self.eighths)

    @property
    def printed_warnings(self) -> list[SheetWarning]:
        return [w for w in self.warnings if not w.office_only]

    def with_personal(self, engagement_pk: int | None) -> CallSheetDocument:
        """The same document with one person's view picked out (no query)."""
        if engagement_pk is None:
            return replace(self, personal=None)
        call = self.people.get(engagement_pk)
        if call is None:
            return replace(self, personal=Personal(engagement_pk, "", None, []))
        if call.cast_number is not None:
            own = str(call.cast_number)
            scenes = [s.number for s in self.scenes if own in s.cast_list]
        else:
            scenes = [s.number for s in self.scenes] if call.called else []
        return replace(self, personal=Personal(engagement_pk, call.name, call, scenes))


def call_sheet_document(sheet: CallSheet, *, highlight: int | None = None) -> CallSheetDocument:
    """Everything the sheet prints, read in a constant number of queries (about fifteen)."""
    production = sheet.production
    day = sheet.day
    days = list(
        ShootDay.objects.filter(schedule=sheet.schedule_id, kind=DayKind.SHOOT)
        .order_by("order")
        .only("pk", "number", "date", "order", "schedule_id")
    )
    index = next((i for i, d in enumerate(days) if d.pk == day.pk), None)
    previous = days[index - 1] if index else None
    following = days[index + 1] if index is not None and index + 1 < len(days) else None

    scene_rows = list(CallSheetScene.objects.filter(call_sheet=sheet).order_by("order"))
    scenes = [_scene_row(s) for s in scene_rows]
    # Plain rows, not models: a 250-person day is 1,000 model instances otherwise.
    rows = (
        Call.objects.filter(call_sheet=sheet)
        .order_by("engagement__department__order", "engagement__cast_number", "engagement_id")
        .values_list(*CALL_FIELDS)
    )
    calls = [_person(row, sheet.crew_call) for row in rows]
    cast, crew, people = _people(calls)
    locations = _locations(production, scene_rows)
    tz = _zone(production)
    sun_text, sunrise, sunset = _sun(locations, day.date, tz)
    background, stand_ins, instructions = _breakdown(scene_rows)
    called = [c for c in calls if c.called]
    warnings = sheet_warnings(
        sheet,
        has_scenes=bool(scenes),
        calls=calls,
        unknown_locations=[loc.name for loc in locations if not loc.known],
        previous=previous,
    )
    hospital = next((loc for loc in locations if loc.hospital_name), None)
    header = Header(
        production=production.title,
        code=production.code,
        day_number=day.number or 0,
        days_total=len(days),
        date=day.date,
        crew_call=sheet.crew_call,
        shooting_call=sheet.shooting_call,
        version=sheet.version,
        status=sheet.status,
        status_label=status_label(sheet),
        weather=sheet.weather,
        sun=sun_text,
        sunrise=sunrise,
        sunset=sunset,
        hospital=_hospital_line(hospital) if hospital else "",
    )
    document = CallSheetDocument(
        pk=sheet.pk,
        header=header,
        scenes=scenes,
        cast=cast,
        background=background,
        stand_ins=stand_ins,
        crew=crew,
        locations=locations,
        headcount=len(called),
        diets=_diets(called),
        instructions=instructions,
        notes=sheet.notes,
        advance=_advance(sheet.schedule_id, following),
        contacts=_contacts(production),
        warnings=warnings,
        people=people,
    )
    return document.with_personal(highlight) if highlight is not None else document


def _scene_row(scene: CallSheetScene) -> SceneRow:
    return SceneRow(
        number=scene.number,
        int_ext=scene.int_ext,
        set_name=scene.set_name,
        time_of_day=scene.time_of_day,
        eighths=scene.eighths,
        cast_numbers=scene.cast_numbers,
        location=scene.location,
        synopsis=scene.synopsis,
    )


CALL_FIELDS = (
    "pk",
    "engagement_id",
    "engagement__contact__first_name",
    "engagement__contact__last_name",
    "engagement__position",
    "engagement__cast_number",
    "engagement__character",
    "status",
    "call_time",
    "pickup_time",
    "pickup_place",
    "makeup_time",
    "wardrobe_time",
    "on_set_time",
    "remarks",
    "engagement__department__name",
    "engagement__contact__email",
    "engagement__contact__dietary_needs",
)


def _person(row: tuple[Any, ...], general: time) -> PersonCall:
    (pk, engagement, first, last, position, number, character, status, call, pickup, place,
     makeup, wardrobe, on_set, remarks, department, email, diet) = row  # fmt: skip
    return PersonCall(
        call_pk=pk,
        engagement_pk=engagement,
        name=f"{first} {last}".strip(),
        position=position,
        cast_number=number,
        character=character,
        status=status,
        call_time=call,
        pickup_time=pickup,
        pickup_place=place,
        makeup_time=makeup,
        wardrobe_time=wardrobe,
        on_set_time=on_set,
        remarks=remarks,
        exception=number is None and call != general,
        department=department,
        has_email=bool(email.strip()),
        diet=" ".join(diet.split()),
    )


def _people(
    calls: list[PersonCall],
) -> tuple[list[PersonCall], list[DepartmentCalls], dict[int, PersonCall]]:
    people = {call.engagement_pk: call for call in calls}
    cast = sorted((c for c in calls if c.cast_number is not None), key=lambda p: p.cast_number or 0)
    departments: dict[str, list[PersonCall]] = {}
    for call in calls:  # already in department order
        if call.cast_number is None:
            departments.setdefault(call.department, []).append(call)
    crew = [DepartmentCalls(name, rows) for name, rows in departments.items()]
    return cast, crew, people


def _zone(production: Production) -> ZoneInfo:
    try:
        return ZoneInfo(production.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _locations(production: Production, scenes: list[CallSheetScene]) -> list[LocationInfo]:
    """The day's locations in shooting order, each with its record where the office has one."""
    sets: dict[str, list[str]] = {}
    for scene in scenes:
        if scene.location.strip():
            named = sets.setdefault(scene.location.strip(), [])
            if scene.set_name and scene.set_name not in named:
                named.append(scene.set_name)
    records = {
        loc.name_key: loc
        for loc in Location.objects.filter(
            production=production, name_key__in=[location_key(name) for name in sets]
        )
    }
    found = []
    for name, set_names in sets.items():
        record = records.get(location_key(name))
        if record is None:
            found.append(LocationInfo(name=name, sets=set_names, known=False))
            continue
        contact = " ".join(part for part in (record.contact_name, record.contact_phone) if part)
        link = ""
        if record.latitude is not None and record.longitude is not None:
            link = map_link(record.latitude, record.longitude)
        found.append(
            LocationInfo(
                name=record.name,
                sets=set_names,
                known=True,
                address=record.address,
                map_link=link,
                parking=record.parking,
                crew_parking=record.crew_parking,
                basecamp=record.basecamp,
                hospital_name=record.hospital_name,
                hospital_address=record.hospital_address,
                hospital_phone=record.hospital_phone,
                contact=contact,
                latitude=record.latitude,
                longitude=record.longitude,
            )
        )
    return found


def _sun(
    locations: list[LocationInfo], on: date, tz: ZoneInfo
) -> tuple[str, time | None, time | None]:
    """Sunrise and sunset at the day's first location, or why they are not known."""
    if not locations:
        return "No location on this day's scenes: sunrise and sunset unknown.", None, None
    first = locations[0]
    light = sun_times(first.latitude, first.longitude, on, tz)
    if light is None:
        return f"No coordinates for {first.name}: sunrise and sunset unknown.", None, None
    rise = light.sunrise.timetz().replace(tzinfo=None) if light.sunrise else None
    fall = light.sunset.timetz().replace(tzinfo=None) if light.sunset else None
    return f"{light.summary[:-1]} at {first.name}.", rise, fall


def _hospital_line(location: LocationInfo) -> str:
    parts = [location.hospital_name, location.hospital_address, location.hospital_phone]
    return ", ".join(" ".join(p.split()) for p in parts if p)


def _breakdown(
    scenes: list[CallSheetScene],
) -> tuple[list[Extra], list[Extra], list[Instruction]]:
    """Background, stand-ins and the special instructions from the day's accepted breakdown."""
    numbers = {s.scene_id: s.number or f"#{s.order + 1}" for s in scenes if s.scene_id}
    tags = (
        SceneElement.objects.filter(scene_id__in=list(numbers), state=TagState.ACCEPTED)
        .exclude(element__category=Category.CAST.value)
        .select_related("element")
        .only("scene_id", "element__name", "element__category")
    )
    by_element: dict[tuple[str, str], list[str]] = defaultdict(list)
    order = {scene_id: i for i, scene_id in enumerate(numbers)}
    for tag in sorted(tags, key=lambda t: order[t.scene_id]):
        number = numbers[tag.scene_id]
        scenes_of = by_element[(tag.element.category, tag.element.name)]
        if number not in scenes_of:
            scenes_of.append(number)
    background, stand_ins = [], []
    grouped: dict[str, list[str]] = defaultdict(list)
    for (category, name), in_scenes in sorted(by_element.items()):
        if category == Category.BACKGROUND.value:
            folded = name.casefold().replace("-", " ")
            (stand_ins if "stand in" in folded else background).append(Extra(name, in_scenes))
        else:
            grouped[category].append(f"{name} (sc. {', '.join(in_scenes)})")
    known = [c.value for c in INSTRUCTION_ORDER]
    instructions = [
        Instruction(_category_label(category), grouped[category])
        for category in [*known, *sorted(set(grouped) - set(known))]
        if grouped.get(category)
    ]
    return background, stand_ins, instructions


def _category_label(category: str) -> str:
    try:
        return Category(category).label
    except ValueError:
        return category.replace("_", " ").capitalize()


def _diets(called: list[PersonCall]) -> list[Need]:
    needs = Counter(c.diet.capitalize() for c in called if c.diet)
    return [Need(need, count) for need, count in sorted(needs.items(), key=lambda n: (-n[1], n[0]))]


def _advance(schedule_id: int, day: ShootDay | None) -> AdvanceDay | None:
    """The next shoot day's scenes as the schedule has them now: two queries."""
    if day is None:
        return None
    strips = (
        Strip.objects.filter(schedule=schedule_id, day=day)
        .select_related("scene")
        .defer(*HEAVY_SCENE_FIELDS)
        .prefetch_related(cast_tags_prefetch("scene__tags"))
        .order_by("order")
    )
    rows = []
    for strip in strips:
        scene = strip.scene
        rows.append(
            SceneRow(
                number=scene.number,
                int_ext=scene.int_ext,
                set_name=scene.set_name,
                time_of_day=scene.time_of_day,
                eighths=max(scene.eighths, 1),
                cast_numbers=_cast_numbers(scene.cast_tags),  # type: ignore[attr-defined]
                location="",
                synopsis="",
            )
        )
    return AdvanceDay(number=day.number or 0, date=day.date, scenes=rows)


def _cast_numbers(tags: list[SceneElement]) -> str:
    numbered = sorted(
        t.element.cast.cast_number for t in tags if t.element.cast and t.element.cast.cast_number
    )
    named = sorted(
        t.element.name for t in tags if not (t.element.cast and t.element.cast.cast_number)
    )
    return ", ".join([*(str(n) for n in numbered), *named])


def _contacts(production: Production) -> list[KeyContact]:
    wanted = Q(department__name__iexact="Production")
    for word in KEY_POSITIONS:
        wanted |= Q(position__icontains=word)
    people = (
        Engagement.objects.filter(production=production, cast_number__isnull=True, status__in=HIRED)
        .filter(wanted)
        .order_by("department__order", "pk")
        .values_list("contact__first_name", "contact__last_name", "position", "contact__phone")
    )
    return [KeyContact(f"{first} {last}".strip(), job, phone) for first, last, job, phone in people]
