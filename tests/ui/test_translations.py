"""The gettext catalogue: complete in French, covering every UI string, switchable live."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from PySide6.QtWidgets import QLabel

from carnet.i18n import Translator, po_path
from carnet.ui.main_window import MainWindow
from carnet.ui.views.help_page import HelpPage

SRC = Path(__file__).resolve().parents[2] / "src" / "carnet"
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}  # as `make pot` extracts (babel.cfg)
PLACEHOLDER = re.compile(r"\{\w+\}")
PLACEHOLDER_NAME = re.compile(r"\{(\w+)\}")


def french() -> dict[str, Message]:
    with po_path("fr").open("rb") as handle:
        catalogue = read_po(handle, locale="fr")
    return {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalogue if m.id}


def strings(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_every_french_message_is_translated_and_not_fuzzy() -> None:
    problems = [key for key, m in french().items() if m.fuzzy or not all(strings(m))]
    assert problems == []


def test_every_string_of_the_window_is_in_the_catalogue() -> None:
    # All of src/carnet, not only ui/: the services, the domain, the rules and the
    # bank importers mark the messages they send to the window with N_.
    known = french()
    found = {
        (message if isinstance(message, str) else message[0])
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(SRC), keywords=KEYWORDS, comment_tags=()
        )
    }
    missing = sorted(found - set(known))
    assert missing == [], "run the pybabel commands in resources/locale/babel.cfg"


def test_placeholders_survive_translation() -> None:
    for key, message in french().items():
        # A plural's "other" forms must keep the placeholders of the English plural.
        source = message.id[-1] if isinstance(message.id, tuple) else key
        wanted = set(PLACEHOLDER.findall(source))
        for text in strings(message)[1:] if isinstance(message.id, tuple) else strings(message):
            assert set(PLACEHOLDER.findall(text)) == wanted, key


def test_no_message_is_flagged_as_a_percent_format() -> None:
    # Carnet fills messages with braces; a "%" in one is a percent sign ("70 % of it").
    # Babel's extractor writes a "python-format" flag when it sees one, and then gettext's
    # own checker (msgfmt -c, which translators' editors run) refuses the French
    # "70 %, moins" as a bad directive. Such an entry must say "no-python-format".
    flags = [line for line in po_path("fr").read_text("utf-8").splitlines() if line[:2] == "#,"]
    assert [f for f in flags if "python-format" in f.replace("no-python-format", "")] == []


def test_messages_of_the_core_fill_in_both_languages() -> None:
    """Every template the services, domain, rules and bank mark formats with its own names.

    Their parameters are filled by name at run time (``Message.render``): a French text
    with a placeholder the English lacks, a positional ``{}`` or a stray brace would
    raise in front of the person instead of showing the sentence.
    """
    known = french()
    checked = 0
    for layer in ("services", "domain", "rules", "bank"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(SRC / layer), keywords=KEYWORDS, comment_tags=()
        ):
            assert isinstance(message, str), "core messages have no plural forms"
            names = dict.fromkeys(PLACEHOLDER_NAME.findall(message), "x")
            translated = strings(known[message])[0]
            assert translated.format_map(names), message
            assert message.format_map(names), message
            checked += 1
    assert checked > 100


def test_french_money_and_dates() -> None:
    t = Translator("fr")
    assert t.gettext("Dashboard") == "Tableau de bord"
    assert t.ngettext("{n} act", "{n} acts", 2).format(n=2) == "2 actes"
    assert t.money(123456) == "1\u202f234,56\xa0€"


def test_the_language_switches_without_a_restart(window: MainWindow) -> None:
    window.show_page("help")
    window.set_language("fr")
    titles = [window.sidebar.item(r).text() for r in range(window.sidebar.count())]
    assert titles[:2] == ["Tableau de bord", "Soins"]
    assert window.menus.file.title() == "&Fichier"
    assert window.current_page() == "help"
    help_page = window.page("help")
    assert isinstance(help_page, HelpPage)
    assert "Numéros d'urgence" in help_page.browser.toPlainText()
    labels = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert "6 actes" in labels
    assert window.care_page.filter_box.placeholderText().startswith("Filtrer")
    window.set_language("en")
    assert window.sidebar.item(0).text() == "Dashboard"
