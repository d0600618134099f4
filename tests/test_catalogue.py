"""The French catalogue and its template: no message twice in the catalogue; the template
made from the sources by ``make pot``, never committed. (That every message marked in
``src/`` has its French translation is tests/ui/test_translations.py's.)

Found: ``resources/locale/carnet.pot`` was committed and had not been regenerated
since the first wave (723 messages of some 1 440); the catalogue held 11 messages
the sources no longer use. The window's own test extracted with ``N_``, ``gettext``
and ``ngettext`` only, not ``_`` as ``make pot`` (babel's default keywords) does.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import Counter
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from carnet.i18n import po_path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "carnet"
# What `make pot` extracts with: babel's default keywords and N_ (resources/locale/babel.cfg).
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}


def _key(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _used() -> set[str]:
    return {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(SRC), keywords=KEYWORDS, comment_tags=()
        )
    }


def _msgids(text: str) -> list[tuple[str | None, str]]:
    """Each entry's (context, msgid) as the file spells it, continued lines joined."""
    found: list[tuple[str | None, str]] = []
    context: str | None = None
    current: list[str] | None = None
    kind = ""
    for line in [*text.splitlines(), ""]:
        if line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
            continue
        if current is not None and kind == "msgid":
            found.append((context, "".join(current)))
            context = None
        if current is not None and kind == "msgctxt":
            context = "".join(current)
        current, kind = None, ""
        for keyword in ("msgctxt", "msgid"):
            if line.startswith(keyword + " "):
                current, kind = [ast.literal_eval(line[len(keyword) + 1 :])], keyword
    return found


def test_no_message_is_in_the_catalogue_twice() -> None:
    """Two entries for one message: babel keeps one, gettext tools refuse the file."""
    entries = _msgids(po_path("fr").read_text(encoding="utf-8"))
    assert len(entries) > 1000
    twice = sorted(str(key) for key, count in Counter(entries).items() if count > 1)
    assert twice == []


def test_the_duplicate_check_sees_a_duplicate() -> None:
    text = 'msgid ""\nmsgstr ""\n\nmsgid "Care"\nmsgstr "Soins"\n\nmsgid ""\n"Care"\nmsgstr "X"\n'
    assert Counter(_msgids(text))[(None, "Care")] == 2


def test_no_template_is_committed() -> None:
    """A generated .pot goes stale as the sources change; `make pot` makes it in build/."""
    assert list((ROOT / "resources").rglob("*.pot")) == []


def test_make_pot_writes_the_template_of_every_message(tmp_path: Path) -> None:
    template = tmp_path / "carnet.pot"
    # This interpreter's pybabel; the virtual environment is not remade (-o: taken as done).
    tools = Path(sys.executable).parent
    subprocess.run(
        [
            "make",
            "--silent",
            "-o",
            ".venv/.installed-test",
            "pot",
            f"BIN={tools}",
            f"POT={template}",
        ],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    with template.open("rb") as handle:
        extracted = {_key(m) for m in read_po(handle) if m.id}
    assert extracted == _used()
    assert "Care acts" in extracted
