"""Carnet bank layer."""
