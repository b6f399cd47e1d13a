"""Processing with the WIP provider registered, small memory layers made from WKT, and every algorithm run once
with valid parameters on the demo municipality (the workspace that the bad-input and style tests start from)."""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import processing
import pytest
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProcessingFeedback, QgsVectorLayer

from wip_qgis_plugin.core.scoring import shipped_schemes
from wip_qgis_plugin.processing_algorithms.provider import WipProvider
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG


@pytest.fixture(scope="session")
def wip_processing(qgis_processing):
    provider = WipProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield
    QgsApplication.processingRegistry().removeProvider(provider)


@dataclass
class Entry:
    """An algorithm's valid parameters: ``inputs`` maps a parameter to a demo table name (``demo:<table>``), to an
    earlier algorithm's output (``<algorithm>:<OUTPUT>``, or a table beside it: ``<algorithm>:<OUTPUT>|<table>``) or
    to a list of those; ``main`` is the spatial input that
    the layer cases replace."""

    inputs: dict
    outputs: tuple[str, ...]
    main: str  # empty for an algorithm that reads files only
    values: dict = field(default_factory=dict)
    suffix: str = ".gpkg"


ALGORITHMS = {
    "eligibility": Entry({"STUDY_AREA": "demo:real_gemeinde", "CONSTRAINT_LAYERS": [
        "demo:synth_siedlung", "demo:synth_schutzgebiete", "demo:synth_wald"]},
        ("ELIGIBLE", "EXCLUDED", "SUMMARY"), "STUDY_AREA", {"CATALOG": 0, "MIN_AREA_HA": 5.0}),
    "eligibilityrobustness": Entry({"STUDY_AREA": "demo:real_gemeinde", "CONSTRAINT_LAYERS": [
        "demo:synth_siedlung", "demo:synth_schutzgebiete", "demo:synth_wald"]}, ("OUTPUT", "SUMMARY"), "STUDY_AREA",
        {"CATALOG": 0, "MIN_AREA_HA": 5.0, "VARIANTS": ["Siedlung 800 m", "wohnsiedlung_abstand", "800",
                                                        "Siedlung 1200 m", "wohnsiedlung_abstand", "1200",
                                                        "ohne Wald", "wald", "aus"]}),
    "sitecriteria": Entry({"SITES": "eligibility:ELIGIBLE", "NEAREST_LAYERS": [
        "demo:synth_umspannwerke_110kv", "demo:synth_siedlung"], "OVERLAP_LAYERS": ["demo:synth_schutzgebiete"],
        "MEAN_LAYER": "demo:synth_landwirtschaft"}, ("OUTPUT",), "SITES", {"MEAN_FIELD": "ackerzahl"}),
    "sitescore": Entry({"SITES": "sitecriteria:OUTPUT"}, ("OUTPUT",), "SITES",
                       {"SCHEME": str(shipped_schemes()["beispiel_wind"])}),
    "sitesensitivity": Entry({"SITES": "sitecriteria:OUTPUT"}, ("OUTPUT", "INFLUENCE"), "SITES",
                             {"SCHEME": str(shipped_schemes()["beispiel_wind"]), "RUNS": 20}),
    "pvyield": Entry({"SITES": "eligibility:ELIGIBLE"}, ("OUTPUT",), "SITES"),
    "rooftoppv": Entry({"BUILDINGS": "demo:synth_gebaeude", "MUNICIPALITIES": "demo:real_gemeinde"},
                       ("BUILDINGS_OUTPUT", "TOTALS"), "BUILDINGS"),
    "windlayout": Entry({"SITES": "eligibility:ELIGIBLE", "EXISTING": "demo:real_wea_bestand"},
                        ("TURBINES", "OUTPUT"), "SITES", {"WIND_SPEED": 6.5, "WIND_HEIGHT": 150.0}),
    "zoningalternatives": Entry({"STUDY_AREA": "demo:real_gemeinde", "UNITS": "demo:synth_flurstuecke",
                                 "ELIGIBLE_WIND": "eligibility:ELIGIBLE"},
                                ("ALLOCATION", "INDICATORS", "FREQUENCY"), "UNITS",
                                {"UNIT_ID_FIELD": "flurstueck_id", "WIND_SHARE_PCT": 1.0}),
    "xplanexport": Entry({"AREAS": "zoningalternatives:ALLOCATION", "STUDY_AREA": "demo:real_gemeinde"}, ("OUTPUT",),
                         "AREAS", {"MUNICIPALITY": "Hohenmölsen", "AGS": "15084235"}, suffix=".gml"),
    "heatdemand": Entry({"BUILDINGS": "demo:synth_gebaeude"}, ("OUTPUT",), "BUILDINGS"),
    "heatdensity": Entry({"BUILDINGS": "heatdemand:OUTPUT", "STREETS": "demo:synth_strassen"},
                         ("BLOCKS_OUTPUT", "STREETS_OUTPUT"), "BUILDINGS", {"INTERNAL": True}),
    "heatsuitability": Entry({"AREAS": "heatdensity:BLOCKS_OUTPUT", "NETWORK": "demo:synth_waermenetz"},
                             ("OUTPUT",), "AREAS"),
    "xwaermeplanexport": Entry({"AREAS": "heatsuitability:OUTPUT", "STREETS": "heatdensity:STREETS_OUTPUT",
                                "STUDY_AREA": "demo:real_gemeinde"}, ("OUTPUT",), "AREAS",
                               {"MUNICIPALITY": "Hohenmölsen", "START_DECISION": "2025-03-01",
                                "DECISION": "2026-12-15"}, suffix=".gml"),
    "energybalance": Entry({"STATISTICS": "demo:real_statistik", "MUNICIPALITY": "demo:real_gemeinde",
                            "HEAT_BUILDINGS": "heatdemand:OUTPUT"}, ("BALANCE", "INDICATORS", "ASSUMPTIONS", "PATHS"),
                           "MUNICIPALITY"),
    "measures": Entry({"PATHS": "energybalance:PATHS", "HEAT_SUITABILITY": "heatsuitability:OUTPUT"}, ("OUTPUT",),
                      "HEAT_SUITABILITY", {"START_YEAR": 2027}),
    "exportmeasures": Entry({"CATALOGUE": "measures:OUTPUT"}, ("OUTPUT",), "CATALOGUE",
                            {"MUNICIPALITY": "Hohenmölsen", "AGS": "15084235"}, suffix=".json"),
    "importmeasures": Entry({"FILES": ["exportmeasures:OUTPUT"]}, ("OUTPUT",), ""),
    "sharefile": Entry({}, ("OUTPUT",), "", {"FILE": str(shipped_schemes()["beispiel_wind"]),
                                             "MUNICIPALITY": "Hohenmölsen"}, suffix=".json"),
    "futureprofile": Entry({"MUNICIPALITY": "demo:real_gemeinde", "BALANCE": "energybalance:BALANCE",
                            "INDICATORS": "energybalance:INDICATORS", "ASSUMPTIONS": "energybalance:ASSUMPTIONS",
                            "ELIGIBLE": ["eligibility:ELIGIBLE"], "MEASURES": "measures:OUTPUT",
                            "PATHS": "energybalance:PATHS"}, ("OUTPUT_HTML", "OUTPUT_PDF"), "MUNICIPALITY",
                           suffix=".html"),
    "regionprofiles": Entry({"STUDY_AREA": "demo:real_gemeinde", "CONSTRAINT_LAYERS": [
        "demo:synth_siedlung", "demo:synth_schutzgebiete", "demo:synth_wald"]},
        ("ELIGIBLE", "LEDGER", "INDICATORS"), "STUDY_AREA", {"STUDY_ID_FIELD": "AGS", "WORKERS": 1}),
    "rerun": Entry({"REGISTER": "eligibility:ELIGIBLE|wip_laeufe"}, ("OUTPUT",), ""),
}


class Workspace:
    """The demo GeoPackage and the valid runs' outputs as input files, each with its checksum."""

    def __init__(self, root: Path):
        self.inputs = root / "inputs"
        self.inputs.mkdir()
        self.demo = self.inputs / "demo.gpkg"
        shutil.copy(DEMO_GPKG, self.demo)

    def source(self, reference: str) -> str:
        reference, _, table = reference.partition("|")  # "<algorithm>:<OUTPUT>|<table>": a table beside the output
        owner, name = reference.split(":")
        if owner == "demo":
            return f"{self.demo}|layername={name}"
        path = str(self.inputs / f"{owner}_{name}{ALGORITHMS[owner].suffix}")
        return f"{path}|layername={table}" if table else path

    def parameters(self, algorithm: str, out: Path) -> dict:
        entry = ALGORITHMS[algorithm]
        parameters = dict(entry.values)
        for name, reference in entry.inputs.items():
            parameters[name] = [self.source(r) for r in reference] if isinstance(reference, list) else \
                self.source(reference)
        for name in entry.outputs:
            suffix = ".pdf" if name == "OUTPUT_PDF" else entry.suffix
            parameters[name] = str(out / f"{algorithm}_{name}{suffix}")
        return parameters

    def checksums(self) -> dict[str, str]:
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(self.inputs.iterdir())}


@pytest.fixture(scope="session")
def workspace(wip_processing, tmp_path_factory):
    """Every algorithm run once with valid parameters, in workflow order; its outputs are the next ones' inputs."""
    space = Workspace(tmp_path_factory.mktemp("workspace"))
    for algorithm in ALGORITHMS:
        processing.run(f"wip:{algorithm}", space.parameters(algorithm, space.inputs))
    return space


class RecordingFeedback(QgsProcessingFeedback):
    """Feedback that keeps what an algorithm told: ``messages`` (infos) and ``warnings``."""

    def __init__(self):
        super().__init__()
        self.messages, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802 - Processing API
        self.messages.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 - Processing API
        self.warnings.append(warning)
        super().pushWarning(warning)


def memory_layer(name: str, geometry_type: str, rows: list[dict], crs: str = "EPSG:25832",
                 fields: str = "") -> QgsVectorLayer:
    """A memory layer with features from ``rows`` ({"wkt": ..., field: value}); ``fields`` like
    "&field=kategorie:string"."""
    layer = QgsVectorLayer(f"{geometry_type}?crs={crs}{fields}", name, "memory")
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(row["wkt"]))
        for key, value in row.items():
            if key != "wkt":
                feature[key] = value
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def square(x0: float, y0: float, size: float) -> str:
    return f"POLYGON(({x0} {y0}, {x0 + size} {y0}, {x0 + size} {y0 + size}, {x0} {y0 + size}, {x0} {y0}))"


def geotiff(path, values, left: float, top: float, cell: float, nodata: float = -9999.0,
            crs: str = "EPSG:25832") -> str:
    """A float32 GeoTIFF of ``values`` (rows from the top) written by GDAL's GTiff driver through QGIS: the GDAL
    Python bindings must not share the process with QGIS at exit. Returns the path, not a layer: a raster layer
    still alive when the test session ends crashes QGIS at exit."""
    import numpy as np
    from qgis.core import (
        Qgis,
        QgsCoordinateReferenceSystem,
        QgsRasterBlock,
        QgsRasterFileWriter,
        QgsRasterLayer,
        QgsRectangle,
    )
    from qgis.PyQt.QtCore import QByteArray

    values = np.asarray(values, dtype=np.float32)
    rows, columns = values.shape
    writer = QgsRasterFileWriter(str(path))
    writer.setOutputFormat("GTiff")
    provider = writer.createOneBandRaster(Qgis.DataType.Float32, columns, rows,
                                          QgsRectangle(left, top - rows * cell, left + columns * cell, top),
                                          QgsCoordinateReferenceSystem(crs))
    assert provider is not None and provider.isValid()
    provider.setNoDataValue(1, nodata)
    block = QgsRasterBlock(Qgis.DataType.Float32, columns, rows)
    block.setData(QByteArray(values.tobytes()))
    assert provider.writeBlock(block, 1, 0, 0)
    del provider  # closes the file
    layer = QgsRasterLayer(str(path), "raster")
    assert layer.isValid() and layer.crs().authid() == crs
    return str(path)
