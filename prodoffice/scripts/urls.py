from __future__ import annotations

from django.urls import path

from prodoffice.scripts import file_views, views

urlpatterns = [
    path("scripts/", views.script_list, name="script_list"),
    path("scripts/import/", views.script_import, name="script_import"),
    path("scripts/<int:pk>/", views.script_detail, name="script_detail"),
    path("scripts/<int:pk>/drafts/", views.draft_import, name="draft_import"),
    path("scripts/<int:pk>/lock/", views.script_lock, name="script_lock"),
    path(
        "scripts/<int:pk>/drafts/<int:sequence>/",
        views.revision_report,
        name="revision_report",
    ),
    path(
        "scripts/<int:pk>/drafts/<int:sequence>/report.pdf",
        file_views.revision_report_pdf,
        name="revision_report_pdf",
    ),
    path("scripts/<int:pk>/elements/", views.element_lists, name="element_lists"),
    path("scripts/<int:pk>/breakdown.pdf", file_views.breakdown_pdf, name="breakdown_pdf"),
    path("draft-pdfs/<int:pk>/", file_views.draft_pdf, name="draft_pdf"),
    path(
        "draft-pdfs/<int:pk>/download.pdf",
        file_views.draft_pdf_download,
        name="draft_pdf_download",
    ),
    path("scenes/<int:pk>/", views.scene_sheet, name="scene_sheet"),
    path(
        "scenes/<int:pk>/breakdown.pdf", file_views.scene_breakdown_pdf, name="scene_breakdown_pdf"
    ),
    path("scenes/<int:pk>/tags/", views.tag_add, name="tag_add"),
    path("tags/<int:pk>/", views.tag_state, name="tag_state"),
]
