"""Carnet storage layer."""
