"""The household's summary of a period, as PDF, in the UI language.

Order: the totals, the two charts, what is still awaited from each payer and
how late, the feuilles not mailed yet, then every act with a totals row. The
long act table is built from plain strings fitted to their column (a
``Paragraph`` per cell costs ten times more, and a year may hold a thousand
acts); a cell whose text needs the CJK fallback font still gets one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from reportlab.lib.units import mm
from reportlab.platypus.flowables import CondPageBreak, Flowable

from carnet.documents import rl
from carnet.documents.fonts import markup
from carnet.documents.formats import language_of, long_date, money, short_date
from carnet.documents.long_tables import long_table
from carnet.documents.pages import Cancelled, Meta, Section, render, stop_if_cancelled
from carnet.documents.styles import TABLE_MARGIN, body_box, styles
from carnet.documents.summary_charts import category_chart, month_chart
from carnet.documents.summary_owed import owed_section
from carnet.documents.summary_tables import (
    Column,
    fitted_cell,
    grid_style,
    head_row,
    text_cell,
)
from carnet.documents.summary_texts import (
    ACT_STATUSES,
    PAYER_NAMES,
    Texts,
    feuille_words,
    plural,
    texts,
    word,
)
from carnet.domain.reports import PAYERS, Pending, Summary, SummaryAct, Totals

_LANG = {"en": "en-GB", "fr": "fr-FR"}
# Column widths in mm of the act table (180 mm between the table margins).
_ACT_COLUMNS = (17.0, 24.0, 28.0, 12.0, 17.0, 16.0, 17.0, 19.0, 30.0)
_MONEY = (4, 7)  # the act table's money columns
CHECK_ROWS = 1000  # rows laid out between two questions to ``cancelled``
T = TypeVar("T")


def render_summary(
    summary: Summary, language: str = "en", cancelled: Cancelled | None = None
) -> bytes:
    """The summary as PDF bytes, in ``language`` ("en" or "fr").

    The same data and language always give the same bytes. ``cancelled``: see
    :func:`carnet.documents.pages.render`.
    """
    language = language_of(language)
    words = texts(language)
    meta = Meta(
        title=f"{words.title} – {_whom(summary, words)} – {period_text(summary, language)}",
        created=summary.generated_on,
        subject=words.title,
        author="Carnet",
        lang=_LANG[language],
    )
    return render([summary_section(summary, language, cancelled)], meta, cancelled)


def summary_section(summary: Summary, language: str, cancelled: Cancelled | None = None) -> Section:
    words = texts(language)
    box = body_box(top=15 * mm, side=TABLE_MARGIN, bottom=18 * mm)
    footer = words.footer.replace("{period}", _footer_period(summary))
    story = (
        _heading(summary, words, language)
        + _overview(summary, words, language, box.width)
        + _pending(summary.pending, words, language, box.width)
        + _parcours(summary, words, language)
        + owed_section(summary.owed, language, box.width)
        + _feuilles(summary, words, language, box.width, cancelled)
        + _acts(summary, words, language, box.width, cancelled)
    )
    return Section(key="summary", story=tuple(story), footer=footer, first=box, later=box)


def period_text(summary: Summary, language: str) -> str:
    """``1 January 2026 to 31 December 2026``."""
    start, end = long_date(summary.start, language), long_date(summary.end, language)
    return texts(language).period.format(start=start, end=end)


def _whom(summary: Summary, words: Texts) -> str:
    return summary.person or words.household


def _footer_period(summary: Summary) -> str:
    """``2026`` for a calendar year, else both dates."""
    start, end = summary.start, summary.end
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year)
    return f"{short_date(start)}–{short_date(end)}"


def section_heading(text: str) -> list[Flowable]:
    """A heading that moves to the next page rather than sit alone at the bottom of one."""
    room = CondPageBreak(35 * mm)  # type: ignore[no-untyped-call]
    return [room, rl.paragraph(text, styles().heading)]


def _heading(summary: Summary, words: Texts, language: str) -> list[Flowable]:
    page = styles()
    title = f"{words.title} – {markup(_whom(summary, words), 90)}"
    prepared = words.prepared.format(day=long_date(summary.generated_on, language))
    return [
        rl.paragraph(title, page.title),
        rl.paragraph(period_text(summary, language), page.strong),
        rl.paragraph(prepared, page.small),
        rl.spacer(4 * mm),
    ]


def _overview(summary: Summary, words: Texts, language: str, width: float) -> list[Flowable]:
    page = styles()
    totals: Totals = summary.totals
    awaited = sum(p.total_cents for p in summary.pending)
    labels = (words.fee, words.amo, words.amc, words.patient, words.awaited)
    amounts = (totals.fee_cents, totals.amo_cents, totals.amc_cents, totals.patient_cents, awaited)
    rows: list[list[rl.Cell]] = [
        [rl.paragraph(label, page.cell_head) for label in labels],
        [rl.paragraph(f"<b>{money(cents, language)}</b>", page.body) for cents in amounts],
    ]
    band = rl.table(rows, [width / 5] * 5, grid_style(header=True, boxed=True))
    return [
        rl.paragraph(words.totals, page.heading),
        band,
        rl.paragraph(words.per_month, page.heading),
        month_chart(summary.by_month, summary.start, summary.end, language, width),
        rl.paragraph(words.per_category, page.heading),
        category_chart(summary.by_category, language, width),
    ]


def _pending(
    pending: tuple[Pending, ...], words: Texts, language: str, width: float
) -> list[Flowable]:
    page = styles()
    story = section_heading(words.pending)
    if not any(p.total_cents for p in pending):
        return [*story, rl.paragraph(words.nothing_pending, page.body)]
    headers = (*words.ageing_headers, words.total)
    rows: list[list[rl.Cell]] = [head_row(headers, right=(1, -1))]
    order = sorted(pending, key=lambda p: PAYERS.index(p.payer) if p.payer in PAYERS else 9)
    for ageing in order:
        rows.append([word(PAYER_NAMES, language, ageing.payer), *_ageing_amounts(ageing, language)])
    buckets = tuple(sum(column) for column in zip(*(p.buckets for p in pending), strict=True))
    both = Pending(words.total, _four(buckets), sum(p.not_yet_due_cents for p in pending))
    rows.append([words.total, *_ageing_amounts(both, language)])
    first = 46 * mm
    widths = [first] + [(width - first) / 6] * 6
    commands = grid_style(header=True, total_row=True, right=(1, -1))
    return [*story, rl.table(rows, widths, commands), rl.paragraph(words.pending_note, page.small)]


def _parcours(summary: Summary, words: Texts, language: str) -> list[Flowable]:
    """What out-of-parcours rates cost each person, with the advice; nothing if nothing lost."""
    if not summary.parcours:
        return []
    page = styles()
    lines = [
        rl.paragraph(
            words.parcours_lost.format(name=markup(name, 60), amount=money(cents, language)),
            page.body,
        )
        for name, cents in summary.parcours
    ]
    return [
        *section_heading(words.parcours),
        *lines,
        rl.paragraph(words.parcours_advice, page.small),
    ]


def _four(values: tuple[int, ...]) -> tuple[int, int, int, int]:
    first, second, third, fourth = values
    return first, second, third, fourth


def _ageing_amounts(ageing: Pending, language: str) -> list[rl.Cell]:
    figures = (ageing.not_yet_due_cents, *ageing.buckets, ageing.total_cents)
    return [money(cents, language) if cents else "–" for cents in figures]


def _feuilles(
    summary: Summary, words: Texts, language: str, width: float, cancelled: Cancelled | None
) -> list[Flowable]:
    page = styles()
    story = section_heading(words.feuilles)
    if not summary.feuilles:
        return [*story, rl.paragraph(words.no_feuilles, page.body)]
    rows: list[list[rl.Cell]] = [head_row(words.feuille_headers)]
    ordered = sorted(summary.feuilles, key=lambda f: (f.deadline is None, f.deadline, f.number))
    for feuille in _asking(ordered, cancelled):
        status, step = feuille_words(language, feuille.status)
        rows.append(
            [
                f"#{feuille.number}",
                text_cell(feuille.person, 60),
                text_cell(status, 60),
                text_cell(step, 120),
                short_date(feuille.deadline),
            ]
        )
    columns = (14.0, 34.0, 36.0, 72.0, 24.0)
    scale = width / sum(columns)
    commands = grid_style(header=True)
    return [*story, *long_table(rows, [c * scale for c in columns], commands, cancelled=cancelled)]


def _acts(
    summary: Summary, words: Texts, language: str, width: float, cancelled: Cancelled | None
) -> list[Flowable]:
    page = styles()
    heading = section_heading(words.acts)
    if not summary.acts:
        return [*heading, rl.paragraph(words.no_acts, page.body)]
    scale = width / sum(_ACT_COLUMNS)
    columns = [Column(w * scale) for w in _ACT_COLUMNS]
    rows: list[list[rl.Cell]] = [head_row(words.act_headers, right=_MONEY)]
    rows += [_act_row(act, columns, language) for act in _asking(summary.acts, cancelled)]
    count, totals = len(summary.acts), summary.totals
    shares = (totals.fee_cents, totals.amo_cents, totals.amc_cents, totals.patient_cents)
    label = plural(words.acts_total, count).format(n=count)
    rows.append([label, "", "", "", *(money(cents, language) for cents in shares), ""])
    commands = [
        *grid_style(header=True, total_row=True, right=_MONEY, compact=True),
        ("LEFTPADDING", (_MONEY[1] + 1, 0), (-1, -1), 8),  # the status apart from the amounts
        ("SPAN", (0, -1), (3, -1)),
    ]
    return [*heading, *long_table(rows, [c.width for c in columns], commands, cancelled=cancelled)]


def _asking(items: Iterable[T], cancelled: Cancelled | None) -> Iterator[T]:
    """``items``, asking ``cancelled`` every :data:`CHECK_ROWS` of them (40 000 rows take
    seconds to lay out, before the first page)."""
    for number, item in enumerate(items):
        if number % CHECK_ROWS == 0:
            stop_if_cancelled(cancelled)
        yield item


def _act_row(act: SummaryAct, columns: list[Column], language: str) -> list[rl.Cell]:
    return [
        short_date(act.date),
        fitted_cell(act.person, columns[1]),
        fitted_cell(act.practitioner, columns[2]),
        fitted_cell(act.code, columns[3]),
        money(act.fee_cents, language),
        money(act.amo_cents, language),
        money(act.amc_cents, language),
        money(act.patient_cents, language),
        fitted_cell(word(ACT_STATUSES, language, act.status), columns[8]),
    ]
