"""Settings › Encrypt the database…: asked twice, switched under the window, no plaintext left."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

pytest.importorskip("sqlcipher3")

from carnet.app import Services
from carnet.storage.cipher import is_encrypted
from carnet.ui.encryption_actions import EncryptionActions
from carnet.ui.main_window import MainWindow
from carnet.ui.views.settings_page import SettingsPage
from tests.ui.conftest import open_page

SECRET = "correct horse battery"


def _readable(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.rglob("*") if p.is_file() and b"Thompson" in p.read_bytes()
    )


def test_encrypting_and_decrypting_from_settings(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = services.db_path
    assert db is not None
    services.backup.backup_now()  # an older plain backup must not stay readable
    page = open_page(window, "settings", SettingsPage)
    assert page.encryption_button.text() == "Encrypt the database…"
    answers = iter([SECRET, SECRET, SECRET])
    said: list[str] = []
    monkeypatch.setattr(EncryptionActions, "_say", lambda _self, text: said.append(text))
    monkeypatch.setattr(
        "carnet.ui.encryption_actions._ask_with_qt", lambda _parent: lambda *_: next(answers)
    )

    assert window.switch_encryption()
    assert is_encrypted(db) and _readable(db.parent) == []
    assert window.services is not services and window.services.store.ledger.passphrase == SECRET
    assert len(window.services.household.people()) == 2  # the window shows the same household
    page = open_page(window, "settings", SettingsPage)
    assert page.encryption_button.text() == "Stop encrypting…"
    assert said == ["The database and its backups are now encrypted."]

    assert window.switch_encryption()
    assert not is_encrypted(db) and window.services.store.ledger.passphrase is None
    assert len(window.services.household.people()) == 2


def test_two_different_passphrases_change_nothing(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([SECRET, "something else"])
    said: list[str] = []
    monkeypatch.setattr(EncryptionActions, "_say", lambda _self, text: said.append(text))
    monkeypatch.setattr(
        "carnet.ui.encryption_actions._ask_with_qt", lambda _parent: lambda *_: next(answers)
    )
    assert not window.switch_encryption()
    assert window.services is services and services.db_path is not None
    assert not is_encrypted(services.db_path)
    assert said == ["The two passphrases differ; nothing was changed."]
