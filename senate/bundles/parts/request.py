"""The request for advice and its timeline: every stage it went through, who moved it and why."""

from senate.bundles.contents import Part, Setting, day, when, who
from senate.reviews.models import RequestEvent


def part(setting: Setting) -> Part:
    r = setting.request
    found = Part("request", "The request for advice", f"{r.reference}: {r.title}")
    found.table(
        "request",
        "The request as made",
        ["Question", "Answer"],
        [
            ["Reference", r.reference or ""],
            ["Title", r.title],
            ["Kind of advice", r.get_kind_display()],
            ["Requested by", r.requesting_organisation.name],
            ["Sponsor", r.sponsor_organisation.name if r.sponsor_organisation_id else "Not needed or not given"],
            ["Organisations affected", ", ".join(str(o) for o in r.affected_organisations.all())],
            ["Places", r.places],
            ["Assurance stage", r.get_assurance_stage_display()],
            ["Questions", r.questions],
            ["Decision date", day(r.decision_date)],
            ["Made by", who(r.created_by)],
            ["Sent", when(r.submitted_at)],
            ["Stage now", r.get_stage_display()],
        ],
    )
    events = RequestEvent.objects.filter(request=r).select_related("by").order_by("at", "id")
    found.table(
        "timeline",
        "Timeline: every act on the request, oldest first",
        ["When", "By", "Act", "From", "To", "Reason"],
        [
            [when(e.at), who(e.by) or "Senate (automatic)", e.action, e.get_from_stage_display(),
             e.get_to_stage_display(), e.reason]
            for e in events
        ],
    )  # fmt: skip
    return found
