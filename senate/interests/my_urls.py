from django.urls import path

from senate.interests.views import own

app_name = "declarations"
urlpatterns = [
    path("", own.declarations, name="list"),
    path("new/", own.declare, {"kind": "interest"}, name="new"),
    path("new/gift/", own.declare, {"kind": "gift"}, name="new_gift"),
    path("new/hospitality/", own.declare, {"kind": "hospitality"}, name="new_hospitality"),
    path("nil-return/", own.nil_return, name="nil"),
    path("confirm/", own.confirm, name="confirm"),
    path("<int:pk>/", own.history, name="history"),
    path("<int:pk>/change/", own.change, name="change"),
    path("<int:pk>/end/", own.end, name="end"),
]
