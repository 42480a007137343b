from django.urls import path

from senate.evidence.views import fieldwork, library

app_name = "evidence"
urlpatterns = [
    path("requests/<int:pk>/", library.library_page, name="library"),
    path("requests/<int:pk>/ask/", library.ask, name="ask"),
    path("requests/<int:pk>/add/", library.upload, name="upload"),
    path("requests/<int:pk>/items/<int:item_id>/", library.item_page, name="item"),
    path(
        "requests/<int:pk>/items/<int:item_id>/versions/<int:number>/download/",
        library.download,
        name="download",
    ),
    path("requests/<int:pk>/access-log/", library.access_log, name="access_log"),
    path("requests/<int:pk>/fieldwork/", fieldwork.fieldwork_page, name="fieldwork"),
    path("requests/<int:pk>/fieldwork/record/", fieldwork.record, name="record_fieldwork"),
    path("requests/<int:pk>/fieldwork/papers/", fieldwork.papers, name="papers"),
]
