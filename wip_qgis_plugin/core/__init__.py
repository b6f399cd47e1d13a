"""QGIS-free planning engine: works on GeoDataFrames, shapely 2 geometries and numpy arrays."""

import warnings

# geopandas 0.14 (the newest that accepts the pyproj of Debian 12) still imports shapely.geos
warnings.filterwarnings("ignore", message="The 'shapely.geos' module is deprecated", category=DeprecationWarning)
