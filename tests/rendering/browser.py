"""Headless Chromium for the tests: the real Mermaid library, and real rendering of HTML pages.

Pages are driven with `--dump-dom`: a script in the page writes its results into a `<pre>`,
and Chromium prints the DOM once the page (and its virtual-time budget) is done. Without
Chromium or the Mermaid bundle the tests skip with a loud reason, except under CI=true, where
a missing tool is a failure: CI must run them (`./dev test` installs both).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.paths import REPO_ROOT

MERMAID_BUNDLE = REPO_ROOT / "tests" / "js" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
ARTIFACTS = REPO_ROOT / "test-artifacts" / "notes"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--allow-file-access-from-files",
]
_RESULT = re.compile(r'<pre id="sketch-test-result">(.*?)</pre>', re.DOTALL)


def _missing(what: str, how: str) -> None:
    message = f"{what} is missing: {how}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI must run the browser tests)")
    pytest.skip(f"!!! BROWSER TEST NOT RUN !!! {message}")


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        _missing("chromium", "apt-get install -y chromium (./dev test does it)")
    return found  # type: ignore[return-value]


def mermaid_bundle() -> Path:
    if not MERMAID_BUNDLE.is_file():
        _missing("the Mermaid library", "run `npm ci` in tests/js (./dev test does it)")
    return MERMAID_BUNDLE


def _run(args: list[str], profile: Path, timeout: float = 120) -> str:
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}):\n{done.stderr[-2000:]}"
    return done.stdout


def dump_dom(
    page: Path, profile: Path, budget_ms: int = 60_000, flags: list[str] | None = None
) -> str:
    """The page's DOM after load and after its scripts had `budget_ms` of virtual time;
    `flags` are more Chromium switches (e.g. a preferred colour scheme)."""
    args = [*(flags or []), f"--virtual-time-budget={budget_ms}", "--dump-dom", page.as_uri()]
    return _run(args, profile)


def result_of(dom: str) -> object:
    """The JSON a test page wrote into `<pre id="sketch-test-result">`."""
    match = _RESULT.search(dom)
    assert match, f"the page wrote no result; DOM starts: {dom[:500]}"
    return json.loads(html.unescape(match.group(1)))


def screenshot(page: Path, png: Path, profile: Path, size: tuple[int, int] = (1280, 2000)) -> None:
    _run([f"--window-size={size[0]},{size[1]}", f"--screenshot={png}", page.as_uri()], profile)
    assert png.is_file(), "chromium wrote no screenshot"


def keep_artifact(path: Path) -> Path:
    """Copy a file into test-artifacts/notes/ (git-ignored) for people and CI to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / path.name
    shutil.copyfile(path, target)
    return target


def script_json(value: object) -> str:
    """JSON safe inside `<script>`: `</script>` in a string cannot close the element."""
    return json.dumps(value).replace("</", "<\\/").replace("<!--", "<\\!--")


# The page that runs Mermaid: parse, then render, each diagram; collects the drawn text.
_MERMAID_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><script src="{bundle}"></script></head>
<body><div id="stage"></div><pre id="sketch-test-result">pending</pre>
<script>
const diagrams = {diagrams};
mermaid.initialize({{ startOnLoad: false, securityLevel: "strict" }});
(async () => {{
  const results = [];
  for (const [index, text] of diagrams.entries()) {{
    try {{
      const parsed = await mermaid.parse(text);
      const {{ svg }} = await mermaid.render("diagram" + index, text);
      const holder = document.createElement("div");
      holder.innerHTML = svg;
      document.getElementById("stage").appendChild(holder);
      const texts = Array.from(holder.querySelectorAll("text, tspan, span, div, p"))
        .map((el) => el.textContent);
      const css = Array.from(holder.querySelectorAll("style")).map((el) => el.textContent)
        .join(" ");
      results.push({{ ok: true, type: parsed.diagramType, text: holder.textContent, texts, css }});
    }} catch (error) {{
      results.push({{ ok: false, error: String((error && error.message) || error) }});
    }}
  }}
  document.getElementById("sketch-test-result").textContent = JSON.stringify(results);
}})();
</script></body></html>
"""


def mermaid_render(diagrams: list[str], folder: Path) -> list[dict[str, object]]:
    """Each diagram parsed and drawn by the real Mermaid: `ok`, `type`, the drawn `text`."""
    page = folder / "mermaid.html"
    page.write_text(
        _MERMAID_PAGE.format(bundle=mermaid_bundle().as_uri(), diagrams=script_json(diagrams)),
        encoding="utf-8",
    )
    results = result_of(dump_dom(page, folder / "profile"))
    assert isinstance(results, list) and len(results) == len(diagrams), results
    return results
