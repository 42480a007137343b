"""Recruitment to a Senate's Council or Assembly: a vacancy with its published criteria and versioned
role description, applications from the public, a selection panel's independent scores, the decision
and the appointment. Appointment to a Senate "must be fair and transparent" (docs/domain.md §5.3): every
score is against a published criterion, and every step writes an audit event."""

import secrets
from typing import Unpack

from django.conf import settings
from django.db import models

from senate.core.models import SaveOptions
from senate.interests.models import Category
from senate.members.models import Body, MembershipRole, Profession


class Stage(models.TextChoices):
    OPEN = "open", "Open for applications"
    SCORING = "scoring", "Closed: panel scoring"
    SHORTLISTED = "shortlisted", "Shortlisted: interviews"
    DECIDED = "decided", "Decided"
    FILLED = "filled", "Appointed"


class Vacancy(models.Model):
    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="vacancies")
    title = models.CharField(max_length=160)
    body = models.CharField(max_length=10, choices=Body.choices)
    membership_role = models.CharField(max_length=12, choices=MembershipRole.choices)
    gap = models.CharField(max_length=200, blank=True, help_text="The coverage gap or ending term it fills.")
    gap_code = models.CharField(max_length=80, blank=True)
    term_start = models.DateField()
    term_end = models.DateField()
    time_commitment = models.CharField(max_length=200)
    involvement_payment = models.TextField(blank=True)
    expenses_policy = models.TextField(blank=True)
    closes_on = models.DateField()
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "vacancies"

    def __str__(self) -> str:
        return self.title

    @property
    def is_ppv(self) -> bool:
        return self.membership_role == MembershipRole.PPV


class RoleDescriptionVersion(models.Model):
    """The role description as published: editing makes a new version, so each application records the
    text its applicant answered."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="descriptions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["vacancy", "-number"]
        constraints = [models.UniqueConstraint(fields=["vacancy", "number"], name="one_number_per_description")]

    def __str__(self) -> str:
        return f"Version {self.number}"


class Criterion(models.Model):
    """A published criterion the applications are judged on; fixed once the vacancy is open."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveIntegerField()
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["vacancy", "order"]

    def __str__(self) -> str:
        return self.text


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        SHORTLISTED = "shortlisted", "Shortlisted"
        NOT_SHORTLISTED = "not_shortlisted", "Not shortlisted"
        APPOINTED = "appointed", "Chosen for appointment"
        NOT_APPOINTED = "not_appointed", "Not appointed"

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="applications")
    description = models.ForeignKey(RoleDescriptionVersion, on_delete=models.PROTECT, related_name="applications")
    reference = models.CharField(max_length=20, unique=True, default="")
    full_name = models.CharField(max_length=150)
    email = models.EmailField()
    profession = models.CharField(max_length=20, choices=Profession.choices)
    job_title = models.CharField(max_length=160, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation_name = models.CharField(max_length=200, blank=True)
    no_interests = models.BooleanField(default=False)
    consent = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    interview_at = models.DateTimeField(null=True, blank=True)
    feedback = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["vacancy", "full_name", "id"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.reference})"

    def save(self, **options: Unpack[SaveOptions]) -> None:
        if not self.reference:
            self.reference = "APP-" + secrets.token_hex(4).upper()
        super().save(**options)


class Statement(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="statements")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()

    class Meta:
        ordering = ["application", "criterion__order"]


class DeclaredInterest(models.Model):
    """An applicant's interest, in the NHS categories a member declares (interests.Category)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="interests")
    category = models.CharField(max_length=12, choices=Category.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation_name = models.CharField(max_length=200, blank=True)
    nature = models.TextField()


class EqualityMonitoring(models.Model):
    """An optional equality monitoring return. Deliberately not linked to its application, and with no
    time of its own, so no page can join one to an applicant: it is read only in aggregate."""

    class AgeBand(models.TextChoices):
        UNDER_35 = "under_35", "Under 35"
        AGE_35_49 = "35_49", "35 to 49"
        AGE_50_64 = "50_64", "50 to 64"
        OVER_64 = "65_plus", "65 or over"
        UNSAID = "unsaid", "Prefer not to say"

    class Sex(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        UNSAID = "unsaid", "Prefer not to say"

    class Ethnicity(models.TextChoices):
        WHITE = "white", "White"
        MIXED = "mixed", "Mixed or multiple ethnic groups"
        ASIAN = "asian", "Asian or Asian British"
        BLACK = "black", "Black, Black British, Caribbean or African"
        OTHER = "other", "Other ethnic group"
        UNSAID = "unsaid", "Prefer not to say"

    class YesNo(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        UNSAID = "unsaid", "Prefer not to say"

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="+")
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    sex = models.CharField(max_length=10, choices=Sex.choices)
    ethnicity = models.CharField(max_length=10, choices=Ethnicity.choices)
    disability = models.CharField(max_length=10, choices=YesNo.choices)


class PanelMember(models.Model):
    """A member of the Senate on a vacancy's selection panel."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="panel")
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["vacancy", "profile__user__full_name"]
        constraints = [models.UniqueConstraint(fields=["vacancy", "profile"], name="once_on_a_selection_panel")]

    def __str__(self) -> str:
        return str(self.profile)


class Score(models.Model):
    """One panel member's marks for one application at one step, submitted once and never changed."""

    class Step(models.TextChoices):
        SHORTLISTING = "shortlisting", "Shortlisting"
        INTERVIEW = "interview", "Interview"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    panel_member = models.ForeignKey(PanelMember, on_delete=models.PROTECT, related_name="scores")
    step = models.CharField(max_length=12, choices=Step.choices)
    comment = models.TextField(blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "step", "panel_member__profile__user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["application", "panel_member", "step"], name="one_score_per_step")
        ]

    @property
    def total(self) -> int:
        return sum(m.mark for m in self.marks.all())


class Mark(models.Model):
    MAXIMUM = 4

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="marks")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    mark = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["score", "criterion__order"]
        constraints = [models.CheckConstraint(condition=models.Q(mark__lte=4), name="mark_at_most_four")]


class Decision(models.Model):
    vacancy = models.OneToOneField(Vacancy, on_delete=models.CASCADE, related_name="decision")
    chosen = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="+")
    reasons = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)


class AppointmentLetter(models.Model):
    """The letter sent on appointment, as a PDF, for the appointed person to download once signed in."""

    vacancy = models.OneToOneField(Vacancy, on_delete=models.CASCADE, related_name="letter")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey("members.Membership", on_delete=models.PROTECT, related_name="+")
    pdf = models.BinaryField()
    made_at = models.DateTimeField(auto_now_add=True)


class Recusal(models.Model):
    """A panel member's own declaration that they know an applicant or have some other conflict the
    screening cannot see (a friend, a colleague, a relative): they do not score that applicant."""

    panel_member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="recusals")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="recusals")
    reason = models.CharField(max_length=300)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["panel_member", "application"], name="one_recusal_each")]
