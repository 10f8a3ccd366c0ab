"""WMS/WMTS/XYZ test service: ``qgis_mapserver`` serving generated rasters (see .service)."""

from .service import LAYERS, MapServerError, MapServerService, mapserver_available

__all__ = ["LAYERS", "MapServerError", "MapServerService", "mapserver_available"]
