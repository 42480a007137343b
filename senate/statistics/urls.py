from django.urls import path

from senate.statistics import views

app_name = "statistics"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("download/", views.download, name="download"),
    path("annual-report/", views.annual, name="annual"),
    path("annual-report/download/", views.annual_document, name="annual_document"),
]
