"""A wind park per eligible site: the turbine layout, each turbine's annual energy, the existing turbines in or near
each site and, when repowering, what replacing them gains. Numbers per turbine and per site, ready for the sinks."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .i18n import tr
from .lazy import lazy_module
from .wind_energy import Losses, TurbineType, WindError, generic_power_curve, gross_energy_mwh, hub_speed, make_turbine
from .wind_layout import Layout, Spacing, existing_site, place_turbines

np = lazy_module("numpy")
shapely = lazy_module("shapely")

# the layout and wind defaults of a park where the planner sets none (wip:windlayout's parameters, the region run)
SPACING_ALONG_D = 5.0  # rotor diameters in the main wind direction
SPACING_ACROSS_D = 3.0  # across it
MAIN_WIND_DIRECTION_DEG = 225.0  # south-west, where the wind comes from in central Germany
SHEAR_EXPONENT = 0.2  # power law of wind speed over height, open farmland
WEIBULL_SHAPE = 2.0  # Rayleigh distribution of wind speeds
MAX_WIND_MS = 40.0  # a mean wind speed beyond any site on land: a unit or field mistake


@dataclass(frozen=True)
class WindResource:
    """Mean wind speed at a reference height, extrapolated to each hub by the power law; Weibull shape."""

    speed_at: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]  # (x, y, site index) → m/s at ref. height
    reference_height_m: float
    shear_exponent: float
    weibull_shape: float

    def __post_init__(self):
        if not (self.reference_height_m > 0 and 0 <= self.shear_exponent <= 1 and 0.5 <= self.weibull_shape <= 5):
            raise WindError(tr("Windangaben außerhalb sinnvoller Grenzen: Bezugshöhe > 0 m, Höhenexponent 0–1, "
                               "Weibull-Formparameter 0,5–5."))


@dataclass(frozen=True)
class ExistingTurbines:
    points: np.ndarray  # shapely points in the working CRS
    rated_kw: np.ndarray  # NaN where unknown
    rotor_m: np.ndarray
    hub_m: np.ndarray


@dataclass
class WindPark:
    layout: Layout
    turbine: TurbineType
    wind_ms: np.ndarray  # per new turbine, at hub height (NaN where the wind data has no value)
    gross_mwh: np.ndarray
    net_mwh: np.ndarray
    existing_site: np.ndarray  # per existing turbine: the site it stands in or near, -1 for none
    existing_kw: np.ndarray  # per existing turbine, NaN where unknown
    existing_mwh: np.ndarray  # per existing turbine, net, NaN where rated power, rotor or hub is unknown
    replaced: np.ndarray  # per existing turbine: replaced by the new park (repowering)
    losses: Losses

    def per_turbine(self) -> dict:
        """Columns per new turbine, in the layout's order: the index of its site (``site``), type and size, wind at
        hub height, gross and net energy, full-load hours, and its point (``geometry``)."""
        turbine, count = self.turbine, len(self.layout.x)
        return {"site": self.layout.site, "type": [turbine.label] * count, "mw": np.full(count, turbine.rated_mw),
                "hub_m": np.full(count, turbine.hub_m), "rotor_m": np.full(count, turbine.rotor_m),
                "total_m": np.full(count, turbine.total_height_m), "wind_ms": self.wind_ms,
                "gross_gwh_a": self.gross_mwh / 1000, "gwh_a": self.net_mwh / 1000,
                "full_load_h": self.net_mwh / turbine.rated_mw,
                "geometry": shapely.points(self.layout.x, self.layout.y)}

    def site_totals(self) -> SiteTotals:
        sites = len(self.layout.per_site)

        def per_site(values, site, mask=None):  # NaN counts as 0
            keep = site >= 0 if mask is None else mask & (site >= 0)
            return np.bincount(site[keep], weights=np.nan_to_num(values[keep]), minlength=sites)

        turbines = self.layout.per_site
        mw = turbines * self.turbine.rated_mw
        gwh = per_site(self.net_mwh, self.layout.site) / 1000
        with np.errstate(invalid="ignore", divide="ignore"):
            wind = np.where(turbines > 0, per_site(self.wind_ms, self.layout.site) / turbines, np.nan)
            full_load = np.where(mw > 0, gwh * 1000 / mw, np.nan)
        near, replaced, ones = self.existing_site, self.replaced, np.ones(len(self.existing_site))
        replaced_mw = per_site(self.existing_kw / 1000, near, replaced)
        replaced_gwh = per_site(self.existing_mwh / 1000, near, replaced)
        return SiteTotals(turbines, self.layout.baseline_per_site, mw, wind,
                          per_site(self.gross_mwh, self.layout.site) / 1000, gwh, full_load,
                          per_site(ones, near).astype(int), per_site(self.existing_kw / 1000, near),
                          per_site(self.existing_mwh / 1000, near), per_site(ones, near, replaced).astype(int),
                          replaced_mw, replaced_gwh, mw - replaced_mw, gwh - replaced_gwh)


@dataclass
class SiteTotals:
    """Per site; existing turbines that stand near two sites count for the nearest."""

    turbines: np.ndarray
    grid_turbines: np.ndarray  # what the plain regular grid places, for comparison
    mw: np.ndarray
    wind_ms: np.ndarray  # mean over the site's turbines, at hub height
    gross_gwh: np.ndarray
    gwh: np.ndarray  # net of the park's losses
    full_load_h: np.ndarray
    existing_n: np.ndarray
    existing_mw: np.ndarray
    existing_gwh: np.ndarray
    replaced_n: np.ndarray
    replaced_mw: np.ndarray
    replaced_gwh: np.ndarray
    net_gain_mw: np.ndarray  # new minus replaced
    net_gain_gwh: np.ndarray


def plan_wind_park(sites: np.ndarray, turbine: TurbineType, spacing_along_d: float, spacing_across_d: float,
                   direction_deg: float, rotor_may_overhang: bool, resource: WindResource, losses: Losses,
                   existing: ExistingTurbines | None = None, near_m: float = 0.0, repowering: bool = False,
                   progress=None, canceled=None, foundation_inset_m: float = 0.0) -> WindPark:
    """Place turbines of ``turbine`` in each site and compute their energy; existing turbines in or within
    ``near_m`` of a site are reported and, with ``repowering``, replaced (they no longer constrain the layout);
    all others keep their spacing. Towers stand at least ``foundation_inset_m`` inside the sites."""
    if spacing_along_d <= 0 or spacing_across_d <= 0:
        raise WindError(tr("Abstände zwischen den Anlagen müssen größer 0 sein."))
    spacing = Spacing(spacing_along_d * turbine.rotor_m, spacing_across_d * turbine.rotor_m, direction_deg)
    count = 0 if existing is None else len(existing.points)
    near = existing_site(sites, existing.points, near_m) if count else np.full(0, -1)
    replaced = (near >= 0) & repowering
    obstacles = None
    if count:
        staying = existing.points[~replaced & ~shapely.is_missing(existing.points)]
        obstacles = np.column_stack([shapely.get_x(staying), shapely.get_y(staying)])
    layout = place_turbines(sites, spacing, turbine.rotor_m, rotor_may_overhang, obstacles, progress, canceled,
                            foundation_inset_m)

    wind = hub_speed(resource.speed_at(layout.x, layout.y, layout.site), resource.reference_height_m,
                     turbine.hub_m, resource.shear_exponent) if len(layout.x) else np.array([])
    gross = gross_energy_mwh(turbine, wind, resource.weibull_shape) if len(wind) else np.array([])
    existing_mwh = np.full(count, np.nan)
    existing_kw = np.full(count, np.nan) if not count else np.asarray(existing.rated_kw, dtype=float)
    if count:
        located = ~shapely.is_missing(existing.points)
        xs, ys = np.full(count, np.nan), np.full(count, np.nan)
        xs[located], ys[located] = shapely.get_x(existing.points[located]), shapely.get_y(existing.points[located])
        reference = resource.speed_at(xs, ys, near)
        for row in np.flatnonzero(located & (near >= 0)):  # the fleet near the sites: a few dozen turbines
            existing_mwh[row] = _existing_energy(existing.rated_kw[row], existing.rotor_m[row], existing.hub_m[row],
                                                 reference[row], resource) * losses.factor
    return WindPark(layout, turbine, wind, gross, gross * losses.factor, near, existing_kw, existing_mwh, replaced,
                    losses)


def _existing_energy(rated_kw: float, rotor_m: float, hub_m: float, reference_speed: float,
                     resource: WindResource) -> float:
    """Gross MWh/a of an existing turbine known only by rated power, rotor and hub: a generic power curve; NaN when
    one of them is unknown."""
    if not all(np.isfinite(value) and value > 0 for value in (rated_kw, rotor_m, hub_m, reference_speed)):
        return np.nan
    speeds, power = generic_power_curve(rated_kw, rotor_m)
    generic = make_turbine("existing", "", rated_kw, rotor_m, hub_m, speeds, power, "", "unchecked", "")
    speed = hub_speed(reference_speed, resource.reference_height_m, hub_m, resource.shear_exponent)
    return float(gross_energy_mwh(generic, speed, resource.weibull_shape)[0])
