from django.urls import path

from senate.organisations import views

app_name = "front"
urlpatterns = [path("", views.front_door, name="home")]
