"""The gettext catalogue: compiled once, kept in the cache folder, read back at each start."""

from __future__ import annotations

from pathlib import Path

import pytest

from carnet import i18n


def test_the_compiled_catalogue_is_kept_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """French starts read the compiled copy (parsing the .po cost ~30 ms every time)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    i18n.catalogue.cache_clear()
    try:
        first = i18n.catalogue("fr")
        kept = list((tmp_path / "carnet").glob("carnet-fr-*.mo"))
        assert len(kept) == 1
        i18n.catalogue.cache_clear()

        def no_compiling(_source: bytes, _language: str) -> bytes:
            raise AssertionError("compiled again although a copy was kept")

        monkeypatch.setattr(i18n, "compile_po", no_compiling)
        again = i18n.catalogue("fr")
        assert again.gettext("Care acts") == first.gettext("Care acts") != "Care acts"
    finally:
        i18n.catalogue.cache_clear()


def test_a_damaged_or_stale_copy_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "carnet"
    folder.mkdir()
    stale = folder / "carnet-fr-00000000000000000000.mo"  # an older Carnet's catalogue
    stale.write_bytes(b"old")
    i18n.catalogue.cache_clear()
    try:
        i18n.catalogue("fr")
        (kept,) = folder.glob("carnet-fr-*.mo")
        assert kept != stale  # replaced by the current one
        kept.write_bytes(b"not a catalogue")
        i18n.catalogue.cache_clear()
        assert i18n.catalogue("fr").gettext("Care acts") != "Care acts"
        assert kept.read_bytes().startswith(b"\xde\x12\x04\x95")  # a real .mo again
    finally:
        i18n.catalogue.cache_clear()


def test_an_unwritable_cache_still_translates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    i18n.catalogue.cache_clear()
    try:
        assert i18n.catalogue("fr").gettext("Care acts") != "Care acts"
    finally:
        i18n.catalogue.cache_clear()
