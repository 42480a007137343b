from django.urls import path

from senate.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.senate_home, name="senate_home"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("audit/", views.audit_trail, name="audit_trail"),
]
