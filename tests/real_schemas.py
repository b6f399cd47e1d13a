"""Small data sets in the real schemas of the data a planning office has (ALKIS, Basis-DLM, the Land's protected
areas, OpenStreetMap): real layer names, class names, codes, tags and field names, around a 1 km study square
near Hohenmölsen in ETRS89 / UTM 32N. Every feature lies at a known place, so that areas can be checked by hand:

    forest         100–300 × 100–300        nature reserve  600–800 × 600–800
    landscape area 600–800 × 100–300        compensation    100–200 × 600–700 (no criterion)
    dwelling       400–410 × 400–410        garage          850–860 × 400–410
    motorway       x = 500 (north–south)    minor road / power line  y = 950 (west–east)
"""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from tests.processing_algorithms.conftest import memory_layer, square

X0, Y0 = 700_000.0, 5_670_000.0
ALKIS_TABLES = ("ax_wald", "ax_naturumweltoderbodenschutzrecht", "ax_gebaeude")
DLM_LAYERS = ("veg02_f", "geb03_f", "ver01_l")
LAU_LAYERS = ("NSG_LSA", "Landschaftsschutzgebiete")


def at(x: float, y: float, size: float) -> str:
    """A square ``size`` metres wide at (x, y) metres from the study square's corner."""
    return square(X0 + x, Y0 + y, size)


def vertical(x: float) -> str:
    return f"LINESTRING({X0 + x} {Y0 - 100}, {X0 + x} {Y0 + 1100})"


def horizontal(y: float) -> str:
    return f"LINESTRING({X0 - 100} {Y0 + y}, {X0 + 1100} {Y0 + y})"


def study_area() -> QgsVectorLayer:
    return memory_layer("Gemeinde", "Polygon", [{"wkt": at(0, 0, 1000)}])


def write(layer: QgsVectorLayer, path, table: str | None = None, driver: str = "GPKG") -> None:
    """``layer`` into a file (as table ``table`` of a GeoPackage, added to those already there)."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    if table:
        options.layerName = table
        if path.exists():
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options)
    assert error == QgsVectorFileWriter.WriterError.NoError, message


def write_alkis(path) -> list[str]:
    """An ALKIS GeoPackage as the norGIS import or GDAL's NAS driver export it, one table per object type; returns
    the tables as sources (Processing opens them and closes them after the run: a file layer still open when QGIS
    exits crashes it)."""
    write(memory_layer("ax_wald", "Polygon", [{"wkt": at(100, 100, 200)}], fields="&field=gml_id:string"),
          path, "ax_wald")
    write(memory_layer("ax_naturumweltoderbodenschutzrecht", "Polygon", [
        {"wkt": at(600, 600, 200), "artderfestlegung": 1621},  # Naturschutzgebiet
        {"wkt": at(600, 100, 200), "artderfestlegung": 1623},  # Landschaftsschutzgebiet
        {"wkt": at(100, 600, 100), "artderfestlegung": 1656}],  # Ausgleichsfläche: no criterion
        fields="&field=gml_id:string&field=artderfestlegung:integer"), path, "ax_naturumweltoderbodenschutzrecht")
    write(memory_layer("ax_gebaeude", "Polygon", [
        {"wkt": at(400, 400, 10), "gebaeudefunktion": 1010, "anzahlderoberirdischengeschosse": 2, "baujahr": 1965},
        {"wkt": at(850, 400, 10), "gebaeudefunktion": 2463, "anzahlderoberirdischengeschosse": 1, "baujahr": 1990}],
        fields="&field=gml_id:string&field=gebaeudefunktion:integer&field=anzahlderoberirdischengeschosse:integer"
               "&field=baujahr:integer"), path, "ax_gebaeude")
    return [f"{path}|layername={table}" for table in ALKIS_TABLES]


def write_dlm(folder) -> list[str]:
    """Basis-DLM shapefiles per object-type group with OBJART, OBJART_TXT and the classification codes."""
    fields = "&field=OBJART:string&field=OBJART_TXT:string"
    layers = {
        "veg02_f": memory_layer("veg02_f", "Polygon", [
            {"wkt": at(100, 100, 200), "OBJART": "43002", "OBJART_TXT": "AX_Wald"},
            {"wkt": at(100, 600, 200), "OBJART": "43001", "OBJART_TXT": "AX_Landwirtschaft"}], fields=fields),
        "geb03_f": memory_layer("geb03_f", "Polygon", [
            {"wkt": at(600, 600, 200), "OBJART": "71006", "OBJART_TXT": "AX_NaturUmweltOderBodenschutzrecht",
             "ADF": "1621"}], fields=fields + "&field=ADF:string"),
        "ver01_l": memory_layer("ver01_l", "LineString", [
            {"wkt": vertical(500), "OBJART": "42003", "OBJART_TXT": "AX_Strassenachse", "WDM": "1301"},
            {"wkt": horizontal(950), "OBJART": "42003", "OBJART_TXT": "AX_Strassenachse", "WDM": "1307"}],
            fields=fields + "&field=WDM:string"),
    }
    for name, layer in layers.items():
        write(layer, folder / f"{name}.shp", driver="ESRI Shapefile")
    return [str(folder / f"{name}.shp") for name in DLM_LAYERS]


def write_lau(folder) -> list[str]:
    """The Land's protected areas: one shapefile per category, without a category field."""
    for name, wkt in zip(LAU_LAYERS, (at(600, 600, 200), at(600, 100, 200))):
        write(memory_layer(name, "Polygon", [{"wkt": wkt, "NAME": name}], fields="&field=NAME:string"),
              folder / f"{name}.shp", driver="ESRI Shapefile")
    return [str(folder / f"{name}.shp") for name in LAU_LAYERS]


def write_osm_xml(path) -> list[str]:
    """An OSM extract in lon/lat with a forest, a nature reserve, a meadow, a motorway and a power line (its tags
    in other_tags), read through GDAL's OSM driver; returns the areas and lines as sources."""
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    nodes, ways = [], []

    def way(points, tags):
        refs = []
        for x, y in points:
            point = to_wgs84.transform(QgsPointXY(X0 + x, Y0 + y))
            nodes.append(f'<node id="{len(nodes) + 1}" version="1" lat="{point.y():.9f}" lon="{point.x():.9f}"/>')
            refs.append(len(nodes))
        if points[0] == points[-1]:
            refs[-1] = refs[0]
            nodes.pop()
        tag_xml = "".join(f'<tag k="{key}" v="{value}"/>' for key, value in tags.items())
        node_xml = "".join(f'<nd ref="{ref}"/>' for ref in refs)
        ways.append(f'<way id="{len(ways) + 1}" version="1">{node_xml}{tag_xml}</way>')

    def ring(x, y, size):
        return [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]

    way(ring(100, 100, 200), {"landuse": "forest"})
    way(ring(600, 600, 200), {"boundary": "protected_area", "protect_class": "4",
                              "protection_title": "Naturschutzgebiet", "name": "NSG Test"})
    way(ring(600, 100, 200), {"landuse": "meadow"})  # no criterion
    way([(500, -100), (500, 1100)], {"highway": "motorway", "ref": "A 9"})
    way([(-100, 950), (1100, 950)], {"power": "line", "voltage": "110000"})
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="test">\n'
                    + "\n".join(nodes + ways) + "\n</osm>\n", encoding="utf-8")
    return [f"{path}|layername={name}" for name in ("multipolygons", "lines")]


NAS_HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<AX_Bestandsdatenauszug xmlns="http://www.adv-online.de/namespaces/adv/gid/6.0"
 xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:wfs="http://www.opengis.net/wfs"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 xsi:schemaLocation="http://www.adv-online.de/namespaces/adv/gid/6.0 NAS-Operationen.xsd">
<enthaelt><wfs:FeatureCollection gml:id="bestand">
"""


def write_alkis_nas(path) -> list[str]:
    """The same ALKIS objects as an NAS-XML Bestandsdatenauszug (GeoInfoDok 6, positions in ETRS89 / UTM 32N as
    the AdV names it), read through GDAL's NAS driver: one layer per object type, the model's camel-case fields."""
    features = []

    def feature(object_type: str, x: float, y: float, size: float, attributes: str = "") -> None:
        number = len(features) + 1
        ring = " ".join(f"{X0 + px:.3f} {Y0 + py:.3f}" for px, py in (
            (x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)))
        features.append(
            f'<gml:featureMember><{object_type} gml:id="DESTLIKT0000000{number}">'
            f'<gml:identifier codeSpace="http://www.adv-online.de/">urn:adv:oid:DESTLIKT0000000{number}'
            f'</gml:identifier><lebenszeitintervall><AA_Lebenszeitintervall><beginnt>2024-01-01T00:00:00Z</beginnt>'
            f'</AA_Lebenszeitintervall></lebenszeitintervall><modellart><AA_Modellart><advStandardModell>DLKM'
            f'</advStandardModell></AA_Modellart></modellart><position><gml:Polygon gml:id="p{number}" '
            f'srsName="urn:adv:crs:ETRS89_UTM32"><gml:exterior><gml:LinearRing><gml:posList>{ring}</gml:posList>'
            f'</gml:LinearRing></gml:exterior></gml:Polygon></position>{attributes}</{object_type}>'
            f'</gml:featureMember>')

    feature("AX_Wald", 100, 100, 200)
    feature("AX_NaturUmweltOderBodenschutzrecht", 600, 600, 200, "<artDerFestlegung>1621</artDerFestlegung>")
    feature("AX_NaturUmweltOderBodenschutzrecht", 600, 100, 200, "<artDerFestlegung>1623</artDerFestlegung>")
    feature("AX_Gebaeude", 400, 400, 10, "<gebaeudefunktion>1010</gebaeudefunktion><baujahr>1965</baujahr>"
                                         "<anzahlDerOberirdischenGeschosse>2</anzahlDerOberirdischenGeschosse>")
    path.write_text(NAS_HEADER + "\n".join(features) + "\n</wfs:FeatureCollection></enthaelt>\n"
                    "</AX_Bestandsdatenauszug>\n", encoding="utf-8")
    return [f"{path}|layername={name}" for name in ("AX_Wald", "AX_NaturUmweltOderBodenschutzrecht", "AX_Gebaeude")]


CENSUS_PERIODS = ("Vor1919", "a1919bis1948", "a1949bis1978", "a1979bis1990", "a1991bis2000", "a2001bis2010",
                  "a2011bis2019", "a2020undspaeter")


def write_census_csv(path, cells: list[tuple], columns: tuple[str, ...] = ("Einwohner",)) -> None:
    """A 2022 census table per 100 m cell as published: semicolon-separated, Windows-1252, the cell centres in
    ETRS89-LAEA (EPSG:3035), suppressed values as "–"; ``cells`` are (x, y, value as text …) with a value for
    each of ``columns`` (inhabitants, or buildings by period of construction: CENSUS_PERIODS)."""
    lines = [";".join(("GITTER_ID_100m", "x_mp_100m", "y_mp_100m") + columns)]
    for x, y, *values in cells:
        lines.append(";".join([f"CRS3035RES100mN{int(y - 50)}E{int(x - 50)}", f"{x:.0f}", f"{y:.0f}", *values]))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
