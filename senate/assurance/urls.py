from django.urls import path

from senate.assurance import views

app_name = "assurance"
urlpatterns = [
    path("", views.across, name="across"),
    path("requests/<int:pk>/", views.request_page, name="request"),
    path("requests/<int:pk>/step/", views.record_step, name="record_step"),
    path("requests/<int:pk>/context/", views.edit_context, name="edit_context"),
    path("requests/<int:pk>/deadline/", views.set_deadline, name="set_deadline"),
    path("requests/<int:pk>/partners/", views.record_engagement, name="record_engagement"),
    path("requests/<int:pk>/honest-broker/", views.broker_page, name="broker"),
    path("requests/<int:pk>/honest-broker/party/", views.add_party, name="add_party"),
    path("requests/<int:pk>/honest-broker/session/", views.record_session, name="record_session"),
    path("requests/<int:pk>/honest-broker/point/", views.record_point, name="record_point"),
    path("requests/<int:pk>/honest-broker/statement/", views.write_statement, name="write_statement"),
    path("requests/<int:pk>/honest-broker/share/<int:submission_id>/", views.share, name="share"),
    path("requests/<int:pk>/honest-broker/position/", views.submit_position, name="submit_position"),
    path("requests/<int:pk>/honest-broker/confirm/", views.confirm, name="confirm"),
]
