from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from prodoffice.api.urls import urlpatterns as api_urls
from prodoffice.callsheets import distribution_views
from prodoffice.core.account_views import urlpatterns as account_urls
from prodoffice.core.login_views import LoginView
from prodoffice.people.views import personal_page
from prodoffice.productions import views as production_views

production_urls = [
    path("", include("prodoffice.productions.urls")),
    path("", include("prodoffice.people.urls")),
    path("", include("prodoffice.vendors.urls")),
    path("", include("prodoffice.scripts.urls")),
    path("", include("prodoffice.scheduling.urls")),
    path("", include("prodoffice.locations.urls")),
    path("", include("prodoffice.callsheets.urls")),
    path("", include("prodoffice.callsheets.distribution_urls")),
    path("", include("prodoffice.reports.urls")),
]

urlpatterns = [
    path("", production_views.home, name="home"),
    path("new/", production_views.production_new, name="production_new"),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include(account_urls)),
    path("p/<str:code>/", include(production_urls)),
    path("me/<str:token>/", personal_page, name="personal_page"),
    path(
        "me/<str:token>/callsheets/<int:delivery_pk>/confirm/",
        distribution_views.personal_confirm,
        name="personal_confirm",
    ),
    path(
        "me/<str:token>/callsheets/<int:delivery_pk>.pdf",
        distribution_views.personal_call_sheet_pdf,
        name="personal_call_sheet_pdf",
    ),
    path(
        "me/<str:token>/calendar.ics",
        distribution_views.personal_calendar,
        name="personal_calendar",
    ),
    # The admin's own login would bypass the count of wrong passwords: it uses this one.
    path("admin/login/", LoginView.as_view()),
    path("admin/", admin.site.urls),
    *api_urls,
]

handler403 = "prodoffice.core.views.forbidden"
handler404 = "prodoffice.core.views.not_found"
handler500 = "prodoffice.core.views.server_error"
