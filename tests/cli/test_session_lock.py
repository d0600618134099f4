"""The session lock between real processes: one window per file, no restore under it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.cli.test_cli import run, table_counts


def _window(db: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "CARNET_DB"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.Popen(
        [sys.executable, "-m", "carnet", "--db", str(db), "gui"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for_window(db: Path, window: subprocess.Popen[str]) -> None:
    claim = db.with_name(db.name + ".window")
    deadline = time.monotonic() + 90
    while not (claim.exists() and claim.read_text() == str(window.pid)):
        assert window.poll() is None, window.stderr.read() if window.stderr else ""
        assert time.monotonic() < deadline, "the window did not open"
        time.sleep(0.1)


def test_one_window_per_file_and_no_restore_under_an_open_window(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    run(db, "demo", "--acts", "10")
    backup = tmp_path / "before.sqlite"
    run(db, "backup", "--out", str(backup))
    run(db, "act", "add", "--person", "1", "--date", "2026-01-05", "--code", "G", "--fee", "30")
    window = _window(db)
    try:
        _wait_for_window(db, window)
        second = _window(db)
        _, said = second.communicate(timeout=90)
        assert second.returncode == 1
        assert "already open in another Carnet window" in said and str(window.pid) in said
        refused = run(db, "restore", str(backup), "--yes", check=False)
        assert refused.returncode == 1
        assert "open in another Carnet" in refused.stderr
        assert table_counts(db)["care_act"] == 11  # untouched
        assert list(tmp_path.glob("*.before-restore-*")) == []
        run(db, "person", "list")  # a command still works beside the window
    finally:
        window.terminate()
        window.wait(timeout=60)
        if window.stderr is not None:
            window.stderr.close()
    # The window is gone (its locks went with it): the restore goes through.
    assert "kept as" in run(db, "restore", str(backup), "--yes").stdout
    assert table_counts(db)["care_act"] == 10
