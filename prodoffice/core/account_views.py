"""A user's own password: changed while logged in, or set anew through a link sent by e-mail.

Django's views do the work; these only say how long a link works and where it points. The
reset form answers the same whether or not an account has the address typed (Django's view
always goes on to "check your e-mail"), so it tells no one who has an account here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm
from django.forms import Form
from django.http import HttpResponse
from django.template import loader
from django.urls import path

from prodoffice.core import throttle
from prodoffice.core.tasks import send_account_mail
from prodoffice.core.throttle import LOGIN_ACCOUNT, RESET_ADDRESS, RESET_EMAIL, Throttled


def link_valid_for() -> str:
    """PASSWORD_RESET_TIMEOUT in words, for the mail and the page after it."""
    seconds = int(settings.PASSWORD_RESET_TIMEOUT)
    if seconds % 86400 == 0:
        days = seconds // 86400
        return "one day" if days == 1 else f"{days} days"
    hours = max(1, seconds // 3600)
    return "one hour" if hours == 1 else f"{hours} hours"


class ResetLinkForm(PasswordResetForm):
    """Django's reset form, its mail handed to the background worker (core/tasks.py)."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = loader.render_to_string(subject_template_name, context)
        body = loader.render_to_string(email_template_name, context)
        send_account_mail.enqueue(subject, body, to_email)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ResetLinkForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"

    def form_valid(self, form: Form) -> HttpResponse:
        # Counted whether or not an account has the address, so the refusal tells nothing either.
        email = form.cleaned_data["email"].strip().casefold()
        try:
            throttle.count_and_refuse(RESET_EMAIL, email)
            throttle.count_and_refuse(RESET_ADDRESS, throttle.client_address(self.request))
        except Throttled as refusal:
            form.add_error(None, refusal.message)
            response = self.render_to_response(self.get_context_data(form=form), status=429)
            response["Retry-After"] = str(refusal.retry_after)
            return response
        # The link is written with SITE_URL, as personal links are, never with the Host header
        # of whoever asked: a forged Host would otherwise send the victim's token elsewhere.
        self.extra_email_context = {"site_url": settings.SITE_URL, "valid_for": link_valid_for()}
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    """A wrong old password counts as a wrong password at login does: whoever holds someone's
    open session cannot guess their password through this form."""

    template_name = "accounts/password_change_form.html"

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            throttle.refuse_if_throttled(LOGIN_ACCOUNT, _account(request.user))
        except Throttled as refusal:
            # An empty form with why and until when: the old password is not even checked.
            form = self.get_form_class()(user=request.user)
            context = self.get_context_data(form=form, throttled=refusal.message)
            response = self.render_to_response(context, status=429)
            response["Retry-After"] = str(refusal.retry_after)
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: PasswordChangeForm) -> HttpResponse:
        if "old_password" in form.errors:
            throttle.count_failure(LOGIN_ACCOUNT, _account(self.request.user))
        return super().form_invalid(form)


def _account(user: Any) -> str:
    """The account as the login form counts it: the user name as typed there."""
    return str(user.get_username()).strip().casefold()


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"valid_for": link_valid_for()}


# The templates are in accounts/, not registration/: the admin's own registration/ pages would
# otherwise be found first.
urlpatterns = [
    path(
        "password/change/",
        PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("password/reset/", PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
