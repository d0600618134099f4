"""PySide6 is told which Carnet modules use it, instead of reading their source."""

from __future__ import annotations

import types

import pytest

from carnet.ui import pyside_features


def test_the_shortcut_is_in_place_with_this_pyside() -> None:
    # A PySide6 upgrade that drops the hook makes this fail: the start-up is then ~7 ms
    # slower, and the benchmark's figure in the notes must be measured again.
    assert pyside_features.answer_for_carnet_modules()
    assert pyside_features.answer_for_carnet_modules()  # a second call changes nothing


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("carnet.ui.main_window", True),
        ("carnet.ui", True),
        ("carnet.services.care", False),
        ("carnet", False),
        ("typing", False),  # the standard library never uses PySide6
        ("collections.abc", False),
        ("carnet_other", "read"),  # not ours: PySide6 reads it as before
        ("babel.dates", "read"),
    ],
)
def test_answers_come_from_the_layer_rules(name: str, expected: bool | str) -> None:
    read: list[str] = []

    def reads_source(module: types.ModuleType) -> bool:
        read.append(module.__name__)
        return True

    answer = pyside_features._knowing(reads_source)(types.ModuleType(name))
    if expected == "read":
        assert read == [name]
    else:
        assert answer is expected
        assert read == []
