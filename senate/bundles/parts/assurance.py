"""Where the advice sat in NHS England's service-change assurance: the context, every dated step (who
held it or decided and the outcome), where the Senate's review sat, and the partners it engaged."""

from senate.assurance import recording, timeline
from senate.assurance.queries import engagements_of
from senate.bundles.contents import Part, Setting, day

YES_NO = {True: "Yes", False: "No", None: "Not known"}


def part(setting: Setting) -> Part:
    r = setting.request
    ctx = recording.context_of(r)
    found = Part("assurance", "Where the advice sat", "NHS England's service-change assurance of the proposal")
    found.table(
        "assurance_context",
        "The proposal's place in service change",
        ["Question", "Answer"],
        [
            ["The Senate's review sat", timeline.placement(r, ctx)],
            ["The advice informed", ctx.get_informs_display() or "Not recorded"],
            ["Capital involved", YES_NO[ctx.capital_involved]],
            ["Substantial development or variation (HOSC)", YES_NO[ctx.substantial_variation]],
            [
                "Notifiable to the Secretary of State",
                "No (urgent temporary change)" if recording.is_urgent_temporary(r) else YES_NO[ctx.notifiable],
            ],
            ["Senate's advice needed by", f"{day(ctx.advice_needed_by)} {ctx.advice_needed_for}".strip()],
        ],
    )
    steps = list(ctx.events.all()) if ctx.pk else []
    found.table(
        "assurance_steps",
        "Assurance steps, by date",
        ["Date", "Step", "Held or decided by", "Outcome"],
        [[day(e.on), recording.step_label(e.step), e.body, e.outcome] for e in steps],
    )
    found.table(
        "partners",
        "Partners engaged",
        ["Partner", "Kind", "How", "Note"],
        [
            [e.organisation.name, e.organisation.get_type_display(), e.get_how_display(), e.note]
            for e in engagements_of(r)
        ],
    )
    return found
