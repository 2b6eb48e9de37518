"""A user's own password: changed while logged in, or set anew through a link sent by e-mail.

Django's views do the work; these only say how long a link works and where it points. The
reset form answers the same whether or not an account has the address typed (Django's view
always goes on to "check your e-mail"), so it tells no one who has an account here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.forms import Form
from django.http import HttpResponse
from django.urls import path


def link_valid_for() -> str:
    """PASSWORD_RESET_TIMEOUT in words, for the mail and the page after it."""
    seconds = int(settings.PASSWORD_RESET_TIMEOUT)
    if seconds % 86400 == 0:
        days = seconds // 86400
        return "one day" if days == 1 else f"{days} days"
    hours = max(1, seconds // 3600)
    return "one hour" if hours == 1 else f"{hours} hours"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"

    def form_valid(self, form: Form) -> HttpResponse:
        # The link is written with SITE_URL, as personal links are, never with the Host header
        # of whoever asked: a forged Host would otherwise send the victim's token elsewhere.
        self.extra_email_context = {"site_url": settings.SITE_URL, "valid_for": link_valid_for()}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"valid_for": link_valid_for()}


# The templates are in accounts/, not registration/: the admin's own registration/ pages would
# otherwise be found first.
urlpatterns = [
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(template_name="accounts/password_change_form.html"),
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
