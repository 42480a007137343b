from django.urls import path

from senate.statistics import views

app_name = "statistics"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<int:year>/<slug:table>.<str:fmt>", views.download, name="download"),
    path("annual-report/", views.annual, name="annual"),
    path("annual-report/<int:year>.<str:fmt>", views.annual_document, name="annual_document"),
]
