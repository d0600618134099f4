"""Tabular exports (CSV, XLSX) for spreadsheet apps. Pure: rows in, bytes out."""
