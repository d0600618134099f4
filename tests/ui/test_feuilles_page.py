"""The Feuilles page: states with counts, step buttons, release, returned, merge, detail."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.claims import Step
from carnet.domain.codes import Channel, FeuilleStatus
from carnet.domain.ids import FeuilleId
from carnet.domain.money import Cents
from carnet.domain.people import Person, PersonInput
from carnet.i18n import Translator
from carnet.services.demo import build_demo
from carnet.ui import errors
from carnet.ui.events import EventHub
from carnet.ui.models import feuilles as columns
from carnet.ui.views.feuilles_page import FeuillesPage
from tests.ui.conftest import page_context

TODAY = date(2026, 11, 28)
S = FeuilleStatus


def person_named(services: Services, first: str) -> Person:
    return next(p for p in services.household.people() if p.first_name == first)


def add_paper_act(services: Services, person: Person, day: date, fee: int = 3000) -> FeuilleId:
    doctor = services.household.practitioners()[0].id
    act = services.care.add_act(
        ActInput(person.id, doctor, day, "G", Cents(fee), channel=Channel.PAPER)
    ).value
    return next(f.id for f in services.claims.feuilles() if act.id in f.act_ids)


def nir_for(birth: date, sex: str = "1") -> str:
    body = f"{sex}{birth:%y%m}99132045"
    return f"{body}{97 - int(body) % 97:02d}"


def give_number(services: Services, person: Person, nir: str) -> None:
    data = {f.name: getattr(person, f.name) for f in fields(PersonInput)}
    services.household.edit_person(person.id, replace(PersonInput(**data), nir=nir))


@pytest.fixture
def demo(empty_services: Services) -> Services:
    build_demo(empty_services.household, empty_services.care, acts=80, today=TODAY)
    return empty_services


@pytest.fixture
def page(qtbot: QtBot, demo: Services, events: EventHub, translator: Translator) -> FeuillesPage:
    built = FeuillesPage(page_context(demo, events, translator))
    qtbot.addWidget(built)
    built.resize(1280, 800)
    built.show()
    qtbot.waitExposed(built)
    return built


def shown_ids(page: FeuillesPage) -> list[FeuilleId]:
    proxy = page.proxy
    return [
        FeuilleId(proxy.index(r, 0).data(columns.FEUILLE_ID_ROLE)) for r in range(proxy.rowCount())
    ]


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, page: FeuillesPage) -> None:
    qtmodeltester.check(page.model, force_py=True)
    qtmodeltester.check(page.states, force_py=True)
    assert page.model.rowCount() == len(page._services.claims.feuilles())


def test_every_state_has_its_count_and_filters_the_table(page: FeuillesPage) -> None:
    feuilles = page._services.claims.feuilles()
    for row in range(page.states.rowCount()):
        state = page.states.state(row)
        expected = [f for f in feuilles if state is None or f.status is state]
        count = page.states.index(row, page.states.COUNT).data()
        assert count == str(len(expected))
        page.show_state(state)
        assert sorted(shown_ids(page)) == sorted(f.id for f in expected)
    page.show_state(S.HELD)
    assert page.states.index(1, 0).data() == "Held"
    texts = {page.proxy.index(r, columns.NEXT_ACTION).data() for r in range(page.proxy.rowCount())}
    assert texts == {"Keep it safe until the social security number arrives"}


def test_the_person_filter_counts_that_person_only(page: FeuillesPage) -> None:
    david = person_named(page._services, "David")
    page.person_box.setCurrentIndex(page.person_box.findData(int(david.id)))
    assert page.states.count(None) == len(page._services.claims.feuilles(person_id=david.id))
    assert page.states.count(S.HELD) == 10
    assert page.states.count(S.CLOSED) == 0
    assert {page.model.row(r).person_name for r in range(page.model.rowCount())} == {
        "David Thompson"
    }


def test_sign_then_copied_on_the_picked_day(qtbot: QtBot, page: FeuillesPage) -> None:
    claims = page._services.claims
    feuille = claims.feuilles(status=S.TO_SIGN)[0]
    page.select([feuille.id])
    assert page.buttons[Step.SIGN].isEnabled()
    assert not page.buttons[Step.COPY].isEnabled()
    assert not page.buttons[Step.RELEASE].isEnabled()
    page.day.setDate(QDate(2026, 11, 25))
    with qtbot.waitSignal(page.status) as said:
        qtbot.mouseClick(page.buttons[Step.SIGN], Qt.MouseButton.LeftButton)
    assert said.args == [f"Feuille {feuille.id}: signed"]
    assert claims.feuille(feuille.id).status is S.SIGNED
    assert claims.history(feuille.id)[-1] == (date(2026, 11, 25), "sign")
    # The page reloaded, kept the feuille selected, and now offers the copy.
    assert page.selected_ids() == [feuille.id]
    assert page.buttons[Step.COPY].isEnabled() and not page.buttons[Step.SIGN].isEnabled()
    qtbot.mouseClick(page.buttons[Step.COPY], Qt.MouseButton.LeftButton)
    assert claims.feuille(feuille.id).status is S.COPIED
    history = page.detail.history
    steps = [history.topLevelItem(n) for n in range(history.topLevelItemCount())]
    assert [(i.text(0), i.text(1)) for i in steps if i is not None][1:] == [
        ("25 Nov 2026", "Signed"),
        ("25 Nov 2026", "Copied"),  # the picked day stays until changed
    ]


def test_steps_apply_to_every_selected_feuille(qtbot: QtBot, page: FeuillesPage) -> None:
    claims = page._services.claims
    sarah = person_named(page._services, "Sarah")
    extra = [add_paper_act(page._services, sarah, date(2026, 11, d)) for d in (20, 21)]
    page.reload()
    page.select(extra)
    qtbot.mouseClick(page.buttons[Step.SIGN], Qt.MouseButton.LeftButton)
    assert [claims.feuille(f).status for f in extra] == [S.SIGNED, S.SIGNED]


def test_release_waits_for_the_social_security_number(qtbot: QtBot, page: FeuillesPage) -> None:
    services = page._services
    david = person_named(services, "David")
    held = services.claims.feuilles(status=S.HELD, person_id=david.id)[0]
    page.select([held.id])
    release = page.buttons[Step.RELEASE]
    assert not release.isEnabled()
    assert "social security number" in release.toolTip()
    # Sarah has a number: her feuille put aside by hand can be released.
    sarah = person_named(services, "Sarah")
    kept = add_paper_act(services, sarah, date(2026, 11, 2))
    services.claims.step(kept, Step.HOLD)
    page.reload()
    page.select([kept])
    assert release.isEnabled() and release.toolTip() == ""
    qtbot.mouseClick(release, Qt.MouseButton.LeftButton)
    assert services.claims.feuille(kept).status is S.TO_SIGN
    # Entering David's number releases his feuilles; the page follows the change.
    give_number(services, david, nir_for(date(1986, 9, 2)))
    page.reload()
    assert page.states.count(S.HELD) == 0
    assert services.claims.feuille(held.id).status is S.TO_SIGN


def test_returned_asks_why(
    qtbot: QtBot, page: FeuillesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = page._services.claims
    mailed = claims.feuilles(status=S.MAILED)[0]
    page.select([mailed.id])
    button = page.buttons[Step.RETURN]
    assert button.isEnabled() and button.text() == "Returned…"
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("", False))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert claims.feuille(mailed.id).status is S.MAILED  # cancelled: nothing changed
    asked: list[str] = []

    def answer(_parent: object, title: str, _label: str) -> tuple[str, bool]:
        asked.append(title)
        return "Prescription missing", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    after = claims.feuille(mailed.id)
    assert asked == ["Returned by the CPAM"]
    assert (after.status, after.reason) == (S.RETURNED, "Prescription missing")
    assert "Returned because: Prescription missing" in page.detail.facts.text()
    assert page.buttons[Step.SIGN].isEnabled() and page.buttons[Step.PAY].isEnabled()


def test_cpam_paid_then_close(qtbot: QtBot, page: FeuillesPage) -> None:
    claims = page._services.claims
    mailed = claims.feuilles(status=S.MAILED)[0]
    page.select([mailed.id])
    qtbot.mouseClick(page.buttons[Step.PAY], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.buttons[Step.CLOSE], Qt.MouseButton.LeftButton)
    assert claims.feuille(mailed.id).status is S.CLOSED
    assert not any(b.isEnabled() for b in page.buttons.values())


def test_merge_needs_one_person_and_unsigned_feuilles(qtbot: QtBot, page: FeuillesPage) -> None:
    services = page._services
    david = person_named(services, "David")
    first, second = services.claims.feuilles(status=S.HELD, person_id=david.id)[:2]
    signed = services.claims.feuilles(status=S.SIGNED)[0]
    page.select([first.id, signed.id])
    assert not page.merge_button.isEnabled()
    page.select([first.id, second.id])
    assert page.detail.heading.text() == "2 feuilles selected"
    assert page.merge_button.isEnabled()
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    merged = services.claims.feuille(first.id)
    assert set(merged.act_ids) == set(first.act_ids) | set(second.act_ids)
    assert second.id not in {f.id for f in services.claims.feuilles()}
    assert page.selected_ids() == [first.id]
    assert page.detail.acts.topLevelItemCount() == 2


def test_a_held_feuille_near_its_deadline_says_what_to_do(page: FeuillesPage) -> None:
    services = page._services
    david = person_named(services, "David")
    near = add_paper_act(services, david, date(2024, 11, 20))  # deadline 31 Dec 2026
    late = add_paper_act(services, david, date(2024, 9, 20))  # deadline passed
    page.reload()
    page.select([near])
    assert page.detail.advice.isVisible()
    assert "Still no social security number" in page.detail.advice.text()
    assert "33 days left" in page.detail.facts.text()
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(near) or 0, 0)).row()
    cell = page.proxy.index(row, columns.DAYS_LEFT)
    assert cell.data() == "33"
    assert not cell.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "Still no social security number" in cell.data(Qt.ItemDataRole.ToolTipRole)
    page.select([late])
    assert "deadline has passed" in page.detail.advice.text()
    # Held ones come first, the nearest deadline on top.
    assert shown_ids(page)[:2] == [late, near]


def test_a_refused_step_is_explained_not_raised(
    qtbot: QtBot, page: FeuillesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda _p, _t, e: shown.append(e.message))
    claims = page._services.claims
    feuille = claims.feuilles(status=S.TO_SIGN)[0]
    page.select([feuille.id])
    claims.step(feuille.id, Step.SIGN)  # signed elsewhere (the CLI) before the click
    assert page.take_step(Step.SIGN) == 0
    assert shown and "cannot sign" in shown[0]


def test_other_pages_changes_reload_the_page(page: FeuillesPage, events: EventHub) -> None:
    claims = page._services.claims
    feuille = claims.feuilles(status=S.TO_SIGN)[0]
    events.publish(claims.step(feuille.id, Step.SIGN).changes)
    page.show_state(S.SIGNED)
    assert feuille.id in shown_ids(page)
    page.hide()
    events.publish(claims.step(feuille.id, Step.COPY).changes)
    assert page.model.row(page.model.row_of(feuille.id) or 0).feuille.status is S.SIGNED
    page.show()
    page.show_state(S.COPIED)
    assert feuille.id in shown_ids(page)
