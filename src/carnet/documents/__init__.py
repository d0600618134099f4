"""Carnet documents layer."""
