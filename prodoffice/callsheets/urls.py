from __future__ import annotations

from django.urls import path

from prodoffice.callsheets import views

urlpatterns = [
    path("callsheets/", views.call_sheet_list, name="callsheet_list"),
    path("callsheets/days/<int:day_pk>/make/", views.call_sheet_make, name="callsheet_make"),
    path("callsheets/<int:pk>/", views.call_sheet, name="callsheet_detail"),
    path("callsheets/<int:pk>/call-sheet.pdf", views.call_sheet_pdf, name="callsheet_pdf"),
    path("callsheets/<int:pk>/edit/", views.call_sheet_edit, name="callsheet_edit"),
    path(
        "callsheets/<int:pk>/calls/<int:call_pk>/edit/",
        views.call_edit,
        name="callsheet_call_edit",
    ),
]
