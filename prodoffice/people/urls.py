from __future__ import annotations

from django.urls import path

from prodoffice.people import file_views, views

urlpatterns = [
    path("crew/", views.crew_list, name="crew_list"),
    path("crew/new/", views.person_new, name="person_new"),
    path("crew/import/", file_views.crew_import, name="crew_import"),
    path("crew/import/<int:pk>/", file_views.crew_import_status, name="crew_import_status"),
    path("crew/export.<str:fmt>", file_views.crew_export, name="crew_export"),
    path("crew/<int:pk>/", views.person_detail, name="person_detail"),
    path("crew/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("crew/<int:pk>/remove/", views.person_remove, name="person_remove"),
    path("crew/<int:pk>/links/", views.link_issue, name="link_issue"),
    path("links/<int:pk>/revoke/", views.link_revoke, name="link_revoke"),
]
