"""`sketch watch --serve`: the live preview on 127.0.0.1, reloaded by real headless Chromium.

The server runs in this process (so the test can see which build each page request got);
Chromium opens the page and keeps it open; the design file changes; the page's own
EventSource script must make Chromium fetch the new build, which shows the change.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sketch.cli.commands.watch import Watcher
from sketch.cli.preview import Preview, PreviewServer
from sketch.rendering.data_file import to_yaml
from tests.helpers.factories import small_design
from tests.rendering import browser


def _until(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Watcher, PreviewServer, Path]]:
    design = tmp_path / "shop.yaml"
    design.write_text(to_yaml(small_design(title="First title")), encoding="utf-8")
    preview = Preview()
    server = PreviewServer(preview, 0)
    server.start()
    watcher = Watcher(design, tmp_path / "out", ("html",), echo=lambda _: None, preview=preview)
    watcher.build()
    try:
        yield watcher, server, design
    finally:
        server.stop()


def test_the_page_has_the_design_the_panel_and_nothing_external(
    served: tuple[Watcher, PreviewServer, Path],
) -> None:
    _, server, _ = served
    with urllib.request.urlopen(server.url, timeout=30) as response:
        page = response.read().decode("utf-8")
        policy = response.headers["Content-Security-Policy"]
    assert "First title" in page and 'id="sketch-live"' in page
    assert 'new EventSource("/events")' in page
    assert "connect-src 'self'" in policy and "default-src 'none'" in policy
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?:https?:|//)""", page)
    assert server.url.startswith("http://127.0.0.1:")
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(server.url + "etc/passwd", timeout=30)
    assert missing.value.code == 404
    missing.value.close()
    with urllib.request.urlopen(server.url + "events", timeout=30) as stream:
        assert stream.readline() == b"data: 1\n"


def test_chromium_reloads_the_page_when_the_design_changes(
    served: tuple[Watcher, PreviewServer, Path], tmp_path: Path
) -> None:
    watcher, server, design = served
    preview = server.preview
    chromium = subprocess.Popen(
        [
            browser.chromium(),
            *browser.FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--remote-debugging-port=0",  # keeps headless Chromium running with the page open
            server.url,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _until(lambda: preview.served[1] >= 1, "Chromium to open the page")
        time.sleep(0.5)  # the page's EventSource connects
        design.write_text(to_yaml(small_design(title="Changed title")), encoding="utf-8")
        watcher.build()
        assert preview.version == 2
        _until(lambda: preview.served[2] >= 1, "Chromium to reload after the save")
        assert "Changed title" in preview.current()[1]  # what Chromium was sent
        # A design that stops loading: the page says so, over the last good picture.
        design.write_text("name: [unclosed\n", encoding="utf-8")
        watcher.build()
        _until(lambda: preview.served[3] >= 1, "Chromium to reload after a broken save")
        page = preview.current()[1]
        assert "cannot load the design" in page and "Changed title" in page
    finally:
        chromium.kill()
        chromium.wait(timeout=30)


def test_problems_and_findings_show_in_the_page(
    served: tuple[Watcher, PreviewServer, Path],
) -> None:
    watcher, server, design = served
    small = small_design(title="Draft")
    design.write_text(to_yaml(small.model_copy(update={"entities": small.entities[:1]})))
    watcher.build()
    page = server.preview.current()[1]
    panel = page.split('<div id="sketch-live"', 1)[1].split("</div>", 1)[0]
    assert "check: 1 problem" in panel and "C101" in panel
    assert "lint: " in panel
    assert "draft: 1 problem" in page  # the page itself carries the draft banner


def test_the_command_serves_on_the_port_it_prints(
    tmp_path: Path, sketch_command: list[str]
) -> None:
    (tmp_path / "shop.yaml").write_text(to_yaml(small_design()), encoding="utf-8")
    process = subprocess.Popen(
        [*sketch_command, "watch", "shop.yaml", "--serve", "--port", "0", "--interval", "0.1"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line

        def page() -> str:
            with urllib.request.urlopen(url[0], timeout=30) as response:
                return str(response.read().decode("utf-8"))

        _until(lambda: 'id="sketch-live"' in page(), "the first build on the page")
        assert (tmp_path / "output" / "shop" / "design.html").is_file()
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()


def test_a_port_in_use_is_a_usage_error(sketch_command: list[str], tmp_path: Path) -> None:
    preview = Preview()
    taken = PreviewServer(preview, 0)
    port = taken.httpd.server_address[1]
    (tmp_path / "shop.yaml").write_text(to_yaml(small_design()), encoding="utf-8")
    try:
        done = subprocess.run(
            [*sketch_command, "watch", "shop.yaml", "--serve", "--port", str(port)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        taken.stop()
    assert done.returncode == 2
    assert f"cannot serve on 127.0.0.1:{port}" in done.stderr and "--port" in done.stderr
    assert sys.executable  # the command ran in this interpreter's environment
