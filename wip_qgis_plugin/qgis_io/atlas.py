"""The region's atlas: a QGIS print layout with one page per municipality of a region run (its map with scale bar,
north arrow and legend, and its figures), exported to one PDF for the region and one per municipality.

The layout is an ordinary print layout: an office's own template (.qpt) may replace the built-in page, its maps are
then driven by the atlas and show the run's layers; an office logo goes top right of the built-in page."""
from __future__ import annotations

import datetime
import math
import os
import re
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtXml import QDomDocument

from ..core.i18n import tr
from .compat import DISTANCE_KILOMETERS, LAYOUT_MILLIMETERS, SEGMENT_FIT_WIDTH, set_legend_text_size

PAGE_MM = (297.0, 210.0)  # A4 landscape
MAP_MM = (10.0, 24.0, 185.0, 170.0)  # x, y, width, height
SIDE_X_MM, SIDE_WIDTH_MM = 202.0, 85.0
# the legend in the side panel: text sizes (pt) and symbol size (mm) that leave the figures room below it
LEGEND_POINTS = {QgsLegendStyle.Style.Title: 12.0, QgsLegendStyle.Style.Group: 9.5,
                 QgsLegendStyle.Style.Subgroup: 9.0, QgsLegendStyle.Style.SymbolLabel: 8.5}
LEGEND_SYMBOL_MM = (6.0, 3.5)
LEGEND_SPACE_ABOVE_MM = {QgsLegendStyle.Style.Group: 2.0, QgsLegendStyle.Style.Symbol: 1.2,
                         QgsLegendStyle.Style.SymbolLabel: 1.2}
FIGURE_POINTS = (9.0, 8.5, 8.0, 7.5, 7.0)  # the figures' text size, the largest that fits
LINE_MM_PER_POINT = 0.42  # a line of a layout label, per point of its font
CHAR_MM_PER_POINT = 0.18  # an average character's width, per point
NUMBER_CHARS = 7  # the characters of a formatted number ("12.345,6")
NORTH_ARROW_SVG = "arrows/NorthArrow_02.svg"
ATLAS_MARGIN = 0.08  # of the municipality's extent, around it on its page
PDF_DPI = 200


class AtlasError(Exception):
    """The template or an export failed; the message is for the planner."""


def region_atlas(project: QgsProject, coverage: QgsVectorLayer, layers: list, title: str,
                 figures: list[tuple[str, str]], sources: str, logo: str | None = None,
                 template: str | None = None) -> QgsPrintLayout:
    """A layout of ``project`` with an atlas over ``coverage`` (the municipalities with their figures), whose maps
    show ``layers`` (top first) around each municipality. ``figures`` are (label, QGIS expression) rows of the side
    panel; ``sources`` the footer."""
    layout = QgsPrintLayout(project)
    layout.setName(title)
    if template:
        _from_template(layout, template)
    else:
        layout.initializeDefaults()
        layout.pageCollection().page(0).setPageSize(QgsLayoutSize(*PAGE_MM, LAYOUT_MILLIMETERS))
        _built_in_page(layout, layers, title, figures, sources, logo)
    maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    if not maps:
        raise AtlasError(tr("Die Vorlage {template} enthält keine Karte.").format(template=template))
    for item in maps:
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        item.setCrs(coverage.crs())
        item.setAtlasDriven(True)
        item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
        item.setAtlasMargin(ATLAS_MARGIN)
        # the atlas keeps the aspect of the map's current extent: a new map has none, so it gets the item's
        item.setExtent(_with_aspect(coverage.extent(), item.rect().width() / item.rect().height()))
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setPageNameExpression('"name"')
    atlas.setFilenameExpression("'atlas_' || \"key\"")
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"key"')
    atlas.setEnabled(True)
    return layout


def _with_aspect(extent: QgsRectangle, aspect: float) -> QgsRectangle:
    """``extent`` widened or heightened about its centre to width / height = ``aspect``."""
    width, height = max(extent.width(), 1.0), max(extent.height(), 1.0)
    width, height = max(width, height * aspect), max(height, width / aspect)
    centre = extent.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2,
                        centre.y() + height / 2)


def _from_template(layout: QgsLayout, template: str) -> None:
    document = QDomDocument()
    try:
        text = Path(template).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AtlasError(tr("Die Vorlage {template} ist nicht lesbar: {error}").format(template=template,
                                                                                      error=error)) from error
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext()) if document.setContent(text) else ([], False)
    if not ok:
        raise AtlasError(tr("Die Vorlage {template} ist keine QGIS-Layoutvorlage (.qpt).").format(template=template))


def _label(layout: QgsLayout, text: str, x: float, y: float, width: float, height: float, size: float,
           bold: bool = False) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    label.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    label.attemptResize(QgsLayoutSize(width, height, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(label)
    return label


def _built_in_page(layout: QgsLayout, layers: list, title: str, figures: list[tuple[str, str]], sources: str,
                   logo: str | None) -> None:
    _label(layout, '[% "name" %]', 10, 6, 185, 10, 18, bold=True)
    _label(layout, title, 10, 16, 185, 7, 10)
    x, y, width, height = MAP_MM
    item = QgsLayoutItemMap(layout)
    item.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    item.attemptResize(QgsLayoutSize(width, height, LAYOUT_MILLIMETERS))
    item.setFrameEnabled(True)
    layout.addLayoutItem(item)

    arrow_svg = _svg(NORTH_ARROW_SVG)
    if arrow_svg:
        arrow = QgsLayoutItemPicture(layout)
        arrow.setPicturePath(arrow_svg)
        arrow.setLinkedMap(item)
        arrow.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
        arrow.attemptMove(QgsLayoutPoint(x + width - 16, y + 3, LAYOUT_MILLIMETERS))
        arrow.attemptResize(QgsLayoutSize(12, 12, LAYOUT_MILLIMETERS))
        layout.addLayoutItem(arrow)

    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(item)
    bar.setUnits(DISTANCE_KILOMETERS)
    bar.setUnitLabel("km")
    bar.setNumberOfSegments(4)
    bar.setNumberOfSegmentsLeft(0)
    bar.setUnitsPerSegment(1.0)
    bar.setSegmentSizeMode(SEGMENT_FIT_WIDTH)
    bar.setMinimumBarWidth(30)
    bar.setMaximumBarWidth(60)
    bar.setBackgroundEnabled(True)
    bar.attemptMove(QgsLayoutPoint(x + 3, y + height - 14, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(bar)

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(tr("Legende"))
    legend.setLinkedMap(item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        root.addLayer(layer)
    legend.attemptMove(QgsLayoutPoint(SIDE_X_MM, y, LAYOUT_MILLIMETERS))
    legend.setResizeToContents(True)
    for style, points in LEGEND_POINTS.items():
        set_legend_text_size(legend, style, points)
    legend.setSymbolHeight(LEGEND_SYMBOL_MM[1])
    legend.setSymbolWidth(LEGEND_SYMBOL_MM[0])
    for style, millimetres in LEGEND_SPACE_ABOVE_MM.items():
        legend.rstyle(style).setMargin(QgsLegendStyle.Side.Top, millimetres)
    layout.addLayoutItem(legend)

    # plain text: a label in HTML mode renders through a web view, which only the GUI thread may use
    # the legend lists the layers, not what a page shows: the same height on every page, the figures below it, in
    # the largest size at which all of them fit above the sources
    context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
    top = y + QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context).height() + 4
    room = PAGE_MM[1] - 14 - top
    points = next((points for points in FIGURE_POINTS if _lines(figures, points) * points * LINE_MM_PER_POINT <= room),
                  FIGURE_POINTS[-1])
    _label(layout, "\n".join(f"{label}: [% {expression} %]" for label, expression in figures), SIDE_X_MM, top,
           SIDE_WIDTH_MM, room, points)

    _label(layout, sources + " · " + tr("Stand: {date}").format(date=datetime.date.today().strftime("%d.%m.%Y"))
           + " · [% @atlas_featurenumber %] / [% @atlas_totalfeatures %]", 10, PAGE_MM[1] - 12, PAGE_MM[0] - 20, 8,
           7)
    if logo:
        picture = QgsLayoutItemPicture(layout)
        picture.setPicturePath(logo)
        picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        picture.attemptMove(QgsLayoutPoint(SIDE_X_MM + 35, 4, LAYOUT_MILLIMETERS))
        picture.attemptResize(QgsLayoutSize(SIDE_WIDTH_MM - 35, 16, LAYOUT_MILLIMETERS))
        layout.addLayoutItem(picture)


def _lines(figures: list[tuple[str, str]], points: float) -> int:
    """The lines the figures take in the side panel at ``points``: a figure wraps where its label, its numbers and
    the words of its expression (units, separators; not the dash that stands for a missing value) outrun the
    panel's width."""
    per_line = SIDE_WIDTH_MM / (CHAR_MM_PER_POINT * points)

    def characters(label: str, expression: str) -> int:
        words = [text for text in re.findall(r"'((?:[^']|'')*)'", expression) if text != "–"]
        return len(label) + 2 + NUMBER_CHARS * expression.count("format_number") + sum(len(text) for text in words)

    return sum(math.ceil(characters(label, expression) / per_line) for label, expression in figures)


def _svg(name: str) -> str | None:
    """The path of one of QGIS's own SVG symbols."""
    for folder in QgsApplication.svgPaths():
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    return None


def export_atlas(layout: QgsPrintLayout, region_pdf: str | None, folder: str | None) -> None:
    """The atlas as one PDF ``region_pdf`` and as one PDF per municipality in ``folder`` (atlas_<AGS>.pdf)."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = PDF_DPI
    settings.rasterizeWholeImage = False
    exports = ([(QgsLayoutExporter.exportToPdf, region_pdf)] if region_pdf else []) + \
        ([(QgsLayoutExporter.exportToPdfs, os.path.join(folder, "atlas.pdf"))] if folder else [])
    for export, path in exports:
        result, error = export(layout.atlas(), path, settings)
        if result != QgsLayoutExporter.ExportResult.Success:
            raise AtlasError(tr("Der Atlas konnte nicht als PDF geschrieben werden: {error}").format(error=error))
