"""What the hostile catalogue's modules share: a small demo household to aim commands at."""

from __future__ import annotations

from pathlib import Path

import pytest

from carnet.app import build_services
from carnet.services.demo import build_demo
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database of 20 acts, made once for each module that asks for it."""
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    services = build_services(db, today=lambda: TODAY)
    build_demo(services.household, services.care, acts=20, today=TODAY)
    services.close()
    return db
