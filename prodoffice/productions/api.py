"""API for productions and their departments: /api/v1/productions/..."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from prodoffice.api.schemas import READ_ERRORS, WRITE_ERRORS, Text
from prodoffice.domain.access import Capability, Role
from prodoffice.productions import selectors, services
from prodoffice.productions.access import access_production, memberships_of
from prodoffice.productions.choices import ProductionKind
from prodoffice.productions.models import Department, Production

router = Router(tags=["productions"])


class ProductionOut(Schema):
    """A production and the caller's role on it."""

    code: str
    title: str
    kind: str = Field(description=f"One of: {', '.join(ProductionKind.values)}.")
    time_zone: str
    currency: str
    prep_start: date | None
    shoot_start: date | None
    shoot_end: date | None
    wrap_end: date | None
    revision_colors: list[str] = Field(
        description="Script revision colours in order; empty means White, Blue, Pink ..."
    )
    role: str = Field(description=f"The caller's role: one of {', '.join(Role)}.")
    role_label: str

    @classmethod
    def of(cls, production: Production, role: Role) -> ProductionOut:
        details = asdict(_current_details(production))
        return cls(code=production.code, role=role.value, role_label=role.label, **details)


def _current_details(production: Production) -> services.ProductionDetails:
    names = [f.name for f in fields(services.ProductionDetails)]
    return services.ProductionDetails(**{name: getattr(production, name) for name in names})


class ProductionPatch(Schema):
    """The details to change; a field left out keeps its current value."""

    title: Text = Field("", max_length=200)
    kind: Text = Field("", description=f"One of: {', '.join(ProductionKind.values)}.")
    time_zone: Text = Field("", max_length=64, examples=["America/New_York"])
    currency: Text = Field("", examples=["USD"])
    prep_start: date | None = None
    shoot_start: date | None = None
    shoot_end: date | None = None
    wrap_end: date | None = None
    revision_colors: list[Text] | None = Field(None, max_length=20)


class DepartmentOut(Schema):
    """A department, in call-sheet order, with the number of people hired into it."""

    id: int
    name: str
    order: int
    people: int

    @classmethod
    def of(cls, department: Department) -> DepartmentOut:
        people = getattr(department, "people", 0)  # annotated by the selector; 0 when just made
        return cls(id=department.pk, name=department.name, order=department.order, people=people)


class DepartmentIn(Schema):
    name: Text = Field(max_length=80, examples=["Video Assist"])


@router.get("", response={200: list[ProductionOut], 401: READ_ERRORS[401], 429: READ_ERRORS[429]})
def list_productions(request: HttpRequest) -> list[ProductionOut]:
    """The productions you are a member of, with your role on each."""
    return [ProductionOut.of(m.production, Role(m.role)) for m in memberships_of(request.user)]


@router.get("/{code}", response={200: ProductionOut, **READ_ERRORS})
def get_production(request: HttpRequest, code: str) -> ProductionOut:
    access = access_production(request.user, code)
    return ProductionOut.of(access.production, access.role)


@router.patch("/{code}", response={200: ProductionOut, **WRITE_ERRORS})
def update_production(request: HttpRequest, code: str, payload: ProductionPatch) -> ProductionOut:
    """Change the production's details (producer/UPM and coordinator)."""
    access = access_production(request.user, code, Capability.EDIT_PRODUCTION)
    current = asdict(_current_details(access.production))
    changes = payload.model_dump(exclude_unset=True)
    if changes.get("revision_colors") is None:
        changes.pop("revision_colors", None)
    details = services.ProductionDetails(**(current | changes))
    production = services.update_production(
        actor=access.user, production=access.production, details=details
    )
    return ProductionOut.of(production, access.role)


@router.get("/{code}/departments", response={200: list[DepartmentOut], **READ_ERRORS})
def list_departments(request: HttpRequest, code: str) -> list[DepartmentOut]:
    """Departments in call-sheet order; their ids are what crew-list writes take."""
    access = access_production(request.user, code)
    return [DepartmentOut.of(d) for d in selectors.departments_with_counts(access)]


@router.post("/{code}/departments", response={201: DepartmentOut, **WRITE_ERRORS})
def add_department(request: HttpRequest, code: str, payload: DepartmentIn) -> Status[DepartmentOut]:
    access = access_production(request.user, code, Capability.EDIT_PRODUCTION)
    department = services.add_department(
        actor=access.user, production=access.production, name=payload.name
    )
    return Status(201, DepartmentOut.of(department))
