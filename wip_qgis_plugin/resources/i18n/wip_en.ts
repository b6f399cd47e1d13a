<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de_DE">
  <context>
    <name>BalancePanel</name>
    <message>
      <source>Gemeinde</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <source>Gemeindestatistik</source>
      <translation>Municipal statistics</translation>
    </message>
    <message>
      <source>Eine Zeile je Gemeinde (Einwohner, Wohnungen, installierte Leistung); die Zeile wird über den AGS der Gemeinde gewählt.</source>
      <translation>One row per municipality (inhabitants, dwellings, installed capacity); the row is chosen by the municipality's AGS.</translation>
    </message>
    <message>
      <source>Einwohner (Zensus-Gitter)</source>
      <translation>Inhabitants (census grid)</translation>
    </message>
    <message>
      <source>Einwohner je Gitterzelle des Zensus 2022 (Daten hinzufügen: die CSV-Tabelle des Zensus); die Zellen in der Gemeinde ersetzen die Einwohner der Statistik, von 2022 an nach der Bevölkerungsprognose fortgeschrieben. Leer: Einwohner der Statistik.</source>
      <translation>Inhabitants per grid cell of the 2022 census (add data: the census CSV table); the cells in the municipality replace the statistics' inhabitants, carried forward from 2022 by the population forecast. Empty: the statistics' inhabitants.</translation>
    </message>
    <message>
      <source>Heizungen (Zensus-Gitter)</source>
      <translation>Heating (census grid)</translation>
    </message>
    <message>
      <source>Gebäude nach Energieträger der Heizung je Gitterzelle des Zensus 2022: ihre Anteile in der Gemeinde ersetzen die Fernwärme der Statistik und den Heizungsbestand des Landes. Leer: Statistik und Land.</source>
      <translation>Buildings by heating energy carrier per grid cell of the 2022 census: their shares in the municipality replace the statistics' district heat and the Land's heating stock. Empty: statistics and Land.</translation>
    </message>
    <message>
      <source>Anlagen (Marktstammdatenregister)</source>
      <translation>Plants (Marktstammdatenregister)</translation>
    </message>
    <message>
      <source>Einheiten des Marktstammdatenregisters (etwa aus open-mastr): die Nettonennleistung der Einheiten in Betrieb in der Gemeinde ersetzt die installierte Leistung der Statistik für ihre Energieträger. Leer: Statistik.</source>
      <translation>Units of the Marktstammdatenregister (for instance from open-mastr): the net rated power of the units in operation in the municipality replaces the statistics' installed capacity for their carriers. Empty: statistics.</translation>
    </message>
    <message>
      <source>Wärmebedarf der Gebäude</source>
      <translation>Heat demand of the buildings</translation>
    </message>
    <message>
      <source>Ergebnis der Wärmeplanung; ohne: Schätzung aus den Wohnungen der Statistik.</source>
      <translation>Result of the heat planning; without it: an estimate from the dwellings in the statistics.</translation>
    </message>
    <message>
      <source>Ertrag Wind</source>
      <translation>Yield wind</translation>
    </message>
    <message>
      <source>Ertrag PV</source>
      <translation>PV yield</translation>
    </message>
    <message>
      <source>Solarpotenzial Dach</source>
      <translation>Rooftop solar potential</translation>
    </message>
    <message>
      <source>Summen je Gemeinde aus „Solarpotenzial Dach“; geht als Ausbaupfad in die Erzeugung ein.</source>
      <translation>Totals per municipality from “Rooftop solar potential”; enter the generation as an expansion path.</translation>
    </message>
    <message>
      <source>Planungsvariante</source>
      <translation>Zoning alternative</translation>
    </message>
    <message>
      <source>Zuweisung der Planungsvarianten; ersetzt die Erträge oben.</source>
      <translation>Allocation of the zoning alternatives; replaces the yields above.</translation>
    </message>
    <message>
      <source>Nr. </source>
      <translation>No. </translation>
    </message>
    <message>
      <source>Basisjahr</source>
      <translation>Base year</translation>
    </message>
    <message>
      <source>Verkehr</source>
      <translation>Transport</translation>
    </message>
    <message>
      <source>BISKO bilanziert Verkehr im Gebiet der Gemeinde. Ohne eigene Zahlen schätzt die Bilanz ihn aus dem Bundesdurchschnitt je Einwohner; ohne Verkehr heißt jede Summe „ohne Verkehr“.</source>
      <translation>BISKO balances the transport within the municipality's territory. Without own figures the balance estimates it from the national average per inhabitant; without transport every total says “without transport”.</translation>
    </message>
    <message>
      <source>Monitoring (späteres Jahr)</source>
      <translation>Monitoring (later year)</translation>
    </message>
    <message>
      <source>Die Bilanz eines späteren Jahres (ein früherer Lauf mit späterem Basisjahr, der Statistik und dem gemessenen Verbrauch dieses Jahres): das Zukunftsprofil vergleicht sie mit dem Maßnahmenkatalog. Leer: kein Monitoring.</source>
      <translation>The balance of a later year (an earlier run with a later base year, that year's statistics and measured consumption): the future profile compares it with the measures catalogue. Empty: no monitoring.</translation>
    </message>
    <message>
      <source>Bilanz berechnen</source>
      <translation>Compute balance</translation>
    </message>
    <message>
      <source>Abbrechen</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Gemeinde und Statistik wählen, dann „Bilanz berechnen“.</source>
      <translation>Choose the municipality and the statistics, then “Compute balance”.</translation>
    </message>
    <message>
      <source>Verbrauch</source>
      <translation>Demand</translation>
    </message>
    <message>
      <source>Erzeugung</source>
      <translation>Generation</translation>
    </message>
    <message>
      <source>Kennzahlen</source>
      <translation>Indicators</translation>
    </message>
    <message>
      <source>Zukunftsprofil schreiben …</source>
      <translation>Write future profile …</translation>
    </message>
  </context>
  <context>
    <name>DataPanel</name>
    <message>
      <source>Die eigenen Daten der Planungsstelle: ALKIS, ATKIS Basis-DLM, die Schutzgebiete des Landesamts für Umweltschutz und OpenStreetMap erkennt das Plugin an Ebenennamen und Feldern, ohne dass etwas umbenannt werden muss.</source>
      <translation>The planning office's own data: the plugin recognises ALKIS, ATKIS Basis-DLM, the protected areas of the Landesamt für Umweltschutz and OpenStreetMap by layer names and fields, without renaming anything.</translation>
    </message>
    <message>
      <source>Dateien hinzufügen …</source>
      <translation>Add files …</translation>
    </message>
    <message>
      <source>GeoPackage, Shape, ALKIS-NAS (XML), OSM (.osm, .pbf), GeoJSON oder GML: jede Ebene der Dateien kommt in die Gruppe „Daten“.</source>
      <translation>GeoPackage, shapefile, ALKIS NAS (XML), OSM (.osm, .pbf), GeoJSON or GML: every layer of the files goes into the group "Daten".</translation>
    </message>
    <message>
      <source>Ordner hinzufügen …</source>
      <translation>Add folder …</translation>
    </message>
    <message>
      <source>Alle Dateien mit Geodaten im Ordner und seinen Unterordnern, etwa eine Lieferung des Basis-DLM.</source>
      <translation>All files with spatial data in the folder and its subfolders, such as a Basis-DLM delivery.</translation>
    </message>
    <message>
      <source>Erkannte Ebenen</source>
      <translation>Recognised layers</translation>
    </message>
    <message>
      <source>Datenmodell / Ebene</source>
      <translation>Data model / layer</translation>
    </message>
    <message>
      <source>Objektart</source>
      <translation>Object type</translation>
    </message>
    <message>
      <source>Kriterienkatalog</source>
      <translation>Criteria catalog</translation>
    </message>
    <message>
      <source>Auswahl als Ebene anlegen</source>
      <translation>Make the selection a layer</translation>
    </message>
    <message>
      <source>Legt für das gewählte Kriterium die Objekte, die sein Datenmodell auswählt (etwa die Naturschutzgebiete eines OSM-Auszugs), als eigene Ebene an: für die Standortbewertung oder zum Ansehen.</source>
      <translation>Makes the features the data model selects for the chosen criterion (such as the nature reserves of an OSM extract) a layer of their own: for the site assessment or to look at.</translation>
    </message>
    <message>
      <source>Zuordnung in der Flächenkulisse ändern</source>
      <translation>Change the mapping in the eligible land dock</translation>
    </message>
    <message>
      <source>Öffnet die Flächenkulisse: dort lässt sich jedem Kriterium eine andere Ebene zuordnen. Die Zuordnung wird mit dem Projekt gespeichert.</source>
      <translation>Opens the eligible land dock: there each criterion can be given another layer. The mapping is saved with the project.</translation>
    </message>
  </context>
  <context>
    <name>EligibilityPanel</name>
    <message>
      <source>Kriterienkatalog</source>
      <translation>Criteria catalog</translation>
    </message>
    <message>
      <source>Eigener Katalog</source>
      <translation>Custom catalog</translation>
    </message>
    <message>
      <source>Eine bearbeitete Kopie eines Katalogs (JSON) ersetzt die Auswahl oben.</source>
      <translation>An edited copy of a catalog (JSON) replaces the selection above.</translation>
    </message>
    <message>
      <source>Untersuchungsgebiet</source>
      <translation>Study area</translation>
    </message>
    <message>
      <source>Referenzanlage</source>
      <translation>Reference turbine</translation>
    </message>
    <message>
      <source>Nabe </source>
      <translation>Hub </translation>
    </message>
    <message>
      <source> m</source>
      <translation> m</translation>
    </message>
    <message>
      <source>Rotor </source>
      <translation>Rotor </translation>
    </message>
    <message>
      <source>Mindestgröße</source>
      <translation>Minimum size</translation>
    </message>
    <message>
      <source> ha</source>
      <translation> ha</translation>
    </message>
    <message>
      <source>Weiche Kriterien schließen aus</source>
      <translation>Soft criteria exclude</translation>
    </message>
    <message>
      <source>Kriterien und zugeordnete Ebenen (Vorschlag nach Ebenennamen; Abstand änderbar)</source>
      <translation>Criteria and assigned layers (suggested from layer names; distance editable)</translation>
    </message>
    <message>
      <source>Kriterium</source>
      <translation>Criterion</translation>
    </message>
    <message>
      <source>Typ</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Abstand (m)</source>
      <translation>Distance (m)</translation>
    </message>
    <message>
      <source>Ebene</source>
      <translation>Layer</translation>
    </message>
    <message>
      <source>Flächenkulisse berechnen</source>
      <translation>Compute eligible land</translation>
    </message>
    <message>
      <source>Abbrechen</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Bilanz</source>
      <translation>Balance</translation>
    </message>
    <message>
      <source>Noch keine Berechnung.</source>
      <translation>No calculation yet.</translation>
    </message>
    <message>
      <source>Posten</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Fläche (ha)</source>
      <translation>Area (ha)</translation>
    </message>
    <message>
      <source>Anteil (%)</source>
      <translation>Share (%)</translation>
    </message>
    <message>
      <source>Ausschluss je Kriterium</source>
      <translation>Exclusion per criterion</translation>
    </message>
    <message>
      <source>Begründung</source>
      <translation>Reasons</translation>
    </message>
    <message>
      <source>Ausgeschlossene Fläche in der Karte anklicken</source>
      <translation>Click an excluded area on the map</translation>
    </message>
  </context>
  <context>
    <name>HeatPanel</name>
    <message>
      <source>Gebäude</source>
      <translation>Buildings</translation>
    </message>
    <message>
      <source>Baujahr (Zensus-Gitter)</source>
      <translation>Year of construction (census grid)</translation>
    </message>
    <message>
      <source>Gebäude nach Baujahr je Gitterzelle des Zensus 2022 (Daten hinzufügen: die CSV-Tabelle des Zensus): Gebäude ohne Baujahr erhalten die Baualtersklasse der häufigsten Bauperiode ihrer Zelle. Leer: ohne Baujahr gilt eine mittlere Klasse.</source>
      <translation>Buildings by year of construction per grid cell of the 2022 census (add data: the census CSV table): buildings without a year take the age class of their cell's most common period. Empty: without a year an average class applies.</translation>
    </message>
    <message>
      <source>Straßenabschnitte</source>
      <translation>Street segments</translation>
    </message>
    <message>
      <source>Baublöcke</source>
      <translation>Blocks</translation>
    </message>
    <message>
      <source>Ohne Baublöcke dienen Rasterzellen als Blöcke.</source>
      <translation>Without blocks, grid cells serve as blocks.</translation>
    </message>
    <message>
      <source>Bestehendes Wärmenetz</source>
      <translation>Existing heating network</translation>
    </message>
    <message>
      <source>Sanierungsrate</source>
      <translation>Renovation rate</translation>
    </message>
    <message>
      <source>Sanierungstiefe</source>
      <translation>Renovation depth</translation>
    </message>
    <message>
      <source>Rasterweite ohne Baublöcke</source>
      <translation>Grid cell size without blocks</translation>
    </message>
    <message>
      <source>Wärmeplanung berechnen</source>
      <translation>Compute heat planning</translation>
    </message>
    <message>
      <source>Abbrechen</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Gebäude und Straßen wählen, dann „Wärmeplanung berechnen“.</source>
      <translation>Choose buildings and streets, then “Compute heat planning”.</translation>
    </message>
    <message>
      <source>Wärmebedarf nach Szenariojahr</source>
      <translation>Heat demand by scenario year</translation>
    </message>
    <message>
      <source>Als XWärmeplan …</source>
      <translation>As XWärmeplan …</translation>
    </message>
    <message>
      <source>Der Wärmeplan im Austauschstandard XWärmeplan 0.9: Wärmeversorgungsgebiete mit Eignungsstufen, Eignungsprüfung, Baublöcke und Wärmeliniendichte</source>
      <translation>The heat plan in the exchange standard XWärmeplan 0.9: heat supply areas with suitability levels, suitability check, blocks and heat line density</translation>
    </message>
  </context>
  <context>
    <name>MeasuresPanel</name>
    <message>
      <source>Maßnahmen aus den Ergebnissen ableiten, dann hier bearbeiten; jede Änderung wird protokolliert.</source>
      <translation>Derive measures from the results, then edit them here; every change is recorded.</translation>
    </message>
    <message>
      <source>Ableiten</source>
      <translation>Derive</translation>
    </message>
    <message>
      <source>Pfade der Energiebilanz</source>
      <translation>Paths of the energy balance</translation>
    </message>
    <message>
      <source>Die Tabelle „Pfade je Hebel“ der Energiebilanz (Dock Energiebilanz): aus ihr kommen Sanierung, Wärmepumpen und Verkehr, und auf ihr rechnet das Zukunftsprofil die Minderung.</source>
      <translation>The table "Paths per lever" of the energy balance (energy balance dock): renovation, heat pumps and transport come from it, and the future profile computes the reduction on it.</translation>
    </message>
    <message>
      <source>Planungsvarianten (Zuweisung)</source>
      <translation>Zoning alternatives (allocation)</translation>
    </message>
    <message>
      <source>Die Wind- und PV-Flächen der gewählten Variante werden je eine Maßnahme.</source>
      <translation>The wind and the PV areas of the chosen alternative become one measure each.</translation>
    </message>
    <message>
      <source>Gewählte Variante</source>
      <translation>Chosen alternative</translation>
    </message>
    <message>
      <source>Windenergieanlagen</source>
      <translation>Wind turbines</translation>
    </message>
    <message>
      <source>Die Anlagen des Layouts in den Windflächen geben Leistung und Ertrag.</source>
      <translation>The turbines of the layout in the wind areas give capacity and yield.</translation>
    </message>
    <message>
      <source>Eignung für Wärmenetze</source>
      <translation>Heat network suitability</translation>
    </message>
    <message>
      <source>Jedes zusammenhängende Gebiet der Stufe 1 nach § 19 WPG ab 1.000 MWh/a wird ein Wärmenetz.</source>
      <translation>Every contiguous area of level 1 under § 19 WPG from 1,000 MWh/a becomes a heat network.</translation>
    </message>
    <message>
      <source>Solarpotenzial Dach (Summen)</source>
      <translation>Rooftop solar potential (totals)</translation>
    </message>
    <message>
      <source>Das Dachpotenzial nach den Anlagen von heute, mit dem Anteil des Ausbaupfads bis 2045.</source>
      <translation>The rooftop potential after today's plants, with the share of the expansion path by 2045.</translation>
    </message>
    <message>
      <source>Beginn</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>Das Jahr, in dem die abgeleiteten Maßnahmen beginnen; die Pfade der Bilanz beginnen nach ihrem Basisjahr.</source>
      <translation>The year the derived measures start; the balance's paths start after its base year.</translation>
    </message>
    <message>
      <source>Katalog ableiten</source>
      <translation>Derive catalogue</translation>
    </message>
    <message>
      <source>Abbrechen</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Katalog bearbeiten</source>
      <translation>Edit catalogue</translation>
    </message>
    <message>
      <source>Der Maßnahmenkatalog, den das Dock bearbeitet: ein abgeleiteter oder ein eigener mit denselben Feldern.</source>
      <translation>The measures catalogue the dock edits: a derived one or your own with the same fields.</translation>
    </message>
    <message>
      <source>Handlungsfeld der neuen Maßnahme: Kosten, Akteur, Dauer und erste Schritte kommen aus seinen Vorgaben.</source>
      <translation>Field of action of the new measure: cost, actor, duration and first steps come from its defaults.</translation>
    </message>
    <message>
      <source>Hinzufügen</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>Entfernen</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Die in der Tabelle gewählten Maßnahmen entfernen.</source>
      <translation>Remove the measures selected in the table.</translation>
    </message>
    <message>
      <source>Speichern</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Verwerfen</source>
      <translation>Discard</translation>
    </message>
    <message>
      <source>Teilen …</source>
      <translation>Share …</translation>
    </message>
    <message>
      <source>Den gespeicherten Katalog als Datei für andere Gemeinden schreiben (ohne die Flächen).</source>
      <translation>Write the saved catalogue as a file for other municipalities (without the areas).</translation>
    </message>
    <message>
      <source>Kataloge anderer Gemeinden …</source>
      <translation>Catalogues of other municipalities …</translation>
    </message>
    <message>
      <source>Geteilte Kataloge anderer Gemeinden einlesen: das Zukunftsprofil nennt ihre Maßnahmen in den eigenen Handlungsfeldern.</source>
      <translation>Read catalogues other municipalities shared: the future profile names their measures in the own fields of action.</translation>
    </message>
  </context>
  <context>
    <name>PlanningAssistant</name>
    <message>
      <source>Der Planungsassistent führt durch die Arbeitsschritte und zeigt, welche Eingaben im Projekt gefunden wurden.</source>
      <translation>The Planning assistant guides you through the work steps and shows which inputs were found in the project.</translation>
    </message>
    <message>
      <source>Schritt / Eingabe</source>
      <translation>Step / input</translation>
    </message>
    <message>
      <source>Gefunden</source>
      <translation>Found</translation>
    </message>
    <message>
      <source>Werkzeug öffnen</source>
      <translation>Open tool</translation>
    </message>
    <message>
      <source>Demodaten laden</source>
      <translation>Load demo data</translation>
    </message>
    <message>
      <source>Lädt die Demogemeinde Hohenmölsen (amtliche Grenzen und Anlagen, ergänzt um synthetische Planungsdaten) in das Projekt.</source>
      <translation>Loads the demo municipality Hohenmölsen (official boundaries and installations, supplemented with synthetic planning data) into the project.</translation>
    </message>
    <message>
      <source>Aktualisieren</source>
      <translation>Refresh</translation>
    </message>
  </context>
  <context>
    <name>SiteEvaluationPanel</name>
    <message>
      <source>Standorte</source>
      <translation>Sites</translation>
    </message>
    <message>
      <source>Die Flächen, die bewertet werden, z. B. das Ergebnis der Flächenkulisse.</source>
      <translation>The areas to be scored, e.g. the result of the land eligibility step.</translation>
    </message>
    <message>
      <source>Bewertungsschema</source>
      <translation>Scoring scheme</translation>
    </message>
    <message>
      <source>Eigenes Schema</source>
      <translation>Own scheme</translation>
    </message>
    <message>
      <source>Ein eigenes Schema (JSON) ersetzt die Auswahl oben.</source>
      <translation>Your own scheme (JSON) replaces the choice above.</translation>
    </message>
    <message>
      <source>Kriterien und die Ebenen, an denen sie gemessen werden:</source>
      <translation>Criteria and the layers they are measured on:</translation>
    </message>
    <message>
      <source>Je Kriterium die Ebene des Projekts, zu der der Abstand, der überdeckte Anteil oder der Flächenmittelwert berechnet wird. Ein Kriterium ohne Ebene wird nicht bewertet; für seine Werte gilt die Regel für fehlende Werte.</source>
      <translation>For each criterion, the project layer to which the distance, the covered share or the area-weighted mean is computed. A criterion without a layer is not assessed; its values follow the missing-value rule.</translation>
    </message>
    <message>
      <source>Kriterium</source>
      <translation>Criterion</translation>
    </message>
    <message>
      <source>Ebene</source>
      <translation>Layer</translation>
    </message>
    <message>
      <source>Feld</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Verfahren</source>
      <translation>Method</translation>
    </message>
    <message>
      <source>Fehlende Werte</source>
      <translation>Missing values</translation>
    </message>
    <message>
      <source>Standorte bewerten</source>
      <translation>Score sites</translation>
    </message>
    <message>
      <source>Abbrechen</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Standorte und Bewertungsschema wählen, die Ebenen der Kriterien prüfen, dann „Standorte bewerten“.</source>
      <translation>Choose the sites and a scoring scheme, check the criteria's layers, then “Score sites”.</translation>
    </message>
    <message>
      <source>Schema speichern …</source>
      <translation>Save scheme …</translation>
    </message>
    <message>
      <source>Standort untersuchen</source>
      <translation>Inspect site</translation>
    </message>
    <message>
      <source>Gewichte</source>
      <translation>Weights</translation>
    </message>
    <message>
      <source>Gewicht</source>
      <translation>Weight</translation>
    </message>
    <message>
      <source>Paarvergleich (AHP)</source>
      <translation>Pairwise comparison (AHP)</translation>
    </message>
    <message>
      <source>Gewichte aus dem Paarvergleich (AHP)</source>
      <translation>Weights from the pairwise comparison (AHP)</translation>
    </message>
    <message>
      <source>Inkonsistenz (CR &gt; 0,10) ausdrücklich zulassen</source>
      <translation>Explicitly accept inconsistency (CR &gt; 0.10)</translation>
    </message>
    <message>
      <source>Zeile gegen Spalte auf der Saaty-Skala: 1 gleich wichtig, 3 etwas, 5 deutlich, 7 sehr viel, 9 extrem wichtiger; 1/3 … 1/9 umgekehrt. Die untere Hälfte folgt als Kehrwert.</source>
      <translation>Row against column on the Saaty scale: 1 equally important, 3 moderately, 5 strongly, 7 very strongly, 9 extremely more important; 1/3 … 1/9 the other way round. The lower half follows as the reciprocal.</translation>
    </message>
    <message>
      <source>Standort</source>
      <translation>Site</translation>
    </message>
  </context>
  <context>
    <name>WIP</name>
    <message>
      <source>Wärmebedarf der Gebäude (wip:heatdemand)</source>
      <translation>Heat demand of the buildings (wip:heatdemand)</translation>
    </message>
    <message>
      <source>Zensus-Wohnungen nach Baualter × Typologie (Näherung)</source>
      <translation>Census dwellings by age × typology (approximation)</translation>
    </message>
    <message>
      <source>mit Verkehr (geschätzt)</source>
      <translation>with transport (estimated)</translation>
    </message>
    <message>
      <source>mit Verkehr (Schätzung aus dem Bundesdurchschnitt je Einwohner)</source>
      <translation>with transport (estimate from the national average per inhabitant)</translation>
    </message>
    <message>
      <source>Stromvorgaben je Einwohner; Wärmepumpen aus dem Wärmebedarf</source>
      <translation>Electricity defaults per inhabitant; heat pumps from the heat demand</translation>
    </message>
    <message>
      <source>{file}: Vorgaben der Bilanz können nicht gelesen werden ({error}).</source>
      <translation>{file}: the balance defaults cannot be read ({error}).</translation>
    </message>
    <message>
      <source>Beheizte Fläche je Wohnung</source>
      <translation>Heated area per dwelling</translation>
    </message>
    <message>
      <source>Sanierungsrate</source>
      <translation>Renovation rate</translation>
    </message>
    <message>
      <source>Sanierungstiefe</source>
      <translation>Renovation depth</translation>
    </message>
    <message>
      <source>Die Anteile der dezentralen Wärme 2045 ergeben zusammen 0.</source>
      <translation>The shares of decentral heat in 2045 add up to 0.</translation>
    </message>
    <message>
      <source>Jahresarbeitszahl Wärmepumpe</source>
      <translation>Seasonal performance factor of heat pumps</translation>
    </message>
    <message>
      <source>Die Verbrauchstabelle nennt den Verkehr, die Bilanz ist aber ohne Verkehr gewählt.</source>
      <translation>The consumption table names transport, but the balance was chosen without transport.</translation>
    </message>
    <message>
      <source>Einwohner</source>
      <translation>Inhabitants</translation>
    </message>
    <message>
      <source>{inhabitants} Einwohner ({since}) mit {rate} % je Jahr nach der Prognose für {region}, davor und ab {horizon} gehalten: {source}</source>
      <translation>{inhabitants} inhabitants ({since}) at {rate} % a year after the forecast for {region}, held before and from {horizon}: {source}</translation>
    </message>
    <message>
      <source>muss nach from_year liegen</source>
      <translation>must lie after from_year</translation>
    </message>
    <message>
      <source>Emissionsfaktor Fernwärme (Netz ohne Angabe der Erzeugung)</source>
      <translation>Emission factor district heat (network without stated generation)</translation>
    </message>
    <message>
      <source>Emissionsfaktor Fernwärme erneuerbar</source>
      <translation>Emission factor district heat, renewable</translation>
    </message>
    <message>
      <source>Verkehr des Nutzers, bis 2045 elektrisch</source>
      <translation>The user's transport figures, electric by 2045</translation>
    </message>
    <message>
      <source>Verkehr je Einwohner (Bundesdurchschnitt), bis 2045 elektrisch</source>
      <translation>Transport per inhabitant (national average), electric by 2045</translation>
    </message>
    <message>
      <source>Jahre aufsteigend und ohne Doppelung erwartet</source>
      <translation>years expected in ascending order without repetition</translation>
    </message>
    <message>
      <source>Jahre zwischen den Angaben linear</source>
      <translation>years between the figures linear</translation>
    </message>
    <message>
      <source>Die Gemeindestatistik nennt keine Einwohner.</source>
      <translation>The municipal statistics give no inhabitants.</translation>
    </message>
    <message>
      <source>Wärme Gewerbe je Einwohner</source>
      <translation>Commercial heat per inhabitant</translation>
    </message>
    <message>
      <source>Prozesswärme Industrie je Einwohner</source>
      <translation>Industrial process heat per inhabitant</translation>
    </message>
    <message>
      <source>Erneuerbarer Anteil am Bruttostromverbrauch</source>
      <translation>Renewable share of gross electricity consumption</translation>
    </message>
    <message>
      <source>Vorgabe des Nutzers</source>
      <translation>User input</translation>
    </message>
    <message>
      <source>mit Verkehr (eigene Zahlen)</source>
      <translation>with transport (own figures)</translation>
    </message>
    <message>
      <source>ohne Verkehr</source>
      <translation>without transport</translation>
    </message>
    <message>
      <source>Anteil elektrischer Verkehr 2045</source>
      <translation>Share of electric transport 2045</translation>
    </message>
    <message>
      <source>Endenergie elektrisch je Endenergie Kraftstoff</source>
      <translation>Final energy electric per final energy of fuel</translation>
    </message>
    <message>
      <source>Bevölkerungstabelle, Jahr</source>
      <translation>Population table, year</translation>
    </message>
    <message>
      <source>Wohnungen</source>
      <translation>dwellings</translation>
    </message>
    <message>
      <source>Emissionsfaktor Strom (Bundesmix)</source>
      <translation>Emission factor electricity (national mix)</translation>
    </message>
    <message>
      <source>Verbrauch des Basisjahres</source>
      <translation>Consumption of the base year</translation>
    </message>
    <message>
      <source>Bevölkerungsentwicklung</source>
      <translation>Population change</translation>
    </message>
    <message>
      <source>Gebäudesanierung (Wärmebedarf)</source>
      <translation>Building renovation (heat demand)</translation>
    </message>
    <message>
      <source>Wärmepumpen und erneuerbare Einzelheizungen</source>
      <translation>Heat pumps and renewable single heating</translation>
    </message>
    <message>
      <source>Prozesswärme der Industrie elektrifiziert</source>
      <translation>Industrial process heat electrified</translation>
    </message>
    <message>
      <source>Verkehr elektrisch</source>
      <translation>Transport electric</translation>
    </message>
    <message>
      <source>Private Haushalte</source>
      <translation>Private households</translation>
    </message>
    <message>
      <source>Gewerbe, Handel, Dienstleistungen</source>
      <translation>Commerce, trade, services</translation>
    </message>
    <message>
      <source>Industrie</source>
      <translation>Industry</translation>
    </message>
    <message>
      <source>Kommunale Einrichtungen</source>
      <translation>Municipal facilities</translation>
    </message>
    <message>
      <source>Verkehr</source>
      <translation>Transport</translation>
    </message>
    <message>
      <source>Bestehende Anlagen</source>
      <translation>Existing plants</translation>
    </message>
    <message>
      <source>Geplante Anlagen</source>
      <translation>Planned plants</translation>
    </message>
    <message>
      <source>Dachpotenzial, Ausbaupfad</source>
      <translation>Rooftop potential, expansion path</translation>
    </message>
    <message>
      <source>Strom</source>
      <translation>Electricity</translation>
    </message>
    <message>
      <source>Erdgas</source>
      <translation>Natural gas</translation>
    </message>
    <message>
      <source>Heizöl</source>
      <translation>Heating oil</translation>
    </message>
    <message>
      <source>Flüssiggas</source>
      <translation>Liquefied petroleum gas</translation>
    </message>
    <message>
      <source>Fernwärme</source>
      <translation>District heating</translation>
    </message>
    <message>
      <source>Biomasse</source>
      <translation>Biomass</translation>
    </message>
    <message>
      <source>Umweltwärme</source>
      <translation>Ambient heat</translation>
    </message>
    <message>
      <source>Solarthermie</source>
      <translation>Solar thermal</translation>
    </message>
    <message>
      <source>Photovoltaik</source>
      <translation>Photovoltaics</translation>
    </message>
    <message>
      <source>Photovoltaik Dach</source>
      <translation>Rooftop photovoltaics</translation>
    </message>
    <message>
      <source>Windenergie</source>
      <translation>Wind energy</translation>
    </message>
    <message>
      <source>Wasserkraft</source>
      <translation>Hydropower</translation>
    </message>
    <message>
      <source>Diesel</source>
      <translation>Diesel</translation>
    </message>
    <message>
      <source>Benzin</source>
      <translation>Petrol</translation>
    </message>
    <message>
      <source>{what}: {value:g} ist kein Wert von {low:g} bis {high:g}.</source>
      <translation>{what}: {value:g} is no value from {low:g} to {high:g}.</translation>
    </message>
    <message>
      <source>Basisjahr {year}: erwartet 2000–{last}.</source>
      <translation>Base year {year}: 2000–{last} expected.</translation>
    </message>
    <message>
      <source>Wärmebedarf fehlt für die Jahre {years}.</source>
      <translation>Heat demand missing for the years {years}.</translation>
    </message>
    <message>
      <source>Realisierter Anteil des Dachpotenzials</source>
      <translation>Share of the rooftop potential realised</translation>
    </message>
    <message>
      <source>Verkehr: „{value}“ unbekannt.</source>
      <translation>Transport: “{value}” unknown.</translation>
    </message>
    <message>
      <source>Verkehr aus eigenen Zahlen gewählt, die Verbrauchstabelle hat aber keine Zeile des Sektors „{sector}“.</source>
      <translation>Transport from own figures chosen, but the consumption table has no row of the sector “{sector}”.</translation>
    </message>
    <message>
      <source>Bevölkerungstabelle des Nutzers</source>
      <translation>The user's population table</translation>
    </message>
    <message>
      <source>Jahr der Einwohnerzahl der Gemeindestatistik</source>
      <translation>Year of the inhabitants in the municipal statistics</translation>
    </message>
    <message>
      <source>Gemeindestatistik; keine Bevölkerungsprognose für den Gemeindeschlüssel „{ags}“ hinterlegt: konstant angenommen</source>
      <translation>Municipal statistics; no population forecast stored for the municipality key “{ags}”: assumed constant</translation>
    </message>
    <message>
      <source>Verbrauchstabelle, {sector}/{carrier}</source>
      <translation>Consumption table, {sector}/{carrier}</translation>
    </message>
    <message>
      <source>Faktortabelle, {carrier}</source>
      <translation>Factor table, {carrier}</translation>
    </message>
    <message>
      <source>Gemeindestatistik: Wohnungen mit Fernwärme (Zensus)</source>
      <translation>Municipal statistics: dwellings with district heat (census)</translation>
    </message>
    <message>
      <source>für {year} liegt keine Angabe vor: Wert von {first} übernommen</source>
      <translation>no figure for {year}: the value of {first} taken</translation>
    </message>
    <message>
      <source>Gemeindestatistik, „{field}“</source>
      <translation>Municipal statistics, “{field}”</translation>
    </message>
    <message>
      <source>Gemeindestatistik, „population.year“: {year:g} ist kein Jahr.</source>
      <translation>Municipal statistics, “population.year”: {year:g} is not a year.</translation>
    </message>
    <message>
      <source>Anteil {carrier} an dezentraler Wärme 2045</source>
      <translation>Share of {carrier} in decentral heat 2045</translation>
    </message>
    <message>
      <source>Wirkungsgrad {carrier}</source>
      <translation>Efficiency {carrier}</translation>
    </message>
    <message>
      <source>Volllaststunden Bestand {carrier}</source>
      <translation>Full-load hours of existing plants {carrier}</translation>
    </message>
    <message>
      <source>Marktstammdatenregister × Volllaststunden</source>
      <translation>Core energy market data register × full-load hours</translation>
    </message>
    <message>
      <source>Bevölkerungstabelle, Einwohner {year}</source>
      <translation>Population table, inhabitants {year}</translation>
    </message>
    <message>
      <source>Verbrauchstabelle: „{sector}/{carrier}“ unbekannt; Sektoren {sectors}, Energieträger {carriers}.</source>
      <translation>Consumption table: “{sector}/{carrier}” unknown; sectors {sectors}, carriers {carriers}.</translation>
    </message>
    <message>
      <source>Verbrauchstabelle: „{sector}/{carrier}“ passt nicht zusammen; im Verkehr Strom, {fuels}, in den anderen Sektoren Strom und Wärmeträger.</source>
      <translation>Consumption table: “{sector}/{carrier}” do not go together; in transport electricity, {fuels}, in the other sectors electricity and heat carriers.</translation>
    </message>
    <message>
      <source>Faktortabelle: Energieträger „{carrier}“ unbekannt.</source>
      <translation>Factor table: carrier “{carrier}” unknown.</translation>
    </message>
    <message>
      <source>Faktortabelle, {carrier}, Jahr</source>
      <translation>Factor table, {carrier}, year</translation>
    </message>
    <message>
      <source>Geplante Erzeugung {carrier}: {value} ist nicht zulässig.</source>
      <translation>Planned generation {carrier}: {value} is not allowed.</translation>
    </message>
    <message>
      <source>Anteil {carrier} an der Wärme heute</source>
      <translation>Share of {carrier} in heat today</translation>
    </message>
    <message>
      <source>Heizungsbestand Sachsen-Anhalt: {carrier}</source>
      <translation>Heating stock Saxony-Anhalt: {carrier}</translation>
    </message>
    <message>
      <source>Emissionsfaktor {carrier}</source>
      <translation>Emission factor {carrier}</translation>
    </message>
    <message>
      <source>Erneuerbarer Anteil Fernwärme {year}</source>
      <translation>Renewable share of district heat {year}</translation>
    </message>
    <message>
      <source>Strom {sector} je Einwohner</source>
      <translation>Electricity {sector} per inhabitant</translation>
    </message>
    <message>
      <source>Planung</source>
      <translation>Planned</translation>
    </message>
    <message>
      <source>Solarpotenzial Dach</source>
      <translation>Rooftop solar potential</translation>
    </message>
    <message>
      <source>Verkehr {carrier} je Einwohner</source>
      <translation>Transport {carrier} per inhabitant</translation>
    </message>
    <message>
      <source>Basisjahr</source>
      <translation>Base year</translation>
    </message>
    <message>
      <source>Jahreszahl von {low} bis {high} erwartet</source>
      <translation>year from {low} to {high} expected</translation>
    </message>
    <message>
      <source>Der Gemeindestatistik fehlt „{field}“.</source>
      <translation>The municipal statistics lack “{field}”.</translation>
    </message>
    <message>
      <source>Gemeindestatistik, „{field}“: „{value}“ ist keine Zahl.</source>
      <translation>Municipal statistics, “{field}”: “{value}” is not a number.</translation>
    </message>
    <message>
      <source>Katalog</source>
      <translation>Catalog</translation>
    </message>
    <message>
      <source>Gesamthöhe</source>
      <translation>Total height</translation>
    </message>
    <message>
      <source>Rotordurchmesser</source>
      <translation>Rotor diameter</translation>
    </message>
    <message>
      <source>Nabenhöhe</source>
      <translation>Hub height</translation>
    </message>
    <message>
      <source>Rotorblattlänge</source>
      <translation>Rotor blade length</translation>
    </message>
    <message>
      <source>mindestens ein Kriterium nötig</source>
      <translation>at least one criterion required</translation>
    </message>
    <message>
      <source>die Regel „outside“ braucht Flächen (polygon)</source>
      <translation>the rule “outside” requires areas (polygon)</translation>
    </message>
    <message>
      <source>muss zwischen 0 und 1 liegen</source>
      <translation>must be between 0 and 1</translation>
    </message>
    <message>
      <source>eine Mindestgröße der Objekte braucht Flächen (polygon)</source>
      <translation>a minimum feature size needs areas (polygon)</translation>
    </message>
    <message>
      <source>Liste von Namensteilen erwartet</source>
      <translation>list of name fragments expected</translation>
    </message>
    <message>
      <source>Abstände sind nicht negativ</source>
      <translation>distances must not be negative</translation>
    </message>
    <message>
      <source>geprüft</source>
      <translation>verified</translation>
    </message>
    <message>
      <source>Sekundärquelle</source>
      <translation>secondary source</translation>
    </message>
    <message>
      <source>ungeprüfter Standardwert</source>
      <translation>unverified default value</translation>
    </message>
    <message>
      <source>harte Tabuzone</source>
      <translation>hard exclusion zone</translation>
    </message>
    <message>
      <source>weiche Tabuzone</source>
      <translation>soft exclusion zone</translation>
    </message>
    <message>
      <source>Abwägung</source>
      <translation>weighing</translation>
    </message>
    <message>
      <source>privilegiert/bevorzugt</source>
      <translation>privileged/preferred</translation>
    </message>
    <message>
      <source>{where}, Kriterium {number} ({id})</source>
      <translation>{where}, criterion {number} ({id})</translation>
    </message>
    <message>
      <source>mindestens ein Wert nötig</source>
      <translation>at least one value required</translation>
    </message>
    <message>
      <source>Kennung doppelt vergeben: {ids}</source>
      <translation>identifier used more than once: {ids}</translation>
    </message>
    <message>
      <source>muss größer 0 und höchstens {limit} ha sein</source>
      <translation>must be greater than 0 and at most {limit} ha</translation>
    </message>
    <message>
      <source>„{value}“ ist keiner von {allowed}</source>
      <translation>“{value}” is not one of {allowed}</translation>
    </message>
    <message>
      <source>ein Faktor braucht eine Bezugsgröße ({allowed})</source>
      <translation>a factor needs a reference quantity ({allowed})</translation>
    </message>
    <message>
      <source>höchstens {metres:g} m oder das {factor:g}-Fache der Bezugsgröße</source>
      <translation>at most {metres:g} m or {factor:g} times the reference</translation>
    </message>
    <message>
      <source>Untersuchungsgebiet</source>
      <translation>Study area</translation>
    </message>
    <message>
      <source>nicht belastbar – harte Kriterien nicht geprüft</source>
      <translation>not proven – hard criteria not checked</translation>
    </message>
    <message>
      <source>erreicht</source>
      <translation>reached</translation>
    </message>
    <message>
      <source>nicht erreicht</source>
      <translation>not reached</translation>
    </message>
    <message>
      <source>Mindestgröße</source>
      <translation>Minimum size</translation>
    </message>
    <message>
      <source>Die Mindestgröße muss eine Fläche ≥ 0 ha sein.</source>
      <translation>The minimum size must be an area ≥ 0 ha.</translation>
    </message>
    <message>
      <source>wie im Katalog</source>
      <translation>as in the catalog</translation>
    </message>
    <message>
      <source>Es gibt keine Variante zu vergleichen.</source>
      <translation>There is no variant to compare.</translation>
    </message>
    <message>
      <source>Jede Variante braucht einen eigenen Namen.</source>
      <translation>Each variant needs a name of its own.</translation>
    </message>
    <message>
      <source>Das Untersuchungsgebiet enthält keine Objekte.</source>
      <translation>The study area contains no features.</translation>
    </message>
    <message>
      <source>Das Untersuchungsgebiet muss aus Flächen bestehen, nicht aus Linien oder Punkten.</source>
      <translation>The study area must consist of polygons, not lines or points.</translation>
    </message>
    <message>
      <source>Das Untersuchungsgebiet enthält keine gültige Fläche.</source>
      <translation>The study area contains no valid polygon.</translation>
    </message>
    <message>
      <source>keine Ebene zugeordnet – ohne ihre Objekte keine geeignete Fläche</source>
      <translation>no layer assigned – without its features no eligible land</translation>
    </message>
    <message>
      <source>ausgeschlossen</source>
      <translation>excluded</translation>
    </message>
    <message>
      <source>geeignet</source>
      <translation>eligible</translation>
    </message>
    <message>
      <source>weiche Kriterien schließen nicht aus</source>
      <translation>soft criteria do not exclude</translation>
    </message>
    <message>
      <source>{criterion}: keine Ebene zugeordnet – geeignet ist nur Fläche auf ihren Objekten, ohne sie keine.</source>
      <translation>{criterion}: no layer assigned – only land on its features is eligible, without them none.</translation>
    </message>
    <message>
      <source>Planungsentscheidung (Mindestgröße)</source>
      <translation>Planning decision (minimum size)</translation>
    </message>
    <message>
      <source>Kein Gemeindeschlüssel (AGS) erkannt – Ziele von Sachsen-Anhalt angenommen. </source>
      <translation>No municipality key (AGS) recognised – targets of Sachsen-Anhalt assumed. </translation>
    </message>
    <message>
      <source>Kriterien {ids} gibt es im Katalog „{catalog}“ nicht.</source>
      <translation>Criteria {ids} do not exist in catalog “{catalog}”.</translation>
    </message>
    <message>
      <source>{criterion}: aus</source>
      <translation>{criterion}: off</translation>
    </message>
    <message>
      <source>{what}: geografisches KBS ({crs}); Abstände und Flächen brauchen ein projiziertes KBS wie EPSG:25832.</source>
      <translation>{what}: geographic CRS ({crs}); distances and areas require a projected CRS such as EPSG:25832.</translation>
    </message>
    <message>
      <source>Dem Untersuchungsgebiet fehlt das Feld „{field}“.</source>
      <translation>The study area lacks the field “{field}”.</translation>
    </message>
    <message>
      <source>{count} Objekt(e) des Untersuchungsgebiets ohne Fläche übersprungen.</source>
      <translation>{count} feature(s) of the study area without area skipped.</translation>
    </message>
    <message>
      <source>{criterion}: {count} ungültige Geometrie(n) repariert.</source>
      <translation>{criterion}: {count} invalid geometry(ies) repaired.</translation>
    </message>
    <message>
      <source>{criterion}: die Ebene enthält keine passenden Objekte.</source>
      <translation>{criterion}: the layer contains no matching features.</translation>
    </message>
    <message>
      <source>{criterion}: {count} Linien/Punkte ohne Abstand haben keine Fläche und bleiben unberücksichtigt.</source>
      <translation>{criterion}: {count} lines/points without a buffer distance have no area and are ignored.</translation>
    </message>
    <message>
      <source>keine Ebene zugeordnet – nicht geprüft</source>
      <translation>no layer assigned – not checked</translation>
    </message>
    <message>
      <source>unter der Mindestgröße von {value:g} ha</source>
      <translation>below the minimum size of {value:g} ha</translation>
    </message>
    <message>
      <source>{name}: Ziel {pct:g} % von {area:.2f} km² = {total:.0f} ha bis {deadline}. {note}</source>
      <translation>{name}: target {pct:g} % of {area:.2f} km² = {total:.0f} ha by {deadline}. {note}</translation>
    </message>
    <message>
      <source>{criterion}: keine Ebene zugeordnet – nicht geprüft.</source>
      <translation>{criterion}: no layer assigned – not checked.</translation>
    </message>
    <message>
      <source>Abstand für „{criterion}“ muss ≥ 0 m sein, nicht {value}.</source>
      <translation>Distance for “{criterion}” must be ≥ 0 m, not {value}.</translation>
    </message>
    <message>
      <source>{criterion}: der Ebene fehlt das Feld „{field}“ (Filter {filter}).</source>
      <translation>{criterion}: the layer lacks the field “{field}” (filter {filter}).</translation>
    </message>
    <message>
      <source>{criterion}: die Regel verlangt Flächen, die Ebene enthält keine.</source>
      <translation>{criterion}: the rule requires polygons, the layer contains none.</translation>
    </message>
    <message>
      <source>zusammenhängende Fläche kleiner als {value:g} ha</source>
      <translation>contiguous area smaller than {value:g} ha</translation>
    </message>
    <message>
      <source>Nicht belastbar: harte Kriterien ohne Ebene, nicht geprüft: {criteria}. </source>
      <translation>Not proven: hard criteria without a layer, not checked: {criteria}. </translation>
    </message>
    <message>
      <source>{name}: {pct:g} % bis {year}</source>
      <translation>{name}: {pct:g} % by {year}</translation>
    </message>
    <message>
      <source>Variante „{variant}“: Kriterium „{criterion}“ gibt es im Katalog „{catalog}“ nicht.</source>
      <translation>Variant “{variant}”: the catalog “{catalog}” has no criterion “{criterion}”.</translation>
    </message>
    <message>
      <source>in {kept} von {total} Varianten geeignet</source>
      <translation>eligible in {kept} of {total} variants</translation>
    </message>
    <message>
      <source>{file}: Typologie kann nicht gelesen werden ({error}).</source>
      <translation>{file}: the typology cannot be read ({error}).</translation>
    </message>
    <message>
      <source>die Jahre müssen mit den Klassen steigen</source>
      <translation>the years must rise with the classes</translation>
    </message>
    <message>
      <source>Sanierungsrate und -tiefe müssen zwischen 0 und 100 % liegen.</source>
      <translation>Renovation rate and depth must lie between 0 and 100 %.</translation>
    </message>
    <message>
      <source>sehr wahrscheinlich geeignet</source>
      <translation>very likely suited</translation>
    </message>
    <message>
      <source>wahrscheinlich geeignet</source>
      <translation>likely suited</translation>
    </message>
    <message>
      <source>wahrscheinlich ungeeignet</source>
      <translation>likely unsuited</translation>
    </message>
    <message>
      <source>sehr wahrscheinlich ungeeignet</source>
      <translation>very likely unsuited</translation>
    </message>
    <message>
      <source>Wärmenetz in ≤ {d:g} m und Wärmedichte {density:.0f} ≥ {limit:g} MWh/(ha·a)</source>
      <translation>heat network within {d:g} m and heat density {density:.0f} ≥ {limit:g} MWh/(ha·a)</translation>
    </message>
    <message>
      <source>Wärmeliniendichte {line:.0f} ≥ {limit:g} kWh/(m·a) und Wärmedichte {density:.0f} ≥ {limit2:g} MWh/(ha·a)</source>
      <translation>heat line density {line:.0f} ≥ {limit:g} kWh/(m·a) and heat density {density:.0f} ≥ {limit2:g} MWh/(ha·a)</translation>
    </message>
    <message>
      <source>Wärmeliniendichte {line:.0f} ≥ {limit:g} kWh/(m·a)</source>
      <translation>heat line density {line:.0f} ≥ {limit:g} kWh/(m·a)</translation>
    </message>
    <message>
      <source>Wärmedichte {density:.0f} ≥ {limit:g} MWh/(ha·a)</source>
      <translation>heat density {density:.0f} ≥ {limit:g} MWh/(ha·a)</translation>
    </message>
    <message>
      <source>Großverbraucher im Gebiet und Wärmedichte {density:.0f} ≥ {limit:g} MWh/(ha·a)</source>
      <translation>large consumer in the area and heat density {density:.0f} ≥ {limit:g} MWh/(ha·a)</translation>
    </message>
    <message>
      <source>Abwärmequelle in ≤ {d:g} m und Wärmedichte {density:.0f} ≥ {limit:g} MWh/(ha·a)</source>
      <translation>waste-heat source within {d:g} m and heat density {density:.0f} ≥ {limit:g} MWh/(ha·a)</translation>
    </message>
    <message>
      <source>Messwert</source>
      <translation>measured</translation>
    </message>
    <message>
      <source>Typologie</source>
      <translation>typology</translation>
    </message>
    <message>
      <source>Abstände zum Wärmenetz und zur Abwärme müssen ≥ 0 sein.</source>
      <translation>Distances to the heat network and to waste heat must be ≥ 0.</translation>
    </message>
    <message>
      <source>„{use}“ fehlt</source>
      <translation>“{use}” is missing</translation>
    </message>
    <message>
      <source>ohne Wärmebedarf berechnet</source>
      <translation>no heat demand computed</translation>
    </message>
    <message>
      <source>Gebäudetyp „{type}“ unbekannt</source>
      <translation>building type “{type}” unknown</translation>
    </message>
    <message>
      <source>keine Wärmedichte bekannt (keine Gebäude oder unter fünf, § 10 Abs. 2 WPG)</source>
      <translation>no heat density known (no buildings, or fewer than five, § 10 (2) WPG)</translation>
    </message>
    <message>
      <source>unbekannte Nutzung „{use}“</source>
      <translation>unknown use “{use}”</translation>
    </message>
    <message>
      <source>Baualtersklasse „{age}“ unbekannt</source>
      <translation>age class “{age}” unknown</translation>
    </message>
    <message>
      <source>{storeys:g} Geschosse: ungewöhnlich viele, bitte prüfen</source>
      <translation>{storeys:g} storeys: unusually many, please check</translation>
    </message>
    <message>
      <source>Geschosse fehlen: {storeys:g} angenommen</source>
      <translation>storeys missing: {storeys:g} assumed</translation>
    </message>
    <message>
      <source>Gebäudefunktion {code} unbekannt</source>
      <translation>building function {code} unknown</translation>
    </message>
    <message>
      <source>Gebäudetyp {type} aus der Geschossfläche</source>
      <translation>building type {type} from the floor area</translation>
    </message>
    <message>
      <source>Messwert {value:.0f} kWh/(m²·a): ungewöhnlich, bitte prüfen</source>
      <translation>measured {value:.0f} kWh/(m²·a): unusual, please check</translation>
    </message>
    <message>
      <source>Gebäudefunktion „{code}“ ist kein ALKIS-Schlüssel</source>
      <translation>building function “{code}” is no ALKIS code</translation>
    </message>
    <message>
      <source>Gebäudefunktion {code} nicht in der Tabelle: nach Schlüsselbereich {use}</source>
      <translation>building function {code} not in the table: by its code range {use}</translation>
    </message>
    <message>
      <source>Die Schwellen {names} müssen absteigen und ≥ 0 sein, gegeben: {values}.</source>
      <translation>The thresholds {names} must descend and be ≥ 0, given: {values}.</translation>
    </message>
    <message>
      <source>Wärmeliniendichte {line:.0f} &lt; {limit:g} kWh/(m·a) und Wärmedichte {density:.0f} &lt; {limit2:g} MWh/(ha·a)</source>
      <translation>heat line density {line:.0f} &lt; {limit:g} kWh/(m·a) and heat density {density:.0f} &lt; {limit2:g} MWh/(ha·a)</translation>
    </message>
    <message>
      <source>Zahl</source>
      <translation>number</translation>
    </message>
    <message>
      <source>fehlt</source>
      <translation>missing</translation>
    </message>
    <message>
      <source>darf nicht leer sein</source>
      <translation>must not be empty</translation>
    </message>
    <message>
      <source>nur Buchstaben a–z, Ziffern, _ und - erlaubt</source>
      <translation>only letters a–z, digits, _ and - allowed</translation>
    </message>
    <message>
      <source>endliche Zahl erwartet</source>
      <translation>finite number expected</translation>
    </message>
    <message>
      <source>Objekt</source>
      <translation>object</translation>
    </message>
    <message>
      <source>Liste</source>
      <translation>list</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>text</translation>
    </message>
    <message>
      <source>{where}, Feld „{field}“: {problem}.</source>
      <translation>{where}, field “{field}”: {problem}.</translation>
    </message>
    <message>
      <source>{file}: {size:.0f} MB sind zu groß für eine Datendatei (höchstens {limit} MB).</source>
      <translation>{file}: {size:.0f} MB is too large for a data file (at most {limit} MB).</translation>
    </message>
    <message>
      <source>{file}: die JSON-Struktur ist zu tief verschachtelt.</source>
      <translation>{file}: the JSON structure is nested too deeply.</translation>
    </message>
    <message>
      <source>{file}, Zeile {line}, Spalte {column}: kein gültiges JSON ({error}).</source>
      <translation>{file}, line {line}, column {column}: not valid JSON ({error}).</translation>
    </message>
    <message>
      <source>{where}: JSON-Objekt erwartet.</source>
      <translation>{where}: JSON object expected.</translation>
    </message>
    <message>
      <source>„{format}“ erwartet</source>
      <translation>“{format}” expected</translation>
    </message>
    <message>
      <source>Version {version} erwartet</source>
      <translation>version {version} expected</translation>
    </message>
    <message>
      <source>{kind} erwartet, gefunden: {value}</source>
      <translation>{kind} expected, found: {value}</translation>
    </message>
    <message>
      <source>Wert ≥ {low:g} erwartet</source>
      <translation>value ≥ {low:g} expected</translation>
    </message>
    <message>
      <source>{value:g} liegt nicht zwischen {low:g} und {high:g}</source>
      <translation>{value:g} is not between {low:g} and {high:g}</translation>
    </message>
    <message>
      <source>{file}: Datei kann nicht gelesen werden ({error}).</source>
      <translation>{file}: file cannot be read ({error}).</translation>
    </message>
    <message>
      <source>{file}: die Datei ist nicht UTF-8-kodiert.</source>
      <translation>{file}: the file is not UTF-8 encoded.</translation>
    </message>
    <message>
      <source>Datum JJJJ-MM-TT erwartet, gefunden: {value}</source>
      <translation>date YYYY-MM-DD expected, found: {value}</translation>
    </message>
    <message>
      <source>Nr.</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Maßnahme</source>
      <translation>Measure</translation>
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation>Field of action</translation>
    </message>
    <message>
      <source>Herkunft</source>
      <translation>Origin</translation>
    </message>
    <message>
      <source>Größe</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>Einheit</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>Wirkung MWh/a</source>
      <translation>Effect MWh/a</translation>
    </message>
    <message>
      <source>Investition €</source>
      <translation>Investment €</translation>
    </message>
    <message>
      <source>Jährliche Kosten €</source>
      <translation>Annual cost €</translation>
    </message>
    <message>
      <source>Kostenquelle</source>
      <translation>Cost source</translation>
    </message>
    <message>
      <source>Akteur</source>
      <translation>Actor</translation>
    </message>
    <message>
      <source>Beginn</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>Ende</source>
      <translation>End</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Priorität</source>
      <translation>Priority</translation>
    </message>
    <message>
      <source>Erste Schritte</source>
      <translation>First steps</translation>
    </message>
    <message>
      <source>Schätzung</source>
      <translation>Estimate</translation>
    </message>
    <message>
      <source>Maßnahme {id}</source>
      <translation>Measure {id}</translation>
    </message>
    <message>
      <source>Die Pfade der Energiebilanz sind leer: „Energie- und Treibhausgasbilanz“ mit der Ausgabe „Pfade je Hebel“ rechnen.</source>
      <translation>The balance paths are empty: run "Energy and GHG balance" with the output "Paths per lever".</translation>
    </message>
    <message>
      <source>Die Bilanz für das Monitoring ist leer.</source>
      <translation>The balance for monitoring is empty.</translation>
    </message>
    <message>
      <source>Gemeinde</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <source>Stadtwerke, Versorger</source>
      <translation>Municipal utility, supplier</translation>
    </message>
    <message>
      <source>Landkreis</source>
      <translation>District</translation>
    </message>
    <message>
      <source>Bürgerinnen, Bürger und Bürgerenergie</source>
      <translation>Citizens and citizens' energy</translation>
    </message>
    <message>
      <source>Vorhabenträger</source>
      <translation>Developer</translation>
    </message>
    <message>
      <source>vorgeschlagen</source>
      <translation>proposed</translation>
    </message>
    <message>
      <source>beschlossen</source>
      <translation>decided</translation>
    </message>
    <message>
      <source>in Umsetzung</source>
      <translation>in progress</translation>
    </message>
    <message>
      <source>umgesetzt</source>
      <translation>done</translation>
    </message>
    <message>
      <source>zurückgestellt</source>
      <translation>deferred</translation>
    </message>
    <message>
      <source>hoch</source>
      <translation>high</translation>
    </message>
    <message>
      <source>mittel</source>
      <translation>medium</translation>
    </message>
    <message>
      <source>niedrig</source>
      <translation>low</translation>
    </message>
    <message>
      <source>Planerin oder Planer</source>
      <translation>Planner</translation>
    </message>
    <message>
      <source>{carrier} ({sector}): die Maßnahmen nehmen zusammen mehr, als die Bilanz hat ({years}); die beteiligten Maßnahmen sind anteilig gekürzt.</source>
      <translation>{carrier} ({sector}): together the measures take more than the balance has ({years}); the measures involved are cut back in proportion.</translation>
    </message>
    <message>
      <source>im Plan</source>
      <translation>on track</translation>
    </message>
    <message>
      <source>verzögert</source>
      <translation>behind</translation>
    </message>
    <message>
      <source>deutlich verzögert</source>
      <translation>far behind</translation>
    </message>
    <message>
      <source>noch nicht fällig</source>
      <translation>not yet due</translation>
    </message>
    <message>
      <source>jede Maßnahme ist ein Objekt</source>
      <translation>each measure is an object</translation>
    </message>
    <message>
      <source>{where}: {name} = {value} ist keine ganze Zahl.</source>
      <translation>{where}: {name} = {value} is not a whole number.</translation>
    </message>
    <message>
      <source>{where}: es fehlen {fields}.</source>
      <translation>{where}: {fields} missing.</translation>
    </message>
    <message>
      <source>{where}: Handlungsfeld „{value}“ unbekannt; erlaubt: {allowed}.</source>
      <translation>{where}: field of action "{value}" unknown; allowed: {allowed}.</translation>
    </message>
    <message>
      <source>{where}: eine Maßnahme für den Verbrauch braucht ihre Änderungen der Energiebilanz (changes).</source>
      <translation>{where}: a measure for consumption needs its changes of the energy balance (changes).</translation>
    </message>
    <message>
      <source>Pfad der Energiebilanz: {path}</source>
      <translation>Path of the energy balance: {path}</translation>
    </message>
    <message>
      <source>Das Monitoring braucht ein Jahr nach dem Basisjahr {base} bis {last}; die Bilanz ist für {year}.</source>
      <translation>Monitoring needs a year after the base year {base} up to {last}; the balance is for {year}.</translation>
    </message>
    <message>
      <source>{where}: jede Änderung ist [Sektor, Energieträger, MWh je MWh Wirkung].</source>
      <translation>{where}: each change is [sector, carrier, MWh per MWh of effect].</translation>
    </message>
    <message>
      <source>{where}: Beginn {start} und Ende {end} passen nicht (2000–2100, Beginn ≤ Ende).</source>
      <translation>{where}: start {start} and end {end} do not fit (2000–2100, start ≤ end).</translation>
    </message>
    <message>
      <source>{where}: Änderung „{part}“ nicht lesbar; erwartet Sektor/Energieträger=Zahl, z. B. haushalte/erdgas=-1.</source>
      <translation>{where}: change "{part}" cannot be read; expected sector/carrier=number, e.g. haushalte/erdgas=-1.</translation>
    </message>
    <message>
      <source>{where}: {name} = {value} ist keine Zahl.</source>
      <translation>{where}: {name} = {value} is not a number.</translation>
    </message>
    <message>
      <source>Die Kennung {id} steht mehrmals im Maßnahmenkatalog.</source>
      <translation>The id {id} appears more than once in the measures catalogue.</translation>
    </message>
    <message>
      <source>{where}: {name} „{value}“ unbekannt; erlaubt: {allowed}.</source>
      <translation>{where}: {name} "{value}" unknown; allowed: {allowed}.</translation>
    </message>
    <message>
      <source>{where}: {name} = {value} ist keine Zahl ≥ 0.</source>
      <translation>{where}: {name} = {value} is not a number ≥ 0.</translation>
    </message>
    <message>
      <source>Für {carrier} im Jahr {year} steht kein Emissionsfaktor in den Pfaden der Energiebilanz.</source>
      <translation>The balance paths have no emission factor for {carrier} in {year}.</translation>
    </message>
    <message>
      <source>Vergleich mit ähnlichen Gemeinden: {error}</source>
      <translation>Comparison with similar municipalities: {error}</translation>
    </message>
    <message>
      <source>alle Objekte</source>
      <translation>all features</translation>
    </message>
    <message>
      <source>Filter des Katalogs</source>
      <translation>the catalog's filter</translation>
    </message>
    <message>
      <source>mindestens eine Objektklasse nötig</source>
      <translation>at least one object class needed</translation>
    </message>
    <message>
      <source>Feldname erwartet</source>
      <translation>field name expected</translation>
    </message>
    <message>
      <source>Namen oder Felder nötig, sonst passte jede Ebene</source>
      <translation>names or fields needed, or every layer would match</translation>
    </message>
    <message>
      <source>die Klasse speist weder Kriterien noch Gebäude</source>
      <translation>the class feeds neither criteria nor buildings</translation>
    </message>
    <message>
      <source>Spalten und Jahre erwartet</source>
      <translation>columns and years expected</translation>
    </message>
    <message>
      <source>Liste von Namen erwartet</source>
      <translation>list of names expected</translation>
    </message>
    <message>
      <source>mindestens eine Bedingung nötig</source>
      <translation>at least one condition needed</translation>
    </message>
    <message>
      <source>Werte und vierstellige ALKIS-Gebäudefunktionen erwartet</source>
      <translation>values and four-digit ALKIS building functions expected</translation>
    </message>
    <message>
      <source>Werte und Gebäudetypen EFH, RH, MFH oder GMH erwartet</source>
      <translation>values and building types EFH, RH, MFH or GMH expected</translation>
    </message>
    <message>
      <source> oder </source>
      <translation> or </translation>
    </message>
    <message>
      <source>{where}, Klasse {number} ({id})</source>
      <translation>{where}, class {number} ({id})</translation>
    </message>
    <message>
      <source>jede Alternative ist ein Objekt aus Feld und Bedingung</source>
      <translation>each alternative is an object of field and condition</translation>
    </message>
    <message>
      <source>Spalten und Energieträger {allowed} erwartet</source>
      <translation>columns and energy carriers {allowed} expected</translation>
    </message>
    <message>
      <source>Feld und Werte der Energieträger {allowed} erwartet</source>
      <translation>field and values of the energy carriers {allowed} expected</translation>
    </message>
    <message>
      <source>Feldnamen für {allowed} erwartet</source>
      <translation>field names for {allowed} expected</translation>
    </message>
    <message>
      <source>{criterion}: die Ebene „{layer}“ ({model}) enthält Objekte vieler Arten, und ihr Datenmodell kennt keine Auswahl für dieses Kriterium. Bitte eine Ebene zuordnen, die nur diese Objekte enthält.</source>
      <translation>{criterion}: the layer "{layer}" ({model}) holds features of many kinds, and its data model knows no selection for this criterion. Please assign a layer that holds only these features.</translation>
    </message>
    <message>
      <source>, Filter des Katalogs auf {field}</source>
      <translation>, the catalog's filter on {field}</translation>
    </message>
    <message>
      <source>„{id}“ ist keine frühere Klasse</source>
      <translation>"{id}" is no earlier class</translation>
    </message>
    <message>
      <source>„{field}“: Liste von Werten oder {{"op", "value"}} erwartet</source>
      <translation>"{field}": list of values or {{"op", "value"}} expected</translation>
    </message>
    <message>
      <source>{file}: PV-Anlagentypen können nicht gelesen werden ({error}).</source>
      <translation>{file}: PV plant types cannot be read ({error}).</translation>
    </message>
    <message>
      <source>CO₂-Faktor</source>
      <translation>CO₂ factor</translation>
    </message>
    <message>
      <source>Belegung auf {share:g} % der Wasserfläche begrenzt: {covered:.2f} von {usable:.2f} ha ({basis})</source>
      <translation>Cover limited to {share:g} % of the water surface: {covered:.2f} of {usable:.2f} ha ({basis})</translation>
    </message>
    <message>
      <source>mindestens ein Anlagentyp erwartet</source>
      <translation>at least one plant type expected</translation>
    </message>
    <message>
      <source>Anteil und Uferabstand gehören zusammen</source>
      <translation>cover share and shore distance go together</translation>
    </message>
    <message>
      <source>Der Randabstand muss mindestens 0 m betragen.</source>
      <translation>The edge setback must be at least 0 m.</translation>
    </message>
    <message>
      <source>Spezifischer Ertrag</source>
      <translation>Specific yield</translation>
    </message>
    <message>
      <source>Vorgabe des Anlagentyps</source>
      <translation>plant type default</translation>
    </message>
    <message>
      <source>Parameter</source>
      <translation>parameter</translation>
    </message>
    <message>
      <source>Für die Wetterdatei wird das Python-Paket pvlib gebraucht, es ist nicht installiert. Installation in der Python-Umgebung von QGIS: python -m pip install pvlib, danach QGIS neu starten. Ohne pvlib: die Wetterdatei weglassen und mit Einstrahlung oder spezifischem Ertrag rechnen.</source>
      <translation>The weather file needs the Python package pvlib, which is not installed. Install it into the Python environment of QGIS: python -m pip install pvlib, then restart QGIS. Without pvlib: leave out the weather file and compute with irradiation or a specific yield.</translation>
    </message>
    <message>
      <source>kommt doppelt vor</source>
      <translation>occurs twice</translation>
    </message>
    <message>
      <source>die Zeiträume müssen lückenlos aufeinander folgen</source>
      <translation>the periods must follow each other without gaps</translation>
    </message>
    <message>
      <source>Baujahr {year}: {density:.2f} MWp/ha je eingezäunter Fläche, ohne Randabstand</source>
      <translation>Built {year}: {density:.2f} MWp/ha of fenced area, without edge setback</translation>
    </message>
    <message>
      <source>liegt auf keinem Gewässer der Gewässerebene</source>
      <translation>lies on no water body of the water-body layer</translation>
    </message>
    <message>
      <source>Standort als ganzes Gewässer angenommen (keine Gewässerebene)</source>
      <translation>site taken as a whole water body (no water-body layer)</translation>
    </message>
    <message>
      <source>Uferabstand als geprüft angenommen (Belegungsgrenze gegeben)</source>
      <translation>shore distance taken as checked (cover limit given)</translation>
    </message>
    <message>
      <source>Anteil geteilt mit den anderen Standorten auf demselben Gewässer</source>
      <translation>share split with the other sites on the same water body</translation>
    </message>
    <message>
      <source>Wetterdatei {file}: EPW (.epw) oder TMY3 (.csv) erwartet.</source>
      <translation>Weather file {file}: EPW (.epw) or TMY3 (.csv) expected.</translation>
    </message>
    <message>
      <source>{type}: für diesen Anlagentyp ist keine Leistungsdichte nach Baujahr hinterlegt; bitte kein Baujahr-Feld angeben.</source>
      <translation>{type}: no capacity density by build year is stored for this plant type; please give no build-year field.</translation>
    </message>
    <message>
      <source>Baujahr von Objekt {id}: {value:g} ist kein Jahr von {low}–{high} ({count} Objekte betroffen).</source>
      <translation>Build year of feature {id}: {value:g} is no year from {low}–{high} ({count} features affected).</translation>
    </message>
    <message>
      <source>Belegungsgrenze von Objekt {id}: {value:g} ha ist negativ.</source>
      <translation>Cover limit of feature {id}: {value:g} ha is negative.</translation>
    </message>
    <message>
      <source>Randabstand {setback:g} m lässt keine Fläche übrig</source>
      <translation>edge setback of {setback:g} m leaves no area</translation>
    </message>
    <message>
      <source>Belegungsgrenze {limit:.2f} ha angewandt (nutzbar wären {usable:.2f} ha)</source>
      <translation>cover limit of {limit:.2f} ha applied ({usable:.2f} ha would be usable)</translation>
    </message>
    <message>
      <source>Uferabstand {distance:g} m ({basis}) lässt keine Fläche übrig</source>
      <translation>shore distance of {distance:g} m ({basis}) leaves no area</translation>
    </message>
    <message>
      <source>kein Wert aus {origins}: {value:g} kWh/kWp ({label}) verwendet</source>
      <translation>no value from {origins}: {value:g} kWh/kWp ({label}) used</translation>
    </message>
    <message>
      <source>{what}: {value:g} {unit} liegt außerhalb von {low:g}–{high:g} {unit}.</source>
      <translation>{what}: {value:g} {unit} is outside {low:g}–{high:g} {unit}.</translation>
    </message>
    <message>
      <source>{what} von Objekt {id}: {value:g} {unit} liegt außerhalb von {low:g}–{high:g} {unit} ({count} Objekte betroffen); stimmt die Einheit?</source>
      <translation>{what} of feature {id}: {value:g} {unit} is outside {low:g}–{high:g} {unit} ({count} features affected); is the unit right?</translation>
    </message>
    <message>
      <source>Wetterdatei {file} nicht gefunden.</source>
      <translation>Weather file {file} not found.</translation>
    </message>
    <message>
      <source>Wetterdatei {file}: Spalten {columns} fehlen.</source>
      <translation>Weather file {file}: columns {columns} are missing.</translation>
    </message>
    <message>
      <source>Wetterdatei {file}: weniger als ein Tag Stundenwerte oder Lücken in den Werten.</source>
      <translation>Weather file {file}: less than one day of hourly values, or gaps in the values.</translation>
    </message>
    <message>
      <source>über {limit:g} ha: nicht nach {basis} privilegiert, ein Bebauungsplan ist nötig</source>
      <translation>above {limit:g} ha: not privileged under {basis}, a development plan is needed</translation>
    </message>
    <message>
      <source>Wetterdatei {file} kann nicht als {kind} gelesen werden: {error}</source>
      <translation>Weather file {file} cannot be read as {kind}: {error}</translation>
    </message>
    <message>
      <source>Die Gemeindeebene enthält keine Objekte.</source>
      <translation>The municipality layer contains no features.</translation>
    </message>
    <message>
      <source>Die Gemeinden brauchen ein projiziertes KBS mit Metern.</source>
      <translation>The municipalities need a projected CRS in metres.</translation>
    </message>
    <message>
      <source>Die Gemeindeebene enthält keine Fläche.</source>
      <translation>The municipality layer holds no area.</translation>
    </message>
    <message>
      <source>Für einen Dask-Cluster wird das Python-Paket distributed gebraucht, es ist nicht installiert. Installation in der Python-Umgebung von QGIS: python -m pip install distributed; ohne Dask-Adresse rechnet der Lauf auf den Kernen dieses Rechners.</source>
      <translation>A Dask cluster needs the Python package distributed, which is not installed. Install it into QGIS's Python environment: python -m pip install distributed; without a Dask address the run computes on this computer's cores.</translation>
    </message>
    <message>
      <source>Für parallele Prozesse fehlt ein Python-Interpreter neben {program}; bitte mit einem Prozess rechnen.</source>
      <translation>Parallel processes need a Python interpreter next to {program}, and none was found; please compute with one process.</translation>
    </message>
    <message>
      <source>ohne Gemeindeschlüssel (AGS) keinem Flächenziel zugeordnet</source>
      <translation>without a municipality key (AGS) assigned to no area target</translation>
    </message>
    <message>
      <source>{count} Gemeinden dieses Laufs mit {area:.0f} ha; ihr Flächenanteil am Ziel {pct:g} % sind {share:.0f} ha.</source>
      <translation>{count} municipalities of this run with {area:.0f} ha; their area's share of the {pct:g} % target is {share:.0f} ha.</translation>
    </message>
    <message>
      <source>{name}: mittlere Windgeschwindigkeit {value:g} m/s liegt nicht zwischen 0 und {most:g} m/s.</source>
      <translation>{name}: mean wind speed {value:g} m/s is not between 0 and {most:g} m/s.</translation>
    </message>
    <message>
      <source>Abbruch in der Berechnung: {error}</source>
      <translation>The computation failed: {error}</translation>
    </message>
    <message>
      <source>berechnet</source>
      <translation>computed</translation>
    </message>
    <message>
      <source>Der Dask-Scheduler unter {address} ist nicht erreichbar: {error}</source>
      <translation>The Dask scheduler at {address} cannot be reached: {error}</translation>
    </message>
    <message>
      <source>Gebiet des Ziels: {area:.2f} km² (amtlich), der Lauf deckt davon {covered:.1f} %.</source>
      <translation>Area of the target: {area:.2f} km² (official); the run covers {covered:.1f} % of it.</translation>
    </message>
    <message>
      <source>{name}: {count} Gebäude mit Wärmebedarf haben keine Straße im Abstand von {distance:g} m und zählen in keiner Wärmeliniendichte.</source>
      <translation>{name}: {count} buildings with heat demand have no street within {distance:g} m and count in no heat line density.</translation>
    </message>
    <message>
      <source>Der Dask-Scheduler unter {address} hat nach {seconds:g} s noch keinen Worker.</source>
      <translation>The Dask scheduler at {address} still has no worker after {seconds:g} s.</translation>
    </message>
    <message>
      <source>{name}: {count} Anlage(n) ohne Windgeschwindigkeit (das Raster hat an ihrem Standort keinen Wert): ohne Ertrag.</source>
      <translation>{name}: {count} turbine(s) without wind speed (the raster has no value where they stand): no yield.</translation>
    </message>
    <message>
      <source>t CO₂e/a: Minderung bei voller Wirkung, Mittel der Szenariojahre ab dem Ende der Maßnahme; * vermieden außerhalb der Bilanz. €/t: Investition über die Nutzungsdauer verteilt plus jährliche Kosten, je Tonne.</source>
      <translation>t CO₂e/a: reduction at full effect, mean of the scenario years from the end of the measure; * avoided outside the balance. €/t: investment spread over the lifetime plus annual cost, per tonne.</translation>
    </message>
    <message>
      <source>Destatis / Regionalstatistik und Marktstammdatenregister via GermanZero localzero-data, dl-de/by-2-0</source>
      <translation>Destatis / Regionalstatistik and Marktstammdatenregister via GermanZero localzero-data, dl-de/by-2-0</translation>
    </message>
    <message>
      <source>Zielpfad zur Treibhausgasneutralität</source>
      <translation>Target path to greenhouse gas neutrality</translation>
    </message>
    <message>
      <source>Flächenkulisse für erneuerbare Energien</source>
      <translation>Eligible land for renewable energy</translation>
    </message>
    <message>
      <source>Robustheit der Flächenkulisse über Kriterienvarianten</source>
      <translation>Robustness of the eligible land over criteria variants</translation>
    </message>
    <message>
      <source>Beste Standorte nach Eignung</source>
      <translation>Best sites by suitability</translation>
    </message>
    <message>
      <source>Gewählte Planungsvariante</source>
      <translation>Chosen zoning alternative</translation>
    </message>
    <message>
      <source>Eignung für Wärmenetze (§ 19 WPG)</source>
      <translation>Suitability for heat networks (§ 19 WPG)</translation>
    </message>
    <message>
      <source>Keine Flächenkulisse angegeben.</source>
      <translation>No land eligibility given.</translation>
    </message>
    <message>
      <source>Keine Standortbewertung angegeben.</source>
      <translation>No site evaluation given.</translation>
    </message>
    <message>
      <source>Keine Planungsvariante angegeben.</source>
      <translation>No planning variant given.</translation>
    </message>
    <message>
      <source>Keine Eignung für Wärmenetze angegeben.</source>
      <translation>No heat network suitability given.</translation>
    </message>
    <message>
      <source>der Zielpfad ist erreicht</source>
      <translation>the target path is met</translation>
    </message>
    <message>
      <source>Einwohnerinnen und Einwohner</source>
      <translation>Inhabitants</translation>
    </message>
    <message>
      <source>davon Strom</source>
      <translation>of which electricity</translation>
    </message>
    <message>
      <source>davon Wärme</source>
      <translation>of which heat</translation>
    </message>
    <message>
      <source>davon Kraftstoffe im Verkehr</source>
      <translation>of which transport fuels</translation>
    </message>
    <message>
      <source>Erneuerbare Erzeugung vor Ort</source>
      <translation>Local renewable generation</translation>
    </message>
    <message>
      <source>Anteil erneuerbarer Energien</source>
      <translation>Renewable share</translation>
    </message>
    <message>
      <source>Bilanzielle Deckung Strom</source>
      <translation>Local coverage electricity</translation>
    </message>
    <message>
      <source>Erneuerbare Wärme am Wärmebedarf</source>
      <translation>Renewable heat in the heat demand</translation>
    </message>
    <message>
      <source>je Einwohnerin und Einwohner</source>
      <translation>per inhabitant</translation>
    </message>
    <message>
      <source>Abstand zur Treibhausgasneutralität</source>
      <translation>Gap to greenhouse-gas neutrality</translation>
    </message>
    <message>
      <source>Die Bilanztabelle (BALANCE) ist leer: bitte zuerst die Energiebilanz erstellen.</source>
      <translation>The balance table (BALANCE) is empty: please create the energy balance first.</translation>
    </message>
    <message>
      <source>Die Kennzahlentabelle (INDICATORS) ist leer.</source>
      <translation>The indicator table (INDICATORS) is empty.</translation>
    </message>
    <message>
      <source>Verbleibende Emissionen</source>
      <translation>Remaining emissions</translation>
    </message>
    <message>
      <source>Rahmen: Bundesstrommix, Fernwärme nach WPG, Bevölkerung, Industrie</source>
      <translation>Framework: national electricity mix, district heat under the WPG, population, industry</translation>
    </message>
    <message>
      <source>Windstrom</source>
      <translation>wind power</translation>
    </message>
    <message>
      <source>Solarstrom</source>
      <translation>solar power</translation>
    </message>
    <message>
      <source>Verbrauch</source>
      <translation>Consumption</translation>
    </message>
    <message>
      <source>Erzeugung</source>
      <translation>Generation</translation>
    </message>
    <message>
      <source>Summe Erzeugung</source>
      <translation>Total generation</translation>
    </message>
    <message>
      <source>Was</source>
      <translation>What</translation>
    </message>
    <message>
      <source>Wirkung</source>
      <translation>Effect</translation>
    </message>
    <message>
      <source>Kosten (Schätzung)</source>
      <translation>Cost (estimate)</translation>
    </message>
    <message>
      <source>Wer</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>Wann</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Erstellt mit dem QGIS-Plugin WIP, Werkzeug „{title}“.</source>
      <translation>Made with the QGIS plugin WIP, tool “{title}”.</translation>
    </message>
    <message>
      <source>Die Vorgaben des Plugins, die nicht schon unter den Annahmen der Bilanz stehen, und die Kriterien der gezeigten Flächenkulissen, mit Rechtsgrundlage, Quelle, Status und Stand. Ungeprüfte Werte sind änderbare Planungsannahmen.</source>
      <translation>The plugin's defaults that are not already among the balance's assumptions, and the criteria of the eligible land shown, with legal basis, source, status and date. Unchecked values are editable planning assumptions.</translation>
    </message>
    <message>
      <source>Endenergieverbrauch ohne Verkehr</source>
      <translation>Final energy consumption without transport</translation>
    </message>
    <message>
      <source>Endenergieverbrauch</source>
      <translation>Final energy consumption</translation>
    </message>
    <message>
      <source>Treibhausgasemissionen ohne Verkehr</source>
      <translation>Greenhouse gas emissions without transport</translation>
    </message>
    <message>
      <source>Treibhausgasemissionen</source>
      <translation>Greenhouse-gas emissions</translation>
    </message>
    <message>
      <source>Jahresenergie</source>
      <translation>Annual energy</translation>
    </message>
    <message>
      <source>Vermiedene Emissionen</source>
      <translation>Avoided emissions</translation>
    </message>
    <message>
      <source>Windfläche (Anteil an der Gemeindefläche)</source>
      <translation>Wind area (share of the municipal area)</translation>
    </message>
    <message>
      <source>Hochwertige Böden in Anspruch genommen</source>
      <translation>Prime farmland taken</translation>
    </message>
    <message>
      <source>Mittlere Eignung (0–100)</source>
      <translation>Mean suitability (0–100)</translation>
    </message>
    <message>
      <source>Verfehlte Ziele</source>
      <translation>Targets missed</translation>
    </message>
    <message>
      <source>Fehlmengen</source>
      <translation>Shortfalls</translation>
    </message>
    <message>
      <source>Verbrauch und Erzeugung je Jahr</source>
      <translation>Consumption and generation per year</translation>
    </message>
    <message>
      <source>Summe Verbrauch ohne Verkehr</source>
      <translation>Total consumption without transport</translation>
    </message>
    <message>
      <source>Summe Verbrauch</source>
      <translation>Total consumption</translation>
    </message>
    <message>
      <source>Keine Planungsvarianten angegeben.</source>
      <translation>No planning variants given.</translation>
    </message>
    <message>
      <source>Flächen je Variante und Nutzung</source>
      <translation>Area per alternative and use</translation>
    </message>
    <message>
      <source>{value} Mio. €</source>
      <translation>€{value} m</translation>
    </message>
    <message>
      <source>Kein Maßnahmenkatalog gegeben („Maßnahmenkatalog ableiten“, dann bearbeiten).</source>
      <translation>No measures catalogue given ("Derive measures catalogue", then edit it).</translation>
    </message>
    <message>
      <source>bis zum Zielpfad fehlen {gap} t CO₂e/a</source>
      <translation>{gap} t CO₂e/a short of the target path</translation>
    </message>
    <message>
      <source>Minderung je Maßnahme und Jahr</source>
      <translation>Reduction per measure and year</translation>
    </message>
    <message>
      <source>t CO₂e/a</source>
      <translation>t CO₂e/a</translation>
    </message>
    <message>
      <source>Rang Wirkung</source>
      <translation>Rank by effect</translation>
    </message>
    <message>
      <source>Investition</source>
      <translation>Investment</translation>
    </message>
    <message>
      <source>€/t</source>
      <translation>€/t</translation>
    </message>
    <message>
      <source>Sektor</source>
      <translation>Sector</translation>
    </message>
    <message>
      <source>Energieträger</source>
      <translation>Energy carrier</translation>
    </message>
    <message>
      <source>geplant MWh/a</source>
      <translation>planned MWh/a</translation>
    </message>
    <message>
      <source>gemessen MWh/a</source>
      <translation>measured MWh/a</translation>
    </message>
    <message>
      <source>geplanter Anteil</source>
      <translation>planned share</translation>
    </message>
    <message>
      <source>erreicht vom Plan</source>
      <translation>reached of the plan</translation>
    </message>
    <message>
      <source>Stand</source>
      <translation>As of</translation>
    </message>
    <message>
      <source>Zeitraum</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Wo</source>
      <translation>Where</translation>
    </message>
    <message>
      <source>die ganze Gemeinde</source>
      <translation>the whole municipality</translation>
    </message>
    <message>
      <source>Die Tabelle der Annahmen ist leer.</source>
      <translation>The table of assumptions is empty.</translation>
    </message>
    <message>
      <source>Die Planungsdaten der Demogemeinde (Siedlungen, Gebäude, Straßen, Landnutzung, Schutzgebiete, Bergbau, Flurstücke, Netze, Wärmenetz) sind synthetisch erzeugt, keine amtlichen Daten.</source>
      <translation>The planning data of the demo municipality (settlements, buildings, roads, land use, protected areas, mining, parcels, grids, heat network) are generated synthetically, not official data.</translation>
    </message>
    <message>
      <source>Die Ergebnisse, die dieser Bericht zeigt, stammen aus diesen Läufen des Laufregisters; „Lauf wiederholen und vergleichen“ rechnet jeden noch einmal.</source>
      <translation>The results this report shows come from these runs of the run register; “Repeat and compare a run” computes each of them again.</translation>
    </message>
    <message>
      <source>Werkzeug „{title}“</source>
      <translation>Tool “{title}”</translation>
    </message>
    <message>
      <source>Fläche {use}</source>
      <translation>Area: {use}</translation>
    </message>
    <message>
      <source>Der Tabelle {table} fehlt das Feld „{field}“.</source>
      <translation>The table {table} lacks the field "{field}".</translation>
    </message>
    <message>
      <source>Der Tabelle {table} fehlen die Felder {fields}.</source>
      <translation>The table {table} lacks the fields {fields}.</translation>
    </message>
    <message>
      <source>Im Jahr {year} verursachte {name} {co2} t Treibhausgase (CO₂-Äquivalente, {scope}), {per_capita} t je Einwohnerin und Einwohner.</source>
      <translation>In {year}, {name} caused {co2} t of greenhouse gases (CO₂ equivalents, {scope}), {per_capita} t per inhabitant.</translation>
    </message>
    <message>
      <source>Bilanzielle Deckung: Anlagen in der Gemeinde erzeugen im Jahr {year} so viel Strom wie {electricity} % des Stromverbrauchs; erneuerbare Wärme deckt {heat} % des Wärmebedarfs.</source>
      <translation>Local coverage: plants in the municipality generate as much electricity in {year} as {electricity} % of the electricity consumption; renewable heat covers {heat} % of the heat demand.</translation>
    </message>
    <message>
      <source>Die gewählte Planungsvariante „{name}“ weist {share} % der Gemeindefläche für Windenergie aus.</source>
      <translation>The chosen zoning alternative "{name}" designates {share} % of the municipal area for wind energy.</translation>
    </message>
    <message>
      <source>Zukunftsprofil</source>
      <translation>Future profile</translation>
    </message>
    <message>
      <source>Das Zukunftsprofil zeigt, wie viel Energie die Gemeinde heute verbraucht und erzeugt, wie viele Treibhausgase dabei entstehen und wie sich beides bis {year} entwickeln kann; dazu die Flächen für erneuerbare Energien, die Planungsvarianten und alle Annahmen mit ihren Quellen. Es ist eine Planungsgrundlage, kein Beschluss.</source>
      <translation>The future profile shows how much energy the municipality consumes and generates today, how many greenhouse gases this causes and how both can develop until {year}; together with the land for renewable energy, the zoning alternatives and every assumption with its source. It is a basis for planning, not a decision.</translation>
    </message>
    <message>
      <source>Das Wichtigste in Kürze</source>
      <translation>Summary</translation>
    </message>
    <message>
      <source>1 Energie- und Treibhausgasbilanz</source>
      <translation>1 Energy and greenhouse-gas balance</translation>
    </message>
    <message>
      <source>Endenergieverbrauch nach Sektoren und Erzeugung aus erneuerbaren Energien in der Gemeinde je Jahr. Das Basisjahr ist {base}; die späteren Jahre sind Zielwerte des Profils. Alle Summen {scope}. Der Anteil erneuerbarer Energien rechnet den Strom mit dem erneuerbaren Anteil des Bundesstrommix; die bilanzielle Deckung vergleicht die Erzeugung der Anlagen in der Gemeinde mit ihrem Stromverbrauch.</source>
      <translation>Final energy consumption by sector and generation from renewable energy in the municipality per year. The base year is {base}; the later years are target values of the profile. All totals {scope}. The renewable share counts electricity at the renewable share of the national mix; the local coverage compares the generation of the plants in the municipality with its electricity consumption.</translation>
    </message>
    <message>
      <source>Kennzahl</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>Kennzahlen je Jahr</source>
      <translation>Indicators per year</translation>
    </message>
    <message>
      <source>Fläche km²</source>
      <translation>Area km²</translation>
    </message>
    <message>
      <source>Siedlung %</source>
      <translation>Settlement %</translation>
    </message>
    <message>
      <source>Wind MWh/(km²·a)</source>
      <translation>Wind MWh/(km²·a)</translation>
    </message>
    <message>
      <source>PV MWh/(km²·a)</source>
      <translation>PV MWh/(km²·a)</translation>
    </message>
    <message>
      <source>Wärme MWh/Einw.</source>
      <translation>Heat MWh/inh.</translation>
    </message>
    <message>
      <source>THG t/Einw.</source>
      <translation>GHG t/inh.</translation>
    </message>
    <message>
      <source>{what} je km² heute: Platz {rank} von {count}.</source>
      <translation>Rank {rank} of {count} in {what} per km² today.</translation>
    </message>
    <message>
      <source>2 Karten</source>
      <translation>2 Maps</translation>
    </message>
    <message>
      <source>3 Planungsvarianten im Vergleich</source>
      <translation>3 Zoning alternatives compared</translation>
    </message>
    <message>
      <source>Variante</source>
      <translation>Alternative</translation>
    </message>
    <message>
      <source>4 Maßnahmen</source>
      <translation>4 Measures</translation>
    </message>
    <message>
      <source>{count} Maßnahmen. Die Maßnahmen für den Verbrauch mindern die Emissionen {year} um {demand} t CO₂e/a; der Rahmen (Bundesstrommix, Fernwärme nach WPG, Bevölkerung, Industrie) um {framework} t. Es bleiben {remaining} t von {base_t} t im Jahr {base}; {state}. Die Erzeugung aus Wind und Sonne mindert die Territorialbilanz nach BISKO nicht (Strom zählt mit dem Bundesmix); sie vermeidet {year} zusätzlich {avoided} t CO₂e/a (nachrichtlich, mit dem Bundesstrommix des Jahres).</source>
      <translation>{count} measures. In {year} the measures for consumption reduce the emissions by {demand} t CO₂e/a; the framework (national electricity mix, district heat under the WPG, population, industry) by {framework} t. {remaining} t remain of {base_t} t in {base}; {state}. Generation from wind and sun does not reduce the territorial balance after BISKO (electricity counts at the national mix); in {year} it also avoids {avoided} t CO₂e/a (for information, at the national electricity mix of the year).</translation>
    </message>
    <message>
      <source>Maßnahmen nach Kosten je Tonne und nach Wirkung</source>
      <translation>Measures by cost per tonne and by effect</translation>
    </message>
    <message>
      <source>Die Bilanz des Jahres {year} (Verbrauch und Anlagen wie gemessen) gegen den Plan der Maßnahmen in diesem Jahr: {measured} t CO₂e gemessen, {planned} t geplant.</source>
      <translation>The balance of {year} (consumption and plants as measured) against the plan of the measures for that year: {measured} t CO₂e measured, {planned} t planned.</translation>
    </message>
    <message>
      <source>Investition {investment}, jährlich {annual}; {per_t} €/t</source>
      <translation>Investment {investment}, annual {annual}; {per_t} €/t</translation>
    </message>
    <message>
      <source>{start}–{end}, Status: {status}, Priorität: {priority}</source>
      <translation>{start}–{end}, status: {status}, priority: {priority}</translation>
    </message>
    <message>
      <source>5 Annahmen, Quellen und Daten</source>
      <translation>5 Assumptions, sources and data</translation>
    </message>
    <message>
      <source>Annahmen</source>
      <translation>Assumptions</translation>
    </message>
    <message>
      <source>Werkzeug</source>
      <translation>Tool</translation>
    </message>
    <message>
      <source>Lauf-ID</source>
      <translation>Run id</translation>
    </message>
    <message>
      <source>Ende (UTC)</source>
      <translation>End (UTC)</translation>
    </message>
    <message>
      <source>Ablage</source>
      <translation>Store</translation>
    </message>
    <message>
      <source>Anhang: Vorgaben des Plugins und ihre Quellen</source>
      <translation>Appendix: the plugin's defaults and their sources</translation>
    </message>
    <message>
      <source>Vorgabe</source>
      <translation>Default</translation>
    </message>
    <message>
      <source>Wert</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>Rechtsgrundlage und Quelle</source>
      <translation>Legal basis and source</translation>
    </message>
    <message>
      <source>Tabelle BALANCE, Zeile {row}: unbekannte Art „{kind}“; erlaubt sind {kinds}.</source>
      <translation>Table BALANCE, row {row}: unknown kind "{kind}"; allowed are {kinds}.</translation>
    </message>
    <message>
      <source>Variante {number}</source>
      <translation>Alternative {number}</translation>
    </message>
    <message>
      <source>Die Planungsvariante {number} gibt es nicht; vorhanden: {numbers}.</source>
      <translation>There is no zoning alternative {number}; available: {numbers}.</translation>
    </message>
    <message>
      <source>Im Jahr {year} verursachte {name} {co2} t Treibhausgase (CO₂-Äquivalente, {scope}).</source>
      <translation>In {year}, {name} caused {co2} t of greenhouse gases (CO₂ equivalents, {scope}).</translation>
    </message>
    <message>
      <source>Nach diesem Profil sind es im Jahr {year} noch {co2} t ({change} % gegenüber {base}).</source>
      <translation>According to this profile, {co2} t remain in {year} ({change} % compared with {base}).</translation>
    </message>
    <message>
      <source>Nach diesem Profil sind es im Jahr {year} noch {co2} t.</source>
      <translation>According to this profile, {co2} t remain in {year}.</translation>
    </message>
    <message>
      <source>Bis zur Treibhausgasneutralität fehlen im Jahr {year} noch {gap} t CO₂e.</source>
      <translation>In {year}, {gap} t CO₂e are still missing to greenhouse-gas neutrality.</translation>
    </message>
    <message>
      <source>Im Jahr {year} erreicht die Gemeinde nach diesem Profil die Treibhausgasneutralität.</source>
      <translation>According to this profile, the municipality reaches greenhouse-gas neutrality in {year}.</translation>
    </message>
    <message>
      <source>Erneuerbare Energien decken {base_share} % des Endenergieverbrauchs im Jahr {base} und {share} % im Jahr {year} (Strom mit dem Anteil im Bundesstrommix).</source>
      <translation>Renewable energy covers {base_share} % of the final energy consumption in {base} and {share} % in {year} (electricity at its share in the national mix).</translation>
    </message>
    <message>
      <source>Erneuerbare Energien decken {share} % des Endenergieverbrauchs im Jahr {year} (Strom mit dem Anteil im Bundesstrommix).</source>
      <translation>Renewable energy covers {share} % of the final energy consumption in {year} (electricity at its share in the national mix).</translation>
    </message>
    <message>
      <source>Legende</source>
      <translation>Legend</translation>
    </message>
    <message>
      <source>Mit den geplanten Anlagen erzeugt {name} {year} etwa {target} MWh {what} je km²; so viel erzeugen heute schon: {names}.</source>
      <translation>With the planned plants {name} generates about {target} MWh of {what} per km² in {year}; as much is generated today already by: {names}.</translation>
    </message>
    <message>
      <source>Mit den geplanten Anlagen erzeugt {name} {year} etwa {target} MWh {what} je km²; so viel erzeugt heute keine der ähnlichen Gemeinden.</source>
      <translation>With the planned plants {name} generates about {target} MWh of {what} per km² in {year}; none of the similar municipalities generates as much today.</translation>
    </message>
    <message>
      <source>Vergleich mit ähnlichen Gemeinden</source>
      <translation>Comparison with similar municipalities</translation>
    </message>
    <message>
      <source>Die {count} Gemeinden Mitteldeutschlands, die {name} in Einwohnern, Fläche und Siedlungsanteil am nächsten kommen. Alle Werte sind für alle Gemeinden gleich ermittelt: die Anlagen aus dem Marktstammdatenregister mit den Volllaststunden der Bilanz, Wärme und Treibhausgase für {year} geschätzt aus Einwohnern und Wohnungen. Sie weichen darum von der Bilanz oben ab, die die Daten der Gemeinde nutzt.</source>
      <translation>The {count} municipalities of Mitteldeutschland closest to {name} in inhabitants, area and settlement share. All figures are determined alike for all municipalities: the plants from the Marktstammdatenregister with the balance's full-load hours, heat and greenhouse gases for {year} estimated from inhabitants and dwellings. They therefore differ from the balance above, which uses the municipality's own data.</translation>
    </message>
    <message>
      <source>Quelle: {source}</source>
      <translation>Source: {source}</translation>
    </message>
    <message>
      <source>Gewählt ist Variante {number}, „{name}“ (markiert mit ★).</source>
      <translation>The chosen alternative is {number}, "{name}" (marked with ★).</translation>
    </message>
    <message>
      <source>Was andere Gemeinden des Reviers tun</source>
      <translation>What other municipalities of the Revier do</translation>
    </message>
    <message>
      <source>Maßnahmen in denselben Handlungsfeldern aus den Katalogen, die {municipalities} geteilt haben (Stand ihres Exports).</source>
      <translation>Measures in the same fields of action from the catalogues {municipalities} shared (as of their export).</translation>
    </message>
    <message>
      <source>{mwh} MWh/a bei voller Umsetzung; t CO₂e/a je Jahr: {effects}</source>
      <translation>{mwh} MWh/a when fully carried out; t CO₂e/a per year: {effects}</translation>
    </message>
    <message>
      <source>(vermieden außerhalb der Bilanz)</source>
      <translation>(avoided outside the balance)</translation>
    </message>
    <message>
      <source>Annahme</source>
      <translation>Assumption</translation>
    </message>
    <message>
      <source>Rechts-grundlage</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <source>Quelle</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Zugrunde liegende Läufe</source>
      <translation>Runs the report is based on</translation>
    </message>
    <message>
      <source>Bilanz des Basisjahres {year}</source>
      <translation>Balance of the base year {year}</translation>
    </message>
    <message>
      <source>Monitoring {year}: Plan und Messung</source>
      <translation>Monitoring {year}: plan and measurement</translation>
    </message>
    <message>
      <source>Zeitplan {first}–{last}</source>
      <translation>Timeline {first}–{last}</translation>
    </message>
    <message>
      <source>Angabe</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Inhalt</source>
      <translation>Content</translation>
    </message>
    <message>
      <source>{count} Annahme(n) sind ungeprüfte Standardwerte: bitte vor einem Beschluss mit örtlichen Daten prüfen.</source>
      <translation>{count} assumption(s) are unverified default values: please check them with local data before a decision.</translation>
    </message>
    <message>
      <source>Daten und Namensnennung</source>
      <translation>Data and attribution</translation>
    </message>
    <message>
      <source>Tabelle {table}, Zeile {row}: das Feld „{field}“ ist leer.</source>
      <translation>Table {table}, row {row}: the field "{field}" is empty.</translation>
    </message>
    <message>
      <source>Tabelle {table}, Zeile {row}, Feld „{field}“: „{value}“ ist keine Zahl.</source>
      <translation>Table {table}, row {row}, field "{field}": "{value}" is not a number.</translation>
    </message>
    <message>
      <source>Erzeugung (Anlagen im Register)</source>
      <translation>Generation (plants in the register)</translation>
    </message>
    <message>
      <source>Quellen der Bilanz</source>
      <translation>Sources of the balance</translation>
    </message>
    <message>
      <source>{file}: Annahmen zum Solarpotenzial Dach können nicht gelesen werden ({error}).</source>
      <translation>{file}: the rooftop solar potential assumptions cannot be read ({error}).</translation>
    </message>
    <message>
      <source>die Klassengrenzen müssen von „sehr gut“ zu „geeignet“ fallen</source>
      <translation>the class limits must fall from “very good” to “suitable”</translation>
    </message>
    <message>
      <source>{file} gibt es nicht.</source>
      <translation>{file} does not exist.</translation>
    </message>
    <message>
      <source>Die Gebäudemodelle liegen in verschiedenen Koordinatensystemen (EPSG {codes}); bitte einheitlich liefern.</source>
      <translation>The building models are in different coordinate systems (EPSG {codes}); please supply them in one.</translation>
    </message>
    <message>
      <source>In {files} steht kein Gebäude (bldg:Building) – ist es ein CityGML-Modell der Version 1.0 oder 2.0?</source>
      <translation>{files} holds no building (bldg:Building) – is it a CityGML model of version 1.0 or 2.0?</translation>
    </message>
    <message>
      <source>Im Ordner {folder} liegen keine GML-Dateien (.gml, .xml).</source>
      <translation>The folder {folder} holds no GML files (.gml, .xml).</translation>
    </message>
    <message>
      <source>{file}: kein lesbares XML ({error}).</source>
      <translation>{file}: not readable XML ({error}).</translation>
    </message>
    <message>
      <source>{file}: unlesbare Koordinaten in einer Dachfläche ({error}).</source>
      <translation>{file}: unreadable coordinates in a roof surface ({error}).</translation>
    </message>
    <message>
      <source>untere Grenze muss kleiner als die obere sein</source>
      <translation>the lower bound must be smaller than the upper one</translation>
    </message>
    <message>
      <source>Idealwert und eine Toleranz &gt; 0 nötig</source>
      <translation>an ideal value and a tolerance &gt; 0 are needed</translation>
    </message>
    <message>
      <source>Der Paarvergleich braucht eine quadratische Matrix mit mindestens 2 Kriterien.</source>
      <translation>The pairwise comparison needs a square matrix of at least 2 criteria.</translation>
    </message>
    <message>
      <source>Paarvergleichswerte müssen zwischen 1/9 und 9 liegen.</source>
      <translation>Pairwise comparison values must lie between 1/9 and 9.</translation>
    </message>
    <message>
      <source>Gewichte müssen ≥ 0 sein und dürfen nicht alle 0 sein.</source>
      <translation>Weights must be ≥ 0 and must not all be 0.</translation>
    </message>
    <message>
      <source>jedes Feld und jede Kennung nur einmal</source>
      <translation>each field and each id only once</translation>
    </message>
    <message>
      <source>Liste von Kriterien oder Eingaben erwartet</source>
      <translation>list of criteria or inputs expected</translation>
    </message>
    <message>
      <source>Liste von Zahlen erwartet</source>
      <translation>list of numbers expected</translation>
    </message>
    <message>
      <source>Läufe ≥ 1, Streuung zwischen 0 und 1 und k ≥ 1 nötig.</source>
      <translation>Runs ≥ 1, a spread between 0 and 1 and k ≥ 1 are needed.</translation>
    </message>
    <message>
      <source>je Schwelle ein Wert nötig</source>
      <translation>one value per threshold is needed</translation>
    </message>
    <message>
      <source>Schwellen aufsteigend, Werte zwischen 0 und 1</source>
      <translation>thresholds ascending, values between 0 and 1</translation>
    </message>
    <message>
      <source>mindestens zwei Stützstellen mit steigendem x und Nutzen zwischen 0 und 1</source>
      <translation>at least two points with increasing x and utilities between 0 and 1</translation>
    </message>
    <message>
      <source>Gewichte sind nicht negativ</source>
      <translation>weights are not negative</translation>
    </message>
    <message>
      <source>je Kriterium eine Zeile mit je Kriterium einem Wert erwartet</source>
      <translation>one row per criterion with one value per criterion expected</translation>
    </message>
    <message>
      <source>unbekannte Art; erlaubt sind {kinds}</source>
      <translation>unknown kind; allowed are {kinds}</translation>
    </message>
    <message>
      <source>Paarvergleiche sind für höchstens {n} Kriterien vorgesehen.</source>
      <translation>Pairwise comparisons are meant for at most {n} criteria.</translation>
    </message>
    <message>
      <source>Paarvergleich nicht reziprok: Zeile {row}, Spalte {column} ({value}) und Zeile {column}, Spalte {row} ({mirror}) müssen Kehrwerte sein, z. B. {value} und {expected}.</source>
      <translation>Pairwise comparison not reciprocal: row {row}, column {column} ({value}) and row {column}, column {row} ({mirror}) must be reciprocals, e.g. {value} and {expected}.</translation>
    </message>
    <message>
      <source>Die Kriterienmatrix braucht eine Spalte je Kriterium ({count}).</source>
      <translation>The criterion matrix needs one column per criterion ({count}).</translation>
    </message>
    <message>
      <source>Unbekanntes Verfahren „{method}“ (wlc oder topsis).</source>
      <translation>Unknown method “{method}” (wlc or topsis).</translation>
    </message>
    <message>
      <source>Unbekannte Regel für fehlende Werte „{policy}“.</source>
      <translation>Unknown rule for missing values “{policy}”.</translation>
    </message>
    <message>
      <source>Je Kriterium ein Gewicht nötig ({count}).</source>
      <translation>One weight per criterion is needed ({count}).</translation>
    </message>
    <message>
      <source>Version {versions} erwartet</source>
      <translation>version {versions} expected</translation>
    </message>
    <message>
      <source>{where}, Kriterium {number}</source>
      <translation>{where}, criterion {number}</translation>
    </message>
    <message>
      <source>Liste von Paaren [x, Nutzen] erwartet</source>
      <translation>list of pairs [x, utility] expected</translation>
    </message>
    <message>
      <source>entweder „field“ oder „role“, nicht beides</source>
      <translation>either “field” or “role”, not both</translation>
    </message>
    <message>
      <source>Den Standorten fehlen die Felder {fields} des Schemas.</source>
      <translation>The sites lack the fields {fields} of the scheme.</translation>
    </message>
    <message>
      <source>Wertfunktion „{kind}“: {problem}</source>
      <translation>Value function “{kind}”: {problem}</translation>
    </message>
    <message>
      <source>„{text}“ ist kein Paarvergleichswert (z. B. 3 oder 1/3).</source>
      <translation>“{text}” is not a pairwise judgement (e.g. 3 or 1/3).</translation>
    </message>
    <message>
      <source>Der Paarvergleich hat {n} Zeilen, das Schema {k} Kriterien.</source>
      <translation>The pairwise comparison has {n} rows, the scheme {k} criteria.</translation>
    </message>
    <message>
      <source>Der Paarvergleich ist nicht konsistent genug: CR = {cr:.3f} &gt; 0,10. Bitte die Urteile prüfen oder die Inkonsistenz ausdrücklich zulassen.</source>
      <translation>The pairwise comparison is not consistent enough: CR = {cr:.3f} &gt; 0.10. Please check the judgements or explicitly accept the inconsistency.</translation>
    </message>
    <message>
      <source>Bitte den Namen der Gemeinde angeben, von der die Datei stammt.</source>
      <translation>Please give the name of the municipality the file comes from.</translation>
    </message>
    <message>
      <source>geteilt von {who}, {date}</source>
      <translation>shared by {who}, {date}</translation>
    </message>
    <message>
      <source>Emissionsfaktor</source>
      <translation>Emission factor</translation>
    </message>
    <message>
      <source>Fernwärme erneuerbar</source>
      <translation>District heat renewable</translation>
    </message>
    <message>
      <source>veröffentlicht</source>
      <translation>published</translation>
    </message>
    <message>
      <source>Szenario</source>
      <translation>scenario</translation>
    </message>
    <message>
      <source>Ziel</source>
      <translation>target</translation>
    </message>
    <message>
      <source>Treibhausgasneutralität</source>
      <translation>greenhouse gas neutrality</translation>
    </message>
    <message>
      <source>Erneuerbarer Anteil Fernwärme</source>
      <translation>Renewable share of district heat</translation>
    </message>
    <message>
      <source>Volllaststunden Bestand</source>
      <translation>Full-load hours of existing plants</translation>
    </message>
    <message>
      <source>Strom je Einwohner</source>
      <translation>Electricity per inhabitant</translation>
    </message>
    <message>
      <source>Wärme je Einwohner</source>
      <translation>Heat per inhabitant</translation>
    </message>
    <message>
      <source>Heizungsbestand Sachsen-Anhalt</source>
      <translation>Heating stock Saxony-Anhalt</translation>
    </message>
    <message>
      <source>Wirkungsgrad</source>
      <translation>Efficiency</translation>
    </message>
    <message>
      <source>Anteil an dezentraler Wärme 2045</source>
      <translation>Share of decentral heat 2045</translation>
    </message>
    <message>
      <source>Sanierung</source>
      <translation>Renovation</translation>
    </message>
    <message>
      <source>Rate</source>
      <translation>rate</translation>
    </message>
    <message>
      <source>Tiefe</source>
      <translation>depth</translation>
    </message>
    <message>
      <source>Verkehr je Einwohner</source>
      <translation>Transport per inhabitant</translation>
    </message>
    <message>
      <source>Bevölkerungsprognose</source>
      <translation>Population forecast</translation>
    </message>
    <message>
      <source>Vermiedene Emissionen je kWh PV-Strom</source>
      <translation>Avoided emissions per kWh of PV power</translation>
    </message>
    <message>
      <source>Leistungsdichte</source>
      <translation>Capacity density</translation>
    </message>
    <message>
      <source>Leistungsdichte nach Baujahr</source>
      <translation>Capacity density by build year</translation>
    </message>
    <message>
      <source>Randabstand</source>
      <translation>Edge setback</translation>
    </message>
    <message>
      <source>Ertrag je Einstrahlung</source>
      <translation>Yield per irradiation</translation>
    </message>
    <message>
      <source>Anlagenmodell für pvlib</source>
      <translation>Plant model for pvlib</translation>
    </message>
    <message>
      <source>Größte privilegierte Anlage</source>
      <translation>Largest privileged plant</translation>
    </message>
    <message>
      <source>Größter belegter Anteil der Wasserfläche</source>
      <translation>Largest covered share of the water surface</translation>
    </message>
    <message>
      <source>Uferabstand</source>
      <translation>Shore distance</translation>
    </message>
    <message>
      <source>Mittlere Windgeschwindigkeit</source>
      <translation>Mean wind speed</translation>
    </message>
    <message>
      <source>Parkverluste</source>
      <translation>Park losses</translation>
    </message>
    <message>
      <source>Technische Verfügbarkeit</source>
      <translation>Technical availability</translation>
    </message>
    <message>
      <source>Elektrische Verluste</source>
      <translation>Electrical losses</translation>
    </message>
    <message>
      <source>Abschaltungen</source>
      <translation>Curtailment</translation>
    </message>
    <message>
      <source>Fundamentabstand zum Flächenrand</source>
      <translation>Foundation distance from the area's edge</translation>
    </message>
    <message>
      <source>Leistung je Fläche</source>
      <translation>Capacity per area</translation>
    </message>
    <message>
      <source>Volllaststunden</source>
      <translation>Full-load hours</translation>
    </message>
    <message>
      <source>Anteil der Fläche, der der Landwirtschaft verloren geht</source>
      <translation>Share of the land lost to farming</translation>
    </message>
    <message>
      <source>Kleinste zusammenhängende Fläche</source>
      <translation>Smallest contiguous area</translation>
    </message>
    <message>
      <source>Größter Anteil an der Gemeindefläche</source>
      <translation>Largest share of the municipal area</translation>
    </message>
    <message>
      <source>Nicht nebeneinander</source>
      <translation>Not next to each other</translation>
    </message>
    <message>
      <source>Nutzung</source>
      <translation>Use</translation>
    </message>
    <message>
      <source>Flächenbeitragswert Land</source>
      <translation>Area contribution target of the state</translation>
    </message>
    <message>
      <source>Flächenbeitragswert Planungsregion</source>
      <translation>Area contribution target of the planning region</translation>
    </message>
    <message>
      <source>Referenzanlage</source>
      <translation>Reference turbine</translation>
    </message>
    <message>
      <source>Ausbaupfad</source>
      <translation>expansion path</translation>
    </message>
    <message>
      <source>Modulleistung je Fläche</source>
      <translation>Module power per area</translation>
    </message>
    <message>
      <source>Randabstand auf dem Dach</source>
      <translation>Edge setback on the roof</translation>
    </message>
    <message>
      <source>Kleinste nutzbare Dachfläche</source>
      <translation>Smallest usable roof area</translation>
    </message>
    <message>
      <source>Mit Modulen belegter Anteil geneigter Dachflächen</source>
      <translation>Share of pitched roof surfaces covered with modules</translation>
    </message>
    <message>
      <source>Flachdach bis zur Neigung</source>
      <translation>Flat roof up to the tilt</translation>
    </message>
    <message>
      <source>Modulneigung auf Flachdächern</source>
      <translation>Module tilt on flat roofs</translation>
    </message>
    <message>
      <source>Belegungsgrad auf Flachdächern</source>
      <translation>Ground cover ratio on flat roofs</translation>
    </message>
    <message>
      <source>Spezifischer Ertrag der besten Ausrichtung</source>
      <translation>Specific yield of the best orientation</translation>
    </message>
    <message>
      <source>Diffusanteil der Globalstrahlung</source>
      <translation>Diffuse share of the global irradiation</translation>
    </message>
    <message>
      <source>Albedo</source>
      <translation>Albedo</translation>
    </message>
    <message>
      <source>Systemverluste der pvlib-Simulation</source>
      <translation>System losses of the pvlib simulation</translation>
    </message>
    <message>
      <source>Eignung „sehr gut“ ab</source>
      <translation>Suitability “very good” from</translation>
    </message>
    <message>
      <source>Eignung „gut“ ab</source>
      <translation>Suitability “good” from</translation>
    </message>
    <message>
      <source>Eignung „geeignet“ ab</source>
      <translation>Suitability “suitable” from</translation>
    </message>
    <message>
      <source>Methode aus Grundrissen</source>
      <translation>Method from footprints</translation>
    </message>
    <message>
      <source>Dachneigung</source>
      <translation>Roof tilt</translation>
    </message>
    <message>
      <source>Investition (Schätzung)</source>
      <translation>Investment (estimate)</translation>
    </message>
    <message>
      <source>Jährliche Kosten (Schätzung)</source>
      <translation>Annual cost (estimate)</translation>
    </message>
    <message>
      <source>Zielpfad</source>
      <translation>Target path</translation>
    </message>
    <message>
      <source>Jahr der Treibhausgasneutralität</source>
      <translation>Year of greenhouse gas neutrality</translation>
    </message>
    <message>
      <source>Nutzbarer Anteil geneigter Dächer</source>
      <translation>Usable share of pitched roofs</translation>
    </message>
    <message>
      <source>Nutzbarer Anteil von Flachdächern</source>
      <translation>Usable share of flat roofs</translation>
    </message>
    <message>
      <source>{change} % von {first} bis {last}</source>
      <translation>{change} % from {first} to {last}</translation>
    </message>
    <message>
      <source>Neigung {tilt}°, Azimut {azimuth}°, Verluste {losses} %</source>
      <translation>Tilt {tilt}°, azimuth {azimuth}°, losses {losses} %</translation>
    </message>
    <message>
      <source>Status: {status}, Stand {date}</source>
      <translation>Status: {status}, as of {date}</translation>
    </message>
    <message>
      <source>Keine Vorgabe unter {key} im Verzeichnis der Quellen.</source>
      <translation>No default at {key} in the register of sources.</translation>
    </message>
    <message>
      <source>Rechtsgrundlage: {basis}</source>
      <translation>Legal basis: {basis}</translation>
    </message>
    <message>
      <source>{pct} % bis {year}</source>
      <translation>{pct} % by {year}</translation>
    </message>
    <message>
      <source>{file}: Anlagenkatalog kann nicht gelesen werden ({error}).</source>
      <translation>{file}: the turbine catalog cannot be read ({error}).</translation>
    </message>
    <message>
      <source>{file}: Vorgaben für Windparks können nicht gelesen werden ({error}).</source>
      <translation>{file}: the wind park defaults cannot be read ({error}).</translation>
    </message>
    <message>
      <source>Werte größer 0 erwartet</source>
      <translation>values greater than 0 expected</translation>
    </message>
    <message>
      <source>{where}: Leistungskurve braucht gleich viele (mindestens zwei) Windgeschwindigkeiten und Leistungen.</source>
      <translation>{where}: the power curve needs as many (at least two) wind speeds as power values.</translation>
    </message>
    <message>
      <source>{where}: Windgeschwindigkeiten der Leistungskurve müssen aufsteigen.</source>
      <translation>{where}: the wind speeds of the power curve must ascend.</translation>
    </message>
    <message>
      <source>{where}: Leistungen der Kurve müssen zwischen 0 und der Nennleistung liegen.</source>
      <translation>{where}: the power values of the curve must lie between 0 and the rated power.</translation>
    </message>
    <message>
      <source>windpowerlib kennt keinen Anlagentyp „{type}“ mit Leistungskurve.</source>
      <translation>windpowerlib knows no turbine type “{type}” with a power curve.</translation>
    </message>
    <message>
      <source>Der Anlagentyp „{type}“ braucht das Python-Paket windpowerlib (pip install windpowerlib).</source>
      <translation>The turbine type “{type}” needs the Python package windpowerlib (pip install windpowerlib).</translation>
    </message>
    <message>
      <source>Verluste {wake} % (Park), {electrical} % (elektrisch), {curtailment} % (Abschaltungen) und Verfügbarkeit {availability} %: erlaubt sind 0–99 % und 1–100 %.</source>
      <translation>Losses {wake} % (park), {electrical} % (electrical), {curtailment} % (curtailment) and availability {availability} %: allowed are 0–99 % and 1–100 %.</translation>
    </message>
    <message>
      <source>Der Fundamentabstand zum Flächenrand muss mindestens 0 m betragen.</source>
      <translation>The foundation distance from the area's edge must be at least 0 m.</translation>
    </message>
    <message>
      <source>Abstände zwischen den Anlagen müssen größer 0 sein.</source>
      <translation>Distances between the turbines must be greater than 0.</translation>
    </message>
    <message>
      <source>Die Flächen sind für den Anlagenabstand von {along:g} × {across:g} m zu groß ({count:.3g} mögliche Standorte, höchstens {limit:.3g}). Stimmen Rotordurchmesser und Abstände (in Metern), und ist jede Fläche eine Windfläche?</source>
      <translation>The areas are too large for a turbine spacing of {along:g} × {across:g} m ({count:.3g} possible positions, at most {limit:.3g}). Are the rotor diameter and the spacing right (in metres), and is every area a wind area?</translation>
    </message>
    <message>
      <source>Windangaben außerhalb sinnvoller Grenzen: Bezugshöhe &gt; 0 m, Höhenexponent 0–1, Weibull-Formparameter 0,5–5.</source>
      <translation>Wind figures outside sensible limits: reference height &gt; 0 m, shear exponent 0–1, Weibull shape 0.5–5.</translation>
    </message>
    <message>
      <source>Untersuchungsgebiet (Gemeindegrenze)</source>
      <translation>Study area (municipal boundary)</translation>
    </message>
    <message>
      <source>Flächenkulisse (geeignete Flächen)</source>
      <translation>Eligible land (suitable areas)</translation>
    </message>
    <message>
      <source>Daten</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Welche eigenen Daten (ALKIS, Basis-DLM, Schutzgebiete des Landes, OpenStreetMap) erkennt das Plugin, und welchen Kriterien fehlen noch Daten?</source>
      <translation>Which of your own data (ALKIS, Basis-DLM, the Land's protected areas, OpenStreetMap) does the plugin recognise, and which criteria still lack data?</translation>
    </message>
    <message>
      <source>Flächenkulisse ermitteln</source>
      <translation>Determine eligible land</translation>
    </message>
    <message>
      <source>Robustheit der Flächenkulisse</source>
      <translation>Robustness of the eligible land</translation>
    </message>
    <message>
      <source>Standortkriterien berechnen</source>
      <translation>Compute site criteria</translation>
    </message>
    <message>
      <source>Standorte bewerten</source>
      <translation>Score sites</translation>
    </message>
    <message>
      <source>Robustheit der Rangfolge</source>
      <translation>Robustness of the ranking</translation>
    </message>
    <message>
      <source>Windenergieanlagen platzieren</source>
      <translation>Place wind turbines</translation>
    </message>
    <message>
      <source>PV-Potenzial und Ertrag</source>
      <translation>PV potential and yield</translation>
    </message>
    <message>
      <source>Planungsvarianten erzeugen</source>
      <translation>Generate zoning alternatives</translation>
    </message>
    <message>
      <source>XPlanGML-Entwurf schreiben</source>
      <translation>Write XPlanGML draft</translation>
    </message>
    <message>
      <source>Wärmebedarf Gebäude</source>
      <translation>Building heat demand</translation>
    </message>
    <message>
      <source>Wärmedichte und Wärmeliniendichte</source>
      <translation>Heat density and heat line density</translation>
    </message>
    <message>
      <source>Eignung für Wärmenetze</source>
      <translation>Suitability for heat networks</translation>
    </message>
    <message>
      <source>Wärmeplan als XWärmeplan schreiben</source>
      <translation>Write heat plan as XWärmeplan</translation>
    </message>
    <message>
      <source>Energie- und Treibhausgasbilanz</source>
      <translation>Energy and greenhouse-gas balance</translation>
    </message>
    <message>
      <source>Maßnahmenkatalog ableiten</source>
      <translation>Derive measures catalogue</translation>
    </message>
    <message>
      <source>Maßnahmenkatalog teilen</source>
      <translation>Share measures catalogue</translation>
    </message>
    <message>
      <source>Geteilte Maßnahmenkataloge einlesen</source>
      <translation>Read shared measures catalogues</translation>
    </message>
    <message>
      <source>Kriterienkatalog oder Bewertungsschema teilen</source>
      <translation>Share criteria catalog or scoring scheme</translation>
    </message>
    <message>
      <source>Zukunftsprofil erstellen</source>
      <translation>Create future profile</translation>
    </message>
    <message>
      <source>Region: alle Gemeinden</source>
      <translation>Region: all municipalities</translation>
    </message>
    <message>
      <source>Lauf wiederholen und vergleichen</source>
      <translation>Repeat and compare a run</translation>
    </message>
    <message>
      <source>Flächenkulisse</source>
      <translation>Land eligibility (Flächenkulisse)</translation>
    </message>
    <message>
      <source>Welche Flächen kommen für Wind, Freiflächen-PV, Agri-PV oder Floating-PV in Frage, und was schließt die übrigen aus?</source>
      <translation>Which areas are suitable for wind, ground-mounted PV, agri-PV or floating PV, and what excludes the rest?</translation>
    </message>
    <message>
      <source>Standortbewertung</source>
      <translation>Site assessment</translation>
    </message>
    <message>
      <source>Wie gut ist jede geeignete Fläche? Mehrkriterielle Bewertung mit Gewichten und Robustheitsprüfung.</source>
      <translation>How good is each eligible area? Multi-criteria assessment with weights and robustness check.</translation>
    </message>
    <message>
      <source>Ertrag</source>
      <translation>Yield</translation>
    </message>
    <message>
      <source>Was liefern die Flächen? PV-Leistung und -Ertrag, Windenergieanlagen-Layout und Jahresenergie.</source>
      <translation>What do the areas deliver? PV capacity and yield, wind turbine layout and annual energy.</translation>
    </message>
    <message>
      <source>Planungsvarianten</source>
      <translation>Planning variants</translation>
    </message>
    <message>
      <source>Welche Flächenzuweisungen erreichen die Ziele der Gemeinde? Mehrere gute, unterschiedliche Varianten.</source>
      <translation>Which land allocations achieve the municipality's targets? Several good, distinct variants.</translation>
    </message>
    <message>
      <source>Wärmeplanung</source>
      <translation>Heat planning</translation>
    </message>
    <message>
      <source>Wärmebedarf, Wärmedichte, Wärmeliniendichte und Eignungsstufen für Wärmenetze nach WPG.</source>
      <translation>Heat demand, heat density, linear heat density and suitability levels for heating networks according to WPG.</translation>
    </message>
    <message>
      <source>Energiebilanz und Zukunftsprofil</source>
      <translation>Energy balance and future profile (Zukunftsprofil)</translation>
    </message>
    <message>
      <source>Energie- und Treibhausgasbilanz der Gemeinde bis 2045 und ein Zukunftsprofil für den Gemeinderat.</source>
      <translation>Energy and greenhouse gas balance of the municipality up to 2045 and a future profile (Zukunftsprofil) for the municipal council.</translation>
    </message>
    <message>
      <source>Siedlungsflächen oder Gebäude</source>
      <translation>Settlement areas or buildings</translation>
    </message>
    <message>
      <source>Verkehrswege (Straßen, Autobahn, Bahn)</source>
      <translation>Transport routes (roads, motorway, railway)</translation>
    </message>
    <message>
      <source>Schutzgebiete</source>
      <translation>Protected areas</translation>
    </message>
    <message>
      <source>Wald und Gewässer</source>
      <translation>Forest and water bodies</translation>
    </message>
    <message>
      <source>Bergbaufolgeflächen</source>
      <translation>Post-mining land</translation>
    </message>
    <message>
      <source>Netzanschluss (Umspannwerke, Leitungen)</source>
      <translation>Grid connection (substations, power lines)</translation>
    </message>
    <message>
      <source>Bestehende Windenergieanlagen</source>
      <translation>Existing wind turbines</translation>
    </message>
    <message>
      <source>Planungseinheiten (Flurstücke)</source>
      <translation>Planning units (land parcels)</translation>
    </message>
    <message>
      <source>Gebäude</source>
      <translation>Buildings</translation>
    </message>
    <message>
      <source>Baujahr (Zensus-Gitter)</source>
      <translation>Year of construction (census grid)</translation>
    </message>
    <message>
      <source>Straßenabschnitte</source>
      <translation>Street segments</translation>
    </message>
    <message>
      <source>Bestehendes Wärmenetz</source>
      <translation>Existing heating network</translation>
    </message>
    <message>
      <source>Gemeindestatistik</source>
      <translation>Municipal statistics</translation>
    </message>
    <message>
      <source>Einwohner (Zensus-Gitter)</source>
      <translation>Inhabitants (census grid)</translation>
    </message>
    <message>
      <source>Heizungen (Zensus-Gitter)</source>
      <translation>Heating (census grid)</translation>
    </message>
    <message>
      <source>Anlagen (Marktstammdatenregister)</source>
      <translation>Plants (Marktstammdatenregister)</translation>
    </message>
    <message>
      <source>Der Plan enthält keine Flächen.</source>
      <translation>The plan holds no areas.</translation>
    </message>
    <message>
      <source>Der Geltungsbereich</source>
      <translation>The plan boundary</translation>
    </message>
    <message>
      <source>Ein Regionalplan nimmt hier nur Vorranggebiete für Wind- und Solarenergie auf.</source>
      <translation>A regional plan holds only priority areas for wind and solar energy here.</translation>
    </message>
    <message>
      <source>Zeile</source>
      <translation>Line</translation>
    </message>
    <message>
      <source>„{ags}“ ist kein amtlicher Gemeindeschlüssel: XPlanung verlangt die acht Ziffern des AGS (z. B. 15084235 für Hohenmölsen).</source>
      <translation>“{ags}” is no official municipality key: XPlanung requires the eight digits of the AGS (e.g. 15084235 for Hohenmölsen).</translation>
    </message>
    <message>
      <source>Flächenbilanz</source>
      <translation>Area balance</translation>
    </message>
    <message>
      <source>XPlanung kennt für diese Nutzungen keine Darstellung: {uses}.</source>
      <translation>XPlanung has no depiction for these uses: {uses}.</translation>
    </message>
    <message>
      <source>{what} hat keine Fläche.</source>
      <translation>{what} has no area.</translation>
    </message>
    <message>
      <source>{use}: {ha} ha, {share} % des Geltungsbereichs</source>
      <translation>{use}: {ha} ha, {share} % of the plan boundary</translation>
    </message>
    <message>
      <source>Eine Fläche ({use})</source>
      <translation>An area ({use})</translation>
    </message>
    <message>
      <source>Ein Gasnetz war nicht angegeben: Es gilt als nicht vorhanden (§ 14 Abs. 3 Nr. 1 WPG).</source>
      <translation>No gas network was given: it counts as absent (§ 14 (3) no. 1 WPG).</translation>
    </message>
    <message>
      <source>Ein verbindlicher Umstellungsfahrplan des Gasnetzbetreibers liegt vor (§ 71k Abs. 1 Nr. 2 GEG): Stufe 2 wo ein Gasnetz besteht.</source>
      <translation>A binding conversion plan of the gas network operator exists (§ 71k (1) no. 2 GEG): level 2 where a gas network exists.</translation>
    </message>
    <message>
      <source>Ein verbindlicher Umstellungsfahrplan des Gasnetzbetreibers (§ 71k Abs. 1 Nr. 2 GEG) liegt nicht vor: höchstens Stufe 3.</source>
      <translation>No binding conversion plan of the gas network operator (§ 71k (1) no. 2 GEG) exists: level 3 at best.</translation>
    </message>
    <message>
      <source>Wärmenetzgebiet</source>
      <translation>Heat network area</translation>
    </message>
    <message>
      <source>Wasserstoffnetzgebiet</source>
      <translation>Hydrogen network area</translation>
    </message>
    <message>
      <source>Gebiet für die dezentrale Wärmeversorgung</source>
      <translation>Area for decentral heat supply</translation>
    </message>
    <message>
      <source>Eignung für ein Wärmenetz (§ 19 WPG)</source>
      <translation>Suitability for a heat network (§ 19 WPG)</translation>
    </message>
    <message>
      <source>Eignungsstufen aus Wärmedichte je Baublock und Wärmeliniendichte, einem bestehenden Wärmenetz, Großverbrauchern und Abwärmequellen in der Nähe (Werkzeug „Eignung für Wärmenetze“; Schwellen nach Energieatlas Bayern, F|Heat, KEA-BW).</source>
      <translation>Suitability levels from the heat density per block and the heat line density, an existing heat network, large consumers and waste-heat sources nearby (tool “Heat network suitability”; thresholds after Energieatlas Bayern, F|Heat, KEA-BW).</translation>
    </message>
    <message>
      <source>Eignung für ein Wasserstoffnetz (§ 14 Abs. 3, § 19 WPG)</source>
      <translation>Suitability for a hydrogen network (§ 14 (3), § 19 WPG)</translation>
    </message>
    <message>
      <source>Eignung für die dezentrale Versorgung (§ 19 WPG)</source>
      <translation>Suitability for decentral supply (§ 19 WPG)</translation>
    </message>
    <message>
      <source>Gegenstufe der Eignung für ein Wärmenetz (1 ↔ 4, 2 ↔ 3): wo die Dichte ein Wärmenetz trägt, ist die Einzelversorgung die teurere Art (§ 18 Abs. 1 WPG); wo ein Wärmenetz sehr wahrscheinlich ungeeignet ist, wird das Gebiet für die dezentrale Versorgung dargestellt (§ 14 Abs. 4 WPG).</source>
      <translation>The mirrored level of the heat network's suitability (1 ↔ 4, 2 ↔ 3): where the density carries a heat network, single heating is the dearer way (§ 18 (1) WPG); where a heat network is very likely unsuited, the area is shown for decentral supply (§ 14 (4) WPG).</translation>
    </message>
    <message>
      <source>Voraussichtliche Wärmeversorgungsgebiete (§ 18 WPG)</source>
      <translation>Prospective heat supply areas (§ 18 WPG)</translation>
    </message>
    <message>
      <source>Wärmenetzgebiet bei Stufe 1 oder 2 für ein Wärmenetz, Wasserstoffnetzgebiet bei Stufe 1 oder 2 für ein Wasserstoffnetz, sonst Gebiet für die dezentrale Wärmeversorgung; dieselbe Einteilung für 2030, 2035, 2040 und das Zieljahr, der Wärmebedarf je Jahr aus dem Sanierungsszenario.</source>
      <translation>Heat network area at level 1 or 2 for a heat network, hydrogen network area at level 1 or 2 for a hydrogen network, otherwise area for decentral heat supply; the same division for 2030, 2035, 2040 and the target year, each year's heat demand from the renovation scenario.</translation>
    </message>
    <message>
      <source>Datenschutz (§ 10 Abs. 2 WPG)</source>
      <translation>Privacy (§ 10 (2) WPG)</translation>
    </message>
    <message>
      <source>Wärmebedarf und Wärmeliniendichte stehen nur für Gebiete und Straßenabschnitte mit mindestens fünf Gebäuden im Plan.</source>
      <translation>Heat demand and heat line density are in the plan only for areas and street sections with at least five buildings.</translation>
    </message>
    <message>
      <source>Der Wärmeplan enthält keine Gebiete.</source>
      <translation>The heat plan holds no areas.</translation>
    </message>
    <message>
      <source>Ein Gasnetz in bis zu {reach} m gilt als vorhanden.</source>
      <translation>A gas network within {reach} m counts as present.</translation>
    </message>
    <message>
      <source>Wärmeverbrauchsdichte und Energieträger je Baublock (Anlage 2 WPG)</source>
      <translation>Heat consumption density and energy carriers per block (Anlage 2 WPG)</translation>
    </message>
    <message>
      <source>Wärmebedarf der Gebäude (berechnet aus Gebäudetyp, Baualtersklasse und Fläche, wo kein gemessener Verbrauch vorliegt) je Hektar des Baublocks; geteilt auf die Energieträger nach den Gebäuden je Energieträger der Heizung im Gitter des Zensus 2022 (Zellen im Baublock, ein Wärmeerzeuger je Gebäude; geheim gehaltene Zellenwerte zählen nicht).</source>
      <translation>Heat demand of the buildings (computed from building type, age class and floor area where no measured consumption is available) per hectare of the block; shared among the energy carriers by the buildings per heating carrier in the 2022 census grid (cells in the block, one heat generator per building; suppressed cell values do not count).</translation>
    </message>
    <message>
      <source>Ein Versorgungsgebiet</source>
      <translation>A supply area</translation>
    </message>
    <message>
      <source>„{key}“ ist kein amtlicher Regionalschlüssel: XWärmeplan verlangt die zwölf Ziffern des ARS (z. B. 150840235235 für Hohenmölsen; im Feld RS der Verwaltungsgebiete VG250).</source>
      <translation>“{key}” is no official regional key: XWärmeplan requires the twelve digits of the ARS (e.g. 150840235235 for Hohenmölsen; in the field RS of the VG250 administrative areas).</translation>
    </message>
    <message>
      <source>Der Beschluss des Wärmeplans ({decision}) liegt vor dem Beschluss über die Durchführung ({start}).</source>
      <translation>The decision on the heat plan ({decision}) lies before the decision to carry it out ({start}).</translation>
    </message>
    <message>
      <source>Das Zieljahr {target} liegt vor dem Basisjahr {base}.</source>
      <translation>The target year {target} lies before the base year {base}.</translation>
    </message>
    <message>
      <source>Ein Prüfgebiet nach § 14</source>
      <translation>An area of the § 14 check</translation>
    </message>
    <message>
      <source>Ein Baublock</source>
      <translation>A block</translation>
    </message>
    <message>
      <source>Stufe 4, wo kein Gasnetz besteht (§ 14 Abs. 3 Nr. 1 WPG); sonst Stufe 3, mit einem verbindlichen Fahrplan des Netzbetreibers zur Umstellung auf Wasserstoff Stufe 2 (§ 18 Abs. 4 WPG, § 71k GEG).</source>
      <translation>Level 4 where no gas network exists (§ 14 (3) no. 1 WPG); otherwise level 3, with a binding plan of the network operator to convert to hydrogen level 2 (§ 18 (4) WPG, § 71k GEG).</translation>
    </message>
    <message>
      <source>allein erreichbar, aber nicht zusammen mit allen übrigen Zielen und den Grenzen</source>
      <translation>reachable alone, but not together with all the other targets and the limits</translation>
    </message>
    <message>
      <source>{file}: Nutzungskatalog kann nicht gelesen werden ({error}).</source>
      <translation>{file}: the use catalog cannot be read ({error}).</translation>
    </message>
    <message>
      <source>Bestand beibehalten</source>
      <translation>Keep current use</translation>
    </message>
    <message>
      <source>maximale Eignung</source>
      <translation>maximum suitability</translation>
    </message>
    <message>
      <source>flächensparend</source>
      <translation>land-saving</translation>
    </message>
    <message>
      <source>maximaler Ertrag</source>
      <translation>maximum yield</translation>
    </message>
    <message>
      <source>Ohne Festlegungen ist der leere Plan zulässig: der Löser hat sich numerisch verrechnet. Bitte die Planungseinheiten prüfen (sehr kleine oder ungültige Flächen).</source>
      <translation>Without locks the empty plan is feasible: the solver has miscalculated numerically. Please check the planning units (very small or invalid areas).</translation>
    </message>
    <message>
      <source>Die Festlegungen passen nicht zu den Grenzen; bitte Festlegungen einzeln lösen.</source>
      <translation>The locks do not fit the limits; please release locks one by one.</translation>
    </message>
    <message>
      <source>Mindestens ein Ziel der Varianten wählen.</source>
      <translation>Choose at least one objective for the alternatives.</translation>
    </message>
    <message>
      <source>Anzahl naher Alternativen ≥ 0 und Spielraum 0–100 % erwartet.</source>
      <translation>Number of near-optimal alternatives ≥ 0 and allowance 0–100 % expected.</translation>
    </message>
    <message>
      <source>Keine Planungseinheiten.</source>
      <translation>No planning units.</translation>
    </message>
    <message>
      <source>Keine Einheit ist für eine Nutzung geeignet oder festgelegt: alle Varianten behalten den Bestand.</source>
      <translation>No unit is eligible for or locked to a use: all alternatives keep the current use.</translation>
    </message>
    <message>
      <source>Die Zellgröße muss größer 0 sein.</source>
      <translation>The cell size must be greater than 0.</translation>
    </message>
    <message>
      <source>Die Gemeindefläche muss größer 0 sein.</source>
      <translation>The municipality's area must be greater than 0.</translation>
    </message>
    <message>
      <source>optimal</source>
      <translation>optimal</translation>
    </message>
    <message>
      <source>Zeitlimit erreicht (beste gefundene Lösung)</source>
      <translation>time limit reached (best solution found)</translation>
    </message>
    <message>
      <source>unzulässig: keine Zuweisung hält alle harten Grenzen ein</source>
      <translation>infeasible: no allocation keeps every hard limit</translation>
    </message>
    <message>
      <source>unbeschränkt</source>
      <translation>unbounded</translation>
    </message>
    <message>
      <source>vom Löser nicht gelöst (Status {status})</source>
      <translation>not solved by the solver (status {status})</translation>
    </message>
    <message>
      <source>Die kleinste Zielverfehlung ist nicht bewiesen (Zeitlimit): die Varianten verfehlen die Ziele um höchstens {found} (Summe der Anteile), möglich wäre bis hinab zu {bound}.</source>
      <translation>The least shortfall of the targets is not proven (time limit): the alternatives miss the targets by at most {found} (sum of the shares); it could be as low as {bound}.</translation>
    </message>
    <message>
      <source>allein höchstens {value:.1f} {unit} erreichbar (Eignung, Festlegungen, Obergrenzen, Nachbarschaft, Mindestgröße)</source>
      <translation>at most {value:.1f} {unit} reachable alone (eligibility, locks, limits, neighbours, minimum size)</translation>
    </message>
    <message>
      <source>allein erreichbar, aber nicht zusammen mit: {targets}</source>
      <translation>reachable alone, but not together with: {targets}</translation>
    </message>
    <message>
      <source>es fehlen {uses}</source>
      <translation>{uses} missing</translation>
    </message>
    <message>
      <source>Hochwertige Böden: die Festlegungen nehmen {taken} ha, erlaubt {allowed} ha</source>
      <translation>Prime farmland: the locks take {taken} ha, {allowed} ha allowed</translation>
    </message>
    <message>
      <source>nahe Alternative {number} ({objective}, ≤ {pct:g} %)</source>
      <translation>near-optimal alternative {number} ({objective}, ≤ {pct:g} %)</translation>
    </message>
    <message>
      <source>{size:g} m große Zellen ergäben über zwei Millionen Einheiten; bitte größer wählen.</source>
      <translation>Cells of {size:g} m would give more than two million units; please choose larger ones.</translation>
    </message>
    <message>
      <source>zwei Nutzungen aus {uses} erwartet</source>
      <translation>two uses out of {uses} expected</translation>
    </message>
    <message>
      <source>Windflächenanteil {value} % liegt nicht zwischen 0 und 100 %.</source>
      <translation>Wind area share {value} % is not between 0 and 100 %.</translation>
    </message>
    <message>
      <source>{use}: festgelegt {locked} ha, erlaubt höchstens {share} % = {allowed} ha</source>
      <translation>{use}: {locked} ha locked, at most {share} % = {allowed} ha allowed</translation>
    </message>
    <message>
      <source>{first} neben {second} ist ausgeschlossen, festgelegt sind die Nachbarn {a} und {b}</source>
      <translation>{first} next to {second} is excluded, yet the neighbours {a} and {b} are locked so</translation>
    </message>
    <message>
      <source>Die Ziele lassen sich mit keiner zulässigen Zuweisung annähern: {message}</source>
      <translation>No feasible allocation approaches the targets: {message}</translation>
    </message>
    <message>
      <source>Höchstanteil für {use}: {value} % liegt über 100 %.</source>
      <translation>Maximum share for {use}: {value} % is above 100 %.</translation>
    </message>
    <message>
      <source>Windfläche ≥ {share:g} % der Gemeinde</source>
      <translation>Wind area ≥ {share:g} % of the municipality</translation>
    </message>
    <message>
      <source>Die Variante „{name}“ hat keine zulässige Lösung: {message}</source>
      <translation>The alternative “{name}” has no feasible solution: {message}</translation>
    </message>
    <message>
      <source>Unbekannte Nutzung „{use}“; bekannt: {uses}.</source>
      <translation>Unknown use “{use}”; known: {uses}.</translation>
    </message>
    <message>
      <source>{what} für {use}: {value} ist kein Wert ≥ 0.</source>
      <translation>{what} for {use}: {value} is not a value ≥ 0.</translation>
    </message>
    <message>
      <source>Unbekanntes Ziel „{objective}“.</source>
      <translation>Unknown objective “{objective}”.</translation>
    </message>
    <message>
      <source>Innerhalb von {pct:g} % des Optimums gibt es keine weitere, andere Variante.</source>
      <translation>There is no further, different alternative within {pct:g} % of the optimum.</translation>
    </message>
    <message>
      <source>Keine weitere nahe Alternative gefunden: {message}</source>
      <translation>No further near-optimal alternative found: {message}</translation>
    </message>
    <message>
      <source>im Terminal</source>
      <translation>in a terminal</translation>
    </message>
    <message>
      <source>WIP Energie- und Raumplanung: es fehlen Python-Pakete: {names}. Installation {where}: {commands}. Danach QGIS neu starten.</source>
      <translation>WIP Energy and Spatial Planning: Python packages are missing: {names}. To install them, run {where}: {commands}. Then restart QGIS.</translation>
    </message>
    <message>
      <source>in einem Terminal</source>
      <translation>in a terminal</translation>
    </message>
    <message>
      <source>in der OSGeo4W-Shell (als Administrator)</source>
      <translation>in the OSGeo4W Shell (as administrator)</translation>
    </message>
    <message>
      <source>nicht installiert</source>
      <translation>not installed</translation>
    </message>
    <message>
      <source>Version {found} gefunden, mindestens {wanted} nötig</source>
      <translation>version {found} found, at least {wanted} required</translation>
    </message>
    <message>
      <source>Handbuch</source>
      <translation>Manual</translation>
    </message>
    <message>
      <source>Diesen Arbeitsschritt im Handbuch öffnen</source>
      <translation>Open this step in the manual</translation>
    </message>
    <message>
      <source>Das Handbuch öffnen</source>
      <translation>Open the manual</translation>
    </message>
    <message>
      <source>Berechnung läuft …</source>
      <translation>Calculating …</translation>
    </message>
    <message>
      <source>Berechnung abgebrochen.</source>
      <translation>Calculation cancelled.</translation>
    </message>
    <message>
      <source>Berechnung fehlgeschlagen: {reason}</source>
      <translation>Calculation failed: {reason}</translation>
    </message>
    <message>
      <source>davon Kraftstoffe</source>
      <translation>of which fuels</translation>
    </message>
    <message>
      <source>Erzeugung vor Ort</source>
      <translation>Local generation</translation>
    </message>
    <message>
      <source>Erneuerbarer Anteil am Verbrauch</source>
      <translation>Renewable share of consumption</translation>
    </message>
    <message>
      <source>Erneuerbare Wärme</source>
      <translation>Renewable heat</translation>
    </message>
    <message>
      <source>je Einwohner</source>
      <translation>per inhabitant</translation>
    </message>
    <message>
      <source>Abstand zur Neutralität</source>
      <translation>Gap to neutrality</translation>
    </message>
    <message>
      <source>Energiebilanz &amp; Zukunftsprofil</source>
      <translation>Energy balance &amp; future profile</translation>
    </message>
    <message>
      <source>Bilanz wird berechnet …</source>
      <translation>Computing the balance …</translation>
    </message>
    <message>
      <source>Endenergie GWh/a</source>
      <translation>Final energy GWh/a</translation>
    </message>
    <message>
      <source>Erzeugung vor Ort GWh/a</source>
      <translation>Local generation GWh/a</translation>
    </message>
    <message>
      <source>Zukunftsprofil speichern</source>
      <translation>Save future profile</translation>
    </message>
    <message>
      <source>HTML-Bericht (*.html)</source>
      <translation>HTML report (*.html)</translation>
    </message>
    <message>
      <source>Zukunftsprofil wird geschrieben …</source>
      <translation>Writing the future profile …</translation>
    </message>
    <message>
      <source>Endenergie ohne Verkehr</source>
      <translation>Final energy without transport</translation>
    </message>
    <message>
      <source>Endenergie</source>
      <translation>Final energy</translation>
    </message>
    <message>
      <source>Treibhausgase ohne Verkehr</source>
      <translation>Greenhouse gases without transport</translation>
    </message>
    <message>
      <source>Treibhausgase</source>
      <translation>Greenhouse gases</translation>
    </message>
    <message>
      <source>Bitte die Gemeinde und die Gemeindestatistik wählen.</source>
      <translation>Please choose the municipality and the municipal statistics.</translation>
    </message>
    <message>
      <source>Kennzahlen der Bilanz</source>
      <translation>Indicators of the balance</translation>
    </message>
    <message>
      <source>Annahmen der Bilanz</source>
      <translation>Assumptions of the balance</translation>
    </message>
    <message>
      <source>Pfade der Bilanz je Hebel</source>
      <translation>Balance paths per lever</translation>
    </message>
    <message>
      <source>Energiebilanz</source>
      <translation>Energy balance</translation>
    </message>
    <message>
      <source>{first}: {co2} t CO₂e ({per_capita} t je Einwohner), erneuerbar {share} %; {last}: {co2_last} t CO₂e, erneuerbar {share_last} % – {scope}.</source>
      <translation>{first}: {co2} t CO₂e ({per_capita} t per inhabitant), renewable {share} %; {last}: {co2_last} t CO₂e, renewable {share_last} % – {scope}.</translation>
    </message>
    <message>
      <source>Zukunftsprofil: &lt;a href="{html}"&gt;{html_name}&lt;/a&gt;, &lt;a href="{pdf}"&gt;{pdf_name}&lt;/a&gt;</source>
      <translation>Future profile: &lt;a href="{html}"&gt;{html_name}&lt;/a&gt;, &lt;a href="{pdf}"&gt;{pdf_name}&lt;/a&gt;</translation>
    </message>
    <message>
      <source>Daten hinzufügen</source>
      <translation>Add data</translation>
    </message>
    <message>
      <source>Ordner mit Daten hinzufügen</source>
      <translation>Add a folder of data</translation>
    </message>
    <message>
      <source>Kriterium</source>
      <translation>Criterion</translation>
    </message>
    <message>
      <source>Ebene(n)</source>
      <translation>Layer(s)</translation>
    </message>
    <message>
      <source>Auswahl</source>
      <translation>Selection</translation>
    </message>
    <message>
      <source>{count} Ebene(n) hinzugefügt, davon {recognised} mit Datenprofil erkannt.</source>
      <translation>{count} layer(s) added, {recognised} of them recognised by a data profile.</translation>
    </message>
    <message>
      <source>Gebäude für die Wärmeplanung: keine Ebene mit Datenprofil (die Wärmeplanung sucht sonst nach Namen).</source>
      <translation>Buildings for heat planning: no layer with a data profile (heat planning otherwise looks by name).</translation>
    </message>
    <message>
      <source>Bitte zuerst ein Kriterium in der Tabelle wählen.</source>
      <translation>Please choose a criterion in the table first.</translation>
    </message>
    <message>
      <source>Geodaten ({patterns});;Alle Dateien (*)</source>
      <translation>Spatial data ({patterns});;All files (*)</translation>
    </message>
    <message>
      <source>Diese Ebenen findet das Plugin an den Namenshinweisen der Kriterienkataloge.</source>
      <translation>The plugin finds these layers by the name hints of the criteria catalogs.</translation>
    </message>
    <message>
      <source>– fehlt –</source>
      <translation>– missing –</translation>
    </message>
    <message>
      <source>Als Ebene angelegt: {layers}.</source>
      <translation>Made layers: {layers}.</translation>
    </message>
    <message>
      <source>Ohne lesbare Ebene: {files}.</source>
      <translation>Without a readable layer: {files}.</translation>
    </message>
    <message>
      <source>Ohne Datenprofil (nach Namen)</source>
      <translation>Without data profile (by name)</translation>
    </message>
    <message>
      <source>{found} von {count} Kriterien haben Daten; es fehlen: {missing}.</source>
      <translation>{found} of {count} criteria have data; missing: {missing}.</translation>
    </message>
    <message>
      <source>Alle {count} Kriterien haben Daten.</source>
      <translation>All {count} criteria have data.</translation>
    </message>
    <message>
      <source>Gebäude für die Wärmeplanung: {layers}</source>
      <translation>Buildings for heat planning: {layers}</translation>
    </message>
    <message>
      <source>Für „{criterion}“ wählt kein Datenmodell Objekte aus einer Ebene aus.</source>
      <translation>For "{criterion}" no data model selects features from a layer.</translation>
    </message>
    <message>
      <source>Nicht als Filter zu schreiben: {layers} (die Flächenkulisse wählt dort trotzdem richtig aus).</source>
      <translation>Cannot be written as a filter: {layers} (the eligible land tool still selects correctly there).</translation>
    </message>
    <message>
      <source>nach Namen</source>
      <translation>by name</translation>
    </message>
    <message>
      <source>WIP Energie- und Raumplanung: Python-Pakete</source>
      <translation>WIP Energy and Spatial Planning: Python packages</translation>
    </message>
    <message>
      <source>Schließen</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Installieren</source>
      <translation>Install</translation>
    </message>
    <message>
      <source>Befehle kopieren</source>
      <translation>Copy commands</translation>
    </message>
    <message>
      <source>Erneut prüfen</source>
      <translation>Check again</translation>
    </message>
    <message>
      <source>Alle Python-Pakete sind vorhanden. Bitte QGIS neu starten, dann stehen Werkzeuge und Andockfenster bereit.</source>
      <translation>All Python packages are present. Please restart QGIS; the tools and dock panels are then ready.</translation>
    </message>
    <message>
      <source>Diese Befehle installieren sie in das Python dieser QGIS-Installation; die numpy-Version von QGIS bleibt dabei unverändert. „Installieren“ führt die pip-Befehle aus (unter Windows nur, wenn QGIS als Administrator läuft, sonst den Befehl in der OSGeo4W-Shell als Administrator ausführen); Befehle mit sudo bitte selbst in einem Terminal ausführen. Danach „Erneut prüfen“ und QGIS neu starten.</source>
      <translation>These commands install them into the Python of this QGIS installation; QGIS's numpy version stays as it is. “Install” runs the pip commands (on Windows only when QGIS runs as administrator; otherwise run the command in the OSGeo4W Shell as administrator); please run commands with sudo yourself in a terminal. Then “Check again” and restart QGIS.</translation>
    </message>
    <message>
      <source>Das Plugin braucht Python-Pakete, die dieser QGIS-Installation fehlen:</source>
      <translation>The plugin needs Python packages that this QGIS installation lacks:</translation>
    </message>
    <message>
      <source>Abgebrochen mit Fehlercode {code}: siehe die Meldungen oben.</source>
      <translation>Stopped with error code {code}: see the messages above.</translation>
    </message>
    <message>
      <source>Das Programm ließ sich nicht starten: {program}</source>
      <translation>The program could not be started: {program}</translation>
    </message>
    <message>
      <source>Kriterienkatalog (*.json)</source>
      <translation>Criteria catalog (*.json)</translation>
    </message>
    <message>
      <source>– keine –</source>
      <translation>– none –</translation>
    </message>
    <message>
      <source>Bitte ein Untersuchungsgebiet (Flächenebene) wählen.</source>
      <translation>Please choose a study area (polygon layer).</translation>
    </message>
    <message>
      <source>Geeignete Flächen – {technology}</source>
      <translation>Eligible areas – {technology}</translation>
    </message>
    <message>
      <source>Ausgeschlossene Flächen – {technology}</source>
      <translation>Excluded areas – {technology}</translation>
    </message>
    <message>
      <source>Flächenbilanz – {technology}</source>
      <translation>Area balance – {technology}</translation>
    </message>
    <message>
      <source>Ausgeschlossen ({area} ha), weil:</source>
      <translation>Excluded ({area} ha) because:</translation>
    </message>
    <message>
      <source>Flächenkulisse – {catalog}</source>
      <translation>Eligible land – {catalog}</translation>
    </message>
    <message>
      <source>{eligible} ha geeignet ({share} % des Untersuchungsgebiets), {excluded} ha ausgeschlossen.</source>
      <translation>{eligible} ha eligible ({share} % of the study area), {excluded} ha excluded.</translation>
    </message>
    <message>
      <source>Erst die Flächenkulisse berechnen.</source>
      <translation>Compute the eligible land first.</translation>
    </message>
    <message>
      <source>Nicht geprüft, keine Ebene zugeordnet: {labels} (harte Kriterien darunter: {hard})</source>
      <translation>Not checked, no layer assigned: {labels} (hard criteria among them: {hard})</translation>
    </message>
    <message>
      <source>Wärmeplan als XWärmeplan</source>
      <translation>Heat plan as XWärmeplan</translation>
    </message>
    <message>
      <source>XWärmeplan (*.gml)</source>
      <translation>XWärmeplan (*.gml)</translation>
    </message>
    <message>
      <source>Wärmeplan wird als XWärmeplan geschrieben …</source>
      <translation>Writing the heat plan as XWärmeplan …</translation>
    </message>
    <message>
      <source>leer: Feld RS des Gemeindegebiets</source>
      <translation>empty: field RS of the municipal territory</translation>
    </message>
    <message>
      <source>Gebäude nach Energieträger der Heizung je Gitterzelle des Zensus 2022: damit enthält der Plan je Baublock die Wärmeverbrauchsdichte mit Energieträgern und Wärmeerzeugern.</source>
      <translation>Buildings by heating energy carrier per grid cell of the 2022 census: with it the plan holds per block the heat consumption density with energy carriers and heat generators.</translation>
    </message>
    <message>
      <source>Ohne Gasnetz gilt ein Wasserstoffnetz als sehr wahrscheinlich ungeeignet (§ 14 Abs. 3 Nr. 1 WPG).</source>
      <translation>Without a gas network a hydrogen network counts as very likely unsuited (§ 14 (3) no. 1 WPG).</translation>
    </message>
    <message>
      <source>Gemeindegebiet</source>
      <translation>Municipal territory</translation>
    </message>
    <message>
      <source>Regionalschlüssel (12 Ziffern)</source>
      <translation>Regional key (12 digits)</translation>
    </message>
    <message>
      <source>Bestehendes Gasnetz</source>
      <translation>Existing gas network</translation>
    </message>
    <message>
      <source>Beschluss über die Durchführung</source>
      <translation>Decision to carry out the planning</translation>
    </message>
    <message>
      <source>Beschluss des Wärmeplans (geplant)</source>
      <translation>Decision on the heat plan (planned)</translation>
    </message>
    <message>
      <source>Abbrechen</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Eignungsstufe (§ 19 WPG)</source>
      <translation>Suitability level (§ 19 WPG)</translation>
    </message>
    <message>
      <source>Gebiete</source>
      <translation>Areas</translation>
    </message>
    <message>
      <source>Wärmebedarf MWh/a</source>
      <translation>Heat demand MWh/a</translation>
    </message>
    <message>
      <source>Bitte eine Gebäude- und eine Straßenebene wählen.</source>
      <translation>Please choose a building and a street layer.</translation>
    </message>
    <message>
      <source>Wärmeliniendichte</source>
      <translation>Heat line density</translation>
    </message>
    <message>
      <source>Wärmedichte</source>
      <translation>Heat density</translation>
    </message>
    <message>
      <source>Wärmebedarf Gebäude (intern)</source>
      <translation>Building heat demand (internal)</translation>
    </message>
    <message>
      <source>Wärmebedarf {total} GWh/a, 2045 {target} GWh/a; {short} Gebiete für das verkürzte Verfahren nach § 14.</source>
      <translation>Heat demand {total} GWh/a, 2045 {target} GWh/a; {short} areas for the shortened procedure of § 14.</translation>
    </message>
    <message>
      <source>Wärmeplan als XWärmeplan gespeichert: {path}</source>
      <translation>Heat plan saved as XWärmeplan: {path}</translation>
    </message>
    <message>
      <source>Maßnahmen</source>
      <translation>Measures</translation>
    </message>
    <message>
      <source>Maßnahmen werden abgeleitet …</source>
      <translation>Deriving measures …</translation>
    </message>
    <message>
      <source>Maßnahmenkatalog</source>
      <translation>Measures catalogue</translation>
    </message>
    <message>
      <source>Änderungen seit dem letzten Speichern verworfen.</source>
      <translation>Changes since the last save discarded.</translation>
    </message>
    <message>
      <source>JSON-Dateien (*.json)</source>
      <translation>JSON files (*.json)</translation>
    </message>
    <message>
      <source>Katalog wird geschrieben …</source>
      <translation>Writing catalogue …</translation>
    </message>
    <message>
      <source>Kataloge anderer Gemeinden</source>
      <translation>Catalogues of other municipalities</translation>
    </message>
    <message>
      <source>Kataloge werden eingelesen …</source>
      <translation>Reading catalogues …</translation>
    </message>
    <message>
      <source>Maßnahmen anderer Gemeinden</source>
      <translation>Measures of other municipalities</translation>
    </message>
    <message>
      <source>Bitte die Pfade der Energiebilanz wählen (Dock Energiebilanz: Bilanz berechnen).</source>
      <translation>Please choose the paths of the energy balance (energy balance dock: compute balance).</translation>
    </message>
    <message>
      <source>Bitte die zu entfernenden Maßnahmen in der Tabelle wählen.</source>
      <translation>Please select the measures to remove in the table.</translation>
    </message>
    <message>
      <source>Maßnahmenkatalog gespeichert.</source>
      <translation>Measures catalogue saved.</translation>
    </message>
    <message>
      <source>Bitte die Änderungen erst speichern oder verwerfen: geteilt wird der gespeicherte Katalog.</source>
      <translation>Please save or discard the changes first: the saved catalogue is what is shared.</translation>
    </message>
    <message>
      <source>Name der Gemeinde:</source>
      <translation>Name of the municipality:</translation>
    </message>
    <message>
      <source>{count} Maßnahmen abgeleitet: Werte, Jahre und Status in der Tabelle ändern, dann speichern.</source>
      <translation>{count} measures derived: change values, years and status in the table, then save.</translation>
    </message>
    <message>
      <source>Maßnahme {id} hinzugefügt: Wirkung und Größe in der Tabelle eintragen, dann speichern.</source>
      <translation>Measure {id} added: enter its effect and size in the table, then save.</translation>
    </message>
    <message>
      <source>{count} Maßnahme(n) entfernt; Speichern übernimmt es.</source>
      <translation>{count} measure(s) removed; Save keeps it.</translation>
    </message>
    <message>
      <source>{count} Maßnahmen anderer Gemeinden eingelesen; das Zukunftsprofil nennt die in den eigenen Handlungsfeldern.</source>
      <translation>{count} measures of other municipalities read; the future profile names those in the own fields of action.</translation>
    </message>
    <message>
      <source>Noch keine Änderung protokolliert.</source>
      <translation>No change recorded yet.</translation>
    </message>
    <message>
      <source>{count} Änderung(en) protokolliert in „{table}“, zuletzt {last}.</source>
      <translation>{count} change(s) recorded in "{table}", last {last}.</translation>
    </message>
    <message>
      <source>Speichern fehlgeschlagen: {errors}</source>
      <translation>Saving failed: {errors}</translation>
    </message>
    <message>
      <source>Katalog geteilt: {path}</source>
      <translation>Catalogue shared: {path}</translation>
    </message>
    <message>
      <source>bereit</source>
      <translation>ready</translation>
    </message>
    <message>
      <source>Planungsassistent</source>
      <translation>Planning assistant</translation>
    </message>
    <message>
      <source>eigene Daten hinzufügen</source>
      <translation>add your own data</translation>
    </message>
    <message>
      <source>in Vorbereitung</source>
      <translation>in preparation</translation>
    </message>
    <message>
      <source>{count} Ebene(n) erkannt</source>
      <translation>{count} layer(s) recognised</translation>
    </message>
    <message>
      <source>{count} Eingabe(n) fehlen</source>
      <translation>{count} input(s) missing</translation>
    </message>
    <message>
      <source>Demogemeinde Hohenmölsen geladen: {count} Ebenen.</source>
      <translation>Demo municipality Hohenmölsen loaded: {count} layers.</translation>
    </message>
    <message>
      <source>Das Werkzeug dieses Schritts ist noch nicht verfügbar.</source>
      <translation>The tool for this step is not available yet.</translation>
    </message>
    <message>
      <source>{label} (optional)</source>
      <translation>{label} (optional)</translation>
    </message>
    <message>
      <source>– nicht gefunden –</source>
      <translation>– not found –</translation>
    </message>
    <message>
      <source>nicht gefunden</source>
      <translation>not found</translation>
    </message>
    <message>
      <source>Ergebnis-Datenbank</source>
      <translation>Result database</translation>
    </message>
    <message>
      <source>Die Andockfenster speichern ihre Ergebnisse als Tabellen in diesem Schema der Datenbank des Amts, und jeder Lauf trägt sich in dessen Laufregister ein. Die Verbindung wird in QGIS eingerichtet (Datenquellenverwaltung › PostgreSQL); ohne Verbindung gilt das Ergebnis-GeoPackage des Projekts.</source>
      <translation>The docks keep their results as tables in this schema of the office database, and each run enters itself in its run register. The connection is set up in QGIS (Data Source Manager › PostgreSQL); without a connection the project's result GeoPackage applies.</translation>
    </message>
    <message>
      <source>Verbindung</source>
      <translation>Connection</translation>
    </message>
    <message>
      <source>Schema</source>
      <translation>Schema</translation>
    </message>
    <message>
      <source>Bewertungsschema (*.json)</source>
      <translation>Scoring scheme (*.json)</translation>
    </message>
    <message>
      <source>Gewichtete Summe</source>
      <translation>Weighted sum</translation>
    </message>
    <message>
      <source>TOPSIS</source>
      <translation>TOPSIS</translation>
    </message>
    <message>
      <source>als schlechtester Wert</source>
      <translation>as the worst value</translation>
    </message>
    <message>
      <source>als Mittelwert der anderen</source>
      <translation>as the mean of the other sites</translation>
    </message>
    <message>
      <source>Standort nicht bewerten</source>
      <translation>do not score the site</translation>
    </message>
    <message>
      <source>Standortkriterien werden berechnet …</source>
      <translation>Computing site criteria …</translation>
    </message>
    <message>
      <source>Rangspannen der Standorte</source>
      <translation>Rank ranges of the sites</translation>
    </message>
    <message>
      <source>Punkte</source>
      <translation>points</translation>
    </message>
    <message>
      <source>Nicht bewertet, weil keine Ebene gewählt ist: {labels}. Für diese Kriterien gilt die Regel für fehlende Werte ({rule}).</source>
      <translation>Not assessed because no layer is chosen: {labels}. These criteria follow the missing-value rule ({rule}).</translation>
    </message>
    <message>
      <source>Bitte eine Standortebene (Flächen) wählen.</source>
      <translation>Please choose a site layer (polygons).</translation>
    </message>
    <message>
      <source>Konsistenzverhältnis CR = {cr} (λmax = {lam})</source>
      <translation>Consistency ratio CR = {cr} (λmax = {lam})</translation>
    </message>
    <message>
      <source>über 0,10: die Urteile widersprechen sich; bitte prüfen oder die Inkonsistenz ausdrücklich zulassen.</source>
      <translation>above 0.10: the judgements contradict each other; please check them or explicitly accept the inconsistency.</translation>
    </message>
    <message>
      <source>Keine Neubewertung: die Gewichte sind nicht verwendbar (alle 0 oder Paarvergleich inkonsistent).</source>
      <translation>Not re-scored: the weights cannot be used (all 0, or the pairwise comparison is inconsistent).</translation>
    </message>
    <message>
      <source>{sites} Standorte: {a} in Klasse A, {b} in B, {c} in C.</source>
      <translation>{sites} sites: {a} in class A, {b} in B, {c} in C.</translation>
    </message>
    <message>
      <source>Ohne Bewertung: fehlende Kriterienwerte.</source>
      <translation>Not scored: criterion values are missing.</translation>
    </message>
    <message>
      <source>Bewertungsschema speichern</source>
      <translation>Save scoring scheme</translation>
    </message>
    <message>
      <source>Standortbewertung – {layer}</source>
      <translation>Site evaluation – {layer}</translation>
    </message>
    <message>
      <source>Rangspanne wird berechnet …</source>
      <translation>Rank range is being computed …</translation>
    </message>
    <message>
      <source>Schema gespeichert: {path}</source>
      <translation>Scheme saved: {path}</translation>
    </message>
    <message>
      <source>aus der Geometrie der Standorte</source>
      <translation>from the sites' geometry</translation>
    </message>
    <message>
      <source>Ein Lauf berechnet ein Flächenmittel: alle Mittelwert-Kriterien brauchen dieselbe Ebene und dasselbe Feld.</source>
      <translation>One run computes one area-weighted mean: all mean criteria need the same layer and the same field.</translation>
    </message>
    <message>
      <source>{count} ohne Bewertung (fehlende Werte).</source>
      <translation>{count} without a score (missing values).</translation>
    </message>
    <message>
      <source>Rang {rank} von {count}, {score:.1f} Punkte, Klasse {site_class}</source>
      <translation>Rank {rank} of {count}, {score:.1f} points, class {site_class}</translation>
    </message>
    <message>
      <source>Fehlende Werte: {labels}</source>
      <translation>Missing values: {labels}</translation>
    </message>
    <message>
      <source>Rangspanne bei ±{spread:.0f} % Gewichtsstreuung (5–95 %): {low:.0f}–{high:.0f}</source>
      <translation>Rank range with ±{spread:.0f} % weight variation (5–95 %): {low:.0f}–{high:.0f}</translation>
    </message>
    <message>
      <source>Schema nicht gespeichert: {reason}</source>
      <translation>Scheme not saved: {reason}</translation>
    </message>
    <message>
      <source>Feld „{field}“ der Standorte</source>
      <translation>Field “{field}” of the sites</translation>
    </message>
    <message>
      <source>Flächen mit Windpark</source>
      <translation>Areas with wind farm</translation>
    </message>
    <message>
      <source>PV-Flächen mit Ertrag</source>
      <translation>PV areas with yield</translation>
    </message>
    <message>
      <source>Bitte eine Flächenebene wählen.</source>
      <translation>Please choose an area layer.</translation>
    </message>
    <message>
      <source>Windenergieanlagen (Planung)</source>
      <translation>Wind turbines (planned)</translation>
    </message>
    <message>
      <source>Ertrag Wind</source>
      <translation>Yield wind</translation>
    </message>
    <message>
      <source>Ertrag Photovoltaik</source>
      <translation>Yield photovoltaics</translation>
    </message>
    <message>
      <source>{mwp} MWp, {gwh} GWh/a, {co2} t CO₂/a vermieden.</source>
      <translation>{mwp} MWp, {gwh} GWh/a, {co2} t CO₂/a avoided.</translation>
    </message>
    <message>
      <source>Fläche</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>Anlagen</source>
      <translation>Turbines</translation>
    </message>
    <message>
      <source>nutzbar ha</source>
      <translation>usable ha</translation>
    </message>
    <message>
      <source>{count} Anlagen, {mw} MW, {gwh} GWh/a netto (einfaches Raster: {grid} Anlagen).</source>
      <translation>{count} turbines, {mw} MW, {gwh} GWh/a net (plain grid: {grid} turbines).</translation>
    </message>
    <message>
      <source>nutzbare Fläche × {density} MWp/ha ({source})</source>
      <translation>usable area × {density} MWp/ha ({source})</translation>
    </message>
    <message>
      <source>MWp × spezifischer Ertrag je Fläche (Feld yield_source; Vorgabe {kwh} kWh/kWp)</source>
      <translation>MWp × specific yield per area (field yield_source; default {kwh} kWh/kWp)</translation>
    </message>
    <message>
      <source>{count} Bestandsanlagen ersetzt; Nettozuwachs {mw} MW, {gwh} GWh/a.</source>
      <translation>{count} existing turbines replaced; net gain {mw} MW, {gwh} GWh/a.</translation>
    </message>
    <message>
      <source>{count} Bestandsanlagen in oder nahe den Flächen bleiben und halten ihren Abstand.</source>
      <translation>{count} existing turbines in or near the areas stay and keep their distance.</translation>
    </message>
    <message>
      <source>Wind</source>
      <translation>Wind</translation>
    </message>
    <message>
      <source>PV</source>
      <translation>PV</translation>
    </message>
    <message>
      <source>Agri-PV</source>
      <translation>Agri-PV</translation>
    </message>
    <message>
      <source>GE/GI</source>
      <translation>GE/GI</translation>
    </message>
    <message>
      <source>Wohnen</source>
      <translation>Housing</translation>
    </message>
    <message>
      <source>nahe Alternative</source>
      <translation>near-optimal alternative</translation>
    </message>
    <message>
      <source>Planungsraster anlegen</source>
      <translation>Creating the planning grid</translation>
    </message>
    <message>
      <source>Raster wird angelegt …</source>
      <translation>Creating the grid …</translation>
    </message>
    <message>
      <source>Planungseinheiten</source>
      <translation>Planning units</translation>
    </message>
    <message>
      <source>Festlegungen (Planungsvarianten)</source>
      <translation>Locks (zoning alternatives)</translation>
    </message>
    <message>
      <source>Bitte die Gemeinde (eine Flächenebene) wählen.</source>
      <translation>Please choose the municipality (a polygon layer).</translation>
    </message>
    <message>
      <source>Bitte mindestens eine Flächenkulisse wählen oder Einheiten auf eine Nutzung festlegen.</source>
      <translation>Please choose at least one eligible-land layer or lock units to a use.</translation>
    </message>
    <message>
      <source>Bitte mindestens eine Variante wählen.</source>
      <translation>Please choose at least one variant.</translation>
    </message>
    <message>
      <source>Variante speichern</source>
      <translation>Save alternative</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>Variante als XPlanGML-Entwurf</source>
      <translation>Alternative as XPlanGML draft</translation>
    </message>
    <message>
      <source>XPlanGML (*.gml)</source>
      <translation>XPlanGML (*.gml)</translation>
    </message>
    <message>
      <source>XPlanGML-Entwurf wird geschrieben …</source>
      <translation>Writing the XPlanGML draft …</translation>
    </message>
    <message>
      <source>Zielfunktion</source>
      <translation>Objective</translation>
    </message>
    <message>
      <source>Lösung</source>
      <translation>Solution</translation>
    </message>
    <message>
      <source>keine Zelle in der Gemeinde</source>
      <translation>no cell in the municipality</translation>
    </message>
    <message>
      <source>Erst Planungseinheiten wählen oder ein Raster anlegen.</source>
      <translation>Choose planning units or create a grid first.</translation>
    </message>
    <message>
      <source>Keine Einheit festgelegt.</source>
      <translation>No unit locked.</translation>
    </message>
    <message>
      <source>Zuweisung je Variante</source>
      <translation>Allocation per alternative</translation>
    </message>
    <message>
      <source>Auswahlhäufigkeit je Einheit</source>
      <translation>Selection frequency per unit</translation>
    </message>
    <message>
      <source>Kennzahlen der Varianten</source>
      <translation>Indicators of the alternatives</translation>
    </message>
    <message>
      <source>{count} Variante(n) berechnet.</source>
      <translation>{count} alternative(s) computed.</translation>
    </message>
    <message>
      <source>MW und GWh/a aus dem Nutzungskatalog (noch kein Ergebnis des Schritts Ertrag).</source>
      <translation>MW and GWh/a from the use catalog (no result of the Ertrag step yet).</translation>
    </message>
    <message>
      <source>Variante {number} ({count} Flächen) gespeichert in {path}.</source>
      <translation>Alternative {number} ({count} areas) saved to {path}.</translation>
    </message>
    <message>
      <source>Amtlicher Gemeindeschlüssel (AGS, acht Ziffern):</source>
      <translation>Official municipality key (AGS, eight digits):</translation>
    </message>
    <message>
      <source>Ertrag gesamt</source>
      <translation>Total energy</translation>
    </message>
    <message>
      <source>Vermiedenes CO₂</source>
      <translation>Avoided CO₂</translation>
    </message>
    <message>
      <source>Hochwertige Böden beansprucht</source>
      <translation>Prime farmland taken</translation>
    </message>
    <message>
      <source>Unverträgliche Nachbarschaften</source>
      <translation>Incompatible neighbours</translation>
    </message>
    <message>
      <source>Windflächenanteil der Gemeinde</source>
      <translation>Wind area share of the municipality</translation>
    </message>
    <message>
      <source>Windflächenziel erreicht</source>
      <translation>Wind area target reached</translation>
    </message>
    <message>
      <source>Mittlere Eignung</source>
      <translation>Mean suitability</translation>
    </message>
    <message>
      <source>Unterschied zu den vorigen Varianten</source>
      <translation>Difference from the previous alternatives</translation>
    </message>
    <message>
      <source>Planungseinheiten (Raster {size:g} m)</source>
      <translation>Planning units (grid {size:g} m)</translation>
    </message>
    <message>
      <source>{count} Rasterzellen als Planungseinheiten angelegt.</source>
      <translation>{count} grid cells created as planning units.</translation>
    </message>
    <message>
      <source>Weniger Varianten als verlangt: im Spielraum gibt es keine weitere, andere Lösung (Protokoll WIP).</source>
      <translation>Fewer alternatives than requested: there is no further, different solution within the allowance (log WIP).</translation>
    </message>
    <message>
      <source>Alle erreichen die Ziele.</source>
      <translation>All reach the targets.</translation>
    </message>
    <message>
      <source>Alle Varianten erreichen alle Ziele.</source>
      <translation>All alternatives reach all targets.</translation>
    </message>
    <message>
      <source>Verfehlte Ziele ({count})</source>
      <translation>Missed targets ({count})</translation>
    </message>
    <message>
      <source>{indicator} je Variante</source>
      <translation>{indicator} per alternative</translation>
    </message>
    <message>
      <source>Speichern fehlgeschlagen: {reason}</source>
      <translation>Saving failed: {reason}</translation>
    </message>
    <message>
      <source>XPlanGML-Entwurf gespeichert und gegen das XPlanung-Schema geprüft: {path}</source>
      <translation>XPlanGML draft saved and checked against the XPlanung schema: {path}</translation>
    </message>
    <message>
      <source>{pct:g} % übernehmen</source>
      <translation>Use {pct:g} %</translation>
    </message>
    <message>
      <source>{name}: {pct:g} % der Fläche bis {year} ({legal_basis})
Quelle: {source}</source>
      <translation>{name}: {pct:g} % of the area by {year} ({legal_basis})
Source: {source}</translation>
    </message>
    <message>
      <source>Raster nicht angelegt: {reason}</source>
      <translation>Grid not created: {reason}</translation>
    </message>
    <message>
      <source>{count} Einheit(en) festgelegt.</source>
      <translation>{count} unit(s) locked.</translation>
    </message>
    <message>
      <source>{missed} davon verfehlen Ziele (siehe „Verfehlte Ziele“).</source>
      <translation>{missed} of them miss targets (see “Missed targets”).</translation>
    </message>
    <message>
      <source>{count} Variante(n) ohne zugewiesene Fläche: ohne Mindestziele ist es für „maximale Eignung“ und „flächensparend“ am besten, nichts zu ändern.</source>
      <translation>{count} alternative(s) without allocated land: without minimum targets, changing nothing is best for “maximum suitability” and “land-saving”.</translation>
    </message>
    <message>
      <source>MW und GWh/a aus dem Schritt Ertrag: {layers}; sonst aus dem Nutzungskatalog.</source>
      <translation>MW and GWh/a from the Ertrag step: {layers}; otherwise from the use catalog.</translation>
    </message>
    <message>
      <source>{use}: Fläche</source>
      <translation>{use}: area</translation>
    </message>
    <message>
      <source>{use}: Leistung</source>
      <translation>{use}: capacity</translation>
    </message>
    <message>
      <source>{use}: Ertrag</source>
      <translation>{use}: energy</translation>
    </message>
    <message>
      <source>Optimalitätslücke {gap:.2f} %, {seconds:.1f} s</source>
      <translation>Optimality gap {gap:.2f} %, {seconds:.1f} s</translation>
    </message>
    <message>
      <source>&amp;WIP Energie- und Raumplanung</source>
      <translation>&amp;WIP Energy and Spatial Planning</translation>
    </message>
    <message>
      <source>Planungsassistent: Arbeitsschritte und gefundene Eingaben</source>
      <translation>Planning assistant: work steps and inputs found</translation>
    </message>
    <message>
      <source>WIP Energie- und Raumplanung</source>
      <translation>WIP Energy and Spatial Planning</translation>
    </message>
    <message>
      <source>Ergebnisse der Arbeitsschritte speichern in</source>
      <translation>Save the results of the steps in</translation>
    </message>
    <message>
      <source>Python-Pakete installieren …</source>
      <translation>Install Python packages …</translation>
    </message>
    <message>
      <source>Installation …</source>
      <translation>Installation …</translation>
    </message>
    <message>
      <source>Es fehlen Python-Pakete: {names}. Werkzeuge und Andockfenster stehen erst danach bereit.</source>
      <translation>Python packages are missing: {names}. The tools and dock panels are available once they are installed.</translation>
    </message>
    <message>
      <source>Ergebnis-GeoPackage …</source>
      <translation>Result GeoPackage …</translation>
    </message>
    <message>
      <source>Ergebnis-Datenbank (PostGIS) …</source>
      <translation>Result database (PostGIS) …</translation>
    </message>
    <message>
      <source>Neue Ergebnisse werden gespeichert in {path}.</source>
      <translation>New results are saved in {path}.</translation>
    </message>
    <message>
      <source>{input} nach dem Datenmodell {model}: {count} von {total} Objekten ({how}).</source>
      <translation>{input} by the data model {model}: {count} of {total} features ({how}).</translation>
    </message>
    <message>
      <source>{label} („{field}“) von Objekt {fid}: {value:g} ist unmöglich (erlaubt {low:g} bis {high:g}); {count} Objekt(e) betroffen.</source>
      <translation>{label} (“{field}”) of feature {fid}: {value:g} is impossible (allowed {low:g} to {high:g}); {count} feature(s) affected.</translation>
    </message>
    <message>
      <source>{input}: der Ebene fehlt das Feld {fields} des Datenmodells {model}; keines ihrer Objekte erfüllt diese Bedingung.</source>
      <translation>{input}: the layer lacks the field {fields} of the data model {model}; none of its features meets this condition.</translation>
    </message>
    <message>
      <source>„{layer}“ ist keine Einheitenliste des Marktstammdatenregisters (Felder EinheitMastrNummer, Nettonennleistung).</source>
      <translation>"{layer}" is no unit list of the Marktstammdatenregister (fields EinheitMastrNummer, Nettonennleistung).</translation>
    </message>
    <message>
      <source>Interner Fehler in {algorithm} ({kind}: {error}). Die Eingaben sind unverändert, Ergebnisse wurden nicht geschrieben. Bitte melden Sie den Fehler mit dem Protokoll (Protokollmeldungen, Reiter WIP).</source>
      <translation>Internal error in {algorithm} ({kind}: {error}). The inputs are unchanged, no results were written. Please report the error with the log (Log Messages, tab WIP).</translation>
    </message>
    <message>
      <source>Die unfertige Tabelle {table} konnte nicht entfernt werden (keine Verbindung zur Datenbank); der nächste Lauf in diese Datenbank entfernt sie.</source>
      <translation>The unfinished table {table} could not be removed (no connection to the database); the next run into this database removes it.</translation>
    </message>
    <message>
      <source>„{layer}“: es fehlen die Felder {fields}.</source>
      <translation>“{layer}”: the fields {fields} are missing.</translation>
    </message>
    <message>
      <source>Feld „{field}“ wird als {role} verwendet.</source>
      <translation>Field “{field}” is used as {role}.</translation>
    </message>
    <message>
      <source>{label} („{field}“) von Objekt {fid}: „{value}“ ist keine Zahl.</source>
      <translation>{label} (“{field}”) of feature {fid}: “{value}” is not a number.</translation>
    </message>
    <message>
      <source>Ermittelt die für eine Technologie (Wind, Freiflächen-PV, Agri-PV, Floating-PV, Gewerbe) geeigneten Flächen eines oder mehrerer Untersuchungsgebiete nach einem Kriterienkatalog. Harte Kriterien schließen immer aus, weiche nur auf Wunsch; Abwägungskriterien und privilegierte Korridore werden an den geeigneten Flächen vermerkt.

Die Restriktionsebenen werden den Kriterien über ihren Namen zugeordnet (Vorschlag aus dem Katalog) oder ausdrücklich in der Zuordnungstabelle (Kriterium, Ebene). Jede ausgeschlossene Teilfläche nennt die Kriterien, ihren Typ und ihre Rechtsgrundlage. Die Bilanz zeigt die Fläche je Kriterium (allein und mit Überlagerung) und bei Wind den Vergleich mit den Flächenzielen nach WindBG und LEntwG LSA.

Abstände werden metrisch in einem projizierten KBS berechnet; geografische Eingaben werden nach ETRS89 / UTM 32N (EPSG:25832) umprojiziert. Die Kreisbögen der Abstandszonen sind Sehnenzüge, die höchstens 0,5 m innerhalb des Abstands liegen.</source>
      <translation>Determines the land of one or more study areas that is eligible for a technology (wind, ground-mounted PV, agri-PV, floating PV, commercial) according to a criteria catalog. Hard criteria always exclude, soft criteria only on request; weighing criteria and privileged corridors are noted on the eligible areas.

The restriction layers are assigned to the criteria by their names (suggestion from the catalog) or explicitly in the assignment table (criterion, layer). Every excluded part names the criteria, their type and their legal basis. The balance shows the area per criterion (alone and including overlaps) and, for wind, the comparison with the area targets under WindBG and LEntwG LSA.

Distances are computed metrically in a projected CRS; geographic inputs are reprojected to ETRS89 / UTM 32N (EPSG:25832). The arcs of the distance zones are chords that lie at most 0.5 m inside the distance.</translation>
    </message>
    <message>
      <source>Zuordnung Kriterium → Ebene (ergänzt/ersetzt den Vorschlag; Ebene „-“ schaltet ein Kriterium ab)</source>
      <translation>Assignment criterion → layer (supplements/replaces the suggestion; layer “-” switches a criterion off)</translation>
    </message>
    <message>
      <source>Abweichende Abstände (Kriterium, Meter)</source>
      <translation>Overriding distances (criterion, metres)</translation>
    </message>
    <message>
      <source>Katalog wie eingestellt</source>
      <translation>Catalog as set</translation>
    </message>
    <message>
      <source>Geeignete Flächen</source>
      <translation>Eligible areas</translation>
    </message>
    <message>
      <source>Ausgeschlossene Flächen mit Begründung</source>
      <translation>Excluded areas with reasons</translation>
    </message>
    <message>
      <source>Geeignete Fläche (ha)</source>
      <translation>Eligible area (ha)</translation>
    </message>
    <message>
      <source>Ausgeschlossene Fläche (ha)</source>
      <translation>Excluded area (ha)</translation>
    </message>
    <message>
      <source>Anteil geeignet (%)</source>
      <translation>Share eligible (%)</translation>
    </message>
    <message>
      <source>Untersuchungsgebiet(e)</source>
      <translation>Study area(s)</translation>
    </message>
    <message>
      <source>Kennung des Untersuchungsgebiets (z. B. AGS)</source>
      <translation>Identifier of the study area (e.g. AGS)</translation>
    </message>
    <message>
      <source>Kriterienkatalog</source>
      <translation>Criteria catalog</translation>
    </message>
    <message>
      <source>Eigener Kriterienkatalog (JSON, ersetzt die Auswahl oben)</source>
      <translation>Custom criteria catalog (JSON, replaces the selection above)</translation>
    </message>
    <message>
      <source>Restriktionsebenen</source>
      <translation>Restriction layers</translation>
    </message>
    <message>
      <source>Nabenhöhe der Referenzanlage (m)</source>
      <translation>Hub height of the reference turbine (m)</translation>
    </message>
    <message>
      <source>Rotordurchmesser der Referenzanlage (m)</source>
      <translation>Rotor diameter of the reference turbine (m)</translation>
    </message>
    <message>
      <source>Mindestgröße zusammenhängender Flächen (ha)</source>
      <translation>Minimum size of contiguous areas (ha)</translation>
    </message>
    <message>
      <source>Weiche Kriterien schließen aus</source>
      <translation>Soft criteria exclude</translation>
    </message>
    <message>
      <source>Varianten der Kriterien (Kriterium oder „weich“)</source>
      <translation>Criteria variants (criterion or “soft”)</translation>
    </message>
    <message>
      <source>Die Variantentabelle braucht Zeilen aus Name, Kriterium und Abstand.</source>
      <translation>The variants table needs rows of name, criterion and distance.</translation>
    </message>
    <message>
      <source>Die Zuordnungstabelle braucht Paare aus Kriterium und Ebene.</source>
      <translation>The assignment table needs pairs of criterion and layer.</translation>
    </message>
    <message>
      <source>Die Abstandstabelle braucht Paare aus Kriterium und Meter.</source>
      <translation>The distance table needs pairs of criterion and metres.</translation>
    </message>
    <message>
      <source>Ebene</source>
      <translation>Layer</translation>
    </message>
    <message>
      <source>Abstand (m)</source>
      <translation>Distance (m)</translation>
    </message>
    <message>
      <source>Variantentabelle: jede Zeile braucht den Namen ihrer Variante.</source>
      <translation>Variants table: each row needs the name of its variant.</translation>
    </message>
    <message>
      <source>Zuordnung: Ebene „{layer}“ ist keine der Restriktionsebenen ({layers}).</source>
      <translation>Assignment: layer “{layer}” is not one of the restriction layers ({layers}).</translation>
    </message>
    <message>
      <source>Abstand (m) oder „aus“</source>
      <translation>Distance (m) or “off”</translation>
    </message>
    <message>
      <source>zugeordnet</source>
      <translation>assigned</translation>
    </message>
    <message>
      <source>Das Untersuchungsgebiet hat ein geografisches KBS ({crs}); gerechnet wird metrisch in {target}.</source>
      <translation>The study area has a geographic CRS ({crs}); calculations are done metrically in {target}.</translation>
    </message>
    <message>
      <source>Variante „{variant}“: „{value}“ ist für „{criterion}“ weder ein Abstand in Metern von 0 bis {limit:g} noch „aus“.</source>
      <translation>Variant “{variant}”: “{value}” is for “{criterion}” neither a distance in metres from 0 to {limit:g} nor “off”.</translation>
    </message>
    <message>
      <source>Zuordnung: Kriterium „{criterion}“ gibt es im Katalog „{catalog}“ nicht.</source>
      <translation>Assignment: criterion “{criterion}” does not exist in catalog “{catalog}”.</translation>
    </message>
    <message>
      <source>{criterion}: Ebene „{layer}“ ({found_by}; {how})</source>
      <translation>{criterion}: layer "{layer}" ({found_by}; {how})</translation>
    </message>
    <message>
      <source>Zuordnung: mehrere Restriktionsebenen heißen „{layer}“; bitte eindeutig benennen.</source>
      <translation>Mapping: several restriction layers are called "{layer}"; please name them uniquely.</translation>
    </message>
    <message>
      <source>Abstände: Kriterium „{criterion}“ gibt es im Katalog „{catalog}“ nicht.</source>
      <translation>Distances: criterion “{criterion}” does not exist in catalog “{catalog}”.</translation>
    </message>
    <message>
      <source>Abstände: „{value}“ ist für „{criterion}“ kein Abstand in Metern von 0 bis {limit:g}.</source>
      <translation>Distances: “{value}” is no distance in metres from 0 to {limit:g} for “{criterion}”.</translation>
    </message>
    <message>
      <source>{criterion}: der Ebene „{layer}“ fehlt das Feld {fields} des Datenmodells {profile}; keines ihrer Objekte erfüllt diese Bedingung.</source>
      <translation>{criterion}: the layer "{layer}" lacks the field {fields} of the data model {profile}; none of its features meets this condition.</translation>
    </message>
    <message>
      <source>{criterion}: die Ebene „{layer}“ hat kein Feld „{field}“; alle ihre Objekte zählen (der Filter {filter} gilt für Ebenen mit diesem Feld).</source>
      <translation>{criterion}: layer “{layer}” has no field “{field}”; all its features count (the filter {filter} applies to layers with this field).</translation>
    </message>
    <message>
      <source>Die Flächenkulisse über Varianten der Kriterien: Wie viele Varianten lassen jede Fläche geeignet? Für die Frage des Gemeinderats „Was, wenn wir 800 m Abstand wählen?“.

Die erste Variante ist der Katalog, wie eingestellt (mit abweichenden Abständen und der Einstellung für weiche Kriterien). Jede Zeile der Variantentabelle ändert eine Variante: Name der Variante, Kriterium (Kennung aus dem Katalog) und Abstand in Metern oder „aus“; die Zeile „weich“ mit „aus“ lässt die weichen Kriterien nicht ausschließen. Zeilen mit gleichem Namen bilden eine Variante, z. B.
Siedlung 800 m | wohnsiedlung_abstand | 800
ohne Wald | wald | aus
nur harte Kriterien | weich | aus

Ergebnis: die Flächen, die in mindestens einer Variante geeignet sind, mit der Zahl und den Namen der Varianten, die sie behalten, und eine Tabelle mit der geeigneten Fläche jeder Variante und der Fläche je Robustheitsklasse. Jede Zone wird nur einmal je Abstand gebildet, das Gebiet einmal zerlegt; jede Variante hat genau die Fläche, die „Flächenkulisse ermitteln“ mit ihren Einstellungen ergibt.</source>
      <translation>The eligible land over variants of the criteria: how many variants keep each piece of land eligible? For the council's question “what if we chose 800 m?”.

The first variant is the catalog as set (with the changed distances and the setting for soft criteria). Each row of the variants table changes one variant: the variant's name, the criterion (its id in the catalog) and a distance in metres or “aus” (off); the row “weich” (soft) with “aus” lets the soft criteria not exclude. Rows with the same name make one variant, e.g.
Settlement 800 m | wohnsiedlung_abstand | 800
no forest | wald | off
hard criteria only | soft | off

Result: the land eligible in at least one variant, with the number and names of the variants that keep it, and a table with each variant's eligible land and the land per robustness class. Each zone is built once per distance and the area cut once; each variant has exactly the land that “Determine eligible land” gives with its settings.</translation>
    </message>
    <message>
      <source>Flächen je Variante und Robustheitsklasse</source>
      <translation>Land per variant and robustness class</translation>
    </message>
    <message>
      <source>Bitte mindestens eine Variante in die Variantentabelle eintragen.</source>
      <translation>Please enter at least one variant in the variants table.</translation>
    </message>
    <message>
      <source>{variant}: {changes}</source>
      <translation>{variant}: {changes}</translation>
    </message>
    <message>
      <source>Bilanz nach dem Territorialprinzip (BISKO): Endenergie je Sektor (private Haushalte, Gewerbe/Handel/Dienstleistungen, Industrie, kommunale Einrichtungen, Verkehr) und Energieträger, für das Basisjahr und 2030, 2035, 2040, 2045. CO₂-Äquivalente mit Vorketten für alle Energieträger: Strom mit dem Bundesstrommix des Jahres (UBA bis 2024, danach ein veröffentlichtes Szenario), Brennstoffe und Fernwärme nach GEG Anlage 9, Kraftstoffe nach dem fossilen Vergleichswert der RED II; eine Faktortabelle (carrier, g_kwh, optional year: z. B. die BISKO-Faktoren des Klimaschutz-Planers) ersetzt sie.

Verkehr: geschätzt aus dem Bundesdurchschnitt je Einwohner, aus eigenen Zahlen (Zeilen des Sektors verkehr in der Verbrauchstabelle) oder weggelassen – dann heißt jede Summe „ohne Verkehr“. Einwohner: eine eigene Tabelle (year, inhabitants) oder die Regionalisierte Bevölkerungsprognose des Landes für den Landkreis der Gemeinde.

Quellen: die Zeile der Gemeinde in der Gemeindestatistik (Einwohner, Wohnungen nach Baualter und mit Fernwärme, installierte Leistung aus dem Marktstammdatenregister); der Wärmebedarf der Gebäude aus wip:heatdemand, wenn gegeben; Stromvorgaben je Einwohner, die eine Verbrauchstabelle (sector, carrier, mwh) ersetzt. Örtliche Erzeugung: Bestand (installierte Leistung × Volllaststunden) und Planung (die Flächen aus wip:windlayout und wip:pvyield, oder eine Variante aus wip:zoningalternatives) ab dem Jahr der Inbetriebnahme; das Solarpotenzial der Dächer (Summen aus wip:rooftoppv, nach den Anlagen auf Dächern heute) als Ausbaupfad mit dem Anteil, der bis zum Jahr gebaut ist.

Pfade: Sanierung senkt den Wärmebedarf, fossile Kessel weichen bis 2045 Wärmepumpen, Biomasse und Solarthermie, Fernwärme folgt den erneuerbaren Anteilen des WPG, der Strom-Emissionsfaktor sinkt bis 2045. Kennzahlen je Jahr: bilanzielle Deckung Strom (örtliche Erzeugung gegen Verbrauch) und erneuerbare Wärme, Anteil erneuerbarer Energien am Verbrauch (Strom mit dem Bundesanteil), t CO₂e gesamt und je Einwohner, Abstand zur Treibhausgasneutralität. Jede verwendete Zahl steht mit Quelle und Status in der Tabelle der Annahmen.

Pfade je Hebel (optional): für jedes Jahr der Verbrauch des Basisjahres mit den Faktoren des Jahres und die Änderung, die jeder Pfad nacheinander hinzufügt (Bevölkerung, Sanierung, Wärmepumpen und erneuerbare Einzelheizungen, Industrie, Verkehr); Basis plus alle Hebel ergibt die Bilanz des Jahres. Daraus leitet „Maßnahmenkatalog ableiten“ Maßnahmen ab.</source>
      <translation>Balance after the territorial principle (BISKO): final energy by sector (private households, commerce/trade/services, industry, municipal facilities, transport) and carrier, for the base year and 2030, 2035, 2040, 2045. CO₂ equivalents with upstream chains for every carrier: electricity with the national mix of the year (UBA up to 2024, then a published scenario), fuels and district heat after GEG Anlage 9, transport fuels after the fossil comparator of RED II; a factor table (carrier, g_kwh, optional year: e.g. the BISKO factors of the Klimaschutz-Planer) replaces them.

Transport: estimated from the national average per inhabitant, from own figures (rows of the sector verkehr in the consumption table) or left out – then every total says “without transport”. Inhabitants: an own table (year, inhabitants) or the Land's regionalised population forecast for the municipality's district.

Sources: the municipality's row of the municipal statistics (inhabitants, dwellings by construction age and with district heat, installed capacity from the Marktstammdatenregister); the buildings' heat demand from wip:heatdemand where given; electricity defaults per inhabitant, which a consumption table (sector, carrier, mwh) replaces. Local generation: existing plants (installed capacity × full-load hours) and planned ones (the areas of wip:windlayout and wip:pvyield, or an alternative of wip:zoningalternatives) from the year they start operating; the rooftop solar potential (totals of wip:rooftoppv, after the plants on roofs today) as an expansion path with the share built by each year.

Paths: renovation lowers the heat demand, fossil boilers give way to heat pumps, biomass and solar heat by 2045, district heat follows the WPG's renewable shares, the electricity emission factor falls until 2045. Indicators per year: local coverage of electricity (local generation against consumption) and renewable heat, renewable share of consumption (electricity at the national share), t CO₂e in total and per inhabitant, gap to greenhouse gas neutrality. Every number used stands with its source and status in the table of assumptions.

Paths per lever (optional): for each year the base year's consumption at the year's factors and the change each path adds in turn (population, renovation, heat pumps and renewable single heating, industry, transport); base plus every lever is the year's balance. "Derive measures catalogue" derives measures from it.</translation>
    </message>
    <message>
      <source>die Einwohner aus dem Zensus-Gitter</source>
      <translation>the inhabitants from the census grid</translation>
    </message>
    <message>
      <source>die Heizungen aus dem Zensus-Gitter</source>
      <translation>the heating from the census grid</translation>
    </message>
    <message>
      <source>die Anlagen des Registers</source>
      <translation>the register's plants</translation>
    </message>
    <message>
      <source>Ertrag der geplanten Flächen</source>
      <translation>Yield of the planned areas</translation>
    </message>
    <message>
      <source>Amtlicher Gemeindeschlüssel (leer: aus der Gemeinde oder die einzige Zeile)</source>
      <translation>Official municipality key (empty: from the municipality or the only row)</translation>
    </message>
    <message>
      <source>Gemeinde (Feld AGS)</source>
      <translation>Municipality (field AGS)</translation>
    </message>
    <message>
      <source>Gebäude mit Wärmebedarf (Ergebnis von wip:heatdemand)</source>
      <translation>Buildings with heat demand (result of wip:heatdemand)</translation>
    </message>
    <message>
      <source>Ertrag Wind (Ergebnis von wip:windlayout)</source>
      <translation>Wind yield (result of wip:windlayout)</translation>
    </message>
    <message>
      <source>Ertrag PV (Ergebnis von wip:pvyield)</source>
      <translation>PV yield (result of wip:pvyield)</translation>
    </message>
    <message>
      <source>Solarpotenzial Dach (Summen je Gemeinde aus wip:rooftoppv)</source>
      <translation>Rooftop solar potential (totals per municipality from wip:rooftoppv)</translation>
    </message>
    <message>
      <source>Planungsvariante (Zuweisung aus wip:zoningalternatives)</source>
      <translation>Zoning alternative (allocation from wip:zoningalternatives)</translation>
    </message>
    <message>
      <source>Nummer der Variante</source>
      <translation>Number of the alternative</translation>
    </message>
    <message>
      <source>Geplante Anlagen in Betrieb ab</source>
      <translation>Planned plants in operation from</translation>
    </message>
    <message>
      <source>Verbrauchstabelle (sector, carrier, mwh)</source>
      <translation>Consumption table (sector, carrier, mwh)</translation>
    </message>
    <message>
      <source>Emissionsfaktoren (carrier, g_kwh, year)</source>
      <translation>Emission factors (carrier, g_kwh, year)</translation>
    </message>
    <message>
      <source>Einwohner je Jahr (year, inhabitants)</source>
      <translation>Inhabitants per year (year, inhabitants)</translation>
    </message>
    <message>
      <source>Einwohner aus dem Zensus-2022-Gitter (Zellen mit Feld Einwohner)</source>
      <translation>Inhabitants from the 2022 census grid (cells with the field Einwohner)</translation>
    </message>
    <message>
      <source>Zensus 2022: Gebäude nach Energieträger der Heizung je Gitterzelle</source>
      <translation>Census 2022: buildings by heating energy carrier per grid cell</translation>
    </message>
    <message>
      <source>Anlagen aus dem Marktstammdatenregister (installierte Leistung)</source>
      <translation>Plants from the Marktstammdatenregister (installed capacity)</translation>
    </message>
    <message>
      <source>Bilanz je Jahr, Sektor und Energieträger</source>
      <translation>Balance per year, sector and carrier</translation>
    </message>
    <message>
      <source>Annahmen und Quellen</source>
      <translation>Assumptions and sources</translation>
    </message>
    <message>
      <source>Pfade je Hebel (für den Maßnahmenkatalog)</source>
      <translation>Paths per lever (for the measures catalogue)</translation>
    </message>
    <message>
      <source>t CO₂e im Basisjahr</source>
      <translation>t CO₂e in the base year</translation>
    </message>
    <message>
      <source>t CO₂e 2045</source>
      <translation>t CO₂e 2045</translation>
    </message>
    <message>
      <source>Erneuerbarer Anteil 2045 (%)</source>
      <translation>Renewable share 2045 (%)</translation>
    </message>
    <message>
      <source>Das Zensus-Gitter hat kein Feld „Einwohner“.</source>
      <translation>The census grid has no field "Einwohner".</translation>
    </message>
    <message>
      <source>Keine Gitterzelle mit Einwohnern liegt in der Gemeinde: ist es das Gitter der Gemeinde, im richtigen KBS?</source>
      <translation>No grid cell with inhabitants lies in the municipality: is it the municipality's grid, in the right CRS?</translation>
    </message>
    <message>
      <source>Die Einwohnertabelle gibt den Bevölkerungspfad vor; die Einwohner des Zensus-Gitters gehen nicht ein.</source>
      <translation>The inhabitants table sets the population path; the census grid's inhabitants are not used.</translation>
    </message>
    <message>
      <source>Keine Gitterzelle mit beheizten Gebäuden liegt in der Gemeinde: ist es das Gitter der Gemeinde, im richtigen KBS?</source>
      <translation>No grid cell with heated buildings lies in the municipality: is it the municipality's grid, in the right CRS?</translation>
    </message>
    <message>
      <source>Zensus 2022, Gebäude nach Energieträger der Heizung: {buildings} Gebäude in {cells} Gitterzellen der Gemeinde; {other} mit Strom oder Kohle beheizte nicht abgebildet</source>
      <translation>Census 2022, buildings by heating energy carrier: {buildings} buildings in {cells} grid cells of the municipality; {other} heated with electricity or coal not modelled</translation>
    </message>
    <message>
      <source>Ohne Gebäude: Wärmebedarf aus den Wohnungen der Gemeindestatistik.</source>
      <translation>Without buildings: heat demand from the dwellings in the municipal statistics.</translation>
    </message>
    <message>
      <source>Die Gemeindestatistik hat kein Feld ags.</source>
      <translation>The municipal statistics have no field ags.</translation>
    </message>
    <message>
      <source>Einwohner aus dem Zensus 2022: {inhabitants} in {cells} Gitterzellen der Gemeinde, {suppressed} davon gesperrt (Stichtag 15.05.2022).</source>
      <translation>Inhabitants from the 2022 census: {inhabitants} in {cells} grid cells of the municipality, {suppressed} of them suppressed (census day 15 May 2022).</translation>
    </message>
    <message>
      <source>Solarpotenzial Dach aus „{layer}“: {gwh} GWh/a nach den bestehenden Dachanlagen.</source>
      <translation>Rooftop solar potential from “{layer}”: {gwh} GWh/a after the existing rooftop plants.</translation>
    </message>
    <message>
      <source>Solarpotenzial Dach ({layer})</source>
      <translation>Rooftop solar potential ({layer})</translation>
    </message>
    <message>
      <source>Alle Summen {scope}.</source>
      <translation>All totals {scope}.</translation>
    </message>
    <message>
      <source>„{layer}“ ist kein Gitter des Zensus 2022 mit Gebäuden nach Energieträger der Heizung.</source>
      <translation>"{layer}" is no 2022 census grid of buildings by heating energy carrier.</translation>
    </message>
    <message>
      <source>Für {purpose} braucht es die Gemeinde.</source>
      <translation>The municipality is needed for {purpose}.</translation>
    </message>
    <message>
      <source>Marktstammdatenregister: {unplaced} Einheit(en) ohne Ort und ohne Gemeindeschlüssel, {unusable} ohne Nettonennleistung: nicht gezählt.</source>
      <translation>Marktstammdatenregister: {unplaced} unit(s) without place and without municipality key, {unusable} without net rated power: not counted.</translation>
    </message>
    <message>
      <source>Installierte Leistung {carrier} aus dem Marktstammdatenregister: {mw} MW ({count} Einheit(en) in Betrieb in der Gemeinde).</source>
      <translation>Installed capacity {carrier} from the Marktstammdatenregister: {mw} MW ({count} unit(s) in operation in the municipality).</translation>
    </message>
    <message>
      <source>Den Gebäuden fehlen die Felder {fields} von wip:heatdemand.</source>
      <translation>The buildings lack the fields {fields} of wip:heatdemand.</translation>
    </message>
    <message>
      <source>Planungsvariante {number}: {name}</source>
      <translation>Zoning alternative {number}: {name}</translation>
    </message>
    <message>
      <source>Geplante Erzeugung aus {layers}.</source>
      <translation>Planned generation from {layers}.</translation>
    </message>
    <message>
      <source>„{layer}“ hat keine Zeile für den Gemeindeschlüssel {ags}; vorhanden: {rows}.</source>
      <translation>“{layer}” has no row for the municipality key {ags}; present: {rows}.</translation>
    </message>
    <message>
      <source>{year}: {demand:.0f} MWh Endenergie, {co2:.0f} t CO₂e ({per_capita:.1f} t je Einwohner), erneuerbarer Anteil am Verbrauch {share:.0f} %, bilanzielle Deckung Strom {power:.0f} %.</source>
      <translation>{year}: {demand:.0f} MWh final energy, {co2:.0f} t CO₂e ({per_capita:.1f} t per inhabitant), renewable share of consumption {share:.0f} %, local coverage of electricity {power:.0f} %.</translation>
    </message>
    <message>
      <source>{field}: „{value}“ ist keine Zahl.</source>
      <translation>{field}: “{value}” is not a number.</translation>
    </message>
    <message>
      <source>Die Gemeindestatistik hat keine Zeile für den Gemeindeschlüssel {ags}.</source>
      <translation>The municipal statistics have no row for the municipality key {ags}.</translation>
    </message>
    <message>
      <source>Die Gemeindestatistik hat {count} Zeilen: bitte den Gemeindeschlüssel (AGS) oder die Gemeinde angeben.</source>
      <translation>The municipal statistics have {count} rows: please give the municipality key (AGS) or the municipality.</translation>
    </message>
    <message>
      <source>Der Planungsvariante fehlen die Felder {fields}.</source>
      <translation>The zoning alternative lacks the fields {fields}.</translation>
    </message>
    <message>
      <source>Planungsvariante {number} weist keiner Fläche eine Nutzung zu: keine geplante Erzeugung.</source>
      <translation>Planning variant {number} allocates no area to a use: no planned generation.</translation>
    </message>
    <message>
      <source>Planungsvariante {number}: ohne zugewiesene Flächen</source>
      <translation>Planning variant {number}: without allocated areas</translation>
    </message>
    <message>
      <source>Dem Ertrag fehlt das Feld gwh_a: „{layer}“.</source>
      <translation>The yield lacks the field gwh_a: “{layer}”.</translation>
    </message>
    <message>
      <source>Die Zuweisung hat keine Variante {number}; vorhanden: {numbers}.</source>
      <translation>The allocation has no variant {number}; present: {numbers}.</translation>
    </message>
    <message>
      <source>Schreibt den Maßnahmenkatalog (aus „Maßnahmenkatalog ableiten“, wie bearbeitet) als eine JSON-Datei, die andere Gemeinden mit „Geteilte Maßnahmenkataloge einlesen“ übernehmen: jede Maßnahme mit Wirkung, Kosten, Akteur, Jahren und Status, dazu Name und Gemeindeschlüssel der Gemeinde und das Datum. Die Flächen der Maßnahmen bleiben in der Gemeinde. Jede Maßnahme wird vorher geprüft.</source>
      <translation>Writes the measures catalogue (from "Derive measures catalogue", as edited) as one JSON file that other municipalities take over with "Read shared measures catalogues": every measure with effect, cost, actor, years and status, with the name and key of the municipality and the date. The areas of the measures stay in the municipality. Every measure is checked first.</translation>
    </message>
    <message>
      <source>Gemeindeschlüssel (AGS)</source>
      <translation>Municipality key (AGS)</translation>
    </message>
    <message>
      <source>Geteilter Katalog (JSON)</source>
      <translation>Shared catalogue (JSON)</translation>
    </message>
    <message>
      <source>Der Maßnahmenkatalog ist leer: nichts zu teilen.</source>
      <translation>The measures catalogue is empty: nothing to share.</translation>
    </message>
    <message>
      <source>{count} Maßnahmen geteilt: {path}</source>
      <translation>{count} measures shared: {path}</translation>
    </message>
    <message>
      <source>Erstellt das Zukunftsprofil einer Gemeinde als Bericht für den Gemeinderat: eine HTML-Datei (Bilder eingebettet, eine Datei zum Versenden) und auf Wunsch ein PDF.

Inhalt: Titelseite mit einer Zusammenfassung in einfachen Worten (Treibhausgase im Basisjahr und 2045, Anteil erneuerbarer Energien, Eigenversorgung, Windfläche der gewählten Variante); die Energie- und Treibhausgasbilanz aus wip:energybalance (Diagramm Verbrauch nach Sektoren und Erzeugung nach Energieträgern je Jahr, Kennzahlen je Jahr, Bilanz des Basisjahres, Vergleich mit ähnlichen Gemeinden); Karten der Flächenkulisse, ihrer Robustheit über Kriterienvarianten, der besten Standorte, der gewählten Planungsvariante und der Eignung für Wärmenetze; der Vergleich der Planungsvarianten aus wip:zoningalternatives; der Maßnahmenkatalog (aus wip:measures, wie bearbeitet) mit den Pfaden der Bilanz: Rangfolge nach Kosten je Tonne, Keildiagramm der Minderung je Maßnahme bis 2045 mit dem Zielpfad, Zeitplan und ein Blatt je Maßnahme mit Karte; alle Annahmen mit Rechtsgrundlage, Quelle und Status und die Namensnennung der Daten.

Die Eingabeebenen bleiben unverändert: Die Karten zeichnen Kopien mit den Stilen des Plugins. Fehlt eine optionale Eingabe, sagt der Bericht das in einer Zeile. Sprache: Deutsch oder Englisch, unabhängig von der Sprache von QGIS.</source>
      <translation>Creates the future profile of a municipality as a report for its council: one HTML file (images embedded, one file to send) and, on request, a PDF.

Contents: a title page with a summary in plain words (greenhouse gases in the base year and 2045, renewable share, self-sufficiency, wind area of the chosen alternative); the energy and greenhouse-gas balance from wip:energybalance (chart of consumption by sector and generation by energy carrier per year, indicators per year, balance of the base year, comparison with similar municipalities); maps of the eligible land, its robustness over criteria variants, the best sites, the chosen zoning alternative and the suitability for heat networks; the zoning alternatives from wip:zoningalternatives compared; the measures catalogue (from wip:measures, as edited) on the balance's paths: ranking by cost per tonne, wedge chart of the reduction per measure until 2045 with the target path, timeline and one sheet per measure with a map; every assumption with its legal basis, source and status, and the data attribution.

The input layers stay unchanged: the maps draw copies with the plugin's styles. When an optional input is missing, the report says so in one line. Language: German or English, whatever language QGIS runs in.</translation>
    </message>
    <message>
      <source>Titel (leer: Zukunftsprofil und der Name der Gemeinde)</source>
      <translation>Title (empty: future profile and the name of the municipality)</translation>
    </message>
    <message>
      <source>Energie- und Treibhausgasbilanz (BALANCE von wip:energybalance)</source>
      <translation>Energy and greenhouse-gas balance (BALANCE of wip:energybalance)</translation>
    </message>
    <message>
      <source>Kennzahlen je Jahr (INDICATORS von wip:energybalance)</source>
      <translation>Indicators per year (INDICATORS of wip:energybalance)</translation>
    </message>
    <message>
      <source>Annahmen (ASSUMPTIONS von wip:energybalance)</source>
      <translation>Assumptions (ASSUMPTIONS of wip:energybalance)</translation>
    </message>
    <message>
      <source>Flächenkulissen (Ergebnisse von wip:eligibility)</source>
      <translation>Eligible land (results of wip:eligibility)</translation>
    </message>
    <message>
      <source>Robustheit der Flächenkulisse (wip:eligibilityrobustness, Feld kept_pct)</source>
      <translation>Robustness of the eligible land (wip:eligibilityrobustness, field kept_pct)</translation>
    </message>
    <message>
      <source>Bewertete Standorte (wip:sitescore, Feld score)</source>
      <translation>Scored sites (wip:sitescore, field score)</translation>
    </message>
    <message>
      <source>Zuweisung je Variante (ALLOCATION von wip:zoningalternatives)</source>
      <translation>Allocation per alternative (ALLOCATION of wip:zoningalternatives)</translation>
    </message>
    <message>
      <source>Gewählte Planungsvariante (Nummer)</source>
      <translation>Chosen zoning alternative (number)</translation>
    </message>
    <message>
      <source>Kennzahlen der Varianten (INDICATORS von wip:zoningalternatives)</source>
      <translation>Indicators of the alternatives (INDICATORS of wip:zoningalternatives)</translation>
    </message>
    <message>
      <source>Eignung für Wärmenetze (wip:heatsuitability, Feld level)</source>
      <translation>Heat-network suitability (wip:heatsuitability, field level)</translation>
    </message>
    <message>
      <source>Windenergieanlagen (wip:windlayout)</source>
      <translation>Wind turbines (wip:windlayout)</translation>
    </message>
    <message>
      <source>Maßnahmenkatalog (wip:measures, bearbeitet)</source>
      <translation>Measures catalogue (wip:measures, edited)</translation>
    </message>
    <message>
      <source>Pfade je Hebel (PATHS von wip:energybalance)</source>
      <translation>Paths per lever (PATHS of wip:energybalance)</translation>
    </message>
    <message>
      <source>Monitoring: Bilanz eines späteren Jahres (BALANCE von wip:energybalance)</source>
      <translation>Monitoring: balance of a later year (BALANCE of wip:energybalance)</translation>
    </message>
    <message>
      <source>Maßnahmen anderer Gemeinden (wip:importmeasures)</source>
      <translation>Measures of other municipalities (wip:importmeasures)</translation>
    </message>
    <message>
      <source>Sprache des Berichts</source>
      <translation>Language of the report</translation>
    </message>
    <message>
      <source>Bericht (HTML)</source>
      <translation>Report (HTML)</translation>
    </message>
    <message>
      <source>HTML-Dateien (*.html)</source>
      <translation>HTML files (*.html)</translation>
    </message>
    <message>
      <source>Bericht (PDF, leer: kein PDF)</source>
      <translation>Report (PDF, empty: no PDF)</translation>
    </message>
    <message>
      <source>PDF-Dateien (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Bitte eine HTML-Datei für den Bericht angeben.</source>
      <translation>Please give an HTML file for the report.</translation>
    </message>
    <message>
      <source>Zum Maßnahmenkatalog gehören die Pfade je Hebel der Energiebilanz (PATHS von wip:energybalance).</source>
      <translation>The measures catalogue needs the balance paths per lever (PATHS of wip:energybalance).</translation>
    </message>
    <message>
      <source>Die Gemeindeebene hat keine Geometrie, die sich zeichnen lässt.</source>
      <translation>The municipality layer has no geometry that can be drawn.</translation>
    </message>
    <message>
      <source>Bewertete Standorte</source>
      <translation>Scored sites</translation>
    </message>
    <message>
      <source>Die Windenergieanlagen werden nur zusammen mit einer Flächenkarte gezeigt (ELIGIBLE, SITES oder ALLOCATION).</source>
      <translation>The wind turbines are only shown together with an area map (ELIGIBLE, SITES or ALLOCATION).</translation>
    </message>
    <message>
      <source>Windenergieanlagen</source>
      <translation>Wind turbines</translation>
    </message>
    <message>
      <source>Das Monitoring vergleicht mit dem Maßnahmenkatalog: bitte den Katalog angeben.</source>
      <translation>Monitoring compares with the measures catalogue: please give the catalogue.</translation>
    </message>
    <message>
      <source>Zukunftsprofil {name}</source>
      <translation>Future profile {name}</translation>
    </message>
    <message>
      <source>Zukunftsprofil geschrieben: {path}</source>
      <translation>Future profile written: {path}</translation>
    </message>
    <message>
      <source>Farbe: Eignung der Standorte in Punkten von 0 bis 100; je höher, desto besser geeignet.</source>
      <translation>Colour: suitability of the sites in points from 0 to 100; the higher, the better suited.</translation>
    </message>
    <message>
      <source>Variante {number}: {name}</source>
      <translation>Alternative {number}: {name}</translation>
    </message>
    <message>
      <source>Stufen nach § 19 WPG; Ergebnis einer Vorprüfung, keine Festlegung.</source>
      <translation>Levels under § 19 WPG; the result of a screening, not a designation.</translation>
    </message>
    <message>
      <source>Windenergieanlagen: alle {total} aus der Ertragsberechnung, nicht nach einer Planungsvariante ausgewählt (keine angegeben).</source>
      <translation>Wind turbines: all {total} from the yield calculation, not selected by a planning variant (none given).</translation>
    </message>
    <message>
      <source>Der Ordner {folder} existiert nicht.</source>
      <translation>The folder {folder} does not exist.</translation>
    </message>
    <message>
      <source>In den Ordner {folder} kann nicht geschrieben werden.</source>
      <translation>The folder {folder} cannot be written to.</translation>
    </message>
    <message>
      <source>das PDF ist leer</source>
      <translation>the PDF is empty</translation>
    </message>
    <message>
      <source>PDF geschrieben: {path}</source>
      <translation>PDF written: {path}</translation>
    </message>
    <message>
      <source>Die Tabelle {name} fehlt.</source>
      <translation>The table {name} is missing.</translation>
    </message>
    <message>
      <source>Farbe: Anteil der Kriterienvarianten, in denen eine Fläche geeignet bleibt.</source>
      <translation>Colour: share of the criteria variants in which a piece of land stays eligible.</translation>
    </message>
    <message>
      <source>Karten im Koordinatenbezugssystem {crs}.</source>
      <translation>Maps in the coordinate reference system {crs}.</translation>
    </message>
    <message>
      <source>Windenergieanlagen in den Windflächen dieser Variante: {count} von {total} aus der Ertragsberechnung.</source>
      <translation>Wind turbines in this variant's wind areas: {count} of {total} from the yield calculation.</translation>
    </message>
    <message>
      <source>Der Ebene {parameter} („{name}“) fehlt das Feld „{field}“.</source>
      <translation>The layer {parameter} ("{name}") lacks the field "{field}".</translation>
    </message>
    <message>
      <source>Der Vergleich mit ähnlichen Gemeinden braucht einen Gemeindeschlüssel (Feld AGS) einer Gemeinde Mitteldeutschlands; {name} hat keinen.</source>
      <translation>The comparison with similar municipalities needs the key (field AGS) of a municipality of Mitteldeutschland; {name} has none.</translation>
    </message>
    <message>
      <source>Gemeindeschlüssel {ags}: nicht in der Gemeindestatistik Mitteldeutschlands, kein Vergleich mit ähnlichen Gemeinden.</source>
      <translation>Municipality key {ags}: not in the municipal statistics of Mitteldeutschland, no comparison with similar municipalities.</translation>
    </message>
    <message>
      <source>Der Bericht konnte nicht geschrieben werden: {error}</source>
      <translation>The report could not be written: {error}</translation>
    </message>
    <message>
      <source>Varianten: {names}.</source>
      <translation>Variants: {names}.</translation>
    </message>
    <message>
      <source>{path}, Tabelle {table}</source>
      <translation>{path}, table {table}</translation>
    </message>
    <message>
      <source>Das Ergebnis ist nur zum Teil in der Datenbank angekommen ({arrived} von {count} Objekten); die Tabelle {table} bleibt unverändert.</source>
      <translation>Only part of the result reached the database ({arrived} of {count} features); the table {table} stays unchanged.</translation>
    </message>
    <message>
      <source>Ausgabe „{output}“: {path} ist ein Ordner. Bitte einen Dateinamen angeben, z. B. {example}.</source>
      <translation>Output “{output}”: {path} is a folder. Please give a file name, e.g. {example}.</translation>
    </message>
    <message>
      <source>Ausgabe „{output}“ würde in die Datei der Eingabe „{input}“ schreiben ({path}). Bitte eine andere Datei wählen: Eingaben werden nie verändert.</source>
      <translation>Output “{output}” would write into the file of the input “{input}” ({path}). Please choose another file: inputs are never changed.</translation>
    </message>
    <message>
      <source>Die Ebene „{layer}“ ({input}) hat kein Koordinatenbezugssystem. Bitte in den Layereigenschaften (Quelle) das richtige KBS zuweisen, z. B. EPSG:25832 für Sachsen-Anhalt.</source>
      <translation>The layer “{layer}” ({input}) has no coordinate reference system. Please assign the right CRS in the layer properties (Source), e.g. EPSG:25832 for Saxony-Anhalt.</translation>
    </message>
    <message>
      <source>Die Ebene „{layer}“ liegt außerhalb des Gebiets, für das ihr KBS {crs} gemacht ist; Flächen und Abstände können dort stark verzerrt sein. Ist das KBS richtig zugewiesen?</source>
      <translation>The layer “{layer}” lies outside the area its CRS {crs} is made for; areas and distances can be badly distorted there. Is the CRS assigned correctly?</translation>
    </message>
    <message>
      <source>Die Datei konnte nicht geschrieben werden: {error}</source>
      <translation>The file could not be written: {error}</translation>
    </message>
    <message>
      <source>Ausgabe „{output}“ würde die Tabelle der Eingabe „{input}“ ersetzen ({table}). Bitte eine andere Tabelle wählen: Eingaben werden nie verändert.</source>
      <translation>Output “{output}” would replace the table of input “{input}” ({table}). Please choose another table: inputs are never changed.</translation>
    </message>
    <message>
      <source>Die Ausgaben „{first}“ und „{second}“ gehen in dieselbe Datei {path}; die eine würde die andere ersetzen. Bitte verschiedene Dateien wählen oder verschiedene Tabellen einer GeoPackage-Datei oder Datenbank.</source>
      <translation>The outputs “{first}” and “{second}” go to the same file {path}; one would replace the other. Please choose different files or different tables of a GeoPackage or database.</translation>
    </message>
    <message>
      <source>{parameter}: die Ebene „{layer}“ hat kein Feld „{field}“ (vorhanden: {fields}).</source>
      <translation>{parameter}: the layer “{layer}” has no field “{field}” (present: {fields}).</translation>
    </message>
    <message>
      <source>Das Ergebnis konnte nicht nach {path} geschrieben werden ({error}).</source>
      <translation>The result could not be written to {path} ({error}).</translation>
    </message>
    <message>
      <source>Das Ergebnis konnte nicht in die Tabelle {table} geschrieben werden ({error}).</source>
      <translation>The result could not be written to the table {table} ({error}).</translation>
    </message>
    <message>
      <source>Wärmebedarf (Nutzenergie Raumwärme und Warmwasser) je Gebäude: beheizte Fläche = Grundfläche × Geschosse × Flächenfaktor (oder eine gegebene Fläche), spezifischer Bedarf nach Gebäudetyp (EFH, RH, MFH, GMH; Nichtwohngebäude nach Nutzung aus der ALKIS-Gebäudefunktion) und IWU-Baualtersklasse A–L (LENA Wärmeatlas Sachsen-Anhalt, Technikkatalog Wärmeplanung 1.1, IWU-Nichtwohngebäudetypologie). Ein gemessener Verbrauch ersetzt die Schätzung. Sanierungsszenarien: jedes Jahr wird der Anteil „Sanierungsrate“ der Gebäude von vor 2010 saniert und spart „Sanierungstiefe“ ihres Bedarfs.

Felder ohne Angabe liest das Plugin aus dem Datenmodell der Ebene (ALKIS: Gebäudefunktion, Geschosse, Baujahr; OpenStreetMap: building, building:levels, start_date) oder an üblichen Namen (gebaeudefunktion, gfk, baualtersklasse, geschosse …). Fehlende Geschosse, unbekannte Funktionen oder Klassen stehen je Gebäude in „note“. Das Ergebnis ist gebäudescharf und nur für den internen Gebrauch (§ 10 Abs. 2 WPG).</source>
      <translation>Heat demand (useful energy for space heating and hot water) per building: heated floor area = footprint × storeys × floor-area factor (or a given area), specific demand by building type (EFH single-family, RH terraced, MFH multi-family, GMH large multi-family; non-residential buildings by use from the ALKIS building function) and IWU construction-age class A–L (LENA Wärmeatlas Sachsen-Anhalt, Technikkatalog Wärmeplanung 1.1, IWU non-residential typology). A measured consumption replaces the estimate. Renovation scenarios: every year the share “renovation rate” of the buildings from before 2010 is renovated and saves “renovation depth” of its demand.

Fields not named are read from the layer's data model (ALKIS: building function, storeys, year of construction; OpenStreetMap: building, building:levels, start_date) or recognised by common names (gebaeudefunktion, gfk, baualtersklasse, geschosse …). Missing storeys, unknown functions or classes are noted per building in “note”. The result is building-level and for internal use only (§ 10 (2) WPG).</translation>
    </message>
    <message>
      <source>Gebäudefunktion (ALKIS-Schlüssel)</source>
      <translation>Building function (ALKIS code)</translation>
    </message>
    <message>
      <source>Gebäudetyp (EFH, RH, MFH, GMH, NWG)</source>
      <translation>Building type (EFH, RH, MFH, GMH, NWG)</translation>
    </message>
    <message>
      <source>Baualtersklasse (IWU A–L)</source>
      <translation>Construction-age class (IWU A–L)</translation>
    </message>
    <message>
      <source>Geschosse</source>
      <translation>Storeys</translation>
    </message>
    <message>
      <source>Beheizte Fläche (m²)</source>
      <translation>Heated floor area (m²)</translation>
    </message>
    <message>
      <source>Gemessener Verbrauch (kWh/a)</source>
      <translation>Measured consumption (kWh/a)</translation>
    </message>
    <message>
      <source>Zensus 2022: Gebäude nach Baujahr je Gitterzelle (für Gebäude ohne Baujahr)</source>
      <translation>Census 2022: buildings by year of construction per grid cell (for buildings without a year)</translation>
    </message>
    <message>
      <source>Sanierungsrate (% der älteren Gebäude je Jahr)</source>
      <translation>Renovation rate (% of the older buildings per year)</translation>
    </message>
    <message>
      <source>Sanierungstiefe (% Einsparung je saniertem Gebäude)</source>
      <translation>Renovation depth (% saving per renovated building)</translation>
    </message>
    <message>
      <source>Gebäude mit Wärmebedarf (intern)</source>
      <translation>Buildings with heat demand (internal)</translation>
    </message>
    <message>
      <source>Wärmebedarf gesamt (MWh/a)</source>
      <translation>Total heat demand (MWh/a)</translation>
    </message>
    <message>
      <source>Gebäude mit Wärmebedarf</source>
      <translation>Buildings with heat demand</translation>
    </message>
    <message>
      <source>Die Gebäudeebene enthält keine Objekte.</source>
      <translation>The building layer has no features.</translation>
    </message>
    <message>
      <source>Für kein Gebäude lässt sich ein Wärmebedarf bestimmen: Gebäudefunktion oder Gebäudetyp fehlen oder sind unbekannt (siehe Feld „note“).</source>
      <translation>No building gets a heat demand: building function or type are missing or unknown (see the field “note”).</translation>
    </message>
    <message>
      <source>intern: gebäudescharf (§ 10 Abs. 2 WPG)</source>
      <translation>internal: building-level (§ 10 (2) WPG)</translation>
    </message>
    <message>
      <source>Typologie: {title}</source>
      <translation>Typology: {title}</translation>
    </message>
    <message>
      <source>{heated} von {count} Gebäuden mit Wärmebedarf, zusammen {total:,.0f} MWh/a; {notes} Gebäude mit Hinweis (Feld „note“).</source>
      <translation>{heated} of {count} buildings with heat demand, together {total:,.0f} MWh/a; {notes} buildings with a remark (field “note”).</translation>
    </message>
    <message>
      <source>{count} Gebäude ohne Baujahr erhalten die Baualtersklasse der häufigsten Bauperiode ihrer Zensus-Zelle.</source>
      <translation>{count} buildings without a year take the age class of their census cell's most common period.</translation>
    </message>
    <message>
      <source>{count} Gebäude mit ungewöhnlichen Angaben (Feld „implausible“, Hinweis im Feld „note“): bitte prüfen.</source>
      <translation>{count} building(s) with unusual values (field “implausible”, note in the field “note”): please check.</translation>
    </message>
    <message>
      <source>„{layer}“ ist kein Gitter des Zensus 2022 mit Gebäuden nach Baujahr.</source>
      <translation>"{layer}" is no 2022 census grid of buildings by year of construction.</translation>
    </message>
    <message>
      <source>Gebäude nach dem Datenmodell {model}: Gebäudefunktion, Gebäudetyp, Geschosse und Baujahr aus {fields}.</source>
      <translation>Buildings by the data model {model}: building function, type, storeys and year of construction from {fields}.</translation>
    </message>
    <message>
      <source>{count} von {total} Gebäuden nennen keine Nutzung, die das Datenmodell kennt (etwa building=yes): für sie wird kein Wärmebedarf geschätzt.</source>
      <translation>{count} of {total} buildings state no use the data model knows (such as building=yes): no heat demand is estimated for them.</translation>
    </message>
    <message>
      <source>Beheizte Fläche</source>
      <translation>Heated floor area</translation>
    </message>
    <message>
      <source>Baualtersklasse {age} aus der häufigsten Bauperiode der Zensus-Zelle</source>
      <translation>age class {age} from the census cell's most common period</translation>
    </message>
    <message>
      <source>Die Karten nach Anlage 2 WPG aus dem Wärmebedarf der Gebäude (z. B. von „Wärmebedarf Gebäude“): Wärmedichte je Baublock in MWh/(ha·a) mit vorherrschendem Gebäudetyp und vorherrschender Baualtersklasse, und Wärmeliniendichte je Straßenabschnitt in kWh/(m·a). Jedes Gebäude zählt mit einem Punkt in seinem Inneren zu dem Baublock, in dem dieser liegt, und zum nächsten Straßenabschnitt im Höchstabstand. Ohne Baublockebene dienen Rasterzellen der gewählten Größe als Blöcke. Die Liniendichte eines Blocks ist das mit dem Bedarf gewichtete Mittel der Abschnitte seiner Gebäude.

Datenschutz (§ 10 Abs. 2 WPG): Blöcke und Abschnitte mit weniger als fünf Gebäuden erhalten keine Werte, außer die Ergebnisse werden ausdrücklich als intern markiert.</source>
      <translation>The maps of Annex 2 WPG from the buildings' heat demand (e.g. from “Building heat demand”): heat density per block in MWh/(ha·a) with the dominant building type and age class, and heat line density per street section in kWh/(m·a). Every building counts, by a point in its interior, in the block that point lies in and for the nearest street section within the maximum distance. Without a block layer, grid cells of the chosen size serve as blocks. A block's line density is the demand-weighted mean over the sections of its buildings.

Privacy (§ 10 (2) WPG): blocks and sections with fewer than five buildings get no values unless the results are explicitly marked internal.</translation>
    </message>
    <message>
      <source>weniger als fünf Gebäude: nur intern (§ 10 Abs. 2 WPG)</source>
      <translation>fewer than five buildings: internal only (§ 10 (2) WPG)</translation>
    </message>
    <message>
      <source>weniger als fünf Gebäude: keine Werte (§ 10 Abs. 2 WPG)</source>
      <translation>fewer than five buildings: no values (§ 10 (2) WPG)</translation>
    </message>
    <message>
      <source>Wärmebedarf (MWh/a)</source>
      <translation>Heat demand (MWh/a)</translation>
    </message>
    <message>
      <source>Baublöcke</source>
      <translation>Blocks</translation>
    </message>
    <message>
      <source>Rasterweite ohne Baublöcke (m)</source>
      <translation>Grid cell size without blocks (m)</translation>
    </message>
    <message>
      <source>Höchstabstand Gebäude–Straße (m)</source>
      <translation>Maximum distance building–street (m)</translation>
    </message>
    <message>
      <source>Interne Ergebnisse: auch Werte unter fünf Gebäuden ausgeben</source>
      <translation>Internal results: also give values for fewer than five buildings</translation>
    </message>
    <message>
      <source>Wärmedichte je Baublock</source>
      <translation>Heat density per block</translation>
    </message>
    <message>
      <source>Wärmeliniendichte je Straßenabschnitt</source>
      <translation>Heat line density per street section</translation>
    </message>
    <message>
      <source>Gebäude ohne Straße im Höchstabstand</source>
      <translation>Buildings without a street within the maximum distance</translation>
    </message>
    <message>
      <source>Die Straßenebene enthält keine Objekte.</source>
      <translation>The street layer has no features.</translation>
    </message>
    <message>
      <source>Wärmebedarf</source>
      <translation>Heat demand</translation>
    </message>
    <message>
      <source>{blocks} Blöcke mit Gebäuden, davon {published} mit mindestens fünf Gebäuden; {sections} Straßenabschnitte.</source>
      <translation>{blocks} blocks with buildings, {published} of them with at least five buildings; {sections} street sections.</translation>
    </message>
    <message>
      <source>Der Gebäudeebene fehlt das Feld „{field}“; zuerst „Wärmebedarf Gebäude“ ausführen oder das Bedarfsfeld wählen.</source>
      <translation>The building layer has no field “{field}”; run “Building heat demand” first or choose the demand field.</translation>
    </message>
    <message>
      <source>Kein Gebäude mit Wärmebedarf liegt näher als {distance:g} m an einer Linie der Straßenebene – ist es die richtige Ebene (Straßenabschnitte, nicht z. B. Leitungen) im richtigen KBS?</source>
      <translation>No building with heat demand lies within {distance:g} m of a line of the street layer – is it the right layer (street sections, not e.g. power lines) in the right CRS?</translation>
    </message>
    <message>
      <source>{count} Gebäude mit Wärmebedarf haben keine Straße im Abstand von {distance:g} m und zählen in keiner Wärmeliniendichte.</source>
      <translation>{count} buildings with heat demand have no street within {distance:g} m and count in no heat line density.</translation>
    </message>
    <message>
      <source>Teilt Baublöcke oder Gebiete (z. B. aus „Wärmedichte und Wärmeliniendichte“) in die vier Eignungsstufen nach § 19 WPG ein. Die Regeln werden der Reihe nach geprüft, die erste zutreffende entscheidet und steht im Feld „rule“:
1 sehr wahrscheinlich geeignet: Wärmenetz in der Nähe und Wärmedichte ≥ Niedertemperatur-Schwelle, oder Wärmeliniendichte ≥ kostendeckend und Wärmedichte ≥ konventionell;
2 wahrscheinlich geeignet: Wärmeliniendichte ≥ Netz-Schwelle, oder Wärmedichte ≥ Niedertemperatur-Schwelle, oder Großverbraucher bzw. Abwärmequelle in der Nähe und Wärmedichte ≥ Untergrenze;
3 wahrscheinlich ungeeignet: Wärmeliniendichte ≥ Prüfschwelle oder Wärmedichte ≥ Untergrenze;
4 sehr wahrscheinlich ungeeignet: alles Übrige. Ohne Wärmenetz und ohne Abwärmequelle in der Nähe kommt das Gebiet für das verkürzte Verfahren nach § 14 in Frage.
Vorgaben: 2.000/1.500/500 kWh/(m·a), 415/175/70 MWh/(ha·a) (Energieatlas Bayern, F|Heat, KEA-BW); alle Schwellen sind einstellbar. Gebiete ohne veröffentlichte Werte (&lt; 5 Gebäude) zählen mit 0.</source>
      <translation>Classifies blocks or areas (e.g. from “Heat density and heat line density”) into the four suitability levels of § 19 WPG. The rules are tried in order; the first that holds decides and is stated in the field “rule”:
1 very likely suited: heat network nearby and heat density ≥ low-temperature threshold, or heat line density ≥ cost-covering and heat density ≥ conventional;
2 likely suited: heat line density ≥ network threshold, or heat density ≥ low-temperature threshold, or a large consumer or a waste-heat source nearby and heat density ≥ lower limit;
3 likely unsuited: heat line density ≥ screening threshold or heat density ≥ lower limit;
4 very likely unsuited: everything else. Without a heat network and without a waste-heat source nearby, the area qualifies for the shortened procedure of § 14.
Defaults: 2,000/1,500/500 kWh/(m·a), 415/175/70 MWh/(ha·a) (Energieatlas Bayern, F|Heat, KEA-BW); every threshold can be set. Areas without published values (&lt; 5 buildings) count as 0.</translation>
    </message>
    <message>
      <source>Wärmeliniendichte kostendeckend (kWh/(m·a))</source>
      <translation>Heat line density, cost-covering (kWh/(m·a))</translation>
    </message>
    <message>
      <source>Wärmeliniendichte, ab der ein Netz in Frage kommt (kWh/(m·a))</source>
      <translation>Heat line density from which a network comes into question (kWh/(m·a))</translation>
    </message>
    <message>
      <source>Wärmeliniendichte Prüfschwelle (kWh/(m·a))</source>
      <translation>Heat line density, screening threshold (kWh/(m·a))</translation>
    </message>
    <message>
      <source>Wärmedichte konventionelles Netz (MWh/(ha·a))</source>
      <translation>Heat density, conventional network (MWh/(ha·a))</translation>
    </message>
    <message>
      <source>Wärmedichte Niedertemperaturnetz im Bestand (MWh/(ha·a))</source>
      <translation>Heat density, low-temperature network in existing stock (MWh/(ha·a))</translation>
    </message>
    <message>
      <source>Wärmedichte Untergrenze (MWh/(ha·a))</source>
      <translation>Heat density, lower limit (MWh/(ha·a))</translation>
    </message>
    <message>
      <source>Bestehendes Wärmenetz in der Nähe bis (m)</source>
      <translation>Existing heat network counts as near up to (m)</translation>
    </message>
    <message>
      <source>Abwärmequelle in der Nähe bis (m)</source>
      <translation>Waste-heat source counts as near up to (m)</translation>
    </message>
    <message>
      <source>Baublöcke oder Gebiete</source>
      <translation>Blocks or areas</translation>
    </message>
    <message>
      <source>Wärmedichte (MWh/(ha·a))</source>
      <translation>Heat density (MWh/(ha·a))</translation>
    </message>
    <message>
      <source>Wärmeliniendichte (kWh/(m·a))</source>
      <translation>Heat line density (kWh/(m·a))</translation>
    </message>
    <message>
      <source>Abwärmequellen</source>
      <translation>Waste-heat sources</translation>
    </message>
    <message>
      <source>Gebäude für Großverbraucher</source>
      <translation>Buildings for large consumers</translation>
    </message>
    <message>
      <source>… Wärmebedarf (MWh/a)</source>
      <translation>… heat demand (MWh/a)</translation>
    </message>
    <message>
      <source>Großverbraucher ab (MWh/a)</source>
      <translation>Large consumer from (MWh/a)</translation>
    </message>
    <message>
      <source>Eignungsstufen für Wärmenetze</source>
      <translation>Heat-network suitability levels</translation>
    </message>
    <message>
      <source>Die Gebietsebene enthält keine Objekte.</source>
      <translation>The area layer has no features.</translation>
    </message>
    <message>
      <source>Für die Großverbraucher fehlt das Feld mit dem Wärmebedarf.</source>
      <translation>The field with the heat demand of the large consumers is missing.</translation>
    </message>
    <message>
      <source>Verkürztes Verfahren nach § 14 möglich: {count} Gebiete</source>
      <translation>Shortened procedure under § 14 possible: {count} areas</translation>
    </message>
    <message>
      <source>Der Gebietsebene fehlt das Feld „{field}“ mit der Wärmedichte; zuerst „Wärmedichte und Wärmeliniendichte“ ausführen oder das Feld wählen.</source>
      <translation>The area layer has no field “{field}” with the heat density; run “Heat density and heat line density” first or choose the field.</translation>
    </message>
    <message>
      <source>Stufe {level} – {text}: {count} Gebiete</source>
      <translation>Level {level} – {text}: {count} areas</translation>
    </message>
    <message>
      <source>Liest Maßnahmenkataloge, die andere Gemeinden mit „Maßnahmenkatalog teilen“ geschrieben haben, in eine Tabelle: jede Maßnahme mit Gemeinde, Gemeindeschlüssel und Datum ihrer Herkunft und dem Tag des Einlesens. Jede Datei wird geprüft; eine fehlerhafte nennt die Meldung mit der Maßnahme. Das Zukunftsprofil nennt daraus die Maßnahmen ähnlicher Gemeinden in den eigenen Handlungsfeldern.</source>
      <translation>Reads measures catalogues other municipalities wrote with "Share measures catalogue" into one table: every measure with the municipality, key and date it comes from and the day it was read. Every file is checked; for a broken one the message names the measure. The future profile names from it the measures of similar municipalities in the own fields of action.</translation>
    </message>
    <message>
      <source>Geteilte Kataloge (JSON)</source>
      <translation>Shared catalogues (JSON)</translation>
    </message>
    <message>
      <source>Anzahl der Maßnahmen</source>
      <translation>Number of measures</translation>
    </message>
    <message>
      <source>Bitte mindestens eine Datei eines geteilten Katalogs angeben.</source>
      <translation>Please give at least one file of a shared catalogue.</translation>
    </message>
    <message>
      <source>{origin}: {count} Maßnahmen</source>
      <translation>{origin}: {count} measures</translation>
    </message>
    <message>
      <source>Leitet aus den Ergebnissen der Gemeinde einen Vorschlag für den Maßnahmenkatalog ab, den die Planerin oder der Planer danach in der Attributtabelle bearbeitet (Werte, Jahre, Status, eigene Maßnahmen).

Woraus: die Wind- und PV-Flächen der gewählten Planungsvariante (mit den Anlagen des Layouts, wenn gegeben), jedes zusammenhängende Gebiet der Stufe 1 nach § 19 WPG ab dem kleinsten Wärmebedarf (Vorgabe 1.000 MWh/a, etwa die 100 Wohnungen eines Gebäudenetzes nach § 3 GEG) als Wärmenetz, das Solarpotenzial der Dächer (der Anteil des Ausbaupfads bis 2045) und die Pfade der Energiebilanz (Sanierung, Wärmepumpen und erneuerbare Einzelheizungen, Verkehr). Die Wärmepumpen ersetzen nur die Kessel, die kein Wärmenetz ersetzt.

Jede Maßnahme: Handlungsfeld, Herkunft, Größe, Wirkung in MWh/a bei voller Umsetzung, ihre Änderungen der Energiebilanz je MWh Wirkung (changes: Sektor/Energieträger=MWh), Investition und jährliche Kosten (Schätzungen mit Quelle), Akteur, Beginn und Ende (die Wirkung wächst dazwischen linear), Status, Priorität und erste Schritte. Das Zukunftsprofil rechnet daraus die Minderung je Maßnahme und Jahr (Keildiagramm), was bleibt, und den Abstand zum Zielpfad. Erzeugung (Wind, PV) mindert die Territorialbilanz nach BISKO nicht; was sie vermeidet, steht daneben (Bundesstrommix des Jahres).</source>
      <translation>Derives a proposed measures catalogue from the municipality's results, which the planner then edits in the attribute table (values, years, status, own measures).

From: the wind and PV areas of the chosen zoning alternative (with the turbines of the layout, when given), every contiguous area of level 1 under § 19 WPG from the smallest heat demand (default 1,000 MWh/a, about the 100 dwellings of a building network under § 3 GEG) as a heat network, the rooftop solar potential (the share of the expansion path by 2045) and the paths of the energy balance (renovation, heat pumps and renewable single heating, transport). The heat pumps replace only the boilers no heat network replaces.

Each measure: field of action, origin, size, effect in MWh/a when fully carried out, its changes of the energy balance per MWh of effect (changes: sector/carrier=MWh), investment and annual cost (estimates with source), actor, start and end (the effect grows linearly in between), status, priority and first steps. The Zukunftsprofil computes from it the reduction per measure and year (wedge chart), what remains, and the gap to the target path. Generation (wind, PV) does not reduce the territorial balance after BISKO; what it avoids is shown beside it (national electricity mix of the year).</translation>
    </message>
    <message>
      <source>Photovoltaik auf Dächern</source>
      <translation>Rooftop photovoltaics</translation>
    </message>
    <message>
      <source>Pfade je Hebel (aus „Energie- und Treibhausgasbilanz“)</source>
      <translation>Paths per lever (from "Energy and GHG balance")</translation>
    </message>
    <message>
      <source>Zuweisung der Planungsvarianten</source>
      <translation>Allocation of the zoning alternatives</translation>
    </message>
    <message>
      <source>Windenergieanlagen des Layouts</source>
      <translation>Wind turbines of the layout</translation>
    </message>
    <message>
      <source>Wärmenetz ab einem Wärmebedarf des Gebiets von (MWh/a)</source>
      <translation>Heat network from an area heat demand of (MWh/a)</translation>
    </message>
    <message>
      <source>Solarpotenzial Dach (Summen)</source>
      <translation>Rooftop solar potential (totals)</translation>
    </message>
    <message>
      <source>Beginn der abgeleiteten Maßnahmen</source>
      <translation>Start of the derived measures</translation>
    </message>
    <message>
      <source>Solarpotenzial Dach: {share} % des Potenzials nach den Anlagen von heute (Ausbaupfad 2045)</source>
      <translation>Rooftop solar potential: {share} % of the potential after today's plants (expansion path 2045)</translation>
    </message>
    <message>
      <source>{year}: es bleiben {remaining} t CO₂e von {base} t im Basisjahr (Zielpfad {target} t).</source>
      <translation>{year}: {remaining} t CO₂e remain of {base} t in the base year (target path {target} t).</translation>
    </message>
    <message>
      <source>Planungsvariante {number} ({name}): {units} Flurstücke, {ha} ha</source>
      <translation>Zoning alternative {number} ({name}): {units} parcels, {ha} ha</translation>
    </message>
    <message>
      <source>Wärmenetz Gebiet {number}</source>
      <translation>Heat network area {number}</translation>
    </message>
    <message>
      <source>Eignungsstufe 1 nach § 19 WPG: {cells} Gebiet(e), {mwh} MWh/a Wärmebedarf</source>
      <translation>Suitability level 1 under § 19 WPG: {cells} area(s), {mwh} MWh/a heat demand</translation>
    </message>
    <message>
      <source>{id} {title}: {t} t CO₂e/a bei voller Wirkung, {cost} €/t</source>
      <translation>{id} {title}: {t} t CO₂e/a at full effect, {cost} €/t</translation>
    </message>
    <message>
      <source>Die Planungsvariante {number} gibt es in der Zuweisung nicht; vorhanden: {present}.</source>
      <translation>The allocation has no zoning alternative {number}; present: {present}.</translation>
    </message>
    <message>
      <source>Windenergiegebiete der Variante {number}</source>
      <translation>Wind areas of alternative {number}</translation>
    </message>
    <message>
      <source>Freiflächen-PV der Variante {number}</source>
      <translation>Ground-mounted PV of alternative {number}</translation>
    </message>
    <message>
      <source>Solarpotenzial Dach: die Summe aller {count} Zeilen.</source>
      <translation>Rooftop solar potential: the sum of all {count} rows.</translation>
    </message>
    <message>
      <source>Eignung für Wärmenetze: es fehlen die Felder {fields} (Ergebnis von „Eignung für Wärmenetze“).</source>
      <translation>Suitability for heat networks: the fields {fields} are missing (result of "Suitability for heat networks").</translation>
    </message>
    <message>
      <source>{count} Gebiet(e) der Stufe 1 unter {mwh} MWh/a bleiben bei Einzelheizungen.</source>
      <translation>{count} area(s) of level 1 below {mwh} MWh/a stay with single heating.</translation>
    </message>
    <message>
      <source>; {count} Anlagen des Layouts</source>
      <translation>; {count} turbines of the layout</translation>
    </message>
    <message>
      <source>Dieser Algorithmus kann nicht laufen. {hint}</source>
      <translation>This algorithm cannot run. {hint}</translation>
    </message>
    <message>
      <source>Berechnet je Standort die nutzbare Fläche (Standort abzüglich Randabstand), die installierbare Leistung (MWp = nutzbare ha × Leistungsdichte des Anlagentyps), den spezifischen Ertrag (kWh/kWp = Volllaststunden), den Jahresertrag (GWh/a) und die vermiedenen Emissionen (t CO₂/a = GWh/a × g/kWh).

Anlagentypen: Freiflächen-PV, Agri-PV Kategorie I und II nach DIN SPEC 91434, Floating-PV. Leistungsdichte, Randabstand und Erträge stehen mit Quelle und Status in resources/yield/pv_types.json; ungeprüfte Werte sind änderbare Vorgaben.

Bestehende Freiflächenanlagen: mit dem Feld „Baujahr“ erhält jeder Park die an realen Parks gemessene Leistungsdichte seines Baujahrs (2004–2009 0,31 MWp/ha bis 2013–2015 0,65 MWp/ha); Neubau und Parks ohne Baujahr rechnen mit der Dichte neuer Anlagen. Ein Feld „baujahr“ wird ohne Wahl verwendet.

Floating-PV (§ 36 Abs. 3 WHG): mindestens 40 m Abstand zum Ufer, zusammen höchstens 15 % der Wasserfläche je Gewässer (aufgeteilt auf die Standorte eines Gewässers). Ohne Gewässerebene gilt jeder Standort als ganzes Gewässer – außer er hat eine Belegungsgrenze (Feld cover_limit_ha aus wip:eligibility): dann gilt der Uferabstand als geprüft und die Grenze als Obergrenze. „usable_ha“ ist bei Floating-PV die belegbare Fläche.

Spezifischer Ertrag, der erste vorhandene Wert zählt: Feld „Spezifischer Ertrag je Standort“; pvlib-Simulation mit der Wetterdatei (EPW oder TMY3, nur wenn pvlib installiert ist); Globalstrahlung (Feld, dann Raster) × Verhältnis des Anlagentyps; der Parameter „Spezifischer Ertrag“; die Vorgabe des Anlagentyps. Das Feld „yield_source“ nennt die Herkunft, „note“ was die Fläche begrenzt hat.</source>
      <translation>Computes per site the usable area (site less the edge setback), the installable capacity (MWp = usable ha × the plant type's capacity density), the specific yield (kWh/kWp = full-load hours), the annual yield (GWh/a) and the avoided emissions (t CO₂/a = GWh/a × g/kWh).

Plant types: ground-mounted PV, agrivoltaics categories I and II after DIN SPEC 91434, floating PV. Capacity density, setback and yields stand with source and status in resources/yield/pv_types.json; unchecked values are editable defaults.

Existing ground-mounted plants: with the field “build year” each park gets the capacity density measured on real parks of its build year (2004–2009 0.31 MWp/ha up to 2013–2015 0.65 MWp/ha); new build and parks without a build year use the density of new plants. A field “baujahr” is used without being chosen.

Floating PV (§ 36 Abs. 3 WHG): at least 40 m from the shore, together at most 15 % of the water surface per water body (shared among the sites on one water body). Without a water-body layer each site counts as a whole water body – unless it has a cover limit (field cover_limit_ha from wip:eligibility): then the shore distance counts as checked and the limit as the upper bound. For floating PV “usable_ha” is the area that may be covered.

Specific yield, the first value present counts: the field “specific yield per site”; a pvlib simulation with the weather file (EPW or TMY3, only when pvlib is installed); global irradiation (field, then raster) × the plant type's ratio; the parameter “specific yield”; the plant type's default. The field “yield_source” names the origin, “note” what limited the area.</translation>
    </message>
    <message>
      <source>Wetterdatei für pvlib (EPW oder TMY3-CSV)</source>
      <translation>Weather file for pvlib (EPW or TMY3 CSV)</translation>
    </message>
    <message>
      <source>Vermiedene Emissionen je kWh (g CO₂/kWh)</source>
      <translation>Avoided emissions per kWh (g CO₂/kWh)</translation>
    </message>
    <message>
      <source>Standorte</source>
      <translation>Sites</translation>
    </message>
    <message>
      <source>Anlagentyp</source>
      <translation>Plant type</translation>
    </message>
    <message>
      <source>Randabstand (m; -1 = Vorgabe des Anlagentyps)</source>
      <translation>Edge setback (m; -1 = plant type default)</translation>
    </message>
    <message>
      <source>Gewässer (nur Floating-PV)</source>
      <translation>Water bodies (floating PV only)</translation>
    </message>
    <message>
      <source>Belegungsgrenze je Standort (ha; ohne Angabe: Feld cover_limit_ha)</source>
      <translation>Cover limit per site (ha; if not set: field cover_limit_ha)</translation>
    </message>
    <message>
      <source>Baujahr bestehender Parks (leer = Neubau)</source>
      <translation>Build year of existing parks (empty = new build)</translation>
    </message>
    <message>
      <source>Spezifischer Ertrag (kWh/kWp; 0 = Vorgabe des Anlagentyps)</source>
      <translation>Specific yield (kWh/kWp; 0 = plant type default)</translation>
    </message>
    <message>
      <source>Spezifischer Ertrag je Standort (kWh/kWp)</source>
      <translation>Specific yield per site (kWh/kWp)</translation>
    </message>
    <message>
      <source>Globalstrahlung als Raster (kWh/m² im Jahr)</source>
      <translation>Global irradiation raster (kWh/m² per year)</translation>
    </message>
    <message>
      <source>Globalstrahlung je Standort (kWh/m² im Jahr)</source>
      <translation>Global irradiation per site (kWh/m² per year)</translation>
    </message>
    <message>
      <source>PV-Potenzial</source>
      <translation>PV potential</translation>
    </message>
    <message>
      <source>Leistung gesamt (MWp)</source>
      <translation>Total capacity (MWp)</translation>
    </message>
    <message>
      <source>Jahresertrag gesamt (GWh/a)</source>
      <translation>Total annual yield (GWh/a)</translation>
    </message>
    <message>
      <source>Die Standortebene enthält keine Objekte.</source>
      <translation>The site layer contains no features.</translation>
    </message>
    <message>
      <source>Die Gewässerebene gilt nur für Floating-PV und bleibt unbeachtet.</source>
      <translation>The water-body layer applies to floating PV only and is ignored.</translation>
    </message>
    <message>
      <source>Baujahr</source>
      <translation>Build year</translation>
    </message>
    <message>
      <source>Belegungsgrenze</source>
      <translation>Cover limit</translation>
    </message>
    <message>
      <source>{type} ({title}, Version {version}): {density:g} MWp/ha ({density_status}), Vorgabe {default:g} kWh/kWp ({default_status}), Randabstand {setback:g} m.</source>
      <translation>{type} ({title}, version {version}): {density:g} MWp/ha ({density_status}), default {default:g} kWh/kWp ({default_status}), edge setback {setback:g} m.</translation>
    </message>
    <message>
      <source>CO₂-Faktor {value:g} g/kWh (Vorgabe {default:g} g/kWh, {status}: {source}).</source>
      <translation>CO₂ factor {value:g} g/kWh (default {default:g} g/kWh, {status}: {source}).</translation>
    </message>
    <message>
      <source>{usable} von {count} Standorten mit nutzbarer Fläche: {mwp:,.2f} MWp, {gwh:,.2f} GWh/a, {co2:,.0f} t CO₂/a vermieden; {notes} Standorte mit Hinweis (Feld „note“).</source>
      <translation>{usable} of {count} sites with usable area: {mwp:,.2f} MWp, {gwh:,.2f} GWh/a, {co2:,.0f} t CO₂/a avoided; {notes} sites with a note (field "note").</translation>
    </message>
    <message>
      <source>Der Anlagentyp „{type}“ fehlt in {file}.</source>
      <translation>The plant type "{type}" is missing from {file}.</translation>
    </message>
    <message>
      <source>Randabstand {value:g} m: -1 für die Vorgabe des Anlagentyps oder ein Abstand ab 0 m.</source>
      <translation>Edge setback {value:g} m: -1 for the plant type default, or a distance from 0 m.</translation>
    </message>
    <message>
      <source>Standorte ohne Geometrie oder mit leerer Geometrie: Objekt {ids}.</source>
      <translation>Sites without geometry or with an empty geometry: feature {ids}.</translation>
    </message>
    <message>
      <source>Auf keinem Standort bleibt eine nutzbare Fläche: {reasons}</source>
      <translation>No site has any usable area left: {reasons}</translation>
    </message>
    <message>
      <source>pvlib: {hours} Stundenwerte aus {file}, Neigung {tilt:g}°, Azimut {azimuth:g}°, Systemverluste {losses:g} %.</source>
      <translation>pvlib: {hours} hourly values from {file}, tilt {tilt:g}°, azimuth {azimuth:g}°, system losses {losses:g} %.</translation>
    </message>
    <message>
      <source>Globalstrahlung</source>
      <translation>Global irradiation</translation>
    </message>
    <message>
      <source>die Standorte sind zu klein</source>
      <translation>the sites are too small</translation>
    </message>
    <message>
      <source>Feld {field}</source>
      <translation>field {field}</translation>
    </message>
    <message>
      <source>pvlib, {file}</source>
      <translation>pvlib, {file}</translation>
    </message>
    <message>
      <source>Globalstrahlung, Feld {field}</source>
      <translation>global irradiation, field {field}</translation>
    </message>
    <message>
      <source>Globalstrahlung, Raster {name}</source>
      <translation>global irradiation, raster {name}</translation>
    </message>
    <message>
      <source>Die Flächenkulisse aller Gemeinden einer Region (Landkreis, Planungsregion oder Land) in einem Lauf, jede Gemeinde für sich: mit den Objekten jedes Kriteriums bis zu seinem Abstand um die Gemeinde, so dass Siedlungen der Nachbargemeinden ihre Abstände behalten. Ein eigener Kriterienkatalog ersetzt den mitgelieferten seiner Technologie.

Ergebnisse: die geeigneten Flächen je Gemeinde und Technologie; die Windflächenbilanz (geeignete, ausgewiesene und noch offene Fläche je Gemeinde mit Rang, und je Flächenziel nach WindBG und LEntwG LSA der Anteil der Gemeinden des Laufs am Ziel, die Lücke nach den ausgewiesenen Gebieten und ob die geeignete Fläche sie schließen kann); die Kennzahlen je Gemeinde mit ihrem Stand heute aus der Gemeindestatistik.

Erträge (abschaltbar): auf jeder geeigneten Windfläche ein Windpark wie bei „Windenergieanlagen platzieren“ (der gewählte Anlagentyp in der Nabenhöhe der Abstände, 5 × 3 Rotordurchmesser, Hauptwindrichtung Südwest, Rotor außerhalb zulässig, Verluste aus resources/yield/wind_defaults.json) mit der Windgeschwindigkeit der Zelle eines Windrasters unter jeder Anlage, sonst der eigenen jeder Gemeinde aus einem Feld (etwa die Zonenstatistik eines Windatlas) oder einer für die Region; auf den PV-Flächen die Anlagen des Typs ihrer Technologie wie bei „PV-Potenzial und Ertrag“ (Freiflächen-PV, Agri-PV Kategorie I, Floating-PV bis zur Belegungsgrenze). Anlagen, MW und GWh/a stehen je Fläche, je Gemeinde in den Kennzahlen und im Atlas, die Anlagen als eigene Ebene; im Zukunftsprofil gehen sie als Ertrag in die Bilanz ein.

Standortbewertung (abschaltbar): jede geeignete Fläche erhält score (0–100), score_rank (1 = beste der Gemeinde) und score_class (A/B/C) wie bei „Standortkriterien berechnen“ und dann „Standorte bewerten“, mit dem Beispielschema Wind bzw. PV oder einem eigenen; jede Rolle des Schemas (etwa Umspannwerk, Siedlung, Schutzgebiete, Ackerzahl) nimmt die passende Restriktionsebene, eine Rolle ohne Ebene folgt der Regel des Schemas für fehlende Werte. Die Kennzahlen nennen je Technologie den besten score und die Fläche der Klasse A.

Wärmeplanung (mit Gebäuden aus „Wärmebedarf Gebäude“): jedes Gebäude zählt mit seinem Bedarf zu der Gemeinde, in der sein Punkt liegt, jede Rasterzelle mit allen ihren Gebäuden zu der, in der ihr Mittelpunkt liegt; je Gemeinde Rasterzellen von 100 m mit Wärmedichte und Wärmeliniendichte (zu den Straßenabschnitten bis 100 m) wie bei „Wärmedichte und Wärmeliniendichte“ und ihre Eignungsstufe für Wärmenetze nach § 19 WPG wie bei „Eignung für Wärmenetze“ (mit bestehendem Wärmenetz und Abwärmequellen, Großverbraucher ab 500 MWh/a aus denselben Gebäuden, die vorgegebenen Schwellen). Zellen mit weniger als fünf Gebäuden zeigen keine Werte (§ 10 Abs. 2 WPG). Die Kennzahlen nennen den Wärmebedarf der Gebäude, die Fläche der Stufen 1–2 und den Anteil des Bedarfs darin; im Zukunftsprofil gehen die Gebäude in die Bilanz ein und die Eignung als Karte.

Die Gemeinden werden parallel auf den Kernen dieses Rechners berechnet oder, mit der Adresse eines Dask-Schedulers, auf dessen Workern. Mit einem Arbeitsordner setzt ein abgebrochener Lauf dort fort, wo er stand: fertige Gemeinden werden übernommen, Gemeinden mit geänderten Daten oder Einstellungen neu berechnet. Eine Gemeinde, die scheitert, wird mit ihrem Fehler genannt; die anderen laufen weiter.

Mit einem Ordner für die Zukunftsprofile schreibt der Lauf danach für jede Gemeinde, die die mitgelieferte Gemeindestatistik kennt, ihr Zukunftsprofil (HTML): die Energie- und Treibhausgasbilanz aus der Statistik, der Vergleich mit ähnlichen Gemeinden und die Karten ihrer Flächenkulissen. Mit einer Variantentabelle (wie bei „Robustheit der Flächenkulisse“) kommt die Robustheit der Windflächen jeder Gemeinde über die Varianten hinzu, als Ebene und als Karte im Profil.

Der Atlas der Region ist ein QGIS-Drucklayout mit einer Seite je Gemeinde: Karte mit Maßstab, Nordpfeil und Legende, die Kennzahlen und die Quellen; als ein PDF für die Region und, mit dem Ordner der Zukunftsprofile, als ein PDF je Gemeinde. Eine eigene Layoutvorlage (.qpt) und ein Logo lassen sich angeben; als QGIS-Projekt (seine Ebenen daneben im GeoPackage gleichen Namens) lässt sich der Atlas im Layout-Designer bearbeiten.</source>
      <translation>The eligible land of every municipality of a region (district, planning region or Land) in one run, each municipality on its own: with the features of every criterion up to its distance around the municipality, so that settlements of neighbouring municipalities keep their distances. An own criteria catalog replaces the shipped one of its technology.

Results: the eligible land per municipality and technology; the wind-area ledger (eligible, designated and still open land per municipality with its rank, and per area target of the WindBG and the LEntwG LSA the run's municipalities' share of the target, the gap left after the designated areas and whether the eligible land can close it); the indicators per municipality with where it stands today from the municipal statistics.

Yields (can be turned off): on every piece of eligible wind land a wind park as in “Place wind turbines” (the chosen turbine type at the hub height of the distances, 5 × 3 rotor diameters, main wind direction south-west, rotor allowed outside, losses from resources/yield/wind_defaults.json) at the wind speed of the cell of a wind raster under each turbine, else each municipality's own from a field (e.g. the zonal statistics of a wind atlas) or one for the region; on the PV land the plants of its technology's type as in “PV potential and yield” (ground-mounted PV, agrivoltaics category I, floating PV up to the cover limit). Turbines, MW and GWh/a are given per piece of land, per municipality in the indicators and in the atlas, the turbines as a layer of their own; in the future profile they enter the balance as yield.

Site scoring (can be turned off): every piece of eligible land gets score (0–100), score_rank (1 = the municipality's best) and score_class (A/B/C) as from “Compute site criteria” and then “Score sites”, with the example scheme for wind or PV or an own one; each role of the scheme (e.g. substation, settlement, protected areas, soil quality) takes the fitting constraint layer, a role without a layer follows the scheme's rule for missing values. The indicators give per technology the best score and the area of class A.

Heat planning (with buildings from “Building heat demand”): each building's demand counts in the municipality that holds its point, each grid cell with all its buildings in the one that holds its centre; per municipality grid cells of 100 m with heat density and heat line density (to the street sections within 100 m) as in “Heat density and heat line density” and their suitability level for heat networks under § 19 WPG as in “Heat network suitability” (with the existing heat network and waste-heat sources, large consumers from 500 MWh/a from the same buildings, the default thresholds). Cells with fewer than five buildings show no values (§ 10 (2) WPG). The indicators give the buildings' heat demand, the area of levels 1–2 and the share of the demand in them; in the future profile the buildings enter the balance and the suitability is mapped.

The municipalities are computed in parallel on this computer's cores or, given the address of a Dask scheduler, on its workers. With a run folder a cancelled run goes on where it stood: finished municipalities are taken over, municipalities whose data or settings changed are computed anew. A municipality that fails is named with its error; the others go on.

With a folder for the future profiles the run then writes, for every municipality the shipped municipal statistics know, its future profile (HTML): the energy and greenhouse-gas balance from the statistics, the comparison with similar municipalities and the maps of its eligible land. With a variants table (as for “Robustness of the eligible land”) the robustness of every municipality's wind land over the variants is added, as a layer and as a map in the profile.

The atlas of the region is a QGIS print layout with one page per municipality: map with scale bar, north arrow and legend, the indicators and the sources; as one PDF for the region and, with the folder of the future profiles, as one PDF per municipality. An own layout template (.qpt) and a logo can be given; as a QGIS project (its layers beside it in the GeoPackage of the same name) the atlas can be edited in the layout designer.</translation>
    </message>
    <message>
      <source>Gemeinden (z. B. VG250 Gemeinden)</source>
      <translation>Municipalities (e.g. VG250 Gemeinden)</translation>
    </message>
    <message>
      <source>Eigener Kriterienkatalog statt des mitgelieferten (JSON)</source>
      <translation>Own criteria catalog instead of the shipped one (JSON)</translation>
    </message>
    <message>
      <source>Parallele Prozesse (0: alle Kerne, 1: nacheinander)</source>
      <translation>Parallel processes (0: all cores, 1: one after the other)</translation>
    </message>
    <message>
      <source>Dask-Scheduler (Adresse, z. B. tcp://rechner:8786; leer: dieser Rechner)</source>
      <translation>Dask scheduler (address, e.g. tcp://host:8786; empty: this computer)</translation>
    </message>
    <message>
      <source>Arbeitsordner zum Fortsetzen (leer: kein Fortsetzen)</source>
      <translation>Run folder to resume from (empty: no resuming)</translation>
    </message>
    <message>
      <source>Eigene Layoutvorlage für den Atlas (.qpt)</source>
      <translation>Own layout template for the atlas (.qpt)</translation>
    </message>
    <message>
      <source>Logo für den Atlas (SVG, PNG oder JPEG)</source>
      <translation>Logo for the atlas (SVG, PNG or JPEG)</translation>
    </message>
    <message>
      <source>Gemeinden</source>
      <translation>Municipalities</translation>
    </message>
    <message>
      <source>Gemeindegrenzen</source>
      <translation>Municipal boundaries</translation>
    </message>
    <message>
      <source>Flächenkulisse und Kennzahlen</source>
      <translation>Eligible land and indicators</translation>
    </message>
    <message>
      <source>Windparks auf den geeigneten Flächen</source>
      <translation>Wind parks on the eligible land</translation>
    </message>
    <message>
      <source>PV-Anlagen auf den geeigneten Flächen</source>
      <translation>PV plants on the eligible land</translation>
    </message>
    <message>
      <source>Gemeindename</source>
      <translation>Municipality name</translation>
    </message>
    <message>
      <source>Kriterienkataloge</source>
      <translation>Criteria catalogs</translation>
    </message>
    <message>
      <source>Ausgewiesene Windenergiegebiete (Regionalplan, FNP)</source>
      <translation>Designated wind areas (regional, land-use plans)</translation>
    </message>
    <message>
      <source>Erträge je Gemeinde berechnen</source>
      <translation>Compute yields per municipality</translation>
    </message>
    <message>
      <source>Anlagentyp der Windparks (Nabenhöhe wie oben)</source>
      <translation>Turbine type of the wind parks (hub height as above)</translation>
    </message>
    <message>
      <source>Eigene Windgeschwindigkeit je Gemeinde (Feld, m/s)</source>
      <translation>Own wind speed per municipality (field, m/s)</translation>
    </message>
    <message>
      <source>Windgeschwindigkeit als Raster (m/s, vor Feld und Wert)</source>
      <translation>Wind speed as a raster (m/s, before field and value)</translation>
    </message>
    <message>
      <source>Geeignete Flächen bewerten (Schema je Technologie)</source>
      <translation>Score the eligible land (a scheme per technology)</translation>
    </message>
    <message>
      <source>Eigenes Bewertungsschema Wind (JSON; leer: Beispielschema)</source>
      <translation>Own scoring scheme for wind (JSON; empty: the example scheme)</translation>
    </message>
    <message>
      <source>Eigenes Bewertungsschema PV (JSON; leer: Beispielschema)</source>
      <translation>Own scoring scheme for PV (JSON; empty: the example scheme)</translation>
    </message>
    <message>
      <source>Gebäude mit Wärmebedarf (aus „Wärmebedarf Gebäude“)</source>
      <translation>Buildings with heat demand (from “Building heat demand”)</translation>
    </message>
    <message>
      <source>Straßenabschnitte (für die Wärmeliniendichte)</source>
      <translation>Street sections (for the heat line density)</translation>
    </message>
    <message>
      <source>Basisjahr der Kennzahlen aus der Gemeindestatistik</source>
      <translation>Base year of the indicators from the municipal statistics</translation>
    </message>
    <message>
      <source>Geeignete Flächen aller Gemeinden</source>
      <translation>Eligible land of all municipalities</translation>
    </message>
    <message>
      <source>Windflächenbilanz der Region</source>
      <translation>Wind-area ledger of the region</translation>
    </message>
    <message>
      <source>Kennzahlen je Gemeinde</source>
      <translation>Indicators per municipality</translation>
    </message>
    <message>
      <source>Windenergieanlagen aller Gemeinden (mit Erträgen)</source>
      <translation>Wind turbines of all municipalities (with yields)</translation>
    </message>
    <message>
      <source>Eignung für Wärmenetze aller Gemeinden</source>
      <translation>Heat network suitability of all municipalities</translation>
    </message>
    <message>
      <source>Robustheit der Windflächen aller Gemeinden</source>
      <translation>Robustness of the wind land of all municipalities</translation>
    </message>
    <message>
      <source>Zukunftsprofile der Gemeinden (Ordner; leer: keine)</source>
      <translation>Future profiles of the municipalities (folder; empty: none)</translation>
    </message>
    <message>
      <source>Atlas der Region (PDF, eine Seite je Gemeinde)</source>
      <translation>Atlas of the region (PDF, one page per municipality)</translation>
    </message>
    <message>
      <source>Atlas als QGIS-Projekt für den Layout-Designer (.qgz)</source>
      <translation>Atlas as a QGIS project for the layout designer (.qgz)</translation>
    </message>
    <message>
      <source>QGIS-Projekte (*.qgz)</source>
      <translation>QGIS projects (*.qgz)</translation>
    </message>
    <message>
      <source>Berechnete Gemeinden</source>
      <translation>Municipalities computed</translation>
    </message>
    <message>
      <source>Gescheiterte Gemeinden</source>
      <translation>Municipalities failed</translation>
    </message>
    <message>
      <source>Bitte mindestens einen Kriterienkatalog wählen.</source>
      <translation>Please choose at least one criteria catalog.</translation>
    </message>
    <message>
      <source>Ohne Straßenabschnitte keine Wärmeliniendichte: die Eignung für Wärmenetze folgt allein aus der Wärmedichte.</source>
      <translation>Without street sections no heat line density: the heat network suitability follows from the heat density alone.</translation>
    </message>
    <message>
      <source>Ausgewiesene Windenergiegebiete</source>
      <translation>Designated wind energy areas</translation>
    </message>
    <message>
      <source>Robustheit der Windflächen</source>
      <translation>Robustness of the wind land</translation>
    </message>
    <message>
      <source>Treibhausgase je Einwohner (Schätzung)</source>
      <translation>Greenhouse gases per inhabitant (estimate)</translation>
    </message>
    <message>
      <source>Wind heute je km²</source>
      <translation>Wind today per km²</translation>
    </message>
    <message>
      <source>PV heute je km²</source>
      <translation>PV today per km²</translation>
    </message>
    <message>
      <source>Kriterien: {catalogs}; Flächenziele: WindBG, § 9a LEntwG LSA; Statistik: {statistics}</source>
      <translation>Criteria: {catalogs}; area targets: WindBG, § 9a LEntwG LSA; statistics: {statistics}</translation>
    </message>
    <message>
      <source>Varianten gelten für den Katalog Windenergie; bitte ihn wählen.</source>
      <translation>Variants apply to the wind energy catalog; please choose it.</translation>
    </message>
    <message>
      <source>{catalog} {area} ha</source>
      <translation>{catalog} {area} ha</translation>
    </message>
    <message>
      <source>Windgeschwindigkeit aus dem Raster „{name}“.</source>
      <translation>Wind speed from the raster “{name}”.</translation>
    </message>
    <message>
      <source>Das Atlas-Projekt braucht den Atlas der Region (PDF).</source>
      <translation>The atlas project needs the atlas of the region (PDF).</translation>
    </message>
    <message>
      <source>beste</source>
      <translation>best</translation>
    </message>
    <message>
      <source>Klasse A</source>
      <translation>class A</translation>
    </message>
    <message>
      <source>ausgewiesen (Wind)</source>
      <translation>designated (wind)</translation>
    </message>
    <message>
      <source>geeignet, noch nicht ausgewiesen</source>
      <translation>eligible, not yet designated</translation>
    </message>
    <message>
      <source>Rang in der Region</source>
      <translation>Rank in the region</translation>
    </message>
    <message>
      <source>Wärmebedarf der Gebäude</source>
      <translation>Heat demand of the buildings</translation>
    </message>
    <message>
      <source>für Wärmenetze geeignet (Stufe 1–2)</source>
      <translation>suited for heat networks (levels 1–2)</translation>
    </message>
    <message>
      <source>Für die Robustheit der Windflächen bitte Varianten in die Variantentabelle eintragen.</source>
      <translation>For the robustness of the wind land, please enter variants in the variants table.</translation>
    </message>
    <message>
      <source> ({energy} GWh/a)</source>
      <translation> ({energy} GWh/a)</translation>
    </message>
    <message>
      <source>{count} Gemeinden, {where}.</source>
      <translation>{count} municipalities, {where}.</translation>
    </message>
    <message>
      <source>Mittlere Windgeschwindigkeit in {height:g} m (m/s)</source>
      <translation>Mean wind speed at {height:g} m (m/s)</translation>
    </message>
    <message>
      <source>Die Abstände gelten für {distances:g} m Rotordurchmesser, die Erträge für den Anlagentyp {type} mit {rotor:g} m.</source>
      <translation>The distances apply to a rotor diameter of {distances:g} m, the yields to the turbine type {type} with {rotor:g} m.</translation>
    </message>
    <message>
      <source>Den Gebäuden fehlen die Felder {fields} von „Wärmebedarf Gebäude“; bitte zuerst diesen Schritt ausführen.</source>
      <translation>The buildings lack the fields {fields} of “Building heat demand”; please run that step first.</translation>
    </message>
    <message>
      <source>Kein Zukunftsprofil (nicht in der Gemeindestatistik): {names}</source>
      <translation>No future profile (not in the municipal statistics): {names}</translation>
    </message>
    <message>
      <source>{file} gibt es schon mit anderen Daten ({tables}); bitte einen anderen Namen für das Atlas-Projekt wählen.</source>
      <translation>{file} already exists with other data ({tables}); please choose another name for the atlas project.</translation>
    </message>
    <message>
      <source>Bewertung</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>darauf</source>
      <translation>on it</translation>
    </message>
    <message>
      <source>{name} ({key}): {areas}; {how}</source>
      <translation>{name} ({key}): {areas}; {how}</translation>
    </message>
    <message>
      <source>Keine Gebäude mit Wärmebedarf in {count} Gemeinde(n); ihr Wärmebedarf folgt der Gemeindestatistik: {names}</source>
      <translation>No buildings with heat demand in {count} municipality(ies); their heat demand follows the municipal statistics: {names}</translation>
    </message>
    <message>
      <source>Das Bewertungsschema „{title}“ bewertet Felder von Standorten ({fields}); im Lauf über die Region haben die Flächen nur Rollen (Abstand, Anteil, Mittel, Fläche, Kompaktheit).</source>
      <translation>The scoring scheme “{title}” scores fields of sites ({fields}); in the run over the region the land has roles only (distance, share, mean, area, compactness).</translation>
    </message>
    <message>
      <source>{name}: das Windraster reicht nicht bis zu dieser Gemeinde; ihre Windparks bleiben ohne Ertrag.</source>
      <translation>{name}: the wind raster does not reach this municipality; its wind parks get no yield.</translation>
    </message>
    <message>
      <source>geeignet {technology}</source>
      <translation>eligible {technology}</translation>
    </message>
    <message>
      <source>Zukunftsprofil {name}: {file}</source>
      <translation>Future profile {name}: {file}</translation>
    </message>
    <message>
      <source>nacheinander</source>
      <translation>one after the other</translation>
    </message>
    <message>
      <source>{name} ({key}): {error}</source>
      <translation>{name} ({key}): {error}</translation>
    </message>
    <message>
      <source>aus dem Arbeitsordner</source>
      <translation>from the run folder</translation>
    </message>
    <message>
      <source>{catalog}: „{label}“ nicht bewertet, keine Restriktionsebene passt; es gilt die Regel für fehlende Werte „{policy}“.</source>
      <translation>{catalog}: “{label}” not assessed, no constraint layer fits; the rule for missing values “{policy}” applies.</translation>
    </message>
    <message>
      <source>„{input}“ gilt nur mit Gebäuden mit Wärmebedarf; ohne sie bleibt es unbeachtet.</source>
      <translation>“{input}” applies only with buildings with heat demand; without them it is ignored.</translation>
    </message>
    <message>
      <source>Das Projekt {file} konnte nicht geschrieben werden: {error}</source>
      <translation>The project {file} could not be written: {error}</translation>
    </message>
    <message>
      <source>auf dem Dask-Cluster {address}</source>
      <translation>on the Dask cluster {address}</translation>
    </message>
    <message>
      <source>{catalog}: „{label}“ aus „{layer}“</source>
      <translation>{catalog}: “{label}” from “{layer}”</translation>
    </message>
    <message>
      <source>des Bedarfs</source>
      <translation>of the demand</translation>
    </message>
    <message>
      <source>in {workers} Prozessen</source>
      <translation>in {workers} processes</translation>
    </message>
    <message>
      <source>{seconds} s</source>
      <translation>{seconds} s</translation>
    </message>
    <message>
      <source>Rechnet einen Lauf aus dem Laufregister (Tabelle wip_laeufe einer Ergebnis-GeoPackage-Datei oder eines Datenbankschemas) mit seinen Parametern und Eingaben noch einmal und vergleicht jedes Ergebnis mit der Tabelle, die er damals geschrieben hat: Zahl der Objekte, Fläche, die Fläche, die sich geändert hat, und die größte Änderung eines Werts. Eingaben, die sich seit dem Lauf geändert haben (Prüfsumme), werden genannt. Ohne Lauf-ID wird der jüngste erfolgreiche Lauf wiederholt. Die Wiederholung schreibt nichts in die Tabellen des Laufs; ihr eigener Eintrag steht im Register des Vergleichs.</source>
      <translation>Computes a run of the run register (table wip_laeufe of a result GeoPackage or a database schema) again with its parameters and inputs and compares each result with the table it wrote then: feature count, area, the area that changed and the largest change of a value. Inputs that changed since the run (checksum) are named. Without a run id, the latest successful run is repeated. The repetition writes nothing into the run's tables; its own entry is in the register of the comparison.</translation>
    </message>
    <message>
      <source>Lauf-ID (leer: der jüngste Lauf)</source>
      <translation>Run id (empty: the latest run)</translation>
    </message>
    <message>
      <source>Vergleich mit dem gespeicherten Lauf</source>
      <translation>Comparison with the stored run</translation>
    </message>
    <message>
      <source>Gleiches Ergebnis</source>
      <translation>Same result</translation>
    </message>
    <message>
      <source>Gleiches Ergebnis.</source>
      <translation>Same result.</translation>
    </message>
    <message>
      <source>Das Ergebnis weicht ab (siehe Vergleich).</source>
      <translation>The result differs (see the comparison).</translation>
    </message>
    <message>
      <source>Das Laufregister enthält keinen erfolgreichen Lauf.</source>
      <translation>The run register holds no successful run.</translation>
    </message>
    <message>
      <source>Lauf {run} ({algorithm}, {started}) wird wiederholt.</source>
      <translation>Repeating run {run} ({algorithm}, {started}).</translation>
    </message>
    <message>
      <source>Die gespeicherte Tabelle ist nicht mehr lesbar.</source>
      <translation>The stored table can no longer be read.</translation>
    </message>
    <message>
      <source>Die Wiederholung hat dieses Ergebnis nicht geschrieben.</source>
      <translation>The repetition did not write this result.</translation>
    </message>
    <message>
      <source>Laufregister (Tabelle {table})</source>
      <translation>Run register (table {table})</translation>
    </message>
    <message>
      <source>Den Algorithmus {algorithm} des Laufs gibt es hier nicht.</source>
      <translation>The run's algorithm {algorithm} is not available here.</translation>
    </message>
    <message>
      <source>Die Eingabe „{input}“ hat sich seit dem Lauf geändert.</source>
      <translation>The input “{input}” has changed since the run.</translation>
    </message>
    <message>
      <source>Bitte die Tabelle {table} eines Laufregisters wählen.</source>
      <translation>Please choose the table {table} of a run register.</translation>
    </message>
    <message>
      <source>Eingaben geändert: {inputs}</source>
      <translation>Inputs changed: {inputs}</translation>
    </message>
    <message>
      <source>Im Laufregister gibt es keinen Lauf {run}.</source>
      <translation>The run register has no run {run}.</translation>
    </message>
    <message>
      <source>Der Lauf {run} ist nicht erfolgreich beendet worden; es gibt kein Ergebnis zum Vergleichen.</source>
      <translation>Run {run} did not finish successfully; there is no result to compare with.</translation>
    </message>
    <message>
      <source>Berechnet das Solarpotenzial der Dächer: je Dachfläche und Gebäude die nutzbare Fläche, die installierbare Leistung (kWp), den Jahresertrag (MWh/a) und die Eignung (sehr gut, gut, geeignet, ungeeignet), dazu die Summen je Gemeinde.

Mit 3D-Gebäudemodellen (LoD2, CityGML 1.0 oder 2.0 der Vermessungsverwaltung, eine Datei oder ein Ordner mit Kacheln) zählt jede Dachfläche mit ihrer wahren Fläche, Neigung und Ausrichtung; nutzbar ist die Fläche nach dem Randabstand, gemessen in der Dachebene; kleine Flächen (Gauben, Erker) fallen heraus. Flachdächer tragen nach Süden aufgeständerte Reihen.

Ohne LoD2 rechnet die gröbere Methode mit den Gebäudegrundrissen (ALKIS): Dachform aus dem Feld „dachform“ (1000 = Flachdach), sonst nach der Gebäudefunktion (Wohngebäude geneigt, andere flach), mit festen Annahmen zu Neigung und nutzbarem Anteil; die Ausrichtung ist dann unbekannt.

Der spezifische Ertrag ist der Ertrag der besten Ausrichtung mal dem Ausrichtungsfaktor der Fläche (Einstrahlung auf die geneigte Ebene im Verhältnis zur besten Ebene, isotropes Himmelsmodell). Alle Annahmen stehen mit Quelle und Status in resources/yield/rooftop_pv.json und im Handbuch. Mit einer Wetterdatei (EPW oder TMY3) simuliert pvlib, wenn installiert, den Ertrag jeder Dachneigung und -ausrichtung.

Denkmäler und Denkmalbereiche (Flächen) markieren die Gebäude darin (Feld „monument“) oder schließen sie aus. Die Summen je Gemeinde ordnen jedes Gebäude der Gemeindefläche zu, in der es liegt, sonst dem Gemeindeschlüssel des Gebäudemodells; die Summen je Block (optional) den Baublöcken oder 100-m-Zellen.

Bestehende Dachanlagen aus dem Marktstammdatenregister (Einheiten in Betrieb, Energieträger Solare Strahlungsenergie, Lage „Bauliche Anlagen (Hausdach, Gebäude und Fassade)“) werden abgezogen: auf dem Gebäude, auf dem sie liegen, sonst – kleine Anlagen veröffentlicht das Register ohne Koordinaten – in der Summe der Gemeinde mit ihrem Gemeindeschlüssel. Die Felder „remaining“ nennen das verbleibende Potenzial.</source>
      <translation>Computes the solar potential of roofs: per roof surface and building the usable area, the installable capacity (kWp), the annual yield (MWh/a) and the suitability (very good, good, suitable, unsuitable), and the totals per municipality.

With 3D building models (LoD2, CityGML 1.0 or 2.0 of the surveying offices, one file or a folder of tiles) each roof surface counts with its true area, tilt and orientation; usable is the area after the edge setback, measured in the roof's plane; small surfaces (dormers, bays) drop out. Flat roofs carry rows elevated to the south.

Without LoD2 the coarser method works from the building footprints (ALKIS): roof form from the field “dachform” (1000 = flat roof), else by the building function (residential pitched, others flat), with fixed assumptions on tilt and usable share; the orientation is then unknown.

The specific yield is the yield of the best orientation times the surface's orientation factor (irradiation on the tilted plane relative to the best plane, isotropic sky model). All assumptions are given with source and status in resources/yield/rooftop_pv.json and in the manual. With a weather file (EPW or TMY3) pvlib, when installed, simulates the yield of each roof tilt and orientation.

Monuments and heritage areas (polygons) mark the buildings in them (field “monument”) or exclude them. The totals per municipality assign each building to the municipality area it lies in, else to the municipality key of the building model; the sums per block (optional) to the blocks or 100 m cells.

Existing rooftop plants of the Marktstammdatenregister (units in operation, energy carrier solar radiation, location “Bauliche Anlagen (Hausdach, Gebäude und Fassade)”) are subtracted: on the building they lie on, else – the register publishes small plants without coordinates – in the total of the municipality of their key. The fields “remaining” give the potential that is left.</translation>
    </message>
    <message>
      <source>sehr gut</source>
      <translation>very good</translation>
    </message>
    <message>
      <source>gut</source>
      <translation>good</translation>
    </message>
    <message>
      <source>ungeeignet</source>
      <translation>unsuitable</translation>
    </message>
    <message>
      <source>3D-Gebäudemodell LoD2 (CityGML-Datei)</source>
      <translation>3D building model LoD2 (CityGML file)</translation>
    </message>
    <message>
      <source>Ordner mit LoD2-Kacheln (alle .gml/.xml darin)</source>
      <translation>Folder of LoD2 tiles (every .gml/.xml in it)</translation>
    </message>
    <message>
      <source>Gebäudegrundrisse (ohne LoD2; gröbere Methode)</source>
      <translation>Building footprints (without LoD2; coarser method)</translation>
    </message>
    <message>
      <source>Dachform (ALKIS-Schlüssel; ohne Angabe: Feld „dachform“)</source>
      <translation>Roof form (ALKIS code; if not given: field “dachform”)</translation>
    </message>
    <message>
      <source>Gebäudefunktion (ALKIS-Schlüssel; ohne Angabe: Feld „gebaeudefunktion“)</source>
      <translation>Building function (ALKIS code; if not given: field “gebaeudefunktion”)</translation>
    </message>
    <message>
      <source>Denkmäler und Denkmalbereiche</source>
      <translation>Monuments and heritage areas</translation>
    </message>
    <message>
      <source>Denkmäler ausschließen (sonst nur markieren)</source>
      <translation>Exclude monuments (otherwise only mark them)</translation>
    </message>
    <message>
      <source>Bestehende Anlagen (Marktstammdatenregister)</source>
      <translation>Existing plants (Marktstammdatenregister)</translation>
    </message>
    <message>
      <source>Gemeinden (für die Summen)</source>
      <translation>Municipalities (for the totals)</translation>
    </message>
    <message>
      <source>Gemeindename oder -schlüssel (ohne Angabe: Feld „ags“ oder „gen“)</source>
      <translation>Municipality name or key (if not given: field “ags” or “gen”)</translation>
    </message>
    <message>
      <source>Baublöcke (für die Summen je Block; ohne: 100-m-Zellen)</source>
      <translation>Blocks (for the sums per block; without: 100 m cells)</translation>
    </message>
    <message>
      <source>Dachflächen</source>
      <translation>Roof surfaces</translation>
    </message>
    <message>
      <source>Gebäude mit Solarpotenzial</source>
      <translation>Buildings with solar potential</translation>
    </message>
    <message>
      <source>Solarpotenzial je Gemeinde</source>
      <translation>Solar potential per municipality</translation>
    </message>
    <message>
      <source>Solarpotenzial je Block</source>
      <translation>Solar potential per block</translation>
    </message>
    <message>
      <source>Bitte ein 3D-Gebäudemodell (LoD2-Datei oder -Ordner) oder eine Ebene mit Gebäudegrundrissen angeben.</source>
      <translation>Please give a 3D building model (LoD2 file or folder) or a layer of building footprints.</translation>
    </message>
    <message>
      <source>Das Gebäudemodell enthält keine Dachflächen (bldg:RoofSurface) – ist es ein LoD2-Modell?</source>
      <translation>The building model holds no roof surfaces (bldg:RoofSurface) – is it an LoD2 model?</translation>
    </message>
    <message>
      <source>Grundriss (grob)</source>
      <translation>Footprint (coarse)</translation>
    </message>
    <message>
      <source>außerhalb der Gemeinden</source>
      <translation>outside the municipalities</translation>
    </message>
    <message>
      <source>gesamt</source>
      <translation>total</translation>
    </message>
    <message>
      <source>pvlib: {hours} Stundenwerte, Systemverluste {losses:g} %, bei {lat:.2f}° N, {lon:.2f}° O.</source>
      <translation>pvlib: {hours} hourly values, system losses {losses:g} %, at {lat:.2f}° N, {lon:.2f}° E.</translation>
    </message>
    <message>
      <source>Dachflächen gibt es nur mit einem LoD2-Modell; die Ausgabe bleibt leer.</source>
      <translation>Roof surfaces come only with an LoD2 model; the output stays empty.</translation>
    </message>
    <message>
      <source>{buildings} Gebäude mit {roofs} Dachflächen aus {files} Datei(en).</source>
      <translation>{buildings} buildings with {roofs} roof surfaces from {files} file(s).</translation>
    </message>
    <message>
      <source>Gröbere Methode aus den Grundrissen: {flat} Flachdächer, {pitched} geneigte Dächer (Dachform aus {form}, sonst aus {use}).</source>
      <translation>Coarser method from the footprints: {flat} flat roofs, {pitched} pitched roofs (roof form from {form}, else from {use}).</translation>
    </message>
    <message>
      <source>{count} Gebäude liegen in einem Denkmal oder Denkmalbereich ({what}).</source>
      <translation>{count} buildings lie in a monument or heritage area ({what}).</translation>
    </message>
    <message>
      <source>Marktstammdatenregister: {count} Dachanlage(n) mit {mw} MWp, davon {placed} auf einem Gebäude; die übrigen zählen in der Summe ihrer Gemeinde.</source>
      <translation>Marktstammdatenregister: {count} rooftop unit(s) with {mw} MWp, {placed} of them on a building; the others count in the total of their municipality.</translation>
    </message>
    <message>
      <source>{count} Gebäude: {kinds}; zusammen {mwp:,.2f} MWp, {gwh:,.2f} GWh/a.</source>
      <translation>{count} buildings: {kinds}; together {mwp:,.2f} MWp, {gwh:,.2f} GWh/a.</translation>
    </message>
    <message>
      <source>Mit dem LoD2-Modell bleiben die Gebäudegrundrisse unbeachtet.</source>
      <translation>With the LoD2 model the building footprints are not used.</translation>
    </message>
    <message>
      <source>Das Gebäudemodell nennt kein Koordinatensystem; angenommen: EPSG:{code}.</source>
      <translation>The building model names no coordinate system; assumed: EPSG:{code}.</translation>
    </message>
    <message>
      <source>Das Gebäudemodell liegt in EPSG:{code}; Flächen und Neigungen brauchen ein projiziertes KBS in Metern wie EPSG:25832.</source>
      <translation>The building model is in EPSG:{code}; areas and tilts need a projected CRS in metres such as EPSG:25832.</translation>
    </message>
    <message>
      <source>keinem Feld</source>
      <translation>no field</translation>
    </message>
    <message>
      <source>markiert, Feld „monument“</source>
      <translation>marked, field “monument”</translation>
    </message>
    <message>
      <source>„{layer}“ hat kein Feld „Lage“: Dach- und Freiflächenanlagen sind nicht zu unterscheiden, bestehende Anlagen werden nicht abgezogen.</source>
      <translation>“{layer}” has no field “Lage”: rooftop and ground-mounted units cannot be told apart, existing plants are not subtracted.</translation>
    </message>
    <message>
      <source>{count} Dachanlage(n) des Registers ({mw} MWp) liegen auf keinem Gebäude und ihr Gemeindeschlüssel ist keine der Summen: nicht abgezogen.</source>
      <translation>{count} rooftop unit(s) of the register ({mw} MWp) lie on no building and their municipality key is none of the totals: not subtracted.</translation>
    </message>
    <message>
      <source>{count} Gebäude liegen in keinem Block und fehlen in den Summen je Block.</source>
      <translation>{count} buildings lie in no block and are missing from the sums per block.</translation>
    </message>
    <message>
      <source>Lauf {run} im Laufregister in {store} eingetragen.</source>
      <translation>Run {run} entered in the run register in {store}.</translation>
    </message>
    <message>
      <source>Der Lauf konnte nicht ins Laufregister in {store} eingetragen werden: {error}</source>
      <translation>The run could not be entered in the run register in {store}: {error}</translation>
    </message>
    <message>
      <source>Schreibt einen Kriterienkatalog oder ein Bewertungsschema (JSON) als Datei für eine andere Gemeinde: geprüft wie beim Einlesen und mit der Herkunft (Gemeinde, Gemeindeschlüssel, Tag). Die andere Gemeinde wählt die Datei als eigenen Katalog oder eigenes Schema; ihr Titel nennt dann überall, woher sie stammt (Ergebnisse, Bericht, Quellenverzeichnis). Eine Datei, die schon eine Herkunft hat, behält sie. Maßnahmenkataloge teilt „Maßnahmenkatalog teilen“.</source>
      <translation>Writes a criteria catalog or a scoring scheme (JSON) as a file for another municipality: checked as when it is read, and with its origin (municipality, municipality key, day). The other municipality chooses the file as its own catalog or scheme; its title then says everywhere where it comes from (results, report, register of sources). A file that already has an origin keeps it. Measures catalogues are shared by "Share measures catalogue".</translation>
    </message>
    <message>
      <source>Kriterienkatalog oder Bewertungsschema (JSON)</source>
      <translation>Criteria catalog or scoring scheme (JSON)</translation>
    </message>
    <message>
      <source>Geteilte Datei (JSON)</source>
      <translation>Shared file (JSON)</translation>
    </message>
    <message>
      <source>Die Datei hat schon eine Herkunft; sie bleibt.</source>
      <translation>The file already has an origin; it stays.</translation>
    </message>
    <message>
      <source>{file}: weder Kriterienkatalog („{catalog}“) noch Bewertungsschema („{scheme}“).</source>
      <translation>{file}: neither a criteria catalog ("{catalog}") nor a scoring scheme ("{scheme}").</translation>
    </message>
    <message>
      <source>Berechnet je Standort die Kriterienwerte für die Bewertung: dist_‹Ebene›_m – Abstand zum nächsten Objekt (z. B. Umspannwerk, 110-kV-Leitung, Siedlung, Straße); share_‹Ebene› – überdeckter Anteil 0–1 (z. B. Schutzgebiet, Wald, Bergbaufolgefläche, privilegierter Korridor; &gt; 0 heißt: liegt darin); mean_‹Feld› – flächengewichteter Mittelwert eines Attributs (z. B. Ackerzahl); ‹Raster›_mean/_min/_max – Zonenstatistik der Zellen, deren Mittelpunkt im Standort liegt (Band 1); area_ha und compactness (4πA/U²). Alles metrisch im KBS der Standorte (geografische Eingaben: EPSG:25832); Raster in einem anderen KBS werden in ihrem eigenen KBS ausgewertet, die Standorte dafür umprojiziert.</source>
      <translation>Computes per site the criterion values for the evaluation: dist_‹layer›_m – distance to the nearest feature (e.g. substation, 110 kV line, settlement, road); share_‹layer› – covered share 0–1 (e.g. protected area, forest, post-mining land, privileged corridor; &gt; 0 means: lies in it); mean_‹field› – area-weighted mean of an attribute (e.g. Ackerzahl soil quality); ‹raster›_mean/_min/_max – zonal statistics of the cells whose centre lies in the site (band 1); area_ha and compactness (4πA/P²). All metric in the CRS of the sites (geographic input: EPSG:25832); rasters in another CRS are evaluated in their own CRS, with the sites reprojected to it.</translation>
    </message>
    <message>
      <source>Abstand zum nächsten Objekt von</source>
      <translation>Distance to the nearest feature of</translation>
    </message>
    <message>
      <source>Überdeckter Anteil durch</source>
      <translation>Share covered by</translation>
    </message>
    <message>
      <source>Flächengewichteter Mittelwert aus Ebene</source>
      <translation>Area-weighted mean from layer</translation>
    </message>
    <message>
      <source>… des Feldes</source>
      <translation>… of the field</translation>
    </message>
    <message>
      <source>Zonenstatistik der Raster</source>
      <translation>Zonal statistics of the rasters</translation>
    </message>
    <message>
      <source>Standorte mit Kriterien</source>
      <translation>Sites with criteria</translation>
    </message>
    <message>
      <source>Standorte ohne Geometrie können nicht bewertet werden.</source>
      <translation>Sites without geometry cannot be evaluated.</translation>
    </message>
    <message>
      <source>Für den Mittelwert fehlt das Feld.</source>
      <translation>The field for the mean is missing.</translation>
    </message>
    <message>
      <source>Das Feld „{field}“ von „{layer}“ ist kein Zahlenfeld ({kind}); ein Flächenmittel braucht Zahlen.</source>
      <translation>The field “{field}” of “{layer}” is not numeric ({kind}); an area-weighted mean needs numbers.</translation>
    </message>
    <message>
      <source>Bewertet Standorte nach einem Bewertungsschema (JSON): je Kriterium ein Feld der Standortebene oder eine Rolle (z. B. Abstand zum Umspannwerk), deren Feld aus „Standortkriterien berechnen“ am Namen erkannt wird (dist_‹Ebene›_m, share_‹Ebene›, mean_‹Feld›, area_ha, compactness; eine Rolle ohne Feld bleibt unbewertet und folgt der Regel für fehlende Werte), eine Wertfunktion (linear Nutzen/Kosten, Schwellen, stückweise linear, Idealpunkt) und ein Gewicht, oder ein AHP-Paarvergleich (Saaty-Skala; bei einem Konsistenzverhältnis CR &gt; 0,10 bricht die Bewertung ab, außer die Inkonsistenz wird ausdrücklich zugelassen). Verfahren: gewichtete Summe (wlc) oder TOPSIS. Fehlende Werte: schlechtester Wert, Mittelwert der anderen Standorte oder keine Bewertung.

Ergebnis: alle Felder der Standorte plus score (0–100), rank (1 = bester), class (A/B/C), missing (Kriterien ohne Wert) und je Kriterium c_‹Feld oder Kennung›, der Beitrag zum score in Punkten.</source>
      <translation>Scores sites by a scoring scheme (JSON): per criterion a field of the site layer or a role (e.g. distance to the substation) whose field from “Compute site criteria” is recognised by its name (dist_‹layer›_m, share_‹layer›, mean_‹field›, area_ha, compactness; a role without a field stays unassessed and follows the missing-value rule), a value function (linear benefit/cost, thresholds, piecewise linear, ideal point) and a weight, or an AHP pairwise comparison (Saaty scale; with a consistency ratio CR &gt; 0.10 the scoring stops unless the inconsistency is explicitly accepted). Method: weighted sum (wlc) or TOPSIS. Missing values: worst value, mean of the other sites or no score.

Result: all fields of the sites plus score (0–100), rank (1 = best), class (A/B/C), missing (criteria without a value) and per criterion c_‹field or id›, the contribution to the score in points.</translation>
    </message>
    <message>
      <source>Bewertungsschema (JSON)</source>
      <translation>Scoring scheme (JSON)</translation>
    </message>
    <message>
      <source>Inkonsistenten Paarvergleich (CR &gt; 0,10) zulassen</source>
      <translation>Accept an inconsistent pairwise comparison (CR &gt; 0.10)</translation>
    </message>
    <message>
      <source>AHP: λmax = {lam:.3f}, CR = {cr:.3f}</source>
      <translation>AHP: λmax = {lam:.3f}, CR = {cr:.3f}</translation>
    </message>
    <message>
      <source>{label} ({field}): Gewicht {weight:.3f}</source>
      <translation>{label} ({field}): weight {weight:.3f}</translation>
    </message>
    <message>
      <source>„{label}“ nicht bewertet: kein Feld der Standorte passt (Standortkriterien mit einer Ebene dafür berechnen); es gilt die Regel für fehlende Werte „{policy}“.</source>
      <translation>“{label}” not assessed: no field of the sites fits (compute the site criteria with a layer for it); the missing-value rule “{policy}” applies.</translation>
    </message>
    <message>
      <source>{count} Standort(e) mit fehlenden Werten, Regel: {policy}.</source>
      <translation>{count} site(s) with missing values, rule: {policy}.</translation>
    </message>
    <message>
      <source>Prüft, wie stark die Rangfolge der Standorte von den Gewichten des Bewertungsschemas abhängt. Monte-Carlo: in jedem Lauf wird jedes Gewicht mit einem log-normalen Faktor (Streuung σ) multipliziert; je Standort folgen mittlerer Rang, 5–95-%-Rangspanne und die Wahrscheinlichkeit, unter den besten k zu sein. Einzeländerung: jedes Gewicht allein um ± Streuung; die Tabelle nennt die mittlere Rangänderung je Kriterium. Mit demselben Startwert ist das Ergebnis wiederholbar.</source>
      <translation>Checks how strongly the ranking of the sites depends on the weights of the scoring scheme. Monte Carlo: in each run every weight is multiplied by a log-normal factor (spread σ); per site follow the mean rank, the 5–95 % rank range and the probability of being among the best k. One at a time: each weight alone changes by ± spread; the table gives the mean rank change per criterion. With the same seed the result can be repeated.</translation>
    </message>
    <message>
      <source>Monte-Carlo-Läufe</source>
      <translation>Monte Carlo runs</translation>
    </message>
    <message>
      <source>Streuung der Gewichte (σ, Anteil)</source>
      <translation>Spread of the weights (σ, fraction)</translation>
    </message>
    <message>
      <source>Beste k Standorte</source>
      <translation>Best k sites</translation>
    </message>
    <message>
      <source>Startwert des Zufallsgenerators</source>
      <translation>Random seed</translation>
    </message>
    <message>
      <source>Standorte mit Rangspanne</source>
      <translation>Sites with rank range</translation>
    </message>
    <message>
      <source>Einfluss der Gewichte</source>
      <translation>Influence of the weights</translation>
    </message>
    <message>
      <source>Platziert so viele Windenergieanlagen eines Typs wie möglich in jede Fläche: jedes Paar mindestens eine Abstandsellipse entfernt (Standard 5 Rotordurchmesser in Hauptwindrichtung × 3 quer dazu). Gesucht wird über Gitterorientierungen und -versätze und eine Randauffüllung; das einfache Raster ab der Flächenecke ist immer dabei, das Ergebnis hat nie weniger Anlagen (Feld grid_turbines zum Vergleich). „Rotor außerhalb zulässig“: nur der Turm muss in der Fläche stehen; sonst auch die Rotorfläche (nach § 4 Abs. 3 WindBG zählen Rotor-innerhalb-Flächen nur anteilig zum Flächenbeitragswert).

Anlagentypen: die Referenzanlagen des Katalogs resources/yield/turbines.json, ein eigener Katalog (Kopie der Datei) mit Typ-ID, oder mit installiertem windpowerlib „windpowerlib:E-126/4200“.

Jahresenergie: mittlere Windgeschwindigkeit aus Raster, Feld der Flächen oder einem festen Wert in der Bezugshöhe, Potenzgesetz bis zur Nabe, Weibull-Verteilung mit dem Formparameter k, Leistungskurve, abzüglich Parkverlusten, Nichtverfügbarkeit, elektrischer Verluste und Abschaltungen (alle stehen je Fläche im Ergebnis). Vorgaben mit Quelle: resources/yield/wind_defaults.json; ohne Windgutachten rechnet das Dock mit 5,8 m/s in 150 m, typisch für das Mitteldeutsche Revier.

Fundament: jeder Turm steht mindestens den Fundamentabstand innerhalb der Fläche (Rotor-außerhalb-Flächen nach § 4 Abs. 3 WindBG: nur der Rotor darf hinausragen).

Bestehende Anlagen in oder nahe einer Fläche werden gemeldet und halten ihren Abstand; im Repowering-Modus werden sie ersetzt und der Nettozuwachs in MW und GWh/a ausgewiesen.</source>
      <translation>Places as many wind turbines of one type as possible in each area: every pair at least one spacing ellipse apart (default 5 rotor diameters along the main wind direction × 3 across it). The search runs over lattice orientations and offsets and a fill along the boundary; the plain grid from the area's corner is always among them, so the result never has fewer turbines (field grid_turbines for comparison). “Rotor may overhang”: only the tower must stand in the area; otherwise the rotor disc too (under § 4 Abs. 3 WindBG rotor-inside areas count only in part towards the area contribution target).

Turbine types: the reference turbines of the catalog resources/yield/turbines.json, an own catalog (a copy of the file) with a type id, or with windpowerlib installed “windpowerlib:E-126/4200”.

Annual energy: mean wind speed from a raster, a field of the areas or a fixed value at the reference height, power law up to the hub, Weibull distribution with shape k, power curve, less park losses, unavailability, electrical losses and curtailment (all stated per area in the result). Defaults with their sources: resources/yield/wind_defaults.json; without a wind report the dock uses 5.8 m/s at 150 m, typical of the Mitteldeutsches Revier.

Foundation: every tower stands at least the foundation distance inside the area (rotor-outside areas under § 4 Abs. 3 WindBG: only the rotor may reach beyond).

Existing turbines in or near an area are reported and keep their distance; in repowering mode they are replaced and the net gain in MW and GWh/a is reported.</translation>
    </message>
    <message>
      <source>Rotor außerhalb zulässig</source>
      <translation>Rotor outside allowed</translation>
    </message>
    <message>
      <source>Rotor innerhalb der Fläche</source>
      <translation>Rotor inside the area</translation>
    </message>
    <message>
      <source>Flächen (z. B. Flächenkulisse Wind)</source>
      <translation>Areas (e.g. the wind eligibility result)</translation>
    </message>
    <message>
      <source>Eigener Anlagenkatalog (JSON)</source>
      <translation>Own turbine catalog (JSON)</translation>
    </message>
    <message>
      <source>Typ-ID im eigenen Katalog oder windpowerlib:‹Typ›</source>
      <translation>Type id in the own catalog, or windpowerlib:‹type›</translation>
    </message>
    <message>
      <source>Nabenhöhe (m, 0 = die des Typs)</source>
      <translation>Hub height (m, 0 = the type's)</translation>
    </message>
    <message>
      <source>Abstand in Hauptwindrichtung (Rotordurchmesser)</source>
      <translation>Spacing in the main wind direction (rotor diameters)</translation>
    </message>
    <message>
      <source>Abstand quer zur Hauptwindrichtung (Rotordurchmesser)</source>
      <translation>Spacing across the main wind direction (rotor diameters)</translation>
    </message>
    <message>
      <source>Hauptwindrichtung (Grad, woher der Wind kommt)</source>
      <translation>Main wind direction (degrees, where the wind comes from)</translation>
    </message>
    <message>
      <source>Rotor außerhalb der Fläche zulässig (Rotor-out)</source>
      <translation>Rotor may overhang the area (rotor-out)</translation>
    </message>
    <message>
      <source>Mittlere Windgeschwindigkeit (m/s in Bezugshöhe, 0 = aus Raster oder Feld)</source>
      <translation>Mean wind speed (m/s at reference height, 0 = from raster or field)</translation>
    </message>
    <message>
      <source>Feld mittlere Windgeschwindigkeit (m/s)</source>
      <translation>Field mean wind speed (m/s)</translation>
    </message>
    <message>
      <source>Raster mittlere Windgeschwindigkeit (m/s)</source>
      <translation>Raster mean wind speed (m/s)</translation>
    </message>
    <message>
      <source>Bezugshöhe der Windgeschwindigkeit (m über Grund)</source>
      <translation>Reference height of the wind speed (m above ground)</translation>
    </message>
    <message>
      <source>Höhenexponent α (Potenzgesetz)</source>
      <translation>Shear exponent α (power law)</translation>
    </message>
    <message>
      <source>Weibull-Formparameter k</source>
      <translation>Weibull shape k</translation>
    </message>
    <message>
      <source>Parkverluste (Nachlauf, %)</source>
      <translation>Wake losses (%)</translation>
    </message>
    <message>
      <source>Technische Verfügbarkeit (%)</source>
      <translation>Technical availability (%)</translation>
    </message>
    <message>
      <source>Elektrische Verluste bis zum Netzverknüpfungspunkt (%)</source>
      <translation>Electrical losses up to the grid connection point (%)</translation>
    </message>
    <message>
      <source>Abschaltungen für Fledermäuse und Schall (% des Ertrags)</source>
      <translation>Curtailment for bats and noise (% of the yield)</translation>
    </message>
    <message>
      <source>Fundament: Abstand des Turms zum Flächenrand (m)</source>
      <translation>Foundation: distance of the tower from the area's edge (m)</translation>
    </message>
    <message>
      <source>Bestand: Leistung (kW)</source>
      <translation>Existing: rated power (kW)</translation>
    </message>
    <message>
      <source>Bestand: Rotordurchmesser (m)</source>
      <translation>Existing: rotor diameter (m)</translation>
    </message>
    <message>
      <source>Bestand: Nabenhöhe (m)</source>
      <translation>Existing: hub height (m)</translation>
    </message>
    <message>
      <source>Bestand: gilt als nahe bis (m)</source>
      <translation>Existing: counts as near up to (m)</translation>
    </message>
    <message>
      <source>Repowering: Bestand in und nahe den Flächen ersetzen</source>
      <translation>Repowering: replace existing turbines in and near the areas</translation>
    </message>
    <message>
      <source>Leistung (MW)</source>
      <translation>Capacity (MW)</translation>
    </message>
    <message>
      <source>Jahresenergie netto (GWh/a)</source>
      <translation>Net annual energy (GWh/a)</translation>
    </message>
    <message>
      <source>Nettozuwachs Leistung (MW)</source>
      <translation>Net gain in capacity (MW)</translation>
    </message>
    <message>
      <source>Nettozuwachs Jahresenergie (GWh/a)</source>
      <translation>Net gain in annual energy (GWh/a)</translation>
    </message>
    <message>
      <source>Die Flächenebene enthält keine Objekte.</source>
      <translation>The area layer has no features.</translation>
    </message>
    <message>
      <source>Keine der Flächen hat eine gültige Polygongeometrie.</source>
      <translation>None of the areas has a valid polygon geometry.</translation>
    </message>
    <message>
      <source>Windgeschwindigkeit</source>
      <translation>Wind speed</translation>
    </message>
    <message>
      <source>{count} Anlagen mit {mw:.1f} MW und {gwh:.1f} GWh/a netto; das einfache Raster fände {grid}.</source>
      <translation>{count} turbines with {mw:.1f} MW and {gwh:.1f} GWh/a net; the plain grid would find {grid}.</translation>
    </message>
    <message>
      <source>keine gültige Polygongeometrie</source>
      <translation>no valid polygon geometry</translation>
    </message>
    <message>
      <source>Winddaten fehlen: bitte ein Windraster, ein Feld der Flächen oder eine mittlere Windgeschwindigkeit angeben.</source>
      <translation>Wind data missing: please give a wind raster, a field of the areas or a mean wind speed.</translation>
    </message>
    <message>
      <source>Anlagentyp: {label} ({mw:.1f} MW, Rotor {rotor:.0f} m, Nabe {hub:.0f} m)</source>
      <translation>Turbine type: {label} ({mw:.1f} MW, rotor {rotor:.0f} m, hub {hub:.0f} m)</translation>
    </message>
    <message>
      <source>{count} Anlage(n) ohne Windgeschwindigkeit (keine Daten an ihrem Standort): ohne Ertrag.</source>
      <translation>{count} turbine(s) without wind speed (no data at their position): no energy.</translation>
    </message>
    <message>
      <source>zu klein oder zu schmal für eine Anlage</source>
      <translation>too small or too narrow for a turbine</translation>
    </message>
    <message>
      <source>Bestand: kein Feld für {what} gefunden; deren Ertrag bleibt offen.</source>
      <translation>Existing turbines: no field found for {what}; their energy stays open.</translation>
    </message>
    <message>
      <source>{count} Bestandsanlage(n) in oder nahe der Fläche halten ihren Abstand</source>
      <translation>{count} existing turbine(s) in or near the area keep their distance</translation>
    </message>
    <message>
      <source>Anlagentyp „{id}“ fehlt im Katalog {file}; vorhanden: {known}.</source>
      <translation>Turbine type “{id}” is missing from the catalog {file}; available: {known}.</translation>
    </message>
    <message>
      <source>Schreibt die Flächen einer Planungsvariante (ALLOCATION von „Planungsvarianten“) oder die gewählten geeigneten Flächen der Flächenkulisse als Entwurf im Austauschstandard XPlanung 6.0 (XPlanGML):
• Änderung des Flächennutzungsplans: FP_Plan mit Gemeinde und AGS, Rechtsstand „im Verfahren“, FP_Bereich und je Fläche eine Sonderbaufläche für erneuerbare Energien (Wind mit § 2 Nr. 1 WindBG), gewerbliche Baufläche oder Wohnbaufläche;
• Regionalplan: RP_Plan (sachlicher Teilplan, Entwurf) mit Vorranggebieten für Wind- und Solarenergie.
Geltungsbereich ist das Gemeindegebiet. Die Begründung nennt je Fläche die Kriterien des Katalogs, der sie als geeignet ausweist, mit Rechtsgrundlage, Quelle, Status und Stand. Ungültige Geometrien werden repariert und gemeldet. Die Datei wird vor dem Schreiben gegen das amtliche XPlanung-Schema geprüft; was das Schema nicht erfüllt, wird nicht geschrieben.</source>
      <translation>Writes the areas of a zoning alternative (ALLOCATION of “Generate zoning alternatives”) or the selected eligible areas of the eligibility step as a draft in the exchange standard XPlanung 6.0 (XPlanGML):
• amendment of the land-use plan: FP_Plan with municipality and AGS, legal status “in procedure”, FP_Bereich and per area a special building area for renewable energies (wind with § 2 No. 1 WindBG), a commercial or a residential building area;
• regional plan: RP_Plan (thematic sub-plan, draft) with priority areas for wind and solar energy.
The plan boundary is the municipal territory. The justification names for each area the criteria of the catalog that finds it eligible, with legal basis, source, status and date. Invalid geometries are repaired and reported. The file is checked against the official XPlanung schema before it is written; what fails the schema is not written.</translation>
    </message>
    <message>
      <source>Flächen (Zuweisung einer Planungsvariante oder geeignete Flächen)</source>
      <translation>Areas (allocation of a zoning alternative or eligible areas)</translation>
    </message>
    <message>
      <source>Planungsvariante (bei einer Zuweisung)</source>
      <translation>Zoning alternative (for an allocation)</translation>
    </message>
    <message>
      <source>Nutzung der Flächen</source>
      <translation>Use of the areas</translation>
    </message>
    <message>
      <source>Gemeindegebiet (Geltungsbereich)</source>
      <translation>Municipal territory (plan boundary)</translation>
    </message>
    <message>
      <source>Amtlicher Gemeindeschlüssel (AGS)</source>
      <translation>Official municipality key (AGS)</translation>
    </message>
    <message>
      <source>Planart</source>
      <translation>Plan type</translation>
    </message>
    <message>
      <source>Name des Plans</source>
      <translation>Name of the plan</translation>
    </message>
    <message>
      <source>Eigener Kriterienkatalog (JSON, ersetzt den mitgelieferten seiner Technologie in der Begründung)</source>
      <translation>Own criteria catalog (JSON, replaces the shipped one of its technology in the justification)</translation>
    </message>
    <message>
      <source>XPlanGML-Datei</source>
      <translation>XPlanGML file</translation>
    </message>
    <message>
      <source>Bitte den Namen der Gemeinde angeben.</source>
      <translation>Please give the name of the municipality.</translation>
    </message>
    <message>
      <source>Es gibt keine Flächen zu exportieren (leere Ebene, leere Auswahl oder eine Variante ohne Flächen).</source>
      <translation>There are no areas to export (empty layer, empty selection or an alternative without areas).</translation>
    </message>
    <message>
      <source>Für einen Regionalplan gibt es keine Wind- oder Solarflächen.</source>
      <translation>There are no wind or solar areas for a regional plan.</translation>
    </message>
    <message>
      <source>Sachlicher Teilplan Windenergie und Solarenergie – Entwurf ({municipality})</source>
      <translation>Thematic sub-plan wind and solar energy – draft ({municipality})</translation>
    </message>
    <message>
      <source>{count} Flächen als XPlanGML 6.0 geschrieben und gegen das Schema geprüft: {path}</source>
      <translation>{count} areas written as XPlanGML 6.0 and checked against the schema: {path}</translation>
    </message>
    <message>
      <source>Planungsvariante {number} „{name}“</source>
      <translation>Zoning alternative {number} “{name}”</translation>
    </message>
    <message>
      <source>Die Ebene sagt nicht, welcher Nutzung ihre Flächen dienen (weder Feld use noch catalog): bitte die Nutzung wählen.</source>
      <translation>The layer does not say which use its areas serve (neither a field use nor catalog): please choose the use.</translation>
    </message>
    <message>
      <source>Änderung des Flächennutzungsplans {municipality}: Flächen für erneuerbare Energien</source>
      <translation>Amendment of the land-use plan {municipality}: areas for renewable energies</translation>
    </message>
    <message>
      <source>Änderung des Flächennutzungsplans (FP_Plan)</source>
      <translation>Amendment of the land-use plan (FP_Plan)</translation>
    </message>
    <message>
      <source>Regionalplan, sachlicher Teilplan (RP_Plan)</source>
      <translation>Regional plan, thematic sub-plan (RP_Plan)</translation>
    </message>
    <message>
      <source>Entwurf, erstellt mit dem Werkzeug „XPlanGML-Entwurf schreiben“ (Plugin WIP) aus {source}</source>
      <translation>Draft, made with the tool “Write XPlanGML draft” (plugin WIP) from {source}</translation>
    </message>
    <message>
      <source>Das XPlanGML-Dokument verletzt das XPlanung-Schema und wird nicht geschrieben:
{problems}</source>
      <translation>The XPlanGML document violates the XPlanung schema and is not written:
{problems}</translation>
    </message>
    <message>
      <source>{count} ungültige Geometrien wurden repariert.</source>
      <translation>{count} invalid geometries were repaired.</translation>
    </message>
    <message>
      <source>Für diese Nutzungen oder Kataloge der Ebene gibt es keine XPlanung-Darstellung: {values}. Bitte die Nutzung wählen.</source>
      <translation>These uses or catalogs of the layer have no XPlanung depiction: {values}. Please choose the use.</translation>
    </message>
    <message>
      <source>Ein Regionalplan nimmt nur Vorranggebiete für Wind- und Solarenergie auf: {count} Flächen anderer Nutzung bleiben draußen.</source>
      <translation>A regional plan holds only priority areas for wind and solar energy: {count} areas of other uses are left out.</translation>
    </message>
    <message>
      <source>aus der Ebene (Feld use oder Kriterienkatalog)</source>
      <translation>from the layer (field use or criteria catalog)</translation>
    </message>
    <message>
      <source>aus {count} Teilflächen</source>
      <translation>from {count} parts</translation>
    </message>
    <message>
      <source>Schreibt die Ergebnisse der Wärmeplanung als Wärmeplan im Austauschstandard XWärmeplan 0.9 der XLeitstelle:
• je Gebiet gleicher Einstufung ein voraussichtliches Wärmeversorgungsgebiet für 2030, 2035, 2040 und das Zieljahr (§ 18 WPG) mit den Eignungsstufen nach § 19 WPG für Wärmenetz, Wasserstoffnetz und dezentrale Versorgung und dem Wärmebedarf des Jahres;
• die Eignungsprüfung nach § 14 WPG (Gebiete, die für ein Wärme- oder Wasserstoffnetz sehr wahrscheinlich ungeeignet sind; beides zusammen: verkürzte Wärmeplanung);
• je Baublock vorherrschender Gebäudetyp und Baualtersklasse, je Straßenabschnitt die Wärmeliniendichte;
• mit dem Zensus-Gitter der Heizungen je Baublock die Wärmeverbrauchsdichte, der Wärmebedarf nach Energieträgern und die Wärmeerzeuger (Anteile der Gebäude je Energieträger in den Zellen des Blocks);
• die Regeln mit Rechtsgrundlage als Textabschnitte.
Eingabe ist das Ergebnis von „Eignung für Wärmenetze“. Wasserstoffnetz: Stufe 4 ohne Gasnetz in der Nähe (§ 14 Abs. 3 Nr. 1 WPG), sonst 3, mit verbindlichem Umstellungsfahrplan des Netzbetreibers 2. Dezentrale Versorgung: Gegenstufe des Wärmenetzes. Datenschutz (§ 10 Abs. 2 WPG): Wärmebedarf und Wärmeliniendichte nur, wo mindestens fünf Gebäude dahinterstehen. Der Regionalschlüssel (12 Ziffern) kommt aus dem Feld RS des Gemeindegebiets, wenn er nicht angegeben ist. Wo das amtliche Modell (xplan-tools) installiert ist, wird die Datei vor dem Schreiben dagegen geprüft.</source>
      <translation>Writes the results of the heat planning as a heat plan in the exchange standard XWärmeplan 0.9 of the XLeitstelle:
• per area of the same levels a prospective heat supply area for 2030, 2035, 2040 and the target year (§ 18 WPG) with the § 19 WPG suitability levels for heat network, hydrogen network and decentral supply and the year's heat demand;
• the suitability check of § 14 WPG (areas very likely unsuited for a heat or a hydrogen network; both together: shortened heat planning);
• per block the dominant building type and age class, per street section the heat line density;
• with the census grid of heating, per block the heat consumption density, the heat demand by energy carrier and the heat generators (shares of the buildings per carrier in the block's cells);
• the rules with their legal basis as text sections.
The input is the result of “Heat network suitability”. Hydrogen network: level 4 without a gas network nearby (§ 14 (3) no. 1 WPG), otherwise 3, with a binding conversion plan of the network operator 2. Decentral supply: the heat network's mirrored level. Privacy (§ 10 (2) WPG): heat demand and heat line density only where at least five buildings stand behind them. The regional key (12 digits) comes from the field RS of the municipal territory when it is not given. Where the official model (xplan-tools) is installed, the file is checked against it before it is written.</translation>
    </message>
    <message>
      <source>Eignungsstufe</source>
      <translation>Suitability level</translation>
    </message>
    <message>
      <source>Eignungsstufen für Wärmenetze (Baublöcke)</source>
      <translation>Suitability levels for heat networks (blocks)</translation>
    </message>
    <message>
      <source>Gasnetz in der Nähe bis (m)</source>
      <translation>Gas network nearby up to (m)</translation>
    </message>
    <message>
      <source>Verbindlicher Fahrplan des Gasnetzbetreibers zur Umstellung auf Wasserstoff liegt vor (§ 71k GEG)</source>
      <translation>A binding plan of the gas network operator to convert to hydrogen exists (§ 71k GEG)</translation>
    </message>
    <message>
      <source>Amtlicher Regionalschlüssel (12 Ziffern; leer: Feld RS des Gemeindegebiets)</source>
      <translation>Official regional key (12 digits; empty: field RS of the municipal territory)</translation>
    </message>
    <message>
      <source>Basisjahr der Datenerfassung</source>
      <translation>Base year of the data</translation>
    </message>
    <message>
      <source>Zieljahr (treibhausgasneutrale Wärmeversorgung)</source>
      <translation>Target year (greenhouse-gas-neutral heat supply)</translation>
    </message>
    <message>
      <source>Beschluss über die Durchführung der Wärmeplanung (§ 13 WPG)</source>
      <translation>Decision to carry out the heat planning (§ 13 WPG)</translation>
    </message>
    <message>
      <source>Beschluss des Wärmeplans (§ 23 WPG; beim Entwurf der geplante Tag)</source>
      <translation>Decision on the heat plan (§ 23 WPG; for a draft the planned day)</translation>
    </message>
    <message>
      <source>Vereinfachtes Verfahren (§ 22 WPG)</source>
      <translation>Simplified procedure (§ 22 WPG)</translation>
    </message>
    <message>
      <source>XWärmeplan-Datei</source>
      <translation>XWärmeplan file</translation>
    </message>
    <message>
      <source>Der Gebietsebene fehlt das Feld „level“ mit der Eignungsstufe; zuerst „Eignung für Wärmenetze“ ausführen.</source>
      <translation>The area layer lacks the field “level” with the suitability level; run “Heat network suitability” first.</translation>
    </message>
    <message>
      <source>Bitte die Tage beider Beschlüsse angeben (§ 13 und § 23 WPG).</source>
      <translation>Please give the days of both decisions (§ 13 and § 23 WPG).</translation>
    </message>
    <message>
      <source>Die Gebietsebene enthält keine Gebiete.</source>
      <translation>The area layer holds no areas.</translation>
    </message>
    <message>
      <source>Bitte den amtlichen Regionalschlüssel (12 Ziffern) angeben: Das Gemeindegebiet hat kein Feld RS.</source>
      <translation>Please give the official regional key (12 digits): the municipal territory has no field RS.</translation>
    </message>
    <message>
      <source>Ohne Gasnetz-Ebene gilt: kein Gasnetz im Gebiet – Wasserstoffnetz sehr wahrscheinlich ungeeignet (§ 14 Abs. 3 Nr. 1 WPG).</source>
      <translation>Without a gas network layer: no gas network in the area – a hydrogen network is very likely unsuited (§ 14 (3) no. 1 WPG).</translation>
    </message>
    <message>
      <source>Die Gebietsebene sagt nicht, wie viele Gebäude hinter einem Wert stehen (Felder buildings, published): Der Wärmebedarf bleibt draußen.</source>
      <translation>The area layer does not say how many buildings stand behind a value (fields buildings, published): the heat demand is left out.</translation>
    </message>
    <message>
      <source>Ohne Zensus-Gitter der Heizungen keine Wärmeverbrauchsdichte je Baublock: XWärmeplan verlangt sie mit den Energieträgern und Wärmeerzeugern.</source>
      <translation>Without the census grid of heating no heat consumption density per block: XWärmeplan requires it with the energy carriers and heat generators.</translation>
    </message>
    <message>
      <source>Der Straßenebene fehlt das Feld „line_density_kwh_m_a“; zuerst „Wärmedichte und Wärmeliniendichte“ ausführen.</source>
      <translation>The street layer lacks the field “line_density_kwh_m_a”; run “Heat density and heat line density” first.</translation>
    </message>
    <message>
      <source>Das amtliche Modell von XWärmeplan (xplan-tools) ist hier nicht installiert: Die Datei wurde nicht dagegen geprüft.</source>
      <translation>The official model of XWärmeplan (xplan-tools) is not installed here: the file was not checked against it.</translation>
    </message>
    <message>
      <source>Kommunaler Wärmeplan {municipality}</source>
      <translation>Municipal heat plan {municipality}</translation>
    </message>
    <message>
      <source>Zensus 2022: Energieträger der Heizung für {blocks} von {count} Baublöcken ({cells} Gitterzellen).</source>
      <translation>Census 2022: heating energy carriers for {blocks} of {count} blocks ({cells} grid cells).</translation>
    </message>
    <message>
      <source>Verkürzte Wärmeplanung (§ 14 Abs. 4 WPG): {count} Gebiete; {blocks} Baublöcke mit Gebäudetyp, {streets} Straßenabschnitte mit Wärmeliniendichte.</source>
      <translation>Shortened heat planning (§ 14 (4) WPG): {count} areas; {blocks} blocks with building type, {streets} street sections with heat line density.</translation>
    </message>
    <message>
      <source>Wärmeplan als XWärmeplan 0.9 geschrieben: {path}</source>
      <translation>Heat plan written as XWärmeplan 0.9: {path}</translation>
    </message>
    <message>
      <source>{count} Gebiete haben keine Eignungsstufe.</source>
      <translation>{count} areas have no suitability level.</translation>
    </message>
    <message>
      <source>Das Dokument verletzt das amtliche Modell von XWärmeplan und wird nicht geschrieben:
{problems}</source>
      <translation>The document violates the official model of XWärmeplan and is not written:
{problems}</translation>
    </message>
    <message>
      <source>{kind}: {count} Gebiete, {ha} ha</source>
      <translation>{kind}: {count} areas, {ha} ha</translation>
    </message>
    <message>
      <source>Wärmeplan (Entwurf), erstellt mit dem Werkzeug „Wärmeplan als XWärmeplan schreiben“ (Plugin WIP) aus {source}</source>
      <translation>Heat plan (draft), made with the tool “Write heat plan as XWärmeplan” (plugin WIP) from {source}</translation>
    </message>
    <message>
      <source>Der Gebietsebene fehlt das Feld „{field}“; zuerst „Wärmedichte und Wärmeliniendichte“ und „Eignung für Wärmenetze“ ausführen.</source>
      <translation>The area layer lacks the field “{field}”; run “Heat density and heat line density” and “Heat network suitability” first.</translation>
    </message>
    <message>
      <source>Weist Planungseinheiten (Flurstücke oder ein Raster über der Gemeinde) den Nutzungen Wind, Freiflächen-PV, Agri-PV, Gewerbe/Industrie und Wohnen zu oder belässt sie im Bestand, so dass die Ziele der Gemeinde erreicht werden: exakt als gemischt-ganzzahliges Programm (HiGHS) mit Zeitlimit und ausgewiesener Optimalitätslücke.

Je Einheit und Nutzung: der geeignete Flächenanteil (Flächenkulisse der Nutzung), die Eignung (Feld score der Standortbewertung, sonst 50), Leistung und Ertrag (aus wip:windlayout bzw. wip:pvyield, sonst die Kennwerte aus resources/zoning/uses.json), hochwertige Böden (Ackerzahl ab der Schwelle). Feld „Festlegung“: eine Nutzung (wind, pv, agri_pv, gewerbe, wohnen) legt die Einheit fest, „bestand“ schließt sie aus.

Ziele (Mindestleistung, Mindestertrag, Mindestfläche, Windflächenanteil nach WindBG/LEntwG) sind weich: Zuerst wird die kleinste Summe der relativen Fehlmengen bestimmt, die ein Plan haben kann (bewiesen, sonst im Protokoll vermerkt); jede Variante ist unter allen Plänen mit dieser Summe gewählt, gleich wie sie sich auf die Ziele verteilt. Was nicht erreichbar ist, wird mit Fehlmenge und Grund ausgewiesen – allein nicht erreichbar, nicht zusammen mit einem anderen Ziel (durch eine eigene Rechnung belegt) oder nicht zusammen mit allen übrigen. Grenzen sind hart: Höchstanteil je Nutzung, Inanspruchnahme hochwertiger Böden, unverträgliche Nachbarn (z. B. wohnen-gewerbe) und eine Mindestgröße je Nutzung: Jede gewählte Einheit, die kleiner ist, erreicht sie zusammen mit den gleich genutzten unter ihren nächsten Einheiten (Abstand der Schwerpunkte; so viele, wie ein kompakter Block der Mindestgröße braucht, und das Anderthalbfache; bei gleichem Abstand zählt die Einheit, die in der Ebene früher steht).

Varianten: „maximale Eignung“ (Ziele auf den geeignetsten Flächen), „flächensparend“ (möglichst wenig Fläche, hochwertige Böden doppelt), „maximaler Ertrag“ (so viel Energie wie die Höchstanteile erlauben), dann nahe Alternativen: höchstens den Spielraum schlechter als die bewiesene Schranke der ersten Variante, bei den Zielen nicht schlechter, jeweils ein anderer Plan als alle vorigen und möglichst verschieden von ihnen. „Keine weitere, andere Variante“ heißt: bewiesen, dass es im Spielraum keine gibt. Die Optimalitätslücke ist die des Ziels selbst.

Ergebnisse: die Zuweisung je Einheit und Variante, eine Kennzahlentabelle je Variante (ha, MW, GWh/a, vermiedenes CO₂, hochwertige Böden, Konflikte, Anteil am Windflächenziel, mittlere Eignung, Abstand zu den vorigen Varianten, Zielverfehlungen) und je Einheit, wie oft jede Nutzung gewählt wurde.</source>
      <translation>Allocates planning units (parcels, or a grid over the municipality) to wind, ground-mounted PV, agri-PV, commerce/industry and housing, or keeps their current use, so that the municipality's targets are met: exactly, as a mixed-integer programme (HiGHS) with a time limit and the optimality gap reported.

Per unit and use: the eligible share (the use's eligibility result), the suitability (field score of the site evaluation, otherwise 50), capacity and yield (from wip:windlayout or wip:pvyield, otherwise the figures in resources/zoning/uses.json), prime farmland (soil quality from the threshold on). Field “lock”: a use (wind, pv, agri_pv, gewerbe, wohnen) fixes the unit, “bestand” keeps its current use.

Targets (minimum capacity, minimum energy, minimum area, wind area share under WindBG/LEntwG) are soft: first the least sum of relative shortfalls any plan can have is determined (proven, otherwise noted in the log); every alternative is chosen among all plans with that sum, however it splits among the targets. What cannot be reached is reported with the shortfall and the reason – not reachable alone, not together with another target (shown by a solve of its own), or not together with all the others. Limits are hard: maximum share per use, prime farmland taken, incompatible neighbours (e.g. wohnen-gewerbe) and a minimum size per use: each chosen unit that is smaller reaches it together with the units of the same use among its nearest (by the distance of their centroids; as many as a compact block of the minimum size needs, and half as many again; at equal distance the unit earlier in the layer counts first).

Alternatives: “maximum suitability” (targets on the most suitable land), “land-saving” (as little land as possible, prime farmland counted twice), “maximum yield” (as much energy as the maximum shares allow), then near-optimal alternatives: at most the allowance worse than the proven bound of the first alternative, no worse on the targets, each a plan other than all before and as different from them as possible. “No other alternative” means it is proven that there is none within the allowance. The optimality gap is that of the objective itself.

Results: the allocation per unit and alternative, an indicator table per alternative (ha, MW, GWh/a, avoided CO₂, prime farmland, conflicts, share of the wind area target, mean suitability, distance to the earlier alternatives, missed targets) and per unit how often each use was chosen.</translation>
    </message>
    <message>
      <source>Ackerzahl</source>
      <translation>Soil quality (Ackerzahl)</translation>
    </message>
    <message>
      <source>Planungseinheiten (z. B. Flurstücke; ohne: Raster)</source>
      <translation>Planning units (e.g. parcels; without: a grid)</translation>
    </message>
    <message>
      <source>Kennung der Einheiten</source>
      <translation>Unit id</translation>
    </message>
    <message>
      <source>Festlegung (Nutzung oder „bestand“)</source>
      <translation>Lock (a use or “bestand”)</translation>
    </message>
    <message>
      <source>Rasterweite ohne Planungseinheiten (m)</source>
      <translation>Grid cell size without planning units (m)</translation>
    </message>
    <message>
      <source>Sechseckraster</source>
      <translation>Hexagonal grid</translation>
    </message>
    <message>
      <source>Landwirtschaftsflächen mit Ackerzahl</source>
      <translation>Farmland with soil quality</translation>
    </message>
    <message>
      <source>Hochwertige Böden ab Ackerzahl</source>
      <translation>Prime farmland from soil quality</translation>
    </message>
    <message>
      <source>Ziele und Grenzen je Nutzung</source>
      <translation>Targets and limits per use</translation>
    </message>
    <message>
      <source>Windflächenziel (% der Gemeindefläche)</source>
      <translation>Wind area target (% of the municipality)</translation>
    </message>
    <message>
      <source>Höchstens hochwertige Böden (ha, -1 = ohne Grenze)</source>
      <translation>Prime farmland at most (ha, -1 = no limit)</translation>
    </message>
    <message>
      <source>Unverträgliche Nachbarn (z. B. wohnen-gewerbe; wohnen-wind)</source>
      <translation>Incompatible neighbours (e.g. wohnen-gewerbe; wohnen-wind)</translation>
    </message>
    <message>
      <source>Nachbarn bis (m, 0 = angrenzend)</source>
      <translation>Neighbours up to (m, 0 = adjacent)</translation>
    </message>
    <message>
      <source>Varianten</source>
      <translation>Alternatives</translation>
    </message>
    <message>
      <source>Nahe Alternativen</source>
      <translation>Near-optimal alternatives</translation>
    </message>
    <message>
      <source>Spielraum naher Alternativen (% vom Optimum)</source>
      <translation>Allowance of near-optimal alternatives (% of the optimum)</translation>
    </message>
    <message>
      <source>Zeitlimit je Lösung (s)</source>
      <translation>Time limit per solve (s)</translation>
    </message>
    <message>
      <source>Optimalitätslücke (%)</source>
      <translation>Optimality gap (%)</translation>
    </message>
    <message>
      <source>Anzahl Varianten</source>
      <translation>Number of alternatives</translation>
    </message>
    <message>
      <source>Die Gemeindeebene enthält keine gültige Fläche.</source>
      <translation>The municipality layer has no valid area.</translation>
    </message>
    <message>
      <source>Für die Landwirtschaftsflächen bitte das Feld der Ackerzahl wählen.</source>
      <translation>Please choose the soil quality field of the farmland.</translation>
    </message>
    <message>
      <source>Keine Flächenkulisse gegeben oder keine Einheit geeignet.</source>
      <translation>No eligibility layer given or no unit eligible.</translation>
    </message>
    <message>
      <source>Die Ebene der Planungseinheiten enthält keine gültige Fläche.</source>
      <translation>The planning-unit layer has no valid area.</translation>
    </message>
    <message>
      <source>mind. MW</source>
      <translation>min. MW</translation>
    </message>
    <message>
      <source>mind. GWh/a</source>
      <translation>min. GWh/a</translation>
    </message>
    <message>
      <source>mind. ha</source>
      <translation>min. ha</translation>
    </message>
    <message>
      <source>höchstens % der Gemeinde</source>
      <translation>max. % of the municipality</translation>
    </message>
    <message>
      <source>Mindestgröße ha</source>
      <translation>Minimum size ha</translation>
    </message>
    <message>
      <source>Die Zieltabelle braucht {rows} Zeilen mit je {columns} Werten.</source>
      <translation>The target table needs {rows} rows of {columns} values each.</translation>
    </message>
    <message>
      <source>{count} Rasterzellen zu {size:g} m als Planungseinheiten.</source>
      <translation>{count} grid cells of {size:g} m as planning units.</translation>
    </message>
    <message>
      <source>{count} Einheiten, {pairs} mögliche Zuweisungen, {neighbours} Nachbarpaare.</source>
      <translation>{count} units, {pairs} possible allocations, {neighbours} neighbour pairs.</translation>
    </message>
    <message>
      <source>{name}: {status}, {seconds:.1f} s; {gwh:.1f} GWh/a, Wind {wind:.1f} ha, PV {pv:.1f} ha; {short} Ziel(e) verfehlt.</source>
      <translation>{name}: {status}, {seconds:.1f} s; {gwh:.1f} GWh/a, wind {wind:.1f} ha, PV {pv:.1f} ha; {short} target(s) missed.</translation>
    </message>
    <message>
      <source>Flächenkulisse {use}</source>
      <translation>Eligible land {use}</translation>
    </message>
    <message>
      <source>Standortbewertung {use} (Feld score)</source>
      <translation>Site evaluation {use} (field score)</translation>
    </message>
    <message>
      <source>Zieltabelle: unbekannte Nutzung „{use}“; bekannt: {uses}.</source>
      <translation>Target table: unknown use “{use}”; known: {uses}.</translation>
    </message>
    <message>
      <source>Unverträgliche Nachbarn: „{text}“ ist kein Paar aus {uses}.</source>
      <translation>Incompatible neighbours: “{text}” is no pair out of {uses}.</translation>
    </message>
    <message>
      <source>Die Kennung „{field}“ ist nicht eindeutig: {count} Werte kommen mehrfach vor, z. B. {examples}.</source>
      <translation>The identifier “{field}” is not unique: {count} values occur more than once, e.g. {examples}.</translation>
    </message>
    <message>
      <source>Der Standortbewertung {use} fehlt das Feld score.</source>
      <translation>The site evaluation {use} lacks the field score.</translation>
    </message>
    <message>
      <source>Dem Ertrag {use} fehlen die Felder {fields}.</source>
      <translation>The yield {use} lacks the fields {fields}.</translation>
    </message>
    <message>
      <source>  {target}: erreicht {reached:.1f}, es fehlen {short:.1f} {unit} – {reason}</source>
      <translation>  {target}: reached {reached:.1f}, {short:.1f} {unit} missing – {reason}</translation>
    </message>
    <message>
      <source>{target}: es fehlen {short:.1f} {unit} ({reason})</source>
      <translation>{target}: {short:.1f} {unit} missing ({reason})</translation>
    </message>
    <message>
      <source>Zieltabelle, Zeile {use}: nur Zahlen erlaubt ({error}).</source>
      <translation>Target table, row {use}: numbers only ({error}).</translation>
    </message>
    <message>
      <source>Festlegung „{value}“ der Einheit {id}: erlaubt sind {uses} oder „bestand“.</source>
      <translation>Lock “{value}” of unit {id}: allowed are {uses} or “bestand”.</translation>
    </message>
    <message>
      <source>Die Vorlage {template} enthält keine Karte.</source>
      <translation>The template {template} holds no map.</translation>
    </message>
    <message>
      <source>Die Vorlage {template} ist keine QGIS-Layoutvorlage (.qpt).</source>
      <translation>The template {template} is no QGIS layout template (.qpt).</translation>
    </message>
    <message>
      <source>Die Vorlage {template} ist nicht lesbar: {error}</source>
      <translation>The template {template} cannot be read: {error}</translation>
    </message>
    <message>
      <source>Stand: {date}</source>
      <translation>As of: {date}</translation>
    </message>
    <message>
      <source>Der Atlas konnte nicht als PDF geschrieben werden: {error}</source>
      <translation>The atlas could not be written as PDF: {error}</translation>
    </message>
    <message>
      <source>Die Änderungen am Maßnahmenkatalog konnten nicht protokolliert werden.</source>
      <translation>The changes to the measures catalogue could not be recorded.</translation>
    </message>
    <message>
      <source>Die Änderungen am Maßnahmenkatalog „{layer}“ können nicht protokolliert werden: er liegt nicht in einem GeoPackage.</source>
      <translation>The changes to the measures catalogue "{layer}" cannot be recorded: it is not in a GeoPackage.</translation>
    </message>
    <message>
      <source>„{name}“ wird von {source} nach {target} umprojiziert.</source>
      <translation>“{name}” is reprojected from {source} to {target}.</translation>
    </message>
    <message>
      <source>„{layer}“ hat kein Feld „{field}“.</source>
      <translation>“{layer}” has no field “{field}”.</translation>
    </message>
    <message>
      <source>Objekt {fid} hat eine ungültige Geometrie ({count} Objekte betroffen). Bitte reparieren Sie die Geometrien oder wählen Sie in den Processing-Einstellungen „Objekte mit ungültigen Geometrien überspringen“.</source>
      <translation>Feature {fid} has an invalid geometry ({count} features affected). Please repair the geometries or choose “Skip (ignore) features with invalid geometries” in the Processing settings.</translation>
    </message>
    <message>
      <source>{count} Objekt(e) mit ungültiger Geometrie übersprungen.</source>
      <translation>{count} feature(s) with an invalid geometry skipped.</translation>
    </message>
    <message>
      <source>Die Geometrien lassen sich nicht von {source} nach {target} umrechnen ({error}).</source>
      <translation>The geometries cannot be transformed from {source} to {target} ({error}).</translation>
    </message>
    <message>
      <source>Das Ergebnis konnte nicht geschrieben werden: {error}</source>
      <translation>The result could not be written: {error}</translation>
    </message>
    <message>
      <source>unbekannter Fehler</source>
      <translation>unknown error</translation>
    </message>
    <message>
      <source>Demogemeinde Hohenmölsen</source>
      <translation>Demo municipality Hohenmölsen</translation>
    </message>
    <message>
      <source>Ebene „{name}“ fehlt in {gpkg}.</source>
      <translation>Layer “{name}” is missing in {gpkg}.</translation>
    </message>
    <message>
      <source>Raster „{name}“: Datentyp wird nicht unterstützt.</source>
      <translation>Raster “{name}”: data type not supported.</translation>
    </message>
    <message>
      <source>Das Laufregister in {store} ist nicht lesbar.</source>
      <translation>The run register in {store} cannot be read.</translation>
    </message>
    <message>
      <source>Dem Laufregister in {store} fehlt das Feld „{field}“.</source>
      <translation>The run register in {store} lacks the field “{field}”.</translation>
    </message>
    <message>
      <source>Tabelle {table} in {path} lässt sich nicht öffnen.</source>
      <translation>Table {table} in {path} cannot be opened.</translation>
    </message>
    <message>
      <source>Datenbank „{connection}“, Schema {schema}</source>
      <translation>database “{connection}”, schema {schema}</translation>
    </message>
    <message>
      <source>{title} – Lauf {run}</source>
      <translation>{title} – run {run}</translation>
    </message>
    <message>
      <source>Keine freie Laufnummer für {step} gefunden.</source>
      <translation>No free run number found for {step}.</translation>
    </message>
    <message>
      <source>Tabelle {table} in {store} lässt sich nicht öffnen.</source>
      <translation>Table {table} in {store} cannot be opened.</translation>
    </message>
    <message>
      <source>Die Ergebnisse der Arbeitsschritte werden gespeichert in {path} (Gruppe „{group}“; ändern: Erweiterungen › WIP Energie- und Raumplanung › Ergebnis-GeoPackage …).</source>
      <translation>The results of the steps are saved in {path} (group “{group}”; to change: Plugins › WIP Energy and Spatial Planning › Result GeoPackage …).</translation>
    </message>
    <message>
      <source>Die Datenbankverbindung „{connection}“ gibt es in diesem QGIS nicht.</source>
      <translation>This QGIS has no database connection “{connection}”.</translation>
    </message>
    <message>
      <source>Ergebnisse nur vorübergehend im Projekt, nicht gespeichert in {path}: {reason}</source>
      <translation>Results only temporarily in the project, not saved in {path}: {reason}</translation>
    </message>
  </context>
  <context>
    <name>YieldPanel</name>
    <message>
      <source>Flächen</source>
      <translation>Areas</translation>
    </message>
    <message>
      <source>Geeignete Flächen, z. B. das Ergebnis der Flächenkulisse oder bewertete Standorte.</source>
      <translation>Eligible areas, e.g. the result of the eligibility step or evaluated sites.</translation>
    </message>
    <message>
      <source>Wind</source>
      <translation>Wind</translation>
    </message>
    <message>
      <source>Anlagentyp</source>
      <translation>Plant type</translation>
    </message>
    <message>
      <source>Mittlerer Wind</source>
      <translation>Mean wind</translation>
    </message>
    <message>
      <source>in </source>
      <translation>at </translation>
    </message>
    <message>
      <source>Windraster</source>
      <translation>Wind raster</translation>
    </message>
    <message>
      <source>Mittlere Windgeschwindigkeit in der Bezugshöhe (m/s); ersetzt den festen Wert.</source>
      <translation>Mean wind speed at the reference height (m/s); replaces the fixed value.</translation>
    </message>
    <message>
      <source>Hauptwindrichtung</source>
      <translation>Main wind direction</translation>
    </message>
    <message>
      <source>Rotor außerhalb der Fläche zulässig</source>
      <translation>Rotor may overhang the area</translation>
    </message>
    <message>
      <source>Bestand</source>
      <translation>Existing turbines</translation>
    </message>
    <message>
      <source>Repowering: Bestand ersetzen</source>
      <translation>Repowering: replace existing turbines</translation>
    </message>
    <message>
      <source>Bestandsanlagen in und nahe den Flächen werden ersetzt; das Ergebnis nennt den Nettozuwachs in MW und GWh/a.</source>
      <translation>Existing turbines in and near the areas are replaced; the result gives the net gain in MW and GWh/a.</translation>
    </message>
    <message>
      <source>Photovoltaik</source>
      <translation>Photovoltaics</translation>
    </message>
    <message>
      <source>Anlagenart</source>
      <translation>Plant type</translation>
    </message>
    <message>
      <source>Spezifischer Ertrag</source>
      <translation>Specific yield</translation>
    </message>
    <message>
      <source>Standard der Anlagenart</source>
      <translation>Default of the plant type</translation>
    </message>
    <message>
      <source>Gewässer</source>
      <translation>Water bodies</translation>
    </message>
    <message>
      <source>Für Floating-PV: höchstens 15 % der Wasserfläche, mindestens 40 m vom Ufer (§ 36 Abs. 3 WHG).</source>
      <translation>For floating PV: at most 15 % of the water surface, at least 40 m from the shore (§ 36(3) WHG).</translation>
    </message>
    <message>
      <source>Ertrag berechnen</source>
      <translation>Compute yield</translation>
    </message>
    <message>
      <source>Abbrechen</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Flächen und Technik wählen, dann „Ertrag berechnen“.</source>
      <translation>Choose areas and technology, then “Compute yield”.</translation>
    </message>
    <message>
      <source>Doppelklick zoomt auf die Fläche.</source>
      <translation>Double-click zooms to the area.</translation>
    </message>
    <message>
      <source>Jahresenergie der ertragreichsten Flächen</source>
      <translation>Annual energy of the most productive areas</translation>
    </message>
  </context>
  <context>
    <name>ZoningPanel</name>
    <message>
      <source>Eingaben</source>
      <translation>Inputs</translation>
    </message>
    <message>
      <source>Gemeinde</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <source>Die Gemeindegrenze: Bezug für Höchstanteile und das Windflächenziel.</source>
      <translation>The municipal boundary: the reference for the maximum shares and the wind area target.</translation>
    </message>
    <message>
      <source>Planungseinheiten</source>
      <translation>Planning units</translation>
    </message>
    <message>
      <source>Flurstücke oder andere Flächen, die ganz einer Nutzung zugewiesen werden; leer: ein Raster über der Gemeinde.</source>
      <translation>Parcels or other areas, each allocated wholly to one use; empty: a grid over the municipality.</translation>
    </message>
    <message>
      <source>Kennung</source>
      <translation>Identifier</translation>
    </message>
    <message>
      <source>Feld mit der Kennung der Einheit (z. B. Flurstückskennzeichen); leer: die Objekt-ID.</source>
      <translation>Field with the unit's identifier (e.g. the parcel number); empty: the feature ID.</translation>
    </message>
    <message>
      <source>Raster ohne Einheiten</source>
      <translation>Grid without units</translation>
    </message>
    <message>
      <source>Sechsecke</source>
      <translation>Hexagons</translation>
    </message>
    <message>
      <source>&lt;b&gt;Flächenkulisse je Nutzung&lt;/b&gt; (geeignete Flächen)</source>
      <translation>&lt;b&gt;Eligible land per use&lt;/b&gt; (eligible areas)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Weitere Eingaben&lt;/b&gt; (optional)</source>
      <translation>&lt;b&gt;Further inputs&lt;/b&gt; (optional)</translation>
    </message>
    <message>
      <source>Standortbewertung Wind</source>
      <translation>Site evaluation wind</translation>
    </message>
    <message>
      <source>Ergebnis der Standortbewertung mit dem Feld score (0–100); ohne gilt überall 50.</source>
      <translation>Result of the site evaluation with the field score (0–100); without it, 50 applies everywhere.</translation>
    </message>
    <message>
      <source>Standortbewertung PV</source>
      <translation>Site evaluation PV</translation>
    </message>
    <message>
      <source>Landwirtschaftsflächen</source>
      <translation>Farmland</translation>
    </message>
    <message>
      <source>Flächen mit Ackerzahl: daraus die hochwertigen Böden, die eine Variante in Anspruch nimmt.</source>
      <translation>Areas with a soil quality rating (Ackerzahl): from them the prime farmland an alternative takes.</translation>
    </message>
    <message>
      <source>Ackerzahl</source>
      <translation>Soil quality rating (Ackerzahl)</translation>
    </message>
    <message>
      <source>Leer: ein Feld namens ackerzahl, bodenzahl oder agz.</source>
      <translation>Empty: a field named ackerzahl, bodenzahl or agz.</translation>
    </message>
    <message>
      <source>Ziele und Grenzen</source>
      <translation>Targets and limits</translation>
    </message>
    <message>
      <source>Ziel mindestens</source>
      <translation>Target at least</translation>
    </message>
    <message>
      <source>Wind und PV: installierte Leistung; Gewerbe und Wohnen: Fläche. Nicht erreichbare Ziele werden mit Fehlmenge und Grund ausgewiesen.</source>
      <translation>Wind and PV: installed capacity; commerce and housing: area. Targets that cannot be reached are reported with the shortfall and the reason.</translation>
    </message>
    <message>
      <source>höchstens</source>
      <translation>at most</translation>
    </message>
    <message>
      <source>Höchstanteil der Gemeindefläche je Nutzung (harte Grenze).</source>
      <translation>Maximum share of the municipal area per use (hard limit).</translation>
    </message>
    <message>
      <source>Mindestgröße</source>
      <translation>Minimum size</translation>
    </message>
    <message>
      <source>Jede gewählte Einheit erreicht mit den gleich genutzten Einheiten in ihrer Nähe diese Fläche.</source>
      <translation>Each chosen unit reaches this area together with the nearby units of the same use.</translation>
    </message>
    <message>
      <source>Windflächenziel</source>
      <translation>Wind area target</translation>
    </message>
    <message>
      <source>Anteil der Gemeindefläche für Windenergiegebiete (WindBG, § 9a LEntwG LSA).</source>
      <translation>Share of the municipal area for wind energy areas (WindBG, § 9a LEntwG LSA).</translation>
    </message>
    <message>
      <source>kein Ziel</source>
      <translation>no target</translation>
    </message>
    <message>
      <source>Hochwertige Böden höchstens</source>
      <translation>Prime farmland at most</translation>
    </message>
    <message>
      <source>Fläche hochwertiger Böden, die alle Nutzungen zusammen in Anspruch nehmen dürfen.</source>
      <translation>Area of prime farmland that all uses together may take.</translation>
    </message>
    <message>
      <source>ohne Grenze</source>
      <translation>no limit</translation>
    </message>
    <message>
      <source>Hochwertig ab Ackerzahl</source>
      <translation>Prime from Ackerzahl</translation>
    </message>
    <message>
      <source>Varianten</source>
      <translation>Alternatives</translation>
    </message>
    <message>
      <source>Die Ziele auf den geeignetsten Flächen.</source>
      <translation>The targets on the most suitable land.</translation>
    </message>
    <message>
      <source>Möglichst wenig Fläche, hochwertige Böden doppelt gezählt.</source>
      <translation>As little land as possible, prime farmland counted twice.</translation>
    </message>
    <message>
      <source>So viel Energie, wie die Höchstanteile erlauben.</source>
      <translation>As much energy as the maximum shares allow.</translation>
    </message>
    <message>
      <source>Nahe Alternativen</source>
      <translation>Near-optimal alternatives</translation>
    </message>
    <message>
      <source>Weitere Varianten, die der ersten kaum nachstehen und sich von allen vorigen möglichst unterscheiden.</source>
      <translation>Further alternatives that are hardly worse than the first and differ as much as possible from all previous ones.</translation>
    </message>
    <message>
      <source>Spielraum: um so viel Prozent dürfen nahe Alternativen schlechter sein als die erste Variante.</source>
      <translation>Allowance: near-optimal alternatives may be worse than the first alternative by this percentage.</translation>
    </message>
    <message>
      <source>Spielraum </source>
      <translation>Allowance </translation>
    </message>
    <message>
      <source>Festlegungen</source>
      <translation>Locks</translation>
    </message>
    <message>
      <source>Einheiten in der Karte anklicken: keine Festlegung → festgelegte Nutzung → Bestand (bleibt, wie sie ist) → keine Festlegung. Die Ebene der Planungseinheiten wird dabei nicht verändert.</source>
      <translation>Click units on the map: no lock → locked use → current use (stays as it is) → no lock. The planning units layer is not changed.</translation>
    </message>
    <message>
      <source>Festlegen auf</source>
      <translation>Lock to</translation>
    </message>
    <message>
      <source>Einheiten in der Karte festlegen</source>
      <translation>Lock units on the map</translation>
    </message>
    <message>
      <source>Raster als Planungseinheiten anlegen</source>
      <translation>Create a grid as planning units</translation>
    </message>
    <message>
      <source>Nur ohne gewählte Planungseinheiten: legt ein Raster (Rasterweite unter „Eingaben“) über der Gemeinde als neue Ebene an und wählt es als Planungseinheiten.</source>
      <translation>Only without chosen planning units: creates a grid (cell size under “Inputs”) over the municipality as a new layer and chooses it as planning units.</translation>
    </message>
    <message>
      <source>Alle Festlegungen aufheben</source>
      <translation>Remove all locks</translation>
    </message>
    <message>
      <source>Vergleich</source>
      <translation>Comparison</translation>
    </message>
    <message>
      <source>Variante in der Karte</source>
      <translation>Alternative on the map</translation>
    </message>
    <message>
      <source>Eine Zeile anklicken, um die Kennzahl im Diagramm zu vergleichen.</source>
      <translation>Click a row to compare the indicator in the chart.</translation>
    </message>
    <message>
      <source>Diagramm</source>
      <translation>Chart</translation>
    </message>
    <message>
      <source>Verfehlte Ziele</source>
      <translation>Targets missed</translation>
    </message>
    <message>
      <source>Als GeoPackage …</source>
      <translation>As GeoPackage …</translation>
    </message>
    <message>
      <source>Die Variante auf der Karte als GeoPackage speichern</source>
      <translation>Save the alternative on the map as a GeoPackage</translation>
    </message>
    <message>
      <source>Als XPlanGML …</source>
      <translation>As XPlanGML …</translation>
    </message>
    <message>
      <source>Die Variante als Entwurf einer Änderung des Flächennutzungsplans im Standard XPlanung 6.0, gegen das amtliche Schema geprüft</source>
      <translation>The alternative as the draft of a land-use plan amendment in the standard XPlanung 6.0, checked against the official schema</translation>
    </message>
    <message>
      <source>Varianten berechnen</source>
      <translation>Compute alternatives</translation>
    </message>
    <message>
      <source>Abbrechen</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Gemeinde, Flächenkulissen und Ziele wählen, dann „Varianten berechnen“.</source>
      <translation>Choose the municipality, eligible land and targets, then “Compute alternatives”.</translation>
    </message>
  </context>
</TS>
