"""Spectral index catalogue and safe formula evaluation (Qt-free core)."""
