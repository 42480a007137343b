from django.urls import path

from senate.panels.views import lending, manage, member

app_name = "panels"
urlpatterns = [
    path("requests/<int:pk>/", manage.panel, name="panel"),
    path("requests/<int:pk>/specification/", manage.specification, name="spec"),
    path("requests/<int:pk>/candidates/", manage.candidates, name="candidates"),
    path("requests/<int:pk>/run/", manage.run, name="run"),
    path("requests/<int:pk>/choose/<int:profile_id>/", manage.choose, name="choose"),
    path("requests/<int:pk>/invite/<int:profile_id>/", manage.invite, name="invite"),
    path("requests/<int:pk>/loan/<int:profile_id>/", manage.request_loan, name="request_loan"),
    path("requests/<int:pk>/withdraw/<int:seat_pk>/", manage.withdraw, name="withdraw"),
    path("requests/<int:pk>/role/<int:seat_pk>/", manage.set_role, name="set_role"),
    path("requests/<int:pk>/answer/<int:seat_pk>/", manage.record_answer, name="record_answer"),
    path("requests/<int:pk>/recruited/", manage.recruited, name="recruited"),
    path("runs/<int:pk>/", manage.run_detail, name="run_detail"),
    path("runs/<int:pk>/deploy/", manage.deploy, name="deploy"),
    path("loans/", lending.loans, name="loans"),
    path("loans/<int:pk>/decide/", lending.decide, name="decide_loan"),
    path("invitations/<int:pk>/", member.invitation, name="invitation"),
    path("mine/", member.mine, name="mine"),
    path("mine/away/", member.add_absence, name="add_absence"),
    path("mine/away/<int:absence_id>/remove/", member.remove_absence, name="remove_absence"),
]
