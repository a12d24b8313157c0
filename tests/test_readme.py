"""The README's examples run: every ```python block goes through `sketch check`, every
`sketch ...` command in a ```console/```sh block runs and shows the output the README shows.

A block preceded by `<!-- no-test -->` is skipped. A python block whose first line is a comment
naming a path (`# sketches/pastebin.py`) is saved there, so later commands can use it. A python
block that starts with an import statement is a script of the Python API: it runs, and must
exit 0.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.paths import REPO_ROOT

README = REPO_ROOT / "README.md"
FENCE = re.compile(r"^```(\w*)\s*$")
NO_TEST = "<!-- no-test -->"
SHELL_LANGS = {"console", "sh", "shell", "bash"}


@dataclass(frozen=True)
class Block:
    lang: str
    text: str
    line: int  # of the opening fence, for messages
    skipped: bool

    @property
    def saved_as(self) -> str | None:
        first = self.text.splitlines()[0] if self.text else ""
        match = re.fullmatch(r"#\s*([\w./-]+\.py)\s*", first)
        return match[1] if match else None


def readme_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        before = next((s.strip() for s in reversed(lines[:i]) if s.strip()), "")
        blocks.append(
            Block(opening[1], "\n".join(lines[i + 1 : end]) + "\n", i + 1, before == NO_TEST)
        )
        i = end + 1
    return blocks


@dataclass(frozen=True)
class Command:
    argv: list[str]
    exit_code: int
    expected_output: list[str]
    line: int
    #: The commands before it in the same block, run first: a block is one session.
    before: tuple[tuple[str, ...], ...] = ()


EXIT_COMMENT = re.compile(r"\s+#\s*exit code (\d+)\s*$")


def sketch_commands(block: Block) -> list[Command]:
    """`$ sketch ...` lines (or bare `sketch ...` lines) and the output lines after each.

    `# exit code N` after a command is the exit code it must give (else 0); `...` in the
    output stands for lines left out. Each other output line must be a line of its output.
    """
    commands: list[Command] = []
    for offset, raw in enumerate(block.text.splitlines()):
        line = raw.removeprefix("$ ")
        if line.startswith("sketch "):
            code = EXIT_COMMENT.search(line)
            argv = shlex.split(EXIT_COMMENT.sub("", line))
            before = tuple(tuple(c.argv) for c in commands)
            commands.append(
                Command(argv, int(code[1]) if code else 0, [], block.line + offset + 1, before)
            )
        elif commands and raw.strip() not in ("", "...") and not raw.startswith("$"):
            commands[-1].expected_output.append(raw.strip())
    return commands


BLOCKS = readme_blocks(README.read_text(encoding="utf-8"))


def _is_script(block: Block) -> bool:
    return block.text.startswith(("import ", "from "))


PYTHON_BLOCKS = [b for b in BLOCKS if b.lang == "python" and not b.skipped and not _is_script(b)]
SCRIPT_BLOCKS = [b for b in BLOCKS if b.lang == "python" and not b.skipped and _is_script(b)]
COMMANDS = [
    c for b in BLOCKS if b.lang in SHELL_LANGS and not b.skipped for c in sketch_commands(b)
]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder like the checkout: designs/ plus every python block saved where it says."""
    shutil.copytree(REPO_ROOT / "designs", tmp_path / "designs")
    for block in PYTHON_BLOCKS:
        if block.saved_as:
            target = tmp_path / block.saved_as
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.text, encoding="utf-8")
    return tmp_path


def test_the_readme_has_examples_to_run() -> None:
    assert len(PYTHON_BLOCKS) >= 1
    assert len(SCRIPT_BLOCKS) >= 1
    assert any(c.argv[:2] == ["sketch", "check"] for c in COMMANDS)


@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=lambda b: f"README.md:{b.line}")
def test_python_block_passes_sketch_check(
    block: Block, workdir: Path, sketch_command: list[str]
) -> None:
    path = workdir / (block.saved_as or f"readme_{block.line}.py")
    path.write_text(block.text, encoding="utf-8")
    result = subprocess.run(
        [*sketch_command, "check", str(path)], cwd=workdir, capture_output=True, text=True
    )
    assert result.returncode == 0, f"README.md:{block.line}\n{result.stdout}{result.stderr}"
    assert "no problems" in result.stdout


@pytest.mark.parametrize("block", SCRIPT_BLOCKS, ids=lambda b: f"README.md:{b.line}")
def test_python_api_block_runs(block: Block, workdir: Path) -> None:
    script = workdir / f"readme_{block.line}.py"
    script.write_text(block.text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)], cwd=workdir, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"README.md:{block.line}\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: f"README.md:{c.line}")
def test_console_command_runs_as_shown(
    command: Command, workdir: Path, sketch_command: list[str]
) -> None:
    for earlier in command.before:  # tested on their own; here they only set the scene
        subprocess.run([*sketch_command, *earlier[1:]], cwd=workdir, capture_output=True)
    result = subprocess.run(
        [*sketch_command, *command.argv[1:]], cwd=workdir, capture_output=True, text=True
    )
    where = f"README.md:{command.line}: {shlex.join(command.argv)}"
    assert result.returncode == command.exit_code, f"{where}\n{result.stdout}{result.stderr}"
    shown = [line.strip() for line in result.stdout.splitlines()]
    for expected in command.expected_output:
        assert expected in shown, f"{where}: README shows {expected!r}, got:\n{result.stdout}"


TOML_BLOCKS = [b for b in BLOCKS if b.lang == "toml" and not b.skipped]


@pytest.mark.parametrize("block", TOML_BLOCKS, ids=lambda b: f"README.md:{b.line}")
def test_toml_block_is_a_valid_project_configuration(
    block: Block, workdir: Path, sketch_command: list[str]
) -> None:
    (workdir / "pyproject.toml").write_text(block.text, encoding="utf-8")
    designs = ["designs/twitter.py", *(b.saved_as for b in PYTHON_BLOCKS if b.saved_as)]
    result = subprocess.run(
        [*sketch_command, "check", *designs], cwd=workdir, capture_output=True, text=True
    )
    assert result.returncode == 0, f"README.md:{block.line}\n{result.stdout}{result.stderr}"


def quick_start_commands() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ")[0]
    block = next(b for b in readme_blocks(section) if b.lang in SHELL_LANGS)
    return [line.removeprefix("$ ") for line in block.text.splitlines() if line.strip()]


def test_quick_start_gives_exactly_the_two_set_up_commands() -> None:
    assert quick_start_commands() == ["./dev render designs/twitter.py", "./dev test"]


def test_ci_runs_the_readmes_test_command() -> None:
    script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert script[0] == "#!/usr/bin/env bash"
    assert "set -euo pipefail" in script
    commands = [line for line in script if line.strip() and not line.startswith(("#", "set "))]
    assert commands[-1] == quick_start_commands()[1]


def test_local_links_point_to_files() -> None:
    text = README.read_text(encoding="utf-8")
    # Links inside code blocks are example notes, relative to their own folders.
    prose = re.sub(r"^```\w*\n.*?^```\n", "", text, flags=re.DOTALL | re.MULTILINE)
    targets = re.findall(r"\]\(([^)#\s]+)\)", prose)
    local = [t for t in targets if "://" not in t]
    assert local, "the README links to the design and the picture"
    missing = [t for t in local if not (REPO_ROOT / t).exists()]
    assert not missing, f"README.md links to missing files: {missing}"


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_readme_picture_is_what_sketch_renders_now(
    fmt: str, tmp_path: Path, sketch_command: list[str]
) -> None:
    committed = REPO_ROOT / "docs" / "images" / f"twitter-architecture.{fmt}"
    result = subprocess.run(
        [
            *sketch_command,
            "render",
            "--output",
            str(tmp_path),
            "--format",
            fmt,
            str(REPO_ROOT / "designs" / "twitter.py"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rendered = (tmp_path / "twitter" / f"architecture.{fmt}").read_bytes()
    assert rendered == committed.read_bytes(), (
        f"{committed.relative_to(REPO_ROOT)} is stale: run scripts/update-docs-images and commit it"
    )


def test_the_misspelling_example_is_what_check_says(
    workdir: Path, sketch_command: list[str]
) -> None:
    """The prose after the example quotes sketch check on it with `db` misspelt as `dbb`."""
    claim = re.search(r"`(sketches/pastebin\.py:\d+: C301 [^`]*)`", README.read_text("utf-8"))
    assert claim, "the README quotes the error for a misspelt component"
    design = workdir / "sketches" / "pastebin.py"
    text = design.read_text(encoding="utf-8")
    design.write_text(text.replace('to="db", action="INSERT', 'to="dbb", action="INSERT'), "utf-8")
    result = subprocess.run(
        [*sketch_command, "check", "sketches/pastebin.py"],
        cwd=workdir,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert claim[1] in result.stdout.splitlines()


def _block_after(marker: str) -> str:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index(marker)
    block = next(b for b in readme_blocks("\n".join(lines[start:])) if b.lang == "markdown")
    return block.text


def test_embed_example_is_what_sketch_embed_writes(
    tmp_path: Path, sketch_command: list[str]
) -> None:
    shutil.copytree(REPO_ROOT / "designs", tmp_path / "designs")
    note = tmp_path / "notes" / "twitter.md"
    note.parent.mkdir()
    note.write_text(_block_after("<!-- embed-before -->"), encoding="utf-8")
    done = subprocess.run(
        [*sketch_command, "embed", "notes/twitter.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert note.read_text(encoding="utf-8") == _block_after("<!-- embed-after -->")
    assert (note.parent / "images" / "twitter-architecture.svg").is_file()
