"""Logging in, with wrong passwords counted per account and per address (core/throttle.py)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse

from prodoffice.core import throttle
from prodoffice.core.throttle import LOGIN_ACCOUNT, LOGIN_ADDRESS, Throttled


def _account(request: HttpRequest) -> str:
    return request.POST.get("username", "").strip().casefold()


class LoginView(auth_views.LoginView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            throttle.refuse_if_throttled(LOGIN_ACCOUNT, _account(request))
            throttle.refuse_if_throttled(LOGIN_ADDRESS, throttle.client_address(request))
        except Throttled as refusal:
            # The form again, with why and until when; the password is not even checked.
            context = self.get_context_data(form=self.get_form(), throttled=refusal.message)
            response = self.render_to_response(context, status=429)
            response["Retry-After"] = str(refusal.retry_after)
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.count_failure(LOGIN_ACCOUNT, _account(self.request))
        throttle.count_failure(LOGIN_ADDRESS, throttle.client_address(self.request))
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        # The owner is in: their own earlier typos no longer count against the account.
        throttle.forget_failures(LOGIN_ACCOUNT, _account(self.request))
        return super().form_valid(form)
