"""wip:measures and the Maßnahmen chapter through Processing: a catalogue derived from the demo workspace's results,
edited as a planner edits the layer, and put on the balance's paths in the Zukunftsprofil."""

import shutil
from pathlib import Path

import processing
import pytest
import shapely
from qgis.core import QgsFeatureRequest, QgsProcessingException, QgsVectorLayer

from wip_qgis_plugin.core.measures import CATALOGUE_FIELDS, measure_from_row
from wip_qgis_plugin.qgis_io.layers import read_frame, table_rows


def catalogue_rows(path):
    return table_rows(QgsVectorLayer(str(path), "massnahmen", "ogr"))


def test_the_derived_catalogue_holds_the_heat_networks_and_the_balance_paths(workspace):
    path = workspace.source("measures:OUTPUT")
    layer = QgsVectorLayer(path, "massnahmen", "ogr")
    assert layer.fields().names()[1:] == [name for name, _ in CATALOGUE_FIELDS]  # after the GeoPackage's fid
    rows = table_rows(layer)
    measures = [measure_from_row(row) for row in rows]  # every derived row is a valid catalogue row
    fields = [measure.field for measure in measures]
    assert "sanierung" in fields and "mobilitaet" in fields
    networks = read_frame(layer, layer.crs(), None)
    networks = networks[networks["field"] == "waermenetz"]
    assert len(networks)
    suitability = QgsVectorLayer(workspace.source("heatsuitability:OUTPUT"), "eignung", "ogr")
    cells = read_frame(suitability, layer.crs(), None, fields=["level", "demand_mwh_a"])
    level_1 = shapely.union_all(cells[cells["level"] == 1].geometry.values)
    for shape in networks.geometry.values:  # every network lies on land of level 1
        assert shapely.area(shapely.difference(shape, level_1)) < 1.0
    assert (networks["investment_eur"] == networks["size"] * 400).all()
    assert all(row["start_year"] >= 2027 for row in rows if row["field"] == "waermenetz")


def edit_catalogue(path, field: str, value, title_field="sanierung") -> str:
    """Change ``field`` of the catalogue's measure of field ``title_field`` as a planner does in the attribute
    table; returns the measure's id. The layer is gone afterwards: an OGR layer kept alive by a test's traceback
    until QGIS has shut down crashes the process."""
    layer = QgsVectorLayer(str(path), "massnahmen", "ogr")
    measure = next(feature for feature in layer.getFeatures() if feature["field"] == title_field)
    layer.startEditing()
    layer.changeAttributeValue(measure.id(), layer.fields().indexOf(field), value)
    assert layer.commitChanges()
    return str(measure["measure_id"])


def test_the_profile_puts_the_edited_catalogue_on_the_paths(workspace, tmp_path):
    catalogue = tmp_path / "massnahmen.gpkg"
    shutil.copy(workspace.source("measures:OUTPUT"), catalogue)
    count = QgsVectorLayer(str(catalogue), "massnahmen", "ogr").featureCount()
    parameters = {"MUNICIPALITY": workspace.source("demo:real_gemeinde"),
                  "BALANCE": workspace.source("energybalance:BALANCE"),
                  "INDICATORS": workspace.source("energybalance:INDICATORS"),
                  "ASSUMPTIONS": workspace.source("energybalance:ASSUMPTIONS"),
                  "PATHS": workspace.source("energybalance:PATHS"), "MEASURES": str(catalogue)}

    def chapter(name):
        processing.run("wip:futureprofile", dict(parameters, OUTPUT_HTML=str(tmp_path / name)))
        html = (tmp_path / name).read_text(encoding="utf-8")
        return html[html.index('id="measures"'):html.index('id="assumptions"')]

    before = chapter("vorher.html")
    assert 'id="chart_wedges"' in before and 'id="timeline"' in before
    assert before.count('id="measure-M') == count
    renovation = edit_catalogue(catalogue, "status", "zurueckgestellt")  # the renovation deferred
    assert f'id="measure-{renovation}"' in before
    after = chapter("nachher.html")
    assert "zurückgestellt" in after and before != after and "Rang Wirkung" in after

    edit_catalogue(catalogue, "start_year", 2050)  # after its end
    with pytest.raises(QgsProcessingException, match="Beginn 2050 und Ende 2045 passen nicht"):
        processing.run("wip:futureprofile", dict(parameters, OUTPUT_HTML=str(tmp_path / "kaputt.html")))
    assert not (tmp_path / "kaputt.html").exists()
    with pytest.raises(QgsProcessingException, match="Pfade je Hebel"):
        processing.run("wip:futureprofile", dict(parameters, PATHS=None, OUTPUT_HTML=str(tmp_path / "ohne.html")))
    assert not (tmp_path / "ohne.html").exists()


def test_an_alternative_that_does_not_exist_is_named(workspace, tmp_path):
    with pytest.raises(QgsProcessingException, match="Planungsvariante 9"):
        processing.run("wip:measures", {"PATHS": workspace.source("energybalance:PATHS"),
                                        "ALLOCATION": workspace.source("zoningalternatives:ALLOCATION"),
                                        "ALTERNATIVE": 9, "OUTPUT": str(tmp_path / "m.gpkg")})
    assert not (tmp_path / "m.gpkg").exists()


def test_the_profile_monitors_a_later_year_against_the_plan(workspace, tmp_path):
    later = processing.run("wip:energybalance", {
        "STATISTICS": workspace.source("demo:real_statistik"), "MUNICIPALITY": workspace.source("demo:real_gemeinde"),
        "BASE_YEAR": 2027, "BALANCE": str(tmp_path / "bilanz_2027.gpkg"),
        "INDICATORS": "TEMPORARY_OUTPUT", "ASSUMPTIONS": "TEMPORARY_OUTPUT"})["BALANCE"]
    parameters = {"MUNICIPALITY": workspace.source("demo:real_gemeinde"),
                  "BALANCE": workspace.source("energybalance:BALANCE"),
                  "INDICATORS": workspace.source("energybalance:INDICATORS"),
                  "ASSUMPTIONS": workspace.source("energybalance:ASSUMPTIONS"),
                  "PATHS": workspace.source("energybalance:PATHS"), "MEASURES": workspace.source("measures:OUTPUT"),
                  "MONITORING": later, "OUTPUT_HTML": str(tmp_path / "profil.html")}
    processing.run("wip:futureprofile", parameters)
    html = (tmp_path / "profil.html").read_text(encoding="utf-8")
    section = html[html.index('id="monitoring"'):html.index('id="timeline"')]
    assert "Monitoring 2027" in section and 'id="monitoring-measures"' in section
    # the measures start in 2027: the first year's share is due, and nothing measured has moved yet
    assert "deutlich verzögert" in section
    with pytest.raises(QgsProcessingException, match="Katalog angeben"):
        processing.run("wip:futureprofile", dict(parameters, MEASURES=None, OUTPUT_HTML=str(tmp_path / "x.html")))
    assert not (tmp_path / "x.html").exists()


def test_a_catalogue_shared_by_another_municipality_shows_in_the_profile(workspace, tmp_path):
    shared = workspace.source("exportmeasures:OUTPUT")  # the demo's catalogue, shared as Hohenmölsen
    imported = processing.run("wip:importmeasures", {"FILES": [shared], "OUTPUT": str(tmp_path / "geteilt.gpkg")})
    rows = table_rows(QgsVectorLayer(imported["OUTPUT"], "geteilt", "ogr"))
    assert imported["MEASURES"] == len(rows) > 0
    assert {row["origin_municipality"] for row in rows} == {"Hohenmölsen"}
    assert {row["origin_ags"] for row in rows} == {"15084235"}
    processing.run("wip:futureprofile", {
        "MUNICIPALITY": workspace.source("demo:real_gemeinde"), "BALANCE": workspace.source("energybalance:BALANCE"),
        "INDICATORS": workspace.source("energybalance:INDICATORS"),
        "ASSUMPTIONS": workspace.source("energybalance:ASSUMPTIONS"), "PATHS": workspace.source("energybalance:PATHS"),
        "MEASURES": workspace.source("measures:OUTPUT"), "SHARED": imported["OUTPUT"],
        "OUTPUT_HTML": str(tmp_path / "profil.html")})
    html = (tmp_path / "profil.html").read_text(encoding="utf-8")
    peers = html[html.index('id="peers"'):html.index('id="measure-')]
    assert "Was andere Gemeinden des Reviers tun" in peers and peers.count("<tr>") == len(rows) + 1


def test_a_broken_shared_file_is_named_and_nothing_is_written(workspace, tmp_path):
    broken = tmp_path / "kaputt.json"
    broken.write_text('{"format": "wip-measures-catalogue", "format_version": 1', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="kaputt.json, Zeile 1"):
        processing.run("wip:importmeasures", {"FILES": [str(broken)], "OUTPUT": str(tmp_path / "geteilt.gpkg")})
    assert not (tmp_path / "geteilt.gpkg").exists()
    with pytest.raises(QgsProcessingException, match="leer"):
        empty = QgsVectorLayer(workspace.source("measures:OUTPUT"), "leer", "ogr").materialize(
            QgsFeatureRequest().setFilterFids([]))
        processing.run("wip:exportmeasures", {"CATALOGUE": empty, "MUNICIPALITY": "X",
                                              "OUTPUT": str(tmp_path / "leer.json")})
    assert not (tmp_path / "leer.json").exists()


def test_a_shared_catalog_and_scheme_name_their_origin(wip_processing, tmp_path):
    from wip_qgis_plugin.core.catalog import load_catalog, shipped_catalogs
    from wip_qgis_plugin.core.scoring import load_scheme, shipped_schemes

    catalog = processing.run("wip:sharefile", {"FILE": str(shipped_catalogs()["lsa_wind"]), "MUNICIPALITY": "Teuchern",
                                               "AGS": "15084590", "OUTPUT": str(tmp_path / "wind.json")})["OUTPUT"]
    title = load_catalog(Path(catalog)).title_text()
    assert title.startswith(load_catalog(shipped_catalogs()["lsa_wind"]).title_text())
    assert "(geteilt von Teuchern (15084590), " in title
    scheme = processing.run("wip:sharefile", {"FILE": str(shipped_schemes()["beispiel_pv"]), "MUNICIPALITY": "Zeitz",
                                              "OUTPUT": str(tmp_path / "pv.json")})["OUTPUT"]
    assert "geteilt von Zeitz, " in load_scheme(Path(scheme)).title
    again = processing.run("wip:sharefile", {"FILE": scheme, "MUNICIPALITY": "Hohenmölsen",
                                             "OUTPUT": str(tmp_path / "weiter.json")})["OUTPUT"]
    assert "geteilt von Zeitz, " in load_scheme(Path(again)).title  # passed on, the origin stays
    other = tmp_path / "anderes.json"
    other.write_text('{"format": "etwas"}', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="weder Kriterienkatalog"):
        processing.run("wip:sharefile", {"FILE": str(other), "MUNICIPALITY": "X", "OUTPUT": str(tmp_path / "x.json")})
    assert not (tmp_path / "x.json").exists()
