"""One row per searchable document (a request, a version of its terms or report, a recommendation, an
evidence item, a fieldwork note, a Council paper or minutes, a published declaration), with who may
find it and what the search page narrows by (Senate, kind of advice, organisation and ICB, stage, year). The words themselves are indexed by the database's full-text
search (backends.py), keyed by the document's id."""

from django.db import models


class Document(models.Model):
    class Kind(models.TextChoices):
        REQUEST = "request", "Request for advice"
        TERMS = "terms", "Terms of reference"
        REPORT = "report", "Report version"
        RECOMMENDATION = "recommendation", "Recommendation"
        EVIDENCE = "evidence", "Evidence"
        FIELDWORK = "fieldwork", "Fieldwork notes"
        PAPER = "paper", "Council paper"
        MINUTES = "minutes", "Council minutes"
        DECLARATION = "declaration", "Published declaration"
        ADVICE = "advice", "Published advice"

    ref = models.CharField(max_length=60, unique=True, help_text="The record it is made from, e.g. report:12.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey("reviews.Request", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey("council.Meeting", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    icb = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    dated = models.DateField()
    advice_kind = models.CharField(max_length=20, blank=True)
    stage = models.CharField(max_length=20, blank=True)
    no_text = models.BooleanField(default=False, help_text="A PDF without a text layer: only its title is indexed.")

    class Meta:
        indexes = [models.Index(fields=["senate", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="declaration")
                | models.Q(request__isnull=False)
                | models.Q(meeting__isnull=False),
                name="search_document_belongs",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class Audience(models.Model):
    """One key of who may find a document (audience.py): `public`, `role:<senate>:<role>`,
    `org:<senate>:<organisation>`, `user:<id>`, or `deny:<id>` for a person refused what their roles
    would otherwise let them find."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="audience")
    key = models.CharField(max_length=60)

    class Meta:
        indexes = [models.Index(fields=["key", "document"])]
        constraints = [models.UniqueConstraint(fields=["document", "key"], name="search_audience_unique")]
