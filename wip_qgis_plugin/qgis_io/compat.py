"""The one place where the plugin meets QGIS API that was renamed between QGIS 3.22 and QGIS 4: each name here is
the current API where this QGIS has it and the older one where it does not, so the same code runs on QGIS 3.22,
the 3.x LTRs and QGIS 4 (Qt6) without deprecated calls."""
from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsField,
    QgsProcessing,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsScaleBarSettings,
    QgsUnitTypes,
    QgsWkbTypes,
)

# Field types by plain name. Since QGIS 3.38 QgsField takes QMetaType types; QVariant types are deprecated there.
DOUBLE, INT, LONG, STRING, BOOL, DATETIME = "double", "int", "long", "string", "bool", "datetime"


def _field_types() -> dict:
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        kinds = QMetaType.Type
        return {DOUBLE: kinds.Double, INT: kinds.Int, LONG: kinds.LongLong, STRING: kinds.QString,
                BOOL: kinds.Bool, DATETIME: kinds.QDateTime}
    from qgis.PyQt.QtCore import QVariant

    return {DOUBLE: QVariant.Double, INT: QVariant.Int, LONG: QVariant.LongLong, STRING: QVariant.String,
            BOOL: QVariant.Bool, DATETIME: QVariant.DateTime}


FIELD_TYPES = _field_types()


def new_field(name: str, kind: str) -> QgsField:
    """A field of type ``kind`` (DOUBLE, INT, LONG, STRING, BOOL or DATETIME)."""
    return QgsField(name, FIELD_TYPES[kind])


def _current(owner, enum: str, member: str, older):
    """``owner.enum.member`` where this QGIS has it (the 3.30/3.36 enums of class Qgis), else ``older``."""
    return getattr(getattr(owner, enum, None), member, older)


# Processing (Qgis.Processing… since QGIS 3.36)
SOURCE_POLYGON = _current(Qgis, "ProcessingSourceType", "VectorPolygon", QgsProcessing.SourceType.TypeVectorPolygon)
SOURCE_LINE = _current(Qgis, "ProcessingSourceType", "VectorLine", QgsProcessing.SourceType.TypeVectorLine)
SOURCE_POINT = _current(Qgis, "ProcessingSourceType", "VectorPoint", QgsProcessing.SourceType.TypeVectorPoint)
SOURCE_ANY_GEOMETRY = _current(Qgis, "ProcessingSourceType", "VectorAnyGeometry",
                               QgsProcessing.SourceType.TypeVectorAnyGeometry)
SOURCE_VECTOR = _current(Qgis, "ProcessingSourceType", "Vector", QgsProcessing.SourceType.TypeVector)
SOURCE_RASTER = _current(Qgis, "ProcessingSourceType", "Raster", QgsProcessing.SourceType.TypeRaster)
SOURCE_FILE = _current(Qgis, "ProcessingSourceType", "File", QgsProcessing.SourceType.TypeFile)
NUMBER_DOUBLE = _current(Qgis, "ProcessingNumberParameterType", "Double", QgsProcessingParameterNumber.Type.Double)
NUMBER_INTEGER = _current(Qgis, "ProcessingNumberParameterType", "Integer",
                          QgsProcessingParameterNumber.Type.Integer)
FIELD_NUMERIC = _current(Qgis, "ProcessingFieldParameterDataType", "Numeric",
                         QgsProcessingParameterField.DataType.Numeric)
FIELD_STRING = _current(Qgis, "ProcessingFieldParameterDataType", "String",
                        QgsProcessingParameterField.DataType.String)
FIELD_ANY = _current(Qgis, "ProcessingFieldParameterDataType", "Any", QgsProcessingParameterField.DataType.Any)
FILE_BEHAVIOR_FILE = _current(Qgis, "ProcessingFileParameterBehavior", "File",
                              QgsProcessingParameterFile.Behavior.File)
FILE_BEHAVIOR_FOLDER = _current(Qgis, "ProcessingFileParameterBehavior", "Folder",
                                QgsProcessingParameterFile.Behavior.Folder)
FLAG_OPTIONAL = _current(Qgis, "ProcessingParameterFlag", "Optional",
                         QgsProcessingParameterDefinition.Flag.FlagOptional)
FLAG_ADVANCED = _current(Qgis, "ProcessingParameterFlag", "Advanced",
                         QgsProcessingParameterDefinition.Flag.FlagAdvanced)
FLAG_HIDDEN = _current(Qgis, "ProcessingParameterFlag", "Hidden", QgsProcessingParameterDefinition.Flag.FlagHidden)

# Geometry (Qgis.GeometryType and Qgis.WkbType since QGIS 3.30)
GEOMETRY_POINT = _current(Qgis, "GeometryType", "Point", QgsWkbTypes.GeometryType.PointGeometry)
GEOMETRY_LINE = _current(Qgis, "GeometryType", "Line", QgsWkbTypes.GeometryType.LineGeometry)
GEOMETRY_POLYGON = _current(Qgis, "GeometryType", "Polygon", QgsWkbTypes.GeometryType.PolygonGeometry)
GEOMETRY_NULL = _current(Qgis, "GeometryType", "Null", QgsWkbTypes.GeometryType.NullGeometry)
WKB_POINT = _current(Qgis, "WkbType", "Point", QgsWkbTypes.Type.Point)
WKB_POLYGON = _current(Qgis, "WkbType", "Polygon", QgsWkbTypes.Type.Polygon)
WKB_MULTIPOLYGON = _current(Qgis, "WkbType", "MultiPolygon", QgsWkbTypes.Type.MultiPolygon)
WKB_NO_GEOMETRY = _current(Qgis, "WkbType", "NoGeometry", QgsWkbTypes.Type.NoGeometry)
SKIP_GEOMETRY_CHECKS = _current(Qgis, "ProcessingFeatureSourceFlag", "SkipGeometryValidityChecks",
                                QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)

# Invalid geometries in Processing inputs (Qgis.InvalidGeometryCheck since QGIS 3.36)
GEOMETRY_NO_CHECK = _current(Qgis, "InvalidGeometryCheck", "NoCheck",
                             QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
GEOMETRY_SKIP_INVALID = _current(Qgis, "InvalidGeometryCheck", "SkipInvalid",
                                 QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid)
GEOMETRY_ABORT_ON_INVALID = _current(Qgis, "InvalidGeometryCheck", "AbortOnInvalid",
                                     QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid)
OVERRIDE_GEOMETRY_CHECK = _current(Qgis, "ProcessingFeatureSourceDefinitionFlag", "OverrideDefaultGeometryCheck",
                                   QgsProcessingFeatureSourceDefinition.Flag.FlagOverrideDefaultGeometryCheck)

# Layouts (Qgis.LayoutUnit, Qgis.DistanceUnit since QGIS 3.30; Qgis.ScaleBarSegmentSizeMode since 3.40)
LAYOUT_MILLIMETERS = _current(Qgis, "LayoutUnit", "Millimeters", QgsUnitTypes.LayoutUnit.LayoutMillimeters)
DISTANCE_KILOMETERS = _current(Qgis, "DistanceUnit", "Kilometers", QgsUnitTypes.DistanceUnit.DistanceKilometers)
SEGMENT_FIT_WIDTH = _current(Qgis, "ScaleBarSegmentSizeMode", "FitWidth",
                             QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)


def set_legend_text_size(legend, style, points: float) -> None:
    """The size of the text of ``style`` (a QgsLegendStyle.Style) in ``legend``: its text format since QGIS 3.30, its
    font before."""
    settings = legend.rstyle(style)
    if hasattr(settings, "setTextFormat"):
        text_format = settings.textFormat()
        text_format.setSize(points)
        text_format.setSizeUnit(_current(Qgis, "RenderUnit", "Points", QgsUnitTypes.RenderUnit.RenderPoints))
        settings.setTextFormat(text_format)
    else:
        font = settings.font()
        font.setPointSizeF(points)
        settings.setFont(font)
