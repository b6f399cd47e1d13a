"""Work leaving the GUI thread: Python's garbage is collected first, where the Qt objects in it belong."""
from __future__ import annotations

import gc

from qgis.PyQt.QtCore import QCoreApplication, QThread


def collect_garbage_in_gui_thread() -> None:
    """In the GUI thread, collect Python's garbage now, before work goes to another thread (a task, the cores of
    a run): a collection that Python code there sets off would destroy Qt objects waiting in reference cycles (a
    closed dialog and its QProcess, of any plugin) in that thread, and Qt crashes on that. Elsewhere nothing."""
    application = QCoreApplication.instance()
    if application is not None and QThread.currentThread() == application.thread():
        gc.collect()
