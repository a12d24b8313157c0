"""A throw-away PostgreSQL server for the SQL tests: own data folder, Unix socket only.

Debian's `postgresql` package provides the binaries (`./dev test` installs it). As root the
server runs as the unprivileged `postgres` user, since PostgreSQL refuses to run as root.
Outside CI a missing PostgreSQL skips these tests with the reason; under CI=true it fails.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SUPERUSER = "sketch"


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _version(path: str) -> int:
    part = Path(path).parts[-3]
    return int(part) if part.isdigit() else 0


def _missing(reason: str) -> None:
    message = f"PostgreSQL tests cannot run: {reason} (install Debian's `postgresql` package)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _as_owner(command: list[str], owner: str | None) -> list[str]:
    if not owner:
        return command
    search = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    runuser = shutil.which("runuser", path=search)
    if runuser is None:
        _missing("running as root, and `runuser` (util-linux) is not installed")
    return [str(runuser), "-u", owner, "--", *command]


@pytest.fixture(scope="session")
def postgres() -> Iterator[dict[str, Any]]:
    """Connection arguments for psycopg of a running server, stopped after the session."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _missing("psycopg is not installed (pip install 'psycopg[binary]')")
    bin_dir = _bin_dir()
    if bin_dir is None:
        _missing("initdb and pg_ctl were not found in /usr/lib/postgresql/*/bin or on PATH")
    assert bin_dir is not None
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres").pw_name
        except KeyError:
            _missing("running as root, and there is no `postgres` user to run the server as")
    # Not under pytest's tmp_path: its parent folders are private to root, and the server
    # runs as another user. The folder is removed when the session ends.
    root = Path(tempfile.mkdtemp(prefix="sketch-pg-"))
    data, socket = root / "data", root / "socket"
    socket.mkdir()
    if owner:
        for path in (root, socket):
            shutil.chown(path, owner, owner)
    try:
        yield _start(bin_dir, root, data, socket, owner)
    finally:
        subprocess.run(
            _as_owner(
                [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-s", "stop"], owner
            ),
            capture_output=True,
            check=False,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)


def _start(
    bin_dir: Path, root: Path, data: Path, socket: Path, owner: str | None
) -> dict[str, Any]:
    def run(command: list[str]) -> None:
        done = subprocess.run(
            _as_owner(command, owner), capture_output=True, text=True, timeout=120, check=False
        )
        if done.returncode != 0:
            log = (root / "server.log").read_text() if (root / "server.log").exists() else ""
            pytest.fail(f"{command[0]} failed:\n{done.stdout}\n{done.stderr}\n{log}")

    run(
        [
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        ]
    )
    options = f"-k {socket} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    run(
        [
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "server.log"),
            "-w",
            "-t",
            "60",
            "-s",
            "start",
        ]
    )
    return {"host": str(socket), "user": SUPERUSER, "dbname": "postgres"}
