"""wip:regionprofiles on the demo municipality cut into four parts: each part's land adds up to one
wip:eligibility run over the whole, a process pool gives what one process gives, a stopped run goes on from its
run folder, and the ledger and indicators say what a planner cites."""
from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import numpy as np
import processing
import pytest
from osgeo import gdal, osr
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsLayoutItemLabel,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from tests.processing_algorithms.conftest import RecordingFeedback
from wip_qgis_plugin.core import i18n
from wip_qgis_plugin.core.catalog import shipped_catalogs
from wip_qgis_plugin.core.region import CHECKPOINT_SUFFIX
from wip_qgis_plugin.core.scoring import shipped_schemes
from wip_qgis_plugin.core.targets import wind_targets_for
from wip_qgis_plugin.i18n import PluginTranslator
from wip_qgis_plugin.qgis_io.atlas import PAGE_MM
from wip_qgis_plugin.qgis_io.layers import is_null
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

HOHENMOELSEN = "15084235"
LAYERS = [f"{DEMO_GPKG}|layername={name}" for name in ("synth_siedlung", "synth_schutzgebiete", "synth_wald",
                                                       "synth_autobahn")]


@pytest.fixture(scope="module")
def parts(wip_processing):
    """Hohenmölsen in four vertical strips: the first keeps its AGS, the others are named parts without one."""
    municipality = QgsVectorLayer(f"{DEMO_GPKG}|layername=real_gemeinde", "gemeinde", "ogr")
    shape = next(municipality.getFeatures()).geometry()
    box = shape.boundingBox()
    width = box.width() / 4
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:25832&field=AGS:string&field=GEN:string", "teile", "memory")
    features = []
    for number in range(4):
        strip = QgsGeometry.fromRect(box.buffered(10)).intersection(QgsGeometry.fromWkt(
            f"POLYGON(({box.xMinimum() + number * width} {box.yMinimum() - 10}, "
            f"{box.xMinimum() + (number + 1) * width} {box.yMinimum() - 10}, "
            f"{box.xMinimum() + (number + 1) * width} {box.yMaximum() + 10}, "
            f"{box.xMinimum() + number * width} {box.yMaximum() + 10}, "
            f"{box.xMinimum() + number * width} {box.yMinimum() - 10}))"))
        feature = QgsFeature(layer.fields())
        feature.setGeometry(shape.intersection(strip))
        feature.setAttributes([HOHENMOELSEN if number == 0 else None, f"Teil {number + 1}"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def run(parts, **settings):
    parameters = dict(STUDY_AREA=parts, STUDY_ID_FIELD="AGS", CONSTRAINT_LAYERS=LAYERS, MIN_AREA_HA=0.0,
                      ELIGIBLE="TEMPORARY_OUTPUT", LEDGER="TEMPORARY_OUTPUT", INDICATORS="TEMPORARY_OUTPUT")
    parameters.update(settings)
    feedback = parameters.pop("feedback", None) or RecordingFeedback()
    return processing.run("wip:regionprofiles", parameters, feedback=feedback), feedback


def eligible_by_part(layer) -> dict:
    found = {}
    for feature in layer.getFeatures():
        key = (feature["study_id"], feature["catalog"])
        found.setdefault(key, []).append(feature.geometry().asWkb().data())
    return {key: sorted(wkbs) for key, wkbs in found.items()}


def test_the_parts_add_up_to_one_run_over_the_whole(parts):
    result, feedback = run(parts, WORKERS=1)
    assert (result["COMPUTED"], result["FAILED"]) == (4, 0)
    whole = {}
    for catalog in (0, 1):
        whole[catalog] = processing.run("wip:eligibility", {
            "STUDY_AREA": f"{DEMO_GPKG}|layername=real_gemeinde", "CONSTRAINT_LAYERS": LAYERS, "CATALOG": catalog,
            "ELIGIBLE": "TEMPORARY_OUTPUT", "EXCLUDED": "TEMPORARY_OUTPUT", "SUMMARY": "TEMPORARY_OUTPUT"})
    indicators = {feature["key"]: feature for feature in result["INDICATORS"].getFeatures()}
    assert set(indicators) == {HOHENMOELSEN, "2", "3", "4"}
    assert indicators[HOHENMOELSEN]["name"] == "Teil 1" and indicators["3"]["name"] == "Teil 3"
    assert sum(feature["eligible_ha_wind"] for feature in indicators.values()) == pytest.approx(
        whole[0]["ELIGIBLE_HA"], rel=1e-6)
    assert sum(feature["eligible_ha_pv_ground"] for feature in indicators.values()) == pytest.approx(
        whole[1]["ELIGIBLE_HA"], rel=1e-6)
    # today's figures from the municipal statistics for the part with a real AGS only
    assert indicators[HOHENMOELSEN]["population"] > 5000 and is_null(indicators["2"]["population"])
    assert any("Teil 3 (3): Windenergie an Land" in message for message in feedback.messages)
    # what the engine says of unchecked criteria is told once, not once per part
    unchecked = [message for message in feedback.messages if "keine Ebene zugeordnet" in message]
    assert unchecked and len(unchecked) == len(set(unchecked))


def test_a_process_pool_gives_what_one_process_gives(parts):
    serial, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0])
    pooled, feedback = run(parts, WORKERS=2, TECHNOLOGIES=[0])
    assert "4 Gemeinden, in 2 Prozessen." in feedback.messages
    assert eligible_by_part(pooled["ELIGIBLE"]) == eligible_by_part(serial["ELIGIBLE"])
    assert len(eligible_by_part(serial["ELIGIBLE"])) == 4


class CancelAfterFirstMunicipality(RecordingFeedback):
    def pushInfo(self, info):  # noqa: N802 - Processing API
        super().pushInfo(info)
        if "): Windenergie an Land" in info:  # a municipality's line: "Teil 1 (15084235): Windenergie …"
            self.cancel()


def test_a_stopped_run_goes_on_from_its_run_folder(parts, tmp_path):
    folder = tmp_path / "lauf"
    out = tmp_path / "out"
    out.mkdir()
    outputs = dict(ELIGIBLE=str(out / "eligible.gpkg"), LEDGER=str(out / "ledger.gpkg"),
                   INDICATORS=str(out / "indicators.gpkg"), PROFILES=str(out / "profile"))
    aside = set(Path(QgsProcessingUtils.tempFolder()).glob("wip_region_*"))
    stopped, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0], RUN_FOLDER=str(folder),
                     feedback=CancelAfterFirstMunicipality(), **outputs)
    # a stopped run leaves no outputs, not even the profile of the municipality it finished …
    assert stopped == {} and not list(out.iterdir())
    assert set(Path(QgsProcessingUtils.tempFolder()).glob("wip_region_*")) == aside
    assert len(list(folder.glob("*" + CHECKPOINT_SUFFIX))) == 1  # … but keeps that municipality
    resumed, feedback = run(parts, WORKERS=1, TECHNOLOGIES=[0], RUN_FOLDER=str(folder), **outputs)
    assert sum("aus dem Arbeitsordner" in message for message in feedback.messages) == 1
    assert resumed["COMPUTED"] == 4 and len(list(folder.glob("*" + CHECKPOINT_SUFFIX))) == 4
    assert [path.name for path in (out / "profile").iterdir()] == [f"zukunftsprofil_{HOHENMOELSEN}_teil_1.html"]
    fresh, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0])
    assert eligible_by_part(QgsVectorLayer(resumed["ELIGIBLE"], "e", "ogr")) == eligible_by_part(fresh["ELIGIBLE"])


def test_the_ledger_names_the_targets_with_their_legal_basis(parts):
    designated = QgsVectorLayer("MultiPolygon?crs=EPSG:25832", "vorranggebiete", "memory")
    feature = QgsFeature()
    feature.setGeometry(next(parts.getFeatures()).geometry())  # the first part designated whole
    designated.dataProvider().addFeatures([feature])
    result, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0, 1], DESIGNATED=designated)
    rows = list(result["LEDGER"].getFeatures())
    towns = {row["key"]: row for row in rows if row["kind"] == "municipality"}
    targets = {row["key"]: row for row in rows if row["kind"] == "target"}
    first = towns[HOHENMOELSEN]
    assert first["designated_ha"] == pytest.approx(first["area_ha"], rel=1e-6)
    assert first["open_ha"] == pytest.approx(0.0, abs=0.01)  # slivers of the 1 mm grid
    assert sorted(row["rank"] for row in towns.values()) == [1, 2, 3, 4] and first["rank"] == 4
    # only the part with a real AGS falls under the Land and planning-region targets
    assert set(targets) == {target.item for target in wind_targets_for(HOHENMOELSEN)}
    for target in wind_targets_for(HOHENMOELSEN):
        row = targets[target.item]
        assert row["legal_basis"] == target.legal_basis and row["source"] == target.source
        assert row["share_target_ha"] == pytest.approx(first["area_ha"] * target.pct / 100)
        assert row["gap_ha"] == pytest.approx(0.0)
        # most hard criteria of the catalog have no layer here: not proven
        assert is_null(row["reachable"]) and row["note"].startswith("Nicht belastbar")


def test_a_municipality_layer_without_areas_is_refused(wip_processing):
    points = QgsVectorLayer("Point?crs=EPSG:25832&field=AGS:string", "punkte", "memory")
    feature = QgsFeature(points.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POINT(700000 5660000)"))
    feature.setAttributes(["15084235"])
    points.dataProvider().addFeatures([feature])
    with pytest.raises(Exception, match="Gemeinden|Untersuchungsgebiet|polygon|Fläche"):
        processing.run("wip:regionprofiles", dict(STUDY_AREA=points, CONSTRAINT_LAYERS=LAYERS,
                                                  ELIGIBLE="TEMPORARY_OUTPUT", LEDGER="TEMPORARY_OUTPUT",
                                                  INDICATORS="TEMPORARY_OUTPUT"), feedback=QgsProcessingFeedback())


def test_robustness_over_variants_per_municipality(parts):
    variants = ["Siedlung 1200 m", "wohnsiedlung_abstand", "1200", "ohne Wald", "wald", "aus"]
    result, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0, 1], VARIANTS=variants, ROBUSTNESS="TEMPORARY_OUTPUT")
    whole = processing.run("wip:eligibilityrobustness", {
        "STUDY_AREA": f"{DEMO_GPKG}|layername=real_gemeinde", "CONSTRAINT_LAYERS": LAYERS, "CATALOG": 0,
        "VARIANTS": variants, "OUTPUT": "TEMPORARY_OUTPUT", "SUMMARY": "TEMPORARY_OUTPUT"})
    by_class, expected = {}, {}
    for feature in result["ROBUSTNESS"].getFeatures():
        by_class[feature["kept"]] = by_class.get(feature["kept"], 0.0) + feature["area_ha"]
    for feature in whole["OUTPUT"].getFeatures():
        expected[feature["kept"]] = expected.get(feature["kept"], 0.0) + feature["area_ha"]
    assert sorted(by_class) == [1, 2, 3]
    for kept, hectares in expected.items():
        assert by_class[kept] == pytest.approx(hectares, rel=1e-6)
    assert {feature["name"] for feature in result["ROBUSTNESS"].getFeatures()} == {"Teil 1", "Teil 2", "Teil 3",
                                                                                  "Teil 4"}


@pytest.mark.parametrize("settings, message", [
    ({"ROBUSTNESS": "TEMPORARY_OUTPUT"}, "Varianten in die Variantentabelle"),
    ({"VARIANTS": ["a", "wald", "aus"], "TECHNOLOGIES": [1]}, "Katalog Windenergie"),
    ({"VARIANTS": ["a", "gibtsnicht", "100"]}, "gibt es im Katalog"),
    ({"TECHNOLOGIES": []}, "mindestens einen Kriterienkatalog"),
])
def test_unusable_settings_are_refused(parts, settings, message):
    with pytest.raises(QgsProcessingException, match=message):
        run(parts, WORKERS=1, **settings)


def test_each_municipality_of_the_statistics_gets_its_profile(parts, tmp_path):
    folder = tmp_path / "profile"
    result, feedback = run(parts, WORKERS=1, TECHNOLOGIES=[0], PROFILES=str(folder),
                           VARIANTS=["Siedlung 1200 m", "wohnsiedlung_abstand", "1200"])
    assert result["PROFILES"] == str(folder)
    assert [path.name for path in folder.iterdir()] == [f"zukunftsprofil_{HOHENMOELSEN}_teil_1.html"]
    page = (folder / f"zukunftsprofil_{HOHENMOELSEN}_teil_1.html").read_text(encoding="utf-8")
    assert "Zukunftsprofil Teil 1" in page and "Windenergie an Land" in page
    assert "Vergleich mit ähnlichen Gemeinden" in page and "data:image/png;base64," in page
    assert "Robustheit" in page and "Robustheit der Flächenkulisse fehlt" not in page
    # the wind park on its land: on the map, and in the balance as the planned generation
    assert "Windenergieanlagen: alle" in page and "Ertrag der geplanten Flächen" in page
    assert any("Geplante Erzeugung aus Windparks auf den geeigneten Flächen" in message
               for message in feedback.messages)
    assert any("Kein Zukunftsprofil (nicht in der Gemeindestatistik): Teil 2, Teil 3, Teil 4" in message
               for message in feedback.messages)


def pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))


def test_the_atlas_has_a_page_per_municipality(parts, tmp_path):
    folder, atlas = tmp_path / "profile", tmp_path / "atlas.pdf"
    result, _ = run(parts, WORKERS=1, PROFILES=str(folder), ATLAS=str(atlas))
    assert result["ATLAS"] == str(atlas) and pdf_pages(atlas) == 4
    assert sorted(path.name for path in folder.iterdir()) == [
        "atlas_15084235.pdf", "atlas_2.pdf", "atlas_3.pdf", "atlas_4.pdf", f"zukunftsprofil_{HOHENMOELSEN}_teil_1.html"]
    for key in (HOHENMOELSEN, "2", "3", "4"):
        content = (folder / f"atlas_{key}.pdf").read_bytes()
        assert content.startswith(b"%PDF") and content.rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize("template, message", [("<not a layout/>", "keine QGIS-Layoutvorlage"),
                                               ("<Layout><PageCollection/></Layout>", "keine Karte")])
def test_an_unusable_atlas_template_is_refused(parts, tmp_path, template, message):
    path = tmp_path / "vorlage.qpt"
    path.write_text(template, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match=message):
        run(parts, WORKERS=1, TECHNOLOGIES=[0], ATLAS=str(out / "atlas.pdf"), ATLAS_TEMPLATE=str(path),
            ELIGIBLE=str(out / "eligible.gpkg"))
    assert not list(out.iterdir())


def test_the_atlas_project_opens_with_its_layout_and_never_replaces_other_data(parts, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0], ATLAS=str(out / "atlas.pdf"),
                    ATLAS_PROJECT=str(out / "atlas.qgz"))
    assert result["ATLAS_PROJECT"] == str(out / "atlas.qgz")
    assert sorted(path.name for path in out.iterdir()) == ["atlas.gpkg", "atlas.pdf", "atlas.qgz"]
    project = QgsProject()
    assert project.read(str(out / "atlas.qgz"))
    layouts = project.layoutManager().printLayouts()
    assert len(layouts) == 1 and layouts[0].atlas().enabled()
    assert layouts[0].atlas().coverageLayer().featureCount() == 4
    assert project.mapLayers() and all(layer.isValid() for layer in project.mapLayers().values())
    project.clear()
    del layouts, project
    # a second run to the same name replaces its own files; a GeoPackage of other data is never replaced
    run(parts, WORKERS=1, TECHNOLOGIES=[0], ATLAS=str(out / "atlas.pdf"), ATLAS_PROJECT=str(out / "atlas.qgz"))
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(DEMO_GPKG, other / "atlas.gpkg")
    before = (other / "atlas.gpkg").read_bytes()
    with pytest.raises(QgsProcessingException, match="anderen Daten"):
        run(parts, WORKERS=1, TECHNOLOGIES=[0], ATLAS=str(other / "atlas.pdf"), ATLAS_PROJECT=str(other / "atlas.qgz"))
    assert [path.name for path in other.iterdir()] == ["atlas.gpkg"] and (other / "atlas.gpkg").read_bytes() == before


def figures_label(project_file: Path):
    """The side panel's figures of the atlas in ``project_file``: (font size in pt, bottom edge and height of its box
    in mm, the most lines any page's figures take wrapped at the box's width, and the height those need in mm)."""
    from qgis.core import QgsLayoutUtils

    project = QgsProject()
    assert project.read(str(project_file))
    layout = project.layoutManager().printLayouts()[0]
    label = next(item for item in layout.items()
                 if isinstance(item, QgsLayoutItemLabel) and "format_number" in item.text())
    width = label.rect().width() - 2 * label.marginX()
    atlas = layout.atlas()
    assert atlas.beginRender()
    most = 0
    for page in range(atlas.count()):
        assert atlas.seekTo(page)
        most = max(most, sum(max(1, math.ceil(QgsLayoutUtils.textWidthMM(label.font(), line) / width))
                             for line in label.currentText().split("\n")))
    atlas.endRender()
    figures = (label.font().pointSizeF(), label.pos().y() + label.rect().height(), label.rect().height(), most,
               most * QgsLayoutUtils.fontHeightMM(label.font()) + 2 * label.marginY())
    project.clear()
    return figures


def test_the_atlas_figures_fit_the_page_however_many_there_are(parts, tmp_path):
    """Four technologies with scores, plants, robustness and heat: the legend and two dozen figures share the side
    panel; the figures shrink until every page's, wrapped at the panel's width, fit into their box above the
    footer, and a page with few keeps them large."""
    few, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0], YIELDS=False, ATLAS=str(tmp_path / "few.pdf"),
                 ATLAS_PROJECT=str(tmp_path / "few.qgz"))
    buildings = processing.run("wip:heatdemand", {"BUILDINGS": f"{DEMO_GPKG}|layername=synth_gebaeude",
                                                  "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    many, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0, 1, 2, 3], HEAT_BUILDINGS=buildings,
                  VARIANTS=["800 m", "wohngebaeude_abstand", "800"], ROBUSTNESS="TEMPORARY_OUTPUT",
                  ATLAS=str(tmp_path / "many.pdf"), ATLAS_PROJECT=str(tmp_path / "many.qgz"))
    (few_points, *few_box), (many_points, *many_box) = (figures_label(tmp_path / name) for name in ("few.qgz",
                                                                                                   "many.qgz"))
    assert few_points == 9.0 and many_box[2] > 20 and many_points < few_points
    for bottom, height, _lines, needed in (few_box, many_box):
        assert bottom <= PAGE_MM[1] - 14 + 0.01  # above the footer
        assert needed <= height + 0.5  # every page's figures, wrapped at the box's width, fit into it


def test_an_own_catalog_replaces_the_shipped_one_of_its_technology(parts, tmp_path):
    data = json.loads(shipped_catalogs()["lsa_wind"].read_text(encoding="utf-8"))
    data["id"] = "eigener_wind"
    next(c for c in data["criteria"] if c["id"] == "wohnsiedlung_abstand")["distance"] = {"metres": 1500}
    own = tmp_path / "eigener_wind.json"
    own.write_text(json.dumps(data), encoding="utf-8")
    result, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0, 1], CATALOG_FILE=str(own))
    whole = processing.run("wip:eligibility", {
        "STUDY_AREA": f"{DEMO_GPKG}|layername=real_gemeinde", "CONSTRAINT_LAYERS": LAYERS, "CATALOG_FILE": str(own),
        "ELIGIBLE": "TEMPORARY_OUTPUT", "EXCLUDED": "TEMPORARY_OUTPUT", "SUMMARY": "TEMPORARY_OUTPUT"})
    indicators = list(result["INDICATORS"].getFeatures())
    assert sum(feature["eligible_ha_wind"] for feature in indicators) == pytest.approx(whole["ELIGIBLE_HA"], rel=1e-6)
    assert all(feature["eligible_ha_pv_ground"] is not None for feature in indicators)
    shipped, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0])
    assert whole["ELIGIBLE_HA"] < sum(feature["eligible_ha_wind"] for feature in shipped["INDICATORS"].getFeatures())


def test_worker_processes_speak_the_planners_language(parts):
    """The engine's notes come from the worker processes: in English when QGIS runs in English."""
    translator = PluginTranslator()
    translator.install("en")
    try:
        result, feedback = run(parts, WORKERS=2, TECHNOLOGIES=[0])
    finally:
        translator.remove()
        i18n.set_translator(lambda text: text, "de")
    notes = " ".join(feedback.messages)
    assert result["FAILED"] == 0
    assert "no layer assigned – not checked" in notes and "keine Ebene zugeordnet" not in notes


def test_a_rerun_computes_every_municipality_anew(parts, tmp_path):
    """The run folder's kept municipalities are not taken over by a repetition: it computes them all again."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    written = QgsVectorFileWriter.writeAsVectorFormatV3(parts, str(tmp_path / "teile.gpkg"),
                                                        QgsProcessingContext().transformContext(), options)
    assert written[0] == QgsVectorFileWriter.WriterError.NoError
    target = tmp_path / "region.gpkg"
    run(str(tmp_path / "teile.gpkg"), TECHNOLOGIES=[0], WORKERS=1, RUN_FOLDER=str(tmp_path / "lauf"),
        ELIGIBLE=f"ogr:dbname='{target}' table=\"flaechen\" (geom)",
        LEDGER=f"ogr:dbname='{target}' table=\"bilanz\"", INDICATORS=f"ogr:dbname='{target}' table=\"kennzahlen\"")
    feedback = RecordingFeedback()
    repeated = processing.run("wip:rerun", {"REGISTER": f"{target}|layername=wip_laeufe",
                                            "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    assert repeated["SAME"] is True
    assert not [message for message in feedback.messages if "aus dem Arbeitsordner" in message]
    assert len([message for message in feedback.messages if message.startswith("Teil ")]) == 4


def land_of(layer, key: str, catalog_title: str) -> QgsVectorLayer:
    """A part's eligible land of one catalog from the region run's output, as a layer of its own."""
    part = QgsVectorLayer(f"MultiPolygon?crs={layer.crs().authid()}", "land", "memory")
    part.dataProvider().addAttributes(layer.fields())
    part.updateFields()
    part.dataProvider().addFeatures([feature for feature in layer.getFeatures()
                                     if feature["study_id"] == key and feature["catalog"] == catalog_title])
    return part


def test_each_municipalitys_plants_are_those_of_the_yield_algorithms_on_its_land(parts, tmp_path):
    result, feedback = run(parts, WORKERS=1, TURBINES=str(tmp_path / "anlagen.gpkg"))
    land, turbines = result["ELIGIBLE"], QgsVectorLayer(result["TURBINES"], "anlagen", "ogr")
    assert turbines.wkbType() == QgsWkbTypes.Type.Point
    titles = {feature["catalog"] for feature in land.getFeatures()}
    wind, pv = sorted(titles, key=lambda title: "Wind" not in title)
    indicators = {feature["key"]: feature for feature in result["INDICATORS"].getFeatures()}
    for key, row in indicators.items():
        alone = processing.run("wip:windlayout", {"SITES": land_of(land, key, wind), "WIND_SPEED": 5.8,
                                                  "TURBINES": "TEMPORARY_OUTPUT", "OUTPUT": "TEMPORARY_OUTPUT"})
        assert row["turbines_wind"] == alone["TURBINE_COUNT"]
        assert row["mw_wind"] == pytest.approx(alone["TOTAL_MW"], rel=1e-9)
        assert row["gwh_a_wind"] == pytest.approx(alone["TOTAL_GWH"], rel=1e-9)
        # the same turbines with the same fields as windlayout's, placed alike
        fields = [name for name in alone["TURBINES"].fields().names() if name not in ("turbine_id", "site_id")]
        assert set(fields) <= set(turbines.fields().names())
        ours = [feature for feature in turbines.getFeatures() if feature["key"] == key]
        theirs = list(alone["TURBINES"].getFeatures())
        assert [feature.geometry().asWkt(1) for feature in ours] == [feature.geometry().asWkt(1) for feature in theirs]
        for name in fields:
            expected = [feature[name] for feature in theirs]
            assert [feature[name] for feature in ours] == (
                expected if name == "type" else pytest.approx(expected, rel=1e-9)), name
        plant = processing.run("wip:pvyield", {"SITES": land_of(land, key, pv), "PV_TYPE": 0,
                                               "OUTPUT": "TEMPORARY_OUTPUT"})
        assert row["mw_pv_ground"] == pytest.approx(plant["TOTAL_MWP"], rel=1e-9)
        assert row["gwh_a_pv_ground"] == pytest.approx(plant["TOTAL_GWH"], rel=1e-9)
    assert sum(row["turbines_wind"] for row in indicators.values()) == turbines.featureCount() > 0
    assert {feature["key"] for feature in turbines.getFeatures()} <= set(indicators)
    # each piece of land carries what stands on it, the turbines say on which piece they stand
    carried, standing = {}, {}
    for feature in land.getFeatures():
        if feature["catalog"] == wind and feature["turbines"]:
            area = (feature["study_id"], feature["area_id"])
            carried[area] = carried.get(area, 0) + feature["turbines"]
    for feature in turbines.getFeatures():
        standing[(feature["key"], feature["area_id"])] = standing.get((feature["key"], feature["area_id"]), 0) + 1
    assert standing == carried
    assert any("Windenergie an Land" in message and "GWh/a" in message for message in feedback.messages)


def test_a_municipalitys_own_wind_speed_gives_its_energy(parts):
    windy = QgsVectorLayer(f"MultiPolygon?crs={parts.crs().authid()}&field=AGS:string&field=GEN:string"
                           "&field=wind:double", "wind", "memory")
    features = []
    for number, feature in enumerate(parts.getFeatures()):
        copy = QgsFeature(windy.fields())
        copy.setGeometry(feature.geometry())
        copy.setAttributes([feature["AGS"], feature["GEN"], 7.0 if number == 0 else None])
        features.append(copy)
    windy.dataProvider().addFeatures(features)
    plain, _ = run(windy, WORKERS=1, TECHNOLOGIES=[0])
    own, _ = run(windy, WORKERS=1, TECHNOLOGIES=[0], WIND_FIELD="wind")
    before = {feature["key"]: feature for feature in plain["INDICATORS"].getFeatures()}
    after = {feature["key"]: feature for feature in own["INDICATORS"].getFeatures()}
    assert after[HOHENMOELSEN]["turbines_wind"] == before[HOHENMOELSEN]["turbines_wind"] > 0
    assert after[HOHENMOELSEN]["gwh_a_wind"] > 1.2 * before[HOHENMOELSEN]["gwh_a_wind"]
    assert [after[key]["gwh_a_wind"] for key in ("2", "3", "4")] == \
        [before[key]["gwh_a_wind"] for key in ("2", "3", "4")]
    windy.dataProvider().changeAttributeValues({next(windy.getFeatures()).id(): {2: 70.0}})  # km/h, not m/s
    with pytest.raises(QgsProcessingException, match="Teil 1: mittlere Windgeschwindigkeit 70 m/s"):
        run(windy, WORKERS=1, TECHNOLOGIES=[0], WIND_FIELD="wind")


def test_a_run_without_yields_has_none_of_their_fields(parts):
    result, _ = run(parts, WORKERS=1, TECHNOLOGIES=[0], YIELDS=False, TURBINES="TEMPORARY_OUTPUT")
    assert "turbines_wind" not in result["INDICATORS"].fields().names()
    assert "gwh_a" not in result["ELIGIBLE"].fields().names() and "TURBINES" not in result


def wind_raster(path, parts, speeds: list[float]) -> str:
    """A GeoTIFF of 100 m cells over the parts' west-to-east extent in columns of ``speeds`` (NaN: NoData)."""
    box = parts.extent()
    columns = len(speeds)
    cell = 100.0
    width = int(box.width() / cell / columns + 1) * columns
    raster = gdal.GetDriverByName("GTiff").Create(str(path), width, int(box.height() / cell) + 2, 1, gdal.GDT_Float32)
    raster.SetGeoTransform((box.xMinimum(), cell, 0, box.yMaximum() + cell, 0, -cell))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(int(parts.crs().authid().split(":")[1]))
    raster.SetProjection(reference.ExportToWkt())
    band = raster.GetRasterBand(1)
    band.SetNoDataValue(-9999)
    values = [[-9999 if speed != speed else speed for speed in speeds for _ in range(width // columns)]] * \
        raster.RasterYSize
    band.WriteArray(np.array(values, dtype="float32"))
    raster = None
    return str(path)


def test_a_wind_raster_gives_each_turbine_its_cell(parts, tmp_path):
    raster = wind_raster(tmp_path / "wind.tif", parts, [5.0, 6.0, 7.0, float("nan")])
    result, feedback = run(parts, WORKERS=1, TECHNOLOGIES=[0], WIND_RASTER=raster, WIND_SPEED=5.8)
    land = result["ELIGIBLE"]
    wind = next(feature["catalog"] for feature in land.getFeatures())
    indicators = {feature["key"]: feature for feature in result["INDICATORS"].getFeatures()}
    for key, row in indicators.items():
        alone = processing.run("wip:windlayout", {"SITES": land_of(land, key, wind), "WIND_RASTER": raster,
                                                  "TURBINES": "TEMPORARY_OUTPUT", "OUTPUT": "TEMPORARY_OUTPUT"})
        assert row["turbines_wind"] == alone["TURBINE_COUNT"]
        assert row["gwh_a_wind"] == pytest.approx(alone["TOTAL_GWH"], rel=1e-9)
    assert indicators["4"]["turbines_wind"] > 0 and indicators["4"]["gwh_a_wind"] == 0  # the NoData column
    assert all(indicators[key]["gwh_a_wind"] > 0 for key in (HOHENMOELSEN, "2", "3"))
    assert any("Anlage(n) ohne Windgeschwindigkeit" in message for message in feedback.messages)
    assert any("Windgeschwindigkeit aus dem Raster" in message for message in feedback.messages)


def heated_part(buildings, part) -> QgsVectorLayer:
    """The buildings whose point lies in ``part`` (a feature of the parts), as a layer of their own."""
    shape = part.geometry()
    return buildings_layer(buildings, [feature for feature in buildings.getFeatures()
                                       if shape.contains(feature.geometry().pointOnSurface())])


def buildings_layer(buildings, features) -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon", "gebaeude", "memory")
    layer.setCrs(buildings.crs())
    layer.dataProvider().addAttributes(buildings.fields())
    layer.updateFields()
    layer.dataProvider().addFeatures(features)
    return layer


def cell_buildings(buildings, parts, number: int, cell: float = 100.0) -> QgsVectorLayer:
    """The buildings of the heat cells (of ``cell`` metres) whose centre lies in part ``number``; a cell centred in
    no part goes to the last part that holds one of its buildings."""
    shapes = [part.geometry() for part in parts.getFeatures()]

    def holder(point):
        return next((index for index, shape in enumerate(shapes) if shape.intersects(point)), -1)

    cells = {}
    for feature in buildings.getFeatures():
        point = feature.geometry().pointOnSurface().asPoint()
        cells.setdefault((math.floor(point.x() / cell), math.floor(point.y() / cell)), []).append(
            (feature, holder(QgsGeometry.fromPointXY(point))))
    chosen = []
    for (column, row), members in cells.items():
        owner = holder(QgsGeometry.fromPointXY(QgsPointXY((column + 0.5) * cell, (row + 0.5) * cell)))
        if owner < 0:
            owner = max(held for _feature, held in members)
        chosen += [feature for feature, _held in members if owner == number]
    return buildings_layer(buildings, chosen)


def cells_of(layer, key=None) -> list:
    """Each cell's corner, buildings, level and rule, and its densities rounded, sorted by corner."""
    return sorted((round(feature.geometry().boundingBox().xMinimum()),
                   round(feature.geometry().boundingBox().yMinimum()), feature["buildings"], feature["level"],
                   feature["rule"],
                   None if is_null(feature["density_mwh_ha_a"]) else round(feature["density_mwh_ha_a"], 6),
                   None if is_null(feature["line_density_kwh_m_a"]) else round(feature["line_density_kwh_m_a"], 6))
                  for feature in layer.getFeatures() if key is None or feature["key"] == key)


def test_each_municipalitys_heat_suitability_is_that_of_the_heat_algorithms_on_its_buildings(parts, tmp_path):
    buildings = processing.run("wip:heatdemand", {"BUILDINGS": f"{DEMO_GPKG}|layername=synth_gebaeude",
                                                  "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    streets, network = (f"{DEMO_GPKG}|layername={name}" for name in ("synth_strassen", "synth_waermenetz"))
    folder = tmp_path / "profile"
    result, feedback = run(parts, WORKERS=1, TECHNOLOGIES=[1], YIELDS=False, HEAT_BUILDINGS=buildings,
                           STREETS=streets, HEAT_NETWORK=network, HEAT_SUITABILITY="TEMPORARY_OUTPUT",
                           PROFILES=str(folder))
    cells = result["HEAT_SUITABILITY"]
    indicators = {feature["key"]: feature for feature in result["INDICATORS"].getFeatures()}
    heated_parts = 0
    for number, (part, key) in enumerate(zip(parts.getFeatures(), [HOHENMOELSEN, "2", "3", "4"])):
        own, in_cells = heated_part(buildings, part), cell_buildings(buildings, parts, number)
        if not own.featureCount():
            assert is_null(indicators[key]["heat_buildings_mwh_a"])
        else:
            assert indicators[key]["heat_buildings_mwh_a"] == pytest.approx(sum(
                feature["demand_mwh_a"] for feature in own.getFeatures() if not is_null(feature["demand_mwh_a"])))
        if not in_cells.featureCount():
            assert not cells_of(cells, key)
            continue
        heated_parts += 1
        density = processing.run("wip:heatdensity", {"BUILDINGS": in_cells, "STREETS": streets,
                                                     "BLOCKS_OUTPUT": "TEMPORARY_OUTPUT",
                                                     "STREETS_OUTPUT": "TEMPORARY_OUTPUT"})
        blocks, without_street = density["BLOCKS_OUTPUT"], density["BUILDINGS_WITHOUT_STREET"]
        told = [message for message in feedback.messages
                if message.startswith(f"{part['GEN']}: ") and "keine Straße im Abstand" in message]
        assert told == ([f"{part['GEN']}: {without_street} Gebäude mit Wärmebedarf haben keine Straße im Abstand von "
                         "100 m und zählen in keiner Wärmeliniendichte."] if without_street else [])
        alone = processing.run("wip:heatsuitability", {"AREAS": blocks, "NETWORK": network,
                                                       "LARGE_CONSUMERS": in_cells,
                                                       "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        assert cells_of(cells, key) == cells_of(alone)
        suited = [feature for feature in alone.getFeatures() if feature["level"] <= 2]
        assert indicators[key]["heat_network_ha"] == pytest.approx(sum(feature["area_ha"] for feature in suited))
        in_cells_mwh_a = sum(feature["demand_mwh_a"] for feature in in_cells.getFeatures()
                             if not is_null(feature["demand_mwh_a"]))
        assert indicators[key]["heat_network_pct"] == pytest.approx(
            100 * sum(feature["demand_mwh_a"] for feature in suited) / in_cells_mwh_a)
    assert heated_parts >= 2 and any(feature["level"] <= 2 for feature in cells.getFeatures())
    # privacy: a cell of fewer than five buildings shows no demand
    assert all(is_null(feature["demand_mwh_a"]) for feature in cells.getFeatures() if feature["buildings"] < 5)
    # the profile maps the suitability, its balance counts the buildings
    page = (folder / f"zukunftsprofil_{HOHENMOELSEN}_teil_1.html").read_text(encoding="utf-8")
    assert "Eignung für Wärmenetze (§ 19 WPG)" in page and "Keine Eignung für Wärmenetze angegeben" not in page
    assert not any("Ohne Gebäude: Wärmebedarf aus den Wohnungen" in message for message in feedback.messages)


def test_a_municipality_without_buildings_has_unknown_heat_not_none(parts, tmp_path):
    """Buildings for part of the region only: the others get no heat figures, and their profile's balance takes the
    heat from the municipal statistics instead of counting zero."""
    buildings = processing.run("wip:heatdemand", {"BUILDINGS": f"{DEMO_GPKG}|layername=synth_gebaeude",
                                                  "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    first = next(parts.getFeatures()).geometry()
    elsewhere = QgsVectorLayer("Polygon", "gebaeude", "memory")
    elsewhere.setCrs(buildings.crs())
    elsewhere.dataProvider().addAttributes(buildings.fields())
    elsewhere.updateFields()
    elsewhere.dataProvider().addFeatures([feature for feature in buildings.getFeatures()
                                          if not first.contains(feature.geometry().pointOnSurface())])
    folder = tmp_path / "profile"
    result, feedback = run(parts, WORKERS=1, TECHNOLOGIES=[1], YIELDS=False, HEAT_BUILDINGS=elsewhere,
                           HEAT_SUITABILITY="TEMPORARY_OUTPUT", PROFILES=str(folder))
    indicators = {feature["key"]: feature for feature in result["INDICATORS"].getFeatures()}
    assert result["FAILED"] == 0  # without street sections too
    assert is_null(indicators[HOHENMOELSEN]["heat_buildings_mwh_a"])
    assert not is_null(indicators["2"]["heat_buildings_mwh_a"]) and cells_of(result["HEAT_SUITABILITY"])
    assert [message for message in feedback.messages if "Gebäude mit Wärmebedarf in" in message] == [
        "Keine Gebäude mit Wärmebedarf in 1 Gemeinde(n); ihr Wärmebedarf folgt der Gemeindestatistik: Teil 1"]
    assert any("Ohne Gebäude: Wärmebedarf aus den Wohnungen" in message for message in feedback.messages)
    assert (folder / f"zukunftsprofil_{HOHENMOELSEN}_teil_1.html").exists()


def test_heat_inputs_without_buildings_are_named_and_buildings_without_demand_refused(parts):
    streets = f"{DEMO_GPKG}|layername=synth_strassen"
    result, feedback = run(parts, WORKERS=1, TECHNOLOGIES=[1], YIELDS=False, STREETS=streets,
                           HEAT_SUITABILITY="TEMPORARY_OUTPUT")
    assert "HEAT_SUITABILITY" not in result
    assert "heat_network_pct" not in result["INDICATORS"].fields().names()
    assert any("Straßenabschnitte (für die Wärmeliniendichte)" in warning and "nur mit Gebäuden" in warning
               for warning in feedback.warnings)
    with pytest.raises(QgsProcessingException, match="fehlen die Felder demand_mwh_a"):
        run(parts, WORKERS=1, TECHNOLOGIES=[1], HEAT_BUILDINGS=f"{DEMO_GPKG}|layername=synth_gebaeude")


SCORED_LAYERS = LAYERS + [f"{DEMO_GPKG}|layername={name}" for name in ("synth_umspannwerke_110kv",
                                                                      "synth_landwirtschaft", "synth_bergbau")]


def far_settlement(parts) -> QgsVectorLayer:
    """A settlement layer whose one settlement lies 30 km east of the parts, beyond the schemes' reach."""
    box = parts.extent()
    layer = QgsVectorLayer(f"Polygon?crs={parts.crs().authid()}", "siedlung", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(box.xMaximum() + 30_000, box.center().y(),
                                                          box.xMaximum() + 31_000, box.center().y() + 1_000)))
    layer.dataProvider().addFeatures([feature])
    return layer


@pytest.mark.parametrize("settlements", ["near", "far"])
def test_each_piece_is_scored_as_the_site_algorithms_score_it(parts, settlements):
    """Far: a layer whose features all lie beyond the reach still measures every piece (at the reach, where the
    utility no longer changes), as sitecriteria measures the true distance; not as a missing value."""
    layers = list(SCORED_LAYERS)
    if settlements == "far":
        layers[0] = far_settlement(parts)
    result, feedback = run(parts, WORKERS=1, YIELDS=False, CONSTRAINT_LAYERS=layers)
    land = result["ELIGIBLE"]
    titles = sorted({feature["catalog"] for feature in land.getFeatures()}, key=lambda title: "Wind" not in title)
    indicators = {feature["key"]: feature for feature in result["INDICATORS"].getFeatures()}
    compared = 0
    for (title, scheme), technology in zip(zip(titles, ("beispiel_wind", "beispiel_pv")), ("wind", "pv_ground")):
        for key in indicators:
            own = land_of(land, key, title)
            if not own.featureCount():
                continue
            criteria = processing.run("wip:sitecriteria", {
                "SITES": own, "NEAREST_LAYERS": [layers[0], layers[3], layers[4]],
                "OVERLAP_LAYERS": [layers[1], layers[6]], "MEAN_LAYER": layers[5],
                "MEAN_FIELD": "ackerzahl", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
            alone = processing.run("wip:sitescore", {"SITES": criteria, "SCHEME": str(shipped_schemes()[scheme]),
                                                     "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
            expected = sorted((feature["area_id"], round(feature["score"], 9), feature["rank"], feature["class"])
                              for feature in alone.getFeatures())
            found = sorted((feature["area_id"], round(feature["score"], 9), feature["score_rank"],
                            feature["score_class"]) for feature in own.getFeatures())
            assert found == expected
            assert indicators[key][f"score_best_{technology}"] == pytest.approx(max(row[1] for row in expected))
            assert indicators[key][f"class_a_ha_{technology}"] == pytest.approx(sum(
                feature["area_ha"] for feature in own.getFeatures() if feature["score_class"] == "A"))
            compared += 1
    assert compared >= 4
    assert any("„Abstand zum 110-kV-Umspannwerk“ aus" in message for message in feedback.messages)


def test_a_role_without_a_layer_is_named_and_scoring_can_be_turned_off(parts):
    _result, feedback = run(parts, WORKERS=1, YIELDS=False, TECHNOLOGIES=[0])
    assert any("„Abstand zum 110-kV-Umspannwerk“ nicht bewertet" in warning for warning in feedback.warnings)
    plain, _ = run(parts, WORKERS=1, YIELDS=False, TECHNOLOGIES=[0], SCORING=False)
    assert "score" not in plain["ELIGIBLE"].fields().names()
    assert "score_best_wind" not in plain["INDICATORS"].fields().names()
