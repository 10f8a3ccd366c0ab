"""A GEODES-like service for tests: :class:`~.service.GeodesService` (see its module)."""

from .service import FAULT_KINDS, MAX_LIMIT, GeodesService

__all__ = ["FAULT_KINDS", "MAX_LIMIT", "GeodesService"]
