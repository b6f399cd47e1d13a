"""Libraries loaded on first use: QGIS starts the plugin, registers its algorithms and builds its docks without
importing numpy, pandas, geopandas, shapely, scipy or GDAL's Python bindings; the first computation imports them."""
from __future__ import annotations

import importlib
import types


class LazyModule(types.ModuleType):
    """Module ``name``, imported when one of its attributes is first asked for; from then on its attributes are
    this object's own (Python's import lock makes a first use from two threads safe)."""

    def __getattr__(self, attribute: str):
        module = importlib.import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, attribute)


def lazy_module(name: str) -> types.ModuleType:
    return LazyModule(name)
