"""The design file itself (H1xx): suppressions that silence nothing, placeholders left in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sketch.linting.context import Context
from sketch.linting.registry import FrameworkStep, Hit, rule
from sketch.linting.suppressions import covers, every_site, suppressing
from sketch.model.paths import walk

STEP = FrameworkStep.hygiene
_TODO = re.compile(r"\bTODO\b")


@rule(
    "H101",
    "unused-suppression",
    "warning",
    STEP,
    fix="remove the suppression: the finding it was written for is gone",
    after_others=True,
)
def unused_suppression(ctx: Context) -> Iterator[Hit]:
    """A suppression that silenced no finding.

    What it checks:
        Every `Suppression` that silences no finding (ruff's RUF100, Threagile's orphaned risk
        tracking). The rules a suppression names are run for the purpose when this run does
        not select them, so `sketch lint --select H101` lists every stale suppression.
    Why it matters:
        A suppression outlives its reason: once the replica is added, a silenced D303 still
        reads as "we know this is a single point of failure", and it would silence the next,
        different finding of that rule without anyone deciding so.
    Bad:
        Component(name="db", kind="database", replicas=1,
                  suppress=[Suppression(code="D303", reason="managed, multi-AZ")])
    Fix:
        Component(name="db", kind="database", replicas=1)
    Known false positives:
        A suppression kept for a finding that only appears under other settings (another
        `[tool.sketch.lint.thresholds]` or conventions) is reported under these.
    """
    from sketch.linting.engine import lint_design  # the engine runs this rule: import late
    from sketch.linting.registry import REGISTRY

    sites = every_site(ctx.design)
    missing = [
        r
        for r in REGISTRY
        if not r.after_others
        and r.code not in ctx.ran
        and any(covers(site.suppression, r.code) for site in sites)
    ]
    findings = list(ctx.findings)
    if missing:
        findings += lint_design(ctx.design, missing, ctx.thresholds, None, ctx.conventions)
    used = set()
    for finding in findings:
        if finding.suppressed is not None and finding.path is not None:
            site = suppressing(ctx.design, finding.path, finding.code)
            if site is not None:
                used.add(site.at)
    for site in sites:
        if not site.suppression.code.upper().startswith("H") and site.at not in used:
            yield Hit(
                site.at,
                f"suppression of {site.suppression.code} matched no finding "
                f"(reason: {site.suppression.reason})",
            )


@rule(
    "H102",
    "todo-placeholder",
    "warning",
    STEP,
    fix="replace the placeholder with what the design means, or delete it",
)
def todo_placeholder(ctx: Context) -> Iterator[Hit]:
    """A `TODO` placeholder is still in the design.

    What it checks:
        Any text of the design (names, features, purposes, actions, notes, approaches ...)
        containing the word `TODO`, as `sketch new` writes its placeholders.
    Why it matters:
        A scaffold that lints clean looks finished: "TODO: users can create an item" is not
        a requirement, and every rule that reads the text reasons about a placeholder.
    Bad:
        Feature(key="create", text="TODO: users can create an item")
    Fix:
        Feature(key="post", text="Users can post photos")
    Known false positives:
        A design about to-do lists that writes the word in capitals ("TODO items"): write
        it "to-do", or suppress with a reason.
    """
    for path, obj in walk(ctx.design):
        for name in type(obj).model_fields:
            if name == "suppress":
                continue
            value = getattr(obj, name)
            texts = [value] if isinstance(value, str) else value if isinstance(value, tuple) else []
            for k, text in enumerate(texts):
                if isinstance(text, str) and _TODO.search(text):
                    where = f"{path}.{name}" if path else name
                    where += f"[{k}]" if isinstance(value, tuple) else ""
                    yield Hit(where, f"placeholder left: {text!r}")
                    break
