"""Touchscreen patient-education kiosk about gut health."""

__version__ = "0.1.0"
