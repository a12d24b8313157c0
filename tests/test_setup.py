"""The `dev` script behind the README's two set-up commands, run for real as a subprocess.

Where a test needs a machine without Graphviz or apt-get, it runs `dev` with a PATH of links to
the real programs minus those, plus small stand-ins for apt-get, sudo and id that record calls.
Where it needs a .venv that installs nothing, it runs a copy of `dev` whose .venv holds
stand-ins for python's pip, ruff, mypy and lint-imports.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import REPO_ROOT

DEV = REPO_ROOT / "dev"
HIDDEN = {"dot", "apt-get", "sudo", "id"}


def run_dev(
    *args: str, env: dict[str, str] | None = None, cwd: Path = REPO_ROOT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/bash", str(DEV), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=600,
    )


def test_help_explains_both_commands_and_what_they_install() -> None:
    for args in ([], ["--help"]):
        result = run_dev(*args)
        assert result.returncode == 0, result.stderr
        for text in ("./dev render", "./dev test", "graphviz", "chromium", "postgresql", ".venv"):
            assert text in result.stdout
        assert "./dev verify" in result.stdout


def test_second_run_installs_nothing() -> None:
    run_dev("--version")  # may install when pyproject.toml changed since the last run
    result = run_dev("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("sketch ")
    assert "up to date" in result.stderr
    assert "installing" not in result.stderr


def pytest_via_dev(tmp_path: Path, test_body: str, *args: str) -> subprocess.CompletedProcess[str]:
    test_file = tmp_path / "test_probe.py"
    test_file.write_text(f"def test_probe():\n    {test_body}\n", encoding="utf-8")
    # Only graphviz, so the test does not depend on the browser and database being installed.
    return run_dev(
        "test",
        "-p",
        "no:cacheprovider",
        "--rootdir",
        str(tmp_path),
        str(test_file),
        *args,
        env={"DEV_TEST_APT_PACKAGES": "graphviz"},
    )


def test_dev_test_passes_pytests_verdict_through(tmp_path: Path) -> None:
    passed = pytest_via_dev(tmp_path, "assert 2 + 2 == 4")
    failed = pytest_via_dev(tmp_path, "assert 2 + 2 == 5")
    assert (passed.returncode, failed.returncode) == (0, 1), passed.stdout + failed.stdout
    assert "1 passed" in passed.stdout
    assert "1 failed" in failed.stdout


def test_dev_test_fails_when_no_test_is_collected(tmp_path: Path) -> None:
    result = pytest_via_dev(tmp_path, "pass", "-k", "no_such_test")
    assert result.returncode == 1
    assert "collected no tests (exit 5)" in result.stderr


@pytest.fixture
def bare_path(tmp_path: Path) -> Path:
    """A bin folder linking every program in /usr/bin and /bin except dot, apt-get, sudo, id."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for folder in (Path("/usr/bin"), Path("/bin")):
        for program in folder.iterdir():
            link = bin_dir / program.name
            if program.name not in HIDDEN and not link.exists():
                link.symlink_to(program)
    return bin_dir


def stand_in(bin_dir: Path, name: str, script: str) -> None:
    path = bin_dir / name
    # Replace a link to the real program: writing through it would overwrite the program.
    path.unlink(missing_ok=True)
    path.write_text(f"#!/bin/bash\n{script}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def render_without_dot(bin_dir: Path, uid: int = 0) -> subprocess.CompletedProcess[str]:
    stand_in(bin_dir, "id", f'[ "$1" = -u ] && echo {uid}')
    return run_dev("render", "designs/twitter.py", env={"PATH": str(bin_dir)})


def test_without_apt_get_it_says_to_use_the_package_manager(bare_path: Path) -> None:
    result = render_without_dot(bare_path)
    assert result.returncode == 1
    assert "missing system packages: graphviz" in result.stderr
    assert "apt-get is not available here" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def apt_log(bare_path: Path, tmp_path: Path) -> Path:
    """An apt-get stand-in that records its arguments and installs nothing."""
    log = tmp_path / "apt.log"
    stand_in(bare_path, "apt-get", f'echo "$*" >>"{log}"')
    return log


def test_not_root_without_sudo_prints_the_exact_command(bare_path: Path, apt_log: Path) -> None:
    stand_in(bare_path, "sudo", 'echo "sudo: a password is required" >&2; exit 1')
    result = render_without_dot(bare_path, uid=1000)
    assert result.returncode == 1
    assert "sudo apt-get update && sudo apt-get install -y graphviz" in result.stderr
    assert not apt_log.exists(), "apt-get must not run without permission"


def test_root_runs_apt_get_update_once_then_install(bare_path: Path, apt_log: Path) -> None:
    result = render_without_dot(bare_path, uid=0)
    calls = apt_log.read_text(encoding="utf-8").splitlines()
    assert [c.split()[-2:] for c in calls] == [["-qq", "update"], ["install", "graphviz"]]
    # The stand-in installed nothing, so `dot` is still missing: a clear error, not a crash.
    assert result.returncode == 1
    assert "installed graphviz, but its program is still not found" in result.stderr


def test_not_root_uses_sudo_when_it_needs_no_password(bare_path: Path, apt_log: Path) -> None:
    stand_in(bare_path, "sudo", '[ "$1" = -n ] && shift; [ "$1" = true ] && exit 0; exec "$@"')
    result = render_without_dot(bare_path, uid=1000)
    calls = apt_log.read_text(encoding="utf-8").splitlines()
    assert [c.split()[-1] for c in calls] == ["update", "graphviz"]
    assert result.returncode == 1


def test_js_packages_are_installed_once_and_again_when_the_lock_changes(tmp_path: Path) -> None:
    """A copy of the checkout sharing .venv, with tests/js and an npm stand-in that records."""
    root = tmp_path / "checkout"
    (root / "tests" / "js").mkdir(parents=True)
    run_dev("--version")  # brings the stamp of the shared .venv up to date
    for name in ("dev", "pyproject.toml", "constraints.txt"):
        (root / name).write_bytes((REPO_ROOT / name).read_bytes())
    # The copy must find .venv up to date: pip would install the copy into the shared .venv.
    digest = hashlib.sha256((root / "pyproject.toml").read_bytes()).hexdigest()
    assert digest in (REPO_ROOT / ".venv" / ".dev-stamp").read_text(encoding="utf-8")
    (root / ".venv").symlink_to(REPO_ROOT / ".venv")
    lock = root / "tests" / "js" / "package-lock.json"
    (root / "tests" / "js" / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    lock.write_text('{"lockfileVersion": 3}\n', encoding="utf-8")
    bin_dir, log = tmp_path / "bin", tmp_path / "npm.log"
    bin_dir.mkdir()
    stand_in(bin_dir, "npm", f'echo "$PWD: $1" >>"{log}"')

    def setup() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["/bin/bash", str(root / "dev"), "setup", "test"],
            capture_output=True,
            text=True,
            env={
                **os.environ,
                "PATH": f"{bin_dir}:{os.environ['PATH']}",
                "DEV_TEST_APT_PACKAGES": "graphviz",
            },
        )

    first, second = setup(), setup()
    lock.write_text('{"lockfileVersion": 3, "packages": {}}\n', encoding="utf-8")
    third = setup()
    lock.unlink()  # without a lock file, `npm install`
    fourth = setup()
    runs = (first, second, third, fourth)
    assert [r.returncode for r in runs] == [0, 0, 0, 0], [r.stderr for r in runs]
    npm_calls = [f"{lock.parent}: {command}" for command in ("ci", "ci", "install")]
    assert log.read_text(encoding="utf-8").splitlines() == npm_calls
    assert "up to date" in second.stderr


def test_debians_missing_venv_module_is_installed(tmp_path: Path, apt_log: Path) -> None:
    """Debian's python3 lacks venv's pip bootstrap until python3.X-venv is installed."""
    root = tmp_path / "checkout"
    root.mkdir()
    for name in ("dev", "pyproject.toml", "constraints.txt"):
        (root / name).write_bytes((REPO_ROOT / name).read_bytes())
    bin_dir = tmp_path / "bin"  # holds the apt-get stand-in of `apt_log`
    stand_in(
        bin_dir,
        "python3.11",
        'case "$*" in\n'
        '  *"-m venv"*) echo "ensurepip is not available. On Debian/Ubuntu systems, you need'
        ' to install the python3-venv package" >&2; exit 1 ;;\n'
        "  *version_info*2*) echo 3.11 ;;\n"
        '  *--version*) echo "Python 3.11.2" ;;\n'
        "esac",
    )
    stand_in(bin_dir, "id", "echo 0")
    stand_in(bin_dir, "dot", "exit 0")  # only looked up, never run: setup stops before render
    result = subprocess.run(
        ["/bin/bash", str(root / "dev"), "check", "designs"],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(bin_dir)},
    )
    calls = apt_log.read_text(encoding="utf-8").splitlines()
    assert [c.split()[-1] for c in calls] == ["update", "python3.11-venv"]
    assert result.returncode == 1
    assert "could not create .venv even after installing python3.11-venv" in result.stderr
    assert not (root / ".venv").exists()


def test_other_commands_pass_through_to_sketch_with_their_exit_code() -> None:
    assert run_dev("check", "designs/twitter.py").returncode == 0
    missing = run_dev("check", "designs/no_such_design.py")
    assert missing.returncode == 2
    assert "no_such_design.py" in missing.stderr


def test_the_readmes_render_command_renders_twitter(tmp_path: Path) -> None:
    """`./dev render designs/twitter.py`, run from tmp_path so the output lands there."""
    result = run_dev("render", str(REPO_ROOT / "designs" / "twitter.py"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "output" / "twitter"
    assert (folder / "architecture.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert b"<svg" in (folder / "architecture.svg").read_bytes()
    assert (folder / "architecture.dot").read_text(encoding="utf-8").startswith("digraph")
    assert "Design Twitter" in (folder / "design.md").read_text(encoding="utf-8")


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of `dev` and its inputs whose .venv records each call to calls.log: its python
    runs `-m pip` as a no-op (anything else goes to the real interpreter), and ruff, mypy and
    lint-imports only record."""
    root = tmp_path / "checkout"
    (root / ".venv" / "bin").mkdir(parents=True)
    for name in ("dev", "pyproject.toml", "constraints.txt"):
        (root / name).write_bytes((REPO_ROOT / name).read_bytes())
    pip = f'[ "$1" = -m ] && {{ echo "$*" >>"{root}/calls.log"; exit 0; }}'
    stand_in(root / ".venv" / "bin", "python", f'{pip}; exec "{sys.executable}" "$@"')
    for tool in ("ruff", "mypy", "lint-imports"):
        checker_stand_in(root, tool, exit_code=0)
    return root


def checker_stand_in(root: Path, tool: str, exit_code: int) -> None:
    stand_in(
        root / ".venv" / "bin", tool, f'echo "{tool} $*" >>"{root}/calls.log"; exit {exit_code}'
    )


def dev_in(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/bash", str(root / "dev"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "DEV_TEST_APT_PACKAGES": "graphviz"},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def calls(root: Path) -> list[str]:
    return (root / "calls.log").read_text(encoding="utf-8").splitlines()


def test_a_changed_constraints_file_reinstalls_with_it(checkout: Path) -> None:
    first, second = dev_in(checkout, "setup", "render"), dev_in(checkout, "setup", "render")
    constraints = checkout / "constraints.txt"
    constraints.write_text(constraints.read_text(encoding="utf-8") + "rich==15.0.0\n")
    third = dev_in(checkout, "setup", "render")
    runs = (first, second, third)
    assert [r.returncode for r in runs] == [0, 0, 0], [r.stderr for r in runs]
    assert "up to date" in second.stderr
    pip_calls = calls(checkout)
    assert len(pip_calls) == 2, pip_calls  # the first run and the third
    assert all(c.startswith("-m pip install ") for c in pip_calls)
    assert all(c.endswith(" -c constraints.txt -e .[test,dev]") for c in pip_calls)
    digest = hashlib.sha256(constraints.read_bytes()).hexdigest()
    assert f"constraints={digest}" in (checkout / ".venv" / ".dev-stamp").read_text("utf-8")


def test_verify_is_not_a_sketch_command_and_stops_at_the_first_failure(checkout: Path) -> None:
    steps = ["ruff check src tests", "ruff format --check src tests", "mypy src tests"]
    checker_stand_in(checkout, "mypy", exit_code=3)
    failed = dev_in(checkout, "verify")
    assert failed.returncode == 3, failed.stderr
    assert [c for c in calls(checkout) if " pip " not in c] == steps  # no lint-imports
    assert "verify: mypy src tests failed (exit 3)" in failed.stderr
    (checkout / "calls.log").unlink()
    checker_stand_in(checkout, "mypy", exit_code=0)
    passed = dev_in(checkout, "verify")
    assert passed.returncode == 0, passed.stderr  # the .venv has no sketch to pass it to
    assert calls(checkout) == [*steps, "lint-imports --no-cache --no-logo"]
    assert "verify: all checks passed" in passed.stderr
    assert "takes no arguments" in dev_in(checkout, "verify", "designs").stderr
