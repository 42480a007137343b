from django.contrib import admin
from django.urls import include, path

from senate.api.api import api
from senate.core import views as core_views

urlpatterns = [
    path("", include("senate.organisations.front_urls")),
    path("", include("senate.core.urls")),
    path("account/", include("senate.accounts.urls")),
    path("profile/", include("senate.members.profile_urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("declarations/", include("senate.interests.my_urls")),
    path("organisations/", include("senate.organisations.search_urls")),
    path("search/", include("senate.search.urls")),
    path("national/dashboard/", include("senate.statistics.national_urls")),
    path("national/", include("senate.national.urls")),
    path("<slug:senate>/members/", include("senate.members.urls")),
    path("<slug:senate>/interests/", include("senate.interests.urls")),
    path("<slug:senate>/recruitment/", include("senate.recruitment.urls")),
    path("<slug:senate>/requests/", include("senate.reviews.urls")),
    path("<slug:senate>/assurance/", include("senate.assurance.urls")),
    path("<slug:senate>/evidence/", include("senate.evidence.urls")),
    path("<slug:senate>/panels/", include("senate.panels.urls")),
    path("<slug:senate>/beds/", include("senate.beds.urls")),
    path("<slug:senate>/reports/", include("senate.reports.urls")),
    path("<slug:senate>/council/", include("senate.council.urls")),
    path("<slug:senate>/programme/", include("senate.programme.urls")),
    path("<slug:senate>/participation/", include("senate.participation.urls")),
    path("<slug:senate>/bundles/", include("senate.bundles.urls")),
    path("<slug:senate>/statistics/", include("senate.statistics.urls")),
    path("<slug:senate>/", include("senate.organisations.urls")),
]

handler403 = core_views.forbidden
handler404 = core_views.not_found
handler500 = core_views.server_error
