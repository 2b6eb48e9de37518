from __future__ import annotations

from django.urls import path

from prodoffice.scheduling import optimizer_views, report_views, rule_views, views

urlpatterns = [
    path("schedules/", views.schedule_list, name="schedule_list"),
    path("schedules/<int:pk>/", views.stripboard, name="stripboard"),
    path("schedules/<int:pk>/dood/", views.dood, name="dood"),
    path("schedules/<int:pk>/one-liner/", report_views.one_liner, name="one_liner"),
    path("schedules/<int:pk>/one-liner.pdf", report_views.one_liner_pdf, name="one_liner_pdf"),
    path(
        "schedules/<int:pk>/shooting-schedule/",
        report_views.shooting_schedule,
        name="shooting_schedule",
    ),
    path(
        "schedules/<int:pk>/shooting-schedule.pdf",
        report_views.shooting_schedule_pdf,
        name="shooting_schedule_pdf",
    ),
    path("schedules/<int:pk>/dood/<slug:of>/", report_views.element_dood, name="element_dood"),
    path(
        "schedules/<int:pk>/dood/<slug:of>.<slug:fmt>",
        report_views.dood_export,
        name="dood_export",
    ),
    path("schedules/<int:pk>/status/", views.schedule_status, name="schedule_status"),
    path("schedules/<int:pk>/days/", views.day_add, name="day_add"),
    path("schedules/<int:pk>/days/<int:day_pk>/remove/", views.day_remove, name="day_remove"),
    path("schedules/<int:pk>/banners/", views.banner_add, name="banner_add"),
    path(
        "schedules/<int:pk>/banners/<int:banner_pk>/remove/",
        views.banner_remove,
        name="banner_remove",
    ),
    path("schedules/<int:pk>/rules/", rule_views.schedule_rules, name="schedule_rules"),
    path("schedules/<int:pk>/locations/", rule_views.set_location, name="set_location"),
    path(
        "unavailable/<int:pk>/remove/",
        rule_views.unavailability_remove,
        name="unavailability_remove",
    ),
    path("schedules/<int:pk>/optimize/", optimizer_views.optimizer_start, name="optimizer_start"),
    path("optimizer/<int:pk>/", optimizer_views.optimizer_run, name="optimizer_run"),
    path("optimizer/<int:pk>/stop/", optimizer_views.optimizer_stop, name="optimizer_stop"),
    path("optimizer/<int:pk>/accept/", optimizer_views.optimizer_accept, name="optimizer_accept"),
    path("strips/<int:pk>/rules/", rule_views.strip_rules, name="strip_rules"),
    path("strips/<int:pk>/move/", views.strip_move, name="strip_move"),
]
