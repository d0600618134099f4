"""Where each ``carnet`` command lives, loaded only when it is run (or help lists it).

Importing every command up front would pull in reportlab, openpyxl, sqlite-utils
and the bank parsers before the window could even start to load Qt (the figure is
in ``benchmarks/``). Each entry is ``"module:attribute"``.
"""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "gui": "carnet.ui.launch:gui",
    "person": "carnet.cli.person:person",
    "practitioner": "carnet.cli.practitioner:practitioner",
    "act": "carnet.cli.act:act",
    "feuille": "carnet.cli.feuille:feuille",
    "mailing": "carnet.cli.mailing:mailing",
    "letter": "carnet.cli.mailing:letter",
    "demo": "carnet.cli.demo:demo",
    "estimate": "carnet.cli.estimate:estimate",
    "export": "carnet.cli.export:export",
    "load-json": "carnet.cli.export:load_json",
    "backup": "carnet.cli.backup:backup",
    "restore": "carnet.cli.backup:restore",
    "encrypt": "carnet.cli.encryption:encrypt",
    "decrypt": "carnet.cli.encryption:decrypt",
    "attach": "carnet.cli.attach:attach",
    "attachments": "carnet.cli.attach:attachments",
    "todo": "carnet.cli.todo:todo",
    "calendar": "carnet.cli.calendar:calendar",
    "abroad": "carnet.cli.abroad:abroad",
    "road": "carnet.cli.road:road",
    "summary": "carnet.cli.summary:summary",
    "todo-sheet": "carnet.cli.summary:todo_sheet",
    "setting": "carnet.cli.setting:setting",
    "cpam": "carnet.cli.cpam:cpam",
    "import": "carnet.cli.bank:import_statement",
    "reconcile": "carnet.cli.bank:reconcile",
    "csv-profile": "carnet.cli.bank:csv_profile",
    "payer": "carnet.cli.bank:payer",
    "discrepancy": "carnet.cli.discrepancy:discrepancy",
}
