"""XPlanGML 6.0 drafts: the encoding of plan, area and objects, what the standard cannot hold, and the schema."""
from __future__ import annotations

import datetime
from xml.etree import ElementTree

import pytest
import shapely
from shapely.geometry import Polygon, box

from wip_qgis_plugin.core.catalog import load_catalog, shipped_catalogs
from wip_qgis_plugin.core.gml import GML, XLINK
from wip_qgis_plugin.core.xplanung import (
    XPLAN,
    Justification,
    PlanArea,
    PlanDraft,
    XPlanError,
    area_justifications,
    catalog_justifications,
    checked_ags,
    schema_problems,
    xplan_document,
)

BOUNDARY = box(700_000, 5_660_000, 710_000, 5_670_000)
WITH_HOLE = Polygon([(701_000, 5_661_000), (701_000, 5_663_000), (703_000, 5_663_000), (703_000, 5_661_000)],
                    [[(701_500, 5_661_500), (702_000, 5_661_500), (702_000, 5_662_000), (701_500, 5_662_000)]])
NS = {"xplan": XPLAN, "gml": GML}


def draft(kind="fp", areas=None, justifications=(), ags="15084235") -> PlanDraft:
    areas = areas if areas is not None else (PlanArea("wind", WITH_HOLE, "W1"),
                                             PlanArea("pv", box(705_000, 5_665_000, 706_000, 5_666_000)))
    return PlanDraft(kind, "Änderung FNP", "Hohenmölsen", ags, 25832, BOUNDARY, areas, justifications,
                     "Entwurf", datetime.date(2026, 12, 3))


def rings(element) -> list[list[tuple[float, float]]]:
    result = []
    for pos_list in element.iter(f"{{{GML}}}posList"):
        values = [float(value) for value in pos_list.text.split()]
        result.append(list(zip(values[::2], values[1::2])))
    return result


def signed_area(ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


@pytest.mark.parametrize("kind", ["fp", "rp"])
def test_a_draft_is_valid_against_the_official_schema(kind):
    pytest.importorskip("lxml")
    document = xplan_document(draft(kind, justifications=(Justification("k1", "Abstand", ("wind",)),)))
    assert schema_problems(document) == []
    broken = document.replace(b"<xplan:name>", b"<xplan:nome>", 1).replace(b"</xplan:name>", b"</xplan:nome>", 1)
    assert schema_problems(broken), "the schema check must find a wrong element"


def test_land_use_plan_objects_carry_use_municipality_and_legal_basis():
    root = ElementTree.fromstring(xplan_document(draft()))
    plan = root.find(".//xplan:FP_Plan", NS)
    assert plan.find("xplan:gemeinde/xplan:XP_Gemeinde/xplan:ags", NS).text == "15084235"
    assert plan.find("xplan:rechtsstand", NS).text == "2000"  # im Verfahren
    objects = root.findall(".//xplan:FP_BebauungsFlaeche", NS)
    assert [o.find("xplan:allgArtDerBaulNutzung", NS).text for o in objects] == ["4000", "4000"]
    texts = [o.find("xplan:sondernutzung/xplan:FP_KomplexeSondernutzung/xplan:nutzungText", NS).text
             for o in objects]
    assert texts == ["Windenergie", "Photovoltaik-Freiflächenanlagen"]
    assert "WindBG" in objects[0].find("xplan:gesetzlicheGrundlage/xplan:XP_GesetzlicheGrundlage/xplan:name",
                                       NS).text
    assert objects[1].find("xplan:gesetzlicheGrundlage", NS) is None
    area_id = root.find(".//xplan:FP_Bereich", NS).get(f"{{{GML}}}id")
    assert {o.find("xplan:gehoertZuBereich", NS).get(f"{{{XLINK}}}href") for o in objects} == {f"#{area_id}"}


def test_rings_run_counter_clockwise_outside_and_clockwise_inside():
    root = ElementTree.fromstring(xplan_document(draft()))
    wind = root.find(".//xplan:FP_BebauungsFlaeche/xplan:position", NS)
    exterior, interior = rings(wind)
    assert signed_area(exterior) == pytest.approx(2000 * 2000)
    assert signed_area(interior) == pytest.approx(-500 * 500)


def test_objects_refer_to_the_justification_of_their_use_only():
    sections = (Justification("wind/a", "Wind", ("wind",)), Justification("pv/a", "PV", ("pv",)),
                Justification("both", "Bilanz", ("pv", "wind")))
    root = ElementTree.fromstring(xplan_document(draft(justifications=sections)))
    key_of = {s.get(f"{{{GML}}}id"): s.find("xplan:schluessel", NS).text
              for s in root.findall(".//xplan:XP_BegruendungAbschnitt", NS)}
    refs = [sorted(key_of[r.get(f"{{{XLINK}}}href")[1:]] for r in o.findall("xplan:refBegruendungInhalt", NS))
            for o in root.findall(".//xplan:FP_BebauungsFlaeche", NS)]
    assert refs == [["both", "wind/a"], ["both", "pv/a"]]
    assert len(root.findall(".//xplan:FP_Plan/xplan:begruendungsTexte", NS)) == 3


def test_a_regional_plan_holds_priority_areas_for_wind_and_solar_only():
    root = ElementTree.fromstring(xplan_document(draft("rp")))
    assert root.find(".//xplan:RP_Plan/xplan:bundesland", NS).text == "2400"  # Sachsen-Anhalt from the AGS
    objects = root.findall(".//xplan:RP_ErneuerbareEnergie", NS)
    assert [(o.find("xplan:typ", NS).text, o.find("xplan:gebietsTyp", NS).text) for o in objects] == \
        [("1000", "1000"), ("2000", "1000")]
    with pytest.raises(XPlanError, match="Regionalplan"):
        xplan_document(draft("rp", areas=(PlanArea("gewerbe", WITH_HOLE),)))


def test_what_the_standard_cannot_hold_is_refused():
    with pytest.raises(XPlanError, match="Gemeindeschlüssel"):
        xplan_document(draft(ags="1508423"))
    with pytest.raises(XPlanError, match="Gemeindeschlüssel"):
        checked_ags("99084235")
    assert checked_ags(" 15 084 235 ") == "15084235"
    with pytest.raises(XPlanError, match="keine Darstellung"):
        xplan_document(draft(areas=(PlanArea("floating_pv", WITH_HOLE),)))
    with pytest.raises(XPlanError, match="keine Fläche"):
        xplan_document(draft(areas=(PlanArea("wind", shapely.LineString([(0, 0), (1, 1)])),)))
    with pytest.raises(XPlanError, match="keine Flächen"):
        xplan_document(draft(areas=()))


def test_an_invalid_area_is_repaired_into_a_valid_document():
    pytest.importorskip("lxml")
    bow_tie = Polygon([(704_000, 5_664_000), (705_000, 5_665_000), (705_000, 5_664_000), (704_000, 5_665_000)])
    assert not bow_tie.is_valid
    document = xplan_document(draft(areas=(PlanArea("wind", bow_tie),)))
    assert schema_problems(document) == []
    position = ElementTree.fromstring(document).find(".//xplan:FP_BebauungsFlaeche/xplan:position", NS)
    both_triangles = rings(position)
    assert len(both_triangles) == 2
    assert sum(signed_area(ring) for ring in both_triangles) == pytest.approx(2 * 250_000)


def test_justification_from_the_catalog_and_the_area_balance():
    wind = load_catalog(shipped_catalogs()["lsa_wind"])
    sections = catalog_justifications({"wind": wind})
    assert [s.key for s in sections] == [f"lsa_wind/{c.id}" for c in wind.criteria]
    first = wind.criteria[0]
    assert first.legal_basis in sections[0].text and first.source in sections[0].text
    assert all(s.uses == ("wind",) for s in sections)
    (balance,) = area_justifications((PlanArea("wind", box(0, 0, 1000, 1000)),), box(0, 0, 10_000, 10_000))
    assert "100,0 ha" in balance.text or "100.0 ha" in balance.text
    assert "1,00 %" in balance.text or "1.00 %" in balance.text
