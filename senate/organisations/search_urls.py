from django.urls import path

from senate.organisations import views

app_name = "organisation_search"
urlpatterns = [path("search/", views.organisation_search, name="search")]
