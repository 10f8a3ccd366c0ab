"""Raster products: Theia L2A readers, composites (later: windowed engine, COG writer)."""
