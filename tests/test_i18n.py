"""The gettext catalogue: compiled by the wheel's build, compiled in memory in a checkout.

The build side (setup.py writing the .mo into the wheel) is tested on a real wheel in
tests/test_install.py.
"""

from __future__ import annotations

import gettext
import shutil
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest

from carnet import i18n


@pytest.fixture
def fresh() -> Iterator[None]:
    i18n.catalogue.cache_clear()
    yield
    i18n.catalogue.cache_clear()


@pytest.fixture
def installed_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the resources with a compiled .mo beside the .po, as a wheel has them."""
    copy = tmp_path / "resources"
    shutil.copytree(i18n.resources_dir() / "locale", copy / "locale")
    po = copy / "locale" / "fr" / "LC_MESSAGES" / "carnet.po"
    # A translation only the .mo has, to tell which file was read.
    source = po.read_bytes().replace(b'msgstr "Actes de soin"', b'msgstr "Actes (du .mo)"', 1)
    po.with_suffix(".mo").write_bytes(i18n.compile_po(source, "fr"))
    monkeypatch.setattr(i18n, "resources_dir", lambda: copy)
    return copy


def test_an_installed_carnet_reads_the_compiled_catalogue_without_parsing_the_po(
    installed_resources: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_compiling(_source: bytes, _language: str) -> bytes:
        raise AssertionError("the .po was compiled although the build made a .mo")

    monkeypatch.setattr(i18n, "compile_po", no_compiling)
    assert i18n.catalogue("fr").gettext("Care acts") == "Actes (du .mo)"


def test_a_checkout_compiles_the_po_in_memory_and_writes_nothing(
    tmp_path: Path, private_cache: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editable install has the .po only (the tests may also run on an installed wheel)."""
    checkout = tmp_path / "resources"
    shutil.copytree(i18n.resources_dir() / "locale", checkout / "locale")
    (checkout / "locale" / "fr" / "LC_MESSAGES" / "carnet.mo").unlink(missing_ok=True)
    monkeypatch.setattr(i18n, "resources_dir", lambda: checkout)
    before = sorted(private_cache.rglob("*")), sorted(checkout.rglob("*"))
    assert i18n.catalogue("fr").gettext("Care acts") == "Actes de soin"
    assert (sorted(private_cache.rglob("*")), sorted(checkout.rglob("*"))) == before


def test_no_compiled_catalogue_is_left_in_the_repository() -> None:
    """A .mo in resources/ would go stale as the .po changes (the build makes its own)."""
    resources = Path(__file__).resolve().parents[1] / "resources"
    assert list(resources.rglob("*.mo")) == []


def test_fuzzy_entries_are_left_out(fresh: None) -> None:
    """An unfinished translation shows the English text rather than a wrong one."""
    po = b'msgid ""\nmsgstr ""\n\n#, fuzzy\nmsgid "Care acts"\nmsgstr "Faux"\n'
    compiled = i18n.compile_po(po, "fr")
    assert gettext.GNUTranslations(BytesIO(compiled)).gettext("Care acts") == "Care acts"


def test_english_needs_no_catalogue(fresh: None) -> None:
    assert i18n.catalogue("en").gettext("Care acts") == "Care acts"
