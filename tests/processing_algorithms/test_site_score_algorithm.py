"""wip:sitescore through Processing: a hand-computed scheme, AHP consistency stop, bad input, scheme files, a model
and batch runs."""

import json

import processing
import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
)

from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.core.scoring import load_scheme, parse_scheme, save_scheme

SCHEME = {
    "format": "wip-scoring-scheme", "format_version": 1, "method": "wlc", "missing": "worst",
    "criteria": [
        {"field": "uw_m", "label": "Abstand Umspannwerk", "weight": 3,
         "function": {"kind": "cost", "lower": 0, "upper": 10000}},
        {"field": "ackerzahl", "label": "Ackerzahl", "weight": 1,
         "function": {"kind": "cost", "lower": 20, "upper": 80}},
    ],
}


@pytest.fixture
def sites():
    return memory_layer("standorte", "Polygon", [
        {"wkt": square(0, 0, 100), "name": "A", "uw_m": 0.0, "ackerzahl": 20.0},
        {"wkt": square(200, 0, 100), "name": "B", "uw_m": 5000.0, "ackerzahl": 80.0},
        {"wkt": square(400, 0, 100), "name": "C", "uw_m": None, "ackerzahl": 50.0},
    ], fields="&field=name:string&field=uw_m:double&field=ackerzahl:double")


def scheme_file(tmp_path, data):
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def run(sites, scheme, **extra):
    return processing.run("wip:sitescore", dict({"SITES": sites, "SCHEME": scheme, "OUTPUT": "memory:"}, **extra))


def test_scores_ranks_and_contributions_by_hand(wip_processing, sites, tmp_path):
    result = run(sites, scheme_file(tmp_path, SCHEME))["OUTPUT"]
    rows = {f["name"]: f for f in result.getFeatures()}
    # A: 0.75·1 + 0.25·1 = 100; B: 0.75·0.5 + 0.25·0 = 37.5; C: uw missing → worst (0), 0.25·0.5 = 12.5
    assert [rows[n]["score"] for n in "ABC"] == pytest.approx([100, 37.5, 12.5])
    assert [rows[n]["rank"] for n in "ABC"] == [1, 2, 3]
    assert [rows[n]["class"] for n in "ABC"] == ["A", "B", "C"]
    assert rows["B"]["c_uw_m"] == pytest.approx(37.5) and rows["B"]["c_ackerzahl"] == pytest.approx(0)
    assert rows["C"]["missing"] == "uw_m"
    assert sites.featureCount() == 3 and "score" not in sites.fields().names()  # input unchanged


def test_inconsistent_pairwise_comparison_stops_unless_accepted(wip_processing, tmp_path):
    sites = memory_layer("standorte", "Point", [{"wkt": "POINT(0 0)", "a": 1, "b": 2, "c": 3}],
                         fields="&field=a:double&field=b:double&field=c:double")
    linear = {"kind": "benefit", "lower": 0, "upper": 5}
    data = {"format": "wip-scoring-scheme", "format_version": 1,
            "criteria": [{"field": name, "label": name, "function": linear} for name in "abc"],
            "pairwise": [[1, 5, 1 / 5], [1 / 5, 1, 5], [5, 1 / 5, 1]]}  # a ≫ b, b ≫ c, but c ≫ a
    path = scheme_file(tmp_path, data)
    with pytest.raises(QgsProcessingException, match="CR = "):
        run(sites, path)
    assert run(sites, path, ACCEPT_INCONSISTENT=True)["OUTPUT"].featureCount() == 1


def test_a_field_may_appear_only_once(wip_processing, sites, tmp_path):
    data = dict(SCHEME, criteria=SCHEME["criteria"] + [SCHEME["criteria"][0]])
    with pytest.raises(QgsProcessingException, match="jedes Feld und jede Kennung nur einmal"):
        run(sites, scheme_file(tmp_path, data))


@pytest.mark.parametrize("change, message", [
    (lambda d: d["criteria"][0].update(field="gibtsnicht"), "gibtsnicht"),
    (lambda d: d["criteria"][0]["function"].update(kind="magic"), "kind"),
    (lambda d: d["criteria"][0]["function"].update(lower=5, upper=5), "untere Grenze"),
    (lambda d: d.update(format="anders"), "format"),
    (lambda d: d.update(pairwise=[[1, 3], [1 / 3]]), "pairwise"),  # ragged
    (lambda d: d.update(pairwise=[[1, 3, 5], [1 / 3, 1, 1], [1 / 5, 1, 1]]), "pairwise"),  # three rows, two criteria
])
def test_bad_schemes_give_clear_messages(wip_processing, sites, tmp_path, change, message):
    data = json.loads(json.dumps(SCHEME))
    change(data)
    with pytest.raises(QgsProcessingException, match=message):
        run(sites, scheme_file(tmp_path, data))


def test_text_in_a_criterion_field_is_named(wip_processing, tmp_path):
    sites = memory_layer("standorte", "Point", [{"wkt": "POINT(0 0)", "uw_m": "weit", "ackerzahl": 30}],
                         fields="&field=uw_m:string&field=ackerzahl:double")
    with pytest.raises(QgsProcessingException, match="weit"):
        run(sites, scheme_file(tmp_path, SCHEME))


def test_scheme_round_trip(tmp_path):
    data = dict(SCHEME, pairwise=[[1, 3], [1 / 3, 1]])
    scheme = parse_scheme(data, "test")
    save_scheme(scheme, tmp_path / "kopie.json")
    assert load_scheme(tmp_path / "kopie.json") == scheme


def test_sensitivity_gives_rank_ranges_and_the_influence_table(wip_processing, tmp_path):
    rows = [{"wkt": f"POINT({i} 0)", "uw_m": float(i * 700 % 10000), "ackerzahl": float(20 + i * 7 % 60)}
            for i in range(12)]
    sites = memory_layer("standorte", "Point", rows, fields="&field=uw_m:double&field=ackerzahl:double")
    parameters = {"SITES": sites, "SCHEME": scheme_file(tmp_path, SCHEME), "RUNS": 200, "SPREAD": 0.3, "TOP_K": 3,
                  "SEED": 5, "OUTPUT": "memory:", "INFLUENCE": "memory:"}
    first = processing.run("wip:sitesensitivity", parameters)
    again = processing.run("wip:sitesensitivity", parameters)
    ranked = list(first["OUTPUT"].getFeatures())
    assert [f["mean_rank"] for f in ranked] == [f["mean_rank"] for f in again["OUTPUT"].getFeatures()]
    assert all(1 <= f["rank_p05"] <= f["rank_p95"] <= 12 for f in ranked)
    assert sum(f["p_top3"] for f in ranked) == pytest.approx(3.0)
    table = [(f["field"], f["mean_rank_change"]) for f in first["INFLUENCE"].getFeatures()]
    assert {name for name, _ in table} == {"uw_m", "ackerzahl"}
    assert table[0][1] >= table[1][1]  # most influential first


@pytest.mark.parametrize("catalog_id, prefix, share_field", [
    ("lsa_wind", "wind", "share_synth_schutzgebiete"), ("lsa_pv_freiflaeche", "pv", "share_synth_bergbau")])
def test_demo_chain_from_eligible_land_to_scored_sites(wip_processing, catalog_id, prefix, share_field):
    """Flächenkulisse → Standortkriterien → Bewertung with the shipped example schemes, as `make demo` runs it."""
    from tools.run_demo import run_eligibility, run_site_evaluation
    from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

    eligible = run_eligibility(catalog_id, DEMO_GPKG, None)["ELIGIBLE"]
    scored = list(run_site_evaluation(eligible, prefix, DEMO_GPKG, None).getFeatures())
    assert len(scored) == len({f["area_id"] for f in eligible.getFeatures()})
    assert sorted(f["rank"] for f in scored)[0] == 1
    assert all(0 <= f["score"] <= 100 and f["class"] in "ABC" for f in scored)
    assert all(f["dist_synth_umspannwerke_110kv_m"] >= 0 and 0 <= f[share_field] <= 1 for f in scored)


def test_no_candidate_sites_is_a_clear_message(wip_processing, tmp_path):
    empty = memory_layer("standorte", "Polygon", [], fields="&field=uw_m:double&field=ackerzahl:double")
    for algorithm, parameters in (("wip:sitescore", {"SCHEME": scheme_file(tmp_path, SCHEME)}),
                                  ("wip:sitecriteria", {})):
        with pytest.raises(QgsProcessingException, match="keine Objekte"):
            processing.run(algorithm, dict({"SITES": empty, "OUTPUT": "memory:"}, **parameters))


def test_a_criterion_without_variance_scores_every_site_alike(wip_processing, tmp_path):
    same = memory_layer("standorte", "Polygon", [
        {"wkt": square(200 * n, 0, 100), "uw_m": uw, "ackerzahl": 50.0} for n, uw in enumerate((0.0, 5000.0))],
        fields="&field=uw_m:double&field=ackerzahl:double")
    for method in ("wlc", "topsis"):
        result = run(same, scheme_file(tmp_path, dict(SCHEME, method=method)))["OUTPUT"]
        rows = list(result.getFeatures())
        assert all(0 <= f["score"] <= 100 for f in rows)
        assert [f["rank"] for f in rows] == [1, 2]
        if method == "wlc":  # the constant criterion adds the same points to both sites
            assert rows[0]["c_ackerzahl"] == pytest.approx(rows[1]["c_ackerzahl"]) == pytest.approx(12.5)


def test_criteria_and_scoring_chained_in_a_graphical_model(wip_processing, tmp_path):
    """A .model3: sites and substations as inputs, wip:sitecriteria feeding wip:sitescore; saved, loaded, run."""
    model = QgsProcessingModelAlgorithm("Standortbewertung im Modell", "Test")
    model.addModelParameter(QgsProcessingParameterFeatureSource("standorte", "Standorte"),
                            QgsProcessingModelParameter("standorte"))
    model.addModelParameter(QgsProcessingParameterMultipleLayers("netz", "Netz"), QgsProcessingModelParameter("netz"))
    criteria = QgsProcessingModelChildAlgorithm("wip:sitecriteria")
    criteria.setChildId("kriterien")
    criteria.addParameterSources("SITES", [QgsProcessingModelChildParameterSource.fromModelParameter("standorte")])
    criteria.addParameterSources("NEAREST_LAYERS", [QgsProcessingModelChildParameterSource.fromModelParameter("netz")])
    model.addChildAlgorithm(criteria)
    scoring = QgsProcessingModelChildAlgorithm("wip:sitescore")
    scoring.setChildId("bewertung")
    scoring.addParameterSources("SITES", [QgsProcessingModelChildParameterSource.fromChildOutput("kriterien",
                                                                                                 "OUTPUT")])
    scheme = dict(SCHEME, criteria=[{"field": "dist_umspannwerke_m", "label": "Netz", "weight": 1,
                                     "function": {"kind": "cost", "lower": 0, "upper": 1000}},
                                    {"field": "area_ha", "label": "Größe", "weight": 1,
                                     "function": {"kind": "benefit", "lower": 0, "upper": 4}}])
    scoring.addParameterSources("SCHEME", [QgsProcessingModelChildParameterSource.fromStaticValue(
        scheme_file(tmp_path, scheme))])
    output = QgsProcessingModelOutput("bewertet")
    output.setChildOutputName("OUTPUT")
    scoring.setModelOutputs({"bewertet": output})
    model.addChildAlgorithm(scoring)
    model_file = tmp_path / "bewertung.model3"
    assert model.toFile(str(model_file))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(model_file))
    sites = memory_layer("standorte", "Polygon", [{"wkt": square(0, 0, 100), "name": "nah"},
                                                  {"wkt": square(900, 0, 200), "name": "fern"}],
                         fields="&field=name:string")
    substations = memory_layer("umspannwerke", "Point", [{"wkt": "POINT(150 50)"}])
    context = QgsProcessingContext()
    results, ok = loaded.run({"standorte": sites, "netz": [substations], "bewertung:bewertet": "memory:"}, context,
                             QgsProcessingFeedback())
    assert ok
    rows = {f["name"]: f for f in context.getMapLayer(results["bewertung:bewertet"]).getFeatures()}
    # nah: 50 m → 0.95, 1 ha → 0.25; fern: 750 m → 0.25, 4 ha → 1
    assert rows["nah"]["score"] == pytest.approx(60) and rows["fern"]["score"] == pytest.approx(62.5)


def test_batch_rows_score_independently(wip_processing, sites, tmp_path):
    """One algorithm instance, one row after the other, as the batch dialog runs it."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("wip:sitescore")
    cost_only = tmp_path / "nur_netz"
    cost_only.mkdir()
    rows = [scheme_file(tmp_path, SCHEME), scheme_file(cost_only, dict(SCHEME, criteria=SCHEME["criteria"][:1])),
            scheme_file(tmp_path, SCHEME)]
    scores = []
    for scheme in rows:
        context = QgsProcessingContext()
        results, ok = algorithm.run({"SITES": sites, "SCHEME": scheme, "OUTPUT": "memory:"}, context,
                                    QgsProcessingFeedback())
        assert ok
        scores.append([f["score"] for f in context.getMapLayer(results["OUTPUT"]).getFeatures()])
    assert scores[0] == scores[2] and scores[1] != scores[0]
    assert scores[1][:2] == pytest.approx([100, 50])


def test_a_scheme_by_role_scores_the_criteria_of_layers_with_any_name(wip_processing, tmp_path):
    """Standortkriterien on layers named as an office names them, then the shipped PV scheme: its roles find their
    fields; the one whose layer was not measured (mining) is not assessed, with a warning, by the missing rule."""
    from tests.processing_algorithms.conftest import RecordingFeedback
    from wip_qgis_plugin.core.scoring import shipped_schemes

    sites = memory_layer("Potenzialflächen", "Polygon", [{"wkt": square(0, 0, 100), "name": "nah"},
                                                        {"wkt": square(2000, 0, 200), "name": "fern"}],
                         fields="&field=name:string")
    substations = memory_layer("UW 110 kV (Netzbetreiber)", "Point", [{"wkt": "POINT(150 50)"}])
    motorway = memory_layer("BAB A9", "LineString", [{"wkt": "LINESTRING(-100 300, 2500 300)"}])
    soils = memory_layer("Bodenschätzung", "Polygon", [{"wkt": square(-100, -100, 3000), "Ackerzahl": 40}],
                         fields="&field=Ackerzahl:double")
    criteria = processing.run("wip:sitecriteria", {
        "SITES": sites, "NEAREST_LAYERS": [substations, motorway], "MEAN_LAYER": soils, "MEAN_FIELD": "Ackerzahl",
        "OUTPUT": "memory:"})["OUTPUT"]
    feedback = RecordingFeedback()
    scored = processing.run("wip:sitescore", {"SITES": criteria, "SCHEME": str(shipped_schemes()["beispiel_pv"]),
                                              "OUTPUT": "memory:"}, feedback=feedback)["OUTPUT"]
    rows = {f["name"]: f for f in scored.getFeatures()}
    assert rows["nah"]["c_umspannwerk"] == pytest.approx(25.0)  # 50 m: within the best 500 m, weight 0.25
    assert rows["fern"]["c_umspannwerk"] < rows["nah"]["c_umspannwerk"]
    assert rows["nah"]["c_autobahn"] > 0 and rows["nah"]["c_ackerzahl"] == pytest.approx(0.2 * 0.8 * 100)
    assert all(f["missing"] == "bergbau" and f["c_bergbau"] == 0 for f in rows.values())
    assert any("Anteil Bergbaufolgefläche" in warning and "nicht bewertet" in warning for warning in feedback.warnings)
