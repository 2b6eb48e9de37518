from __future__ import annotations

from django.urls import path

from prodoffice.productions import views

urlpatterns = [
    path("", views.overview, name="production_overview"),
    path("edit/", views.production_edit, name="production_edit"),
    path("work-rules/", views.production_work_rules, name="production_work_rules"),
    path("history/", views.production_history, name="production_history"),
    path("team/", views.member_list, name="member_list"),
    path("team/<int:pk>/role/", views.member_role, name="member_role"),
    path("team/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("departments/", views.department_list, name="department_list"),
    path("departments/<int:pk>/rename/", views.department_rename, name="department_rename"),
    path("departments/<int:pk>/delete/", views.department_delete, name="department_delete"),
]
