"""The Bank page as a person uses it: import a statement (button, drop, big file, bad
file), then reconcile: accept, reject, accept all unambiguous, match by hand, undo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from carnet.app import Services, build_services
from carnet.bank import OpenPayment, Reason
from carnet.domain.care import ActInput
from carnet.domain.codes import Payer, PaymentMode
from carnet.domain.contracts import ContractInput
from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession, Sector
from carnet.i18n import Translator
from carnet.services.demo import build_demo
from carnet.ui.dialogs import import_dialog
from carnet.ui.dialogs.import_dialog import ImportDialog
from carnet.ui.events import EventHub
from carnet.ui.models.bank import ProposalTableModel, TransactionTableModel
from carnet.ui.models.bank_labels import reason_text
from carnet.ui.models.bank_lines import PickPaymentModel, PreviewTableModel
from carnet.ui.views.bank_page import BankPage
from carnet.ui.views.bank_reconcile import ReconcileView
from tests.ui.conftest import page_context

if TYPE_CHECKING:  # pytest-qt sets its Qt binding up only inside a test run
    from pytestqt.modeltest import ModelTester

TODAY = date(2026, 11, 28)
BANK_FILES = Path(__file__).resolve().parents[1] / "data" / "bank"
HEADER = (
    "dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;"
    "accountNum;accountLabel;accountbalance\r\n"
)


# -- fixtures and builders ------------------------------------------------------------
def boursobank(rows: list[tuple[date, str, int]]) -> bytes:
    """A BoursoBank export as the bank writes it: UTF-8 with BOM, ';', decimal comma."""
    body = "".join(
        f'{day};{day};"{label}";"Santé";"Santé";;{_euros(cents)};;00040123456;"BoursoBank";'
        "1 000,00\r\n"
        for day, label, cents in rows
    )
    return ("\ufeff" + HEADER + body).encode("utf-8")


def _euros(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100},{abs(cents) % 100:02d}"


@pytest.fixture
def bank_services(tmp_path: Path) -> Iterator[Services]:
    services = build_services(tmp_path / "t.sqlite", today=lambda: TODAY)
    yield services
    services.close()


@pytest.fixture
def adult(bank_services: Services) -> dict[str, int]:
    """An insured adult with a GP and a Harmonie Mutuelle contract."""
    household = bank_services.household
    gp = household.add_practitioner(
        PractitionerInput(name="Dr Claire Martin", profession=Profession.GP, sector=Sector.S1)
    ).value
    contract = household.add_contract(ContractInput(insurer="Harmonie Mutuelle")).value
    person = household.add_person(
        PersonInput(
            first_name="Sarah",
            last_name="Thompson",
            birth_date=date(1988, 3, 14),
            nir="2 88 03 99 132 045 16",
            cpam="CPAM de Paris",
            treating_doctor_id=gp.id,
            contract_id=contract.id,
        )
    ).value
    return {"gp": gp.id, "adult": person.id}


def visit(services: Services, ids: dict[str, int], day: date) -> ActId:
    """A 30 € GP visit paid in full: the CPAM owes 19 €, the mutuelle 9 €."""
    act = ActInput(
        person_id=PersonId(ids["adult"]),
        practitioner_id=PractitionerId(ids["gp"]),
        date=day,
        act_code="G",
        fee_cents=Cents(3000),
    )
    return services.care.add_act(act).value.id


def pharmacy(services: Services, ids: dict[str, int], day: date) -> None:
    """Tiers payant at the pharmacy: its 1 € franchise is withheld from a later transfer."""
    act = ActInput(
        person_id=PersonId(ids["adult"]),
        practitioner_id=None,
        date=day,
        act_code="PH7",
        fee_cents=Cents(1500),
        payment_mode=PaymentMode.TIERS_PAYANT_TOTAL,
    )
    services.care.add_act(act)


def share(services: Services, act: ActId, payer: Payer = Payer.AMO) -> tuple[str, int]:
    found = next(p for p in services.care.expected_payments(act) if p.payer is payer)
    return found.status.value, found.settled_cents


@pytest.fixture
def batch(bank_services: Services, adult: dict[str, int]) -> list[ActId]:
    """Three 19 € visits paid by one 56 € CPAM transfer, 1 € franchise withheld."""
    pharmacy(bank_services, adult, date(2026, 10, 2))
    acts = [visit(bank_services, adult, date(2026, 10, d)) for d in (5, 6, 7)]
    data = boursobank(
        [
            (date(2026, 10, 14), "VIR SEPA CPAM DE PARIS", 5600),
            (date(2026, 10, 15), "CB MONOPRIX PARIS 11", -2310),
        ]
    )
    bank_services.bank.import_file(data, "oct.csv")
    return acts


def make_page(qtbot: QtBot, services: Services, events: EventHub, t: Translator) -> BankPage:
    page = BankPage(page_context(services, events, t))
    qtbot.addWidget(page)
    page.resize(1080, 720)
    page.show()  # the page loads when it is first seen
    qtbot.waitExposed(page)
    return page


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def column(model: TransactionTableModel | PreviewTableModel, col: int) -> list[str]:
    return [model.text(r, col) for r in range(model.rowCount())]


# -- models ---------------------------------------------------------------------------
@pytest.mark.usefixtures("batch")
def test_every_model_passes_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    bank_services: Services,
    events: EventHub,
    translator: Translator,
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    view = page.reconcile
    assert view.credits.rowCount() == 1 and view.lines.rowCount() == 3
    dialog = page.open_import(BANK_FILES / "boursobank.csv")
    pick = PickPaymentModel(translator)
    pick.set_rows(page.data.open_lines())
    pick.set_checked(0, True)
    for model in (page.model, view.credits, view.proposals, view.lines, dialog.model, pick):
        qtmodeltester.check(model, force_py=True)
    page.model.sort(TransactionTableModel.AMOUNT, Qt.SortOrder.AscendingOrder)
    assert column(page.model, TransactionTableModel.AMOUNT) == ["-€23.10", "€56.00"]
    dialog.reject()


def test_reasons_read_as_sentences(translator: Translator) -> None:
    def read(code: str, *params: tuple[str, int | str]) -> str:
        return reason_text(translator, Reason(code, params))

    assert read("amount-exact") == "The amount matches to the cent."
    assert read("withheld", ("cents", 100)) == "€1.00 less than the acts: deductions withheld."
    assert read("late", ("days", 1)) == "Arrived 1 day after the expected window."
    assert read("batch", ("items", 3), ("spread_days", 2)) == (
        "One transfer for 3 acts within 2 days."
    )
    assert read("payer-type-match", ("type", "cpam")) == "Paid by a CPAM-type fund, as expected."
    assert read("something-new") == "something-new"  # never hides a proposal
    # French: "une caisse" (feminine), not "un caisse".
    french = reason_text(Translator("fr"), Reason("payer-type-match", (("type", "cpam"),)))
    assert french == "Payé par une caisse de type CPAM, comme prévu."


# -- import ---------------------------------------------------------------------------
def test_the_dialog_previews_a_real_file_then_imports_it(
    qtbot: QtBot, bank_services: Services, events: EventHub, translator: Translator
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    assert page.model.rowCount() == 0
    dialog = page.open_import(BANK_FILES / "boursobank.csv")
    assert dialog.format_label.text() == "CSV (boursobank layout)"
    assert dialog.counts_label.text() == ("4 new · 0 already imported · 1 health reimbursement")
    assert dialog.model.rowCount() == 4
    assert column(dialog.model, PreviewTableModel.KIND) == [
        "Reimbursement of care · CPAM",
        "Debit · Mutuelle",
        "Not a health payer",
        "Not a health payer",
    ]
    assert bank_services.store.bank.transactions() == []  # a preview writes nothing
    with qtbot.waitSignal(page.status) as status:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert status.args == ["4 transactions imported (1 health credit)."]
    assert len(bank_services.store.bank.transactions()) == 4
    assert page.model.rowCount() == 4  # refreshed through the event hub
    assert page.tabs.tabText(1) == "Reconcile (1)"


def test_cancelling_writes_nothing(
    qtbot: QtBot, bank_services: Services, events: EventHub, translator: Translator
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    dialog = page.open_import(BANK_FILES / "bpce_sgml.ofx")
    assert dialog.format_label.text() == "OFX"
    assert dialog.model.rowCount() == 3
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportDialog.DialogCode.Rejected
    assert bank_services.store.bank.transactions() == []
    assert bank_services.household.bank_accounts() == []


def test_a_garbage_file_shows_the_error_in_the_dialog(
    qtbot: QtBot, tmp_path: Path, bank_services: Services, translator: Translator
) -> None:
    path = write(tmp_path, "releve.csv", b"\x00\x01\xfe not a statement at all")
    dialog = ImportDialog(bank_services, translator, path)
    qtbot.addWidget(dialog)
    assert dialog.error_text().startswith("releve.csv: unknown format")
    assert "Traceback" not in dialog.error_text()
    assert not dialog.import_button.isEnabled()
    assert bank_services.store.bank.transactions() == []


def test_a_file_already_imported_has_nothing_to_import(
    qtbot: QtBot, bank_services: Services, translator: Translator
) -> None:
    bank_services.bank.import_file((BANK_FILES / "bnp.csv").read_bytes(), "bnp.csv")
    dialog = ImportDialog(bank_services, translator, BANK_FILES / "bnp.csv")
    qtbot.addWidget(dialog)
    assert dialog.error_text() == "Every line of this file is already imported."
    assert not dialog.import_button.isEnabled()


def test_a_large_file_is_previewed_once_the_dialog_shows(
    qtbot: QtBot,
    tmp_path: Path,
    bank_services: Services,
    translator: Translator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(import_dialog, "DEFERRED_ABOVE_BYTES", 0)
    dialog = ImportDialog(bank_services, translator, BANK_FILES / "credit_agricole.csv")
    qtbot.addWidget(dialog)
    assert dialog.is_busy() and not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
    assert not dialog.is_busy() and dialog.import_button.isEnabled()
    assert dialog.model.rowCount() == 5
    bad = ImportDialog(bank_services, translator, write(tmp_path, "x.ofx", b"<OFX><broken"))
    qtbot.addWidget(bad)
    qtbot.waitUntil(lambda: bad.error_text() != "", timeout=5000)
    assert bad.error_text().startswith("x.ofx") and not bad.is_busy()


def test_dropping_a_statement_file_opens_the_dialog(
    qtbot: QtBot, bank_services: Services, events: EventHub, translator: Translator
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(BANK_FILES / "statement.camt053.xml"))])
    actions, button = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    modifiers = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), actions, mime, button, modifiers)
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    page.dropEvent(QDropEvent(QPointF(20, 20), actions, mime, button, modifiers))
    assert page.import_dialog is not None
    assert page.import_dialog.file_label.text() == "statement.camt053.xml"
    assert page.import_dialog.format_label.text() == "camt.053 (ISO 20022 XML)"
    page.import_dialog.reject()
    text = QMimeData()
    text.setText("not a file")
    refused = QDragEnterEvent(QPoint(20, 20), actions, text, button, modifiers)
    page.dragEnterEvent(refused)
    assert not refused.isAccepted()


def test_the_import_button_asks_for_a_file(
    qtbot: QtBot,
    bank_services: Services,
    events: EventHub,
    translator: Translator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    chosen = str(BANK_FILES / "boursobank.qif")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (chosen, ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.import_dialog is not None
    assert page.import_dialog.format_label.text() == "QIF"
    page.import_dialog.reject()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: ("", ""))
    previous = page.import_dialog
    page.choose_file()  # cancelled: no new dialog
    assert page.import_dialog is previous


# -- reconciliation -------------------------------------------------------------------
def test_the_transfer_is_proposed_for_the_three_visits_and_accepted(
    qtbot: QtBot,
    bank_services: Services,
    batch: list[ActId],
    events: EventHub,
    translator: Translator,
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    view = page.reconcile
    assert view.credits.text(0, 2) == "€56.00"
    assert view.credits.text(0, 3) in {"Proposed", "2 proposals", "3 proposals"}
    assert view.proposals.text(0, ProposalTableModel.NOTE) == "Suggested"
    assert view.proposals.text(0, ProposalTableModel.CARE) == (
        "Sarah Thompson · 5 Oct 2026 – 7 Oct 2026"
    )
    lines = view.lines
    assert [lines.text(r, 4) for r in range(3)] == ["€19.00"] * 3
    assert {lines.text(r, 3) for r in range(3)} == {"AMO (CPAM)"}
    assert {lines.text(r, 1) for r in range(3)} == {"Sarah Thompson"}
    assert "€1.00 short" in view.explanation()
    assert "One transfer for 3 acts within 2 days." in view.explanation()
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert [share(bank_services, act) for act in batch] == [("paid", 1900)] * 3
    assert view.credits.rowCount() == 0  # reloaded through the event hub
    assert page.tabs.tabText(1) == "Reconcile"
    credit = next(r for r in page.model.rows() if r.transaction.amount_cents == 5600)
    assert credit.matched is True

    undone = bank_services.history.undo()  # what Ctrl+Z in the main window does
    events.publish(undone.changes)
    assert view.credits.rowCount() == 1
    assert [share(bank_services, act) for act in batch] == [("pending", 0)] * 3


def test_rejecting_hides_the_proposal_for_the_session(
    qtbot: QtBot,
    bank_services: Services,
    batch: list[ActId],
    events: EventHub,
    translator: Translator,
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    view = page.reconcile
    before = view.proposals.rowCount()
    qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    assert view.proposals.rowCount() == before - 1
    while view.selected_proposal() is not None:
        view.reject_selected()
    assert view.credits.text(0, 3) == "Unmatched"
    assert "Match by hand" in view.explanation()
    assert not view.accept_button.isEnabled()
    assert [share(bank_services, act) for act in batch] == [("pending", 0)] * 3


def test_match_by_hand_pays_part_of_an_act(
    qtbot: QtBot,
    bank_services: Services,
    adult: dict[str, int],
    events: EventHub,
    translator: Translator,
) -> None:
    act = visit(bank_services, adult, date(2026, 10, 5))
    old = visit(bank_services, adult, date(2025, 1, 6))  # outside the default window
    data = boursobank([(date(2026, 11, 20), "VIR SEPA CPAM DE PARIS", 1000)])
    bank_services.bank.import_file(data, "nov.csv")
    page = make_page(qtbot, bank_services, events, translator)
    dialog = page.reconcile.match_by_hand()
    assert dialog is not None
    model = dialog.model
    assert model.rowCount() == 1  # the AMO share of the October visit only
    assert model.text(0, 3) == "AMO (CPAM)"
    dialog.days_box.setValue(3 * 365)
    assert model.rowCount() == 2
    dialog.share_box.setCurrentIndex(dialog.share_box.findText("Both shares"))
    assert model.rowCount() == 4
    dialog.share_box.setCurrentIndex(0)
    row = next(r for r in range(model.rowCount()) if model.row(r).act_id == act)
    assert not dialog.ok_button.isEnabled()
    model.setData(model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.total_label.text() == (
        "Ticked: €19.00 for a transfer of €10.00. €9.00 stays pending on the last act."
    )
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert share(bank_services, act) == ("partly-paid", 1000)
    assert share(bank_services, old) == ("pending", 0)
    assert page.reconcile.credits.rowCount() == 0


def test_accept_all_unambiguous(
    qtbot: QtBot,
    bank_services: Services,
    adult: dict[str, int],
    events: EventHub,
    translator: Translator,
) -> None:
    act = visit(bank_services, adult, date(2026, 10, 5))
    data = boursobank(
        [
            (date(2026, 10, 20), "VIR SEPA CPAM DE PARIS", 1900),
            (date(2026, 10, 28), "VIR SEPA HARMONIE MUTUELLE", 900),
            (date(2026, 11, 2), "VIR SEPA CPAM DE PARIS", 4321),  # nothing fits
        ]
    )
    bank_services.bank.import_file(data, "oct.csv")
    page = make_page(qtbot, bank_services, events, translator)
    view = page.reconcile
    assert view.credits.rowCount() == 3
    assert view.accept_all_button.isEnabled()
    with qtbot.waitSignal(page.status) as status:
        qtbot.mouseClick(view.accept_all_button, Qt.MouseButton.LeftButton)
    assert status.args == ["2 transfers matched (Ctrl+Z to undo)."]
    assert share(bank_services, act, Payer.AMO) == ("paid", 1900)
    assert share(bank_services, act, Payer.AMC) == ("paid", 900)
    assert view.credits.rowCount() == 1
    assert view.credits.text(0, 3) == "Unmatched"
    assert not view.accept_all_button.isEnabled()


def test_a_refused_confirmation_is_shown_not_raised(
    qtbot: QtBot,
    bank_services: Services,
    batch: list[ActId],
    events: EventHub,
    translator: Translator,
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    view = page.reconcile
    # Settled behind the page's back (nothing published): its proposal is now stale.
    proposal = view.selected_proposal()
    assert proposal is not None
    bank_services.reconciliation.confirm([proposal])
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert "already matched" in view.error_text()
    view.accept_unambiguous()  # nothing unambiguous: a no-op, and the error stays readable
    assert [share(bank_services, act) for act in batch] == [("paid", 1900)] * 3


def test_a_hidden_page_reloads_when_shown(
    qtbot: QtBot,
    bank_services: Services,
    batch: list[ActId],
    events: EventHub,
    translator: Translator,
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    page.hide()
    proposal = page.reconcile.selected_proposal()
    assert proposal is not None
    result = bank_services.reconciliation.confirm([proposal])
    events.publish(result.changes)
    assert page.reconcile.credits.rowCount() == 1  # not yet: nobody is looking
    page.show()
    assert page.reconcile.credits.rowCount() == 0


def test_health_credits_only(
    qtbot: QtBot,
    bank_services: Services,
    batch: list[ActId],
    events: EventHub,
    translator: Translator,
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    assert page.model.rowCount() == 2
    page.health_only.setChecked(True)
    assert column(page.model, TransactionTableModel.LABEL) == ["VIR SEPA CPAM DE PARIS"]
    assert column(page.model, TransactionTableModel.MATCHED) == ["To match"]


# -- demo data (also used for the screenshot) -----------------------------------------
def demo_statement(services: Services, today: date = TODAY) -> bytes:
    """A statement whose health credits pay some of the household's open payments.

    Every third open payment whose window has begun gets its own transfer; two of a
    person's CPAM payments share one; everyday lines and an unknown CPAM credit go around.
    """
    recent = today - timedelta(days=365)
    payments = sorted(
        (
            p
            for p in services.reconciliation.open_payments()
            if p.act_date >= recent and p.earliest + timedelta(days=3) < today
        ),
        key=lambda p: (p.act_date, p.id),
    )
    rows, batched = _batch(payments)
    rest = [p for p in payments if p.id not in batched]
    for payment in rest[::3]:
        label = "VIR SEPA CPAM DE PARIS" if payment.payer is Payer.AMO else "VIR HARMONIE MUTUELLE"
        rows.append((payment.earliest + timedelta(days=3), label, payment.outstanding_cents))
    rows += [
        (today - timedelta(20), "VIR SEPA CPAM DE PARIS", 737),
        (today - timedelta(12), "VIR SEPA CPAM DE PARIS IJ INDEMNITES JOURNALIERES", 31240),
        (today - timedelta(9), "PRLV SEPA HARMONIE MUTUELLE COTISATION", -5420),
        (today - timedelta(6), "CARTE 21/11/26 MONOPRIX PARIS 11", -2310),
        (today - timedelta(2), "VIR SALAIRE SOCIETE EXEMPLE", 245000),
    ]
    return boursobank(sorted(rows))


def _batch(payments: list[OpenPayment]) -> tuple[list[tuple[date, str, int]], set[int]]:
    """One CPAM transfer for two acts of one person a few days apart, if there are any."""
    amo = [p for p in payments if p.payer is Payer.AMO]
    for first, second in pairwise(amo):
        if first.person_key == second.person_key and (second.act_date - first.act_date).days < 10:
            day = second.earliest + timedelta(days=2)
            total = first.outstanding_cents + second.outstanding_cents
            return [(day, "VIR SEPA CPAM DE PARIS", total)], {first.id, second.id}
    return [], set()


def test_a_demo_household_reconciles(
    qtbot: QtBot, bank_services: Services, events: EventHub, translator: Translator
) -> None:
    build_demo(bank_services.household, bank_services.care, acts=80, today=TODAY)
    bank_services.bank.import_file(demo_statement(bank_services), "demo.csv")
    page = make_page(qtbot, bank_services, events, translator)
    view = page.reconcile
    before = view.credits.rowCount()
    assert before >= 8
    batches = [r for r in range(before) if _select(view, r) and view.lines.rowCount() == 2]
    assert batches, "the demo statement pays two acts with one transfer"
    _select(view, batches[0])
    assert "One transfer for 2 acts" in view.explanation()
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert view.credits.rowCount() == before - 1


def _select(view: ReconcileView, row: int) -> bool:
    view.credit_table.selectRow(row)
    return True
