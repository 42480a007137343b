"""Council (and panel) meetings: the agenda, papers, attendance, declarations at the start, the
decision on each item, minutes and actions; and, after ratification, issuing and publishing advice."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models

USER = settings.AUTH_USER_MODEL


class QuorumRule(models.Model):
    """The Council's quorum, per Senate. National rules are unconfirmed (docs/domain.md §5.4), so
    these are settings with typical defaults."""

    senate = models.OneToOneField("organisations.Senate", on_delete=models.CASCADE, related_name="quorum_rule")
    share_percent = models.PositiveIntegerField(default=50, help_text="Share of Council members who must take part.")
    min_members = models.PositiveIntegerField(default=0, help_text="And at least this many, whatever the share.")
    needs_chair = models.BooleanField(default=True, help_text="The Chair or Vice-chair must take part.")
    min_ppv = models.PositiveIntegerField(default=1, help_text="Patient and public voice members who must take part.")
    council_approves = models.BooleanField(
        default=True, help_text="Terms of reference and advice are approved only at Council meetings."
    )

    def __str__(self) -> str:
        return f"Quorum rule for {self.senate}"


class Meeting(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", "Council meeting"
        PANEL = "panel", "Panel meeting"

    senate = models.ForeignKey("organisations.Senate", on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COUNCIL)
    date = models.DateField()
    place = models.CharField(max_length=200, blank=True)
    link = models.URLField(blank=True, help_text="For an online meeting.")
    chair = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return meeting_name(self.kind, self.date)


def meeting_name(kind: str, on: dt.date) -> str:
    """A meeting as pages name it ("Council meeting on 3 March 2027"), from its kind and date alone (a
    page may read those two as plain values rather than the meeting)."""
    return f"{dict(Meeting.Kind.choices).get(kind, kind)} on {on:%-d %B %Y}"


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        APPROVE_TERMS = "approve_terms", "Approve terms of reference"
        RATIFY_REPORT = "ratify_report", "Ratify a report"
        APPROVE_ADVICE = "approve_advice", "Approve advice"
        NOTE_DECLARATION = "note_declaration", "Note a declaration"
        OTHER = "other", "Other business"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    request = models.ForeignKey(
        "reviews.Request", null=True, blank=True, on_delete=models.PROTECT, related_name="council_items"
    )
    # Chosen by the meeting when neither the Chair nor the Vice-chair can take part in the item.
    acting_chair = models.ForeignKey(
        "Attendance", null=True, blank=True, on_delete=models.PROTECT, related_name="items_chaired"
    )

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="unique_item_number")]

    def __str__(self) -> str:
        return f"Item {self.number}: {self.title}"

    @property
    def needs_decision(self) -> bool:
        return self.kind in DECIDED_KINDS


DECIDED_KINDS = frozenset(
    {AgendaItem.Kind.APPROVE_TERMS, AgendaItem.Kind.RATIFY_REPORT, AgendaItem.Kind.APPROVE_ADVICE}
)


def paper_path(paper: "Paper", filename: str) -> str:
    return f"council/{paper.meeting.senate.slug}/{paper.meeting_id}/{filename}"


class Paper(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="papers")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=paper_path, max_length=300)
    sent_on = models.DateField(help_text="The day the paper went out to members.")
    added_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["item__number", "title"]

    @property
    def days_notice(self) -> int:
        return (self.meeting.date - self.sent_on).days

    @property
    def late(self) -> bool:
        return self.days_notice < self.meeting.senate.papers_notice_days


class Attendance(models.Model):
    class Status(models.TextChoices):
        EXPECTED = "expected", "Expected"  # until attendance is recorded at the meeting
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    profile = models.ForeignKey("members.MemberProfile", null=True, blank=True, on_delete=models.PROTECT)
    name = models.CharField(max_length=150)
    # The Council role on the day (members.MembershipRole), or blank for an observer.
    role = models.CharField(max_length=12, blank=True)
    observer = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.EXPECTED)

    class Meta:
        ordering = ["observer", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "profile"], condition=models.Q(profile__isnull=False), name="attends_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


class MeetingDeclaration(models.Model):
    """A declaration on one item: found in the register by screening, or made at the meeting."""

    class Source(models.TextChoices):
        REGISTER = "register", "From the register and screening"
        AT_MEETING = "at_meeting", "Declared at the meeting"

    class Action(models.TextChoices):
        LEAVES = "leaves", "Leaves the room for the item"
        NO_VOTE = "no_vote", "Stays but does not vote"
        NO_ACTION = "no_action", "No action needed"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="declarations")
    attendee = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="declarations")
    source = models.CharField(max_length=12, choices=Source.choices)
    text = models.TextField()
    confirmed = models.BooleanField(default=False, help_text="Confirmed at the meeting.")
    # Who confirmed it: the member themselves, or the Senate team recording it for them. Empty for
    # confirmations recorded before this was kept.
    confirmed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item__number", "attendee__name", "id"]

    @property
    def recused(self) -> bool:
        return self.action in (self.Action.LEAVES, self.Action.NO_VOTE)

    @property
    def confirmed_by_member(self) -> bool:
        profile = self.attendee.profile
        return bool(self.confirmed_by_id and profile and profile.user_id == self.confirmed_by_id)

    @property
    def confirmation(self) -> str:
        """Who confirmed it, in words: never "by the member" unless the member did."""
        if not self.confirmed:
            return "Not yet confirmed"
        if self.confirmed_by_member:
            return "Confirmed by the member"
        if self.confirmed_by:
            return f"Confirmed by {self.confirmed_by.full_name} for the member"
        return "Confirmed"


class Decision(models.Model):
    class Outcome(models.TextChoices):
        APPROVED = "approved", "Approved"
        APPROVED_WITH_CHANGES = "approved_with_changes", "Approved with changes"
        REFERRED_BACK = "referred_back", "Referred back"

    class Method(models.TextChoices):
        VOTE = "vote", "Vote"
        CONSENSUS = "consensus", "Consensus"

    item = models.OneToOneField(AgendaItem, on_delete=models.PROTECT, related_name="decision")
    outcome = models.CharField(max_length=22, choices=Outcome.choices)
    changes = models.TextField(blank=True, help_text="The changes required, one a line.")
    method = models.CharField(max_length=10, choices=Method.choices)
    votes_for = models.PositiveIntegerField(default=0)
    votes_against = models.PositiveIntegerField(default=0)
    abstentions = models.PositiveIntegerField(default=0)
    recused = models.PositiveIntegerField(default=0)
    # The version of the report or letter the Council decided on.
    report_version = models.ForeignKey(
        "reports.ReportDraft", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The version of the terms of reference the Council decided on.
    terms_version = models.ForeignKey(
        "reviews.TermsOfReference", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Who chaired the item (and so approved): the Chair, the Vice-chair, or an acting chair.
    chaired_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    chaired_as = models.CharField(max_length=200, blank=True)
    # Approved with changes: the person the Council named to confirm that a new version makes them.
    confirmer = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    @property
    def approves(self) -> bool:
        return self.outcome != self.Outcome.REFERRED_BACK

    @property
    def decided_version(self) -> Any:
        """The report (or letter) version, or the terms of reference version, the Council decided on."""
        return self.report_version or self.terms_version

    @property
    def what(self) -> str:
        """What was decided on, in words: "the terms of reference" or "the advice"."""
        return "the terms of reference" if self.terms_version_id else "the advice"


class ChangesConfirmed(models.Model):
    """The named person's confirmation that a new version makes the changes the Council asked for:
    of the report (`version`) or of the terms of reference (`terms_version`)."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="confirmation")
    version = models.ForeignKey("reports.ReportDraft", null=True, on_delete=models.PROTECT, related_name="+")
    terms_version = models.ForeignKey("reviews.TermsOfReference", null=True, on_delete=models.PROTECT, related_name="+")
    confirmed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    @property
    def confirmed_version(self) -> Any:
        return self.version or self.terms_version


class Minutes(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    approved_at_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="minutes_approved"
    )
    approved_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    updated_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)


class Action(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    description = models.CharField(max_length=300)
    owner = models.CharField(max_length=150)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["done_on", "due_on", "id"]

    def overdue(self, today: dt.date) -> bool:
        return self.done_on is None and self.due_on < today


class AdviceIssue(models.Model):
    """The covering letter with which ratified advice went to the requester."""

    request = models.OneToOneField("reviews.Request", on_delete=models.PROTECT, related_name="advice_issue")
    covering_letter = models.TextField()
    issued_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)


class PublicationPermission(models.Model):
    """The requester's permission to publish, with any agreed date and redactions (docs/domain.md §9.3)."""

    request = models.OneToOneField("reviews.Request", on_delete=models.PROTECT, related_name="publication_permission")
    given_on = models.DateField()
    publish_from = models.DateField(null=True, blank=True, help_text="The agreed publication date, if any.")
    redactions = models.TextField(blank=True, help_text="Words or passages to remove, one a line.")
    given_by = models.CharField(max_length=150, help_text="Who gave permission for the requester.")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    def redaction_list(self) -> list[str]:
        return [line.strip() for line in self.redactions.splitlines() if line.strip()]


class FollowUpLetter(models.Model):
    """The Senate's follow-up letter to the requester, published with the advice."""

    request = models.ForeignKey("reviews.Request", on_delete=models.PROTECT, related_name="follow_up_letters")
    sent_on = models.DateField()
    text = models.TextField()
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["sent_on", "id"]
