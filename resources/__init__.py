"""Carnet's data files, installed as the package ``carnet.resources`` (see setup.py)."""
