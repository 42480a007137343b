"""What members do for a Senate beyond sitting on it: their wish to continue and the renewal decision,
induction, signed-off statements of participation, development opportunities, patient and public voice
claims and the accessible formats they need papers in. Memberships themselves belong to members."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from senate.interests.models import Category

USER = settings.AUTH_USER_MODEL


class ContinueWish(models.Model):
    """The member's own answer, before a renewal review: do they wish to serve another term?"""

    membership = models.OneToOneField("members.Membership", on_delete=models.CASCADE, related_name="continue_wish")
    wishes_to_continue = models.BooleanField()
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)


class RenewalDecision(models.Model):
    class Outcome(models.TextChoices):
        RENEW = "renew", "Renew for another term"
        NOT_RENEWED = "not_renewed", "Do not renew"

    membership = models.OneToOneField("members.Membership", on_delete=models.CASCADE, related_name="renewal_decision")
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    reason = models.TextField()
    next_membership = models.ForeignKey(
        "members.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)


class InductionItem(models.TextChoices):
    CODE_OF_CONDUCT = "code_of_conduct", "Read the code of conduct"
    DECLARATIONS = "declarations", "Declare your interests"
    CONFIDENTIALITY = "confidentiality", "Confidentiality and handling official-sensitive papers"
    SERVICE_CHANGE_TESTS = "service_change_tests", "The tests for service change"
    HOW_PANELS_WORK = "how_panels_work", "How expert panels work"
    CHAIRING = "chairing", "Chairing the Council and its panels"
    PPV_ROLE = "ppv_role", "The patient and public voice role, payments and expenses"


class InductionStep(models.Model):
    """One item of one membership's induction checklist, done or not yet."""

    class How(models.TextChoices):
        MEMBER = "member", "Marked complete by the member"
        AUTOMATIC = "automatic", "Done on the platform"

    membership = models.ForeignKey("members.Membership", on_delete=models.CASCADE, related_name="induction_steps")
    item = models.CharField(max_length=24, choices=InductionItem.choices)
    order = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_how = models.CharField(max_length=10, choices=How.choices, blank=True)

    class Meta:
        ordering = ["membership", "order"]
        constraints = [models.UniqueConstraint(fields=["membership", "item"], name="induction_item_once")]


class StatementSignOff(models.Model):
    """The Senate team's sign-off of a member's statement of participation for one appraisal year
    (1 April to 31 March). The record as signed is kept, so later changes never alter it."""

    profile = models.ForeignKey("members.MemberProfile", on_delete=models.CASCADE, related_name="+")
    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="+")
    year_from = models.DateField(help_text="1 April of the appraisal year.")
    record = models.JSONField()
    signed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "senate", "year_from"], name="one_sign_off_a_year")]


class Development(models.Model):
    """A development opportunity for one member: asked for by them or offered by the team."""

    class Kind(models.TextChoices):
        SHADOW_PANEL = "shadow_panel", "Shadowing a panel"
        CHAIR_PANEL = "chair_panel", "Chairing a panel"
        LEAD_THEMATIC = "lead_thematic", "Leading a thematic review"
        MENTORING = "mentoring", "Mentoring"

    class Status(models.TextChoices):
        INTERESTED = "interested", "Interest expressed"
        OFFERED = "offered", "Offered"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.CASCADE, related_name="developments")
    kind = models.CharField(max_length=14, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices)
    note = models.TextField(blank=True, help_text="The member's words when they asked.")
    offer = models.TextField(blank=True, help_text="What the team offers: which panel, review or mentor.")
    asked_at = models.DateTimeField(null=True, blank=True)
    offered_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    offered_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]


class ClaimRates(models.Model):
    """The Senate's involvement payment and expenses rates for patient and public voice members."""

    senate = models.OneToOneField("organisations.Senate", on_delete=models.CASCADE, related_name="claim_rates")
    half_day = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("75.00"))
    full_day = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("150.00"))
    per_mile = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal("0.45"))
    updated_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)


class Claim(models.Model):
    """An involvement payment and expenses claim by a patient and public voice member, worked out at
    the rates in force when it was submitted."""

    class Involvement(models.TextChoices):
        NONE = "none", "No involvement payment (expenses only)"
        HALF_DAY = "half_day", "Half a day (up to 4 hours)"
        FULL_DAY = "full_day", "A full day"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Waiting for approval"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.PROTECT, related_name="claims")
    activity_on = models.DateField()
    activity = models.CharField(max_length=200)
    involvement = models.CharField(max_length=10, choices=Involvement.choices)
    miles = models.PositiveIntegerField(default=0)
    other_expenses = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))
    other_description = models.CharField(max_length=200, blank=True)
    payment = models.DecimalField(max_digits=8, decimal_places=2)
    expenses = models.DecimalField(max_digits=8, decimal_places=2)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]

    @property
    def total(self) -> Decimal:
        return self.payment + self.expenses


class AccessibleFormat(models.Model):
    """A format a member needs papers in; flagged wherever papers are sent to them."""

    class Format(models.TextChoices):
        LARGE_PRINT = "large_print", "Large print"
        EASY_READ = "easy_read", "Easy read"
        BRAILLE = "braille", "Braille"
        AUDIO = "audio", "Audio"

    profile = models.ForeignKey("members.MemberProfile", on_delete=models.CASCADE, related_name="accessible_formats")
    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="+")
    format = models.CharField(max_length=12, choices=Format.choices)
    since = models.DateField(default=dt.date.today)

    class Meta:
        ordering = ["format"]
        constraints = [models.UniqueConstraint(fields=["profile", "senate", "format"], name="format_once")]


class Witness(models.Model):
    """Someone from outside the panel invited to give evidence to a request's panel: a clinician, a
    patient or carer, a campaign group or another expert. They declare their interests like a member,
    screened against the request; the Senate team decides how any conflict is handled."""

    class Kind(models.TextChoices):
        CLINICIAN = "clinician", "Clinician"
        PATIENT_CARER = "patient_carer", "Patient or carer"
        CAMPAIGN = "campaign", "Campaign group"
        OTHER_EXPERT = "other_expert", "Other expert"

    class Decision(models.TextChoices):
        HEAR = "hear", "Heard, nothing to manage"
        HEAR_NOTED = "hear_noted", "Heard, the interest noted in the report"
        NOT_HEARD = "not_heard", "Not heard as evidence"

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="witnesses")
    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_name = models.CharField(
        max_length=200, blank=True, help_text="As given, when not a known organisation."
    )
    kind = models.CharField(max_length=14, choices=Kind.choices)
    spoke_to = models.TextField()
    heard_on = models.DateField()
    nothing_to_declare = models.BooleanField(default=False)
    decision = models.CharField(max_length=12, choices=Decision.choices, blank=True)
    decision_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["heard_on", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation_id and self.organisation else self.organisation_name


class WitnessInterest(models.Model):
    """One entry of a witness's declaration: the organisation and the nature of the interest."""

    witness = models.ForeignKey(Witness, on_delete=models.CASCADE, related_name="interests")
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_name = models.CharField(max_length=200, blank=True)
    category = models.CharField(max_length=14, choices=Category.choices)
    nature = models.CharField(max_length=300)

    class Meta:
        ordering = ["id"]

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation_id and self.organisation else self.organisation_name
