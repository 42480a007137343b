from django.urls import path

from senate.core import views

app_name = "core"
urlpatterns = [
    path("health/", views.health, name="health"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
