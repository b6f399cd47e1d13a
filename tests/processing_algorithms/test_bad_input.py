"""Every WIP algorithm against one catalogue of bad inputs and faults, in-process through ``processing.run``.

For each case the run either ends with a clear message (never an internal error, the wrapped traceback) or gives
a result; afterwards every input file is byte-identical and a refused, failed or cancelled run has left no output
behind. An algorithm joins the suite by one entry in ``ALGORITHMS``: its valid parameters on the demo
municipality (in conftest.py).
"""
from __future__ import annotations

import json
from pathlib import Path

import processing
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from tests.processing_algorithms.conftest import ALGORITHMS, RecordingFeedback, Workspace, memory_layer
from wip_qgis_plugin.core.wind_energy import TURBINES_FILE
from wip_qgis_plugin.processing_algorithms.provider import algorithm_classes

INTERNAL_ERROR = "Interner Fehler"


def test_every_algorithm_is_in_the_suite():
    assert set(ALGORITHMS) == {cls.algorithm_id for cls in algorithm_classes()}


class CancelAtFirstProgress(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.progressChanged.connect(lambda value: value > 0 and self.cancel())


def no_crs_copy(layer_source: str) -> QgsVectorLayer:
    """A memory copy of a layer without a coordinate reference system."""
    layer = QgsVectorLayer(layer_source, "ohne_kbs", "ogr")
    copy = layer.materialize(QgsFeatureRequest())
    copy.setCrs(QgsCoordinateReferenceSystem())
    copy.setName("ohne_kbs")
    return copy


def run_case(space: Workspace, algorithm: str, out: Path, change, feedback=None) -> tuple[dict | None, str]:
    parameters = space.parameters(algorithm, out)
    change(parameters)
    try:
        return processing.run(f"wip:{algorithm}", parameters, feedback=feedback), ""
    except QgsProcessingException as error:
        return None, str(error)


# the layer cases replace an algorithm's main layer input; one that reads files only has its own bad-input tests
WITH_MAIN_LAYER = [name for name, entry in ALGORITHMS.items() if entry.main]


def outputs_of(algorithm):
    return ALGORITHMS[algorithm].outputs


def _first_output_to(place):
    def change(parameters, algorithm):
        parameters[outputs_of(algorithm)[0]] = place(parameters, algorithm)
    return change


def _main_input(parameters, algorithm) -> str:
    return parameters[ALGORITHMS[algorithm].main].split("|")[0]


REFUSALS = {
    # case: (change of the valid parameters, the message it must give)
    "output is an input file": (
        _first_output_to(_main_input), "würde in die Datei der Eingabe"),
    "output is a new table of an input file": (
        _first_output_to(lambda p, a: f"ogr:dbname='{_main_input(p, a)}' table=\"neu\" (geom)"),
        "würde in die Datei der Eingabe"),
    "output is a folder": (
        _first_output_to(lambda p, a: str(Path(p[outputs_of(a)[0]]).parent)), "ist ein Ordner"),
    "main input without a CRS": (
        lambda p, a: p.update({ALGORITHMS[a].main: no_crs_copy(p[ALGORITHMS[a].main])}),
        "hat kein Koordinatenbezugssystem"),
    "main input file missing": (
        lambda p, a: p.update({ALGORITHMS[a].main: str(Path(_main_input(p, a)).with_name("fehlt.gpkg"))}),
        ""),
}


@pytest.mark.parametrize("case", REFUSALS)
@pytest.mark.parametrize("algorithm", WITH_MAIN_LAYER)
def test_refused_with_a_message_and_nothing_changed(workspace, tmp_path, algorithm, case):
    change, message = REFUSALS[case]
    before = workspace.checksums()
    results, error = run_case(workspace, algorithm, tmp_path, lambda parameters: change(parameters, algorithm))
    assert results is None, f"{case}: not refused"
    assert message in error and INTERNAL_ERROR not in error, error
    assert workspace.checksums() == before
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("algorithm", [name for name, entry in ALGORITHMS.items() if len(entry.outputs) > 1])
def test_outputs_on_one_file_are_refused(workspace, tmp_path, algorithm):
    shared = tmp_path / "alle.gpkg"
    results, error = run_case(workspace, algorithm, tmp_path, lambda parameters: parameters.update(
        {name: str(shared) for name in outputs_of(algorithm)}))
    assert results is None and "gehen in dieselbe Datei" in error, error
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("algorithm", [name for name, entry in ALGORITHMS.items() if len(entry.outputs) > 1
                                       and entry.suffix == ".gpkg"])
def test_outputs_as_tables_of_one_geopackage(workspace, tmp_path, algorithm):
    """Different tables of one GeoPackage are separate outputs: all of them are written."""
    shared = tmp_path / "alle.gpkg"
    results, error = run_case(workspace, algorithm, tmp_path, lambda parameters: parameters.update(
        {name: f"ogr:dbname='{shared}' table=\"{name.lower()}\" (geom)" for name in outputs_of(algorithm)}))
    assert results is not None, error
    for name in outputs_of(algorithm):
        layer = QgsVectorLayer(f"{shared}|layername={name.lower()}", name, "ogr")
        assert layer.isValid(), name


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_failing_later_output_leaves_nothing(workspace, tmp_path, algorithm):
    """The last output cannot be created (its folder does not exist): the run fails with a message and the
    outputs written before it are gone."""
    def change(parameters):
        parameters[outputs_of(algorithm)[-1]] = str(tmp_path / "fehlt" / Path(parameters[outputs_of(algorithm)[-1]])
                                                    .name)
    before = workspace.checksums()
    results, error = run_case(workspace, algorithm, tmp_path, change)
    assert results is None and error and INTERNAL_ERROR not in error, error
    assert workspace.checksums() == before
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_cancelled_run_leaves_nothing(workspace, tmp_path, algorithm):
    before = workspace.checksums()
    results, error = run_case(workspace, algorithm, tmp_path, lambda parameters: None, CancelAtFirstProgress())
    assert INTERNAL_ERROR not in error, error
    assert workspace.checksums() == before
    assert not [path for path in tmp_path.iterdir()], results


def empty_copy(layer_source: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(layer_source, "leer", "ogr")
    copy = layer.materialize(QgsFeatureRequest().setFilterFids([]))
    copy.setName("leer")
    return copy


def broken_geometries_copy(layer_source: str) -> QgsVectorLayer:
    """The layer's first features with a NULL, an empty and a self-intersecting geometry added."""
    layer = QgsVectorLayer(layer_source, "kaputt", "ogr")
    copy = layer.materialize(QgsFeatureRequest().setLimit(20))
    extent = layer.extent()
    x, y = extent.center().x(), extent.center().y()
    broken = []
    for wkt in (None, "POLYGON EMPTY",
                f"POLYGON(({x} {y}, {x + 100} {y + 100}, {x + 100} {y}, {x} {y + 100}, {x} {y}))"):
        feature = QgsFeature(copy.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        broken.append(feature)
    copy.dataProvider().addFeatures(broken)
    copy.setName("kaputt")
    return copy


def reprojected(crs: str):
    """A memory copy of a layer in another CRS: ``crs`` EPSG:4326 is geographic input, EPSG:25833 mixes the main
    input's UTM zone with the zone 32 of the others."""
    def copy(layer_source: str) -> QgsVectorLayer:
        return processing.run("native:reprojectlayer", {"INPUT": layer_source, "TARGET_CRS": crs,
                                                        "OUTPUT": "memory:"})["OUTPUT"]
    return copy


def tiny_copy(layer_source: str) -> QgsVectorLayer:
    """The layer's first feature alone, shrunk to a square metre around its centre (a point stays a point)."""
    layer = QgsVectorLayer(layer_source, "winzig", "ogr")
    copy = layer.materialize(QgsFeatureRequest().setLimit(1))
    feature = next(copy.getFeatures())
    if feature.geometry().type() != QgsWkbTypes.GeometryType.PointGeometry:
        centre = feature.geometry().centroid().asPoint()
        copy.dataProvider().changeGeometryValues({feature.id(): QgsGeometry.fromWkt(
            f"MULTIPOLYGON((({centre.x()} {centre.y()}, {centre.x() + 1} {centre.y()}, {centre.x() + 1} "
            f"{centre.y() + 1}, {centre.x()} {centre.y() + 1}, {centre.x()} {centre.y()})))")
            if feature.geometry().type() == QgsWkbTypes.GeometryType.PolygonGeometry else
            QgsGeometry.fromWkt(f"MULTILINESTRING(({centre.x()} {centre.y()}, {centre.x() + 1} {centre.y()}))")})
    return copy


DEGRADED = {
    "main input empty": empty_copy,
    "main input with NULL, empty and invalid geometries": broken_geometries_copy,
    "main input geographic": reprojected("EPSG:4326"),
    "main input in another UTM zone": reprojected("EPSG:25833"),
    "main input a square metre": tiny_copy,
}


@pytest.mark.parametrize("case", DEGRADED)
@pytest.mark.parametrize("algorithm", WITH_MAIN_LAYER)
def test_degraded_input_gives_a_message_or_a_result(workspace, tmp_path, algorithm, case):
    before = workspace.checksums()
    main = ALGORITHMS[algorithm].main
    results, error = run_case(workspace, algorithm, tmp_path,
                              lambda parameters: parameters.update({main: DEGRADED[case](parameters[main])}))
    assert INTERNAL_ERROR not in error, error
    assert workspace.checksums() == before
    if results is None:
        assert error
        assert not list(tmp_path.iterdir())


def deep_json(path: Path, depth: int = 100_000) -> str:
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    return str(path)


def tiny_rotor_turbines(path: Path) -> str:
    """The shipped turbine catalog with a 1 mm rotor: the spacing of 5 × 3 rotor diameters would ask for billions
    of candidate positions."""
    data = json.loads(TURBINES_FILE.read_text(encoding="utf-8"))
    data["turbines"][0]["rotor_m"] = 0.001
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def with_value(layer_source: str, field: str, value=None) -> QgsVectorLayer:
    """A memory copy of the layer's first 50 features, the first of them with ``field`` set to ``value`` (None:
    to the second feature's value, a duplicate)."""
    layer = QgsVectorLayer(layer_source, "geaendert", "ogr")
    copy = layer.materialize(QgsFeatureRequest().setLimit(50))
    features = list(copy.getFeatures())
    copy.dataProvider().changeAttributeValues({features[0].id(): {
        copy.fields().indexOf(field): features[1][field] if value is None else value}})
    return copy


def factor_table(year: int) -> QgsVectorLayer:
    """An emission-factor table with one row for electricity in ``year``."""
    table = QgsVectorLayer("None?field=carrier:string&field=g_kwh:double&field=year:integer", "faktoren", "memory")
    row = QgsFeature(table.fields())
    row.setAttributes(["strom", 400.0, year])
    table.dataProvider().addFeatures([row])
    return table


# findings of the bad-input probes: (algorithm, change of the valid parameters given the output folder, message)
FINDINGS = {
    "text field as mean field": ("sitecriteria", lambda p, tmp: p.update(MEAN_FIELD="nutzung"), "kein Zahlenfeld"),
    "missing function field": ("heatdemand", lambda p, tmp: p.update(FUNCTION_FIELD="fehlt"), "„fehlt“"),
    "deeply nested catalog": ("eligibility", lambda p, tmp: p.update(CATALOG_FILE=deep_json(tmp / "tief.json")),
                              "tief.json"),
    "deeply nested scheme": ("sitescore", lambda p, tmp: p.update(SCHEME=deep_json(tmp / "tief.json")), "tief.json"),
    "absurd distance": ("eligibility", lambda p, tmp: p.update(DISTANCE_OVERRIDES=["wald", "1e300"]), "1e300"),
    "1 mm rotor": ("windlayout", lambda p, tmp: p.update(TURBINE_FILE=tiny_rotor_turbines(tmp / "wea.json")),
                   "Rotor"),
    "999,999 storeys": ("heatdemand", lambda p, tmp: p.update(BUILDINGS=with_value(p["BUILDINGS"], "geschosse",
                                                                                  999_999)), "unmöglich"),
    "negative floor area": ("heatdemand", lambda p, tmp: p.update(
        BUILDINGS=with_value(p["BUILDINGS"], "grundflaeche_m2", -5.0), FLOOR_AREA_FIELD="grundflaeche_m2"),
        "unmöglich"),
    "deeply nested turbine catalog": ("windlayout", lambda p, tmp: p.update(
        TURBINE_FILE=deep_json(tmp / "tief.json")), "tief.json"),
    "an 800 km area": ("windlayout", lambda p, tmp: p.update(SITES=memory_layer(
        "riesig", "Polygon", [{"wkt": "POLYGON((0 5000000, 800000 5000000, 800000 5800000, 0 5800000, "
                                      "0 5000000))"}])), "zu groß"),
    "negative measured consumption": ("heatdemand", lambda p, tmp: p.update(
        BUILDINGS=with_value(p["BUILDINGS"], "grundflaeche_m2", -5.0), CONSUMPTION_FIELD="grundflaeche_m2"),
        "unmöglich"),
    "negative wind speed": ("windlayout", lambda p, tmp: p.update(WIND_SPEED=-50.0), "WIND_SPEED"),
    "negative wind speed in a field": ("windlayout", lambda p, tmp: p.update(
        SITES=with_value(p["SITES"], "area_ha", -3.0), WIND_FIELD="area_ha", WIND_SPEED=0.0), "unmöglich"),
    "negative heat demand": ("heatdensity", lambda p, tmp: p.update(
        BUILDINGS=with_value(p["BUILDINGS"], "demand_mwh_a", -5.0)), "unmöglich"),
    "1e15 inhabitants": ("energybalance", lambda p, tmp: p.update(
        STATISTICS=with_value(p["STATISTICS"], "population.total", 10 ** 15)), "population.total"),
    "negative dwellings": ("energybalance", lambda p, tmp: p.update(
        STATISTICS=with_value(p["STATISTICS"], "buildings.flats_total", -1e9)), "buildings.flats_total"),
    "factor for the year 3000": ("energybalance", lambda p, tmp: p.update(FACTORS=factor_table(3000)), "Jahr"),
    "thresholds in reversed order": ("heatsuitability", lambda p, tmp: p.update(LINE_NETWORK=3000.0),
                                     "absteigen"),
    "duplicate unit ids": ("zoningalternatives", lambda p, tmp: p.update(
        UNITS=with_value(p["UNITS"], "flurstueck_id")), "nicht eindeutig"),
}


@pytest.mark.parametrize("finding", FINDINGS)
def test_findings_get_a_clear_message(workspace, tmp_path, finding):
    algorithm, change, message = FINDINGS[finding]
    files = tmp_path / "dateien"
    files.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    before = workspace.checksums()
    results, error = run_case(workspace, algorithm, out, lambda parameters: change(parameters, files))
    assert results is None and INTERNAL_ERROR not in error and message in error, error
    assert workspace.checksums() == before
    assert not list(out.iterdir())


def test_geographic_input_far_from_germany_is_measured_in_its_own_utm_zone(wip_processing):
    """A 0.2° square near Canberra: UTM 32N would stretch it by 42 %; its own zone (55S) gives the ellipsoidal
    area to a few per mille."""
    wkt = "POLYGON((149 -35.2, 149.2 -35.2, 149.2 -35, 149 -35, 149 -35.2))"
    square = memory_layer("australien", "Polygon", [{"wkt": wkt}], crs="EPSG:4326")
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
    measure.setEllipsoid("WGS84")
    true_ha = measure.measureArea(QgsGeometry.fromWkt(wkt)) / 1e4
    result = processing.run("wip:eligibility", {"STUDY_AREA": square, "CONSTRAINT_LAYERS": [],
                                                "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"})
    assert result["ELIGIBLE_HA"] == pytest.approx(true_ha, rel=0.003)


def test_data_outside_its_crs_area_is_warned(wip_processing):
    """Coordinates of EPSG:25832 that lie in the Atlantic: a CRS assigned wrongly is named before the run."""
    far = memory_layer("weit_weg", "Polygon", [{"wkt": "POLYGON((-3e6 1e6, -3e6 1.1e6, -2.9e6 1.1e6, "
                                                        "-2.9e6 1e6, -3e6 1e6))"}])
    feedback = RecordingFeedback()
    processing.run("wip:eligibility", {"STUDY_AREA": far, "CONSTRAINT_LAYERS": [], "ELIGIBLE": "memory:",
                                       "EXCLUDED": "memory:", "SUMMARY": "memory:"}, feedback=feedback)
    assert any("weit_weg" in warning and "EPSG:25832" in warning for warning in feedback.warnings)


def test_unusual_but_possible_values_are_flagged_not_refused(workspace, tmp_path):
    """40 storeys can be, in Halle-Neustadt hardly: the building keeps its demand, its row is flagged and the log
    says how many to check."""
    feedback = RecordingFeedback()
    parameters = workspace.parameters("heatdemand", tmp_path)
    parameters["BUILDINGS"] = with_value(parameters["BUILDINGS"], "geschosse", 40)
    result = processing.run("wip:heatdemand", parameters, feedback=feedback)
    rows = list(QgsVectorLayer(result["OUTPUT"], "bedarf", "ogr").getFeatures())
    flagged = [row for row in rows if row["implausible"]]
    assert len(flagged) == 1 and "40 Geschosse" in flagged[0]["note"] and flagged[0]["demand_mwh_a"] > 0
    assert any("1 Gebäude mit ungewöhnlichen Angaben" in warning for warning in feedback.warnings)
