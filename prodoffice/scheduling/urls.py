from __future__ import annotations

from django.urls import path

from prodoffice.scheduling import views

urlpatterns = [
    path("schedules/", views.schedule_list, name="schedule_list"),
    path("schedules/<int:pk>/", views.stripboard, name="stripboard"),
    path("schedules/<int:pk>/dood/", views.dood, name="dood"),
    path("strips/<int:pk>/move/", views.strip_move, name="strip_move"),
]
