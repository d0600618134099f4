"""The CSV engine splits the decoded text into lines itself (StringIO took four bytes per
character: 160 MB for a 300 000-line statement); the lines must be the ones a file opened
with ``newline=""`` gives, whatever the line endings."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from carnet.bank.importers.csv_reader import _lines

TEXT = st.text(alphabet=st.sampled_from(["a", ";", '"', "\r", "\n", "\x0c", "\u2028", "é"]))


@given(TEXT)
def test_lines_are_those_of_a_file_opened_with_newline_empty(text: str) -> None:
    assert list(_lines(text)) == list(io.StringIO(text, newline=""))
