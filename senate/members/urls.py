from django.urls import path

from senate.members import membership_views, views

app_name = "members"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("coverage/", views.coverage, name="coverage"),
    path("<int:profile_id>/", views.member_detail, name="detail"),
    path("<int:profile_id>/appoint/", membership_views.appoint, name="appoint"),
    path("<int:profile_id>/memberships/<int:membership_id>/term/", membership_views.change_term, name="change_term"),
    path(
        "<int:profile_id>/memberships/<int:membership_id>/end/", membership_views.end_membership, name="end_membership"
    ),
    path("<int:profile_id>/roles/give/", membership_views.give_role, name="give_role"),
    path("<int:profile_id>/roles/<int:role_id>/withdraw/", membership_views.withdraw, name="withdraw_role"),
]
