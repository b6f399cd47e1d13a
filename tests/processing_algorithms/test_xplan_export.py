"""wip:xplanexport: a zoning alternative or selected eligible areas as an XPlanGML 6.0 draft that the official schema
and the official model of the XLeitstelle accept, and that GDAL's GMLAS driver reads back with the same areas."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import processing
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

from wip_qgis_plugin.core.gml import GML
from wip_qgis_plugin.core.xplanung import SCHEMA_FILE, XPLAN, schema_problems

from .conftest import RecordingFeedback, memory_layer, square

NS = {"xplan": XPLAN, "gml": GML}
ROOT = Path(__file__).resolve().parents[2]
XPLAN_TOOLS = ROOT / ".venv-xplan-tools" / "bin" / "python"

# GDAL's Python bindings must not share the process with QGIS at exit: GMLAS reads in a process of its own
GMLAS_READER = """
import json, sys
from osgeo import gdal
gdal.UseExceptions()
data = gdal.OpenEx("GMLAS:" + sys.argv[1], open_options=["XSD=" + sys.argv[2]])
result = {}
for index in range(data.GetLayerCount()):
    layer = data.GetLayer(index)
    definition = layer.GetLayerDefn()
    geometry_fields = [definition.GetGeomFieldDefn(i).GetName() for i in range(definition.GetGeomFieldCount())]
    rows = []
    for feature in layer:
        row = {name: feature.GetGeomFieldRef(name).ExportToWkt() for name in geometry_fields
               if feature.GetGeomFieldRef(name) is not None}
        for name in ("allgartderbaulnutzung", "typ"):
            if definition.GetFieldIndex(name) >= 0:
                row[name] = feature.GetField(name)
        rows.append(row)
    if rows:
        result[layer.GetName()] = rows
print(json.dumps(result))
"""


def export(workspace, tmp_path, **values) -> tuple[Path, RecordingFeedback]:
    parameters = {"AREAS": workspace.source("zoningalternatives:ALLOCATION"),
                  "STUDY_AREA": workspace.source("demo:real_gemeinde"), "MUNICIPALITY": "Hohenmölsen",
                  "AGS": "15084235", "OUTPUT": str(tmp_path / "plan.gml")}
    parameters.update(values)
    feedback = RecordingFeedback()
    processing.run("wip:xplanexport", parameters, feedback=feedback)
    return Path(parameters["OUTPUT"]), feedback


def read_back(path: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", GMLAS_READER, str(path), str(SCHEMA_FILE)], capture_output=True,
                            text=True, check=True, timeout=300)
    return json.loads(result.stdout)


def chosen_allocation(workspace, alternative: int):
    import shapely

    layer = QgsVectorLayer(workspace.source("zoningalternatives:ALLOCATION"), "allocation", "ogr")
    shapes = {}
    for feature in layer.getFeatures():
        if feature["alternative"] == alternative:
            shapes.setdefault(feature["use"], []).append(shapely.from_wkb(bytes(feature.geometry().asWkb())))
    del layer
    return {use: shapely.union_all(parts) for use, parts in shapes.items()}


def test_a_zoning_alternative_becomes_a_valid_land_use_plan_that_reads_back(workspace, tmp_path):
    import shapely

    path, feedback = export(workspace, tmp_path, ALTERNATIVE=1)
    document = path.read_bytes()
    assert schema_problems(document) == []
    expected = chosen_allocation(workspace, 1)
    assert set(expected) >= {"wind"}
    read = read_back(path)
    objects = read["fp_bebauungsflaeche"]
    codes = {"wind": "4000", "pv": "4000", "agri_pv": "4000", "gewerbe": "3000", "wohnen": "1000"}
    assert {row["allgartderbaulnutzung"] for row in objects} == {codes[use] for use in expected}
    drawn = shapely.union_all([shapely.from_wkt(row["position"]) for row in objects])
    allocated = shapely.union_all(list(expected.values()))
    assert drawn.area == pytest.approx(allocated.area, rel=1e-4)
    assert drawn.symmetric_difference(allocated).area < 1e-4 * allocated.area
    boundary = shapely.from_wkt(read["fp_plan"][0]["raeumlichergeltungsbereich"])
    assert boundary.contains(drawn.buffer(-0.01))
    root = ElementTree.fromstring(document)
    keys = [s.text for s in root.iterfind(".//xplan:XP_BegruendungAbschnitt/xplan:schluessel", NS)]
    assert "flaechenbilanz" in keys and any(key.startswith("lsa_wind/") for key in keys)
    assert not any(key.startswith("lsa_floating_pv/") for key in keys)
    assert any("XPlanGML 6.0" in message for message in feedback.messages)


def test_the_official_model_of_the_xleitstelle_reads_both_plan_kinds(workspace, tmp_path):
    if not XPLAN_TOOLS.exists():
        pytest.skip("xplan-tools is not installed (tools/setup_env.sh installs it)")
    for kind in (0, 1):
        path, _ = export(workspace, tmp_path, PLAN_KIND=kind, OUTPUT=str(tmp_path / f"plan_{kind}.gml"))
        check = ("import sys\nfrom xplan_tools.interface.gml import GMLRepository\n"
                 "print(len(GMLRepository(sys.argv[1]).get_all().features))")
        result = subprocess.run([str(XPLAN_TOOLS), "-c", check, str(path)], capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
        features = ElementTree.parse(path).getroot().findall("gml:featureMember", NS)
        assert int(result.stdout.split()[-1]) >= len(features)


def test_a_regional_plan_keeps_wind_and_solar_and_says_what_it_left_out(workspace, tmp_path):
    path, feedback = export(workspace, tmp_path, PLAN_KIND=1)
    assert schema_problems(path.read_bytes()) == []
    types = {row["typ"] for row in read_back(path)["rp_erneuerbareenergie"]}
    assert types <= {"1000", "2000"} and "1000" in types
    uses = set(chosen_allocation(workspace, 1))
    if uses - {"wind", "pv", "agri_pv"}:
        assert any("Regionalplan" in warning for warning in feedback.warnings)


def test_selected_eligible_areas_take_their_use_from_the_catalog(workspace, tmp_path):
    import shapely

    layer = QgsVectorLayer(workspace.source("eligibility:ELIGIBLE"), "eligible", "ogr")
    ids = sorted(feature.id() for feature in layer.getFeatures())[:2]
    layer.selectByIds(ids)
    selected = sum(layer.getFeature(fid).geometry().area() for fid in ids)
    QgsProject.instance().addMapLayer(layer)  # the selection is the project layer's
    try:
        path, _ = export(workspace, tmp_path, AREAS=QgsProcessingFeatureSourceDefinition(layer.id(), True))
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    root = ElementTree.fromstring(path.read_bytes())
    objects = root.findall(".//xplan:FP_BebauungsFlaeche", NS)
    assert {o.find("xplan:sondernutzung/*/xplan:nutzungText", NS).text for o in objects} == {"Windenergie"}
    assert 1 <= len(objects) <= 2
    drawn = sum(shapely.from_wkt(row["position"]).area for row in read_back(path)["fp_bebauungsflaeche"])
    assert drawn == pytest.approx(selected, rel=1e-4)


def test_bad_plan_data_is_refused_and_nothing_is_written(workspace, tmp_path):
    target = tmp_path / "plan.gml"
    with pytest.raises(QgsProcessingException, match="Gemeindeschlüssel"):
        export(workspace, tmp_path, AGS="Hohenmölsen")
    with pytest.raises(QgsProcessingException, match="Planungsvariante 9"):
        export(workspace, tmp_path, ALTERNATIVE=9)
    bare = memory_layer("flaechen", "Polygon", [{"wkt": square(700_000, 5_670_000, 300)}])
    with pytest.raises(QgsProcessingException, match="Nutzung wählen"):
        export(workspace, tmp_path, AREAS=bare)
    floating = memory_layer("schwimmend", "Polygon", [{"wkt": square(700_000, 5_670_000, 300),
                                                       "catalog": "Floating-PV – Sachsen-Anhalt"}],
                            fields="&field=catalog:string")
    with pytest.raises(QgsProcessingException, match="Floating-PV – Sachsen-Anhalt"):
        export(workspace, tmp_path, AREAS=floating)
    assert not target.exists()


def test_an_invalid_geometry_is_repaired_and_reported(workspace, tmp_path):
    bow_tie = "POLYGON((700000 5670000, 700300 5670300, 700300 5670000, 700000 5670300, 700000 5670000))"
    layer = memory_layer("flaechen", "Polygon", [{"wkt": bow_tie}])
    path, feedback = export(workspace, tmp_path, AREAS=layer, USE=1)
    assert any("repariert" in warning for warning in feedback.warnings)
    objects = read_back(path)["fp_bebauungsflaeche"]
    assert len(objects) == 2  # the two triangles of the bow tie
    assert schema_problems(path.read_bytes()) == []
