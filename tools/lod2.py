"""Synthetic LoD2 building models (CityGML 2.0) for building footprints, as the surveying offices publish them:
a ground surface and roof surfaces per building, the roof form as ALKIS codes it, the municipality key as a generic
attribute. Residential buildings get gable roofs (some hip roofs) of 30–45° along their longer side, the others flat
roofs; a footprint that is not a rectangle gets a flat roof. Deterministic for a seed.

Used by the demo (the rooftop potential of the demo town) and by bench/bench_rooftop.py. Usage:
python -m tools.lod2 --gpkg demo.gpkg --layer synth_gebaeude --out lod2.gml
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import shapely

FLAT, GABLE, HIP = "1000", "3100", "3200"  # ALKIS dachform
GROUND_M, STOREY_M = 100.0, 3.0
HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" '
          'xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gml="http://www.opengis.net/gml" '
          'xmlns:gen="http://www.opengis.net/citygml/generics/2.0">\n'
          '<gml:boundedBy><gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">'
          '<gml:lowerCorner>{minx:.3f} {miny:.3f} {minz:.3f}</gml:lowerCorner>'
          '<gml:upperCorner>{maxx:.3f} {maxy:.3f} {maxz:.3f}</gml:upperCorner></gml:Envelope></gml:boundedBy>\n')


def roofs(footprint, residential: bool, storeys: int, rng) -> tuple[str, list[np.ndarray], float]:
    """The roof form, the roof polygons (3D rings, closed) and the eave height of one footprint."""
    eave = GROUND_M + STOREY_M * max(int(storeys), 1)
    ring = np.asarray(shapely.get_coordinates(shapely.get_exterior_ring(footprint)))
    if not residential or len(ring) != 5:
        return FLAT, [np.column_stack([ring, np.full(len(ring), eave)])], eave
    corners = ring[:4]
    if np.linalg.norm(corners[1] - corners[0]) < np.linalg.norm(corners[2] - corners[1]):
        corners = np.roll(corners, -1, axis=0)  # corners[0] → corners[1] runs along the longer side
    length, width = np.linalg.norm(corners[1] - corners[0]), np.linalg.norm(corners[2] - corners[1])
    along = (corners[1] - corners[0]) / length
    top = eave + width / 2 * np.tan(np.radians(rng.uniform(30.0, 45.0)))
    ends = (corners[0] + corners[3]) / 2, (corners[1] + corners[2]) / 2  # the ridge's ends on the gable walls
    form = HIP if rng.random() < 0.2 and length > width else GABLE
    if form == HIP:
        ends = ends[0] + along * width / 2, ends[1] - along * width / 2

    def face(*points):
        return np.array([(x, y, z) for (x, y), z in points] + [(points[0][0][0], points[0][0][1], points[0][1])])

    c0, c1, c2, c3 = ((corner, eave) for corner in corners)
    r0, r1 = (ends[0], top), (ends[1], top)
    if form == GABLE:
        return form, [face(c0, c1, r1, r0), face(r0, r1, c2, c3)], eave
    return form, [face(c0, c1, r1, r0), face(r0, r1, c2, c3), face(c1, c2, r1), face(c3, c0, r0)], eave


def _pos_list(points: np.ndarray) -> str:
    return " ".join(f"{x:.3f} {y:.3f} {z:.3f}" for x, y, z in points)


def _surface(kind: str, surface_id: str, points: np.ndarray) -> str:
    return (f'<bldg:boundedBy><bldg:{kind} gml:id="{surface_id}"><bldg:lod2MultiSurface><gml:MultiSurface>'
            f'<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">'
            f'{_pos_list(points)}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>'
            f'</gml:MultiSurface></bldg:lod2MultiSurface></bldg:{kind}></bldg:boundedBy>')


def write_citygml(path: Path, footprints, functions, storeys, ags: str, prefix: str = "DEST", seed: int = 42) -> int:
    """Write one CityGML file for the footprints (shapely polygons in EPSG:25832); returns the buildings written."""
    rng = np.random.default_rng(seed)
    footprints = shapely.force_2d(np.asarray(footprints, dtype=object))
    minx, miny, maxx, maxy = shapely.total_bounds(footprints)
    parts = [HEADER.format(minx=minx, miny=miny, minz=GROUND_M, maxx=maxx, maxy=maxy, maxz=GROUND_M + 60)]
    for number, (footprint, function, floors) in enumerate(zip(footprints, functions, storeys), start=1):
        residential = 1000 <= int(function) < 2000
        form, faces, _eave = roofs(footprint, residential, floors, rng)
        building_id = f"{prefix}_{number}"
        ground = np.asarray(shapely.get_coordinates(shapely.get_exterior_ring(footprint)))[::-1]  # facing down
        parts.append(
            f'<core:cityObjectMember><bldg:Building gml:id="{building_id}">'
            f'<gen:stringAttribute name="Gemeindeschluessel"><gen:value>{ags}</gen:value></gen:stringAttribute>'
            f'<bldg:function>31001_{int(function)}</bldg:function><bldg:roofType>{form}</bldg:roofType>'
            + _surface("GroundSurface", f"{building_id}_G", np.column_stack([ground, np.full(len(ground), GROUND_M)]))
            + "".join(_surface("RoofSurface", f"{building_id}_R{index}", points)
                      for index, points in enumerate(faces, start=1))
            + "</bldg:Building></core:cityObjectMember>\n")
    parts.append("</core:CityModel>\n")
    Path(path).write_text("".join(parts), encoding="utf-8")
    return len(footprints)


def main(argv: list[str] | None = None) -> int:
    import pyogrio  # outside QGIS only: its GDAL is not QGIS's

    parser = argparse.ArgumentParser(prog="python -m tools.lod2", description=__doc__.splitlines()[0])
    parser.add_argument("--gpkg", type=Path, required=True)
    parser.add_argument("--layer", default="synth_gebaeude")
    parser.add_argument("--ags", default="15084235")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    buildings = pyogrio.read_dataframe(args.gpkg, layer=args.layer)
    count = write_citygml(args.out, buildings.geometry.values, buildings["gebaeudefunktion"], buildings["geschosse"],
                          args.ags)
    print(f"{args.out}: {count} buildings, {args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
