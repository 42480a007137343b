from django.urls import path

from senate.reports.views import accuracy, assessment, framework, report

app_name = "reports"
R = "requests/<int:pk>/"
urlpatterns = [
    path("framework/", framework.framework_page, name="framework"),
    path(R, assessment.overview, name="assessment"),
    path(R + "criteria/", assessment.criteria, name="criteria"),
    path(R + "criteria/<int:criterion_id>/", assessment.criterion, name="criterion"),
    path(R + "recommendations/new/", assessment.add_recommendation, name="add_recommendation"),
    path(R + "report/", report.report, name="report"),
    path(R + "report/write/", report.write, name="write"),
    path(R + "report/v<int:version>/", report.version, name="version"),
    path(R + "report/v<int:version>.<str:fmt>", report.download, name="download"),
    path(R + "accuracy/", accuracy.accuracy_page, name="accuracy"),
    path(R + "accuracy/<int:comment_id>/answer/", accuracy.answer, name="answer"),
]
