"""The one guarded writer: every file sketch writes goes through here.

What it guarantees, whatever the target path is:

- never over an input of the same run (a design, a helper module it imported, a settings file;
  see `sketch.loading.inputs`), by any of the input's names;
- never over anything that is not a regular file: a folder, a FIFO, a device node, a socket,
  or a symlink to one (`-o /dev/stdout`) is refused. A symlink to a regular file (a note kept
  elsewhere and linked in) is written through: the real file gets the new text and the link
  stays a link;
- atomic: the bytes go to a temporary file beside the target, fsync'ed, then renamed over it,
  so a crash or a full disk never leaves half a file;
- a folder of outputs (`write_folder_atomic`, one design's render) is built in a staging
  folder beside it and swapped in, so it is always all-old or all-new; symlinks inside that
  folder are refused, never followed;
- errors name the path the user gave, never sketch's temporary file.
"""

from __future__ import annotations

import errno
import functools
import os
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from sketch.errors import UsageError, relative_path
from sketch.loading.inputs import input_at

_STAGING_TAG = ".sketch-"  # `.<folder>.sketch-<pid>-<random>`: staging and swapped-out folders


def write_bytes_atomic(path: Path, data: bytes, *, within: Path | None = None) -> Path:
    """Write `data` to `path` (or, for a symlink, to the regular file it names), atomically.

    `within`: the folder the real file must lie in, for paths sketch chose rather than the
    user (embed's images), so a planted symlink cannot aim a write outside the project.
    Returns the file actually written. `UsageError` for a target that must not be written;
    `OSError` naming `path` when the disk refuses.
    """
    target = writable_target(path)
    if within is not None and not Path(os.path.realpath(target)).is_relative_to(
        os.path.realpath(within)
    ):
        raise UsageError(
            f"{relative_path(path)} leads outside {relative_path(within)}/ (through a symlink); "
            "sketch writes there only inside the project",
            "remove the link",
        )
    try:
        if not target.parent.is_dir():
            target.parent.mkdir(parents=True, exist_ok=True)
            target = writable_target(path)  # now that its folders exist, look again
        _replace_with(target, data)
    except OSError as exc:
        raise _naming(exc, path) from exc
    return target


def write_text_atomic(path: Path, text: str) -> Path:
    """Write UTF-8 text with `\\n` line ends, atomically."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def writable_target(path: Path) -> Path:
    """The regular file a write to `path` lands on; `UsageError` when it must not be written."""
    shown = relative_path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        target = path
    except OSError as exc:  # e.g. a parent that is a file: ENOTDIR
        raise _naming(exc, path) from exc
    else:
        if stat.S_ISLNK(info.st_mode):
            target = Path(os.path.realpath(path))
            if not target.is_file():
                raise UsageError(
                    f"{shown} is a symlink to {relative_path(target)}, which is not a regular "
                    "file; sketch writes regular files only",
                    "name a regular file, or remove the link",
                )
        elif not stat.S_ISREG(info.st_mode):
            raise UsageError(
                f"{shown} is {_kind(info.st_mode)}, not a regular file; sketch writes regular "
                "files only",
                "name another output path",
            )
        else:
            target = path
    _refuse_input(target, shown)
    # `sub/../x.py` with no `sub` yet: the write would create `sub` and land on `x.py`.
    _refuse_input(Path(os.path.normpath(target)), shown)
    return target


def write_folder_atomic(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write `files` (relative path -> bytes) into `folder` all at once; returns their paths.

    The new folder is built beside `folder` (the files already in it are kept, as hard links,
    unless rewritten) and swapped in with one rename, so a crash, a full disk or a refused
    entry leaves `folder` exactly as it was.
    """
    _check_folder(folder, files)
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _naming(exc, parent) from exc
    _remove_stale_staging(parent, folder.name)
    staging = Path(
        tempfile.mkdtemp(prefix=f".{folder.name}{_STAGING_TAG}{os.getpid()}-", dir=parent)
    )
    try:
        existed = folder.is_dir()
        os.chmod(staging, stat.S_IMODE(folder.stat().st_mode) if existed else 0o777 & ~_umask())
        if existed:
            _link_tree(folder, staging)
        for relative, data in sorted(files.items()):
            try:
                _write_new(staging / relative, data)
            except OSError as exc:
                raise _naming(exc, folder / relative) from exc
        _fsync_folder(staging)
        try:
            _swap_in(staging, folder, existed)
        except OSError as exc:
            raise _naming(exc, folder) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # after a swap: the old folder
    return [folder / relative for relative in sorted(files)]


# Checks ------------------------------------------------------------------------------------


def _check_folder(folder: Path, files: Mapping[str, bytes]) -> None:
    shown = relative_path(folder)
    if folder.is_symlink():
        raise UsageError(
            f"{shown} is a symlink; sketch replaces a design's output folder whole and never "
            "writes through a link",
            "remove the link, or pass another --output",
        )
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{shown} is not a folder", "remove it, or pass another --output")
    for relative in files:
        target = folder / relative
        for inside in reversed(target.relative_to(folder).parents[:-1]):
            _refuse_link_or_file(folder / inside, dir_expected=True)
        _refuse_link_or_file(target, dir_expected=False)
        _refuse_input(target, relative_path(target))


def _refuse_link_or_file(path: Path, *, dir_expected: bool) -> None:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    shown = relative_path(path)
    if stat.S_ISLNK(mode):
        raise UsageError(
            f"{shown} is a symlink inside the output folder; sketch never writes through one",
            "remove the link (the render recreates what it needs)",
        )
    wanted = stat.S_ISDIR(mode) if dir_expected else stat.S_ISREG(mode)
    if not wanted:
        need = "a folder" if dir_expected else "a regular file"
        raise UsageError(
            f"{shown} is {_kind(mode)}; the render writes {need} there",
            "move it away and render again",
        )


def _refuse_input(target: Path, shown: str) -> None:
    original = input_at(target)
    if original is not None:
        raise UsageError(
            f"{shown} is {relative_path(original)}, an input of this command; writing there "
            "would replace it",
            "name another output path",
        )


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symlink"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _naming(exc: OSError, path: Path) -> OSError:
    """The same error, naming the user's path rather than a temporary file."""
    return type(exc)(exc.errno, exc.strerror or str(exc), relative_path(path))


# Writing -----------------------------------------------------------------------------------


def _replace_with(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():  # keep the permissions a user gave the file
            os.chmod(temp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` afresh: a hard link to the old folder's file is unlinked, never written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = os.lstat(path).st_mode & 0o7777 if os.path.lexists(path) else 0o666 & ~_umask()
    if os.path.lexists(path):
        os.unlink(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _link_tree(source: Path, target: Path) -> None:
    """Mirror `source` into `target` without following links: hard links for files."""
    for entry in os.scandir(source):
        there = target / entry.name
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), there)
        elif entry.is_dir(follow_symlinks=False):
            there.mkdir()
            shutil.copystat(entry.path, there, follow_symlinks=False)
            _link_tree(Path(entry.path), there)
        elif entry.is_file(follow_symlinks=False):
            try:
                os.link(entry.path, there, follow_symlinks=False)
            except OSError:  # a file system without hard links
                shutil.copy2(entry.path, there, follow_symlinks=False)
        # FIFOs, devices and sockets are not carried into the new folder.


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _swap_in(staging: Path, folder: Path, existed: bool) -> None:
    """Put `staging` at `folder`; the old folder ends up at `staging` (to be removed)."""
    if not existed:
        try:
            os.rename(staging, folder)
            return
        except OSError as exc:
            # Another render of the same name (a batch's twin, a second sketch) put the folder
            # there meanwhile: swap with it like with any old folder.
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST) or not folder.is_dir():
                raise
    if _exchange(staging, folder):
        return
    # No atomic exchange here: two renames, with the old folder kept until the new is in.
    aside = folder.parent / f".{folder.name}{_STAGING_TAG}{os.getpid()}-old-{secrets.token_hex(4)}"
    os.rename(folder, aside)
    try:
        os.rename(staging, folder)
    except OSError:
        os.rename(aside, folder)
        raise
    os.rename(aside, staging)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False if unsupported."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    import ctypes

    result = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), ctypes.c_uint(_RENAME_EXCHANGE)
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """glibc's renameat2, from the symbols already loaded into this process: asking
    `ctypes.util.find_library("c")` instead runs `ldconfig -p` (3 ms) in every render."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    except OSError:
        return None


def _remove_stale_staging(parent: Path, name: str) -> None:
    """Staging folders left by a killed render of `name`: removed once their process is gone."""
    prefix = f".{name}{_STAGING_TAG}"
    for entry in parent.glob(f"{prefix}*"):
        pid_text = entry.name[len(prefix) :].split("-", 1)[0]
        if pid_text.isdigit() and not _alive(int(pid_text)):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
