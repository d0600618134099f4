"""Exports for other applications: tables (CSV, XLSX) and reminders (iCalendar).

Pure: records in, bytes out.
"""
