from django.urls import path

from senate.beds import views

app_name = "beds"
urlpatterns = [
    path("requests/<int:pk>/", views.model_list, name="list"),
    path("requests/<int:pk>/new/", views.new_model, name="new"),
    path("requests/<int:pk>/models/<int:model_id>/", views.detail, name="detail"),
    path("requests/<int:pk>/models/<int:model_id>/baseline/", views.baseline, name="baseline"),
    path("requests/<int:pk>/models/<int:model_id>/proposal/", views.proposal, name="proposal"),
    path("requests/<int:pk>/models/<int:model_id>/scenario/", views.scenario_file, name="scenario"),
    path("requests/<int:pk>/models/<int:model_id>/progress/", views.progress, name="progress"),
    path("requests/<int:pk>/models/<int:model_id>/run/", views.run, name="run"),
    path("requests/<int:pk>/models/<int:model_id>/bed-test/", views.rely, name="rely"),
]
