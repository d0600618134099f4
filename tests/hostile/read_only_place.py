"""Commands run on a database in a folder that really cannot be written.

Not as root: the folder is made read-only (mode 0555). As root, permissions do not
stop writing, so the folder is bind-mounted read-only in a mount namespace of its
own (``unshare -m``), where even root gets "Read-only file system"; without that
possibility the test is skipped.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

NO_MOUNT = 99


class Done(NamedTuple):
    status: int
    out: bytes
    err: str


def run_read_only(folder: Path, db: Path, commands: list[tuple[str, ...]]) -> list[Done]:
    """Run each ``carnet --db DB COMMAND`` with ``folder`` read-only; their results."""
    results = folder.parent / f"{folder.name}-results"
    results.mkdir()
    python = shlex.quote(sys.executable)
    lines = []
    if os.geteuid() == 0:
        place = shlex.quote(str(folder))
        lines.append(
            f"mount --bind {place} {place} && mount -o remount,bind,ro {place} || exit {NO_MOUNT}"
        )
    for index, args in enumerate(commands):
        words = " ".join(shlex.quote(a) for a in ("--db", str(db), *args))
        target = shlex.quote(str(results / str(index)))
        lines.append(
            f"{python} -m carnet {words} >{target}.out 2>{target}.err; echo $? >{target}.rc"
        )
    script = "\n".join(lines)
    env = {k: v for k, v in os.environ.items() if k not in ("CARNET_DB", "CARNET_PASSPHRASE")}
    if os.geteuid() == 0:
        argv = ["unshare", "-m", "sh", "-c", script]
    else:
        folder.chmod(0o555)
        argv = ["sh", "-c", script]
    try:
        done = subprocess.run(argv, env=env, capture_output=True, timeout=600, check=False)
    except FileNotFoundError:
        pytest.skip("no unshare here to make a read-only folder as root")
    finally:
        folder.chmod(0o755)
    if done.returncode == NO_MOUNT or (done.returncode and os.geteuid() == 0):
        pytest.skip(f"cannot mount a read-only folder here: {done.stderr.decode()[:200]}")
    return [
        Done(
            int((results / f"{i}.rc").read_text()),
            (results / f"{i}.out").read_bytes(),
            (results / f"{i}.err").read_text(encoding="utf-8", errors="replace"),
        )
        for i in range(len(commands))
    ]
