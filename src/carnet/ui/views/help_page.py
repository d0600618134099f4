"""The Help page: emergency numbers first, then the guide to French health insurance
and a glossary, in the window's language (content in :mod:`carnet.ui.help_content`)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout

from carnet.i18n import Translator
from carnet.ui.help_content import EMERGENCY_NOTE, EMERGENCY_NUMBERS, GLOSSARY, GUIDE
from carnet.ui.page import Page, PageContext


def help_html(t: Translator) -> str:
    """The whole page as simple HTML (no colours: the palette decides)."""
    _ = t.gettext
    # Translated outside the f-strings: Babel does not look for messages inside them.
    title, numbers = escape(_("Help")), escape(_("Emergency numbers"))
    guide, glossary = escape(_("How French health insurance works")), escape(_("Glossary"))
    parts = [f"<h1>{title}</h1>", f"<h2>{numbers}</h2>"]
    parts.append("<table cellpadding='4'>")
    for number, who, when in EMERGENCY_NUMBERS:
        parts.append(
            f"<tr><td><b style='font-size: 15pt'>{escape(number)}</b></td>"
            f"<td><b>{escape(_(who))}</b><br>{escape(_(when))}</td></tr>"
        )
    parts.append(f"</table><p>{escape(_(EMERGENCY_NOTE))}</p>")
    parts.append(f"<h2>{guide}</h2>")
    for title, paragraphs in GUIDE:
        parts.append(f"<h3>{escape(_(title))}</h3>")
        parts.extend(f"<p>{escape(_(text))}</p>" for text in paragraphs)
    parts.append(f"<h2>{glossary}</h2><dl>")
    for term, meaning in GLOSSARY:
        parts.append(f"<dt><b>{escape(term)}</b></dt><dd>{escape(_(meaning))}</dd>")
    parts.append("</dl>")
    return "".join(parts)


class HelpPage(Page):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        t = ctx.t
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # Carnet never goes online
        self.browser.setAccessibleName(t.gettext("Help"))
        self.browser.setHtml(help_html(t))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
