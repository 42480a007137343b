from django.urls import path

from senate.interests.views import attest, manage, public, screening

app_name = "interests"
urlpatterns = [
    path("register/", public.register_page, name="register"),
    path("register.csv", public.register_csv, name="register_csv"),
    path("due/", manage.due_list, name="due"),
    path("due/remind/", manage.send_reminders, name="send_reminders"),
    path("manage/", manage.register_admin, name="register_admin"),
    path("manage/<int:pk>/withhold/", manage.withhold, name="withhold"),
    path("manage/<int:pk>/publish/", manage.publish, name="publish"),
    path("conflict-policy/", manage.conflict_policy_page, name="conflict_policy"),
    path("requests/<int:pk>/screening/", screening.screening, name="screening"),
    path("requests/<int:pk>/screening/<int:profile_id>/", screening.screen_member, name="screen_member"),
    path("requests/<int:pk>/screening/<int:profile_id>/dismiss/", screening.dismiss, name="dismiss"),
    path("requests/<int:pk>/attest/", attest.attest_page, name="attest"),
]
