"""A small horizontal bar chart painted with QPainter (no plotting library needed inside QGIS)."""

from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget


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
        value_texts = [f"{value:,.1f} {self.unit}".replace(",", " ") for _, value, _ in self.bars]
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
