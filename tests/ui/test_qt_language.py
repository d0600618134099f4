"""Qt's own words and calendars follow the window's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget
from pytestqt.qtbot import QtBot

from carnet.ui.application import QtTranslations


@pytest.fixture
def qt_language(qapp: QApplication) -> Iterator[QtTranslations]:
    saved = QLocale()
    translations = QtTranslations(qapp)
    yield translations
    translations.use("en")
    QLocale.setDefault(saved)  # the other tests keep the locale they started with


def test_qt_dialogs_speak_french(qt_language: QtTranslations) -> None:
    qt_language.use("fr")
    # The words of Qt's own buttons and file dialogs, from PySide6's qtbase_fr.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    assert QCoreApplication.translate("QFileDialog", "Save As") == "Enregistrer sous"
    qt_language.use("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_calendar_weeks_start_on_monday_and_english_dates_put_the_day_first(
    qtbot: QtBot, qt_language: QtTranslations
) -> None:
    qt_language.use("fr")
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    qt_language.use("en")
    english = QCalendarWidget()
    qtbot.addWidget(english)
    assert english.firstDayOfWeek() == Qt.DayOfWeek.Monday
    short = QLocale().toString(QDate(2026, 11, 24), QLocale.FormatType.ShortFormat)
    assert short == "24/11/2026"
