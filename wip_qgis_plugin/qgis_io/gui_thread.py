"""Python's garbage collector while the plugin's tasks run: only the GUI thread collects.

A collection runs in whichever thread's allocation sets it off: a task's, a worker of the core's thread pool, any
plugin's. Qt objects waiting in reference cycles (a closed dialog and its QProcess, of any plugin) would then be
destroyed in that thread, and Qt crashes on that. So while a task of the plugin runs, Python's automatic collection
is paused (``core.parallel``) and the GUI thread collects instead, once a second, at Python's own thresholds.
"""
from __future__ import annotations

import gc

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThread, QTimer, pyqtSlot

from ..core.parallel import pause_collection, resume_collection

COLLECT_EVERY_MS = 1000


def in_gui_thread() -> bool:
    application = QCoreApplication.instance()
    return application is not None and QThread.currentThread() == application.thread()


class _GuiThreadCollector(QObject):
    """Counts the work running in other threads; while there is some, collects in the GUI thread."""

    def __init__(self):
        super().__init__()
        self._holds = 0
        self._timer = QTimer(self)
        self._timer.setInterval(COLLECT_EVERY_MS)
        self._timer.timeout.connect(self._collect)

    def hold(self) -> None:
        gc.collect()  # what is garbage now goes before the work starts
        if self._holds == 0:
            pause_collection()
            self._timer.start()
        self._holds += 1

    @pyqtSlot()
    def release(self) -> None:
        """The end of work in another thread: what became garbage meanwhile is collected here and now."""
        self.release_here(collect=True)

    def release_here(self, collect: bool) -> None:
        if self._holds == 0:
            return
        self._holds -= 1
        if self._holds == 0:
            self.stop(collect)

    def stop(self, collect: bool = True) -> None:
        if self._holds == 0 and not self._timer.isActive():
            return
        self._holds = 0
        self._timer.stop()
        resume_collection()
        if collect:
            gc.collect()

    def _collect(self) -> None:
        """Once no task runs any more, Python collects on its own again (also where a task was prepared but never
        ran); until then what is due."""
        if not QgsApplication.taskManager().countActiveTasks():
            self.stop()
            return
        # the oldest generation whose count passed its threshold, as Python's automatic collection would
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = next((g for g in (2, 1, 0) if thresholds[g] and counts[g] > thresholds[g]), None)
        if generation is not None:
            gc.collect(generation)


_collector: _GuiThreadCollector | None = None


def hold_collection() -> bool:
    """Work is about to go to another thread: collect now, then only in the GUI thread until ``release_collection``.
    Called in the GUI thread; elsewhere (a run within a run in a task) nothing, and False."""
    global _collector
    if not in_gui_thread():
        return False
    if _collector is None:
        _collector = _GuiThreadCollector()
    _collector.hold()
    return True


def release_collection(collect: bool = True) -> None:
    """The work of one ``hold_collection`` has ended (called from any thread); with the last, the garbage is
    collected in the GUI thread (unless not ``collect``: nothing ran elsewhere) and Python collects on its own
    again."""
    if _collector is None:
        return
    if in_gui_thread():
        _collector.release_here(collect)
    else:
        QMetaObject.invokeMethod(_collector, "release", Qt.ConnectionType.QueuedConnection)


def stop_collecting() -> None:
    """The plugin is unloaded: Python collects on its own again, whatever still runs."""
    global _collector
    if _collector is not None:
        _collector.stop()
        _collector.deleteLater()
        _collector = None
