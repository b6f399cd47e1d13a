"""Region-wide runs: each municipality on its own gives what one run over all gives; serial, a process pool and a
Dask cluster agree; a stopped or killed run goes on where it stood; one failing municipality does not stop the
others; the wind-area ledger adds up against the targets."""
import os
import pickle
import signal
import subprocess
import sys
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, box

from wip_qgis_plugin.core import region
from wip_qgis_plugin.core.catalog import load_catalog, shipped_catalogs
from wip_qgis_plugin.core.eligibility import compute_eligibility
from wip_qgis_plugin.core.scoring import load_scheme, score, shipped_schemes, utilities
from wip_qgis_plugin.core.site_criteria import compactness, nearest_distance
from wip_qgis_plugin.core.targets import wind_targets_for

ROOT = Path(__file__).resolve().parents[2]
CRS = "EPSG:25832"
# four municipalities of the Burgenlandkreis (Planungsregion Halle), as 4 km squares side by side
MUNICIPALITIES = (("15084235", "Hohenmölsen"), ("15084590", "Teuchern"), ("15084442", "Lützen"),
                  ("15084550", "Naumburg (Saale)"))


def catalogs():
    return tuple(load_catalog(shipped_catalogs()[name]) for name in ("lsa_wind", "lsa_pv_freiflaeche"))


def region_data():
    """Municipalities, and for each catalog its settlement and motorway features; houses stand 300 m from the
    borders, so their distance zones reach into the neighbours."""
    municipalities = gpd.GeoDataFrame(
        {"AGS": [ags for ags, _ in MUNICIPALITIES], "GEN": [name for _, name in MUNICIPALITIES]},
        geometry=[box(700_000 + 4000 * i, 5_660_000, 704_000 + 4000 * i, 5_664_000) for i in range(4)], crs=CRS)
    rng = np.random.default_rng(7)
    houses = [Point(700_000 + 4000 * i + x, 5_660_000 + y).buffer(8)
              for i in range(4) for x, y in [(300, 2000), (3700, 1500)] + list(rng.uniform(500, 3500, (3, 2)))]
    settlement = gpd.GeoDataFrame({"gebaeudefunktion": [1000] * len(houses)}, geometry=houses, crs=CRS)
    motorway = gpd.GeoDataFrame(geometry=[shapely.LineString([(699_000, 5_663_500), (717_000, 5_663_200)])], crs=CRS)
    wind, pv = catalogs()
    constraints = {wind.id: {"wohngebaeude_abstand": settlement, "autobahn_abstand": motorway},
                   pv.id: {"gebaeude": settlement, "autobahn_anbauverbot": motorway}}
    designated = gpd.GeoDataFrame(geometry=[box(701_000, 5_660_500, 702_500, 5_661_500)], crs=CRS)
    return municipalities, constraints, designated


def heat_inputs() -> region.HeatInputs:
    """A village of 3 × 4 houses of 40 MWh/a on each side of the first two municipalities' border (x = 704,000) along
    a street, and one house on the border itself."""
    points = [Point(704_000 + side * (20 + 15 * column), 5_662_000 + 15 * row)
              for side in (-1, 1) for column in range(3) for row in range(4)] + [Point(704_000, 5_662_500)]
    street = shapely.LineString([(703_800, 5_661_990), (704_200, 5_661_990)])
    far_street = shapely.LineString([(714_000, 5_660_100), (714_500, 5_660_100)])
    return region.HeatInputs(np.array(points, dtype=object), np.full(len(points), 40.0),
                             np.array([street, far_street], dtype=object), np.empty(0, dtype=object),
                             np.empty(0, dtype=object))


def jobs_and_settings():
    municipalities, constraints, designated = region_data()
    settings = region.RegionSettings(catalogs(), min_area_ha=1.0, heat=region.HeatSettings())
    return region.municipality_jobs(municipalities, "AGS", "GEN", constraints, settings, designated,
                                    heat=heat_inputs()), settings


def heat_cells(results):
    return {result.key: sorted(zip(shapely.to_wkb(result.heat.geometry.values, hex=True).tolist(),
                                   result.heat["level"], result.heat["buildings"]))
            for result in results if result.heat is not None}


def eligible_wkb(results):
    return {(result.key, catalog_id): sorted(shapely.to_wkb(frame.geometry.values, hex=True).tolist())
            for result in results for catalog_id, frame in result.eligible.items()}


def test_each_municipality_alone_gives_what_one_run_over_all_gives():
    municipalities, constraints, _ = region_data()
    jobs, settings = jobs_and_settings()
    assert [job.key for job in jobs] == [ags for ags, _ in MUNICIPALITIES]
    # the neighbours' houses near the border are in the job, those far away are not
    assert 1 < len(jobs[1].constraints["lsa_wind"]["wohngebaeude_abstand"]) < 20
    results = region.run_region(jobs, settings)
    for catalog in settings.catalogs:
        whole = compute_eligibility(municipalities.rename(columns={"AGS": "ags"}), constraints[catalog.id], catalog,
                                    study_id_field="ags", min_area_ha=1.0)
        for result in results:
            expected = whole.eligible.loc[whole.eligible["study_id"] == result.key, "area_ha"].sum()
            assert result.eligible[catalog.id]["area_ha"].sum() == pytest.approx(expected, rel=1e-9, abs=1e-6)
            assert 0 < expected < result.area_ha
    assert all(result.ok and not result.resumed for result in results)
    # statistics figures of real AGS
    assert results[0].figures.name == "Hohenmölsen" and results[0].figures.population > 5000


def test_serial_process_pool_and_dask_give_identical_results():
    jobs, settings = jobs_and_settings()
    serial = region.run_region(jobs, settings)
    with region.process_pool(2) as pool:
        pooled = region.run_region(jobs, settings, executor=pool)
    assert eligible_wkb(pooled) == eligible_wkb(serial)
    assert heat_cells(pooled) == heat_cells(serial) and heat_cells(serial)
    assert [r.open_ha for r in pooled] == [r.open_ha for r in serial]
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as \
            cluster, region.dask_client(cluster.scheduler_address) as client:
        spread = region.run_region(jobs, settings, executor=client)
    assert eligible_wkb(spread) == eligible_wkb(serial)
    assert heat_cells(spread) == heat_cells(serial)
    assert [r.designated_ha for r in spread] == [r.designated_ha for r in serial]


def test_each_building_counts_in_one_municipality_and_each_cell_in_the_one_holding_its_centre():
    jobs, settings = jobs_and_settings()
    # the house on the shared border counts in the first municipality's demand, as a point on a shared block edge
    # does, but its cell (x 704,000–704,100) is centred in the second: it is one of the second's cells
    assert [job.heat_mwh_a for job in jobs] == [13 * 40.0, 12 * 40.0, None, None]
    assert [len(job.heat.points) if job.heat else None for job in jobs] == [12, 13, None, None]
    assert [len(job.heat.sections) for job in jobs[:2]] == [1, 1]
    results = region.run_region(jobs, settings)
    first, second = (results[number].heat.sort_values("buildings").reset_index() for number in (0, 1))
    # each side's 12 houses fill one cell of 100 m: 480 MWh/(ha·a), on the street of 400 m 1,200 kWh/(m·a)
    for cells in (first, second):
        assert cells["buildings"].iloc[-1] == 12 and cells["density_mwh_ha_a"].iloc[-1] == pytest.approx(480.0)
        assert cells["line_density_kwh_m_a"].iloc[-1] == pytest.approx(1000 * 12 * 40 / 400)
        assert cells["level"].iloc[-1] == 2  # ≥ 175 MWh/(ha·a), < 415 and < 1,500 kWh/(m·a): likely suited
    # the house on the border alone in its cell: no values (WPG § 10 Abs. 2), very likely unsuited
    assert first["buildings"].tolist() == [12]
    assert second["buildings"].tolist() == [1, 12] and second["published"].tolist() == [False, True]
    assert np.isnan(second["demand_mwh_a"].iloc[0]) and second["level"].iloc[0] == 4
    assert results[0].heat_mwh_a == 520.0 and results[2].heat is None and results[2].heat_mwh_a is None
    table = region.indicator_table(results, settings).set_index("key")
    assert table.loc["15084235", "heat_buildings_mwh_a"] == 520.0
    assert table.loc["15084235", "heat_network_ha"] == pytest.approx(1.0)
    assert table.loc["15084235", "heat_network_pct"] == pytest.approx(100.0)  # of the demand of its cells
    assert table.loc[jobs[1].key, "heat_network_pct"] == pytest.approx(100 * 480 / 520)
    assert pd.isna(table.loc["15084442", "heat_buildings_mwh_a"]) and pd.isna(table.loc["15084442", "heat_network_pct"])


def test_a_cell_across_a_border_is_drawn_once_with_all_its_buildings():
    """Municipalities whose border runs through the middle of a row of cells: each cell goes whole to the one that
    holds its centre, none is cut in two."""
    municipalities = gpd.GeoDataFrame({"AGS": ["1", "2"], "GEN": ["West", "Ost"]}, crs=CRS, geometry=[
        box(700_000, 5_660_000, 704_030, 5_664_000), box(704_030, 5_660_000, 708_000, 5_664_000)])
    # six houses in the cell x 704,000–704,100: three west of the border at 704,030, three east of it
    points = [Point(704_010 + 40 * (number % 2), 5_662_010 + 10 * number) for number in range(6)]
    houses = region.HeatInputs(np.array(points, dtype=object), np.full(6, 40.0), np.empty(0, dtype=object),
                               np.empty(0, dtype=object), np.empty(0, dtype=object))
    settings = region.RegionSettings(catalogs()[:1], min_area_ha=1.0, heat=region.HeatSettings())
    _municipalities, constraints, designated = region_data()
    jobs = region.municipality_jobs(municipalities, "AGS", "GEN", {}, settings, designated.iloc[:0], heat=houses)
    results = region.run_region(jobs, settings)
    assert [result.heat_mwh_a for result in results] == [120.0, 120.0]  # by each house's point
    assert results[0].heat is None or len(results[0].heat) == 0
    assert results[1].heat["buildings"].tolist() == [6] and results[1].heat["published"].tolist() == [True]
    assert results[1].heat["density_mwh_ha_a"].iloc[0] == pytest.approx(240.0)


def test_a_building_without_geometry_counts_nowhere():
    houses = heat_inputs()
    plain = region.run_region(*_jobs_with(houses))
    houses.points = np.append(houses.points, np.array([None], dtype=object))
    houses.demand = np.append(houses.demand, np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # no NaN cell number cast to an integer
        with_missing = region.run_region(*_jobs_with(houses))
    assert heat_cells(with_missing) == heat_cells(plain)
    assert [result.heat_mwh_a for result in with_missing] == [result.heat_mwh_a for result in plain]


def _jobs_with(heat, with_streets=True):
    """Jobs of the wind catalog alone with the buildings ``heat``, and their settings."""
    municipalities, _constraints, designated = region_data()
    settings = region.RegionSettings(catalogs()[:1], min_area_ha=1.0,
                                     heat=region.HeatSettings(with_streets=with_streets))
    return region.municipality_jobs(municipalities, "AGS", "GEN", {}, settings, designated.iloc[:0],
                                    heat=heat), settings


@pytest.mark.parametrize("with_streets", [True, False])
def test_buildings_without_a_street_are_named_where_the_run_has_streets(with_streets):
    """The run's only street lies far from the village: each municipality with houses says how many have none near
    enough; a run without any streets says it once for all (in the algorithm), not per municipality."""
    village = heat_inputs()
    village.sections = village.sections[1:]  # the far street only
    told = [message for result in region.run_region(*_jobs_with(village, with_streets)) for message in result.messages
            if "keine Straße im Abstand" in message]
    assert len(told) == (2 if with_streets else 0)
    assert not with_streets or sorted(int(message.split(": ")[1].split(" ")[0]) for message in told) == [12, 13]


class Finished:
    """A future done at once, with an empty result for its job (``collected`` hears of the job when it is fetched)."""

    def __init__(self, job, collected=lambda _job: None):
        self.job, self.collected = job, collected

    def done(self):
        return True

    def result(self):
        self.collected(self.job)
        return region.MunicipalityResult(self.job.key, self.job.name, self.job.area_ha)

    def cancel(self):
        return True


def test_jobs_go_to_the_executor_largest_first_two_per_slot():
    jobs, settings = jobs_and_settings()
    submitted, running = [], set()

    def submit(task, job, _settings):
        running.add(job.key)
        submitted.append((job.key, len(running)))
        return Finished(job, lambda done: running.discard(done.key))

    results = region.run_region(jobs, settings, executor=region.Executor(submit, 1))
    assert [result.key for result in results] == [job.key for job in jobs]
    assert [key for key, _ in submitted] == [job.key for job in sorted(jobs, key=lambda job: -job.features)]
    assert max(in_flight for _, in_flight in submitted) == 2


def test_a_resumed_run_sends_its_jobs_before_it_reports_what_it_took_over(tmp_path):
    """Reporting a result may take long (its Zukunftsprofil): the workers get their jobs first."""
    jobs, settings = jobs_and_settings()
    region.run_region(jobs[:2], settings, checkpoints=tmp_path)
    events = []

    def submit(task, job, _settings):
        events.append(("sent", job.key))
        return Finished(job)

    region.run_region(jobs, settings, executor=region.Executor(submit, 1), checkpoints=tmp_path,
                      report=lambda result: events.append(("reported", result.key)))
    assert sorted(events) == sorted([("sent", job.key) for job in jobs[2:]] + [("reported", job.key) for job in jobs])
    assert events[0][0] == "sent" and events.index(("reported", jobs[0].key)) > 0


def test_an_unreachable_dask_scheduler_is_named():
    pytest.importorskip("distributed")
    with pytest.raises(region.RegionError, match="tcp://127.0.0.1:9"), \
            region.dask_client("tcp://127.0.0.1:9", timeout_s=1):
        pass


def test_a_dask_scheduler_without_workers_is_named():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=None) as cluster, \
            pytest.raises(region.RegionError, match="noch keinen Worker"), \
            region.dask_client(cluster.scheduler_address, timeout_s=1):
        pass


def test_a_cancelled_run_goes_on_where_it_stood(tmp_path):
    jobs, settings = jobs_and_settings()
    heard = []

    def stop_after_two(result):
        heard.append(result.key)

    with pytest.raises(region.RegionCancelled):
        region.run_region(jobs, settings, checkpoints=tmp_path, report=stop_after_two,
                          is_cancelled=lambda: len(heard) >= 2)
    assert len(list(tmp_path.glob("*" + region.CHECKPOINT_SUFFIX))) == 2
    resumed = region.run_region(jobs, settings, checkpoints=tmp_path)
    assert [r.resumed for r in resumed] == [True, True, False, False]
    assert eligible_wkb(resumed) == eligible_wkb(region.run_region(jobs, settings))
    # changed data: that municipality is computed anew, the others are taken as they are
    changed = jobs[0].constraints["lsa_wind"]["wohngebaeude_abstand"]
    jobs[0].constraints["lsa_wind"]["wohngebaeude_abstand"] = changed.iloc[:-1]
    again = region.run_region(jobs, settings, checkpoints=tmp_path)
    assert [r.resumed for r in again] == [False, True, True, True]
    region.clear_checkpoints(tmp_path)
    assert not list(tmp_path.iterdir())


KILLED_RUN = """
import os, signal, sys
sys.path[:0] = [{root!r}]
from tests.core.test_region import jobs_and_settings
from wip_qgis_plugin.core import region
jobs, settings = jobs_and_settings()
heard = []
def killed_after_two(result):
    heard.append(result)
    if len(heard) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
region.run_region(jobs, settings, checkpoints={folder!r}, report=killed_after_two)
"""


def test_a_killed_run_goes_on_where_it_stood(tmp_path):
    script = KILLED_RUN.format(root=str(ROOT), folder=str(tmp_path))
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.returncode == -signal.SIGKILL, run.stderr
    kept = sorted(path.name for path in tmp_path.iterdir())
    assert kept == ["15084235" + region.CHECKPOINT_SUFFIX, "15084590" + region.CHECKPOINT_SUFFIX]
    jobs, settings = jobs_and_settings()
    resumed = region.run_region(jobs, settings, checkpoints=tmp_path)
    assert [r.resumed for r in resumed] == [True, True, False, False]
    assert eligible_wkb(resumed) == eligible_wkb(region.run_region(jobs, settings))


def test_a_broken_or_foreign_checkpoint_is_computed_anew(tmp_path):
    jobs, settings = jobs_and_settings()
    region.run_region(jobs[:1], settings, checkpoints=tmp_path)
    path = tmp_path / ("15084235" + region.CHECKPOINT_SUFFIX)
    path.write_bytes(path.read_bytes()[:100])
    assert not region.run_region(jobs[:1], settings, checkpoints=tmp_path)[0].resumed
    path.write_bytes(pickle.dumps(("another fingerprint", "something else")))
    assert not region.run_region(jobs[:1], settings, checkpoints=tmp_path)[0].resumed


def test_a_failing_municipality_does_not_stop_the_others():
    jobs, settings = jobs_and_settings()
    # an input the engine refuses, and one it never expected (a worker's exception)
    jobs[1].constraints["lsa_wind"]["wohngebaeude_abstand"] = \
        jobs[1].constraints["lsa_wind"]["wohngebaeude_abstand"].to_crs("EPSG:4326")
    jobs[2].constraints["lsa_pv_freiflaeche"]["gebaeude"] = "no frame"
    for executor in (None, "pool"):
        if executor is None:
            results = region.run_region(jobs, settings)
        else:
            with region.process_pool(2) as pool:
                results = region.run_region(jobs, settings, executor=pool)
        assert [r.ok for r in results] == [True, False, False, True]
        assert "KBS" in results[1].error or "CRS" in results[1].error
        assert "AttributeError" in results[2].error
        ledger = region.wind_ledger(results, "lsa_wind")
        failed = ledger[ledger["key"] == "15084590"].iloc[0]
        assert failed["note"] == results[1].error and failed["eligible_ha"] is None or np.isnan(failed["eligible_ha"])
        table = region.indicator_table(results, settings)
        assert list(table["status"])[1] == results[1].error


def test_the_wind_ledger_adds_up_against_the_targets():
    jobs, settings = jobs_and_settings()
    results = region.run_region(jobs, settings)
    ledger = region.wind_ledger(results, "lsa_wind")
    towns = ledger[ledger["kind"] == "municipality"].set_index("key")
    targets = ledger[ledger["kind"] == "target"].set_index("key")
    # designated land lies in Hohenmölsen only: 150 ha, and its eligible land there is not open any more
    assert towns.loc["15084235", "designated_ha"] == pytest.approx(150.0)
    assert towns["designated_ha"].drop("15084235").eq(0).all()
    for result in results:
        eligible = result.eligible["lsa_wind"]
        assert towns.loc[result.key, "eligible_ha"] == pytest.approx(eligible["area_ha"].sum())
        designated = shapely.intersection(shapely.union_all(jobs[0].designated), box(*result.eligible[
            "lsa_wind"].total_bounds)) if result.key == "15084235" else None
        if designated is None:
            assert result.open_ha == pytest.approx(eligible["area_ha"].sum())
    assert towns.loc["15084235", "open_ha"] < towns.loc["15084235", "eligible_ha"]
    assert sorted(towns["rank"]) == [1, 2, 3, 4]
    assert list(towns.sort_values("rank")["open_ha"]) == sorted(towns["open_ha"], reverse=True)
    # Sachsen-Anhalt 1.8 / 2.2 % and Planungsregion Halle 1.9 / 2.3 %
    assert len(targets) == len(wind_targets_for("15084235")) == 4
    area = 4 * 1600.0
    for target in wind_targets_for("15084235"):
        row = targets.loc[target.item]
        assert row["area_ha"] == pytest.approx(area)
        assert row["share_target_ha"] == pytest.approx(area * target.pct / 100)
        assert row["gap_ha"] == pytest.approx(max(0.0, area * target.pct / 100 - 150.0))
        assert row["eligible_ha"] == pytest.approx(towns["eligible_ha"].sum())
        assert bool(row["reachable"]) == (150.0 + towns["open_ha"].sum() >= area * target.pct / 100)
        assert row["legal_basis"] == target.legal_basis and row["deadline"] == target.deadline.isoformat()
    # hard criteria without a layer: the eligible land is an upper bound, whether it closes a gap is not proven
    unproven = region.wind_ledger(results, "lsa_wind", ["Wald"])
    assert unproven.loc[unproven["kind"] == "target", "reachable"].isna().all()
    assert unproven.loc[unproven["kind"] == "target", "note"].str.startswith("Nicht belastbar").all()


def test_rows_of_one_key_are_one_municipality_and_bad_layers_are_refused():
    municipalities, constraints, designated = region_data()
    settings = region.RegionSettings(catalogs())
    split = gpd.GeoDataFrame({"AGS": ["15084235", "15084235", None], "GEN": ["A", "A", "ohne AGS"]},
                             geometry=[box(0, 0, 10, 10), box(10, 0, 20, 10), box(30, 0, 40, 10)], crs=CRS)
    jobs = region.municipality_jobs(split, "AGS", "GEN", constraints, settings)
    assert [(job.key, job.name) for job in jobs] == [("15084235", "A"), ("3", "ohne AGS")]
    assert jobs[0].area.geometry.values[0].area == pytest.approx(200.0)
    with pytest.raises(region.RegionError, match="projiziertes"):
        region.municipality_jobs(municipalities.to_crs("EPSG:4326"), "AGS", "GEN", constraints, settings)
    with pytest.raises(region.RegionError, match="keine Objekte"):
        region.municipality_jobs(municipalities.iloc[:0], "AGS", "GEN", constraints, settings)
    lines = gpd.GeoDataFrame({"AGS": ["1"]}, geometry=[shapely.LineString([(0, 0), (1, 1)])], crs=CRS)
    with pytest.raises(region.RegionError, match="keine Fläche"):
        region.municipality_jobs(lines, "AGS", None, constraints, settings)
    assert os.path.basename(region.worker_python()).startswith("python")


def yield_settings():
    from wip_qgis_plugin.core.pv_yield import shipped_pv_types
    from wip_qgis_plugin.core.wind_energy import DEFAULT_TURBINE_ID, Losses, load_turbine_types

    pv = shipped_pv_types()
    return region.YieldSettings(load_turbine_types()[DEFAULT_TURBINE_ID], 5.8, 150.0, Losses(8, 97, 2, 2), 0.0,
                                tuple((technology, pv.types[type_id])
                                      for technology, type_id in region.PV_TYPE_OF_TECHNOLOGY.items()),
                                pv.co2_factor_g_kwh.value)


def test_plants_on_eligible_land_by_technology():
    yields = yield_settings()
    land = gpd.GeoDataFrame({"area_id": [1, 2], "cover_limit_ha": [np.nan, 3.0]},
                            geometry=[box(0, 0, 2000, 1500), box(5000, 0, 5500, 1000)], crs=CRS)
    wind, turbines = region.with_yields(land, "wind", yields, 5.8)
    assert wind["turbines"].tolist()[0] >= 3 and wind["turbines"].sum() == len(turbines)
    assert wind["mw"].sum() == pytest.approx(6.0 * len(turbines)) and (wind["gwh_a"] > 0).all()
    assert set(turbines["area_id"]) <= {1, 2}  # towers on the land (the layout's rotation leaves 0.1 mm)
    assert shapely.dwithin(shapely.union_all(land.geometry.values), turbines.geometry.values, 1e-3).all()
    windier, _ = region.with_yields(land, "wind", yields, 7.0)
    assert (windier["gwh_a"] > wind["gwh_a"]).all()
    ground, none = region.with_yields(land, "pv_ground", yields, 5.8)
    density = yields.pv_type("pv_ground").mwp_per_ha.value
    assert none is None and ground["mw"].iloc[1] < density * 50 and ground["turbines"].isna().all()
    # floating PV covers at most the limit the eligibility engine gave the piece on its water body
    floating, _ = region.with_yields(land, "floating_pv", yields, 5.8)
    assert floating["mw"].iloc[1] == pytest.approx(3.0 * yields.pv_type("floating_pv").mwp_per_ha.value)
    commerce, _ = region.with_yields(land, "commerce", yields, 5.8)
    assert commerce[["mw", "gwh_a"]].isna().all().all()
    empty, no_turbines = region.with_yields(land.iloc[:0], "wind", yields, 5.8)
    assert len(empty) == 0 and len(no_turbines) == 0


def test_turbines_take_the_wind_of_the_raster_cell_they_stand_in():
    from wip_qgis_plugin.core.site_criteria import RasterWindow

    yields = yield_settings()
    land = gpd.GeoDataFrame({"area_id": [1, 2]}, geometry=[box(100, 200, 1600, 1700), box(2100, 200, 3600, 1700)],
                            crs=CRS)
    cells = np.array([[5.0, 7.0, -1.0]])  # 2 km columns; the third is NoData
    window = RasterWindow(cells, (0.0, 2000.0), (2000.0, 2000.0), -1.0, gpd.GeoSeries(crs=CRS).crs.to_wkt())
    _wind, turbines = region.with_yields(land, "wind", yields, 9.9, window)
    constant, _ = region.with_yields(land, "wind", yields, 5.0)
    west, east = (turbines[turbines["area_id"] == area] for area in (1, 2))
    assert len(west) and len(east) and west["wind_ms"].nunique() == east["wind_ms"].nunique() == 1
    assert east["wind_ms"].iloc[0] > west["wind_ms"].iloc[0]
    assert west["gwh_a"].sum() == pytest.approx(constant.loc[0, "gwh_a"])  # 5 m/s, as the constant
    beyond = land.assign(geometry=[box(4100, 200, 5600, 1700), box(6500, 200, 8000, 1700)])
    off, calm = region.with_yields(beyond, "wind", yields, 9.9, window)
    assert len(calm) and calm["wind_ms"].isna().all() and (off["gwh_a"] == 0).all()  # NoData and off the raster


@pytest.mark.parametrize("substations, in_window", [
    ([Point(703_000, 5_666_000), Point(745_000, 5_662_000)], 1), ([Point(745_000, 5_662_000)], 0), ([], 0)])
def test_each_piece_is_scored_with_the_features_that_can_change_its_score(substations, in_window):
    """A substation 30 km off is beyond the scheme's reach (10 km) of every municipality's window: its pieces get
    the score they get when measured against every substation of the region, also when that one is all the layer
    holds (beyond the reach the utility no longer changes); a layer without any follows the missing-value rule."""
    municipalities, constraints, designated = region_data()
    scheme = load_scheme(shipped_schemes()["beispiel_wind"])
    weights = tuple(float(weight) for weight in scheme.weights()[0])
    wind = catalogs()[0]
    settings = region.RegionSettings(catalogs()[:1], min_area_ha=1.0,
                                     scoring=((wind.id, region.SiteScoring(scheme, weights)),))
    substations = np.array(substations, dtype=object)
    settlement = np.asarray(constraints[wind.id]["wohngebaeude_abstand"].geometry.values, dtype=object)
    layers = [region.ScoringLayer(substations, layer_has_any=len(substations) > 0), region.ScoringLayer(settlement),
              None, None, None, None]
    jobs = region.municipality_jobs(municipalities, "AGS", "GEN", constraints, settings, designated,
                                    scoring={wind.id: layers})
    # the far substation is in no window; the near one in the first municipalities' (within 10 km of their box)
    assert all(len(job.scoring[wind.id][0].geometries) == in_window for job in jobs)
    results = region.run_region(jobs, settings)
    for result in results:
        land = result.eligible[wind.id]
        sites = shapely.make_valid(np.asarray(land.geometry.values, dtype=object))
        values = np.column_stack([nearest_distance(sites, substations) if len(substations) else
                                  np.full(len(sites), np.nan), nearest_distance(sites, settlement),
                                  np.full(len(sites), np.nan), np.full(len(sites), np.nan),
                                  shapely.area(sites) / 1e4, compactness(sites)])
        expected = score(utilities(values, [criterion.function for criterion in scheme.criteria]), np.asarray(weights),
                         scheme.method, scheme.missing)
        assert land["score"].to_numpy() == pytest.approx(expected.score, nan_ok=True)
        assert land["score_rank"].tolist() == expected.rank.tolist()
    assert len({round(score_value, 6) for result in results for score_value in result.eligible[wind.id]["score"]}) > 3
