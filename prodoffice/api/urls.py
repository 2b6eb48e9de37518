from __future__ import annotations

from django.urls import path

from prodoffice.api import views
from prodoffice.api.api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("account/tokens/", views.api_tokens, name="api_tokens"),
]
