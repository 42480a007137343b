from django.urls import path

from senate.search import views

app_name = "search"
urlpatterns = [
    path("", views.search_page, name="search"),
    path("<slug:senate>/requests/<int:pk>/similar/", views.similar_page, name="similar"),
]
