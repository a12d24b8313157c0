"""The practice tools' outputs: the checklist, scope decisions, talk-track speaker notes and
the drill report, as Markdown (design.md, `sketch embed`) and HTML (the design page).

The judging is `sketch.practice`'s; this module only lays it out, escaping every piece of
user text for the format it lands in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sketch.model import Design
from sketch.practice.checklist import Checklist, Status, checklist
from sketch.practice.drill import Question, Result
from sketch.practice.talk import Part, talk_track
from sketch.practice.timeline import format_time
from sketch.rendering.escape import html, markdown_cell, markdown_code, markdown_text

_TASK = {Status.ticked: "[x]", Status.unticked: "[ ]", Status.not_judged: "[ ]"}


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# design.md -------------------------------------------------------------------------------


def scope_markdown(design: Design) -> str:
    """How the scope was settled: clarifying questions, assumptions, deferred entities."""
    req = design.requirements
    parts = ["## Scope decisions\n"]
    if req.clarifications:
        rows = [
            (markdown_cell(c.question), markdown_cell(c.answer), markdown_cell(c.decides or ""))
            for c in req.clarifications
        ]
        parts.append("**Clarifying questions**\n\n" + _table(["Asked", "Answer", "Decides"], rows))
    if req.assumptions:
        parts.append(
            "**Assumptions**\n\n" + "".join(f"- {markdown_text(a)}\n" for a in req.assumptions)
        )
    if design.deferred_entities:
        later = ", ".join(markdown_text(e) for e in design.deferred_entities)
        parts.append(f"**Deferred entities:** we can extend this with {later}.\n")
    return "\n".join(parts) if len(parts) > 1 else ""


def checklist_markdown(result: Checklist) -> str:
    """The Final Interview Checklist as a GFM task list under the guide's headings."""
    lines = ["## Interview checklist\n"]
    heading = None
    for item in result.items:
        if item.heading != heading:
            heading = item.heading
            lines.append(f"\n**{markdown_text(heading)}**\n\n")
        note = " (not judged from the design)" if item.status is Status.not_judged else ""
        lines.append(
            f"- {_TASK[item.status]} {markdown_text(item.question)}{note} — "
            f"{markdown_text(item.why)}\n"
        )
        if item.status is Status.unticked and item.fix:
            where = f" (at {markdown_code(item.path, in_table=False)})" if item.path else ""
            lines.append(f"  - fix: {markdown_text(item.fix)}{where}\n")
    lines.append(f"\n{markdown_text(result.summary)}\n")
    return "".join(lines)


def checklist_section(design: Design) -> str:
    """design.md's and `sketch embed`'s `checklist` section."""
    return checklist_markdown(checklist(design))


# HTML page -------------------------------------------------------------------------------


def scope_html(design: Design) -> str:
    req = design.requirements
    blocks = []
    if req.clarifications:
        rows = "".join(
            f"<tr><td>{html(c.question)}</td><td>{html(c.answer)}</td>"
            f"<td>{html(c.decides or '')}</td></tr>\n"
            for c in req.clarifications
        )
        blocks.append(
            '<h3>Clarifying questions</h3>\n<table class="clarifications">\n<thead><tr>'
            "<th>Asked</th><th>Answer</th><th>Decides</th></tr></thead>\n"
            f"<tbody>\n{rows}</tbody>\n</table>\n"
        )
    if req.assumptions:
        items = "\n".join(f"<li>{html(a)}</li>" for a in req.assumptions)
        blocks.append(f"<h3>Assumptions</h3>\n<ul>\n{items}\n</ul>\n")
    if design.deferred_entities:
        later = ", ".join(html(e) for e in design.deferred_entities)
        blocks.append(
            f"<p><strong>Deferred entities:</strong> we can extend this with {later}.</p>\n"
        )
    if not blocks:
        return ""
    return '<section class="scope">\n<h2>Scope decisions</h2>\n' + "".join(blocks) + "</section>\n"


def checklist_html(design: Design) -> str:
    result = checklist(design)
    items = []
    heading = None
    for item in result.items:
        if item.heading != heading:
            if heading is not None:
                items.append("</ul>\n")
            heading = item.heading
            items.append(f"<h3>{html(heading)}</h3>\n<ul>\n")
        mark = {"ticked": "\u2611", "unticked": "\u2610", "not-judged": "\u2013"}[item.status]
        fix = (
            f"<br><em>fix:</em> {html(item.fix)}"
            if item.status is Status.unticked and item.fix
            else ""
        )
        items.append(
            f'<li class="{item.status.value}">{mark} {html(item.question)} '
            f"<small>{html(item.why)}{fix}</small></li>\n"
        )
    if heading is not None:
        items.append("</ul>\n")
    return (
        '<section class="checklist">\n<h2>Interview checklist</h2>\n'
        + "".join(items)
        + f"<p>{html(result.summary)}</p>\n</section>\n"
    )


def talk_html(design: Design) -> str:
    """The talk track as speaker notes: one `<aside>` per phase, folded by default."""
    parts = talk_track(design)
    if not parts:
        return ""
    return (
        '<section class="talk-track">\n<h2>Talk track</h2>\n'
        + "".join(_speaker_notes(part) for part in parts)
        + "</section>\n"
    )


def _speaker_notes(part: Part) -> str:
    lines = "\n".join(f"<li>{html(line.strip())}</li>" for line in part.lines)
    return (
        f'<aside class="speaker-notes" data-phase="{html(part.phase.key)}">\n<details>\n'
        f"<summary>{html(part.title)}</summary>\n<ul>\n{lines}\n</ul>\n</details>\n</aside>\n"
    )


# The drill report ------------------------------------------------------------------------


def drill_report(result: Result) -> str:
    """A round's report: time per step against the plan, red flags, the interviewer's
    questions, the checklist, the findings left and every save. Same round, same bytes."""
    last = result.checklist
    header = [
        f"# Drill report: {markdown_text(result.design)}\n",
        f"A {result.minutes:g}-minute round, ended at {format_time(result.end)}, "
        f"{max(0, len(result.saves) - 1)} save(s) after the start. "
        + (f"Checklist: {markdown_text(last.summary)}." if last else "The design never loaded.")
        + "\n",
    ]
    steps = _table(
        ["Step", "Planned", "Time spent", "Done at"],
        (
            (
                s.title,
                f"{format_time(s.planned[0])}-{format_time(s.planned[1])}",
                format_time(s.spent),
                _done(s.done_at, s.planned[1]),
            )
            for s in result.steps
        ),
    )
    flags = (
        "".join(f"- {format_time(f.elapsed)} {markdown_text(f.message)}\n" for f in result.flags)
        or "None.\n"
    )
    questions = "".join(_question(q) for q in result.questions) or "None asked.\n"
    findings = (
        "".join(
            f"- {f.severity.value} {markdown_code(f.code, in_table=False)} "
            f"{markdown_text(f.message)}"
            + (f" (at {markdown_code(f.path, in_table=False)})" if f.path else "")
            + "\n"
            for f in result.findings
        )
        or "None.\n"
    )
    saves = _table(
        ["#", "At", "Step", "Changed", "Status", "Snapshot"],
        (
            (
                str(s.number),
                format_time(s.elapsed),
                s.step or "(start)",
                ", ".join(s.changed) or " ",
                markdown_cell(s.status),
                markdown_code(s.snapshot) if s.snapshot else "(deleted)",
            )
            for s in result.saves
        ),
    )
    body = [
        "## Time per step\n",
        steps,
        "## Red flags\n",
        flags,
        "## Interviewer questions\n",
        questions,
        checklist_markdown(last) if last else "## Interview checklist\n\nNo design loaded.\n",
        "## Findings left\n",
        findings,
        "## Saves\n",
        saves,
    ]
    return "\n".join([*header, *body])


def _done(done_at: int | None, planned_end: int) -> str:
    if done_at is None:
        return "not done"
    late = f" ({format_time(done_at - planned_end)} late)" if done_at > planned_end else ""
    return format_time(done_at) + late


def _question(question: Question) -> str:
    asked = f"- {format_time(question.asked_at)} {markdown_text(question.text)}"
    because = f" ({markdown_text(question.because)})"
    if question.answered_at is None:
        answer = ": not answered in the design"
    elif question.covered:
        answer = ": the design already answers it"
    else:
        answer = f": answered at {format_time(question.answered_at)}"
    return asked + because + answer + "\n"
