"""Shared base class of all WIP Processing algorithms, and the helpers they share to read attributes and to write
results next to the input fields."""
from __future__ import annotations

import math
import threading
import traceback

from qgis.core import (
    QgsCoordinateTransform,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
)
from qgis.PyQt import sip

from .. import log
from ..core.i18n import tr
from ..core.lazy import lazy_module
from ..core.profiles import layer_columns, profile_feed, recognise
from ..core.workflow import normalise
from ..manual import manual_url
from ..qgis_io.compat import GEOMETRY_NO_CHECK, OVERRIDE_GEOMETRY_CHECK, WKB_NO_GEOMETRY, new_field
from ..qgis_io.gui_thread import hold_collection, in_gui_thread, release_collection
from ..qgis_io.layers import Reading, is_null, read_frame, table_rows
from ..qgis_io.project import apply_style, describe_layer, result_style
from ..qgis_io.register import CANCELLED, FAILED, OK, RUN_ID, catalog_entry
from .guards import StagedSinks, check_run, drop_unfinished_tables, remove_new_outputs, snapshot
from .provider import WorkflowPlace
from .run_register import finish_record, start_record

gpd = lazy_module("geopandas")
np = lazy_module("numpy")
pd = lazy_module("pandas")

REGISTER_INPUT = "generation_units"  # the workflow input a data profile's feed names for registered units
_computing = threading.local()  # .runs: WIP runs computing in this thread (a region run's children run within it)


def _release_frames(error: BaseException) -> None:
    """Drop what the frames of a failed run hold: its sinks write their last features and close now, before the
    run's new outputs are removed. (Not ``gc.collect()``: in a task's thread it would also destroy the GUI's Qt
    objects waiting in reference cycles, and Qt crashes on that.)"""
    while error is not None:
        traceback.clear_frames(error.__traceback__)
        error = error.__cause__ or error.__context__


class WipAlgorithm(WorkflowPlace, QgsProcessingAlgorithm):
    """Subclasses set ``algorithm_id`` and implement ``process`` (Processing's ``processAlgorithm``) and the other
    Processing methods, their texts through ``self.tr``.

    Every run is guarded here: before anything is read or written, outputs that would replace an input or each
    other and inputs without a CRS are refused; feature outputs to plain files are written under temporary names
    and moved into place when the run succeeded; a run that fails or is cancelled removes the outputs it created,
    and an unexpected error becomes a message (its traceback goes to the log).

    ``algorithm_id`` and the parameter names are public API: models and batch files depend on them.
    """

    algorithm_id = ""

    def checkParameterValues(self, parameters, context):  # noqa: N802 - Processing API
        """The dialog and ``processing.run`` ask first: the guards' message then reaches the planner as it is."""
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            try:
                check_run(self, parameters, context)
            except QgsProcessingException as error:
                return False, str(error)
        return ok, message

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 - Processing API
        """Models, tasks and ``qgis_process`` come here, before anything is read or written (a task's run: in the
        GUI thread, before the task's own)."""
        # a task's run: only the GUI thread collects Python's garbage until it ends (a run within a run: its parent's)
        self._holding_collection = not getattr(_computing, "runs", 0) and hold_collection()
        outputs = check_run(self, parameters, context, feedback)
        drop_unfinished_tables(outputs)
        self._outputs_before = snapshot(outputs)
        self._staged = StagedSinks()
        self._record, self._stores = start_record(self, parameters, context, outputs)
        return True

    def note_catalog(self, catalog) -> None:
        """The run uses ``catalog``: its id, version and file hash go into the run register (once)."""
        record = getattr(self, "_record", None)
        entry = catalog_entry(catalog)
        if record is not None and entry not in record.catalogs:
            record.catalogs.append(entry)

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):  # noqa: N802 - Processing API
        """Processing's sink, for a plain file or a database table written under a temporary name (see
        ``StagedSinks``); a new GeoPackage's may be filled in bulk (``GeoPackageSink``)."""
        self._record.checksums.complete()  # the inputs' files are read before anything is written
        final = self.parameterAsOutputLayer(parameters, name, context)
        fields = args[0] if args else kwargs["fields"]
        geometry_type = args[1] if len(args) > 1 else kwargs.get("geometryType", WKB_NO_GEOMETRY)
        staged = self._staged.stage(final, spatial=geometry_type != WKB_NO_GEOMETRY)
        if staged is not None:
            value = parameters[name]
            definition = QgsProcessingOutputLayerDefinition(value) \
                if isinstance(value, QgsProcessingOutputLayerDefinition) else QgsProcessingOutputLayerDefinition()
            definition.sink = QgsProperty.fromValue(staged)
            parameters = dict(parameters, **{name: definition})
        sink, destination = super().parameterAsSink(parameters, name, context, *args, **kwargs)
        if staged is not None:
            self._staged.remember(destination, self._staged.final_destination(final, staged))
            sink = self._staged.handed_over(staged, sink, fields, geometry_type)
        return sink, destination

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - Processing API
        if in_gui_thread():  # not a task's run (the Python console, qgis_process): Python collects on its own
            self._release_collection(collect=False)
        try:
            return self._guarded_run(parameters, context, feedback)
        finally:
            self._release_collection()

    def _release_collection(self, collect: bool = True) -> None:
        if getattr(self, "_holding_collection", False):
            self._holding_collection = False
            release_collection(collect)

    def _guarded_run(self, parameters, context, feedback) -> dict:
        failure = None
        _computing.runs = getattr(_computing, "runs", 0) + 1
        try:
            results = self.process(parameters, context, feedback)
        except QgsProcessingException as error:
            failure = str(error)
            _release_frames(error)
        except Exception as error:  # noqa: BLE001 - a planner gets a message, the log keeps the traceback
            log.critical(traceback.format_exc())
            failure = tr("Interner Fehler in {algorithm} ({kind}: {error}). Die Eingaben sind unverändert, "
                         "Ergebnisse wurden nicht geschrieben. Bitte melden Sie den Fehler mit dem Protokoll "
                         "(Protokollmeldungen, Reiter WIP).").format(algorithm=self.displayName(),
                                                                    kind=type(error).__name__, error=error)
            _release_frames(error)
        finally:
            _computing.runs -= 1
        if failure is None and not feedback.isCanceled():
            try:
                published = self._publish(results, context)
            except QgsProcessingException as error:
                finish_record(self._record, self._stores, FAILED, {}, feedback, str(error))
                raise
            finish_record(self._record, self._stores, OK, published, feedback)
            return dict(published, **{RUN_ID: self._record.run_id})
        for table in self._staged.discard():
            feedback.pushWarning(tr("Die unfertige Tabelle {table} konnte nicht entfernt werden (keine Verbindung "
                                    "zur Datenbank); der nächste Lauf in diese Datenbank entfernt sie.").format(
                table=table))
        remove_new_outputs(self._outputs_before)
        finish_record(self._record, self._stores, FAILED if failure is not None else CANCELLED, {}, feedback,
                      failure or "")
        if failure is not None:
            raise QgsProcessingException(failure)
        return {}

    def _publish(self, results: dict, context) -> dict:
        """Move the staged files into place; results and the layers to load name the final files."""
        try:
            self._staged.commit()
        except QgsProcessingException:
            self._staged.discard()
            remove_new_outputs(self._outputs_before)
            raise
        loads = context.layersToLoadOnCompletion()
        if any(key in self._staged.destinations for key in loads):
            context.setLayersToLoadOnCompletion({self._staged.final(key): details for key, details in loads.items()})
        for key, details in context.layersToLoadOnCompletion().items():
            style = result_style(self.algorithm_id, details.outputName)
            if style is not None:
                context.layerToLoadOnCompletionDetails(key).setPostProcessor(ResultStyler.create(style))
        return {key: self._staged.final(value) for key, value in results.items()}

    def process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError

    def tr(self, text: str) -> str:
        return tr(text)

    def parameterAsCells(self, parameters, name, context) -> list:  # noqa: N802 - next to parameterAsMatrix
        """The cells of a matrix parameter, row by row; an unset matrix is empty (QGIS gives ``[NULL]`` for it)."""
        cells = self.parameterAsMatrix(parameters, name, context)
        if all(is_null(cell) for cell in cells):
            return []
        return cells

    def chosen_field(self, parameters, name, source, context, feedback, hints) -> str | None:
        """The field the planner chose for parameter ``name``, or else the first whose normalised name is one of
        ``hints`` (reported, so the planner sees what was assumed)."""
        chosen = self.parameterAsString(parameters, name, context)
        if chosen:
            return chosen
        for field in source.fields().names():
            if normalise(field) in hints:
                feedback.pushInfo(tr("Feld „{field}“ wird als {role} verwendet.").format(
                    field=field, role=self.parameterDefinition(name).description()))
                return field
        return None

    def read_input(self, parameters, name, context, feedback, crs=None, fields: list[str] | None = None,
                   extent=None, repairs_geometries: bool = False):
        """Feature input ``name`` as a GeoDataFrame (``read_frame``): only its selected features, at most its feature
        limit, and features with invalid geometries as Processing's setting or the input's own says (all of them
        where the algorithm ``repairs_geometries`` itself); ``crs``, ``fields`` and ``extent`` as for
        ``read_frame``."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        value = parameters.get(name)
        definition = value if isinstance(value, QgsProcessingFeatureSourceDefinition) else None
        if repairs_geometries:
            check = GEOMETRY_NO_CHECK
        elif definition is not None and definition.flags & OVERRIDE_GEOMETRY_CHECK:
            check = definition.geometryCheck
        else:
            check = context.invalidGeometryCheck()
        reading = Reading(selected_only=bool(definition and definition.selectedFeaturesOnly),
                          limit=definition.featureLimit if definition is not None else -1, geometry_check=check,
                          expression=getattr(definition, "filterExpression", "") or "")
        return read_frame(source, crs, context, feedback, fields,
                          layer=self.parameterAsVectorLayer(parameters, name, context), reading=reading, extent=extent)

    def read_around(self, parameters, name, context, feedback, area, crs, fields: list[str] | None = None):
        """Feature input ``name`` in ``crs`` (as ``read_input`` reads it), only its features within the extent of the
        source ``area``: a census grid covers all of Germany."""
        source = self.parameterAsSource(parameters, name, context)
        around = QgsCoordinateTransform(area.sourceCrs(), source.sourceCrs(), context.transformContext())
        return self.read_input(parameters, name, context, feedback, crs, fields,
                               extent=around.transformBoundingBox(area.sourceExtent()))

    def input_frame(self, parameters, name, context, feedback, input_key: str, crs=None):
        """Feature input ``name`` (as ``read_input`` reads it, in ``crs``) as the step's input ``input_key``: all its
        features, or of a layer a data profile recognises those its profile selects (the street sections among an
        OSM extract's lines, the turbines in operation in the Marktstammdatenregister)."""
        frame = self.read_input(parameters, name, context, feedback, crs)
        layer = self.parameterAsVectorLayer(parameters, name, context)
        fed = profile_feed(recognise(describe_layer(layer)), input_key) if layer is not None else None
        if fed is None:
            return frame
        return profile_selected(frame, list(frame.columns), *fed, self.parameterDefinition(name).description(),
                                feedback)

    def read_table(self, parameters, name, context, fields: tuple[str, ...], optional_fields=()) -> list[dict]:
        """The rows of table input ``name`` (``fields`` and those of ``optional_fields`` it has) as dicts; none when
        the input is not given. A missing field is named."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return []
        missing = [field for field in fields if field not in source.fields().names()]
        if missing:
            raise QgsProcessingException(self.tr("„{layer}“: es fehlen die Felder {fields}.").format(
                layer=source.sourceName(), fields=", ".join(missing)))
        present = [field for field in optional_fields if field in source.fields().names()]
        return table_rows(source, list(fields) + present)

    def createInstance(self):  # noqa: N802 - Processing API
        return type(self)()

    def name(self) -> str:
        return self.algorithm_id

    def helpUrl(self) -> str:  # noqa: N802 - Processing API
        """The algorithm's page of the manual in the plugin folder: help works offline."""
        return manual_url(f"algorithms/{self.algorithm_id}")


class ResultStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles a result layer when Processing loads it (toolbox, model, batch), as the docks style it."""

    _alive: list[ResultStyler] = []  # Processing does not own a post-processor, yet QGIS deletes it after use

    def __init__(self, style: str):
        super().__init__()
        self.style = style

    @classmethod
    def create(cls, style: str) -> ResultStyler:
        cls._alive = [styler for styler in cls._alive if not sip.isdeleted(styler)]
        styler = cls(style)
        cls._alive.append(styler)
        return styler

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - Processing API
        apply_style(layer, self.style)


def result_fields(source, extra: list[tuple[str, str]]) -> QgsFields:
    """The input's fields plus the result fields (name, field type of qgis_io.compat); a result field whose name the
    input already has (a second run on its own output) is not added again: its values replace the input's."""
    fields = QgsFields(source.fields())
    for name, kind in extra:
        if fields.indexOf(name) < 0:
            fields.append(new_field(name, kind))
    return fields


def field_values(rows, name: str | None) -> list:
    """The values of field ``name`` of each feature (a list of features or a frame from ``read_input``), None for
    NULL; all None when there is no such field."""
    if isinstance(rows, pd.DataFrame):
        if not name or name not in rows.columns:
            return [None] * len(rows)
        column = rows[name]
        return column.astype(object).where(column.notna(), None).tolist()
    if not name or not rows:
        return [None] * len(rows)
    index = rows[0].fields().lookupField(name)  # by index: a name lookup per feature is slow
    values = [feature[index] for feature in rows]
    return [None if is_null(value) else value for value in values]


def numbers(rows, name: str | None, label: str, low: float = -math.inf, high: float = math.inf) -> np.ndarray:
    """The values of a numeric field as floats (NaN for NULL); text that is no number, and a value outside
    ``low``–``high`` (what is physically possible), is named with its object."""
    def fid(row: int):
        return rows.index[row] if isinstance(rows, pd.DataFrame) else rows[row].id()

    column = rows[name] if isinstance(rows, pd.DataFrame) and name in rows.columns else None
    numeric = column is not None and pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
    values = column.to_numpy(dtype=float, na_value=np.nan) if numeric else np.full(len(rows), np.nan)
    for row, value in enumerate(() if numeric else field_values(rows, name)):  # text: value by value
        if value is None:
            continue
        try:
            values[row] = float(value)
        except (TypeError, ValueError) as error:
            raise QgsProcessingException(tr("{label} („{field}“) von Objekt {fid}: „{value}“ ist keine Zahl.").format(
                label=label, field=name, fid=fid(row), value=value)) from error
    outside = np.flatnonzero((values < low) | (values > high))
    if len(outside):
        row = outside[0]
        raise QgsProcessingException(tr(
            "{label} („{field}“) von Objekt {fid}: {value:g} ist unmöglich (erlaubt {low:g} bis {high:g}); "
            "{count} Objekt(e) betroffen.").format(label=label, field=name, fid=fid(row),
                                                  value=values[row], low=low, high=high, count=len(outside)))
    return values


def profile_selected(rows, field_names, recognition, feed, label: str, feedback):
    """The rows (features, or a frame from ``read_input``) a data profile's feed selects from a recognised layer
    (all of them for a feed without selection), as the log says; a field of the selection the layer lacks is warned
    of."""
    if feed.selection is None:
        return rows
    tag_column = recognition.profile.tag_column
    columns = layer_columns(feed.fields(), tag_column, field_names)
    held = {normalise(column) for column in columns}
    missing = [field for field in feed.fields() if field not in held]
    if missing and tag_column not in held:
        feedback.pushWarning(tr("{input}: der Ebene fehlt das Feld {fields} des Datenmodells {model}; keines ihrer "
                                "Objekte erfüllt diese Bedingung.").format(input=label, fields=", ".join(missing),
                                                                          model=recognition.label()))
    frame = pd.DataFrame({column: field_values(rows, column) for column in columns}, index=range(len(rows)))
    keep = np.asarray(feed.selection.mask(frame, tag_column), dtype=bool)
    feedback.pushInfo(tr("{input} nach dem Datenmodell {model}: {count} von {total} Objekten ({how}).").format(
        input=label, model=recognition.label(), count=int(keep.sum()), total=len(rows),
        how=feed.selection.describe()))
    return rows[keep] if isinstance(rows, pd.DataFrame) else [row for row, kept in zip(rows, keep) if kept]


def census_heating_columns(layer) -> dict | None:
    """For a grid of the 2022 census with buildings by heating carrier (as its data profile recognises it): its
    columns (normalised names) and the balance's carrier each stands for; None for any other layer."""
    if layer is None:
        return None
    return next((r.layer_class.heating for r in recognise(describe_layer(layer)) if r.layer_class.heating), None)


def census_counts(cells, field: str) -> np.ndarray:
    """A census grid's counts in ``field`` of each cell; NaN for a suppressed one ("–")."""
    return pd.to_numeric(pd.Series(field_values(cells, field), dtype=object), errors="coerce").to_numpy(float)


def registered_units(layer, crs, context, feedback) -> gpd.GeoDataFrame:
    """The units in operation of a layer of the Marktstammdatenregister, in ``crs``: ``number``
    (EinheitMastrNummer), ``carrier`` (pv, wind, … or None), ``kw`` (Nettonennleistung; NaN where it is no number),
    ``ags`` (Gemeindeschlüssel with 8 digits, "" where not given), ``location`` (Lage, "" where not given) and the
    unit's place (None for the small units the register publishes without coordinates)."""
    recognised = [r for r in recognise(describe_layer(layer)) if r.layer_class.carriers is not None]
    fed = profile_feed(recognised, REGISTER_INPUT)
    names = {normalise(name): name for name in layer.fields().names()}
    if fed is None or "nettonennleistung" not in names:
        raise QgsProcessingException(tr("„{layer}“ ist keine Einheitenliste des Marktstammdatenregisters (Felder "
                                        "EinheitMastrNummer, Nettonennleistung).").format(layer=layer.name()))
    listed = read_frame(layer, crs, context, feedback)
    units = profile_selected(listed, list(listed.columns), *fed, layer.name(), feedback)
    carriers = fed[0].layer_class.carriers
    powers = pd.to_numeric(pd.Series(field_values(units, names["nettonennleistung"]), dtype=object).astype(str)
                           .str.replace(",", "."), errors="coerce").to_numpy(float)
    keys = field_values(units, names.get("gemeindeschluessel"))
    return gpd.GeoDataFrame({
        "number": field_values(units, names.get("einheitmastrnummer")),
        "carrier": [carriers.of(kind) for kind in field_values(units, names.get(carriers.field))],
        "kw": powers, "ags": [str(key).zfill(8) if key not in (None, "") else "" for key in keys],
        "location": [str(value) if value is not None else "" for value in field_values(units, names.get("lage"))]},
        geometry=np.asarray(units.geometry.values, dtype=object), crs=units.crs)
