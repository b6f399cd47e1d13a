"""wip:energybalance through Processing: the demo municipality's statistics row, buildings from wip:heatdemand, the
planned generation of a zoning alternative, consumption and factor tables, bad input, batch rows and a model."""

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
    QgsVectorLayer,
)

from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

STATISTICS = f"{DEMO_GPKG}|layername=real_statistik"
MUNICIPALITY = f"{DEMO_GPKG}|layername=real_gemeinde"


def table(fields: str, rows: list[dict]) -> QgsVectorLayer:
    return memory_layer("tabelle", "None", [dict(row, wkt="") for row in rows], fields=fields)


def run(feedback=None, **extra):
    parameters = {"STATISTICS": STATISTICS, "MUNICIPALITY": MUNICIPALITY, "BALANCE": "memory:",
                  "INDICATORS": "memory:", "ASSUMPTIONS": "memory:"}
    parameters.update(extra)
    return processing.run("wip:energybalance", parameters, feedback=feedback)


def test_the_demo_municipality_from_its_statistics(wip_processing):
    result = run()
    indicators = list(result["INDICATORS"].getFeatures())
    assert [row["year"] for row in indicators] == [2024, 2030, 2035, 2040, 2045]
    # Hohenmölsen: 9,405 inhabitants in 2021, on the Burgenlandkreis' path of the Land's forecast (−20.5 % 2022–2040)
    assert indicators[0]["population"] == pytest.approx(9405 * 0.795 ** (3 / 18))
    assert result["CO2_BASE_T"] == pytest.approx(indicators[0]["co2_t"]) and result["CO2_2045_T"] < result[
        "CO2_BASE_T"] / 2
    rows = list(result["BALANCE"].getFeatures())
    assert {row["sector"] for row in rows if row["kind"] == "demand"} == {"haushalte", "gewerbe", "industrie",
                                                                           "kommune", "verkehr"}
    assert indicators[0]["transport"] == "estimate" and indicators[0]["transport_mwh"] > 0
    wind = [row for row in rows if row["kind"] == "generation" and row["carrier"] == "wind" and row["year"] == 2024]
    assert wind[0]["mwh"] == pytest.approx(88125.0 * 1680 / 1000)  # MaStR kW × full-load hours
    base_co2 = sum(row["co2_t"] for row in rows if row["year"] == 2024)
    assert base_co2 == pytest.approx(result["CO2_BASE_T"])
    assumptions = {row["topic"]: row for row in result["ASSUMPTIONS"].getFeatures()}
    grid = assumptions["Emissionsfaktor Strom (Bundesmix)"]
    assert grid["value"] == "2024: 427; 2030: 344; 2035: 271; 2040: 211; 2045: 127"
    assert "Climate Change 13/2025" in grid["source"]


def test_buildings_and_a_zoning_alternative(wip_processing):
    buildings = processing.run("wip:heatdemand", {"BUILDINGS": f"{DEMO_GPKG}|layername=synth_gebaeude",
                                                  "BASE_YEAR": 2024, "OUTPUT": "memory:"})
    allocation = memory_layer("zuweisung", "Polygon", [
        {"wkt": square(0, 0, 100), "alternative": 1, "use": "wind", "gwh_a": 10.0, "alt_name": "A"},
        {"wkt": square(0, 0, 100), "alternative": 2, "use": "agri_pv", "gwh_a": 4.0, "alt_name": "B"},
        {"wkt": square(200, 0, 100), "alternative": 2, "use": "wohnen", "gwh_a": 0.0, "alt_name": "B"}],
        fields="&field=alternative:integer&field=use:string&field=gwh_a:double&field=alt_name:string")
    result = run(HEAT_BUILDINGS=buildings["OUTPUT"], ALLOCATION=allocation, ALTERNATIVE=2)
    rows = list(result["BALANCE"].getFeatures())
    planned = [row for row in rows if row["sector"] == "planung"]
    assert {(row["year"], row["carrier"]) for row in planned} == {(year, "pv") for year in (2030, 2035, 2040, 2045)}
    assert all(row["mwh"] == pytest.approx(4000.0) and "B" in row["source"] for row in planned)
    heat_rows = [row for row in rows if row["year"] == 2024 and row["carrier"] == "fernwaerme"]
    assert heat_rows and all("wip:heatdemand" in row["source"] for row in heat_rows)
    with pytest.raises(QgsProcessingException, match="keine Variante 7; vorhanden: 1–2"):
        run(ALLOCATION=allocation, ALTERNATIVE=7)


def test_an_alternative_that_allocates_nothing_plans_no_generation(wip_processing):
    """With every target at 0 the first alternatives may allocate no unit, so the table has no row of theirs: they
    exist all the same (alternatives are numbered from 1 without gaps)."""
    allocation = memory_layer("zuweisung", "Polygon", [
        {"wkt": square(0, 0, 100), "alternative": 3, "use": "wind", "gwh_a": 10.0, "alt_name": "C"}],
        fields="&field=alternative:integer&field=use:string&field=gwh_a:double&field=alt_name:string")
    feedback = QgsProcessingFeedback()
    rows = list(run(ALLOCATION=allocation, ALTERNATIVE=1, feedback=feedback)["BALANCE"].getFeatures())
    assert not [row for row in rows if row["sector"] == "planung" and row["mwh"]]
    assert "Planungsvariante 1 weist keiner Fläche eine Nutzung zu" in feedback.textLog()
    with pytest.raises(QgsProcessingException, match="keine Variante 4; vorhanden: 1–3"):
        run(ALLOCATION=allocation, ALTERNATIVE=4)


def test_the_rooftop_potential_of_wip_rooftoppv(wip_processing):
    """The municipality's row of the totals of wip:rooftoppv: what is left after the roofs' plants today is built
    along the path; a table without the municipality's row is refused by name."""
    totals = processing.run("wip:rooftoppv", {
        "BUILDINGS": f"{DEMO_GPKG}|layername=synth_gebaeude", "MUNICIPALITIES": MUNICIPALITY,
        "BUILDINGS_OUTPUT": "memory:", "TOTALS": "memory:"})["TOTALS"]
    row = next(f for f in totals.getFeatures() if f["municipality"] == "15084235")
    balance = run(ROOFTOP=totals)["BALANCE"]
    path = {f["year"]: f["mwh"] for f in balance.getFeatures() if f["sector"] == "dach"}
    assert path[2030] == pytest.approx(row["remaining_gwh_a"] * 1000 * 0.06)
    assert path[2045] == pytest.approx(row["remaining_gwh_a"] * 1000 * 0.2)
    other = table("&field=municipality:string&field=gwh_a:double", [{"municipality": "15084999", "gwh_a": 1.0},
                                                                     {"municipality": "15084111", "gwh_a": 2.0}])
    with pytest.raises(QgsProcessingException, match="keine Zeile für den Gemeindeschlüssel 15084235"):
        run(ROOFTOP=other)


def test_consumption_and_factor_tables(wip_processing):
    consumption = table("&field=sector:string&field=carrier:string&field=mwh:double",
                        [{"sector": "industrie", "carrier": "strom", "mwh": 5000.0}])
    factors = table("&field=carrier:string&field=g_kwh:double&field=year:integer",
                    [{"carrier": "strom", "g_kwh": 363.0, "year": 2024}])
    rows = list(run(CONSUMPTION=consumption, FACTORS=factors)["BALANCE"].getFeatures())
    industry = [row for row in rows if row["sector"] == "industrie" and row["carrier"] == "strom"]
    assert all(row["mwh"] == 5000.0 for row in industry)
    assert {row["factor_g_kwh"] for row in rows if row["carrier"] == "strom" and row["year"] == 2024} == {363.0}
    bad = table("&field=sector:string&field=carrier:string&field=mwh:double",
                [{"sector": "luftfahrt", "carrier": "kerosin", "mwh": 1.0}])
    with pytest.raises(QgsProcessingException, match="luftfahrt"):
        run(CONSUMPTION=bad)
    with pytest.raises(QgsProcessingException, match="mwh"):
        run(CONSUMPTION=table("&field=sector:string&field=carrier:string", [{"sector": "industrie",
                                                                            "carrier": "strom"}]))


def test_transport_from_own_figures_or_left_out_and_an_own_population_path(wip_processing):
    own = table("&field=sector:string&field=carrier:string&field=mwh:double",
                [{"sector": "verkehr", "carrier": "diesel", "mwh": 30000.0}])
    result = run(CONSUMPTION=own)
    transport = [row for row in result["BALANCE"].getFeatures() if row["sector"] == "verkehr" and row["year"] == 2024]
    assert {(row["carrier"], row["mwh"]) for row in transport} == {("diesel", 30000.0)}
    assert next(result["INDICATORS"].getFeatures())["transport"] == "own"
    feedback = QgsProcessingFeedback()
    population = table("&field=year:integer&field=inhabitants:double", [{"year": 2024, "inhabitants": 9000.0},
                                                                        {"year": 2045, "inhabitants": 9000.0}])
    without = run(TRANSPORT=2, POPULATION=population, feedback=feedback)
    assert not [row for row in without["BALANCE"].getFeatures() if row["sector"] == "verkehr"]
    indicators = list(without["INDICATORS"].getFeatures())
    assert {row["transport"] for row in indicators} == {"none"}
    assert {row["population"] for row in indicators} == {9000.0}
    assert "Alle Summen ohne Verkehr." in feedback.textLog()


def test_the_statistics_row_must_be_found(wip_processing):
    with pytest.raises(QgsProcessingException, match="99999999"):
        run(AGS="99999999")
    two = table("&field=ags:string&field=population.total:double",
                [{"ags": "1", "population.total": 10.0}, {"ags": "2", "population.total": 20.0}])
    with pytest.raises(QgsProcessingException, match="2 Zeilen"):
        processing.run("wip:energybalance", {"STATISTICS": two, "BALANCE": "memory:", "INDICATORS": "memory:",
                                             "ASSUMPTIONS": "memory:"})


def test_batch_rows_run_independently(wip_processing):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("wip:energybalance")
    totals = []
    for year in (2024, 2020, 2024):
        context = QgsProcessingContext()
        results, ok = algorithm.run({"STATISTICS": STATISTICS, "MUNICIPALITY": MUNICIPALITY, "BASE_YEAR": year,
                                     "BALANCE": "memory:", "INDICATORS": "memory:", "ASSUMPTIONS": "memory:"},
                                    context, QgsProcessingFeedback())
        assert ok
        totals.append(results["CO2_BASE_T"])
    assert totals[0] == pytest.approx(totals[2])
    assert len(list(context.getMapLayer(results["INDICATORS"]).getFeatures())) == 5


def test_heat_demand_then_balance_as_a_saved_model(wip_processing, tmp_path):
    model = QgsProcessingModelAlgorithm("Bilanz im Modell", "Test")
    for name in ("gebaeude", "statistik", "gemeinde"):
        model.addModelParameter(QgsProcessingParameterFeatureSource(name, name), QgsProcessingModelParameter(name))
    parameter = QgsProcessingModelChildParameterSource.fromModelParameter
    demand = QgsProcessingModelChildAlgorithm("wip:heatdemand")
    demand.setChildId("bedarf")
    demand.addParameterSources("BUILDINGS", [parameter("gebaeude")])
    model.addChildAlgorithm(demand)
    balance = QgsProcessingModelChildAlgorithm("wip:energybalance")
    balance.setChildId("bilanz")
    balance.addParameterSources("STATISTICS", [parameter("statistik")])
    balance.addParameterSources("MUNICIPALITY", [parameter("gemeinde")])
    balance.addParameterSources("HEAT_BUILDINGS", [QgsProcessingModelChildParameterSource.fromChildOutput(
        "bedarf", "OUTPUT")])
    output = QgsProcessingModelOutput("kennzahlen")
    output.setChildOutputName("INDICATORS")
    balance.setModelOutputs({"kennzahlen": output})
    model.addChildAlgorithm(balance)
    model_file = tmp_path / "bilanz.model3"
    assert model.toFile(str(model_file))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(model_file))
    context = QgsProcessingContext()
    results, ok = loaded.run({
        "gebaeude": QgsVectorLayer(f"{DEMO_GPKG}|layername=synth_gebaeude", "gebaeude", "ogr"),
        "statistik": QgsVectorLayer(STATISTICS, "statistik", "ogr"),
        "gemeinde": QgsVectorLayer(MUNICIPALITY, "gemeinde", "ogr"), "bilanz:kennzahlen": "memory:"}, context,
        QgsProcessingFeedback())
    assert ok, results
    rows = list(context.getMapLayer(results["bilanz:kennzahlen"]).getFeatures())
    assert len(rows) == 5 and rows[-1]["renewable_share_pct"] > rows[0]["renewable_share_pct"]
