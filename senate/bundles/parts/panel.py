"""Who was considered for the panel and what became of them: the specification, the optimiser's runs
(what each proposed, under which rules, and whether it was deployed), the manager's pins and removals,
screening for conflicts, the Senate team's decisions with their reasons and restrictions, and every
invitation, answer, decline and replacement, in time order."""

from typing import Any

from senate.bundles.contents import Part, Setting, chronological, day, when, who
from senate.interests.conflict_policy import conflict_policy_for
from senate.interests.facts import facts_for_request
from senate.interests.models import ConflictDecision, ConflictDismissal, Outcome
from senate.interests.restrictions import describe_decision
from senate.interests.screening import ScreeningPolicy, screen_many
from senate.members.models import MemberProfile
from senate.panels.models import OptimiserRun, PanelChoice, PanelMember, PanelSpec
from senate.reviews.models import Request


def part(setting: Setting) -> Part:
    r = setting.request
    found = Part("panel", "The panel: who was considered, who was excluded and why")
    _spec(found, r)
    runs = list(OptimiserRun.objects.filter(requests=r).select_related("by", "deployed_by").order_by("at", "id"))
    _runs(found, r, runs)
    choices = list(PanelChoice.objects.filter(request=r).select_related("profile__user", "by").order_by("at"))
    decisions = list(ConflictDecision.objects.filter(request=r).select_related("profile__user", "by").order_by("at"))
    dismissals = list(ConflictDismissal.objects.filter(request=r).select_related("profile__user", "by").order_by("at"))
    seats = list(PanelMember.objects.filter(request=r).select_related("profile__user", "answer_recorded_by"))
    considered = _considered(runs, r, choices, decisions, dismissals, seats)
    _screening(found, r, considered)
    _decisions(found, decisions, dismissals)
    found.table(
        "panel_choices",
        "The manager's choices for the optimiser (pinned on, or removed from, the panel)",
        ["When", "Member", "Choice", "By"],
        [[when(c.at), str(c.profile), c.get_kind_display(), who(c.by)] for c in choices],
    )
    _invitations(found, seats)
    return found


def _spec(found: Part, r: Request) -> None:
    spec = PanelSpec.objects.filter(request=r).select_related("updated_by").prefetch_related("expertise_rules").first()
    if spec is None:
        return
    rows = [
        ["Size", f"{spec.min_size} to {spec.max_size} members"],
        ["From outside the region", f"at least {spec.min_out_of_region}" + (" (only)" if spec.out_of_region_only else "")],
        ["Chair from the Council", "Yes" if spec.chair_from_council else "No"],
        ["Dates", f"{day(spec.starts_on)} to {day(spec.ends_on)}"],
        *[[f"Rule: {rule.skill}", f"at least {rule.minimum}"] for rule in spec.expertise_rules.all()],
        ["Last changed", f"{when(spec.updated_at)} by {who(spec.updated_by)}"],
    ]  # fmt: skip
    found.table("panel_specification", "The panel specification and its counted rules", ["Rule", "Value"], rows)


def _runs(found: Part, r: Request, runs: list[OptimiserRun]) -> None:
    found.table(
        "optimiser_runs",
        "Optimiser runs: what each proposed and whether it was deployed",
        ["Run", "When", "By", "Status", "Proposed (role: reason)", "Rules not met", "Deployed"],
        [
            [f"Run {run.pk}", when(run.at), who(run.by), f"{run.status} (objective {run.objective:.2f}, bound {run.bound:.2f})",
             "\n".join(f"{p['name']} ({p['role']}): {p['reason']}" for p in run.for_request(r.pk).get("panel", [])),
             "\n".join(f"{u['rule']}: {u['found']} of {u['needed']}. {u['why']}" for u in run.for_request(r.pk).get("unmet", [])),
             f"{when(run.deployed_at)} by {who(run.deployed_by)}" if run.deployed_at else "Not deployed"]
            for run in runs
        ],
    )  # fmt: skip


def _considered(runs: list[OptimiserRun], r: Request, *records: list[Any]) -> list[MemberProfile]:
    """Everyone the record shows was considered: proposed by a run, pinned or removed, decided
    about, dismissed, or invited."""
    ids = {p["profile"] for run in runs for p in run.for_request(r.pk).get("panel", [])}
    ids |= {row.profile_id for rows in records for row in rows}
    return list(MemberProfile.objects.filter(pk__in=ids).select_related("user").order_by("user__full_name"))


def _screening(found: Part, r: Request, considered: list[MemberProfile]) -> None:
    facts = facts_for_request(r)
    conflicts = screen_many(considered, facts, rules=ScreeningPolicy.of(conflict_policy_for(r.senate)))
    rows = [
        [str(p), c.severity.capitalize(), c.rule, c.reason]
        for p in considered
        for c in conflicts.get(p.pk, [])
    ] + [[str(p), "None", "", "No conflicts found"] for p in considered if not conflicts.get(p.pk)]  # fmt: skip
    found.table(
        "screening",
        "Conflict screening of everyone considered, against the request as it stands now",
        ["Member", "Severity", "Rule", "What was found"],
        rows,
    )


def _decisions(found: Part, decisions: list[ConflictDecision], dismissals: list[ConflictDismissal]) -> None:
    rows = [
        (d.at, [when(d.at), str(d.profile), Outcome(d.outcome).label, "; ".join(describe_decision(d)), d.rationale, who(d.by),
                "\n".join(f"{c.get('severity', '')}: {c.get('reason', '')}" for c in d.conflicts)])
        for d in decisions
    ] + [
        (d.at, [when(d.at), str(d.profile), "Dismissed as a false positive", "", d.reason, who(d.by), d.suggestion])
        for d in dismissals
    ]  # fmt: skip
    found.table(
        "conflict_decisions",
        "The Senate team's decisions on conflicts, with their reasons and restrictions",
        ["When", "Member", "Decision", "Restriction", "Reason", "By", "Conflicts as screened then"],
        chronological(rows),
    )


def _invitations(found: Part, seats: list[PanelMember]) -> None:
    declines = sorted(s.responded_at for s in seats if s.status == PanelMember.Status.DECLINED and s.responded_at)
    rows: list[tuple[Any, list[str]]] = []
    for s in seats:
        after = bool(declines) and s.invited_at > declines[0]
        note = "Invited after a member declined (replacement)" if after else ""
        rows.append((s.invited_at, [when(s.invited_at), str(s.profile), s.get_role_display(), "Invited", note]))
        if s.responded_at:
            how = (
                f" ({s.get_answered_how_display()}, recorded by {who(s.answer_recorded_by)})" if s.answered_how else ""
            )
            answer = "Declined" if s.status == PanelMember.Status.DECLINED else "Accepted"
            rows.append((s.responded_at, [when(s.responded_at), str(s.profile), s.get_role_display(), answer + how,
                                          s.decline_reason]))  # fmt: skip
        if s.withdrawn_at:
            rows.append((s.withdrawn_at, [when(s.withdrawn_at), str(s.profile), s.get_role_display(), "Withdrawn", ""]))
    found.table(
        "invitations",
        "Invitations, answers, declines and replacements",
        ["When", "Member", "Role", "What happened", "Reason or note"],
        chronological(rows),
    )
