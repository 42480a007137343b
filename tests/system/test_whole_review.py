"""Issue 14's whole review, in a browser: a NEW request goes from the requester's first page to the
public page of its published advice. Only the people and the Senate are made beforehand (accounts,
Council and Assembly members with their declarations, and the Chair's interest in the requesting
ICB); every step of the review is taken by signing in and out as the role that takes it. The Council
approves the terms of reference and ratifies the report at meetings on whose review item the Chair is
conflicted (the Vice-chair takes it); one panel member answers their invitation by email, recorded by
the Senate team. Every page visited passes axe at 1280 px and at 375 px and never scrolls sideways
on the phone."""

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.core.tests import files
from senate.council.tests.factories import make_council
from senate.interests.models import Category, Kind
from senate.interests.tests.factories import declared
from senate.members.models import MemberProfile, Profession
from senate.panels.tests.factories import member
from senate.reviews.models import Request

pytestmark = pytest.mark.browser

TITLE = "Two hyperacute stroke units for Devon"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}
TODAY = dt.date.today()


class Story:
    """One browser, signed in as whoever takes the next step. Every page it reaches is checked."""

    def __init__(self, journey):
        self.journey = journey
        self.page = journey.page
        self.base = journey.base_url
        self.pages_checked = 0

    # --- every page -------------------------------------------------------------------------
    def check(self):
        from axe_playwright_python.sync_playwright import Axe

        page = self.page
        page.wait_for_load_state()
        for size in (DESKTOP, PHONE):
            page.set_viewport_size(size)
            # The NHS header moves the items that no longer fit into "More" on the next animation frame
            # after a resize; check the page a person sees once it has, not the frame in between.
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            violations = [
                f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
                for v in Axe().run(page).response["violations"]
            ]
            assert violations == [], f"axe at {size['width']} px on {page.url}: {violations}"
            if size is PHONE:
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= PHONE["width"], f"{page.url} is {width} px wide at 375 px: {self._too_wide()}"
        page.set_viewport_size(DESKTOP)
        self.pages_checked += 1

    def _too_wide(self):
        """The innermost elements that reach past the phone's width, to say what to fix."""
        return self.page.evaluate(
            """() => [...document.querySelectorAll('main *')]
                .filter(e => e.getBoundingClientRect().right > 376 && ![...e.children].some(
                    c => c.getBoundingClientRect().right > 376))
                .slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 60))"""
        )

    def visit(self, path):
        self.page.goto(self.base + path)
        self.check()

    def sign_in_as(self, person):
        self.page.context.clear_cookies()
        self.visit("/account/sign-in/")
        self.page.get_by_label("Email address").fill(person.email)
        self.page.get_by_label("Password").fill(PASSWORD)
        self.press("Sign in")

    def sign_out(self):
        self.press("Sign out")

    # --- actions ----------------------------------------------------------------------------
    def press(self, name, *, exact=False):
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=name, exact=exact).first.click()
        self.check()

    def follow(self, name, *, exact=False):
        """A link, or a link that looks like a button (the NHS start button)."""
        page = self.page
        found = page.get_by_role("link", name=name, exact=exact).or_(page.get_by_role("button", name=name, exact=exact))
        with page.expect_navigation():
            found.first.click()
        self.check()

    def fill(self, label, text, *, within=None):
        (within or self.page).get_by_label(label, exact=True).fill(text)

    def choose(self, label, *, within=None, exact=False):
        (within or self.page).get_by_label(label, exact=exact).first.check()

    def group(self, name):
        return self.page.get_by_role("group", name=name)

    def answer(self, question, answer):
        self.choose(answer, within=self.group(question))

    def date(self, question, day):
        within = self.group(question)
        self.fill("Day", str(day.day), within=within)
        self.fill("Month", str(day.month), within=within)
        self.fill("Year", str(day.year), within=within)

    def select(self, label, option):
        """The option whose text starts with `option`."""
        box = self.page.get_by_label(label, exact=True)
        texts = [t.strip() for t in box.get_by_role("option").all_inner_texts()]
        box.select_option(label=next(t for t in texts if t.startswith(option)))

    def sees(self, text):
        expect(self.page.get_by_role("main")).to_contain_text(text)

    def act_on_request(self, request, label):
        """An act from the request's page (its buttons move the request from stage to stage)."""
        self.visit(f"/south-west/requests/{request.pk}/")
        self.press(label)


# --- the people -----------------------------------------------------------------------------
@pytest.fixture
def people(cast, senate, icb):
    """The Council (Chair, Vice-chair, four members), an Assembly pool with stroke expertise and a
    patient and public voice member; everyone has declared. The Chair is a non-executive director of
    the ICB that will ask for advice."""
    council = make_council(senate, cast)
    for key, profile in council.items():
        if key != "chair":
            declared(profile, kind=Kind.NIL)
    declared(
        council["chair"],
        category=Category.FINANCIAL,
        organisation=icb,
        organisation_name=icb.name,
        nature="Non-executive director",
    )
    declared(MemberProfile.objects.get(user=cast["assembly"]), kind=Kind.NIL)
    pool = {
        "amara": member("Amara Stroke", expertise=["stroke"]),
        "ben": member("Ben Neuro", expertise=["stroke"]),
        "pat": member("Pat Voice", profession=Profession.PPV, expertise=["stroke"]),
    }
    return cast | {key: profile.user for key, profile in (council | pool).items()}


def test_a_new_request_runs_through_the_council_to_its_published_advice(journey, people, settings):
    story = Story(journey)
    try:
        _the_whole_review(story, people)
    except Exception:
        story.page.screenshot(path="/tmp/journey-failed.png", full_page=True)
        Path("/tmp/journey-failed.html").write_text(story.page.content())
        raise


def _the_whole_review(story, who):
    request = ask_for_advice(story, who["requester"])
    triage_and_draft_terms(story, who["manager"], request)
    agree_terms(story, who["requester"], request)
    approve_terms_at_council(story, who, request)
    screen_specify_and_invite(story, who, request)
    answer_invitations(story, who, request)
    gather_evidence(story, who, request)
    judge_and_draft(story, who, request)
    factual_accuracy(story, who, request)
    ratify_at_council(story, who, request)
    issue_and_publish(story, who, request)
    read_the_public_advice(story, request)
    assert story.pages_checked > 60


# --- the steps ------------------------------------------------------------------------------
def ask_for_advice(story, requester):
    story.sign_in_as(requester)
    story.visit("/south-west/")
    story.follow("Requests", exact=True)
    story.follow("Ask for clinical advice")
    story.press("Start now")
    story.choose("Formal independent clinical review")
    story.press("Save and continue")
    story.fill("Give the request a short title", TITLE)
    story.choose("Stroke medicine")
    story.press("Save and continue")
    story.choose("NHS Devon Integrated Care Board", exact=False)
    story.fill("Which places or sites are affected?", "Exeter, Barnstaple, Torbay")
    story.press("Save and continue")
    story.choose("Stage 2: assurance checkpoint", exact=False)
    story.answer("Is a substantial variation proposed (needing scrutiny committee consultation)?", "Yes")
    story.answer("Is a significant reduction in beds proposed?", "No")
    story.answer("Is the proposal contentious, or at risk of judicial review?", "No")
    story.press("Save and continue")
    story.fill("What questions do you want the Senate to answer?", "Is two hyperacute stroke units safe?")
    story.date("Decision date you are working to", TODAY + dt.timedelta(days=200))
    story.press("Save and continue")
    story.sees("Check your answers")
    story.press("Send request")
    story.sees("Your request has been sent")
    return Request.objects.get(title=TITLE)


def triage_and_draft_terms(story, manager, request):
    story.sign_in_as(manager)
    story.visit("/south-west/requests/work-queue/")
    story.follow(request.reference)
    story.follow("Triage this request")
    story.choose("Accept")
    story.fill("Or start a new programme called", "Stroke services in Devon")
    story.press("Record decision")
    story.follow("Terms of reference", exact=True)
    story.follow("Draft the terms of reference")
    story.fill("Exclusions", "Thrombectomy, commissioned nationally.")
    story.press("Save new version")
    story.sees("Version 1 of the terms of reference saved")
    story.press("Share version 1 with the requester")
    story.act_on_request(request, "Mark terms of reference drafted")


def agree_terms(story, requester, request):
    story.sign_in_as(requester)
    story.visit(f"/south-west/requests/{request.pk}/terms/")
    story.fill("Add a comment", "Please include the ambulance service among the interviews.")
    story.press("Add comment")
    story.press("Agree the terms of reference")
    story.sees("Terms of reference agreed")


def hold_meeting(story, who, request, *, item_kind, other_business=None):
    """The manager schedules a Council meeting chaired by the Chair, puts the request on the agenda,
    records everyone present and starts it; the Chair's known conflict on the item is confirmed and
    the Chair leaves the room, so the Vice-chair takes the item."""
    story.sign_in_as(who["manager"])
    story.visit("/south-west/council/")
    story.follow("Schedule a meeting")
    story.answer("Kind of meeting", "Council meeting")
    story.date("Date", TODAY + dt.timedelta(days=1))
    story.fill("Place", "Exeter Racecourse")
    story.select("Chair of the meeting", who["chair"].full_name)
    story.press("Schedule the meeting")
    story.sees("Add the agenda items next")
    meeting_url = story.page.url
    story.follow("Add an agenda item")
    story.choose(item_kind)
    story.select("Request for advice", f"{request.reference}: {request.title}")
    story.press("Add to the agenda")
    story.sees("added to the agenda")
    if other_business:
        story.follow("Add an agenda item")
        story.choose("Other business")
        story.fill("Title", other_business)
        story.press("Add to the agenda")
    story.sees(who["chair"].full_name)  # the Chair's known conflict, shown on the agenda
    story.follow("Record attendance")
    for radio in story.page.get_by_role("radio", name="Present").all():
        radio.check()
    story.press("Save attendance")
    story.press("Start the meeting and take declarations")
    story.sees("The meeting has started")
    story.follow("Attendance and declarations")
    confirms = story.page.get_by_label(f"{who['chair'].full_name} confirms this declaration on item 1")
    expect(confirms).to_be_checked()
    story.select(f"The chair's action on {who['chair'].full_name}, item 1", "Leaves the room for the item")
    story.press("Save attendance and declarations")
    story.sees("Attendance and declarations recorded")
    story.page.goto(meeting_url)
    story.check()
    story.follow("Item 1")
    story.sees(f"{who['vice'].full_name}, Vice-chair.")  # the Chair has left the room
    return meeting_url


def approve_terms_at_council(story, who, request):
    hold_meeting(story, who, request, item_kind="Approve terms of reference")
    story.choose("Approved", within=story.group("Decision"))
    story.choose("Consensus", within=story.group("How was it decided?"), exact=False)
    story.press("Record the decision")
    story.sees("The decision on item 1 has been recorded")
    request.refresh_from_db()
    assert request.stage == "tor_approved"


def screen_specify_and_invite(story, who, request):
    story.visit(f"/south-west/interests/requests/{request.pk}/screening/")
    story.follow(who["chair"].full_name)
    for conflict in story.group("Which conflicts does this decision cover?").get_by_role("checkbox").all():
        conflict.check()
    story.choose("Exclude", within=story.group("Decision"))
    story.fill("Reason for the decision", "Non-executive director of the requesting ICB")
    story.press("Record the decision")
    story.sees(f"Your decision on {who['chair'].full_name} has been recorded")

    story.visit(f"/south-west/requests/{request.pk}/")
    story.follow("Expert panel")
    story.follow("Specify the panel")
    story.fill("Smallest panel size", "3")
    story.fill("Largest panel size", "3")
    story.select("Rule 2: expertise", "Specialty: Stroke medicine")
    story.fill("Rule 2: at least this many members", "2")
    story.answer("Must a Clinical Council member chair the panel?", "No")
    story.press("Save the specification")
    story.sees("The panel specification has been saved")
    story.press("Run the optimiser")
    for name in ("Amara Stroke", "Ben Neuro", "Pat Voice"):
        story.sees(name)
    story.press("Deploy invitations")
    story.sees("invitations sent")


def answer_invitations(story, who, request):
    for key in ("amara", "ben"):
        story.sign_in_as(who[key])
        story.visit("/south-west/panels/mine/")
        story.follow(request.title)
        story.choose("Yes, I accept")
        story.press("Send my answer")

    story.sign_in_as(who["manager"])
    story.visit(f"/south-west/panels/requests/{request.pk}/")
    story.follow("Record their answer for Pat Voice")
    story.choose("They accept")
    story.choose("By email")
    story.press("Record the answer")
    story.sees("by email")
    story.press("Record the panel as recruited")
    request.refresh_from_db()
    assert request.stage == "panel_recruited"


def gather_evidence(story, who, request):
    library = f"/south-west/evidence/requests/{request.pk}/"
    story.visit(library)
    story.follow("Ask the requester for evidence")
    story.fill("What do you need?", "Pre-consultation business case")
    story.date("Due by", TODAY + dt.timedelta(days=14))
    story.press("Send the request")

    story.sign_in_as(who["requester"])
    story.visit(library)
    story.follow("Upload")
    story.choose("Official", within=story.group("Confidentiality"), exact=True)
    with story.page.expect_file_chooser() as chooser:  # the NHS file upload: a button opens the chooser
        story.page.get_by_label("File", exact=True).click()
    chooser.value.set_files(
        {"name": "business-case.pdf", "mimeType": "application/pdf", "buffer": files.pdf(text="Business case")}
    )
    story.press("Upload", exact=True)
    story.sees("Pre-consultation business case")

    story.sign_in_as(who["manager"])
    story.act_on_request(request, "Evidence pack received")
    story.press("Start desktop review")

    story.sign_in_as(who["amara"])
    story.visit(f"/south-west/interests/requests/{request.pk}/attest/")
    story.choose("My declarations of interest are complete and up to date")
    story.answer("Do you have anything to declare for this review?", "No")
    story.press("Confirm and continue")
    story.visit(library)
    story.sees("Pre-consultation business case")


def judge_and_draft(story, who, request):
    reports = f"/south-west/reports/requests/{request.pk}/"
    story.sign_in_as(who["manager"])
    story.visit(reports + "criteria/")
    story.choose("Test 3", exact=False)
    story.press("Save the criteria")

    story.sign_in_as(who["amara"])
    story.visit(reports)
    story.follow("Test 3")
    story.choose("Supported", within=story.group("The panel's judgement"), exact=True)
    story.choose("Strong", within=story.group("Strength of the evidence"), exact=False)
    story.fill("The panel's reasoning", "Two units meet the national standard for door-to-needle times.")
    for agreed in story.page.get_by_role("radio", name="Agreed").all():
        agreed.check()
    story.press("Save the judgement")
    story.sees("The panel's judgement has been recorded (version 1)")

    story.sign_in_as(who["manager"])
    story.act_on_request(request, "Start site visits and interviews")
    story.press("Panel meeting held")
    story.visit(reports + "recommendations/new/")
    story.fill("Recommendation", "Publish travel times to each unit for every postcode.")
    story.choose("High", within=story.group("Priority"))
    story.press("Add the recommendation")
    story.visit(reports + "report/write/")
    story.choose("Supported", within=story.group("The panel's overall opinion"), exact=True)
    story.fill("Summary in plain English", "The panel supports two hyperacute stroke units for Devon.")
    story.press("Save as a new version")
    story.sees("Draft version 1 has been saved")
    story.act_on_request(request, "Draft report ready")
    story.press("Send to requester for factual accuracy check")


def factual_accuracy(story, who, request):
    accuracy = f"/south-west/reports/requests/{request.pk}/accuracy/"
    story.sign_in_as(who["requester"])
    story.visit(accuracy)
    story.select("Which section is your comment about?", "Summary")
    story.fill("Your comment", "Devon has three stroke units today, not two.")
    story.press("Send the comment")
    story.sees("Your comment has been sent to the panel")
    story.page.get_by_role("button", name="We have no more comments").scroll_into_view_if_needed()
    story.journey.screenshot("docs/user/reports-accuracy.png")  # only with SENATE_SCREENSHOTS=1
    story.press("We have no more comments")
    story.sees("The window for comments has closed")

    story.sign_in_as(who["manager"])
    story.visit(f"/south-west/reports/requests/{request.pk}/report/write/")
    story.choose("Supported", within=story.group("The panel's overall opinion"), exact=True)
    story.fill("Summary in plain English", "The panel supports going from three stroke units to two hyperacute units.")
    story.press("Save as a new version")
    story.sees("Draft version 2 has been saved")
    story.visit(accuracy)
    story.follow("Answer this comment")
    story.choose("Accepted", exact=False)
    story.choose("v2", exact=False)
    story.press("Save the answer")
    story.act_on_request(request, "Report revised after factual accuracy check")
    request.refresh_from_db()
    assert request.stage == "report_revised"


def ratify_at_council(story, who, request):
    meeting_url = hold_meeting(
        story, who, request, item_kind="Ratify a report", other_business="The Senate's work plan for next year"
    )
    story.choose("Approved", within=story.group("Decision"))
    story.choose("Vote", within=story.group("How was it decided?"), exact=False)
    story.fill("Votes for", "5")
    story.fill("Votes against", "0")
    story.fill("Abstentions", "0")
    story.press("Record the decision")
    story.sees("The decision on item 1 has been recorded")
    story.page.goto(meeting_url)
    story.check()
    story.follow("Item 2")
    story.sees("Declarations on this item")  # the Chair is not conflicted on the other business
    expect(story.page.get_by_role("main")).not_to_contain_text(who["chair"].full_name)
    request.refresh_from_db()
    assert request.stage == "approved"


def issue_and_publish(story, who, request):
    story.visit(f"/south-west/council/requests/{request.pk}/issue/")
    story.fill("Covering letter", "Please find the Senate's advice enclosed.")
    story.press("Issue the advice")
    story.sees("The advice has been issued")

    story.sign_in_as(who["requester"])
    story.visit(f"/south-west/council/requests/{request.pk}/publication/")
    story.fill("Permission given by", who["requester"].full_name)
    story.press("Record permission to publish")
    story.sees("Permission to publish has been recorded")
    story.sign_out()


def read_the_public_advice(story, request):
    story.visit("/south-west/council/public/")
    story.follow(TITLE)
    story.sees("Publish travel times to each unit for every postcode.")
    assert re.search(r"/public/advice/\d+/$", story.page.url)
    story.journey.screenshot("docs/user/public-advice.png")  # only with SENATE_SCREENSHOTS=1
