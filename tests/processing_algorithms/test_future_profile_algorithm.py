"""wip:futureprofile through Processing: the report of the demo municipality from memory tables, with maps rendered
from styled copies (the inputs unchanged), an A4 PDF, English on request and bad input refused without leftovers."""

import base64
import math
import os
import re
import uuid
from pathlib import Path

import processing
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFillSymbol,
    QgsMapSettings,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage

from tests.processing_algorithms.conftest import RecordingFeedback, memory_layer, square
from wip_qgis_plugin.core import i18n
from wip_qgis_plugin.core.i18n import tr
from wip_qgis_plugin.core.report import ASSUMPTION_FIELDS, BALANCE_FIELDS, INDICATOR_FIELDS
from wip_qgis_plugin.processing_algorithms import future_profile
from wip_qgis_plugin.qgis_io import maps as report_maps
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

YEARS = (2023, 2030, 2045)
# a part of Hohenmölsen (EPSG:25832), where the demo municipality lies
X0, Y0 = 700000.0, 5664000.0


def table(name: str, rows: list[dict], types: dict) -> QgsVectorLayer:
    layer = QgsVectorLayer("None?" + "&".join(f"field={field}:{kind}" for field, kind in types.items()), name,
                           "memory")
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        for key, value in row.items():
            feature[key] = value
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def balance_table(rows=None, fields=BALANCE_FIELDS):
    if rows is None:
        rows = []
        for step, year in enumerate(YEARS):
            for sector, carrier, mwh, factor in (("haushalte", "erdgas", 40000.0, 240.0),
                                                 ("gewerbe", "strom", 12000.0, 560.0)):
                mwh = mwh * (1 - 0.3 * step)
                rows.append({"year": year, "kind": "demand", "sector": sector, "carrier": carrier, "mwh": mwh,
                             "co2_t": mwh * factor / 1000, "factor_g_kwh": factor, "source": "Klimaschutz-Planer"})
            rows.append({"year": year, "kind": "generation", "sector": "bestand", "carrier": "wind",
                         "mwh": 61000.0, "co2_t": 0.0, "factor_g_kwh": 0.0, "source": "MaStR"})
    types = {"year": "integer", "mwh": "double", "co2_t": "double", "factor_g_kwh": "double"}
    return table("balance", [{k: v for k, v in row.items() if k in fields} for row in rows],
                 {field: types.get(field, "string") for field in fields})


def indicators_table():
    rows = [{"year": year, "population": 9500 - 100 * step, "demand_mwh": 52000.0 * (1 - 0.3 * step),
             "electricity_mwh": 12000.0, "heat_mwh": 40000.0, "generation_mwh": 61000.0,
             "self_sufficiency_electricity_pct": 508.0, "self_sufficiency_heat_pct": 7.0 + 30 * step,
             "renewable_share_pct": 21.0 + 35 * step, "co2_t": 16320.0 * (1 - 0.45 * step),
             "co2_t_per_capita": 16320.0 * (1 - 0.45 * step) / (9500 - 100 * step),
             "gap_to_neutrality_t": 16320.0 * (1 - 0.45 * step)} for step, year in enumerate(YEARS)]
    return table("indicators", rows, {field: "integer" if field in ("year", "population") else "double"
                                      for field in INDICATOR_FIELDS})


def assumptions_table(topic="Emissionsfaktor Erdgas"):
    rows = [{"topic": topic, "value": "240", "unit": "g CO₂e/kWh", "legal_basis": "GEG Anlage 9",
             "source": "GEG 2024", "status": "checked"},
            {"topic": "Sanierungsrate", "value": "2", "unit": "%/a", "legal_basis": None, "source": "Annahme",
             "status": "unchecked"}]
    return table("assumptions", rows, {field: "string" for field in ASSUMPTION_FIELDS})


def alternative_indicators():
    rows = [{"alternative": 1, "name": "maximale Eignung", "ha_wind": 60.0, "ha_pv": 9.0, "gwh_total": 64.2,
             "co2_t_a": 55200.0, "prime_ha": 1.5, "mean_score": 70.0, "wind_share_pct": 1.9, "targets_missed": 0},
            {"alternative": 2, "name": "flächensparend", "ha_wind": 36.0, "ha_pv": 9.0, "gwh_total": 40.3,
             "co2_t_a": 34658.0, "prime_ha": 0.0, "mean_score": 64.0, "wind_share_pct": 1.2, "targets_missed": 1}]
    types = {"alternative": "integer", "name": "string", "targets_missed": "integer"}
    return table("alternative_indicators", rows, {field: types.get(field, "double") for field in rows[0]})


MUNICIPALITY = f"{DEMO_GPKG}|layername=real_gemeinde"


def gemeinde() -> QgsVectorLayer:
    layer = QgsVectorLayer(MUNICIPALITY, "real_gemeinde", "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture
def maps():
    """Eligible land, scored sites, two alternatives, heat suitability and turbines inside Hohenmölsen."""
    centre = gemeinde().extent().center()
    x, y = centre.x() - 1500, centre.y() - 1000
    eligible = memory_layer("flaechenkulisse_wind", "Polygon", [{"wkt": square(x, y, 1200)}])
    sites = memory_layer("standorte", "Polygon", [{"wkt": square(x, y, 600), "score": 85.0},
                                                  {"wkt": square(x + 600, y, 600), "score": 35.0}],
                         fields="&field=score:double")
    allocation = memory_layer("zuweisung", "Polygon", [
        {"wkt": square(x, y, 600), "alternative": 1, "use": "wind", "ha": 36.0, "gwh_a": 20.0},
        {"wkt": square(x + 600, y, 600), "alternative": 1, "use": "pv", "ha": 36.0, "gwh_a": 36.0},
        {"wkt": square(x, y + 600, 600), "alternative": 2, "use": "wind", "ha": 36.0, "gwh_a": 20.0}],
        fields="&field=alternative:integer&field=use:string&field=ha:double&field=gwh_a:double")
    heat = memory_layer("waermenetzeignung", "Polygon", [
        {"wkt": square(x + 1500, y + 1500, 400), "level": 1}, {"wkt": square(x + 2000, y + 1500, 400), "level": 4}],
        fields="&field=level:integer")
    # in alternative 1's wind unit, on its edge with the PV unit, in alternative 1's PV unit, in alternative 2's
    # wind unit
    turbines = memory_layer("anlagen", "Point", [{"wkt": f"POINT({px} {py})"} for px, py in (
        (x + 300, y + 300), (x + 600, y + 450), (x + 900, y + 300), (x + 300, y + 900))])
    return {"ELIGIBLE": [eligible], "SITES": sites, "ALLOCATION": allocation,
            "ALTERNATIVE_INDICATORS": alternative_indicators(), "HEAT_SUITABILITY": heat, "TURBINES": turbines}


def run(tmp_path, pdf=True, **extra):
    # the municipality by its source, not as a layer object: a refused run's exception keeps the call's arguments
    # until the process ends, and an OGR layer still alive after QGIS has shut down crashes it
    parameters = {"MUNICIPALITY": MUNICIPALITY, "BALANCE": balance_table(), "INDICATORS": indicators_table(),
                  "ASSUMPTIONS": assumptions_table(), "OUTPUT_HTML": str(tmp_path / "profil.html")}
    if pdf:
        parameters["OUTPUT_PDF"] = str(tmp_path / "profil.pdf")
    parameters.update(extra)
    return processing.run("wip:futureprofile", parameters)


def embedded_image(html: str, name: str) -> QImage:
    match = re.search(rf'<img id="{name}" src="data:image/png;base64,([^"]+)"', html)
    assert match, f"{name} is not embedded"
    image = QImage()
    assert image.loadFromData(base64.b64decode(match.group(1)), "PNG")
    return image


def colours(image: QImage) -> set:
    step = max(1, image.width() // 200)
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))


def test_full_report(wip_processing, tmp_path, maps):
    result = run(tmp_path, ALTERNATIVE=2, MUNICIPALITY=gemeinde(), **maps)
    html_path, pdf_path = tmp_path / "profil.html", tmp_path / "profil.pdf"
    assert uuid.UUID(result.pop("RUN_ID"))  # the run's row in a run register
    assert result == {"OUTPUT_HTML": str(html_path), "OUTPUT_PDF": str(pdf_path)}
    html = html_path.read_text(encoding="utf-8")
    headings = ["Zukunftsprofil Hohenmölsen", "Das Wichtigste in Kürze", "1 Energie- und Treibhausgasbilanz",
                "Kennzahlen je Jahr", "Bilanz des Basisjahres 2023", "2 Karten",
                "Flächenkulisse für erneuerbare Energien", "Beste Standorte nach Eignung",
                "Gewählte Planungsvariante", "Eignung für Wärmenetze (§ 19 WPG)", "3 Planungsvarianten im Vergleich",
                "5 Annahmen, Quellen und Daten"]
    positions = [html.index(f">{heading}</h") for heading in headings]
    assert positions == sorted(positions)
    report, appendix = html.split('id="register"')
    assert "Keine " not in report  # every optional input was given (a criterion may be named "Keine …")
    assert "Anhang: Vorgaben des Plugins" in html and "Climate Change 13/2025" in appendix
    # the figures of the tables
    assert "Im Jahr 2023 verursachte Hohenmölsen 16.320 t Treibhausgase" in html
    assert ">9.600</td>" in html and ">52.000</td>" in html and ">61.000</td>" in html
    assert "★ 2: flächensparend" in html and ">40,3</td>" in html
    assert "weist 1,20 % der Gemeindefläche für Windenergie aus" in html
    assert "geprüft" in html and "ungeprüfter Standardwert" in html
    assert "© GeoBasis-DE / BKG (2016), dl-de/by-2-0" in html
    assert "Die Planungsdaten der Demogemeinde" in html  # the municipality of the demo GeoPackage
    # one self-contained file: every image embedded, none blank
    assert 'src="data:image/png;base64,' in html and not re.search(r'src="(?!data:)', html)
    for name in ("chart_balance", "chart_alternatives", "map_eligible", "map_sites", "map_alternative",
                 "map_heat"):
        image = embedded_image(html, name)
        assert image.width() > 500 and len(colours(image)) > 1, name
    sites_map = embedded_image(html, "map_sites")
    assert len(colours(sites_map)) > 3  # white, the outline and two score classes
    assert "Legende" in html and "Windenergie" in html and "1 sehr wahrscheinlich geeignet" in html
    assert "Variante 2: flächensparend." in html
    assert "Karten im Koordinatenbezugssystem ETRS89 / UTM zone 32N (EPSG:25832)." in html
    # plain words only: no names of the input layers (but the eligible land's: a layer without a catalog has no
    # better one), fields or algorithms
    for name in ("real_gemeinde", "standorte", "zuweisung", "waermenetzeignung", "anlagen", "Feld score", "wip:",
                 "Parameter", "synth_"):
        assert not re.search(rf"\b{name}", visible_text(html)), name
    # the PDF
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF") and pdf_pages(pdf_path) >= 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["profil.html", "profil.pdf"]  # no leftovers


def visible_text(html: str) -> str:
    """The text a reader sees: tags removed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def html_of(tmp_path) -> str:
    return (tmp_path / "profil.html").read_text(encoding="utf-8")


def has_colour(image: QImage, rgb: tuple, tolerance: int = 10) -> bool:
    return any(all(abs(channel - wanted) <= tolerance for channel, wanted in
                   zip(((pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF), rgb)) for pixel in colours(image))


def test_only_the_chosen_alternative_is_drawn(wip_processing, tmp_path, maps, monkeypatch):
    """Alternative 1 has a PV unit, alternative 2 none (drawn in the report's own colours, whatever the style)."""
    from wip_qgis_plugin.qgis_io import project

    monkeypatch.setattr(project, "STYLES_DIR", tmp_path / "keine_stile")
    pv = (240, 163, 10)  # USE_COLOURS["pv"]
    run(tmp_path, pdf=False, ALTERNATIVE=1, **maps)
    assert has_colour(embedded_image(html_of(tmp_path), "map_alternative"), pv)
    legend = re.search(r'id="map-alternative".*?<p class="legend">(.*?)</p>', html_of(tmp_path), re.S).group(1)
    assert "Windenergie" in legend and "Freiflächen-PV" in legend and "Wohnen" not in legend
    run(tmp_path, pdf=False, ALTERNATIVE=2, **maps)
    assert not has_colour(embedded_image(html_of(tmp_path), "map_alternative"), pv)
    legend = re.search(r'id="map-alternative".*?<p class="legend">(.*?)</p>', html_of(tmp_path), re.S).group(1)
    assert "Windenergie" in legend and "Freiflächen-PV" not in legend  # only the uses drawn


def test_without_the_plugin_styles_the_maps_fall_back(wip_processing, tmp_path, maps, monkeypatch):
    """A style file that is missing (e.g. not yet shipped): categories on use and level, a dark outline."""
    from wip_qgis_plugin.qgis_io import project

    monkeypatch.setattr(project, "STYLES_DIR", tmp_path / "keine_stile")
    run(tmp_path, pdf=False, ALTERNATIVE=1, **maps)
    html = (tmp_path / "profil.html").read_text("utf-8")
    assert has_colour(embedded_image(html, "map_alternative"), (240, 163, 10))  # PV, opaque
    assert has_colour(embedded_image(html, "map_heat"), (26, 150, 65))  # level 1
    assert "1 sehr wahrscheinlich geeignet" in html and "Freiflächen-PV" in html


def test_inputs_unchanged(wip_processing, tmp_path, maps):
    allocation = maps["ALLOCATION"]
    allocation.setSubsetString('"alternative" >= 1')
    allocation.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "12,34,56"})))
    sites, heat = maps["SITES"], maps["HEAT_SUITABILITY"]
    before = {layer.id(): (layer.renderer().type(), layer.renderer().symbol().color().name(),
                           layer.subsetString(), layer.featureCount())
              for layer in (allocation, sites, heat, maps["ELIGIBLE"][0])}
    run(tmp_path, pdf=False, ALTERNATIVE=2, **maps)
    after = {layer.id(): (layer.renderer().type(), layer.renderer().symbol().color().name(),
                          layer.subsetString(), layer.featureCount())
             for layer in (allocation, sites, heat, maps["ELIGIBLE"][0])}
    assert after == before
    assert before[allocation.id()] == ("singleSymbol", "#0c2238", '"alternative" >= 1', 3)
    assert sites.fields().names() == ["score"]


def test_missing_optional_inputs(wip_processing, tmp_path):
    result = run(tmp_path, pdf=False)
    assert result["OUTPUT_PDF"] is None and not (tmp_path / "profil.pdf").exists()
    html = (tmp_path / "profil.html").read_text(encoding="utf-8")
    for line in ("Keine Flächenkulisse angegeben", "Keine Standortbewertung angegeben",
                 "Keine Planungsvariante angegeben", "Keine Eignung für Wärmenetze angegeben",
                 "Keine Planungsvarianten angegeben"):
        assert line in html
    assert 'id="map_' not in html
    assert len(colours(embedded_image(html, "chart_balance"))) > 2


def test_invalid_geometries_are_drawn_not_refused(wip_processing, tmp_path):
    """A self-intersecting municipality and site (a bow tie): the report draws them, its area is the valid one."""
    centre = gemeinde().extent().center()
    x, y = centre.x(), centre.y()
    bow_tie = f"POLYGON(({x} {y}, {x + 1000} {y + 1000}, {x + 1000} {y}, {x} {y + 1000}, {x} {y}))"
    municipality = memory_layer("gemeinde", "Polygon", [{"wkt": bow_tie, "GEN": "Schleife"}],
                                fields="&field=GEN:string")
    sites = memory_layer("standorte", "Polygon", [{"wkt": bow_tie, "score": 90.0}], fields="&field=score:double")
    allocation = memory_layer("zuweisung", "Polygon", [{"wkt": bow_tie, "alternative": 1, "use": "wind",
                                                        "ha": 5.0, "gwh_a": 10.0}],
                              fields="&field=alternative:integer&field=use:string&field=ha:double&field=gwh_a:double")
    run(tmp_path, pdf=False, MUNICIPALITY=municipality, SITES=sites, ALLOCATION=allocation)
    html = html_of(tmp_path)
    assert "Zukunftsprofil Schleife" in html
    assert len(colours(embedded_image(html, "map_sites"))) > 2
    assert "weist 10,00 % der Gemeindefläche für Windenergie aus" in html  # 5 ha of the two 25 ha triangles


def test_alternatives_from_the_allocation_alone(wip_processing, tmp_path, maps):
    run(tmp_path, pdf=False, ALLOCATION=maps["ALLOCATION"], ALTERNATIVE=1)
    html = (tmp_path / "profil.html").read_text(encoding="utf-8")
    table = html[html.index('id="alternatives-table"'):]
    assert "★ 1: Variante 1" in table and ">56,0</td>" in table  # 20 + 36 GWh/a
    assert "Keine Planungsvarianten angegeben" not in html


def test_english_on_request(wip_processing, tmp_path):
    assert tr("Planungsassistent") == "Planungsassistent"  # QGIS runs in German
    run(tmp_path, LANGUAGE=1)
    html = (tmp_path / "profil.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    # strings the English translation already has
    assert "Municipality" in html and "verified" in html and "unverified default value" in html
    assert "ungeprüfter Standardwert" not in html and ">Gemeinde<" not in html
    assert ">16,320</td>" in html  # English numbers
    assert tr("Planungsassistent") == "Planungsassistent"  # and German again afterwards
    assert (tmp_path / "profil.pdf").read_bytes().startswith(b"%PDF")


def test_the_previous_translator_comes_back_after_an_error(wip_processing, tmp_path):
    previous = i18n.current_translator()
    i18n.set_translator(lambda text: f"[{text}]", "xx")
    try:
        with pytest.raises(QgsProcessingException):
            run(tmp_path, LANGUAGE=1, BALANCE=balance_table(rows=[]))
        assert tr("Gemeinde") == "[Gemeinde]" and i18n.current_translator()[1] == "xx"
    finally:
        i18n.set_translator(*previous)


def test_refusals_speak_the_session_language_whatever_the_report_language(wip_processing, tmp_path):
    """In a session in another language a German report's refusal comes in that language, not in German."""
    previous = i18n.current_translator()
    i18n.set_translator(lambda text: f"[{text}]", "xx")
    try:
        with pytest.raises(QgsProcessingException, match=r"\[Die Bilanztabelle \(BALANCE\) ist leer"):
            run(tmp_path, LANGUAGE=0, BALANCE=balance_table(rows=[]))
    finally:
        i18n.set_translator(*previous)


# -- bad input -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("parameters, message", [
    (lambda: {"BALANCE": balance_table(fields=[f for f in BALANCE_FIELDS if f != "co2_t"])},
     "Der Tabelle BALANCE fehlt das Feld „co2_t“"),
    (lambda: {"BALANCE": balance_table(rows=[])}, "Die Bilanztabelle \\(BALANCE\\) ist leer"),
    (lambda: {"ALTERNATIVE": 7}, "Die Planungsvariante 7 gibt es nicht; vorhanden: 1–2"),
    (lambda: {"ASSUMPTIONS": indicators_table()}, "Der Tabelle ASSUMPTIONS fehlen die Felder „topic“"),
    (lambda: {"MUNICIPALITY": memory_layer("gemeinde", "Polygon", [{"wkt": ""}])},
     "Die Gemeindeebene hat keine Geometrie, die sich zeichnen lässt"),
], ids=["missing field", "empty balance", "no such alternative", "wrong table", "municipality without geometry"])
def test_bad_input_is_refused_without_leftovers(wip_processing, tmp_path, maps, parameters, message):
    with pytest.raises(QgsProcessingException, match=message):
        run(tmp_path, **dict(maps, **parameters()))
    assert list(tmp_path.iterdir()) == []


def test_a_sites_layer_without_score(wip_processing, tmp_path, maps):
    with pytest.raises(QgsProcessingException, match="Der Ebene SITES .* fehlt das Feld „score“"):
        run(tmp_path, SITES=maps["HEAT_SUITABILITY"])
    assert list(tmp_path.iterdir()) == []


def test_a_table_with_a_bad_number(wip_processing, tmp_path):
    bad = table("indicators", [{"year": "zwanzig"}], {field: "string" for field in INDICATOR_FIELDS})
    with pytest.raises(QgsProcessingException, match="Tabelle INDICATORS, Zeile 1, Feld „year“: „zwanzig“"):
        run(tmp_path, INDICATORS=bad)
    assert list(tmp_path.iterdir()) == []


def test_an_output_folder_that_does_not_exist(wip_processing, tmp_path):
    with pytest.raises(QgsProcessingException, match="existiert nicht"):
        run(tmp_path, OUTPUT_HTML=str(tmp_path / "fehlt" / "profil.html"))
    assert list(tmp_path.iterdir()) == []


def test_an_output_folder_that_cannot_be_written(wip_processing, tmp_path):
    """Refused before any work where the file system says so; as root (who passes that check) the report is built
    and cannot be moved into place: the HTML already moved is taken back."""
    folder = tmp_path / "schreibgeschuetzt"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # root may write anyway; sysfs refuses everyone
            folder = Path("/sys")
        with pytest.raises(QgsProcessingException, match="(kann|konnte) nicht geschrieben werden"):
            run(tmp_path, OUTPUT_PDF=str(folder / "profil.pdf"))
        assert list(tmp_path.iterdir()) == [tmp_path / "schreibgeschuetzt"]
        assert not (Path("/sys") / "profil.pdf").exists()
    finally:
        (tmp_path / "schreibgeschuetzt").chmod(0o700)


def test_eligible_layers_of_the_same_name_are_told_apart_by_their_catalog(wip_processing, tmp_path):
    """Wind and PV results both called „Geeignete Flächen“: the legend names each by the catalog that made it."""
    from wip_qgis_plugin.core.catalog import shipped_catalog_title

    eligible = []
    for number, catalog in enumerate(("lsa_wind", "lsa_pv_freiflaeche")):
        layer = memory_layer("Geeignete Flächen", "Polygon", [{"wkt": square(X0 + 1500 * number, Y0, 1200),
                                                               "catalog": shipped_catalog_title(catalog)}],
                             fields="&field=catalog:string")
        eligible.append(layer)
    run(tmp_path, ELIGIBLE=eligible)
    html = (tmp_path / "profil.html").read_text(encoding="utf-8")
    assert "Geeignete Flächen – Windenergie an Land" in html
    assert "Geeignete Flächen – Freiflächen-Photovoltaik" in html


# -- the turbines on the maps ---------------------------------------------------------------------------------------

@pytest.fixture
def drawn_maps(monkeypatch):
    """Per map rendered: its layers' names with their feature counts, bottom first."""
    calls = []

    def render_and_record(layers, *args, **kwargs):
        calls.append({layer.name(): layer.featureCount() for layer in layers})
        return report_maps.render_map(layers, *args, **kwargs)

    monkeypatch.setattr(future_profile, "render_map", render_and_record)
    return calls


def in_crs(layer: QgsVectorLayer, crs: str) -> QgsVectorLayer:
    """A point layer's features reprojected into a memory layer in ``crs``."""
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    return memory_layer(layer.name(), "Point", [
        {"wkt": f"POINT({point.x()!r} {point.y()!r})"} for point in
        (transform.transform(feature.geometry().asPoint()) for feature in layer.getFeatures())], crs=crs)


@pytest.mark.parametrize("turbine_crs", ["EPSG:25832", "EPSG:4326"])
@pytest.mark.parametrize("alternative, inside", [(1, 2), (2, 1)])
def test_the_variant_map_shows_only_the_turbines_in_its_wind_units(wip_processing, tmp_path, maps, drawn_maps,
                                                                   turbine_crs, alternative, inside):
    """Of the four turbines of the Ertrag step, alternative 1's wind unit holds one inside and one on its edge, that
    of alternative 2 one; the one in alternative 1's PV unit belongs to neither. The other maps show no turbines."""
    turbines = in_crs(maps["TURBINES"], turbine_crs)
    run(tmp_path, pdf=False, ALTERNATIVE=alternative, **dict(maps, TURBINES=turbines))
    variant = next(layers for layers in drawn_maps if f"Variante {alternative}" in layers)
    assert variant["Windenergieanlagen"] == inside
    assert sum("Windenergieanlagen" in layers for layers in drawn_maps) == 1
    assert f"Windenergieanlagen in den Windflächen dieser Variante: {inside} von 4 aus der Ertragsberechnung." \
        in html_of(tmp_path)


def test_a_variant_without_turbines_in_its_wind_units_draws_none(wip_processing, tmp_path, maps, drawn_maps):
    elsewhere = memory_layer("anlagen", "Point", [{"wkt": f"POINT({X0} {Y0})"}])
    run(tmp_path, pdf=False, ALTERNATIVE=1, **dict(maps, TURBINES=elsewhere))
    assert all("Windenergieanlagen" not in layers for layers in drawn_maps)
    assert "Windenergieanlagen in den Windflächen dieser Variante: 0 von 1 aus der Ertragsberechnung." \
        in html_of(tmp_path)


def test_without_an_allocation_all_turbines_are_shown_and_the_caption_says_so(wip_processing, tmp_path, maps,
                                                                              drawn_maps):
    run(tmp_path, pdf=False, SITES=maps["SITES"], TURBINES=maps["TURBINES"])
    (sites_map,) = drawn_maps
    assert sites_map["Windenergieanlagen"] == 4
    html = html_of(tmp_path)
    assert "Windenergieanlagen: alle 4 aus der Ertragsberechnung, nicht nach einer Planungsvariante ausgewählt " \
           "(keine angegeben)." in html
    assert "Keine Planungsvariante angegeben." in html


# -- scale bar and north arrow --------------------------------------------------------------------------------------

def test_the_scale_bar_has_a_round_length_of_at_most_a_quarter_of_the_map(german):
    assert report_maps.scale_bar_length(10.0, 1400) == 2000  # 3.5 km at most
    assert report_maps.scale_bar_length(1.0, 1400) == 200  # 350 m
    assert report_maps.scale_bar_length(4.0, 1000) == 1000  # exactly a quarter
    assert report_maps.scale_bar_length(20.0, 1400) == 5000  # 7 km
    assert report_maps.scale_bar_length(30.0, 1400) == 10000  # 10.5 km
    assert report_maps.scale_bar_ticks(2000) == (["0", "1", "2"], "km")
    assert report_maps.scale_bar_ticks(1000) == (["0", "0,5", "1"], "km")
    assert report_maps.scale_bar_ticks(500) == (["0", "100", "200", "300", "400", "500"], "m")


def map_settings(crs: str, extent: QgsRectangle) -> QgsMapSettings:
    settings = QgsMapSettings()
    settings.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    settings.setTransformContext(QgsProject.instance().transformContext())
    settings.setOutputSize(QSize(1400, 1000))
    settings.setExtent(extent)
    return settings


def test_the_scale_is_measured_in_metres_in_a_projected_and_a_geographic_crs(wip_processing):
    projected = map_settings("EPSG:25832", QgsRectangle(X0, Y0, X0 + 14000, Y0 + 10000))
    assert report_maps.metres_per_pixel(projected) == pytest.approx(10.0, rel=2e-3)  # ground, not grid distance
    geographic = map_settings("EPSG:4326", QgsRectangle(12.0, 51.0, 12.2, 51.143))
    across = 0.2 * 111_320 * math.cos(math.radians(51.07))  # metres of 0.2° of longitude at 51° N
    assert report_maps.metres_per_pixel(geographic) == pytest.approx(across / 1400, rel=1e-2)


def dark_pixels(image: QImage, left: float, top: float, right: float, bottom: float) -> list[tuple[int, int]]:
    """The dark pixels in a part of ``image`` given in fractions of its width and height."""
    return [(x, y) for x in range(int(left * image.width()), int(right * image.width()))
            for y in range(int(top * image.height()), int(bottom * image.height()))
            if QColor(image.pixel(x, y)).lightness() < 80]


def test_every_map_shows_a_scale_bar_and_a_north_arrow(wip_processing):
    """An empty map of 14 km × 10 km: a bar of 2 km (200 px) in the lower left, an arrow in the upper right, nothing
    in between."""
    image = report_maps.render_map([], QgsRectangle(X0, Y0, X0 + 14000, Y0 + 10000),
                                   QgsCoordinateReferenceSystem("EPSG:25832"),
                                   QgsProject.instance().transformContext())
    assert image.size() == QSize(1400, 1000)
    bar = dark_pixels(image, 0, 0.85, 0.35, 1)
    rows = {}
    for x, y in bar:
        rows.setdefault(y, []).append(x)
    longest = max(rows.values(), key=len)  # a row through the bar's black part
    assert max(longest) - min(longest) == pytest.approx(200, abs=4)
    assert len(dark_pixels(image, 0.85, 0, 1, 0.2)) > 300  # the arrow and its N
    assert dark_pixels(image, 0.35, 0.2, 0.85, 0.8) == []


def test_the_municipality_is_compared_with_similar_ones_by_its_key(wip_processing, tmp_path):
    """Hohenmölsen's layer has its AGS: the balance chapter compares it with the five most similar municipalities;
    a layer without a key gets the report without the comparison and a message saying why."""
    run(tmp_path, pdf=False)
    html = visible_text((tmp_path / "profil.html").read_text(encoding="utf-8"))
    assert "Vergleich mit ähnlichen Gemeinden" in html and "Hohenmölsen" in html
    assert html.count("Platz") == 2
    nameless = memory_layer("gemeinde", "Polygon", [{"wkt": square(700_000, 5_670_000, 3000)}])
    feedback = RecordingFeedback()
    processing.run("wip:futureprofile", {
        "MUNICIPALITY": nameless, "BALANCE": balance_table(), "INDICATORS": indicators_table(),
        "ASSUMPTIONS": assumptions_table(), "OUTPUT_HTML": str(tmp_path / "ohne.html")}, feedback=feedback)
    assert "Vergleich mit ähnlichen Gemeinden" not in (tmp_path / "ohne.html").read_text(encoding="utf-8")
    assert any("Gemeindeschlüssel" in message for message in feedback.messages)


def test_the_robustness_over_criteria_variants_gets_its_map(wip_processing, tmp_path):
    centre = gemeinde().extent().center()
    robust = memory_layer("robustheit", "Polygon", [
        {"wkt": square(centre.x() - 1000, centre.y(), 600), "kept": 3, "kept_pct": 100.0,
         "variants": "Katalog wie eingestellt, Siedlung 800 m, ohne Wald"},
        {"wkt": square(centre.x(), centre.y(), 600), "kept": 1, "kept_pct": 33.3, "variants": "ohne Wald"}],
        fields="&field=kept:integer&field=kept_pct:double&field=variants:string")
    run(tmp_path, pdf=False, ROBUSTNESS=robust)
    html = (tmp_path / "profil.html").read_text(encoding="utf-8")
    assert 'id="map_robustness"' in html
    assert "Varianten: Katalog wie eingestellt, Siedlung 800 m, ohne Wald." in visible_text(html)
    assert len(colours(embedded_image(html, "map_robustness"))) > 3
    run(tmp_path, pdf=False)  # without it the report does not name the map as missing
    assert "Robustheit" not in (tmp_path / "profil.html").read_text(encoding="utf-8")
    without_field = memory_layer("robustheit", "Polygon", [{"wkt": square(centre.x(), centre.y(), 600)}])
    with pytest.raises(QgsProcessingException, match="kept_pct"):
        run(tmp_path, pdf=False, ROBUSTNESS=without_field)
