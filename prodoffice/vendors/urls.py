from __future__ import annotations

from django.urls import path

from prodoffice.vendors import views

urlpatterns = [
    path("vendors/", views.vendor_list, name="vendor_list"),
    path("vendors/new/", views.vendor_new, name="vendor_new"),
    path("vendors/<int:pk>/", views.vendor_detail, name="vendor_detail"),
    path("vendors/<int:pk>/edit/", views.vendor_edit, name="vendor_edit"),
    path("vendors/<int:pk>/delete/", views.vendor_delete, name="vendor_delete"),
    path("vendors/<int:pk>/contacts/", views.vendor_contact_add, name="vendor_contact_add"),
    path(
        "vendors/contacts/<int:pk>/remove/",
        views.vendor_contact_remove,
        name="vendor_contact_remove",
    ),
]
