"""Wind turbine types and their annual energy: power curves from the shipped turbine catalog, from a planner's own
catalog file or from windpowerlib's turbine library (when installed), mean wind speed at hub height by the power law,
and the energy of a Weibull wind-speed distribution through the power curve, less the park's losses (wake,
availability, electrical, curtailment); the shipped defaults of a park in the region.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .i18n import localised, tr
from .json_reader import Figure, JsonReader
from .lazy import lazy_module

np = lazy_module("numpy")

TURBINES_FILE = Path(__file__).resolve().parent.parent / "resources" / "yield" / "turbines.json"
WIND_DEFAULTS_FILE = TURBINES_FILE.with_name("wind_defaults.json")
WINDPOWERLIB_PREFIX = "windpowerlib:"
DEFAULT_TURBINE_ID = "ref_neubau_6mw"  # the reference turbine of the criteria catalogs' distances, too
HOURS_PER_YEAR = 8760.0
# speeds at which a Weibull distribution is integrated through the power curve (m/s); the curve is linear between
# its points, so 0.05 m/s keeps the error of the midpoint rule far below the losses' uncertainty
SPEED_STEP, SPEED_MAX = 0.05, 40.0


@cache
def _speed_edges():
    return np.arange(0.0, SPEED_MAX + 1e-9, SPEED_STEP)


class WindError(ValueError):
    """Input the wind yield or layout cannot work with; the message says what and where."""


@dataclass(frozen=True)
class TurbineType:
    id: str
    label: str
    rated_kw: float
    rotor_m: float
    hub_m: float
    wind_ms: np.ndarray  # power curve: speeds (ascending) …
    power_kw: np.ndarray  # … and electrical power; zero outside the curve (below cut-in, above cut-out)
    source: str
    status: str

    @property
    def total_height_m(self) -> float:
        return self.hub_m + self.rotor_m / 2

    @property
    def rated_mw(self) -> float:
        return self.rated_kw / 1000.0


def _turbine_entries(path: Path):
    """The reader of a turbine catalog file, and (entry, id, label) of each of its types."""
    reader = JsonReader.open(path, "wip-turbine-types", WindError, tr(
        "{file}: Anlagenkatalog kann nicht gelesen werden ({error})."))
    entries = []
    for number, raw in enumerate(reader.get("turbines", list), start=1):
        turbine_id = JsonReader(raw, f"{path.name}, turbines[{number}]", WindError).identifier("id")
        entry = JsonReader(raw, f"{path.name}, {turbine_id}", WindError)
        entries.append((entry, turbine_id, localised(entry.bilingual("label"))))
    if not entries:
        reader.fail("turbines", tr("mindestens ein Anlagentyp erwartet"))
    return entries


def turbine_labels(path: Path = TURBINES_FILE) -> dict[str, str]:
    """The label of each turbine type of a catalog file by id, without reading the power curves (the algorithms'
    parameters at QGIS's start)."""
    return {turbine_id: label for _entry, turbine_id, label in _turbine_entries(Path(path))}


def load_turbine_types(path: Path = TURBINES_FILE) -> dict[str, TurbineType]:
    """The turbine types of a catalog file by id, checked: a broken file is named with type and field."""
    path = Path(path)
    types = {}
    for entry, turbine_id, label in _turbine_entries(path):
        curve = entry.child("power_curve")
        speeds = [float(v) for v in curve.get("wind_ms", list)]
        powers = [float(v) for v in curve.get("power_kw", list)]
        rated, rotor, hub = entry.number("rated_kw"), entry.number("rotor_m"), entry.number("hub_m")
        if min(rated, rotor, hub) <= 0:
            entry.fail("rated_kw/rotor_m/hub_m", tr("Werte größer 0 erwartet"))
        types[turbine_id] = make_turbine(turbine_id, label, rated, rotor, hub, speeds, powers, entry.text("source"),
                                         entry.choice("status", ("checked", "secondary", "unchecked")),
                                         f"{path.name}, {turbine_id}")
    return types


def make_turbine(turbine_id: str, label: str, rated_kw: float, rotor_m: float, hub_m: float, speeds, powers,
                 source: str, status: str, where: str) -> TurbineType:
    """A turbine type with its power curve checked: ascending speeds, powers between 0 and 110 % of rated."""
    speeds, powers = np.asarray(speeds, dtype=float), np.asarray(powers, dtype=float)
    if len(speeds) < 2 or len(speeds) != len(powers):
        raise WindError(tr("{where}: Leistungskurve braucht gleich viele (mindestens zwei) Windgeschwindigkeiten "
                           "und Leistungen.").format(where=where))
    if not (np.all(np.isfinite(speeds)) and np.all(np.isfinite(powers))) or np.any(np.diff(speeds) <= 0):
        raise WindError(tr("{where}: Windgeschwindigkeiten der Leistungskurve müssen aufsteigen.").format(where=where))
    if powers.min() < 0 or powers.max() > 1.1 * rated_kw:
        raise WindError(tr("{where}: Leistungen der Kurve müssen zwischen 0 und der Nennleistung liegen.").format(
            where=where))
    return TurbineType(turbine_id, label, float(rated_kw), float(rotor_m), float(hub_m), speeds, powers, source,
                       status)


@cache
def windpowerlib_types() -> dict[str, str]:
    """windpowerlib's turbine types with a power curve and their manufacturers; empty without the package."""
    try:
        from windpowerlib import get_turbine_types
    except ImportError:
        return {}
    known = get_turbine_types(turbine_library="local", print_out=False)
    curves = known[known["has_power_curve"].astype(bool)]
    return dict(zip(curves["turbine_type"], curves["manufacturer"]))


def windpowerlib_turbine(turbine_type: str, hub_m: float | None = None) -> TurbineType:
    """A type from windpowerlib's bundled turbine library (e.g. "E-126/4200") at the planner's hub height, or else
    at 100 m."""
    try:
        from windpowerlib import WindTurbine
    except ImportError as error:
        raise WindError(tr("Der Anlagentyp „{type}“ braucht das Python-Paket windpowerlib (pip install "
                           "windpowerlib).").format(type=turbine_type)) from error
    if turbine_type not in windpowerlib_types():
        raise WindError(tr("windpowerlib kennt keinen Anlagentyp „{type}“ mit Leistungskurve.").format(
            type=turbine_type))
    turbine = WindTurbine(hub_height=hub_m or 100.0, turbine_type=turbine_type)
    curve = turbine.power_curve
    label = f"{windpowerlib_types()[turbine_type]} {turbine_type}"
    return make_turbine(WINDPOWERLIB_PREFIX + turbine_type, label, turbine.nominal_power / 1000.0,
                        float(turbine.rotor_diameter), float(hub_m or 100.0), curve["wind_speed"].to_numpy(),
                        curve["value"].to_numpy() / 1000.0, "windpowerlib, oedb turbine library", "secondary",
                        label)


def generic_power_curve(rated_kw: float, rotor_m: float, power_coefficient: float = 0.42,
                        air_density: float = 1.2, cut_in: float = 3.0, cut_out: float = 25.0) -> tuple:
    """A generic power curve for a turbine known only by rated power and rotor (the existing fleet's register
    gives no more): ½ρAc_p·v³ from cut-in up to the rated power, rated up to cut-out. Speeds every 0.5 m/s."""
    speeds = np.arange(cut_in, cut_out + 1e-9, 0.5)
    area = math.pi * rotor_m ** 2 / 4
    power = np.minimum(0.5 * air_density * area * power_coefficient * speeds ** 3 / 1000.0, rated_kw)
    return speeds, power


def hub_speed(reference_speed, reference_height: float, hub_height, shear_exponent: float) -> np.ndarray:
    """Mean wind speed at hub height by the power law v_hub = v_ref · (h_hub / h_ref)^α."""
    return np.asarray(reference_speed, dtype=float) * (np.asarray(hub_height, dtype=float)
                                                        / reference_height) ** shear_exponent


def weibull_scale(mean_speed, shape: float) -> np.ndarray:
    """The Weibull scale parameter c for a mean speed: v̄ = c · Γ(1 + 1/k)."""
    return np.asarray(mean_speed, dtype=float) / math.gamma(1.0 + 1.0 / shape)


def gross_energy_mwh(turbine: TurbineType, mean_speed, shape: float) -> np.ndarray:
    """Gross annual energy (MWh/a) of one turbine for each mean hub-height speed, Weibull shape ``shape``: the
    probability of each speed interval (from the Weibull distribution function) times the curve's power at its
    middle."""
    mean_speed = np.atleast_1d(np.asarray(mean_speed, dtype=float))
    edges = _speed_edges()
    middles = (edges[:-1] + edges[1:]) / 2
    inside = (middles >= turbine.wind_ms[0]) & (middles <= turbine.wind_ms[-1])
    power = np.where(inside, np.interp(middles, turbine.wind_ms, turbine.power_kw), 0.0)
    energy = np.full(mean_speed.shape, np.nan)
    valid = np.isfinite(mean_speed) & (mean_speed > 0)
    speeds, where = np.unique(mean_speed[valid], return_inverse=True)
    scale = weibull_scale(speeds, shape)[:, None]
    cumulative = 1.0 - np.exp(-(edges[None, :] / scale) ** shape)
    mean_power_kw = (np.diff(cumulative, axis=1) * power[None, :]).sum(axis=1)
    energy[valid] = (mean_power_kw * HOURS_PER_YEAR / 1000.0)[where.reshape(-1)]
    return energy


@dataclass(frozen=True)
class Losses:
    """What is lost between the power curve and the grid, in per cent: wake effects in the park, technical
    unavailability (as availability), park cabling and transformer up to the grid connection, curtailment (bats,
    noise)."""

    wake_pct: float
    availability_pct: float
    electrical_pct: float = 0.0
    curtailment_pct: float = 0.0

    def __post_init__(self):
        if not all(0 <= value < 100 for value in (self.wake_pct, self.electrical_pct, self.curtailment_pct)) \
                or not 0 < self.availability_pct <= 100:
            raise WindError(tr("Verluste {wake} % (Park), {electrical} % (elektrisch), {curtailment} % (Abschaltungen) "
                               "und Verfügbarkeit {availability} %: erlaubt sind 0–99 % und 1–100 %.").format(
                wake=self.wake_pct, electrical=self.electrical_pct, curtailment=self.curtailment_pct,
                availability=self.availability_pct))

    @property
    def factor(self) -> float:
        return (1.0 - self.wake_pct / 100.0) * self.availability_pct / 100.0 * (1.0 - self.electrical_pct / 100.0) \
            * (1.0 - self.curtailment_pct / 100.0)


@dataclass(frozen=True)
class WindDefaults:
    """The shipped defaults of a wind park, every figure with its source and status."""

    mean_wind_ms: Figure
    reference_height_m: float
    wake_loss_pct: Figure
    availability_pct: Figure
    electrical_loss_pct: Figure
    curtailment_pct: Figure
    foundation_inset_m: Figure


@cache
def shipped_wind_defaults() -> WindDefaults:
    reader = JsonReader.open(WIND_DEFAULTS_FILE, "wip-wind-defaults", WindError, tr(
        "{file}: Vorgaben für Windparks können nicht gelesen werden ({error})."))
    return WindDefaults(reader.figure("mean_wind_ms", 1, 20),
                        reader.child("mean_wind_ms").bounded("reference_height_m", 1, 300),
                        reader.figure("wake_loss_pct", 0, 99), reader.figure("availability_pct", 1, 100),
                        reader.figure("electrical_loss_pct", 0, 99), reader.figure("curtailment_pct", 0, 99),
                        reader.figure("foundation_inset_m", 0, 100))


def parameter_defaults() -> WindDefaults | None:
    """The shipped wind-park defaults for the default values of the algorithms' parameters, or None when the file is
    broken (a run then names the problem)."""
    try:
        return shipped_wind_defaults()
    except WindError:
        return None
