"""Carnet: an offline organizer for health-care claims in France."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("carnet")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

APP_ID = "fr.carnet.Carnet"
APP_NAME = "Carnet"
