"""Write the municipal statistics the Zukunftsprofil compares a municipality with its peers by
(``wip_qgis_plugin/resources/statistics/gemeinden_mitteldeutschland.csv``): the localzero statistics of every
municipality in ``tools/reference_data`` with its name from VG250. Usage: python -m tools.peer_statistics"""
from __future__ import annotations

import pandas as pd
import pyogrio

from tools.demodata import REFERENCE_DATA
from wip_qgis_plugin.core.peers import STATISTICS_FILE

# what the peer comparison reads: the similarity, the plants, and the balance from the statistics
COLUMNS = ["ags", "name", "area.land_total", "area.land_settlement", "population.total", "renewable_energy.pv",
           "renewable_energy.wind_on", "renewable_energy.biomass", "renewable_energy.water",
           "buildings.flats_total", "buildings.flats_heatnet"]


def main() -> None:
    stats = pd.read_csv(REFERENCE_DATA / "localzero_stats_mitteldeutschland.csv", dtype={"ags": str})
    names = pyogrio.read_dataframe(REFERENCE_DATA / "vg250_2016_mitteldeutschland.gpkg", layer="vg250_gemeinden",
                                   columns=["AGS", "GEN"], read_geometry=False)
    names = names.drop_duplicates("AGS").rename(columns={"AGS": "ags", "GEN": "name"})
    municipalities = stats.merge(names, on="ags", how="inner")  # districts and Länder have no VG250 municipality
    flats = [column for column in stats.columns if column.startswith("buildings.flats_")
             and column not in COLUMNS]
    municipalities = municipalities[COLUMNS + flats].sort_values("ags")
    STATISTICS_FILE.parent.mkdir(parents=True, exist_ok=True)
    municipalities.to_csv(STATISTICS_FILE, index=False, float_format="%.1f")
    print(f"{len(municipalities)} municipalities: {STATISTICS_FILE}")


if __name__ == "__main__":
    main()
