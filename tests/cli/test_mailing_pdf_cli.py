"""``carnet mailing pdf --with-attachments``: the packet followed by copies of the scans."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pypdf import PdfReader

from tests.cli.test_cli import run
from tests.documents import samples_files


def test_the_packet_with_and_without_copies(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite"
    run(db, "demo", "--acts", "40")
    run(db, "setting", "set", "household.address", "Sarah Thompson\n12 rue des Lilas\n75011 Paris")
    conn = sqlite3.connect(db)
    try:
        mailing, feuille = conn.execute(
            "SELECT m.id, f.id FROM mailing m JOIN feuille f ON f.mailing_id = m.id "
            "WHERE m.mailed_on IS NULL ORDER BY m.id LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    scan = tmp_path / "scan.png"
    scan.write_bytes(samples_files.png())
    run(db, "attach", "feuille", str(feuille), str(scan))
    plain, copies = tmp_path / "plain.pdf", tmp_path / "copies.pdf"
    run(db, "mailing", "pdf", str(mailing), "--out", str(plain))
    run(db, "mailing", "pdf", str(mailing), "--out", str(copies), "--with-attachments")
    before, after = PdfReader(plain), PdfReader(copies)
    assert len(after.pages) == len(before.pages) + 2  # the heading page and the scan
    heading = after.pages[len(before.pages)].extract_text()
    assert "ne pas envoyer" in heading and "scan.png" in heading


def test_attachments_kind_changes_what_a_file_is(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    run(db, "demo", "--acts", "10")
    scan = tmp_path / "ordo.png"
    scan.write_bytes(samples_files.png())
    said = run(db, "attach", "act", "1", str(scan)).stdout
    attachment = said.split("#")[-1].strip()
    changed = run(db, "attachments", "kind", attachment, "prescription").stdout
    assert changed.startswith(f"#{attachment} ordo.png")
    assert "prescription" in run(db, "attachments", "list", "act", "1").stdout
    refused = run(db, "attachments", "kind", "999", "scan", check=False)
    assert refused.returncode != 0 and "999" in refused.stderr
