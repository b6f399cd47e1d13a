"""The run register in a GeoPackage: every run writes its row into the GeoPackage its results went to, with the
checksums of the inputs it read (the PostGIS register is tested in test_postgis.py)."""
from __future__ import annotations

import json
import shutil

import processing
import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject, QgsVectorLayer, edit

from tests.processing_algorithms.conftest import ALGORITHMS
from wip_qgis_plugin.qgis_io.layers import table_rows
from wip_qgis_plugin.qgis_io.register import REGISTER_TABLE, content_checksum


def register(path) -> list[dict]:
    layer = QgsVectorLayer(f"{path}|layername={REGISTER_TABLE}", REGISTER_TABLE, "ogr")
    assert layer.isValid(), path
    return table_rows(layer)


@pytest.mark.parametrize("algorithm", [name for name, entry in ALGORITHMS.items() if entry.suffix == ".gpkg"])
def test_each_output_geopackage_holds_the_run(workspace, algorithm):
    path = workspace.inputs / f"{algorithm}_{ALGORITHMS[algorithm].outputs[0]}.gpkg"
    rows = register(path)
    assert [row["algorithm"] for row in rows] == [f"wip:{algorithm}"] and rows[0]["outcome"] == "ok"
    row = rows[0]
    for entry in json.loads(row["inputs"]):
        assert entry["checksum"].startswith("sha256:") and (entry.get("features", 1) > 0 or "parameter" not in entry)
    assert json.loads(row["outputs"])[ALGORITHMS[algorithm].outputs[0]].endswith(path.name)


def test_an_inputs_checksum_is_its_content_not_its_file(workspace, tmp_path):
    row = register(workspace.inputs / "eligibility_ELIGIBLE.gpkg")[0]
    study = next(entry for entry in json.loads(row["inputs"]) if entry["source"].endswith("real_gemeinde"))
    layer = QgsVectorLayer(study["source"], "gemeinde", "ogr")
    assert study["features"] == layer.featureCount() and study["checksum"] == content_checksum(layer)[1]
    copy = tmp_path / "kopie.gpkg"
    shutil.copy(workspace.demo, copy)
    before = content_checksum(QgsVectorLayer(f"{copy}|layername=real_gemeinde", "gemeinde", "ogr"))
    processing.run("wip:heatdemand", {"BUILDINGS": workspace.source("demo:synth_gebaeude"),  # a table more in the file
                                      "OUTPUT": f"ogr:dbname='{copy}' table=\"waerme\" (geom)"})
    assert content_checksum(QgsVectorLayer(f"{copy}|layername=real_gemeinde", "gemeinde", "ogr")) == before
    assert before == content_checksum(layer)
    filtered = QgsVectorLayer(f"{copy}|layername=synth_gebaeude|subset=\"geschosse\" > 2", "hoch", "ogr")
    everything = QgsVectorLayer(f"{copy}|layername=synth_gebaeude", "alle", "ogr")
    assert content_checksum(filtered)[0] == filtered.featureCount() < everything.featureCount()
    assert content_checksum(filtered)[1] != content_checksum(everything)[1]


def test_a_geopackage_checksum_follows_every_change_of_the_table(workspace, tmp_path):
    copy = tmp_path / "kopie.gpkg"
    shutil.copy(workspace.demo, copy)
    layer = QgsVectorLayer(f"{copy}|layername=synth_gebaeude", "gebaeude", "ogr")
    count, before = content_checksum(layer)
    assert count == layer.featureCount() and content_checksum(layer) == (count, before)  # computed once, kept
    feature = next(layer.getFeatures())
    with edit(layer):
        layer.changeAttributeValue(feature.id(), layer.fields().indexOf("geschosse"), 99)
    changed = content_checksum(QgsVectorLayer(f"{copy}|layername=synth_gebaeude", "gebaeude", "ogr"))
    assert changed[0] == count and changed[1] != before
    with edit(layer):
        layer.changeAttributeValue(feature.id(), layer.fields().indexOf("geschosse"), feature["geschosse"])
    assert content_checksum(QgsVectorLayer(f"{copy}|layername=synth_gebaeude", "gebaeude", "ogr")) == \
        (count, before)
    # a filter in GDAL's own SQL functions is counted through the reader, with the filter respected
    west = QgsVectorLayer(f"{copy}|layername=synth_gebaeude|subset=ST_MinX(geom) < {layer.extent().center().x()}",
                          "west", "ogr")
    assert 0 < content_checksum(west)[0] == west.featureCount() < count


def test_a_failed_run_into_an_existing_geopackage_is_registered(workspace, tmp_path):
    target = tmp_path / "ergebnisse.gpkg"
    parameters = workspace.parameters("heatdemand", tmp_path)
    parameters["OUTPUT"] = f"ogr:dbname='{target}' table=\"waerme\" (geom)"
    processing.run("wip:heatdemand", parameters)
    parameters["BUILDINGS"] = workspace.source("demo:real_gemeinde")  # no buildings: the run is refused
    with pytest.raises(QgsProcessingException):
        processing.run("wip:heatdemand", dict(parameters, OUTPUT=f"ogr:dbname='{target}' table=\"waerme2\" (geom)"),
                       context=QgsProcessingContext())
    outcomes = [row["outcome"] for row in register(target)]
    assert outcomes == ["ok", "failed"]


def comparison(result) -> list[dict]:
    return table_rows(QgsVectorLayer(result["OUTPUT"], "vergleich", "ogr"))


def test_a_rerun_of_an_unchanged_run_gives_the_same_result(workspace, tmp_path):
    run_id = register(workspace.inputs / "eligibility_ELIGIBLE.gpkg")[0]["run_id"]
    result = processing.run("wip:rerun", {"REGISTER": workspace.source("eligibility:ELIGIBLE|wip_laeufe"),
                                          "RUN_ID": run_id, "OUTPUT": str(tmp_path / "vergleich.gpkg")})
    rows = comparison(result)
    assert result["SAME"] is True
    assert sorted(row["output"] for row in rows) == ["Ausgeschlossene Flächen mit Begründung", "Flächenbilanz",
                                                     "Geeignete Flächen"]
    eligible = next(row for row in rows if row["output"] == "Geeignete Flächen")
    assert eligible["features_stored"] == eligible["features_rerun"] > 0 and eligible["area_changed_ha"] < 1e-4
    assert eligible["same"] and eligible["note"] is None


def test_a_rerun_after_the_input_changed_says_by_how_much(workspace, tmp_path):
    demo = tmp_path / "eingaben.gpkg"
    shutil.copy(workspace.demo, demo)
    target = tmp_path / "ergebnisse.gpkg"
    processing.run("wip:heatdemand", {"BUILDINGS": f"{demo}|layername=synth_gebaeude",
                                      "OUTPUT": f"ogr:dbname='{target}' table=\"waerme\" (geom)"})
    buildings = QgsVectorLayer(f"{demo}|layername=synth_gebaeude", "gebaeude", "ogr")
    assert buildings.dataProvider().deleteFeatures(list(range(1, 101)))  # 100 buildings demolished
    del buildings
    result = processing.run("wip:rerun", {"REGISTER": f"{target}|layername=wip_laeufe",
                                          "OUTPUT": str(tmp_path / "vergleich.gpkg")})
    row = comparison(result)[0]
    assert result["SAME"] is False and not row["same"]
    assert row["features_stored"] - row["features_rerun"] == 100
    assert 0 < row["area_changed_ha"] < row["area_stored_ha"] and row["changed_field"]
    assert row["note"].startswith("Eingaben geändert: Gebäude") and "synth_gebaeude" in row["note"]


def test_a_run_within_a_run_leaves_the_garbage_collection_to_its_parent(workspace, tmp_path, monkeypatch):
    """A run holds Python's garbage collection to the GUI thread once, and lets it go once: the rerun's own run of
    the stored algorithm (as a region run's balances and profiles, 2 per municipality) comes within it."""
    from wip_qgis_plugin.processing_algorithms import base

    target = tmp_path / "ergebnisse.gpkg"
    processing.run("wip:heatdemand", {"BUILDINGS": workspace.source("demo:synth_gebaeude"),
                                      "OUTPUT": f"ogr:dbname='{target}' table=\"waerme\" (geom)"})
    holds, releases = [], []
    monkeypatch.setattr(base, "hold_collection", lambda: holds.append(1) or True)
    monkeypatch.setattr(base, "release_collection", lambda collect: releases.append(1))
    result = processing.run("wip:rerun", {"REGISTER": f"{target}|layername=wip_laeufe",
                                          "OUTPUT": str(tmp_path / "vergleich.gpkg")})
    assert result["SAME"] is True and len(holds) == len(releases) == 1


def test_a_rerun_refuses_what_it_cannot_repeat(workspace, tmp_path):
    register_table = workspace.source("eligibility:ELIGIBLE|wip_laeufe")
    with pytest.raises(QgsProcessingException, match="keinen Lauf"):
        processing.run("wip:rerun", {"REGISTER": register_table, "RUN_ID": "gibt-es-nicht",
                                     "OUTPUT": str(tmp_path / "vergleich.gpkg")})
    with pytest.raises(QgsProcessingException, match="Laufregister"):
        processing.run("wip:rerun", {"REGISTER": workspace.source("demo:real_statistik"),
                                     "OUTPUT": str(tmp_path / "vergleich.gpkg")})
    assert not list(tmp_path.iterdir())


def test_the_report_cites_the_runs_it_is_based_on(workspace):
    html = (workspace.inputs / "futureprofile_OUTPUT_HTML.html").read_text(encoding="utf-8")
    section = html.split("Zugrunde liegende Läufe", 1)[1]
    for algorithm, output in (("energybalance", "BALANCE"), ("eligibility", "ELIGIBLE"), ("measures", "OUTPUT")):
        run_id = register(workspace.inputs / f"{algorithm}_{output}.gpkg")[0]["run_id"]
        assert run_id in section, algorithm


def test_a_project_layer_is_registered_by_its_source_not_its_id(workspace, tmp_path):
    layer = QgsVectorLayer(workspace.source("demo:synth_gebaeude"), "gebaeude", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        processing.run("wip:heatdemand", {"BUILDINGS": layer.id(), "OUTPUT": str(tmp_path / "waerme.gpkg")})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    buildings = json.loads(register(tmp_path / "waerme.gpkg")[0]["parameters"])["BUILDINGS"]
    assert buildings["provider"] == "ogr" and buildings["source"].endswith("layername=synth_gebaeude")
