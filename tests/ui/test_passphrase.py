"""The window asks for the passphrase of an encrypted database, again if it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

pytest.importorskip("sqlcipher3")

from carnet.app import Services, build_services
from carnet.services.encryption import set_encryption
from carnet.ui.passphrase import open_encrypted

SECRET = "correct horse battery"


def test_a_wrong_passphrase_is_asked_again_and_cancel_gives_up(
    qtbot: QtBot, tmp_path: Path, services: Services
) -> None:
    assert services.db_path is not None
    db = services.db_path
    services.close()
    set_encryption(db, None, SECRET)
    answers = iter(["wrong one", SECRET])
    labels: list[str] = []

    def ask(_title: str, label: str) -> str | None:
        labels.append(label)
        return next(answers)

    opened = open_encrypted(db, lambda key: build_services(db, passphrase=key), ask)
    assert opened is not None and len(opened.household.people()) == 2
    opened.close()
    assert "is encrypted" in labels[0] and "does not open" in labels[1]
    assert (
        open_encrypted(db, lambda key: build_services(db, passphrase=key), lambda *_: None) is None
    )
