from __future__ import annotations

from django.urls import path

from prodoffice.reports import record_views, views

urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("progress/", views.progress_overview, name="progress_overview"),
    path("reports/start/<int:sheet_pk>/", views.report_start, name="report_start"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/dpr.pdf", views.report_pdf, name="report_pdf"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/publish/", views.report_publish, name="report_publish"),
    path(
        "reports/<int:pk>/people/<int:entry_pk>/edit/",
        views.report_entry_edit,
        name="report_entry_edit",
    ),
    path(
        "reports/<int:pk>/scenes/<int:scene_pk>/edit/",
        record_views.report_scene_edit,
        name="report_scene_edit",
    ),
    path("reports/<int:pk>/people/add/", record_views.report_person_add, name="report_person_add"),
    path(
        "reports/<int:pk>/shared-times/",
        record_views.report_shared_times,
        name="report_shared_times",
    ),
    path("reports/<int:pk>/scenes/add/", record_views.report_scene_add, name="report_scene_add"),
    path(
        "reports/<int:pk>/background/add/",
        record_views.report_background_save,
        name="report_background_add",
    ),
    path(
        "reports/<int:pk>/background/<int:group_pk>/edit/",
        record_views.report_background_save,
        name="report_background_edit",
    ),
    path(
        "reports/<int:pk>/background/<int:group_pk>/remove/",
        record_views.report_background_remove,
        name="report_background_remove",
    ),
    path("reports/<int:pk>/media/add/", record_views.report_media_add, name="report_media_add"),
    path(
        "reports/<int:pk>/media/<int:media_pk>/remove/",
        record_views.report_media_remove,
        name="report_media_remove",
    ),
]
