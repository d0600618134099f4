"""SIGKILL at random moments of import, mailing, backup, restore, migration and demo.

See :mod:`tests.crash.killing` for what is checked after each kill. ``make test``
runs ``CARNET_KILLS`` kills (24 by default); ``make crash`` runs 240.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from tests.crash.killing import SCENARIOS, run_kills

KILLS = int(os.environ.get("CARNET_KILLS", "24"))


def test_nothing_is_lost_or_leaked_when_carnet_is_killed(tmp_path: Path) -> None:
    seed = int(os.environ.get("CARNET_KILL_SEED", str(random.randrange(1 << 30))))
    verdicts, durations = run_kills(KILLS, tmp_path, seed)
    found = [
        f"{v.scenario} (killed after {v.delay:.2f} s): {'; '.join(v.problems)}"
        for v in verdicts
        if v.problems
    ]
    assert found == [], f"seed {seed}:\n" + "\n".join(found)
    killed = [v for v in verdicts if v.killed]
    assert len(killed) >= min(KILLS, 20) * 0.8, f"only {len(killed)} of {KILLS} runs were killed"
    assert {v.scenario for v in killed} == {s.name for s in SCENARIOS}
    assert set(durations) == {s.name for s in SCENARIOS}
