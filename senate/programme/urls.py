from django.urls import path

from senate.programme import views

app_name = "programme"
urlpatterns = [
    path("", views.plan, name="plan"),
    path("topics/new/", views.open_topic, name="open_topic"),
    path("add/", views.add_item, name="add_item"),
    path("weights/", views.weights, name="weights"),
    path("items/<int:pk>/", views.item, name="item"),
    path("items/<int:pk>/score/", views.score, name="score"),
    path("items/<int:pk>/dates/", views.edit_item, name="edit_item"),
    path("items/<int:pk>/finish/", views.finish_topic, name="finish_topic"),
    path("requests/<int:pk>/feedback/", views.give_feedback, name="feedback"),
    path("requests/<int:pk>/board-decision/", views.board_decision, name="board_decision"),
    path("requests/<int:pk>/impact/", views.impact, name="impact"),
]
