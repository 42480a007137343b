from django.urls import path

from senate.members import views

app_name = "members"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("coverage/", views.coverage, name="coverage"),
    path("<int:profile_id>/", views.member_detail, name="detail"),
]
