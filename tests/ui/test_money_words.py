"""Money expected back is never called reimbursed before it has arrived."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from carnet.documents.summary_texts import texts
from carnet.ui.formats import WindowTranslator
from carnet.ui.widgets.month_chart import MonthChart


@pytest.mark.parametrize(("language", "said"), [("en", "received or not"), ("fr", "reçu ou non")])
def test_the_charts_say_due_back_not_reimbursed(qtbot: QtBot, language: str, said: str) -> None:
    chart = MonthChart(WindowTranslator(language))
    qtbot.addWidget(chart)
    assert said in chart.back.label()
    assert said in texts(language).reimbursed  # the summary PDF
