<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de_DE">
  <context>
    <name>PlanningAssistant</name>
    <message>
      <source>Der Planungsassistent führt durch die Arbeitsschritte und zeigt, welche Eingaben im Projekt gefunden wurden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schritt / Eingabe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gefunden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Werkzeug öffnen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Demodaten laden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lädt die Demogemeinde Hohenmölsen (amtliche Grenzen und Anlagen, ergänzt um synthetische Planungsdaten) in das Projekt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktualisieren</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>WIP</name>
    <message>
      <source>Untersuchungsgebiet (Gemeindegrenze)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Flächenkulisse (geeignete Flächen)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Flächenkulisse</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Welche Flächen kommen für Wind, Freiflächen-PV, Agri-PV oder Floating-PV in Frage, und was schließt die übrigen aus?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Standortbewertung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wie gut ist jede geeignete Fläche? Mehrkriterielle Bewertung mit Gewichten und Robustheitsprüfung.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ertrag</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Was liefern die Flächen? PV-Leistung und -Ertrag, Windenergieanlagen-Layout und Jahresenergie.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planungsvarianten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Welche Flächenzuweisungen erreichen die Ziele der Gemeinde? Mehrere gute, unterschiedliche Varianten.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wärmeplanung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wärmebedarf, Wärmedichte, Wärmeliniendichte und Eignungsstufen für Wärmenetze nach WPG.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Energiebilanz und Zukunftsprofil</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Energie- und Treibhausgasbilanz der Gemeinde bis 2045 und ein Zukunftsprofil für den Gemeinderat.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Siedlungsflächen oder Gebäude</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verkehrswege (Straßen, Autobahn, Bahn)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schutzgebiete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wald und Gewässer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bergbaufolgeflächen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Netzanschluss (Umspannwerke, Leitungen)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bestehende Windenergieanlagen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planungseinheiten (Flurstücke)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gebäude</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Straßenabschnitte</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bestehendes Wärmenetz</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gemeindestatistik</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>WIP Energie- und Raumplanung: es fehlen Python-Pakete: {names}. {how}. Danach QGIS neu starten.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Installation unter Debian/Ubuntu: sudo apt install {debs} – oder: python3 -m pip install --user {pips}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Installation unter Windows: OSGeo4W-Shell als Administrator öffnen und python -m pip install {pips} ausführen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Installation: in der Python-Konsole von QGIS import subprocess, sys; subprocess.run([sys.executable, '-m', 'pip', 'install', '--user', {quoted}])</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nicht installiert</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Version {found} gefunden, mindestens {wanted} nötig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>bereit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planungsassistent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>in Vorbereitung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Eingabe(n) fehlen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Demogemeinde Hohenmölsen geladen: {count} Ebenen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Werkzeug dieses Schritts ist noch nicht verfügbar.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{label} (optional)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>– nicht gefunden –</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nicht gefunden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;WIP Energie- und Raumplanung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>WIP Energie- und Raumplanung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planungsassistent: Arbeitsschritte und gefundene Eingaben</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Ergebnis konnte nicht geschrieben werden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{name}“ wird von {source} nach {target} umprojiziert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Demogemeinde Hohenmölsen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ebene „{name}“ fehlt in {gpkg}.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
