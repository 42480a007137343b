"""The national dashboard, under /national/dashboard/ (NHS England's national team)."""

from django.urls import path

from senate.statistics import views

app_name = "national_statistics"
urlpatterns = [
    path("", views.national_dashboard, name="dashboard"),
    path("download/", views.national_download, name="download"),
]
