"""Carnet services layer."""
