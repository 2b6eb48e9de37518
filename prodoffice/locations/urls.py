from __future__ import annotations

from django.urls import path

from prodoffice.locations import views

urlpatterns = [
    path("locations/", views.location_list, name="location_list"),
    path("locations/new/", views.location_new, name="location_new"),
    path("locations/<int:pk>/", views.location_detail, name="location_detail"),
    path("locations/<int:pk>/edit/", views.location_edit, name="location_edit"),
    path("locations/<int:pk>/remove/", views.location_remove, name="location_remove"),
]
