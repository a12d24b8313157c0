"""The package installs anywhere: a wheel built from the checkout, installed into a fresh
virtual environment, gives a working `sketch` command (no source tree on the path).

The wheel's dependencies are not downloaded again: the fresh venv sees main's venv
site-packages through a .pth file (paths only, so main's editable sketch is not picked up),
and the wheel goes in with `--no-deps`. What is tested is the wheel: its files, its console
script, its metadata under the distribution name `sketch-sysdesign`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from tests.helpers.paths import REPO_ROOT

DISTRIBUTION = "sketch-sysdesign"


def _run(argv: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [str(a) for a in argv], capture_output=True, text=True, timeout=300, **kwargs
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the checkout (setuptools writes build/ into the tree)."""
    here = tmp_path_factory.mktemp("wheel")
    tree = here / "tree"
    tree.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO_ROOT / name, tree / name)
    shutil.copytree(
        REPO_ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", here, tree])
    assert built.returncode == 0, built.stdout + built.stderr
    (found,) = here.glob("*.whl")
    return found


def test_the_distribution_name_is_not_the_other_sketch_on_pypi() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    # `sketch` on PyPI is someone else's (data sketches); the command stays `sketch`.
    assert project["name"] == DISTRIBUTION
    assert project["scripts"] == {"sketch": "sketch.cli:main"}


def test_the_wheel_holds_the_package_and_its_command(wheel: Path) -> None:
    assert wheel.name.startswith("sketch_sysdesign-")
    names = zipfile.ZipFile(wheel).namelist()
    assert "sketch/py.typed" in names and "sketch/cli/__init__.py" in names
    assert not any(n.startswith(("tests/", "designs/")) for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "sketch = sketch.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns its bin/ (Scripts/ on Windows)."""
    root = tmp_path_factory.mktemp("venv")
    venv.create(root, with_pip=False, symlinks=os.name != "nt")
    paths = sysconfig.get_paths(vars={"base": str(root), "platbase": str(root)})
    site = Path(paths["purelib"])
    deps = sysconfig.get_paths()["purelib"]  # this (main's) venv: pydantic, typer, diagrams...
    (site / "_sketch_test_dependencies.pth").write_text(deps + "\n", encoding="utf-8")
    python = Path(paths["scripts"]) / ("python.exe" if os.name == "nt" else "python")
    done = _run(
        [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel]
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return Path(paths["scripts"])


def test_the_installed_command_runs_from_anywhere(installed: Path, tmp_path: Path) -> None:
    sketch = installed / "sketch"
    env = {**os.environ, "PYTHONPATH": ""}  # nothing from the checkout
    version = _run([sketch, "--version"], cwd=tmp_path, env=env)
    assert version.returncode == 0 and version.stdout.startswith("sketch "), version.stderr
    where = _run([installed / "python", "-c", "import sketch; print(sketch.__file__)"], env=env)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout
    new = _run([sketch, "new", "pastebin", "-o", "mine"], cwd=tmp_path, env=env)
    assert new.returncode == 0, new.stderr
    rendered = _run([sketch, "render", "mine/pastebin.py", "-f", "svg,md"], cwd=tmp_path, env=env)
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr
    assert (tmp_path / "output" / "pastebin" / "architecture.svg").is_file()


def test_without_graphviz_check_lint_and_estimate_work_and_render_says_how(
    installed: Path, tmp_path: Path
) -> None:
    sketch = installed / "sketch"
    env = {**os.environ, "PYTHONPATH": "", "PATH": str(installed)}  # no `dot` on PATH
    twitter = REPO_ROOT / "designs" / "twitter.py"
    for command in (["check"], ["lint"], ["estimate"], ["render", "-f", "md"]):
        done = _run([sketch, *command, twitter], cwd=tmp_path, env=env)
        assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    render = _run([sketch, "render", twitter], cwd=tmp_path, env=env)
    assert render.returncode == 2
    assert "Graphviz `dot` was not found" in render.stderr
    assert "brew install graphviz" in render.stderr and "apt-get install graphviz" in render.stderr
