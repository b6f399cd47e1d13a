"""Images for reports: maps rendered by QGIS from styled copies of the input layers, and stacked column charts
painted with QPainter from the chart data of ``core.report``.

The input layers are never changed: each map layer is a memory copy (``materialize``) of the features to show,
styled with the plugin's style where one fits. Maps are rendered synchronously with
``QgsMapRendererCustomPainterJob`` into a QImage, so they work inside a Processing algorithm's thread and in
``qgis_process`` without an event loop. Every map carries a scale bar and a north arrow, painted onto the image.
"""
from __future__ import annotations

import math

from qgis.core import (
    QgsBearingUtils,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsPointXY,
    QgsRectangle,
    QgsRenderContext,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPolygonF

from ..core.i18n import format_number
from ..core.report import Chart
from .project import apply_style

MAP_WIDTH_PX = 1400
MAP_DPI = 200.0  # 1400 px at 200 dpi ≈ 18 cm: symbols keep their printed size on an A4 page
MAP_MARGIN = 0.05  # of the extent, on each side
CHART_SIZE = (1300, 680)
CHART_FONT_PX = 22
MARK_COLOUR = "#c00000"  # a chart's marks, e.g. the target path
OUTLINE_STYLE = "real_gemeinde"
SCALE_BAR_SHARE = 0.25  # the scale bar takes at most this share of the map's width
DECORATION_FONT_PX = 26  # ≈ 8 pt on the printed map, like the legend below it
DECORATION_MARGIN_PX = 24
DECORATION_BACKGROUND = QColor(255, 255, 255, 210)  # white, the map faintly showing through


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


# -- layers ----------------------------------------------------------------------------------------------------------

def layer_copy(source, name: str, expression: str | None = None, feature_ids=None) -> QgsVectorLayer:
    """A memory copy of a feature source or vector layer (its features matching ``expression`` or those with the
    ids ``feature_ids``, respecting the layer's own filter and a Processing selection); the input is not touched."""
    request = QgsFeatureRequest()
    if expression:
        request.setFilterExpression(expression)
    if feature_ids is not None:
        request.setFilterFids(list(feature_ids))
    copy = source.materialize(request)
    copy.setName(name)
    return copy


def styled_copy(source, name: str, style: str, expression: str | None = None, feature_ids=None) -> QgsVectorLayer:
    """``layer_copy`` with the plugin's style ``style`` (resources/styles/<style>.qml) when it exists."""
    copy = layer_copy(source, name, expression, feature_ids)
    apply_style(copy, style)
    return copy


def outline_copy(source, name: str) -> QgsVectorLayer:
    """The municipality as an outline: the plugin's style of the demo municipality, or a dark line."""
    copy = layer_copy(source, name)
    if not apply_style(copy, OUTLINE_STYLE):
        copy.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "#333333", "outline_width": "0.6"})))
    return copy


def categorized(layer: QgsVectorLayer, field: str, categories: list[tuple[object, str, str]]) -> None:
    """Colour ``layer`` by the values of ``field``: (value, label, colour) each."""
    renderer_categories = []
    for value, label, colour in categories:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colour))
        renderer_categories.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, renderer_categories))


def relabel_categories(layer: QgsVectorLayer, label_of) -> None:
    """Give the categories of a categorized renderer the labels ``label_of(value)`` (None keeps a label), so a
    style's German labels follow the report's language."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    for index, category in enumerate(renderer.categories()):
        label = label_of(category.value())
        if label is not None:
            renderer.updateCategoryLabel(index, label)


def set_colour(layer: QgsVectorLayer, colour: str) -> None:
    """The colour of every symbol of ``layer``'s renderer (e.g. a second area layer next to the first)."""
    for symbol in layer.renderer().symbols(QgsRenderContext()):
        symbol.setColor(QColor(colour))


def legend_entries(layer: QgsVectorLayer) -> list[tuple[str, str]]:
    """(colour, label) per legend item of ``layer``'s renderer; an unlabelled single symbol takes the layer name,
    and of a categorized renderer only the categories the layer has features of."""
    renderer = layer.renderer()
    entries = []
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        present = {str(value) for value in layer.uniqueValues(layer.fields().lookupField(renderer.classAttribute()))}
        categories = renderer.categories()  # copies: read their symbols while the list is alive
        for category in categories:
            if str(category.value()) in present and category.symbol() is not None:
                entries.append((_symbol_colour(category.symbol()), category.label() or layer.name()))
        return entries
    items = renderer.legendSymbolItems()
    for item in items:
        if item.symbol() is not None:
            entries.append((_symbol_colour(item.symbol()), item.label() or layer.name()))
    return entries


def _symbol_colour(symbol) -> str:
    """The colour a symbol shows: its fill, or the line of an outline-only fill."""
    colour = symbol.color()
    first = symbol.symbolLayer(0) if symbol.symbolLayerCount() else None
    if hasattr(first, "brushStyle") and (first.brushStyle() == Qt.BrushStyle.NoBrush or colour.alpha() == 0):
        colour = first.strokeColor()
    return colour.name()


# -- maps --------------------------------------------------------------------------------------------------------------

def map_extent(geometry: QgsGeometry) -> QgsRectangle:
    """The bounding box of ``geometry`` with a margin; empty when there is nothing to draw."""
    if geometry.isNull() or geometry.isEmpty():
        return QgsRectangle()
    extent = geometry.boundingBox()
    if extent.isEmpty() or not math.isfinite(extent.width()):
        return QgsRectangle()
    margin = MAP_MARGIN * max(extent.width(), extent.height())
    return extent.buffered(margin)


def render_map(layers: list[QgsVectorLayer], extent: QgsRectangle, crs: QgsCoordinateReferenceSystem,
               transform_context: QgsCoordinateTransformContext, width: int = MAP_WIDTH_PX) -> QImage:
    """``layers`` (bottom first) over ``extent`` on white, with a scale bar and a north arrow; the height follows
    the extent's shape."""
    aspect = extent.height() / extent.width() if extent.width() > 0 else 0.75
    size = QSize(width, int(round(width * min(max(aspect, 0.45), 1.3))))
    settings = QgsMapSettings()
    settings.setLayers(list(reversed(layers)))  # QgsMapSettings draws the first layer on top
    settings.setDestinationCrs(crs)
    settings.setTransformContext(transform_context)
    settings.setOutputSize(size)
    settings.setOutputDpi(MAP_DPI)
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(int(MAP_DPI / 0.0254))
    image.setDotsPerMeterY(int(MAP_DPI / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        job = QgsMapRendererCustomPainterJob(settings, painter)
        job.renderSynchronously()
        paint_north_arrow(painter, size, north_bearing(settings))
        metres = metres_per_pixel(settings)
        if metres is not None:
            paint_scale_bar(painter, size, metres)
    finally:
        painter.end()
    return image


# -- scale bar and north arrow -----------------------------------------------------------------------------------------

def metres_per_pixel(settings: QgsMapSettings) -> float | None:
    """The ground distance one pixel stands for, measured on the ellipsoid across the middle of the map (so a
    geographic CRS gets a true scale too); None for a CRS without an ellipsoid, whose units are unknown."""
    crs = settings.destinationCrs()
    distance = QgsDistanceArea()
    distance.setSourceCrs(crs, settings.transformContext())
    if not distance.setEllipsoid(crs.ellipsoidAcronym()) or not distance.willUseEllipsoid():
        return None
    extent = settings.visibleExtent()
    y = extent.center().y()
    metres = distance.measureLine(QgsPointXY(extent.xMinimum(), y), QgsPointXY(extent.xMaximum(), y))
    width = settings.outputSize().width()
    return metres / width if metres > 0 and width > 0 else None


def scale_bar_length(metres_per_px: float, width_px: int) -> float:
    """The scale bar's length in metres: the longest round length (1, 2 or 5 × 10ⁿ m) that takes at most
    ``SCALE_BAR_SHARE`` of a map ``width_px`` wide."""
    longest = metres_per_px * width_px * SCALE_BAR_SHARE
    magnitude = 10.0 ** math.floor(math.log10(longest))
    return max(factor * magnitude for factor in (1, 2, 5) if factor * magnitude <= longest * (1 + 1e-9))


def scale_bar_ticks(length_m: float) -> tuple[list[str], str]:
    """The labels of the scale bar's ticks (0, the middle and the end of a bar in two parts; 0 and the end of one
    in five) and its unit, in km from 1 km."""
    unit, divisor = ("km", 1000.0) if length_m >= 1000 else ("m", 1.0)
    length = length_m / divisor
    parts = 5 if round(length / 10 ** math.floor(math.log10(length))) == 5 else 2
    values = [length * part / parts for part in range(parts + 1)]
    return [format_number(value, 0 if float(value).is_integer() else 1) for value in values], unit


def north_bearing(settings: QgsMapSettings) -> float:
    """The direction of true north at the centre of the map, in degrees clockwise from the map's up."""
    try:
        return QgsBearingUtils.bearingTrueNorth(settings.destinationCrs(), settings.transformContext(),
                                                settings.visibleExtent().center())
    except QgsCsException:  # no way to geographic coordinates: grid north is the best there is
        return 0.0


def _decoration_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(DECORATION_FONT_PX)
    return font


def paint_scale_bar(painter: QPainter, size: QSize, metres_per_px: float) -> None:
    """A bar of black and white parts with its lengths above it, in the lower left corner on a light box."""
    length_m = scale_bar_length(metres_per_px, size.width())
    labels, unit = scale_bar_ticks(length_m)
    bar_px = length_m / metres_per_px
    font = _decoration_font()
    metrics = QFontMetricsF(font)
    line, bar_height, padding = metrics.height(), DECORATION_FONT_PX * 0.45, DECORATION_FONT_PX * 0.6
    unit_width = metrics.horizontalAdvance(f" {unit}")
    first_half = metrics.horizontalAdvance(labels[0]) / 2
    last_half = metrics.horizontalAdvance(labels[-1]) / 2
    box = QRectF(DECORATION_MARGIN_PX, size.height() - DECORATION_MARGIN_PX - (2 * padding + line + bar_height),
                 2 * padding + first_half + bar_px + last_half + unit_width, 2 * padding + line + bar_height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(DECORATION_BACKGROUND)
    painter.drawRoundedRect(box, padding / 2, padding / 2)
    left, top = box.left() + padding + first_half, box.top() + padding + line
    parts = len(labels) - 1
    pen = QPen(QColor("black"))
    pen.setWidthF(2)
    painter.setPen(pen)
    for part in range(parts):
        painter.setBrush(QColor("black" if part % 2 == 0 else "white"))
        painter.drawRect(QRectF(left + bar_px * part / parts, top, bar_px / parts, bar_height))
    painter.setFont(font)
    shown = range(parts + 1) if parts == 2 else (0, parts)  # a bar in five parts: 0 and its length
    for tick in shown:
        x = left + bar_px * tick / parts
        text = labels[tick] + (f" {unit}" if tick == parts else "")
        start = x - metrics.horizontalAdvance(labels[tick]) / 2
        painter.drawText(QRectF(start, top - line, metrics.horizontalAdvance(text) + 2, line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), text)
    painter.restore()


def paint_north_arrow(painter: QPainter, size: QSize, bearing: float) -> None:
    """An arrow with an N, pointing to true north, in the upper right corner on a light box."""
    font = _decoration_font()
    metrics = QFontMetricsF(font)
    arrow = DECORATION_FONT_PX * 2.8  # the arrow's length
    padding = DECORATION_FONT_PX * 0.5
    width, height = arrow * 0.6 + 2 * padding, metrics.height() + arrow + 2 * padding
    box = QRectF(size.width() - DECORATION_MARGIN_PX - width, DECORATION_MARGIN_PX, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(DECORATION_BACKGROUND)
    painter.drawRoundedRect(box, padding / 2, padding / 2)
    painter.setPen(QColor("black"))
    painter.setFont(font)
    painter.drawText(QRectF(box.left(), box.top() + padding / 2, width, metrics.height()),
                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), "N")
    painter.translate(box.center().x(), box.top() + padding / 2 + metrics.height() + arrow / 2)
    painter.rotate(bearing)
    half, tip, notch = arrow * 0.28, QPointF(0, -arrow / 2), QPointF(0, arrow * 0.3)
    pen = QPen(QColor("black"))
    pen.setWidthF(2)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(QColor("black"))
    painter.drawPolygon(QPolygonF([tip, QPointF(-half, arrow / 2), notch]))
    painter.setBrush(QColor("white"))
    painter.drawPolygon(QPolygonF([tip, QPointF(half, arrow / 2), notch]))
    painter.restore()


# -- charts ------------------------------------------------------------------------------------------------------------

def _nice_step(largest: float, ticks: int = 5) -> float:
    raw = largest / ticks if largest > 0 else 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(factor * magnitude for factor in (1, 2, 2.5, 5, 10) if factor * magnitude >= raw)


def paint_chart(chart: Chart, size: tuple[int, int] = CHART_SIZE) -> QImage:
    """Stacked columns, grouped with their group label below (e.g. the year), each column's label and total above
    it, a highlighted column outlined and starred, the y axis in ``chart.unit`` and the legend on the right."""
    width, height = size
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        _paint_chart(painter, chart, width, height)
    finally:
        painter.end()
    return image


def _legend_rows(used, metrics: QFontMetricsF, width: float) -> list[list[tuple[float, str, str]]]:
    """The legend items (x, label, colour) flowed into rows of at most ``width``."""
    rows, x = [[]], 0.0
    box = metrics.height()
    for _, label, colour in used:
        item = box * 1.3 + metrics.horizontalAdvance(label) + box
        if rows[-1] and x + item > width:
            rows.append([])
            x = 0.0
        rows[-1].append((x, label, colour))
        x += item
    return rows


def _paint_chart(painter: QPainter, chart: Chart, width: int, height: int) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(CHART_FONT_PX)
    small = QFont(font)
    small.setPixelSize(int(CHART_FONT_PX * 0.8))
    painter.setFont(font)
    metrics, small_metrics = QFontMetricsF(font), QFontMetricsF(small)
    line = metrics.height()
    text_colour = QColor("#333333")
    used = [(key, label, colour) for key, label, colour in chart.series
            if any(values.get(key, 0) > 0 for _, _, values, _ in chart.columns)]
    legend = _legend_rows(used + ([("", chart.mark_label, MARK_COLOUR)] if chart.marks else []), metrics,
                          width - 20)
    totals = [sum(max(value, 0.0) for value in values.values()) for _, _, values, _ in chart.columns]
    totals += list(chart.marks.values())
    step = _nice_step(max(totals, default=0.0))
    top_value = step * max(1, math.ceil(max(totals, default=0.0) / step - 1e-9))
    two_rows = any(sum(1 for column in chart.columns if column[0] == group) > 1
                   for group in {column[0] for column in chart.columns})
    axis_width = max(metrics.horizontalAdvance(format_number(top_value)), metrics.horizontalAdvance(chart.unit)) + 24
    left, right, top = axis_width, width - 12, line * 2.4
    bottom = height - line * (1.6 + (1.0 if two_rows else 0.0)) - len(legend) * line * 1.3 - line * 0.6
    grid = QPen(QColor("#d0d0d0"))
    grid.setWidthF(1.5)
    value = 0.0
    while value <= top_value + 1e-9:
        y = bottom - (bottom - top) * value / top_value
        painter.setPen(grid)
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, y - line / 2, axis_width - 10, line),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), format_number(value))
        value += step
    painter.drawText(QRectF(8, 0, width / 2, line), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     chart.unit)
    groups = list(dict.fromkeys(group for group, _, _, _ in chart.columns))
    slot = (right - left) / max(1, len(groups))
    for position, group in enumerate(groups):
        columns = [column for column in chart.columns if column[0] == group]
        bar = min(slot * 0.84 / len(columns), 150.0)
        start = left + position * slot + (slot - bar * len(columns)) / 2
        for offset, (_, label, values, highlighted) in enumerate(columns):
            x = start + offset * bar
            y = bottom
            for key, _, colour in used:
                amount = max(values.get(key, 0.0), 0.0)
                if amount <= 0:
                    continue
                extent = (bottom - top) * amount / top_value
                painter.fillRect(QRectF(x + 2, y - extent, bar - 4, extent), QColor(colour))
                y -= extent
            if highlighted:
                pen = QPen(QColor("#000000"))
                pen.setWidthF(4)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(x + 2, y, bar - 4, bottom - y))
            painter.setPen(text_colour)
            total = sum(max(v, 0.0) for v in values.values())
            text = ("★ " if highlighted else "") + format_number(total, 0 if total >= 100 else 1)
            painter.drawText(QRectF(x - slot, y - line * 1.1, bar + 2 * slot, line),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), text)
            if two_rows and label:
                painter.setFont(small)
                painter.drawText(QRectF(x, bottom + 4, bar, line),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                                 small_metrics.elidedText(label, Qt.TextElideMode.ElideRight, bar - 2))
                painter.setFont(font)
        if group in chart.marks:
            mark = QPen(QColor(MARK_COLOUR))
            mark.setWidthF(4)
            mark.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(mark)
            y = bottom - (bottom - top) * chart.marks[group] / top_value
            painter.drawLine(QPointF(left + position * slot + slot * 0.04, y), QPointF(left + (position + 1) * slot
                                                                                        - slot * 0.04, y))
            painter.setPen(text_colour)
        group_label = group if two_rows or not columns[0][1] else f"{group}: {columns[0][1]}"
        painter.drawText(QRectF(left + position * slot, bottom + line * (1.05 if two_rows else 0.2), slot, line * 1.2),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                         metrics.elidedText(group_label, Qt.TextElideMode.ElideRight, slot - 4))
    axis = QPen(text_colour)
    axis.setWidthF(2)
    painter.setPen(axis)
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    legend_top = height - len(legend) * line * 1.3 - line * 0.3
    for row, items in enumerate(legend):
        y = legend_top + row * line * 1.3
        for x, label, colour in items:
            painter.fillRect(QRectF(10 + x, y + line * 0.15, line * 0.8, line * 0.8), QColor(colour))
            painter.setPen(text_colour)
            painter.drawText(QRectF(10 + x + line * 1.1, y, width, line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
