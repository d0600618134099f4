"""The one-page "what to do now" sheet, in the UI language, to pin on the fridge.

Three lists, each line with a box to tick: deadlines close, feuilles to sign
and mail, reimbursements overdue. It must stay one page, so when there is more
than fits, the lines are shared out fairly (a short list is shown whole, long
ones are cut and say how many more wait in Carnet); a last safety net shrinks
the page rather than let it spill onto a second sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable, KeepInFrame

from carnet.documents import rl
from carnet.documents.fonts import SANS
from carnet.documents.formats import language_of, long_date, money, short_date
from carnet.documents.pages import Meta, Section, render
from carnet.documents.styles import TABLE_MARGIN, body_box, styles
from carnet.documents.summary_tables import Column, fitted_cell, grid_style, head_row, text_cell
from carnet.documents.summary_texts import PAYER_NAMES, feuille_words, plural, word
from carnet.documents.todo_texts import TodoTexts, todo_texts
from carnet.domain.reports import TodoEntry

BOX = "☐"
ROW_BUDGET = 30  # table lines that fit one A4 page beside the headings
_LANG = {"en": "en-GB", "fr": "fr-FR"}
_WIDTHS = {  # mm, per list; the first column holds the box to tick
    "deadline": (7.0, 80.0, 34.0, 17.0, 42.0),
    "feuille": (7.0, 90.0, 38.0, 17.0, 28.0),
    "overdue-payment": (7.0, 46.0, 36.0, 36.0, 27.0, 28.0),
}


@dataclass(frozen=True, slots=True)
class _List:
    kind: str
    title: str
    headers: tuple[str, ...]
    entries: tuple[TodoEntry, ...]


def render_todo(items: Sequence[TodoEntry], language: str, day: date) -> bytes:
    """The sheet as PDF bytes; ``day`` is the date printed on it and counts the days left."""
    language = language_of(language)
    words = todo_texts(language)
    meta = Meta(
        title=f"{words.title} – {long_date(day, language)}",
        created=day,
        subject=words.title,
        author="Carnet",
        lang=_LANG[language],
    )
    return render([todo_section(items, language, day)], meta)


def todo_section(items: Sequence[TodoEntry], language: str, day: date) -> Section:
    words = todo_texts(language)
    box = body_box(top=15 * mm, side=TABLE_MARGIN, bottom=18 * mm)
    page = styles()
    story: list[Flowable] = [
        rl.paragraph(words.title, page.title),
        rl.paragraph(words.intro.format(day=long_date(day, language)), page.body),
    ]
    lists = [found for found in _lists(items, words) if found.entries]
    if not lists:
        story.append(rl.paragraph(words.nothing, page.body))
    shown = share_rows([len(found.entries) for found in lists], ROW_BUDGET)
    for found, count in zip(lists, shown, strict=True):
        story += _list_story(
            found, count=count, words=words, language=language, day=day, width=box.width
        )
    # The safety net: never a second page, even with unusually tall lines.
    fitted = KeepInFrame(box.width, box.height, story, mode="shrink")  # type: ignore[no-untyped-call]
    footer = words.footer.replace("{day}", short_date(day))
    return Section(key="todo", story=(fitted,), footer=footer, first=box, later=box)


def share_rows(sizes: Sequence[int], budget: int) -> list[int]:
    """Rows shown per list: one each in turn, so short lists show whole and long ones share."""
    shown = [0] * len(sizes)
    while budget > 0 and any(n < size for n, size in zip(shown, sizes, strict=True)):
        for index, size in enumerate(sizes):
            if budget > 0 and shown[index] < size:
                shown[index] += 1
                budget -= 1
    return shown


def _lists(items: Sequence[TodoEntry], words: TodoTexts) -> list[_List]:
    def of(kind: str) -> tuple[TodoEntry, ...]:
        return tuple(item for item in items if item.kind == kind)

    return [
        _List("deadline", words.deadlines, words.deadline_headers, of("deadline")),
        _List("feuille", words.feuilles, words.feuille_headers, of("feuille")),
        _List("overdue-payment", words.overdue, words.overdue_headers, of("overdue-payment")),
    ]


def _list_story(
    found: _List, *, count: int, words: TodoTexts, language: str, day: date, width: float
) -> list[Flowable]:
    page = styles()
    scale = width / sum(_WIDTHS[found.kind])
    columns = [Column(w * scale) for w in _WIDTHS[found.kind]]
    amounts = (len(columns) - 1, len(columns) - 1) if found.kind == "overdue-payment" else None
    rows: list[list[rl.Cell]] = [head_row(("", *found.headers), right=amounts)]
    for entry in found.entries[:count]:
        what, *rest = _cells(entry, words, language, day)
        cells = zip(rest, columns[2:], strict=True)
        # The first text wraps (advice can be long); the others are cut to one line.
        rows.append([BOX, text_cell(what, 200), *(fitted_cell(t, c) for t, c in cells)])
    commands = [*grid_style(header=True, right=amounts), ("FONT", (0, 1), (0, -1), SANS, 11)]
    story: list[Flowable] = [rl.paragraph(found.title, page.heading)]
    if found.kind == "overdue-payment":
        story.append(rl.paragraph(_overdue_total(found.entries, words, language), page.body))
    story.append(rl.table(rows, [c.width for c in columns], commands, repeat_rows=1))
    hidden = len(found.entries) - count
    if hidden:
        story.append(rl.paragraph(plural(words.more, hidden).format(n=hidden), page.small))
    return story


def _cells(entry: TodoEntry, words: TodoTexts, language: str, day: date) -> tuple[str, ...]:
    reference = words.feuille_ref.format(n=entry.feuille) if entry.feuille is not None else ""
    if entry.kind == "overdue-payment":
        care = words.care.format(act=entry.act, day=short_date(entry.care_date))
        payer = word(PAYER_NAMES, language, entry.payer) if entry.payer else entry.text
        amount = money(entry.amount_cents, language) if entry.amount_cents is not None else ""
        return (payer, entry.person, care if entry.act else "", short_date(entry.due), amount)
    if entry.kind == "deadline":
        return (
            _advice(entry, words, language, day),
            entry.person,
            reference,
            _left(entry, words, day),
        )
    step = feuille_words(language, entry.feuille_status)[1] or entry.text
    return (step, entry.person, reference, short_date(entry.due))


def _advice(entry: TodoEntry, words: TodoTexts, language: str, day: date) -> str:
    days = (entry.due - day).days if entry.due is not None else None
    if days is None:
        return entry.text
    if days < 0:
        return words.late_advice
    if entry.feuille_status == "held":
        return words.held_advice
    step = feuille_words(language, entry.feuille_status)[1]
    return words.send_within.format(days=days, step=step[:1].lower() + step[1:])


def _left(entry: TodoEntry, words: TodoTexts, day: date) -> str:
    if entry.due is None:
        return ""
    days = (entry.due - day).days
    left = words.passed if days < 0 else plural(words.left, days).format(days=days)
    return f"{short_date(entry.due)} ({left})"


def _overdue_total(entries: Sequence[TodoEntry], words: TodoTexts, language: str) -> str:
    parts = []
    for payer in sorted({e.payer for e in entries}, key=lambda p: (p != "amo", p)):
        mine = [e for e in entries if e.payer == payer]
        cents = sum(e.amount_cents or 0 for e in mine)
        name = word(PAYER_NAMES, language, payer) if payer else words.other_payer
        counted = plural(words.payments, len(mine)).format(
            n=len(mine), amount=money(cents, language)
        )
        parts.append(f"{name}{words.colon}{counted}")
    return " · ".join(parts)
