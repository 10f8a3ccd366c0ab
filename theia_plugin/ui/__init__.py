"""Widgets and QGIS GUI integration: thin views over core models."""
