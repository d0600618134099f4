"""``python -m carnet`` runs the same command as ``carnet``."""

from carnet.main import main

main()
