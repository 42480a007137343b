from django.urls import path

from senate.reviews.views import history, intake, joint_pages, recommendations, requests, settings_pages, terms_pages

app_name = "reviews"
urlpatterns = [
    path("", requests.request_list, name="list"),
    path("new/", intake.new_request, name="new"),
    path("work-queue/", requests.work_queue, name="work_queue"),
    path("service-levels/", settings_pages.service_levels, name="service_levels"),
    path("programmes/<int:programme_id>/", requests.programme, name="programme"),
    path("<int:pk>/", requests.detail, name="detail"),
    path("<int:pk>/edit/<slug:step>/", intake.edit_step, name="edit"),
    path("<int:pk>/check/", intake.check_answers, name="check"),
    path("<int:pk>/triage/", requests.triage, name="triage"),
    path("<int:pk>/history/", history.request_history, name="history"),
    path("<int:pk>/act/<slug:name>/", requests.act, name="act"),
    path("<int:pk>/terms/", terms_pages.terms_page, name="terms"),
    path("<int:pk>/terms/edit/", terms_pages.edit_terms, name="edit_terms"),
    path("<int:pk>/terms/share/", terms_pages.share_terms, name="share_terms"),
    path("<int:pk>/joint/", joint_pages.joint_page, name="joint"),
    path("<int:pk>/joint/invite/", joint_pages.invite, name="joint_invite"),
    path("<int:pk>/joint/answer/", joint_pages.answer, name="joint_answer"),
    path("<int:pk>/joint/comment/", joint_pages.comment, name="joint_comment"),
    path("<int:pk>/recommendations/", recommendations.recommendations, name="recommendations"),
    path("<int:pk>/recommendations/<int:number>/respond/", recommendations.respond, name="respond"),
    path(
        "<int:pk>/recommendations/<int:number>/implementation/",
        recommendations.implementation,
        name="implementation",
    ),
]
