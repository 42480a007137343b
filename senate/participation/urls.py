from django.urls import path

from senate.participation import member_views as mine
from senate.participation import team_views as team
from senate.participation import witness_views as heard

app_name = "participation"
MEMBERSHIP = "<int:profile_id>/memberships/<int:membership_id>"
urlpatterns = [
    path("", team.overview, name="overview"),
    path(f"renewals/{MEMBERSHIP}/", team.renewal, name="renewal"),
    path(f"induction/{MEMBERSHIP}/start/", team.begin_induction, name="start_induction"),
    path("induction/", team.induction_overview, name="induction"),
    path("members/<int:profile_id>/", team.member_record, name="member_record"),
    path("members/<int:profile_id>/statement.pdf", team.member_statement, name="member_statement"),
    path("claims/", team.claim_list, name="claims"),
    path("claims/<int:claim_id>/", team.decide_claim, name="decide_claim"),
    path("claims/approved.csv", team.claims_csv, name="claims_csv"),
    path("claims/rates/", team.rates, name="rates"),
    path("development/", team.development_list, name="development"),
    path("development/<int:development_id>/offer/", team.make_offer, name="offer"),
    path("requests/<int:pk>/witnesses/", heard.witness_list, name="witnesses"),
    path("requests/<int:pk>/witnesses/new/", heard.new_witness, name="new_witness"),
    path("requests/<int:pk>/witnesses/<int:witness_id>/", heard.witness_page, name="witness"),
    path("requests/<int:pk>/witnesses/<int:witness_id>/decide/", heard.decide_witness, name="decide_witness"),
    path("mine/", mine.mine, name="mine"),
    path("mine/memberships/<int:membership_id>/continue/", mine.wish, name="wish"),
    path("mine/memberships/<int:membership_id>/step-down/", mine.step_down, name="step_down"),
    path("mine/induction/<int:step_id>/complete/", mine.complete_step, name="complete_step"),
    path("mine/statement.pdf", mine.statement, name="statement"),
    path("mine/claims/new/", mine.new_claim, name="new_claim"),
    path("mine/formats/", mine.set_formats, name="formats"),
    path("mine/development/", mine.express_interest, name="interest"),
    path("mine/development/<int:development_id>/answer/", mine.answer_offer, name="answer_offer"),
]
