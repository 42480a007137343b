"""Every version of the terms of reference: what each said, who agreed and approved it, and where
(the Council meeting and item, when the Council decided it)."""

from senate.bundles.contents import Part, Setting, when, who
from senate.council.models import AgendaItem
from senate.reviews.models import TermsComment, TermsOfReference


def part(setting: Setting) -> Part:
    r = setting.request
    found = Part("terms", "Terms of reference", "Each version, oldest first; a change made a new version.")
    versions = list(
        TermsOfReference.objects.filter(request=r)
        .select_related("created_by", "agreed_by", "approved_by")
        .order_by("version")
    )
    found.table(
        "terms_versions",
        "Versions: who wrote, agreed and approved each, and where",
        ["Version", "Status", "Written", "Agreed by the requester", "Approved", "Where approved"],
        [
            [f"v{t.version}", t.get_status_display(), f"{when(t.created_at)} {who(t.created_by)}",
             f"{when(t.agreed_at)} {who(t.agreed_by)}".strip(), f"{when(t.approved_at)} {who(t.approved_by)}".strip(),
             t.approval_route]
            for t in versions
        ],
    )  # fmt: skip
    found.table(
        "terms_text",
        "What each version said",
        ["Version", "Scope", "Exclusions", "Questions", "Method", "Panel", "Timetable", "Publication"],
        [[f"v{t.version}", t.scope, t.exclusions, t.questions, _method(t), t.panel_profile, t.timetable, t.publication]
         for t in versions],
    )  # fmt: skip
    comments = TermsComment.objects.filter(terms__request=r).select_related("terms", "author").order_by("at", "id")
    found.table(
        "terms_comments",
        "Comments on the terms",
        ["When", "Version", "By", "Comment"],
        [[when(c.at), f"v{c.terms.version}", who(c.author), c.text] for c in comments],
    )
    items = (
        AgendaItem.objects.filter(request=r, kind=AgendaItem.Kind.APPROVE_TERMS)
        .select_related("meeting", "decision")
        .order_by("meeting__date", "number")
    )
    found.table(
        "terms_at_council",
        "The terms at Council",
        ["Meeting", "Item", "Outcome", "Changes required"],
        [[str(i.meeting), f"{i.number}: {i.title}", *_decided(i)] for i in items],
    )
    return found


def _method(t: TermsOfReference) -> str:
    ways = [("desktop review", t.desktop_review), ("site visits", t.site_visits), ("interviews", t.interviews),
            ("panel day", t.panel_day)]  # fmt: skip
    return ", ".join(name for name, used in ways if used) + (f". {t.method_notes}" if t.method_notes else "")


def _decided(item: AgendaItem) -> list[str]:
    decision = getattr(item, "decision", None)
    if decision is None:
        return ["Not decided yet", ""]
    return [decision.get_outcome_display(), decision.changes]
