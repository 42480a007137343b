"""Restrictions become structured (issue 14, item 4). The free text of each existing restriction is
kept, word for word, as its note; where its words clearly name something the pages can enforce, that
is set too: "vote" or "recommendation" means no say in the recommendations, "sensitive",
"commercial" or "confidential" means no official-sensitive evidence, "draft" means no draft papers.
Anything else stays a note only, and the screening page asks the Senate team to restate it."""

from django.db import migrations, models


def structure(text: str) -> dict[str, object]:
    words = text.lower()
    tiers = []
    if any(w in words for w in ("sensitive", "commercial", "confidential")):
        tiers.append("official_sensitive")
    if "draft" in words:
        tiers.append("draft")
    return {"no_tiers": tiers, "no_recommendations": "vote" in words or "recommendation" in words}


def forwards(apps, schema_editor):
    ConflictDecision = apps.get_model("interests", "ConflictDecision")  # noqa: N806
    for decision in ConflictDecision.objects.filter(outcome="restrict").exclude(note=""):
        found = structure(decision.note)
        ConflictDecision.objects.filter(pk=decision.pk).update(**found)


class Migration(migrations.Migration):
    dependencies = [("interests", "0001_initial")]

    operations = [
        migrations.RenameField("conflictdecision", "restriction", "note"),
        migrations.AlterField(
            "conflictdecision",
            "note",
            models.CharField(blank=True, help_text="Anything more about the restriction, in words.", max_length=300),
        ),
        migrations.AddField("conflictdecision", "no_tiers", models.JSONField(blank=True, default=list)),
        migrations.AddField("conflictdecision", "no_items", models.JSONField(blank=True, default=list)),
        migrations.AddField("conflictdecision", "no_criteria", models.JSONField(blank=True, default=list)),
        migrations.AddField(
            "conflictdecision",
            "no_recommendations",
            models.BooleanField(default=False, help_text="May not agree the recommendations."),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
