"""The domain engine: QGIS-free, works on GeoDataFrames, shapely 2 geometries and numpy arrays."""
