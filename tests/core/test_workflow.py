from wip_qgis_plugin.core.workflow import LINE, POINT, POLYGON, LayerInfo, find_inputs, missing_inputs, workflow


def test_six_steps_in_planning_order():
    assert [step.key for step in workflow()] == ["eligibility", "site_evaluation", "yield", "zoning", "heat",
                                                 "balance"]


def test_layers_are_matched_by_name_hint_and_geometry_kind():
    eligibility = workflow()[0]
    layers = [LayerInfo("Gemeindegrenze Zeitz", POLYGON), LayerInfo("Gebäude ALKIS", POLYGON),
              LayerInfo("Straßen", LINE), LayerInfo("Gebäude als Punkte", POINT)]
    found = find_inputs(eligibility, layers)
    assert found["study_area"] == ["Gemeindegrenze Zeitz"]
    assert found["settlement"] == ["Gebäude ALKIS"]  # the point layer has the wrong kind
    assert found["transport"] == ["Straßen"]
    assert [i.key for i in missing_inputs(eligibility, found)] == ["protected"]  # optional inputs never missing
