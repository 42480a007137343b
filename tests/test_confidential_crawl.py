"""Confidential material never reaches the wrong people, found by crawling the demo Senate as each
kind of viewer. While the demo world is built, every confidential record (fieldwork notes and Council
papers among them) gets a unique marker
(`zqx<kind><pk>q`), so the copies later parts of the build make (letters, meeting declarations,
minutes) carry it too. Each viewer then follows every same-site link from / and /south-west/ (and
from a few direct addresses of confidential reviews), and no page they reach may hold the marker, or
the title, of a record they may not see. Every email queued to them is read as a page too. Each viewer
also searches for every marker they may not see, and finds none (search: permission in the query)."""

import datetime as dt
import html
import json
import re
from collections import deque

from django.contrib.auth.models import AnonymousUser
from django.db.models import CharField, F, Q, TextField, Value
from django.db.models.functions import Cast, Concat
from django.test import Client
from django.utils import timezone

from senate.accounts.models import Role, User
from senate.accounts.roles import organisations_for, roles_in
from senate.accounts.tests.factories import UserFactory, give_role
from senate.assurance.models import Submission
from senate.council.models import Minutes, Paper
from senate.council.publication import public_requests
from senate.demo import world
from senate.evidence.access import can_open
from senate.evidence.models import EvidenceItem, Fieldwork, Tier
from senate.interests.models import Attestation, DeclarationVersion
from senate.members.models import MemberProfile
from senate.organisations.models import Organisation, Senate
from senate.panels.models import PanelMember
from senate.participation.models import Witness
from senate.reports.models import ReportDraft
from senate.reports.publication import final_version
from senate.reviews.models import Recommendation, Request
from senate.search.indexing import reindex
from senate.search.query import parse
from senate.search.searching import search

TODAY = dt.date(2026, 11, 23)
ISSUED = {"issued", "published", "response_received", "follow_up", "closed"}
SENT_FOR_ACCURACY = {"factual_accuracy", "report_revised", "approved"}  # a formal review's draft, with the requester
RESTRICTED = {Tier.OFFICIAL_SENSITIVE, Tier.DRAFT}  # a report lists the titles of the other tiers' items
PAGE_LIMIT = 400
# The fewest pages each viewer must reach, so that the test cannot pass by reaching nothing.
MIN_PAGES = {"anonymous": 15, "requester": 150, "other_requester": 40, "assembly": 20, "assurance": 80}
# Material each viewer may see, (marker kind, request), which must turn up on some page they reach:
# proof that the markers reach the pages and the crawl reaches that viewer's material.
MUST_SEE = {
    "anonymous": [("decl", None), ("rec", "SW-2026-017"), ("draft", "SW-2026-017")],
    "requester": [("rec", "SW-2026-002"), ("draft", "SW-2026-002"), ("ev", "SW-2026-002"), ("bg", None)],
    "other_requester": [("ev", "SW-2026-009")],
    "assembly": [("ev", "SW-2026-015"), ("draft", "SW-2026-015")],
    "assurance": [("rec", "SW-2026-005"), ("draft", "SW-2026-005")],
}
# Direct addresses every viewer also tries: reviews at the draft report (SW-2026-014) and report revised
# (SW-2026-015) stages, where the Assembly member is seated, and the draft request (no reference).
PROBED = ["SW-2026-014", "SW-2026-015", None]
PROBES = [
    "requests/{}/",
    "requests/{}/recommendations/",
    "evidence/requests/{}/",
    "reports/requests/{}/report/",
    "panels/requests/{}/",
    "interests/requests/{}/attest/",
]
HREF = re.compile(r'href="(/[^"#]*)')


def test_no_viewer_reaches_confidential_material(db, monkeypatch):
    _build_marked_world(monkeypatch)
    senate = Senate.objects.get(slug="south-west")
    others = tuple(f"/{s}/" for s in Senate.objects.exclude(pk=senate.pk).values_list("slug", flat=True))
    probes = [f"/south-west/{probe.format(_request(ref).pk)}" for ref in PROBED for probe in PROBES]
    viewers = _viewers(senate)
    reindex()  # the world was built in the test's transaction, which never commits
    problems = []
    for name, user in viewers.items():
        pages = _crawl(user, start=["/", "/south-west/", *probes], skip=others) | _inbox(user)
        secrets = _secrets(user, senate, today=timezone.localdate())
        assert secrets, name
        if len(pages) < MIN_PAGES[name]:
            problems.append(f"{name}: reached only {len(pages)} pages (expected at least {MIN_PAGES[name]})")
        for kind, reference in MUST_SEE[name]:
            if not any(marker in text for marker in _markers(kind, reference) for text in pages.values()):
                problems.append(f"{name}: never reached the {kind} of {reference}, which they may see")
        for secret, what in secrets.items():
            if urls := [url for url, text in pages.items() if secret in text]:
                problems.append(f"{name} sees {secret!r}, {what}, at {', '.join(sorted(urls))}")
        problems += _searched(name, user, secrets)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def _searched(name, user, secrets):
    """Search as this viewer for every marker they may not see (none may be found), and for the
    material they may see (some must be, so that the search is not simply empty)."""
    problems = []
    for secret, what in secrets.items():
        if secret.startswith("zqx") and (found := search(user, parse(secret)).documents):
            problems.append(f"{name} finds {secret!r}, {what}, by searching: {', '.join(d.url for d in found)}")
    for kind, reference in MUST_SEE[name] if user else []:
        if kind != "decl" and not any(search(user, parse(m)).total for m in _markers(kind, reference)):
            problems.append(f"{name} never finds the {kind} of {reference} by searching, which they may see")
    return problems


def _request(reference):
    """A South West request by reference; None: the one still in draft."""
    found = Request.objects.filter(senate__slug="south-west")
    return found.get(reference=reference) if reference else found.get(stage="draft")


def _markers(kind, reference):
    if kind == "decl":
        return {f"zqxdecl{pk}q" for pk in DeclarationVersion.objects.values_list("pk", flat=True)}
    r = _request(reference)
    evidence = r.evidence_items.filter(tier__in=RESTRICTED)
    rows = {"rec": r.recommendations.all(), "draft": r.report_drafts.all(), "bg": [r], "ev": evidence}[kind]
    return {f"zqx{kind}{row.pk}q" for row in rows}


# --- the world, with a marker on every confidential record ---------------------------------------


def _build_marked_world(monkeypatch):
    for module in world.WORLD_PARTS:
        monkeypatch.setattr(module, "build", _marking_after(module.build))
    world.build(seed=7, today=TODAY)


def _marking_after(build):
    def wrapped(*args, **kwargs):
        _mark_all()  # before the first part too: the declarations already exist and later parts copy them
        result = build(*args, **kwargs)
        _mark_all()
        return result

    return wrapped


def _mark_all():
    _mark(DeclarationVersion.objects.all(), "nature", "decl")
    _mark(Request.objects.all(), "background", "bg")
    _mark(Recommendation.objects.all(), "text", "rec")
    _mark(EvidenceItem.objects.all(), "title", "ev")
    _mark(Minutes.objects.exclude(status=Minutes.Status.PUBLISHED), "text", "min")
    _mark(Submission.objects.all(), "summary", "pos")
    _mark(Fieldwork.objects.all(), "notes", "fw")
    _mark(Paper.objects.all(), "title", "paper")
    _mark(Witness.objects.all(), "spoke_to", "wit")
    for draft in ReportDraft.objects.all():
        marker = f" zqxdraft{draft.pk}q"
        if not any(str(text).endswith(marker) for text in draft.sections.values()):
            sections = {k: v + marker if isinstance(v, str) else v for k, v in draft.sections.items()}
            ReportDraft.objects.filter(pk=draft.pk).update(sections=sections)


def _mark(queryset, field, kind):
    """Append ' zqx<kind><pk>q' to the field of every row not yet marked (an update: some are immutable)."""
    marker = Concat(Value(f" zqx{kind}"), Cast("pk", CharField()), Value("q"), output_field=TextField())
    marked = Concat(F(field), marker, output_field=TextField())
    queryset.exclude(**{f"{field}__endswith": marker}).update(**{field: marked})


def _viewers(senate):
    demo = {local: User.objects.get(email=f"{local}@demo.senate.example") for local in ("requester", "assembly")}
    somerset = Organisation.objects.get(code="QSL")  # another ICB in the South West, with requests of its own
    other = give_role(UserFactory(full_name="Robin Otherorg"), senate, Role.REQUESTER, organisation=somerset)
    # The demo Assembly member sits on no panel: seat them on two, attested on one only.
    profile = MemberProfile.objects.get(user=demo["assembly"])
    for reference, attested in (("SW-2026-015", True), ("SW-2026-014", False)):
        request = Request.objects.get(reference=reference)
        PanelMember.objects.create(request=request, profile=profile, status=PanelMember.Status.ACCEPTED)
        if attested:
            Attestation.objects.create(request=request, profile=profile, statement="My register is up to date.")
    return {
        "anonymous": None,
        "requester": demo["requester"],
        "other_requester": other,
        "assembly": demo["assembly"],
        "assurance": User.objects.get(email="assurance@demo.senate.example"),
    }


# --- what each viewer may not see, from the database ---------------------------------------------


def _secrets(user, senate, *, today):
    """{marker or title: what it is} for everything this viewer must not see."""
    roles = roles_in(user, senate) if user else set()
    orgs = organisations_for(user, senate) if user else set()
    public = set(public_requests(senate, today=today).values_list("pk", flat=True))
    published_minutes = " ".join(
        Minutes.objects.filter(meeting__senate=senate, status=Minutes.Status.PUBLISHED).values_list("text", flat=True)
    )
    secrets = {}
    for r in Request.objects.filter(senate=senate).select_related("requesting_organisation"):
        where = f"{r.reference or 'draft request'} of {r.requesting_organisation.code} at {r.stage}"
        own = r.requesting_organisation_id in orgs or r.sponsor_organisation_id in orgs
        stage = r.stage_before_pause if r.stage == "paused" else r.stage
        seats = set(PanelMember.objects.filter(request=r, profile__user=user).values_list("status", flat=True))
        on_panel = PanelMember.Status.ACCEPTED in seats
        sees_request = own or (r.stage != "draft" and ("assurance_viewer" in roles or on_panel))
        sees_advice = (
            r.pk in public
            or on_panel
            or (own and (stage in ISSUED or (not r.is_short_path and stage in SENT_FOR_ACCURACY)))
            or ("assurance_viewer" in roles and stage in ISSUED)
        )
        # A title published in approved minutes is public; short titles could match other text.
        if not (sees_request or seats or r.pk in public) and len(r.title) >= 20 and r.title not in published_minutes:
            secrets[r.title] = f"Request.title of {where}"
        if not (sees_request or sees_advice):  # the report's background section is written from the request
            secrets[f"zqxbg{r.pk}q"] = f"Request.background of {where}"
        if not sees_advice:
            for rec in r.recommendations.all():
                secrets[f"zqxrec{rec.pk}q"] = f"Recommendation {rec.number} (text) of {where}"
        # The public read the version the Council signed off; a later version written from an earlier one
        # carries the earlier one's text (and marker) with it, and that text is then published.
        final = final_version(r)
        published = json.dumps(final.sections) if final else ""
        for draft in r.report_drafts.all():
            if not sees_advice or (user is None and draft != final and f"zqxdraft{draft.pk}q" not in published):
                secrets[f"zqxdraft{draft.pk}q"] = f"ReportDraft v{draft.version} ({draft.kind}, sections) of {where}"
        attested = Attestation.objects.filter(request=r, profile__user=user).exists() if user else False
        if not (on_panel and attested and sees_request):  # fieldwork: the Senate team and the attested panel
            for visit in r.fieldwork.all():
                secrets[f"zqxfw{visit.pk}q"] = f"Fieldwork {visit.pk} (notes) of {where}"
        # What an invited witness spoke to: the team, the Council and the panel; the requester once the
        # advice is shared (the report lists the witnesses heard), as anyone reading the published report.
        if not (sees_advice or seats & {PanelMember.Status.INVITED, PanelMember.Status.ACCEPTED}):
            for witness in r.witnesses.all():
                secrets[f"zqxwit{witness.pk}q"] = f"Witness {witness.pk} (spoke to) of {where}"
        for item in r.evidence_items.all():
            if (item.tier in RESTRICTED or not sees_advice) and not can_open(user or AnonymousUser(), item):
                secrets[f"zqxev{item.pk}q"] = f"EvidenceItem {item.pk} ({item.tier}, {item.source}, title) of {where}"
    latest_private = DeclarationVersion.objects.filter(superseded_at__isnull=True, may_publish=False)
    private = DeclarationVersion.objects.filter(
        Q(declaration__withheld=True) | Q(may_publish=False) | Q(declaration__in=latest_private.values("declaration"))
    ).exclude(declaration__profile__user=user)
    for v in private.select_related("declaration__profile__user"):
        state = "withheld" if v.declaration.withheld else "not for publication"
        secrets[f"zqxdecl{v.pk}q"] = f"DeclarationVersion {v.pk} (nature, {state}) of {v.declaration.profile.user}"
    # A party's position in honest-broker work: its party's contacts (and the Senate team) see it; once
    # shared, so do the request's other parties and the requester's contacts.
    for s in Submission.objects.filter(party__request__senate=senate).select_related("party__request"):
        request = s.party.request
        parties = set(request.parties.values_list("organisation_id", flat=True))
        own = {request.requesting_organisation_id, request.sponsor_organisation_id} & orgs
        if s.party.organisation_id not in orgs and not (s.shared_at and (own or parties & orgs)):
            secrets[f"zqxpos{s.pk}q"] = f"Submission {s.pk} ({'shared' if s.shared_at else 'private'}) of {s.party}"
    for paper in Paper.objects.filter(meeting__senate=senate):  # Council papers: the Senate team and the Council
        secrets[f"zqxpaper{paper.pk}q"] = f"Council paper {paper.pk} of {paper.meeting}"
    for minutes in Minutes.objects.filter(meeting__senate=senate).exclude(status=Minutes.Status.PUBLISHED):
        secrets[f"zqxmin{minutes.pk}q"] = f"Minutes {minutes.pk} ({minutes.status}) of {minutes.meeting}"
    return secrets


# --- the crawl -----------------------------------------------------------------------------------


def _inbox(user):
    """{"email to …: subject": text} of every email queued to this viewer: an email is a page too."""
    from senate.notifications.models import Email

    if not user:
        return {}
    return {
        f"email to {user.email}: {e.subject}": re.sub(r"\s+", " ", f"{e.subject} {e.body}")
        for e in Email.objects.filter(to=user.email)
    }


def _crawl(user, *, start, skip):
    """{url: text} of every page this viewer reaches by links from the start, breadth first.
    Left out for time: other Senates' pages (the same views; the demo's reviews are all in the South
    West) and a report version's PDF and DOCX (the same view, permission and composed document as the
    version's HTML page, which is read)."""
    client = Client()
    if user:
        client.force_login(user)
    skip = (*skip, "/account/sign-out", "/account/sign-in/?next=", "/admin/", "/static/", "//")
    pages, seen, queue = {}, set(), deque(start)
    while queue and len(pages) < PAGE_LIMIT:
        url = queue.popleft()
        if url in seen or url.startswith(skip) or url.endswith((".pdf", ".docx")):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302, 303) and response["Location"].startswith("/"):
            queue.append(response["Location"])
        if response.status_code != 200:
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        pages[url] = re.sub(r"\s+", " ", html.unescape(body.decode(errors="ignore")))
        queue.extend(html.unescape(href) for href in HREF.findall(body.decode(errors="ignore")))
    return pages
