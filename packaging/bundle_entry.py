"""The bundle's one entry point: ``carnet-gui`` opens the window, ``carnet`` is the CLI.

PyInstaller makes both executables of the bundle from this script (one analysis,
one set of libraries); each tells which it is by its own name.
"""

import sys
from pathlib import Path

if Path(sys.executable).stem.lower() == "carnet-gui":
    from carnet.ui.start import main
else:
    from carnet.main import main

main()
