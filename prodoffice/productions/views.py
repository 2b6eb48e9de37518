from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from prodoffice.core import history
from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import show_errors
from prodoffice.domain.access import Capability
from prodoffice.domain.rules.unions import shipped_rule_sets
from prodoffice.productions import selectors, services, work_rules
from prodoffice.productions.access import (
    ProductionAccess,
    can_start_productions,
    memberships_of,
)
from prodoffice.productions.decorators import production_page
from prodoffice.productions.forms import MemberForm, ProductionForm, WorkRulesForm


@login_required
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "memberships": memberships_of(request.user),
        "may_start": can_start_productions(request.user),
    }
    return render(request, "productions/home.html", context)


@login_required
def production_new(request: HttpRequest) -> HttpResponse:
    if not can_start_productions(request.user):
        raise PermissionDenied(
            "Only a producer/UPM or the installation's staff start productions; ask one of them "
            "to start it and add you to its team."
        )
    form = ProductionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            production = services.create_production(
                creator=request.user, code=form.cleaned_data["code"], details=form.details()
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{production.title} is set up. Add your crew next.")
            return redirect("production_overview", production.code)
    status = 400 if form.errors else 200
    return render(request, "productions/production_form.html", {"form": form}, status=status)


@production_page()
def overview(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    context = {"counts": selectors.crew_counts(access), "role": access.role}
    return render(request, "productions/overview.html", context)


@production_page(Capability.EDIT_PRODUCTION)
def production_edit(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    production = access.production
    initial = {f: getattr(production, f) for f in ProductionForm.base_fields if f != "code"}
    initial["revision_colors"] = ", ".join(production.revision_colors)
    form = ProductionForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_production(
                actor=request.user, production=production, details=form.details()
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, "Production details saved.")
            return redirect("production_overview", production.code)
    status = 400 if form.errors else 200
    return render(
        request, "productions/production_form.html", {"form": form, "editing": True}, status=status
    )


@production_page(Capability.EDIT_PRODUCTION)
def production_work_rules(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    """The production's workweek, rest, drop gap and agreements, with the rule sets in use."""
    sets = shipped_rule_sets()  # read once a process, as the DPR's costing reads them
    known = work_rules.agreements(sets)
    current = work_rules.work_rules_of(access, sets)
    form = WorkRulesForm(request.POST or None, initial=vars(current), agreements=known)
    if request.method == "POST" and form.is_valid():
        try:
            work_rules.set_work_rules(access=access, rules=form.work_rules(), rule_sets=sets)
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, "Work rules saved.")
            return redirect("production_work_rules", access.production.code)
    context = {
        "form": form,
        "rule_sets": sorted(sets, key=lambda r: (r.union is None, r.agreement, r.valid_from)),
        "shoot": work_rules.shoot_dates(access),
        "notices": work_rules.agreement_notices(access, sets),
    }
    status = 400 if form.errors else 200
    return render(request, "productions/work_rules.html", context, status=status)


@production_page(Capability.VIEW_HISTORY)
def production_history(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    records = history.readable(selectors.production_history(access), access=access)
    return render(request, "productions/history.html", {"records": records})


@production_page(Capability.MANAGE_MEMBERS)
def member_list(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    form = MemberForm(request.POST or None, roles=access.grantable_roles())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership, password = services.add_member_by_email(
                access=access, email=data["email"], name=data["name"], role=data["role"]
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            note = (
                f" Their first password is {password} — pass it on privately." if password else ""
            )
            messages.success(request, f"{membership.user} is now on the team.{note}")
            return redirect("member_list", access.production.code)
    members = [(m, access.may_change_member(m)) for m in selectors.members(access)]
    context = {"members": members, "form": form, "me": access.membership}
    return render(request, "productions/members.html", context, status=400 if form.errors else 200)


@require_POST
@production_page(Capability.MANAGE_MEMBERS)
def member_role(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    membership = selectors.access_membership(access, pk)
    try:
        services.set_membership(
            access=access, user=membership.user, role=request.POST.get("role", "")
        )
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{membership.user}'s role changed.")
    return redirect("member_list", access.production.code)


@require_POST
@production_page(Capability.MANAGE_MEMBERS)
def member_remove(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    membership = selectors.access_membership(access, pk)
    try:
        services.remove_member(access=access, membership=membership)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{membership.user} no longer has access.")
    return redirect("member_list", access.production.code)


@production_page(Capability.EDIT_PRODUCTION)
def department_list(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    error = None
    if request.method == "POST":
        try:
            department = services.add_department(
                actor=request.user, production=access.production, name=request.POST.get("name", "")
            )
        except RuleBroken as exc:
            error = exc.message
        else:
            messages.success(request, f"{department.name} added.")
            return redirect("department_list", access.production.code)
    context = {"departments": selectors.departments_with_counts(access), "error": error}
    return render(request, "productions/departments.html", context, status=400 if error else 200)


@require_POST
@production_page(Capability.EDIT_PRODUCTION)
def department_rename(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    department = selectors.access_department(access, pk)
    try:
        services.rename_department(
            actor=request.user, department=department, name=request.POST.get("name", "")
        )
    except RuleBroken as error:
        messages.error(request, error.message)
    return redirect("department_list", access.production.code)


@require_POST
@production_page(Capability.EDIT_PRODUCTION)
def department_delete(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    department = selectors.access_department(access, pk)
    try:
        services.delete_department(actor=request.user, department=department)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{department.name} deleted.")
    return redirect("department_list", access.production.code)
