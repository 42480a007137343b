from django.urls import path

from senate.recruitment import views

app_name = "recruitment"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.vacancy_page, name="vacancy"),
    path("<int:pk>/description/", views.describe, name="describe"),
    path("<int:pk>/panel/", views.panel, name="panel"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/shortlist/", views.shortlist, name="shortlist"),
    path("<int:pk>/decision/", views.decide, name="decide"),
    path("<int:pk>/appoint/", views.appoint, name="appoint"),
    path("<int:pk>/applications/<int:application_id>/", views.application_page, name="application"),
    path("<int:pk>/applications/<int:application_id>/interview/", views.interview, name="interview"),
    path("<int:pk>/applications/<int:application_id>/conflict/", views.recuse, name="recuse"),
    path("vacancies/", views.open_list, name="open"),
    path("vacancies/<int:vacancy_id>/apply/", views.apply, name="apply"),
    path("applied/", views.applied, name="applied"),
    path("applied/equality-monitoring/", views.monitoring, name="monitoring"),
    path("letters/<int:letter_id>/", views.letter, name="letter"),
]
