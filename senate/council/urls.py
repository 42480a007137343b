from django.urls import path

from senate.council.views import conduct, meetings, minutes, publication, ratify

app_name = "council"
urlpatterns = [
    path("", meetings.meeting_list, name="meetings"),
    path("new/", meetings.meeting_new, name="meeting_new"),
    path("quorum/", meetings.quorum_rules, name="quorum"),
    path("actions/", meetings.action_log, name="actions"),
    path("actions/<int:action_id>/done/", minutes.action_done, name="action_done"),
    path("<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("<int:pk>/items/new/", meetings.item_new, name="item_new"),
    path("<int:pk>/papers/new/", meetings.paper_new, name="paper_new"),
    path("<int:pk>/papers/<int:paper_id>/", meetings.paper_file, name="paper_file"),
    path("<int:pk>/attendance/", meetings.attendance, name="attendance"),
    path("<int:pk>/start/", conduct.start, name="start"),
    path("<int:pk>/declarations/", conduct.declarations_page, name="declarations"),
    path("<int:pk>/declarations/<int:declaration_id>/confirm/", conduct.confirm, name="confirm"),
    path("<int:pk>/declarations/<int:declaration_id>/action/", conduct.declaration_action, name="declaration_action"),
    path("<int:pk>/items/<int:number>/", conduct.decide, name="decide"),
    path("<int:pk>/items/<int:number>/acting-chair/", conduct.acting_chair, name="acting_chair"),
    path("<int:pk>/items/<int:number>/confirm-changes/", ratify.confirm_changes, name="confirm_changes"),
    path("<int:pk>/minutes/", minutes.minutes_page, name="minutes"),
    path("<int:pk>/minutes/draft/", minutes.minutes_draft, name="minutes_draft"),
    path("<int:pk>/minutes/approve/", minutes.minutes_approve, name="minutes_approve"),
    path("<int:pk>/minutes/publish/", minutes.minutes_publish, name="minutes_publish"),
    path("<int:pk>/actions/", minutes.meeting_actions, name="meeting_actions"),
    path("requests/<int:pk>/issue/", publication.issue, name="issue"),
    path("requests/<int:pk>/publication/", publication.publication_page, name="publication"),
    path("requests/<int:pk>/publication/letter/", publication.follow_up_letter, name="follow_up_letter"),
    path("requests/<int:pk>/publication/record/", publication.record_publication, name="record_publication"),
    path("public/", publication.public_page, name="public"),
    path("public/advice/<int:pk>/", publication.public_report, name="public_report"),
    path("public/advice/<int:pk>/report/", publication.public_report_document, name="public_report_document"),
    path("public/advice/<int:pk>/report.pdf", publication.public_report_pdf, name="public_report_pdf"),
    path("public/minutes/<int:pk>/", publication.public_minutes, name="public_minutes"),
]
