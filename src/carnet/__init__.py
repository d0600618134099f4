"""Carnet: an offline organizer for health-care claims in France."""

# The one place the version is written: pyproject.toml reads it from here
# (importlib.metadata would cost start-up time to look it up).
__version__ = "0.1.0"

APP_ID = "fr.carnet.Carnet"
APP_NAME = "Carnet"
