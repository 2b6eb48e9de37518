from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from prodoffice.api import services
from prodoffice.api.models import ApiToken
from prodoffice.core.errors import RuleBroken


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    new_token = error = None
    if request.method == "POST":
        try:
            if "revoke" in request.POST:
                services.revoke_api_token(user=request.user, token_id=int(request.POST["revoke"]))
            else:
                _, new_token = services.create_api_token(
                    user=request.user, name=request.POST.get("name", "")
                )
        except (RuleBroken, ValueError) as exc:
            error = getattr(exc, "message", "That token does not exist.")
    tokens = ApiToken.objects.filter(user=request.user)
    context = {"tokens": tokens, "new_token": new_token, "error": error}
    return render(request, "api/tokens.html", context, status=400 if error else 200)
