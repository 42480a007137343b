"""Given an Assembly with no public health member, when the manager opens a vacancy from that gap, a
member of the public applies, the panel scores on their own, the manager decides and appoints, then the
new member sets their password, signs in, sees their membership, starts the induction that began with
their appointment and downloads their statement of participation (issue 16, done when)."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.notifications.models import Email
from senate.recruitment import selection
from senate.recruitment.models import Vacancy
from senate.recruitment.tests.factories import score_all

pytestmark = pytest.mark.browser


def _date(page, legend, day):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _score(journey, page, email, name):
    page.context.clear_cookies()
    journey.sign_in(email, PASSWORD)
    journey.go(f"/south-west/recruitment/{Vacancy.objects.get().pk}/")
    page.get_by_role("link", name=re.compile(name)).click()
    for group in page.get_by_role("group").all():
        group.get_by_label("3").check()
    page.get_by_role("button", name="Submit my score").click()
    expect(page.get_by_text("Your score is submitted")).to_be_visible()
    journey.check_accessibility()


def test_a_vacancy_from_a_coverage_gap_to_an_appointed_member(journey, cast):
    today = dt.date.today()
    page = journey.page
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go("/south-west/members/coverage/")
    page.get_by_role("link", name="Propose vacancies").click()
    journey.check_accessibility()
    page.get_by_role("link", name=re.compile("No current Assembly member covers public health")).click()
    journey.check_accessibility()
    page.get_by_label("Role description").fill("Brings public health expertise to the Senate's reviews.")
    page.get_by_label("Criteria applications will be judged on").fill(
        "Knowledge of population health\nWorking across organisations"
    )
    _date(page, "Term starts", today + dt.timedelta(days=60))
    _date(page, "Term ends", today + dt.timedelta(days=60 + 3 * 365))
    page.get_by_label("Time commitment").fill("1 day a month")
    _date(page, "Closing date for applications", today + dt.timedelta(days=14))
    page.get_by_role("button", name="Open the vacancy").click()
    expect(page.get_by_role("heading", name="Published criteria")).to_be_visible()
    journey.check_accessibility()

    page.context.clear_cookies()  # a member of the public, with no account
    journey.go("/south-west/recruitment/vacancies/")
    page.get_by_role("link", name="Assembly member: public health").click()
    journey.check_accessibility()
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_label("Email address").fill("ada@example.org")
    page.get_by_label("Your profession or background").select_option(label="Public health")
    page.get_by_label("Your statement against: Knowledge of population health").fill("Twenty years in public health.")
    page.get_by_label("Your statement against: Working across organisations").fill("I lead a partnership board.")
    page.get_by_label("I agree that the Senate may use").check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("heading", name="Application received")).to_be_visible()
    journey.check_accessibility()

    vacancy = Vacancy.objects.get()
    Vacancy.objects.filter(pk=vacancy.pk).update(closes_on=today - dt.timedelta(days=1))  # the date has passed
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/recruitment/{vacancy.pk}/")
    page.get_by_role("button", name="Close to applications").click()
    page.get_by_role("link", name="Change the selection panel and see conflicts").click()
    for person in ("Priya Council", "Tom Assembly"):
        page.get_by_label("Member of the Senate to add to the selection panel").select_option(label=person)
        page.get_by_role("button", name="Add to the panel").click()
        expect(page.get_by_text(f"{person} is on the selection panel.")).to_be_visible()
    journey.check_accessibility()

    _score(journey, page, cast["council"].email, "Ada Lovelace")
    expect(page.get_by_role("table", name="Shortlisting scores")).to_contain_text("Priya Council")
    page.context.clear_cookies()
    journey.sign_in(cast["assembly"].email, PASSWORD)
    journey.go(f"/south-west/recruitment/{vacancy.pk}/")
    page.get_by_role("link", name=re.compile("Ada Lovelace")).click()
    expect(page.get_by_text("Hidden until you have submitted your own shortlisting score.")).to_be_visible()
    journey.check_accessibility()
    _score(journey, page, cast["assembly"].email, "Ada Lovelace")

    page.context.clear_cookies()
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/recruitment/{vacancy.pk}/shortlist/")
    page.get_by_label("Ada Lovelace").check()
    page.get_by_role("button", name="Shortlist").click()
    expect(page.get_by_text("1 applicants are shortlisted")).to_be_visible()
    vacancy.refresh_from_db()
    score_all(vacancy, list(vacancy.panel.all()), selection.Step.INTERVIEW)  # interviewed and scored
    page.get_by_role("link", name="Record the decision").click()
    page.get_by_role("radio", name=re.compile("Ada Lovelace")).check()
    page.get_by_label("Reasons for the decision").fill("Strongest against both criteria at interview.")
    page.get_by_label("Feedback for Ada Lovelace").fill("A clear, evidenced interview.")
    page.get_by_role("button", name="Record the decision and tell the applicants").click()
    expect(page.get_by_text("every applicant has been emailed")).to_be_visible()
    journey.check_accessibility()
    page.get_by_role("button", name="Appoint Ada Lovelace").click()
    expect(page.get_by_text("Ada Lovelace is appointed to the Assembly")).to_be_visible()
    expect(page.get_by_role("table", name="Record of every step")).to_contain_text("Priya Council scored")
    journey.check_accessibility()

    welcome = Email.objects.get(kind="recruitment.appointed").body
    link = re.search(r"http\S+/account/password-reset/\S+", welcome).group(0)
    page.context.clear_cookies()
    page.goto(journey.base_url + link.split("/account/", 1)[1].join(["/account/", ""]))
    page.get_by_label("New password", exact=True).fill("a-long-new-password-2026")
    page.get_by_label("New password confirmation").fill("a-long-new-password-2026")
    page.get_by_role("button", name="Save the new password").click()
    journey.check_accessibility()
    journey.sign_in("ada@example.org", "a-long-new-password-2026")
    journey.go("/profile/")
    expect(page.get_by_text(re.compile(r"Assembly \(Recruited member\): term 1"))).to_be_visible()

    # Appointed, she starts her induction at once and can download her statement of participation.
    journey.go("/south-west/")
    page.get_by_role("link", name="Your participation").click()
    expect(page.get_by_text(re.compile(r"0 of \d+ complete\."))).to_be_visible()
    page.get_by_role("button", name="Mark complete the item Read the code of conduct").click()
    expect(page.get_by_text("Marked complete: Read the code of conduct")).to_be_visible()
    journey.check_accessibility()
    with page.expect_download() as download:
        page.get_by_role("link", name="Statement of participation").first.click()
    assert open(download.value.path(), "rb").read().startswith(b"%PDF")
