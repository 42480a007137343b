from django.urls import path

from senate.national import views

app_name = "national"
urlpatterns = [
    path("", views.national_home, name="home"),
    path("assurance/", views.assurance, name="assurance"),
    path("advice/", views.advice_log, name="advice_log"),
    path("advice.csv", views.advice_log_csv, name="advice_log_csv"),
    path("advice.atom", views.advice_log_feed, name="advice_log_feed"),
    path("<slug:senate>/issued/<int:pk>/", views.issued, name="issued"),
]
