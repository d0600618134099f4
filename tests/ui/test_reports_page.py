"""The Reports page: year and person, chart, totals and ageing, PDF preview, save and print."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.views.reports_page import ReportsPage
from carnet.ui.widgets import pdf_preview
from tests.ui.conftest import cancel_printing, page_context

# The six acts of the ui conftest, all in 2026: their fees in cents.
FEES_2026 = 3000 + 10000 + 900 + 3500 + 1250 + 3500
LEA_FEES_2026 = 3500 + 1250 + 3500


def _act(services: Services, day: date, fee: int) -> None:
    person = services.household.people()[0].id
    doctor = services.household.practitioners()[0].id
    services.care.add_act(
        ActInput(
            person_id=PersonId(person),
            practitioner_id=PractitionerId(doctor),
            date=day,
            act_code="G",
            fee_cents=Cents(fee),
            channel=Channel.VITALE,
        )
    )


def make_page(
    qtbot: QtBot, services: Services, events: EventHub, translator: Translator
) -> ReportsPage:
    page = ReportsPage(page_context(services, events, translator))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    wait_for_preview(qtbot, page)
    return page


def wait_for_preview(qtbot: QtBot, page: ReportsPage) -> None:
    page.wait_for_pdf()
    qtbot.waitUntil(lambda: page.pdf is not None and page.document.pageCount() > 0)


def pdf_text(pdf: bytes) -> str:
    return " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def page(qtbot: QtBot, services: Services, events: EventHub, translator: Translator) -> ReportsPage:
    _act(services, date(2025, 6, 10), 2500)  # so that the year list has a second year
    return make_page(qtbot, services, events, translator)


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, page: ReportsPage) -> None:
    qtmodeltester.check(page.totals, force_py=True)
    qtmodeltester.check(page.ageing, force_py=True)
    assert page.totals.rowCount() == 5 and page.ageing.rowCount() == 6


def test_the_year_selector_updates_chart_and_totals(qtbot: QtBot, page: ReportsPage) -> None:
    assert [page.year.itemText(i) for i in range(page.year.count())] == ["2026", "2025"]
    assert page.selected_year() == 2026
    assert page.totals.cents(0, 1) == FEES_2026
    paid, back = page.chart.totals()
    assert sum(paid) + sum(back) <= FEES_2026 // 100 and back[0] > 0  # January 2026 reimbursed
    page.year.setCurrentIndex(1)
    assert page.selected_year() == 2025
    assert page.totals.cents(0, 1) == 2500
    paid, back = page.chart.totals()
    assert paid[5] + back[5] in (24, 25) and sum(paid[:5]) + sum(back[:5]) == 0  # June only
    wait_for_preview(qtbot, page)
    assert "€25.00" in pdf_text(page.current_pdf())


def test_the_person_selector_narrows_the_figures(qtbot: QtBot, page: ReportsPage) -> None:
    lea = page.person.findText("Léa Thompson")
    assert page.person.itemText(0) == "Everyone" and lea > 0
    page.person.setCurrentIndex(lea)
    assert page.totals.cents(0, 1) == LEA_FEES_2026
    wait_for_preview(qtbot, page)
    assert "Health-care summary – Léa Thompson" in pdf_text(page.current_pdf())


def test_the_ageing_table_matches_the_report(page: ReportsPage, services: Services) -> None:
    report = services.reports.summary(date(2026, 1, 1), date(2026, 12, 31))
    last = page.ageing.rowCount() - 1
    awaited = sum(p.total_cents for p in report.pending)
    assert page.ageing.cents(last, 3) == awaited > 0
    assert page.totals.cents(4, 1) == awaited
    for row in range(last):
        amo, amc = page.ageing.cents(row, 1), page.ageing.cents(row, 2)
        assert page.ageing.cents(row, 3) == amo + amc
    assert page.ageing.data(page.ageing.index(last, 0)) == "Total"


def test_the_preview_shows_the_summary_pdf(page: ReportsPage) -> None:
    assert page.document.pageCount() > 0
    assert page.pdf is not None and page.pdf.startswith(b"%PDF")
    assert "Health-care summary – Whole household" in pdf_text(page.pdf)


def test_a_newer_render_stops_the_one_under_way(qtbot: QtBot, page: ReportsPage) -> None:
    page.year.setCurrentIndex(1)  # 2025: a render starts
    first = page._stop
    page.year.setCurrentIndex(0)  # back to 2026 before it is done: only this one is wanted
    assert first.is_set() and not page._stop.is_set()
    wait_for_preview(qtbot, page)
    assert page.selected_year() == 2026
    assert "Health-care summary" in pdf_text(page.current_pdf())
    assert page.preview_note.text() == ""  # a stopped render is not an error


def test_hiding_the_page_stops_its_render_and_showing_it_starts_again(
    qtbot: QtBot, page: ReportsPage
) -> None:
    page.year.setCurrentIndex(1)
    stopped = page._stop
    page.hide()  # the person went to another page before the PDF was ready
    assert stopped.is_set() and page.pdf is None
    page.wait_for_pdf()
    qtbot.wait(50)
    assert page.pdf is None  # the stopped render showed nothing
    page.show()
    wait_for_preview(qtbot, page)
    assert "€25.00" in pdf_text(page.current_pdf())


def test_changes_elsewhere_refresh_the_page(
    qtbot: QtBot, page: ReportsPage, services: Services, events: EventHub
) -> None:
    person = services.household.people()[0].id
    doctor = services.household.practitioners()[0].id
    result = services.care.add_act(
        ActInput(PersonId(person), PractitionerId(doctor), date(2026, 11, 2), "G", Cents(3000))
    )
    events.publish(result.changes)
    assert page.totals.cents(0, 1) == FEES_2026 + 3000
    # Hidden, the page waits until it is shown again.
    page.hide()
    _act(services, date(2024, 3, 1), 4000)
    events.publish(result.changes)
    assert page.year.findText("2024") == -1
    page.show()
    assert page.year.findText("2024") >= 0
    wait_for_preview(qtbot, page)


def test_save_pdf_writes_the_summary(
    page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.pdf"
    asked: list[str] = []

    def choose(_parent: QWidget, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), "PDF (*.pdf)"

    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", choose)
    assert page.save_pdf() == target
    assert asked == ["summary-2026.pdf"]
    assert target.read_bytes() == page.current_pdf()


def test_cancelling_save_writes_nothing(
    page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", lambda *_: ("", ""))
    assert page.save_pdf() is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_print_draws_every_page(page: ReportsPage, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = page.print_to(printer)
    assert pages == page.document.pageCount() > 0
    printed = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == pages


def test_a_cancelled_print_dialog_prints_nothing(
    page: ReportsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    cancel_printing(monkeypatch)
    assert page.print_pdf() == 0


def test_french_page_renders_a_french_summary(
    qtbot: QtBot, services: Services, events: EventHub
) -> None:
    page = make_page(qtbot, services, events, Translator("fr"))
    text = pdf_text(page.current_pdf())
    assert "Récapitulatif des soins" in text and "Tout le foyer" in text
    assert page.person.itemText(0) == "Tout le monde"
