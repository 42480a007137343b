"""The pages the page benchmark measures (issue 19), and the URL patterns it leaves out with the reason.

Every named URL pattern of Senate (but Django's admin and the API's OpenAPI views) is either in PAGES
or in EXCLUDED: `tests/test_bench_pages.py` fails when one is neither, so a new page is added here
when it is added to an app's urls.py. The same list drives the query-count test of every HTML page
(`tests/test_query_counts_every_page.py`: the count must not grow with the data).

A page names its URL pattern, the demo account that opens it (`anonymous` for nobody signed in) and,
when its address names records, how to find them in a world built by `senate demo` (a function run
inside Django that returns the URL's arguments; `<senate>` is the demo Senate unless it says otherwise).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SENATE = "south-west"
DEMO = "@demo.senate.example"

Finder = Callable[[], dict[str, Any]]


@dataclass(frozen=True)
class Page:
    name: str  # the URL pattern's name, namespace:name
    role: str  # the demo account (email local part) that opens it, or "anonymous"
    find: Finder | None = None  # the URL's arguments other than <senate>
    query: str = ""  # added after "?"
    kind: str = "html"  # html, csv, pdf, docx, xlsx, atom, json, file
    heavy: bool = False  # also measured under 8 concurrent clients
    cached: bool = False  # a document kept once made (report PDF): its own target
    note: str = ""

    @property
    def label(self) -> str:
        kind = "" if self.kind == "html" else f" {self.kind}"
        return f"{self.name} ({self.role}){kind}{' ?' + self.query if self.query else ''}"


# --- finders: run inside Django on a demo world -------------------------------------------------


def _requests(**filters: Any) -> Any:
    from senate.reviews.models import Request

    return Request.objects.filter(senate__slug=SENATE, **filters).exclude(stage="draft").order_by("pk")


def _first(queryset: Any, what: str) -> Any:
    found = queryset.first()
    if found is None:
        raise LookupError(f"the world has no {what}")
    return found


def request_pk(**filters: Any) -> Finder:
    def find() -> dict[str, Any]:
        return {"pk": _first(_requests(**filters).values_list("pk", flat=True), f"request with {filters}")}

    return find


def only(finder: Finder, *keys: str) -> Finder:
    return lambda: {k: v for k, v in finder().items() if k in keys}


def _profile(account: str) -> Any:
    from senate.members.models import MemberProfile

    return MemberProfile.objects.get(user__email=f"{account}{DEMO}")


def member_profile() -> dict[str, Any]:
    return {"profile_id": _profile("council").pk}


def council_membership() -> dict[str, Any]:
    profile = _profile("council")
    return {"profile_id": profile.pk, "membership_id": _first(profile.memberships.order_by("pk"), "membership").pk}


def own_membership() -> dict[str, Any]:
    return {"membership_id": council_membership()["membership_id"]}


def own_declaration() -> dict[str, Any]:
    from senate.interests.queries import own_declarations

    found = [d for d in own_declarations(_profile("chair")) if d.kind != "nil"]
    if not found:
        raise LookupError("the world has no declared interest of the Chair")
    return {"pk": found[0].pk}


def screening_member() -> dict[str, Any]:
    return {**request_pk(stage="accepted")(), "profile_id": _profile("council").pk}


def panel_request() -> dict[str, Any]:
    return {"pk": _first(_requests(panel_spec__isnull=False).values_list("pk", flat=True), "panel specification")}


def panel_seat() -> dict[str, Any]:
    from senate.panels.models import PanelMember

    seat = _first(PanelMember.objects.filter(request__senate__slug=SENATE).order_by("pk"), "panel seat")
    return {"pk": seat.request_id, "seat_pk": seat.pk}


def optimiser_run() -> dict[str, Any]:
    from senate.panels.models import OptimiserRun

    return {"pk": _first(OptimiserRun.objects.filter(senate__slug=SENATE).order_by("-pk"), "optimiser run").pk}


def invitation() -> dict[str, Any]:
    from senate.panels.models import PanelMember

    found = PanelMember.objects.filter(profile__user__email=f"council{DEMO}", request__senate__slug=SENATE)
    return {"pk": _first(found.order_by("-pk"), "invitation of the council member").pk}


def evidence_item() -> dict[str, Any]:
    from senate.evidence.models import EvidenceItem

    item = _first(
        EvidenceItem.objects.filter(request__senate__slug=SENATE, versions__isnull=False).order_by("pk"),
        "evidence item",
    )
    return {"pk": item.request_id, "item_id": item.pk}


def bed_model() -> dict[str, Any]:
    from senate.beds.models import BedModel

    model = _first(BedModel.objects.filter(request__senate__slug=SENATE).order_by("pk"), "bed model")
    return {"pk": model.request_id, "model_id": model.pk}


def report_request() -> dict[str, Any]:
    return {"pk": _first(_requests(report_drafts__isnull=False).values_list("pk", flat=True), "report draft")}


def criterion() -> dict[str, Any]:
    from senate.reports.models import ReviewCriterion

    found = ReviewCriterion.objects.filter(request__senate__slug=SENATE).order_by("pk")
    chosen = _first(found, "review criterion")
    return {"pk": chosen.request_id, "criterion_id": chosen.criterion_id}


def report_version(fmt: str = "") -> Finder:
    def find() -> dict[str, Any]:
        from senate.reports.models import ReportDraft

        draft = _first(ReportDraft.objects.filter(request__senate__slug=SENATE).order_by("pk"), "report draft")
        return {"pk": draft.request_id, "version": draft.version, **({"fmt": fmt} if fmt else {})}

    return find


def responded_recommendation() -> dict[str, Any]:
    from senate.reviews.models import Recommendation

    found = (
        Recommendation.objects.filter(request__senate__slug=SENATE, responses__isnull=False).order_by("pk").distinct()
    )
    chosen = _first(found, "recommendation with a response")
    return {"pk": chosen.request_id, "number": chosen.number}


def accuracy_request() -> dict[str, Any]:
    return {"pk": _first(_requests(accuracy_rounds__isnull=False).values_list("pk", flat=True), "accuracy round")}


def meeting() -> dict[str, Any]:
    from senate.council.models import Meeting

    return {"pk": _first(Meeting.objects.filter(senate__slug=SENATE, items__isnull=False).order_by("pk"), "meeting").pk}


def meeting_item() -> dict[str, Any]:
    from senate.council.models import AgendaItem

    item = _first(AgendaItem.objects.filter(meeting__senate__slug=SENATE).order_by("pk"), "agenda item")
    return {"pk": item.meeting_id, "number": item.number}


def published_request() -> dict[str, Any]:
    from django.utils import timezone

    from senate.council.publication import published_advice

    found = published_advice(today=timezone.localdate()).filter(senate__slug=SENATE).order_by("pk")
    return {"pk": _first(found.values_list("pk", flat=True), "published advice")}


def public_minutes() -> dict[str, Any]:
    from senate.council.models import Minutes

    found = Minutes.objects.filter(meeting__senate__slug=SENATE, status="published").order_by("pk")
    return {"pk": _first(found, "published minutes").pk}


def issued_anywhere() -> dict[str, Any]:
    from senate.reviews.models import Request

    found = _first(Request.objects.filter(stage="issued").select_related("senate").order_by("pk"), "issued advice")
    return {"senate": found.senate.slug, "pk": found.pk}


def plan_item() -> dict[str, Any]:
    from senate.programme.models import PlanItem

    return {"pk": _first(PlanItem.objects.filter(senate__slug=SENATE).order_by("pk"), "plan item").pk}


def requester_issued() -> dict[str, Any]:
    return request_pk(stage__in=["issued", "follow_up", "closed"], created_by__email=f"requester{DEMO}")()


def vacancy() -> dict[str, Any]:
    from senate.recruitment.models import Vacancy

    found = Vacancy.objects.filter(senate__slug=SENATE, applications__isnull=False).order_by("pk")
    return {"pk": _first(found, "vacancy with applications").pk}


def open_vacancy() -> dict[str, Any]:
    from senate.recruitment.models import Vacancy

    found = Vacancy.objects.filter(senate__slug=SENATE, stage="open").order_by("pk")
    return {"vacancy_id": _first(found, "open vacancy").pk}


def application() -> dict[str, Any]:
    from senate.recruitment.models import Application

    found = _first(Application.objects.filter(vacancy__senate__slug=SENATE).order_by("pk"), "application")
    return {"pk": found.vacancy_id, "application_id": found.pk}


def claim() -> dict[str, Any]:
    from senate.participation.models import Claim

    found = Claim.objects.filter(senate__slug=SENATE).order_by("pk")
    return {"claim_id": _first(found, "claim").pk}


def development() -> dict[str, Any]:
    from senate.participation.models import Development

    return {"development_id": _first(Development.objects.filter(senate__slug=SENATE).order_by("pk"), "offer").pk}


def witness() -> dict[str, Any]:
    from senate.participation.models import Witness

    found = _first(Witness.objects.filter(request__senate__slug=SENATE).order_by("pk"), "witness")
    return {"pk": found.request_id, "witness_id": found.pk}


def witness_request() -> dict[str, Any]:
    return {"pk": witness()["pk"]}


def broker_request() -> dict[str, Any]:
    return {"pk": _first(_requests(parties__isnull=False).values_list("pk", flat=True), "honest-broker request")}


def joint_request() -> dict[str, Any]:
    return {"pk": _first(_requests(partners__isnull=False).values_list("pk", flat=True), "joint review")}


def programme() -> dict[str, Any]:
    from senate.reviews.models import Programme

    return {"programme_id": _first(Programme.objects.filter(senate__slug=SENATE).order_by("pk"), "programme").pk}


def role_of_council() -> dict[str, Any]:
    from senate.accounts.models import RoleAssignment

    found = RoleAssignment.objects.filter(user__email=f"council{DEMO}").order_by("pk")
    return {"profile_id": _profile("council").pk, "role_id": _first(found, "role").pk}


ANY = request_pk()  # the demo Senate's first request past its draft
ACCEPTED = request_pk(stage__in=["accepted", "tor_drafted", "tor_agreed", "tor_approved"])
ISSUED = request_pk(stage="issued")

# --- the pages ---------------------------------------------------------------------------------

PAGES: list[Page] = [
    # the trivial page, every ratio's reference
    Page("core:accessibility", "manager", note="the trivial page"),
    Page("core:accessibility", "anonymous"),
    Page("core:health", "anonymous", kind="text"),
    Page("front:home", "anonymous"),
    Page("organisations:senate_home", "manager", heavy=True, note="the front page: What needs you"),
    Page("organisations:senate_home", "chair"),
    Page("organisations:senate_home", "council"),
    Page("organisations:senate_home", "requester"),
    Page("organisations:senate_home", "anonymous"),
    Page("organisations:organisation_list", "anonymous"),
    Page("organisations:audit_trail", "manager"),
    Page("accounts:sign_in", "anonymous"),
    Page("accounts:password_reset", "anonymous"),
    Page("accounts:password_reset_sent", "anonymous"),
    Page("accounts:password_reset_complete", "anonymous"),
    Page("accounts:api_tokens", "manager"),
    Page("profile:view", "council"),
    Page("profile:edit", "council"),
    Page("declarations:list", "council"),
    Page("declarations:new", "council"),
    Page("declarations:new_gift", "council"),
    Page("declarations:new_hospitality", "council"),
    Page("declarations:nil", "council"),
    Page("declarations:history", "chair", own_declaration),
    Page("declarations:change", "chair", own_declaration),
    Page("declarations:end", "chair", own_declaration),
    Page("organisation_search:search", "manager", query="q=Devon"),
    Page("search:search", "manager", query="q=stroke+services"),
    Page("search:search", "anonymous", query="q=stroke+services"),
    Page("search:similar", "manager", ANY),
    # national
    Page("national:home", "national"),
    Page("national:assurance", "national"),
    Page("national:advice_log", "anonymous"),
    Page("national:advice_log_csv", "anonymous", kind="csv"),
    Page("national:advice_log_feed", "anonymous", kind="atom"),
    Page("national:issued", "national", issued_anywhere),
    Page("national_statistics:dashboard", "national"),
    Page("national_statistics:download", "national", query="table=requests-by-kind&format=csv", kind="csv"),
    # members
    Page("members:directory", "manager", heavy=True),
    Page("members:coverage", "manager"),
    Page("members:detail", "manager", member_profile),
    Page("members:appoint", "manager", member_profile),
    Page("members:give_role", "manager", member_profile),
    Page("members:change_term", "manager", council_membership),
    Page("members:end_membership", "manager", council_membership),
    # interests
    Page("interests:register", "anonymous"),
    Page("interests:register_csv", "anonymous", kind="csv"),
    Page("interests:due", "manager"),
    Page("interests:register_admin", "manager"),
    Page("interests:conflict_policy", "manager"),
    Page("interests:screening", "manager", ACCEPTED),
    Page("interests:screen_member", "manager", screening_member),
    # recruitment
    Page("recruitment:index", "manager"),
    Page("recruitment:new", "manager"),
    Page("recruitment:vacancy", "manager", vacancy),
    Page("recruitment:describe", "manager", vacancy),
    Page("recruitment:panel", "manager", vacancy),
    Page("recruitment:shortlist", "manager", vacancy),
    Page("recruitment:decide", "manager", vacancy),
    Page("recruitment:application", "manager", application),
    Page("recruitment:interview", "manager", application),
    Page("recruitment:open", "anonymous"),
    Page("recruitment:apply", "anonymous", open_vacancy),
    Page("recruitment:applied", "anonymous"),
    # reviews
    Page("reviews:list", "manager"),
    Page("reviews:list", "requester"),
    Page("reviews:new", "requester"),
    Page("reviews:work_queue", "manager"),
    Page("reviews:service_levels", "manager"),
    Page("reviews:programme", "manager", programme),
    Page("reviews:detail", "manager", ACCEPTED, heavy=True, note="the request page"),
    Page("reviews:detail", "requester", request_pk(created_by__email=f"requester{DEMO}")),
    Page("reviews:triage", "manager", request_pk(stage="received")),
    Page("reviews:history", "manager", ANY),
    Page("reviews:terms", "manager", ACCEPTED),
    Page("reviews:edit_terms", "manager", ACCEPTED),
    Page("reviews:recommendations", "manager", ISSUED),
    Page("reviews:implementation", "manager", responded_recommendation),
    Page("reviews:joint", "manager", joint_request),
    # assurance
    Page("assurance:across", "manager"),
    Page("assurance:across", "assurance"),
    Page("assurance:request", "manager", ANY),
    Page("assurance:record_step", "manager", ANY),
    Page("assurance:edit_context", "manager", ANY),
    Page("assurance:record_engagement", "manager", ANY),
    Page("assurance:broker", "manager", broker_request),
    Page("assurance:add_party", "manager", broker_request),
    Page("assurance:record_session", "manager", broker_request),
    Page("assurance:record_point", "manager", broker_request),
    Page("assurance:write_statement", "manager", broker_request),
    # evidence
    Page("evidence:library", "manager", ACCEPTED),
    Page("evidence:ask", "manager", ACCEPTED),
    Page("evidence:upload", "manager", ACCEPTED),
    Page("evidence:item", "manager", evidence_item),
    Page("evidence:access_log", "manager", only(evidence_item, "pk")),
    Page("evidence:fieldwork", "manager", ACCEPTED),
    Page("evidence:record_fieldwork", "manager", ACCEPTED),
    Page("evidence:papers", "manager", ACCEPTED),
    # panels
    Page("panels:panel", "manager", panel_request),
    Page("panels:spec", "manager", panel_request),
    Page("panels:candidates", "manager", panel_request),
    Page("panels:record_answer", "manager", panel_seat),
    Page("panels:run_detail", "manager", optimiser_run),
    Page("panels:loans", "manager"),
    Page("panels:invitation", "council", invitation),
    Page("panels:mine", "council"),
    # beds
    Page("beds:list", "manager", only(bed_model, "pk")),
    Page("beds:new", "manager", only(bed_model, "pk")),
    Page("beds:detail", "manager", bed_model),
    Page("beds:baseline", "manager", bed_model),
    Page("beds:proposal", "manager", bed_model),
    Page("beds:scenario", "manager", bed_model),
    Page("beds:progress", "manager", bed_model),
    # reports
    Page("reports:framework", "manager"),
    Page("reports:assessment", "manager", report_request),
    Page("reports:criteria", "manager", report_request),
    Page("reports:criterion", "manager", criterion),
    Page("reports:add_recommendation", "manager", report_request),
    Page("reports:report", "manager", report_request),
    Page("reports:write", "manager", report_request),
    Page("reports:version", "manager", report_version()),
    Page("reports:download", "manager", report_version("pdf"), kind="pdf", cached=True),
    Page("reports:download", "manager", report_version("docx"), kind="docx"),
    Page("reports:accuracy", "manager", accuracy_request),
    # council
    Page("council:meetings", "manager"),
    Page("council:meeting_new", "manager"),
    Page("council:quorum", "manager"),
    Page("council:actions", "manager"),
    Page("council:meeting", "manager", meeting),
    Page("council:item_new", "manager", meeting),
    Page("council:paper_new", "manager", meeting),
    Page("council:attendance", "manager", meeting),
    Page("council:declarations", "manager", meeting),
    Page("council:decide", "manager", meeting_item),
    Page("council:minutes", "manager", meeting),
    Page("council:meeting_actions", "manager", meeting),
    Page("council:issue", "manager", request_pk(stage="approved")),
    Page("council:publication", "manager", ISSUED),
    Page("council:public", "anonymous"),
    Page("council:public_report", "anonymous", published_request),
    Page("council:public_report_document", "anonymous", published_request),
    Page("council:public_report_pdf", "anonymous", published_request, kind="pdf"),
    Page("council:public_minutes", "anonymous", public_minutes),
    # programme
    Page("programme:plan", "manager"),
    Page("programme:open_topic", "manager"),
    Page("programme:add_item", "manager"),
    Page("programme:weights", "manager"),
    Page("programme:item", "manager", plan_item),
    Page("programme:score", "manager", plan_item),
    Page("programme:edit_item", "manager", plan_item),
    Page("programme:feedback", "requester", requester_issued),
    Page("programme:board_decision", "requester", requester_issued),
    Page("programme:impact", "manager", ISSUED),
    # participation
    Page("participation:overview", "manager"),
    Page("participation:renewal", "manager", council_membership),
    Page("participation:induction", "manager"),
    Page("participation:member_record", "manager", member_profile),
    Page("participation:member_statement", "manager", member_profile, kind="pdf"),
    Page("participation:claims", "manager"),
    Page("participation:decide_claim", "manager", claim),
    Page("participation:claims_csv", "manager", kind="csv"),
    Page("participation:rates", "manager"),
    Page("participation:development", "manager"),
    Page("participation:offer", "manager", development),
    Page("participation:witnesses", "manager", witness_request),
    Page("participation:new_witness", "manager", witness_request),
    Page("participation:witness", "manager", witness),
    Page("participation:decide_witness", "manager", witness),
    Page("participation:mine", "council"),
    Page("participation:wish", "council", own_membership),
    Page("participation:step_down", "council", own_membership),
    Page("participation:statement", "council", kind="pdf"),
    Page("participation:new_claim", "council"),
    Page("participation:formats", "council"),
    Page("participation:interest", "council"),
    # bundles and statistics
    Page("bundles:bundle", "manager", ISSUED),
    Page("statistics:dashboard", "manager"),
    Page("statistics:download", "manager", query="table=requests-by-quarter&format=csv", kind="csv"),
    Page("statistics:annual", "manager"),
    Page("statistics:annual_document", "manager", query="format=pdf", kind="pdf"),
]

POST_ONLY = "a button's action (POST): nothing to show on GET"
EXCLUDED: dict[str, str] = {
    "accounts:sign_out": POST_ONLY,
    "accounts:revoke_api_token": POST_ONLY,
    "accounts:password_reset_confirm": "reached only by the one-time link in a password-reset email",
    "declarations:confirm": POST_ONLY,
    "members:withdraw_role": "a confirmation of one act on one role; the member's page it comes from is measured",
    "interests:send_reminders": POST_ONLY,
    "interests:withhold": "a confirmation for one declaration on the register's management page, which is measured",
    "interests:publish": POST_ONLY,
    "interests:dismiss": POST_ONLY,
    "interests:attest": "a Council member's attestation form for one request, only while screening is open",
    "recruitment:close": POST_ONLY,
    "recruitment:appoint": POST_ONLY,
    "recruitment:recuse": POST_ONLY,
    "recruitment:letter": "the appointment letter PDF, only for the person appointed",
    "recruitment:monitoring": "the equality form reached only straight after applying (kept in the session)",
    "reviews:edit": "a draft's form steps, only for the requester while the request is a draft",
    "reviews:check": "a draft's check-your-answers page, only for the requester while the request is a draft",
    "reviews:act": POST_ONLY,
    "reviews:share_terms": POST_ONLY,
    "reviews:joint_invite": POST_ONLY,
    "reviews:joint_answer": "a partner Senate's answer to an invitation, only for that Senate's manager",
    "reviews:joint_comment": POST_ONLY,
    "reviews:respond": "the requester's response to one recommendation, only while responses are open",
    "assurance:set_deadline": POST_ONLY,
    "assurance:share": POST_ONLY,
    "assurance:submit_position": "a party's position form, only for the requester while brokering is open",
    "assurance:confirm": POST_ONLY,
    "panels:run": POST_ONLY,
    "panels:choose": POST_ONLY,
    "panels:invite": POST_ONLY,
    "panels:request_loan": POST_ONLY,
    "panels:withdraw": POST_ONLY,
    "panels:set_role": POST_ONLY,
    "panels:recruited": POST_ONLY,
    "panels:deploy": POST_ONLY,
    "panels:decide_loan": "a loan asked of the Senate: the demo world's one loan is asked of another Senate",
    "panels:add_absence": POST_ONLY,
    "panels:remove_absence": POST_ONLY,
    "beds:run": POST_ONLY,
    "beds:rely": POST_ONLY,
    "reports:answer": "the answer form to one factual-accuracy comment, only while the round is open",
    "council:start": POST_ONLY,
    "evidence:download": "a file kept where the world was built (MEDIA_ROOT): a copied world has its records, not its files",
    "council:paper_file": "a Council paper's file: the demo world circulates no papers (evidence:download is measured)",
    "council:confirm": POST_ONLY,
    "council:declaration_action": POST_ONLY,
    "council:acting_chair": POST_ONLY,
    "council:confirm_changes": "the Chair's confirmation of changes to one decision, only after a conditional decision",
    "council:minutes_draft": POST_ONLY,
    "council:minutes_approve": POST_ONLY,
    "council:minutes_publish": POST_ONLY,
    "council:action_done": POST_ONLY,
    "council:follow_up_letter": POST_ONLY,
    "council:record_publication": POST_ONLY,
    "programme:finish_topic": POST_ONLY,
    "participation:start_induction": POST_ONLY,
    "participation:complete_step": POST_ONLY,
    "participation:answer_offer": POST_ONLY,
}
# Whole families left out, by the start of their name.
EXCLUDED_PREFIXES: dict[str, str] = {
    "admin:": "Django's admin, for system administrators only (Django's own pages)",
    "api:": "the REST API (JSON, a token per caller): bench/load and the API's own tests; not in this page list",
}


# --- where each page is, in a given world ---------------------------------------------------------


def url_of(page: Page) -> str:
    """The page's address in the world in the database (inside Django). LookupError if a record is missing."""
    from django.urls import NoReverseMatch, reverse

    kwargs = page.find() if page.find else {}
    try:
        url = reverse(page.name, kwargs={"senate": SENATE, **kwargs})
    except NoReverseMatch:
        url = reverse(page.name, kwargs=kwargs)
    return f"{url}?{page.query}" if page.query else url


def resolve(pages: list[Page] | None = None) -> list[dict[str, Any]]:
    """Each page's address, or the reason it cannot be found, as the benchmark reads it (JSON-friendly)."""
    found = []
    for page in pages if pages is not None else PAGES:
        about = {"label": page.label, "role": page.role, "kind": page.kind, "heavy": page.heavy, "cached": page.cached}
        try:
            found.append({**about, "url": url_of(page), "problem": ""})
        except Exception as error:  # noqa: BLE001 - a page whose records cannot be found is reported, not fatal
            found.append({**about, "url": "", "problem": f"{type(error).__name__}: {error}"})
    return found


if __name__ == "__main__":  # run by bench/pages/run.py with the database's settings: print every address
    import json
    import os
    import re
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    django.setup()
    pattern = sys.argv[1] if len(sys.argv) > 1 else ""  # only the pages whose label matches
    print(json.dumps(resolve([p for p in PAGES if re.search(pattern, p.label)])))
