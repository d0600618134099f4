"""The reminders' .ics file: parsed back with icalendar, stable UIDs, both languages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar, Event

from carnet.app import Services
from carnet.cli.root import cli
from carnet.domain.claims import Step
from carnet.domain.ids import PersonId
from tests.services.helpers import paper_feuille


def _events(data: bytes) -> dict[str, Event]:
    calendar = Calendar.from_ical(data)
    # icalendar keeps what it could not read in .errors instead of raising: none allowed.
    assert calendar.errors == []
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    for event in events.values():
        assert event.errors == []
    return events


@pytest.fixture
def busy(services: Services, household: dict[str, int]) -> dict[str, int]:
    """A feuille to sign, a mailed one unanswered for weeks, and money awaited."""
    waiting = paper_feuille(services, household["adult"], household["gp"], date(2025, 2, 7))
    sent = paper_feuille(services, household["adult"], household["gp"], date(2026, 9, 1))
    services.claims.step(sent, Step.SIGN)
    mailing = services.mailings.create(PersonId(household["adult"])).value
    services.mailings.mark_mailed(mailing.id, date(2026, 9, 10))
    return {"waiting": waiting, "sent": sent, "mailing": mailing.id}


def test_each_reminder_is_an_all_day_event_with_an_alarm(
    services: Services, busy: dict[str, int]
) -> None:
    events = _events(services.calendar.ics("en"))
    key = services.store.settings.get("calendar.key")
    waiting = events[f"feuille-{busy['waiting']}-deadline-90@{key}.carnet"]
    # Care on 2025-02-07 → deadline 2027-03-31 (docs/rules.md §6), minus 90 days.
    assert waiting.decoded("DTSTART") == date(2027, 3, 31) - timedelta(days=90)
    assert waiting.decoded("DTEND") == date(2027, 3, 31) - timedelta(days=89)
    assert (
        str(waiting["SUMMARY"])
        == f"Feuille #{busy['waiting']} (Sarah Thompson): 90 days left to send it"
    )
    assert "Deadline: 31 Mar 2027. Next step: Sign the feuille." in str(waiting["DESCRIPTION"])
    thirty = events[f"feuille-{busy['waiting']}-deadline-30@{key}.carnet"]
    assert thirty.decoded("DTSTART") == date(2027, 3, 1)
    [alarm] = waiting.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)

    unanswered = events[f"mailing-{busy['mailing']}-unanswered@{key}.carnet"]
    assert unanswered.decoded("DTSTART") == date(2026, 9, 10) + timedelta(weeks=6)
    assert "still no answer" in str(unanswered["SUMMARY"])
    # The mailed feuille no longer races its deadline.
    assert not any(uid.startswith(f"feuille-{busy['sent']}-") for uid in events)

    overdue = [e for uid, e in events.items() if uid.startswith("payments-amo-")]
    assert overdue and all("becomes overdue" in str(e["SUMMARY"]) for e in overdue)


def test_french_reminders(services: Services, busy: dict[str, int]) -> None:
    events = _events(services.calendar.ics("fr"))
    summaries = {str(e["SUMMARY"]) for e in events.values()}
    assert f"Feuille n°{busy['waiting']} (Sarah Thompson) : plus que 90 jours pour l'envoyer" in (
        summaries
    )
    payments = [s for s in summaries if s.startswith("Remboursement de la CPAM en retard")]
    assert payments and all("€" in s and "," in s for s in payments)  # 21,00 €
    first = next(iter(events.values()))
    assert first["SUMMARY"].params["LANGUAGE"] == "fr"


def test_exporting_again_keeps_the_uids_and_raises_the_sequence(
    services: Services, busy: dict[str, int]
) -> None:
    services.calendar.now = lambda: datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    first = _events(services.calendar.ics("en"))
    services.calendar.now = lambda: datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    second = _events(services.calendar.ics("fr"))
    assert set(first) == set(second) and len(first) >= 5
    uid = next(iter(first))
    assert int(second[uid]["SEQUENCE"]) > int(first[uid]["SEQUENCE"])


def test_two_households_never_share_a_uid(
    services: Services, busy: dict[str, int], tmp_path: Path
) -> None:
    from carnet.app import build_services  # noqa: PLC0415
    from tests.conftest import TODAY, make_household  # noqa: PLC0415

    other = build_services(tmp_path / "other.sqlite", today=lambda: TODAY)
    try:
        household = make_household(other)
        paper_feuille(other, household["adult"], household["gp"], date(2025, 2, 7))
        theirs = set(_events(other.calendar.ics()))
    finally:
        other.close()
    assert theirs and not theirs & set(_events(services.calendar.ics()))


def test_an_empty_household_gives_a_valid_empty_calendar(services: Services) -> None:
    calendar = Calendar.from_ical(services.calendar.ics())
    assert calendar.errors == [] and list(calendar.walk("VEVENT")) == []
    assert str(calendar["X-WR-CALNAME"]) == "Carnet reminders"


def test_carnet_calendar_writes_the_file(
    services: Services, busy: dict[str, int], db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "carnet.ics"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--db", str(db_path), "calendar", "--out", str(out), "--lang", "fr"]
    )
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output
    assert out.stat().st_mode & 0o777 == 0o600
    events = _events(out.read_bytes())
    assert any("plus que 30 jours" in str(e["SUMMARY"]) for e in events.values())
    to_stdout = runner.invoke(cli, ["--db", str(db_path), "calendar", "--out", "-"])
    assert to_stdout.exit_code == 0
    assert set(_events(to_stdout.stdout_bytes)) == set(events)
