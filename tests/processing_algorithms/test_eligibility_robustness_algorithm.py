"""wip:eligibilityrobustness on the demo municipality: the variants table, each variant's land equal to a run of
wip:eligibility with its settings, and tables it cannot read."""
from __future__ import annotations

import processing
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

LAYERS = [f"{DEMO_GPKG}|layername={name}" for name in ("synth_siedlung", "synth_schutzgebiete", "synth_wald")]
COMMON = {"STUDY_AREA": f"{DEMO_GPKG}|layername=real_gemeinde", "CONSTRAINT_LAYERS": LAYERS, "CATALOG": 0,
          "MIN_AREA_HA": 5.0, "DISTANCE_OVERRIDES": ["naturschutzgebiet_puffer", "300"]}


def rows(layer) -> dict:
    return {(feature["kind"], feature["item"]): feature for feature in layer.getFeatures()}


def eligible_ha(**settings) -> float:
    parameters = dict(COMMON, ELIGIBLE="TEMPORARY_OUTPUT", EXCLUDED="TEMPORARY_OUTPUT", SUMMARY="TEMPORARY_OUTPUT")
    parameters.update(settings)
    return processing.run("wip:eligibility", parameters)["ELIGIBLE_HA"]


def test_every_variant_has_the_land_of_its_own_eligibility_run(wip_processing, tmp_path):
    variants = ["Siedlung 800 m", "wohnsiedlung_abstand", "800",
                "weit und ohne Wald", "wohnsiedlung_abstand", "1200", "weit und ohne Wald", "wald", "aus",
                "nur harte", "weich", "aus"]
    result = processing.run("wip:eligibilityrobustness", dict(
        COMMON, VARIANTS=variants, OUTPUT=str(tmp_path / "robust.gpkg"), SUMMARY=str(tmp_path / "summary.gpkg")))
    summary = QgsVectorLayer(result["SUMMARY"], "summary", "ogr")
    table = rows(summary)
    overrides = COMMON["DISTANCE_OVERRIDES"]
    expected = {
        "Katalog wie eingestellt": eligible_ha(),
        "Siedlung 800 m": eligible_ha(DISTANCE_OVERRIDES=overrides + ["wohnsiedlung_abstand", "800"]),
        "nur harte": eligible_ha(SOFT_EXCLUDES=False),
    }
    for name, hectares in expected.items():
        assert table[("variant", name)]["area_ha"] == pytest.approx(hectares, rel=1e-9), name
    assert "Wald: aus" in table[("variant", "weit und ohne Wald")]["description"]
    pieces = QgsVectorLayer(result["OUTPUT"], "robust", "ogr")
    by_class = {}
    for feature in pieces.getFeatures():
        by_class[feature["kept"]] = by_class.get(feature["kept"], 0.0) + feature["area_ha"]
        assert len(feature["variants"].split(", ")) == feature["kept"]
    for kept in range(1, 5):
        assert by_class.get(kept, 0.0) == pytest.approx(table[("robustness", str(kept))]["area_ha"], abs=1e-6)
    # land kept by every variant is the land of the strictest settings: wider distance, soft criteria excluding
    assert by_class[4] <= min(expected.values()) + 1e-6
    del summary, pieces


@pytest.mark.parametrize("variants, message", [
    ([], "mindestens eine Variante"),
    (["a", "wald"], "Name, Kriterium und Abstand"),
    (["a", "gibtsnicht", "100"], "gibt es im Katalog"),
    (["a", "wald", "weit"], "weder ein Abstand"),
    (["", "wald", "aus"], "Namen ihrer Variante"),
])
def test_a_table_it_cannot_read_is_refused(wip_processing, tmp_path, variants, message):
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("wip:eligibilityrobustness", dict(
            COMMON, VARIANTS=variants, OUTPUT=str(tmp_path / "robust.gpkg"), SUMMARY=str(tmp_path / "s.gpkg")))
    assert not (tmp_path / "robust.gpkg").exists()
