"""Run inside the real QGIS desktop (``qgis --code tests/desktop/session_script.py``) by
tests/test_desktop_session.py: the whole Planungsassistent on the demo municipality, as a planner clicks it.

Loads the demo with the assistant's own button, opens each step's dock with the assistant's "open tool" button, runs it
with its defaults through the dock's own buttons, waits for the background tasks, checks the result layers the step
added (valid, not empty, styled where the plugin ships a style), takes a screenshot of the screen and of the dock, and
watches throughout for Python exceptions (sys.excepthook), Python errors and warnings in the message log, critical
messages in the message bar and any dialog that pops up. Everything it sees goes into ``$WIP_SESSION_OUT/session.json``;
then QGIS quits. The script never asserts: the pytest side reads the JSON and decides.

Not a test module of its own (pytest collects test_*.py only); it runs in QGIS's Python, not in pytest's.
"""

import json
import os
import sys
import time
import traceback
from pathlib import Path

import qgis.utils
from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QScrollArea, QWidget

OUT = Path(os.environ["WIP_SESSION_OUT"])
STEP_TIMEOUT_S = float(os.environ.get("WIP_SESSION_STEP_TIMEOUT", "120"))
SESSION_TIMEOUT_S = float(os.environ.get("WIP_SESSION_TIMEOUT", "300"))
PLUGIN = "wip_qgis_plugin"
# step key → the algorithms (names in RESULT_STYLES) whose styled outputs the step must add
# (alternatives: the Ertrag step runs the wind layout or the PV yield)
STYLED_ALGORITHMS = {"eligibility": [("eligibility",)], "site_evaluation": [("sitescore",)],
                     "yield": [("windlayout",), ("pvyield",)], "zoning": [("zoningalternatives",)],
                     "heat": [("heatdensity", "heatsuitability")], "balance": []}
# words in a dock's headline that say the step did not do its work
# (not "fehlt": a Planungsvariante that "verfehlt" a target is a result, not a failure)
FAILURE_WORDS = ("fehlgeschlagen", "abgebrochen", "Bitte ", "nicht verwendbar", "enthält keine")

# too_wide: screenshot name → the widths a dock's form and its widest parts ask for where it scrolls sideways at
# 520 px
RESULT = {"steps": [], "errors": [], "warnings": [], "started": time.time(), "finished": False, "too_wide": {}}
STATE = {"step": "start", "expect_file_dialog": None, "done": False}


# -- watching for errors -------------------------------------------------------------------------------------------

def record_error(kind: str, text: str) -> None:
    RESULT["errors"].append({"step": STATE["step"], "kind": kind, "text": text})


def record_warning(kind: str, text: str) -> None:
    RESULT["warnings"].append({"step": STATE["step"], "kind": kind, "text": text})


_previous_hook = sys.excepthook


def _excepthook(kind, value, trace):
    record_error("exception", "".join(traceback.format_exception(kind, value, trace)))
    _previous_hook(kind, value, trace)


# QGIS logs Python errors and warnings under these tags, translated into the UI language ("Python-Fehler")
PYTHON_ERROR_TAGS = {"Python error", QCoreApplication.translate("Python", "Python error")}
PYTHON_WARNING_TAGS = {"Python warning", QCoreApplication.translate("Python", "Python warning")}


def _log_message(message, tag, level):
    if tag in PYTHON_ERROR_TAGS:
        record_error("message log: Python error", message)
    elif tag in PYTHON_WARNING_TAGS:
        # "warning:<file>:<line>: <category>: …" then the stack: a warning raised in the plugin's own code is an
        # error; one of a library the plugin calls (pandas in windpowerlib, say) is worth a look
        where = message.split("\n", 1)[0]
        (record_error if PLUGIN in where else record_warning)("message log: Python warning", message)
    elif level == Qgis.MessageLevel.Critical and tag in ("WIP", "Python", "Plugins", "Processing"):
        record_error(f"message log: {tag} critical", message)
    elif tag == "WIP" and level == Qgis.MessageLevel.Warning:
        record_warning("message log: WIP warning", message)


def _message_bar_item(item):
    from qgis.gui import QgsMessageBarItem
    from qgis.PyQt import sip

    try:
        if not isinstance(item, QgsMessageBarItem):
            item = sip.cast(item, QgsMessageBarItem)  # the signal hands over a QWidget
        text = f"{item.title()}: {item.text()}"
        level = item.level()
    except (RuntimeError, TypeError, AttributeError):
        return
    if level == Qgis.MessageLevel.Critical:
        record_error("message bar: critical", text)
    elif level == Qgis.MessageLevel.Warning:
        record_warning("message bar: warning", text)


def _dialog_text(widget: QWidget) -> str:
    parts = [type(widget).__name__, widget.windowTitle()]
    if isinstance(widget, QMessageBox):
        parts += [widget.text(), widget.informativeText(), widget.detailedText()]
    else:
        from qgis.PyQt.QtWidgets import QLabel, QTextEdit

        parts += [label.text() for label in widget.findChildren(QLabel)][:8]
        parts += [edit.toPlainText()[:2000] for edit in widget.findChildren(QTextEdit)][:3]
    return " | ".join(part for part in parts if part)


def _watch_dialogs():
    """Every visible dialog is an error, except the file dialog the session itself asked for: recorded (with a
    screenshot) and closed, so that a modal dialog cannot hang the session."""
    try:
        for widget in QApplication.topLevelWidgets():
            if not isinstance(widget, QDialog) or not widget.isVisible():
                continue
            if isinstance(widget, QFileDialog) and STATE["expect_file_dialog"]:
                path, STATE["expect_file_dialog"] = STATE["expect_file_dialog"], None
                _fill_file_dialog(widget, path)
                continue
            shot = OUT / f"dialog_{len(RESULT['errors']):02d}.png"
            _grab_screen(shot)
            record_error("dialog", _dialog_text(widget) + f" (screenshot {shot.name})")
            widget.reject()
            widget.close()
    except Exception:  # noqa: BLE001 - never an error dialog of the watchdog's own
        record_error("session script (dialog watchdog)", traceback.format_exc())


def _fill_file_dialog(dialog: QFileDialog, path: str) -> None:
    """Type the path and press the dialog's Save (or Open) button, as the planner does."""
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    dialog.selectFile(path)
    box = dialog.findChild(QDialogButtonBox)
    button = None
    if box is not None:
        button = box.button(QDialogButtonBox.StandardButton.Save) or box.button(QDialogButtonBox.StandardButton.Open)
    if button is None:
        raise RuntimeError("the file dialog has no Save button")
    button.click()


# -- helpers -------------------------------------------------------------------------------------------------------

def wait(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        wait(0.05)
    return condition()


def busy(dock) -> bool:
    """Whether the dock still works in the background (algorithm tasks, re-scoring, rank ranges)."""
    return any(getattr(dock, name)() for name in ("is_running", "is_busy") if hasattr(dock, name))


def headline(dock) -> str:
    return dock.form.headlineLabel.text()


def run_button(dock):
    """The button that runs the dock's step."""
    return dock.form.runButton


def _grab_screen(path: Path) -> None:
    QApplication.primaryScreen().grabWindow(0).save(str(path))


def settle_canvas() -> None:
    canvas = qgis.utils.iface.mapCanvas()
    canvas.refreshAllLayers()
    wait(0.3)
    wait_until(lambda: not canvas.isDrawing(), 20)
    wait(0.2)


def screenshot(name: str, dock=None) -> list:
    """The screen as the planner sees it, and the dock alone at the size a planner would give it (floating, 520 × 740
    like the manual's pictures) so that its results can be read."""
    settle_canvas()
    paths = [OUT / f"{name}.png"]
    _grab_screen(paths[0])
    if dock is not None and dock.isVisible():
        paths.append(OUT / f"{name}_dock.png")
        dock.setFloating(True)
        dock.resize(520, 740)
        wait(0.4)
        dock.grab().save(str(paths[1]))
        form = dock.findChild(QScrollArea)
        if form is not None and form.widget().minimumSizeHint().width() > form.viewport().width():
            wide = [f"{type(w).__name__} {w.objectName()}: {w.minimumSizeHint().width()} px"
                    for w in form.widget().findChildren(QWidget)
                    if w.minimumSizeHint().width() > form.viewport().width() - 200]
            RESULT["too_wide"][name] = [f"form {form.widget().minimumSizeHint().width()} px"] + wide[:12]
        dock.setFloating(False)
        wait(0.2)
    return [str(path) for path in paths]


def symbol_dumps(layer) -> set:
    """The layer's symbols as text (colours, outlines, sizes): a style's look, whatever renderer carries it."""
    renderer = layer.renderer()
    if renderer is None:
        return set()
    return {symbol.dump() for symbol in renderer.symbols(qgis.core.QgsRenderContext())}


def shipped_styles(algorithms) -> dict:
    """style name → .qml of the shipped styles of the outputs of ``algorithms`` (names in RESULT_STYLES)."""
    from wip_qgis_plugin.qgis_io.project import RESULT_STYLES, STYLES_DIR

    styles = {}
    for algorithm in algorithms:
        for style in RESULT_STYLES.get(algorithm, {}).values():
            if (STYLES_DIR / f"{style}.qml").exists():
                styles[style] = STYLES_DIR / f"{style}.qml"
    return styles


def carries_style(layer, qml: Path) -> bool:
    """Whether ``layer`` draws with the symbols the shipped style gives it (applied to a copy of the layer): as it
    is, or turned into rules (the Planungsvarianten filter the map by alternative)."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isSpatial():
        return False
    probe = layer.clone()
    try:
        probe.loadNamedStyle(str(qml))
        wanted = symbol_dumps(probe)
    finally:
        del probe
    return bool(wanted) and wanted <= symbol_dumps(layer)


def describe_layer(layer) -> dict:
    info = {"name": layer.name(), "id": layer.id(), "valid": layer.isValid(),
            "provider": layer.providerType(), "source": layer.source()[:300]}
    if isinstance(layer, QgsVectorLayer):
        count = layer.featureCount()
        if count < 0:
            count = sum(1 for _ in layer.getFeatures())
        renderer = layer.renderer()
        info.update(vector=True, spatial=layer.isSpatial(), features=count,
                    geometry=int(layer.geometryType()) if layer.isSpatial() else None,
                    renderer=renderer.type() if renderer is not None else None)
    else:
        info.update(vector=False)
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    groups, folded = [], []
    view = qgis.utils.iface.layerTreeView()
    parent = node.parent() if node is not None else None
    while parent is not None and parent.parent() is not None:
        groups.append(parent.name())
        if not view.isExpanded(view.node2index(parent)):
            folded.append(parent.name())
        parent = parent.parent()
    info["groups"] = groups
    info["folded_groups"] = folded  # the planner would not see the result in the layer panel
    info["in_tree"] = node is not None
    return info


def style_problems(alternatives, new_layers) -> list:
    """Every shipped style of the step's algorithms must be found on one of the new layers, a layer with it applied
    has the style's renderer, not QGIS's default single symbol. ``alternatives`` lists the algorithm sets a step
    may have run (Ertrag: wind or PV); one of them must be complete."""
    if not alternatives:
        return []
    missing_per_alternative = []
    for algorithms in alternatives:
        styles = shipped_styles(algorithms)
        missing = [style for style, qml in styles.items()
                   if not any(carries_style(layer, qml) for layer in new_layers)]
        if not missing:
            return []
        missing_per_alternative.append(missing)
    best = min(missing_per_alternative, key=len)
    return [f"no new layer carries the shipped style {style}.qml (unstyled or QGIS's default renderer)"
            for style in best]


# -- the session ---------------------------------------------------------------------------------------------------

def plugin():
    return qgis.utils.plugins.get(PLUGIN)


def open_step(key: str):
    """Select the step in the assistant's tree and press its "open tool" button, as the planner does."""
    assistant = plugin().docks["assistant"]
    tree = assistant.form.stepsTree
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        if item.data(0, 256) == key:  # Qt.UserRole
            tree.setCurrentItem(item)
            break
    else:
        raise AssertionError(f"the assistant lists no step {key!r}")
    title = tree.currentItem().text(0)
    status = tree.currentItem().text(1)
    assistant.form.openToolButton.click()
    dock = plugin().docks[key]
    wait_until(dock.isVisible, 5)
    wait(0.3)
    return dock, title, status


def close_step(dock) -> None:
    dock.setUserVisible(False)
    wait(0.1)


def run_dock(dock, timeout: float = STEP_TIMEOUT_S) -> list:
    """Press the dock's run button and wait until its background work is done; problems found."""
    button = run_button(dock)
    if not button.isEnabled():
        return [f"the run button „{button.text()}“ is disabled with the defaults (headline: {headline(dock)!r})"]
    button.click()
    wait(0.2)
    if not wait_until(lambda: not busy(dock), timeout):
        return [f"still running after {timeout:.0f} s (headline: {headline(dock)!r})"]
    return []


def check_step(record: dict, dock, before: set, algorithms) -> None:
    """The headline, the progress bar and the layers the step added."""
    problems = record["problems"]
    text = headline(dock)
    record["headline"] = text
    if any(word in text for word in FAILURE_WORDS):
        problems.append(f"the dock reports a failure: {text!r}")
    progress = getattr(getattr(dock, "form", None), "progressBar", None)
    if progress is not None:
        record["progress"] = progress.value()
        if progress.value() != 100:
            problems.append(f"progress bar at {progress.value()} %, not 100 %")
    project = QgsProject.instance()
    new_layers = [layer for layer_id, layer in project.mapLayers().items() if layer_id not in before]
    record["layers"] = [describe_layer(layer) for layer in new_layers]
    if not new_layers:
        problems.append("no result layer was added to the project")
    for info in record["layers"]:
        if not info["valid"]:
            problems.append(f"result layer {info['name']!r} is not valid ({info['source']})")
        elif info.get("vector") and info["features"] == 0:
            problems.append(f"result layer {info['name']!r} is empty")
        if not info["in_tree"]:
            problems.append(f"result layer {info['name']!r} is not in the layer tree")
        elif info["folded_groups"]:
            problems.append(f"result layer {info['name']!r} lies in folded groups {info['folded_groups']}")
    problems += style_problems(algorithms, new_layers)


def step_errors(key: str) -> list:
    return [error for error in RESULT["errors"] if error["step"] == key]


def run_step(number: int, key: str, action) -> None:
    """Open step ``key`` from the assistant, do ``action(dock, record)``, check and photograph the result."""
    STATE["step"] = key
    record = {"number": number, "key": key, "problems": [], "screenshots": []}
    RESULT["steps"].append(record)
    started = time.monotonic()
    try:
        before = set(QgsProject.instance().mapLayers())
        dock, record["title"], record["assistant_status"] = open_step(key)
        record["screenshots"] += screenshot(f"{number}_{key}_before", dock)
        action(dock, record)
        check_step(record, dock, before, STYLED_ALGORITHMS[key])
        record["screenshots"] += screenshot(f"{number}_{key}", dock)
        close_step(dock)
    except Exception:  # noqa: BLE001 - the session goes on and reports
        record["problems"].append("the session script failed: " + traceback.format_exc())
    wait(0.2)  # late signals of the step are still the step's
    record["seconds"] = round(time.monotonic() - started, 1)
    record["errors"] = step_errors(key)
    record["ok"] = not record["problems"] and not record["errors"]


def eligibility(dock, record) -> None:
    """The dock's default catalog, then the ground-mounted PV catalog: the later steps need both."""
    record["catalogs"] = []
    combo = dock.form.catalogCombo
    for catalog_id in [combo.currentData()] + [c for c in ("lsa_pv_freiflaeche",) if c != combo.currentData()]:
        combo.setCurrentIndex(combo.findData(catalog_id))
        wait(0.1)
        record["catalogs"].append(catalog_id)
        record["problems"] += run_dock(dock)
        if record["problems"] or any(word in headline(dock) for word in FAILURE_WORDS):
            return


def site_evaluation(dock, record) -> None:
    record["problems"] += run_dock(dock)


def yield_step(dock, record) -> None:
    record["problems"] += run_dock(dock)


def zoning(dock, record) -> None:
    record["problems"] += run_dock(dock)


def heat(dock, record) -> None:
    record["problems"] += run_dock(dock)


def balance(dock, record) -> None:
    """The balance, then the Zukunftsprofil through the report button and its file dialog."""
    record["problems"] += run_dock(dock)
    allocation = dock.form.allocationCombo.currentLayer()
    if any(word in headline(dock) for word in FAILURE_WORDS) and allocation is not None:
        # the failure with the defaults is recorded; then the planner's way out, an alternative the suggested
        # Planungsvariante has, so that the report is still tested
        numbers = sorted({feature["alternative"] for feature in allocation.getFeatures()}
                         if "alternative" in allocation.fields().names() else [])
        record["problems"].append(f"the dock reports a failure with its defaults: {headline(dock)!r} (Planungsvariante "
                                  f"{allocation.name()!r}, Nr. {dock.form.alternativeSpin.value()}; it has the "
                                  f"alternatives {numbers})")
        if numbers:
            dock.form.alternativeSpin.setValue(int(numbers[0]))
            record["workaround"] = f"alternative {numbers[0]}"
            record["problems"] += run_dock(dock)
    if any(problem.startswith("still running") for problem in record["problems"]):
        return
    record["balance_headline"] = headline(dock)
    wait(0.2)
    report = OUT / "zukunftsprofil.html"
    button = dock.form.reportButton
    if not button.isEnabled():
        record["problems"].append("the report button is disabled after the balance")
        return
    STATE["expect_file_dialog"] = str(report)
    QTimer.singleShot(0, button.click)  # the dialog is modal: the watchdog fills it in
    if not wait_until(lambda: STATE["expect_file_dialog"] is None, 15):
        STATE["expect_file_dialog"] = None
        record["problems"].append("no file dialog after the report button; writing the report directly")
        dock.write_report(str(report))
    wait(0.3)
    if not wait_until(lambda: not busy(dock), STEP_TIMEOUT_S):
        record["problems"].append("the report is still being written")
    record["report_label"] = dock.form.reportLabel.text()
    missing = [path.name for path in (report, report.with_suffix(".pdf")) if not path.exists()]
    if missing:
        record["problems"].append(f"the Zukunftsprofil was not written ({', '.join(missing)} missing; headline "
                                  f"{headline(dock)!r})")
    record["report"] = {"html": str(report), "pdf": str(report.with_suffix(".pdf"))}
    RESULT["report"] = record["report"]


STEPS = [(1, "eligibility", eligibility), (2, "site_evaluation", site_evaluation), (3, "yield", yield_step),
         (4, "zoning", zoning), (5, "heat", heat), (6, "balance", balance)]


def session() -> None:
    window = qgis.utils.iface.mainWindow()
    window.setGeometry(0, 0, 1366, 768)  # the whole screen: Xvfb has no window manager to maximise it
    loaded = plugin()
    RESULT["plugin_loaded"] = loaded is not None
    if loaded is None:
        RESULT["plugin_error"] = str(qgis.utils.plugins) + " " + str(getattr(qgis.utils, "plugin_paths", ""))
        return
    import wip_qgis_plugin

    RESULT["plugin_file"] = wip_qgis_plugin.__file__
    RESULT["locale"] = qgis.core.QgsSettings().value("locale/userLocale", "")
    RESULT["qgis_version"] = Qgis.QGIS_VERSION
    RESULT["actions"] = {key: action.text() for key, action in loaded.actions.items()}
    STATE["step"] = "demo"
    loaded.actions["assistant"].trigger()  # the toolbar button
    assistant = loaded.docks["assistant"]
    wait_until(assistant.isVisible, 5)
    tree = assistant.form.stepsTree
    RESULT["assistant_steps"] = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    before = set(QgsProject.instance().mapLayers())
    assistant.form.loadDemoButton.click()
    wait(0.5)
    demo = {"layers": [describe_layer(layer) for layer_id, layer in QgsProject.instance().mapLayers().items()
                       if layer_id not in before],
            "assistant_status": {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1)
                                 for i in range(tree.topLevelItemCount())}}
    demo["screenshots"] = screenshot("0_demo", assistant)
    canvas = qgis.utils.iface.mapCanvas()
    boundary = QgsProject.instance().mapLayersByName("real_gemeinde")
    if boundary:
        shown = canvas.extent()
        wanted = canvas.mapSettings().layerExtentToOutputExtent(boundary[0], boundary[0].extent())
        demo["canvas_extent"] = [shown.xMinimum(), shown.yMinimum(), shown.xMaximum(), shown.yMaximum()]
        demo["municipality_extent"] = [wanted.xMinimum(), wanted.yMinimum(), wanted.xMaximum(), wanted.yMaximum()]
        demo["canvas_scale"] = canvas.scale()
        canvas.setExtent(wanted.buffered(1000))  # as the planner would zoom in: the screenshots show the results
    demo["errors"] = step_errors("demo")
    RESULT["demo"] = demo
    STATE["step"] = "data"  # the Daten step: what the data profiles and name hints found for the demo
    dock, title, status = open_step("data")
    RESULT["data_step"] = {"title": title, "status": status, "rows": dock.form.criteriaTable.rowCount(),
                           "coverage": dock.form.coverageLabel.text(), "screenshots": screenshot("0_data", dock),
                           "errors": step_errors("data")}
    close_step(dock)
    for number, key, action in STEPS:
        run_step(number, key, action)
        if time.monotonic() - STATE["t0"] > SESSION_TIMEOUT_S:
            break
    STATE["step"] = "end"
    assistant.setUserVisible(True)
    wait(0.3)
    RESULT["final_screenshots"] = screenshot("7_all_steps")
    STATE["step"] = "unload"
    qgis.utils.unloadPlugin(PLUGIN)
    wait(0.3)


def write_result() -> None:
    STATE["step"] = "written"
    RESULT["seconds"] = round(time.monotonic() - STATE["t0"], 1)
    path = OUT / "session.json"
    path.with_suffix(".tmp").write_text(json.dumps(RESULT, indent=1, ensure_ascii=False, default=str),
                                        encoding="utf-8")
    path.with_suffix(".tmp").replace(path)


def quit_qgis() -> None:
    QgsProject.instance().setDirty(False)  # no "save the project?" question
    QgsApplication.exit(0)
    QTimer.singleShot(30000, lambda: os._exit(3))  # should QGIS not end on its own


def on_timeout() -> None:
    if STATE["done"]:
        return
    record_error("timeout", f"the session did not finish within {SESSION_TIMEOUT_S + 60:.0f} s "
                            f"(in step {STATE['step']})")
    _grab_screen(OUT / "timeout.png")
    write_result()
    os._exit(4)


def start() -> None:
    STATE["t0"] = time.monotonic()
    try:
        if not wait_until(lambda: plugin() is not None, 30):
            RESULT["plugin_loaded"] = False
        session()
        RESULT["finished"] = True
    except Exception:  # noqa: BLE001
        record_error("session script", traceback.format_exc())
    STATE["done"] = True
    write_result()
    quit_qgis()


OUT.mkdir(parents=True, exist_ok=True)
sys.excepthook = _excepthook
QgsApplication.messageLog().messageReceived.connect(_log_message)
qgis.utils.iface.messageBar().widgetAdded.connect(_message_bar_item)
_dialog_timer = QTimer()
_dialog_timer.setInterval(200)
_dialog_timer.timeout.connect(_watch_dialogs)
_dialog_timer.start()
QTimer.singleShot(int((SESSION_TIMEOUT_S + 60) * 1000), on_timeout)
QTimer.singleShot(1500, start)
