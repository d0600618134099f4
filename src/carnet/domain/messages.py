"""Sentences for people that the core writes and the front ends translate.

A :class:`Message` is a ``str`` whose value is the English sentence, so the CLI,
logs, JSON output and every ``"..." in text`` test keep working unchanged. It
also remembers the English *template* (a gettext msgid, marked with :func:`N_`
so that extraction finds it) and the named parameters, so the UI can say the
same thing in the current language with :meth:`Message.render`.

Parameters may themselves be messages: a field name, a feuille status or a step
("sign") is a word the person reads, so it is passed as ``Message(N_("sign"))``
and translated with the sentence around it. Dates are written ISO in English
(as before) and in the reader's format when rendered.

The core may not import :mod:`carnet.i18n` (the layer contract keeps the two
independent), hence a marker of its own here; Babel only looks at the name.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Protocol, Self, TypeAlias

# What a sentence can mention: text and numbers as they are, dates and words translated.
Param: TypeAlias = "str | int | date | Message"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


class Renderer(Protocol):
    """What rendering needs from :class:`carnet.i18n.Translator`."""

    def gettext(self, message: str) -> str: ...

    def date(self, day: date) -> str: ...


class Message(str):
    """The English text of a sentence, carrying its template and parameters."""

    # A str subclass cannot have non-empty __slots__; the attributes live in __dict__.
    template: str
    params: Mapping[str, Param]
    translatable: bool
    lower_first: bool

    def __new__(cls, template: str, /, **params: Param) -> Self:
        english = template.format_map(_english(params)) if params else template
        message = super().__new__(cls, english)
        message.template = template
        message.params = dict(params)
        message.translatable = True
        message.lower_first = False
        return message

    @classmethod
    def verbatim(cls, text: str) -> Self:
        """Text that has no translation (an OS error, a library's message): shown as is."""
        message = cls(text)
        message.translatable = False
        return message

    @classmethod
    def inner(cls, template: str) -> Self:
        """A sentence used inside another (after a colon): its first letter is lowered.

        Lowering only the first letter, in either language, keeps "CPAM" as it is.
        """
        message = cls.__new__(cls, _lowered(template))
        message.template = template
        message.lower_first = True
        return message

    def render(self, t: Renderer) -> str:
        """The sentence in ``t``'s language (English when the catalogue has no entry)."""
        # gettext("") answers the catalogue header, so an empty text stays empty.
        if not self.translatable or not self.template:
            return self.template
        text = t.gettext(self.template)
        if self.lower_first:
            text = _lowered(text)
        if not self.params:
            return text
        return text.format_map({key: _rendered(value, t) for key, value in self.params.items()})

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.params!r})"


def message_of(text: str) -> Message:
    """``text`` as a message: itself if it is one, else verbatim (it has no template)."""
    return text if isinstance(text, Message) else Message.verbatim(text)


def render(text: str, t: Renderer) -> str:
    """Render ``text`` if it is a :class:`Message`; plain text is shown as it is."""
    return text.render(t) if isinstance(text, Message) else text


def _lowered(text: str) -> str:
    return text[:1].lower() + text[1:]


def _english(params: Mapping[str, Param]) -> dict[str, object]:
    return {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in params.items()
    }


class Amount(str):
    """An amount of money in a sentence: ``7.00 €`` in the English text, and the
    reader's own format (``7,00 €``, ``€7.00``) when rendered by a translator that
    formats money."""

    cents: int

    def __new__(cls, cents: int) -> Self:
        sign = "-" if cents < 0 else ""
        whole, part = divmod(abs(cents), 100)
        amount = super().__new__(cls, f"{sign}{whole}.{part:02d} €")
        amount.cents = cents
        return amount


def _rendered(value: Param, t: Renderer) -> object:
    if isinstance(value, Amount):
        money = getattr(t, "money", None)
        return str(value) if money is None else money(value.cents)
    if isinstance(value, Message):
        return value.render(t)
    if isinstance(value, date):
        return t.date(value)
    return value
