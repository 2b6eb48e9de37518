from __future__ import annotations

from django.urls import path

from prodoffice.callsheets import distribution_views

urlpatterns = [
    path("outbox/", distribution_views.outbox, name="outbox"),
    path(
        "callsheets/<int:pk>/send/",
        distribution_views.callsheet_distribution,
        name="callsheet_distribution",
    ),
    path(
        "callsheets/<int:pk>/publish/",
        distribution_views.callsheet_publish,
        name="callsheet_publish",
    ),
    path("callsheets/<int:pk>/text/", distribution_views.callsheet_text, name="callsheet_text"),
    path(
        "callsheets/<int:pk>/resend/",
        distribution_views.callsheet_resend,
        name="callsheet_resend",
    ),
]
