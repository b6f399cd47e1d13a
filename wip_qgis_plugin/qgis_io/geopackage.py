"""A run's new GeoPackage output filled in bulk: its rows through SQLite at once, its spatial index packed.

GDAL 3.6 writes a GeoPackage feature by feature and fills its R-tree one box at a time as the file closes (200,000
buildings: about 3 s and 2 s). A run writes each output file as a new file of its own until the run has succeeded
(``StagedSinks``), so nobody else has that file open and its one table may be filled directly: Processing's sink
creates the file with the empty table (fields, CRS, R-tree and triggers, all as GDAL makes them); the rows go in
through SQLite in one transaction and the R-tree's nodes are written already packed (Sort-Tile-Recursive), the
table's triggers laid aside meanwhile (their ST_ functions exist only within GDAL). Rows, geometries and index boxes
are byte for byte what Processing's sink writes; only the R-tree's nodes are laid out differently (packed rather
than grown). Where QGIS would convert anything (a value into another type, a geometry into the layer's type), its
sink writes.
"""
from __future__ import annotations

import itertools
import sqlite3
import struct

from qgis.core import QgsFeatureSink, QgsFields, QgsWkbTypes
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QVariant

from ..core.lazy import lazy_module

np = lazy_module("numpy")
shapely = lazy_module("shapely")

FID = "fid"  # the id column GDAL gives a GeoPackage table; a field of that name gives the features' ids
ROWS_AT_ONCE = 50_000  # rows inserted between two looks at whether the run was cancelled

# the Python values (as ``write_frame`` converts them) a field of each type takes as they are
FIELD_VALUES = {QVariant.Int: {int, bool}, QVariant.LongLong: {int, bool}, QVariant.Double: {int, float},
                QVariant.String: {str}, QVariant.Bool: {bool}}

# shapely's type id and the ISO WKB code of each geometry type QGIS declares for a layer
GEOMETRY_TYPES = {QgsWkbTypes.Point: (0, 1), QgsWkbTypes.LineString: (1, 2), QgsWkbTypes.Polygon: (3, 3),
                  QgsWkbTypes.MultiPoint: (4, 4), QgsWkbTypes.MultiLineString: (5, 5),
                  QgsWkbTypes.MultiPolygon: (6, 6)}

# GeoPackage geometry header (GeoPackage 1.3, 2.1.3): magic, version, flags, srs id; then the envelope
LITTLE_ENDIAN, EMPTY = 0b1, 0b10000
ENVELOPE_XY, ENVELOPE_XYZ = 0b10, 0b100

# SQLite's R-tree (ext/rtree): a cell is a 64-bit id and four 32-bit floats, big-endian, after a node's 4-byte header
CELL_BYTES = 24
SHRINK, GROW = 1.0 - 2.0 ** -23, 1.0 + 2.0 ** -23  # rtreeValueDown/Up's factors (RNDTOWARDS, RNDAWAY)


class GeoPackageSink(QgsFeatureSink):
    """QGIS's sink of a new GeoPackage file (a run's staged output), which ``write_frame`` may fill in bulk instead:
    once, and only while no feature went in through QGIS."""

    def __init__(self, sink, path: str, fields: QgsFields, geometry_type):
        super().__init__()
        self.sink, self.path, self.fields, self.geometry_type = sink, path, QgsFields(fields), geometry_type
        self.fed = False

    def addFeature(self, feature, flags=None):  # noqa: N802 - QGIS API
        return self.addFeatures([feature], flags)

    def addFeatures(self, features, flags=None):  # noqa: N802 - QGIS API
        if self.sink is None:
            return False
        self.fed = True
        return self.sink.addFeatures(features, QgsFeatureSink.Flags() if flags is None else flags)

    def lastError(self) -> str:  # noqa: N802 - QGIS API
        return self.sink.lastError() if self.sink is not None else ""

    def write_in_bulk(self, count: int, values: list[list], geometries, feedback) -> int | None:
        """Write ``count`` rows (``values`` column by column as ``write_frame`` converted them; ``geometries``
        shapely's, or None) straight into the file and close it; the count written (0 when the run was cancelled).
        None where QGIS's sink has to write them. Raises ``sqlite3.Error`` where the file cannot be written."""
        if self.sink is None or self.fed:
            return None
        columns = _stored_columns(values, self.fields)
        if columns is None or not _geometries_fit(geometries, self.geometry_type):
            return None
        sip.delete(self.sink)  # GDAL makes the empty table, its R-tree and triggers as the file closes
        self.sink = None
        return _fill(self.path, count, columns, geometries, self.geometry_type, feedback)


def _stored_columns(values: list[list], fields: QgsFields) -> dict[str, list] | None:
    """The table's columns by name (``FID`` for a field of that name: the ids), where every value goes in as QGIS's
    writer would write it; None where QGIS would convert one."""
    names = fields.names()
    if len(values) != len(names) or len({name.lower() for name in names}) < len(names) or \
            any(name.lower() == "geom" for name in names):
        return None
    columns = {}
    for field, column in zip(fields, values):
        kinds = set(map(type, column)) - {type(None)}
        if field.type() in (QVariant.Int, QVariant.LongLong) and float in kinds:
            # whole numbers with NULLs come as floats (see ``read_frame``): QGIS writes them as integers
            if not all(value.is_integer() for value in column if type(value) is float):
                return None
            column = [int(value) if type(value) is float else value for value in column]
            kinds = kinds - {float} | {int}
        if field.name().lower() == FID:
            if field.type() not in (QVariant.Int, QVariant.LongLong) or kinds - {int} or None in column:
                return None
            columns[FID] = column
        elif kinds <= FIELD_VALUES.get(field.type(), set()):
            columns[field.name()] = column
        else:
            return None
    return columns


def _geometries_fit(geometries, geometry_type) -> bool:
    """Whether the geometries (missing and empty ones too) are of the table's type, or single parts of its multi-part
    type, as QGIS's writer would write them: it converts others, and a table of measured values or of a type left
    open is left to it."""
    if geometry_type == QgsWkbTypes.NoGeometry or geometries is None:
        return True
    flat = QgsWkbTypes.flatType(geometry_type)
    if QgsWkbTypes.hasM(geometry_type) or flat not in GEOMETRY_TYPES:
        return False
    given = geometries[~shapely.is_missing(geometries)]
    present = given[~shapely.is_empty(given)]
    kinds = {GEOMETRY_TYPES[flat][0], GEOMETRY_TYPES[QgsWkbTypes.singleType(flat)][0]}
    return bool(np.isin(shapely.get_type_id(given), list(kinds)).all() and
                (shapely.has_z(present) == QgsWkbTypes.hasZ(geometry_type)).all())


def _fill(path: str, count: int, columns: dict[str, list], geometries, geometry_type, feedback) -> int:
    """In one transaction: the rows into the file's one table, its R-tree packed, its triggers back in place and its
    contents noted; the count written, 0 when the run was cancelled (the table stays empty)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        (table,), = connection.execute("SELECT table_name FROM gpkg_contents")  # a staged file holds one table
        spatial = connection.execute("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                                     (table,)).fetchone()
        expected = [FID] + ([spatial[0]] if spatial else []) + [name for name in columns if name != FID]
        present = [row[1] for row in connection.execute(f"PRAGMA table_info({_quoted(table)})")]
        if [name.lower() for name in present] != [name.lower() for name in expected]:
            raise sqlite3.DatabaseError(f"columns {present} instead of {expected}")
        first = connection.execute("SELECT coalesce(max(seq), 0) + 1 FROM sqlite_sequence WHERE name = ?",
                                   (table,)).fetchone()[0]
        fids = columns.pop(FID, None) or list(range(first, first + count))
        triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                      (table,)).fetchall()
        for name, _sql in triggers:
            connection.execute(f"DROP TRIGGER {_quoted(name)}")
        stored, boxes = list(columns.values()), None
        if spatial:
            blobs, boxes = _geometry_blobs(geometries, count, geometry_type, spatial[1])
            stored.insert(0, blobs)
        insert = f"INSERT INTO {_quoted(table)} ({', '.join(map(_quoted, expected))}) " \
                 f"VALUES ({', '.join('?' * len(expected))})"
        rows = zip(fids, *stored)
        for _start in range(0, count, ROWS_AT_ONCE):
            if feedback is not None and feedback.isCanceled():
                connection.execute("ROLLBACK")
                return 0
            connection.executemany(insert, itertools.islice(rows, ROWS_AT_ONCE))
        if spatial:
            _index(connection, table, spatial[0], np.asarray(fids, dtype=np.int64), boxes)
        for _name, sql in triggers:
            connection.execute(sql)
        _note_contents(connection, table, boxes)
        connection.execute("COMMIT")
        return count
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _geometry_blobs(geometries, count: int, geometry_type, srs_id: int):
    """The GeoPackage geometry of each row as GDAL writes it (None where it is missing) and the box (min x, min y,
    max x, max y) of each present, non-empty one (NaN for the others)."""
    has_z, flat, single = QgsWkbTypes.hasZ(geometry_type), QgsWkbTypes.flatType(geometry_type), None
    is_point = flat == QgsWkbTypes.Point
    empty = struct.pack("<2sBBi", b"GP", 0, LITTLE_ENDIAN | EMPTY, srs_id)
    stand_ins = {-1: None, GEOMETRY_TYPES[flat][0]: empty + _empty_wkb(flat)}  # by shapely's type id
    if QgsWkbTypes.isMultiType(flat):  # QGIS makes a single part the one part of a multi-part geometry
        single = QgsWkbTypes.singleType(flat)  # (an empty point: none)
        stand_ins[GEOMETRY_TYPES[single][0]] = empty + (_empty_wkb(flat) if single == QgsWkbTypes.Point else
                                                        _one_part_of(flat, False) + _empty_wkb(single))
    boxes = np.full((count, 4), np.nan)
    if geometries is None:
        return [None] * count, boxes
    kinds = shapely.get_type_id(geometries)
    present = (kinds >= 0) & ~shapely.is_empty(geometries)
    shown = geometries[present]
    wkbs = shapely.to_wkb(shown, output_dimension=3 if has_z else 2, byte_order=1, flavor="iso")
    if single is not None:
        parts = kinds[present] == GEOMETRY_TYPES[single][0]
        wkbs[parts] = [_one_part_of(flat, has_z) + wkb for wkb in wkbs[parts].tolist()]
    bounds = shapely.bounds(shown)
    boxes[present] = bounds
    envelope = [] if is_point else [("envelope", "<f8", 6 if has_z else 4)]  # GDAL gives a point none
    header = np.zeros(len(shown), dtype=[("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4")]
                      + envelope)
    header["magic"], header["srs_id"] = b"GP", srs_id
    header["flags"] = LITTLE_ENDIAN | (0 if is_point else ENVELOPE_XYZ if has_z else ENVELOPE_XY)
    if not is_point:
        header["envelope"][:, :4] = bounds[:, [0, 2, 1, 3]]  # min x, max x, min y, max y
        if has_z:
            header["envelope"][:, 4:] = _z_ranges(shown)
    raw, size = header.tobytes(), header.dtype.itemsize
    blobs = [stand_ins[kind] for kind in kinds.tolist()]  # missing or empty; the others follow
    for index, position in enumerate(np.flatnonzero(present).tolist()):
        blobs[position] = raw[index * size:(index + 1) * size] + wkbs[index]
    return blobs, boxes


def _one_part_of(multi_type, has_z: bool) -> bytes:
    """The start of the WKB of a multi-part geometry of one part."""
    return struct.pack("<BII", 1, GEOMETRY_TYPES[multi_type][1] + (1000 if has_z else 0), 1)


def _empty_wkb(flat_type) -> bytes:
    """WKB of the empty geometry GDAL writes for the table's type (without z, as QGIS's sink hands it over): a point
    of NaN coordinates, any other type without parts."""
    code = GEOMETRY_TYPES[flat_type][1]
    if flat_type == QgsWkbTypes.Point:
        return struct.pack("<BIdd", 1, code, np.nan, np.nan)
    return struct.pack("<BII", 1, code, 0)


def _z_ranges(geometries):
    """The lowest and highest z of each (non-empty) geometry."""
    coordinates, owner = shapely.get_coordinates(geometries, include_z=True, return_index=True)
    starts = np.searchsorted(owner, np.arange(len(geometries)))
    return np.column_stack([np.fmin.reduceat(coordinates[:, 2], starts), np.fmax.reduceat(coordinates[:, 2], starts)])


def _index(connection, table: str, geometry_column: str, fids, boxes) -> None:
    """Write the table's R-tree (when it has one) packed: its node, rowid and parent tables, in place of the empty
    root GDAL made."""
    name = f"rtree_{table}_{geometry_column}"
    if not connection.execute("SELECT 1 FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index' AND "
                              "table_name = ? AND column_name = ?", (table, geometry_column)).fetchone():
        return
    node_bytes = connection.execute(f"SELECT length(data) FROM {_quoted(name + '_node')} WHERE nodeno = 1"
                                     ).fetchone()[0]
    indexed = ~np.isnan(boxes[:, 0])
    nodes, leaves, parents = packed_rtree(fids[indexed], boxes[indexed], node_bytes)
    for suffix in ("_node", "_rowid", "_parent"):
        connection.execute(f"DELETE FROM {_quoted(name + suffix)}")
    connection.executemany(f"INSERT INTO {_quoted(name + '_node')} VALUES (?, ?)", nodes)
    connection.executemany(f"INSERT INTO {_quoted(name + '_rowid')} VALUES (?, ?)", leaves)
    connection.executemany(f"INSERT INTO {_quoted(name + '_parent')} VALUES (?, ?)", parents)


def _note_contents(connection, table: str, boxes) -> None:
    """The table's extent and last change, as GDAL notes them when it closes a file it wrote (its feature count it
    leaves unknown, as for a table QGIS's sink wrote)."""
    extent = [None] * 4
    if boxes is not None and not np.isnan(boxes[:, 0]).all():
        extent = [float(np.nanmin(boxes[:, 0])), float(np.nanmin(boxes[:, 1])), float(np.nanmax(boxes[:, 2])),
                  float(np.nanmax(boxes[:, 3]))]
    connection.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                       "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?", (*extent, table))


def packed_rtree(ids, boxes, node_bytes: int):
    """SQLite R-tree tables of the boxes ((min x, min y, max x, max y) of each id), packed Sort-Tile-Recursive
    (Leutenegger et al. 1997): the nodes as (node number, data), each id's leaf and each node's parent as (number,
    number). Node 1 is the root, as SQLite has it; the boxes are rounded outwards to 32-bit floats as SQLite rounds
    them, and a node's box is the union of its cells', as SQLite makes it."""
    per_node = (node_bytes - 4) // CELL_BYTES
    cells = np.column_stack([_float32(boxes[:, 0], below=True), _float32(boxes[:, 2], below=False),
                             _float32(boxes[:, 1], below=True), _float32(boxes[:, 3], below=False)])
    entries = np.asarray(ids, dtype=np.int64)
    levels, owned, next_node = [], [], 2  # owned: (entries, the node holding each) per level, the leaves' first
    while len(entries) > per_node:
        order = _tiled(cells, per_node)
        entries, cells = entries[order], cells[order]
        starts = np.arange(0, len(entries), per_node)
        numbers = np.arange(next_node, next_node + len(starts))
        next_node += len(starts)
        levels.append((numbers, starts, entries, cells, 0))
        owned.append((entries, np.repeat(numbers, np.diff(np.append(starts, len(entries))))))
        cells = np.column_stack([np.minimum.reduceat(cells[:, 0], starts), np.maximum.reduceat(cells[:, 1], starts),
                                 np.minimum.reduceat(cells[:, 2], starts), np.maximum.reduceat(cells[:, 3], starts)])
        entries = numbers
    levels.append((np.array([1]), np.array([0]), entries, cells, len(levels)))
    owned.append((entries, np.ones(len(entries), dtype=np.int64)))
    nodes = [node for level in levels for node in _node_data(*level, node_bytes)]
    rows = [list(zip(held.tolist(), holders.tolist())) for held, holders in owned]
    return nodes, rows[0], [row for level in rows[1:] for row in level]


def _float32(values, below: bool):
    """``values`` as SQLite's R-tree stores them: the nearest 32-bit float, moved outwards where it lies inside
    (rtreeValueDown for a minimum, ``below``; rtreeValueUp for a maximum)."""
    stored = values.astype(np.float32)
    inside = stored > values if below else stored < values
    outwards = (values[inside] < 0) == below  # away from zero
    stored[inside] = (values[inside] * np.where(outwards, GROW, SHRINK)).astype(np.float32)
    return stored


def _tiled(cells, per_node: int):
    """The order that tiles the cells into nodes: vertical slices of whole nodes by centre x, each sorted by centre
    y."""
    count = len(cells)
    slice_size = int(np.ceil(np.sqrt(np.ceil(count / per_node)))) * per_node
    by_x = np.argsort(cells[:, 0].astype(np.float64) + cells[:, 1], kind="stable")
    slice_of = np.empty(count, dtype=np.int64)
    slice_of[by_x] = np.arange(count) // slice_size
    return np.lexsort((cells[:, 2].astype(np.float64) + cells[:, 3], slice_of))


def _node_data(numbers, starts, entries, cells, depth: int, node_bytes: int):
    """(number, data) of each node of a level: the depth (the root's; 0 elsewhere), the cell count, then the cells,
    zero-padded."""
    packed = np.zeros(len(entries), dtype=[("id", ">i8"), ("box", ">f4", 4)])
    packed["id"], packed["box"] = entries, cells
    raw = packed.tobytes()
    ends = np.append(starts[1:], len(entries))
    for number, start, end in zip(numbers.tolist(), starts.tolist(), ends.tolist()):
        data = struct.pack(">HH", depth, end - start) + raw[start * CELL_BYTES:end * CELL_BYTES]
        yield number, data + bytes(node_bytes - len(data))
