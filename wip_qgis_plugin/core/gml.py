"""GML 3.2 for the exchange standards the plugin writes (XPlanGML, XWärmeplan): elements with identifiers and
references, and geometries made valid and rounded to millimetres, polygons with their exterior ring
counter-clockwise, each geometry with its own ``gml:id`` and ``srsName``."""
from __future__ import annotations

import uuid
from xml.etree import ElementTree

from .lazy import lazy_module

shapely = lazy_module("shapely")

GML = "http://www.opengis.net/gml/3.2"
XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
COORDINATE_DECIMALS = 3  # millimetres

for _prefix, _namespace in (("gml", GML), ("xlink", XLINK), ("xsi", XSI)):
    ElementTree.register_namespace(_prefix, _namespace)


def new_id() -> str:
    return f"GML_{uuid.uuid4()}"


def g(name: str) -> str:
    return f"{{{GML}}}{name}"


def sub(parent, tag: str, text: str | None = None, href: str | None = None, id: str | None = None,  # noqa: A002
        **attributes) -> ElementTree.Element:
    """A child element of ``parent``: with text, a reference to the element with gml:id ``href``, its own gml:id."""
    if href is not None:
        attributes[f"{{{XLINK}}}href"] = f"#{href}"
    if id is not None:
        attributes[g("id")] = id
    element = ElementTree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def coordinate(value: float) -> str:
    return f"{value:.{COORDINATE_DECIMALS}f}"


def surface(shape):
    """``shape`` as a valid MultiPolygon rounded to the document's precision; None when no surface remains."""
    if shape is None or shape.is_empty:
        return None
    rounded = shapely.set_precision(shapely.make_valid(shape), 10 ** -COORDINATE_DECIMALS)
    polygons = [part for part in getattr(rounded, "geoms", [rounded])
                if part.geom_type in ("Polygon", "MultiPolygon") and not part.is_empty]
    merged = shapely.union_all(polygons) if polygons else None
    if merged is None or merged.is_empty or merged.area <= 0:
        return None
    return merged if merged.geom_type == "MultiPolygon" else shapely.MultiPolygon([merged])


def curves(shape):
    """``shape`` as a MultiLineString rounded to the document's precision; None when no line with length remains."""
    if shape is None or shape.is_empty:
        return None
    rounded = shapely.set_precision(shape, 10 ** -COORDINATE_DECIMALS)
    lines = [line for line in shapely.get_parts(shapely.line_merge(rounded) if rounded.geom_type == "MultiLineString"
                                                else rounded)
             if line.geom_type == "LineString" and line.length > 0]
    return shapely.MultiLineString(lines) if lines else None


def multi_surface(shape, srs: str) -> ElementTree.Element:
    """A MultiPolygon (from ``surface``) as a gml:MultiSurface."""
    multi = ElementTree.Element(g("MultiSurface"), {g("id"): new_id(), "srsName": srs})
    for polygon in shape.geoms:
        gml_polygon = sub(sub(multi, g("surfaceMember")), g("Polygon"), id=new_id(), srsName=srs)
        polygon = shapely.geometry.polygon.orient(polygon, sign=1.0)  # exterior counter-clockwise
        _ring(sub(gml_polygon, g("exterior")), polygon.exterior)
        for interior in polygon.interiors:
            _ring(sub(gml_polygon, g("interior")), interior)
    return multi


def multi_curve(shape, srs: str) -> ElementTree.Element:
    """A MultiLineString (from ``curves``) as a gml:MultiCurve."""
    multi = ElementTree.Element(g("MultiCurve"), {g("id"): new_id(), "srsName": srs})
    for line in shape.geoms:
        gml_line = sub(sub(multi, g("curveMember")), g("LineString"), id=new_id(), srsName=srs)
        sub(gml_line, g("posList"), text=_positions(line.coords), srsDimension="2")
    return multi


def _ring(parent, ring) -> None:
    sub(sub(parent, g("LinearRing")), g("posList"), text=_positions(ring.coords), srsDimension="2")


def _positions(coords) -> str:
    return " ".join(f"{coordinate(x)} {coordinate(y)}" for x, y, *_z in coords)
