from django.urls import path

from senate.bundles import views

app_name = "bundles"
urlpatterns = [
    path("requests/<int:pk>/", views.bundle, name="bundle"),
]
