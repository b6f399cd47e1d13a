"""Criterion values of sites against hand-computed layouts."""

import math

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from wip_qgis_plugin.core.site_criteria import (
    DISTANCE,
    MEAN,
    SHARE,
    compactness,
    criterion_fields,
    measured_name,
    nearest_distance,
    overlap_share,
    weighted_mean,
    zonal_statistics,
)

SITES = np.array([box(0, 0, 100, 100), box(300, 0, 400, 100), box(1000, 1000, 1010, 1010)], dtype=object)


def test_nearest_distance():
    substations = np.array([Point(150, 50), Point(2000, 2000)], dtype=object)
    assert nearest_distance(SITES, substations) == pytest.approx([50, 150, math.hypot(850, 950)])
    line = np.array([LineString([(50, -10), (50, 500)])], dtype=object)
    assert nearest_distance(SITES[:1], line) == pytest.approx([0])
    assert np.isnan(nearest_distance(SITES, np.array([], dtype=object))).all()


def test_overlap_share_counts_overlapping_features_once():
    protected = np.array([box(50, 0, 150, 100), box(60, 0, 150, 100), box(300, 0, 325, 50)], dtype=object)
    assert overlap_share(SITES, protected) == pytest.approx([0.5, 0.125, 0.0])


def test_area_weighted_mean_of_soil_quality():
    soils = np.array([box(0, 0, 25, 100), box(25, 0, 100, 100), box(300, 0, 400, 100)], dtype=object)
    ackerzahl = np.array([80.0, 40.0, np.nan])
    mean = weighted_mean(SITES, soils, ackerzahl)
    assert mean[0] == pytest.approx(0.25 * 80 + 0.75 * 40)
    assert np.isnan(mean[1]) and np.isnan(mean[2])  # a missing value and no overlap give no mean


def test_zonal_statistics_by_cell_centre():
    grid = np.arange(100, dtype=float).reshape(10, 10)  # 10 m cells, top-left corner (0, 100)
    grid[0, 0] = -9999
    mean, low, high = zonal_statistics(np.array([box(0, 80, 20, 100), box(45, 45, 46, 46), box(500, 500, 600, 600)],
                                                dtype=object), grid, (0.0, 100.0), (10.0, 10.0), nodata=-9999)
    assert (mean[0], low[0], high[0]) == pytest.approx(((1 + 10 + 11) / 3, 1, 11))  # the nodata cell is skipped
    assert mean[1] == grid[5, 4]  # smaller than a cell: the cell under it
    assert np.isnan(mean[2])  # off the raster


def test_compactness():
    assert compactness(np.array([shapely.buffer(Point(0, 0), 100, quad_segs=64), box(0, 0, 100, 1)])) == \
        pytest.approx([1.0, 4 * math.pi * 100 / 202 ** 2], rel=1e-3)


def test_float32_nodata_is_recognised_in_the_rasters_own_type():
    grid = np.full((2, 2), -9999.9, dtype=np.float32)
    grid[0, 0] = 7.0
    mean, low, high = zonal_statistics(np.array([box(0, 0, 20, 20)]), grid, (0, 20), (10, 10), -9999.9)
    assert (mean[0], low[0], high[0]) == (7.0, 7.0, 7.0)


def test_criterion_fields_are_named_after_what_they_measure_and_found_again():
    names = criterion_fields(["UW 110 kV", "uw_110_kv"], ["Schutzgebiete"], "Ackerzahl", ["DGM Hang"])
    assert names.distance == ("dist_uw_110_kv_m", "dist_uw_110_kv_2_m")  # the same name twice gets a number
    assert names.share == ("share_schutzgebiete",) and names.mean == "mean_ackerzahl"
    assert names.raster == ("dgm_hang",)
    assert criterion_fields([], [], None, []).mean is None
    assert measured_name(DISTANCE, "dist_uw_110_kv_2_m") == "uw_110_kv_2"
    assert measured_name(SHARE, "share_schutzgebiete") == "schutzgebiete"
    assert measured_name(MEAN, "mean_ackerzahl") == "ackerzahl"
    assert measured_name(DISTANCE, "share_schutzgebiete") is None and measured_name(DISTANCE, "dist__m") is None


def test_field_names_spell_umlauts_out():
    """"Gebäude" becomes "gebaeude", as the layer hints of the schemes spell it, not "geb_ude"."""
    from wip_qgis_plugin.core.site_criteria import field_key

    assert field_key("Gebäude Bestand", set()) == "gebaeude_bestand"
    assert field_key("Bodenschätzung", {"bodenschaetzung"}) == "bodenschaetzung_2"
