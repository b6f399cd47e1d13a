"""A small horizontal bar chart painted with QPainter (no plotting library needed inside QGIS)."""

from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from ..core.i18n import format_number


class BarChart(QWidget):
    """Labelled horizontal bars with their values; ``set_bars([(label, value, colour), ...], unit)``."""

    BAR_HEIGHT = 18
    GAP = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[tuple[str, float, QColor]] = []
        self.unit = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars, unit: str = "") -> None:
        self.bars = [(label, float(value), QColor(colour)) for label, value, colour in bars]
        self.unit = unit
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(300, max(1, len(self.bars)) * (self.BAR_HEIGHT + self.GAP) + self.GAP)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        label_width = min(self.width() // 2, max(metrics.horizontalAdvance(label) for label, _, _ in self.bars) + 8)
        value_texts = [f"{format_number(value, 1)} {self.unit}" for _, value, _ in self.bars]
        value_width = max(metrics.horizontalAdvance(text) for text in value_texts) + 8
        bar_space = max(10, self.width() - label_width - value_width)
        largest = max((value for _, value, _ in self.bars), default=0) or 1.0
        for row, ((label, value, colour), value_text) in enumerate(zip(self.bars, value_texts)):
            top = self.GAP + row * (self.BAR_HEIGHT + self.GAP)
            label_rect = QRectF(0, top, label_width - 4, self.BAR_HEIGHT)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_rect.width())))
            width = bar_space * max(value, 0.0) / largest
            painter.fillRect(QRectF(label_width, top, width, self.BAR_HEIGHT), colour)
            painter.drawText(QRectF(label_width + width + 4, top, value_width, self.BAR_HEIGHT),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), value_text)
        painter.end()


class StackedBarChart(QWidget):
    """Vertical bars made of coloured segments, one bar per label, with a legend:
    ``set_data(labels, [(series name, colour, values per label), ...], unit)``."""

    HEIGHT = 180
    LEGEND_ROW = 16

    def __init__(self, parent=None):
        super().__init__(parent)
        self.labels: list[str] = []
        self.series: list[tuple[str, QColor, list[float]]] = []
        self.unit = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, labels, series, unit: str = "") -> None:
        self.labels = list(labels)
        self.series = [(name, QColor(colour), [max(float(v), 0.0) for v in values]) for name, colour, values
                       in series if any(values)]
        self.unit = unit
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def totals(self) -> list[float]:
        return [sum(values[index] for _, _, values in self.series) for index in range(len(self.labels))]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        rows = (len(self.series) + 1) // 2
        return QSize(300, self.HEIGHT + rows * self.LEGEND_ROW + 8)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        if not self.labels or not self.series:
            return
        painter = QPainter(self)
        metrics = QFontMetrics(self.font())
        text_height = metrics.height()
        # the unit on the first line, the tallest column's total on the second
        top, bottom = 2 * text_height + 6, self.HEIGHT - text_height - 4
        largest = max(self.totals()) or 1.0
        slot = self.width() / len(self.labels)
        width = slot * 0.6
        painter.setPen(self.palette().windowText().color())
        for index, (label, total) in enumerate(zip(self.labels, self.totals())):
            x = index * slot + (slot - width) / 2
            y = float(bottom)
            for _name, colour, values in self.series:
                height = (bottom - top) * values[index] / largest
                painter.fillRect(QRectF(x, y - height, width, height), colour)
                y -= height
            painter.drawText(QRectF(index * slot, bottom + 2, slot, text_height),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), label)
            painter.drawText(QRectF(index * slot, y - text_height - 2, slot, text_height),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                             format_number(total))
        painter.drawText(QRectF(0, 0, self.width(), text_height), int(Qt.AlignmentFlag.AlignLeft), self.unit)
        column = self.width() / 2
        for number, (name, colour, _values) in enumerate(self.series):
            x = (number % 2) * column
            y = self.HEIGHT + (number // 2) * self.LEGEND_ROW + 4
            painter.fillRect(QRectF(x + 4, y + 3, 10, 10), colour)
            painter.drawText(QRectF(x + 18, y, column - 20, self.LEGEND_ROW),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(column - 20)))
        painter.end()
