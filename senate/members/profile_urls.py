from django.urls import path

from senate.members import views

app_name = "profile"
urlpatterns = [
    path("", views.my_profile, name="view"),
    path("change/", views.edit_my_profile, name="edit"),
]
