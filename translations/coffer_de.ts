<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>coffer::ui::BackupDetailsView</name>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="56"/>
        <source>Backup details</source>
        <translation>Sicherungsdetails</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="69"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="70"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="70"/>
        <source>%1 (group %2)</source>
        <translation>%1 (Gruppe %2)</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="71"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="72"/>
        <source>Created (UTC)</source>
        <translation>Erstellt (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="73"/>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="74"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="75"/>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="75"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="75"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="76"/>
        <source>Taken by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="76"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="77"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="78"/>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="81"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="81"/>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="83"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="82"/>
        <source>Database size</source>
        <translation>Datenbankgröße</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="84"/>
        <source>Ratio</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="85"/>
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="86"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="86"/>
        <source>%1 × %2 bytes</source>
        <translation>%1 × %2 Bytes</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="87"/>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="96"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="88"/>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="89"/>
        <source>Coffer version</source>
        <translation>Coffer-Version</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="96"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="102"/>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="103"/>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="108"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="102"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="103"/>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="104"/>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="105"/>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="106"/>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="108"/>
        <source>never verified</source>
        <translation>nie geprüft</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="116"/>
        <source>Failed checks</source>
        <translation>Fehlgeschlagene Prüfungen</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="119"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="120"/>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="121"/>
        <source>Artifact SHA-256</source>
        <translation>Artefakt-SHA-256</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="122"/>
        <source>Database SHA-256</source>
        <translation>Datenbank-SHA-256</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="124"/>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="124"/>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="126"/>
        <source>Rows per table</source>
        <translation>Zeilen je Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="126"/>
        <source>Last verification</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="128"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
</context>
<context>
    <name>coffer::ui::BackupTableModel</name>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="116"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="147"/>
        <source>%1 bytes on disk: %2</source>
        <translation>%1 Bytes auf dem Datenträger: %2</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="149"/>
        <source>%1 bytes when restored</source>
        <translation>%1 Bytes nach der Wiederherstellung</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="188"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="190"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="192"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="194"/>
        <source>Database size</source>
        <translation>DB-Größe</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="196"/>
        <source>Ratio</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="198"/>
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="200"/>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="202"/>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="204"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="206"/>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
</context>
<context>
    <name>coffer::ui::CatalogPage</name>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="50"/>
        <location filename="../ui/catalog/CatalogPage.cpp" line="124"/>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="59"/>
        <source>Filter by database, ID or tag</source>
        <translation>Nach Datenbank, ID oder Schlagwort filtern</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="60"/>
        <source>Filter backups</source>
        <translation>Sicherungen filtern</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="64"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="74"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="116"/>
        <location filename="../ui/catalog/CatalogPage.cpp" line="236"/>
        <source>Select a backup to see its details.</source>
        <translation>Wählen Sie eine Sicherung aus, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="153"/>
        <location filename="../ui/catalog/CatalogPage.cpp" line="253"/>
        <source>Loading backups…</source>
        <translation>Sicherungen werden geladen …</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="169"/>
        <source>No workspace loaded</source>
        <translation>Kein Arbeitsbereich geladen</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="171"/>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="171"/>
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n Sicherung</numerusform>
            <numerusform>%n Sicherungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="172"/>
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n Repository</numerusform>
            <numerusform>%n Repositorys</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="174"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="174"/>
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n nicht lesbar</numerusform>
            <numerusform>%n nicht lesbar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="185"/>
        <source>Cannot load the workspace: %1</source>
        <translation>Der Arbeitsbereich kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="186"/>
        <source>Cannot load the workspace %1: %2</source>
        <translation>Der Arbeitsbereich %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="191"/>
        <source>The workspace %1 lists no repositories. Add one under “repositories:”.</source>
        <translation>Der Arbeitsbereich %1 enthält keine Repositorys. Fügen Sie eines unter „repositories:“ hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="202"/>
        <source>Repository “%1” at %2 cannot be read: %3</source>
        <translation>Das Repository „%1“ unter %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="235"/>
        <source>No backup matches the filter.</source>
        <translation>Keine Sicherung passt zum Filter.</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="255"/>
        <source>No backups to show.</source>
        <translation>Keine Sicherungen vorhanden.</translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="257"/>
        <source>No backups yet. Create one with: coffer-cli backup --all</source>
        <translation>Noch keine Sicherungen. Erstellen Sie eine mit: coffer-cli backup --all</translation>
    </message>
</context>
<context>
    <name>coffer::ui::DisplayFormat</name>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="27"/>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="35"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="44"/>
        <source>%1, encrypted (%2)</source>
        <translation>%1, verschlüsselt (%2)</translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="51"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="52"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="58"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="63"/>
        <source>ok (%1, %2)</source>
        <translation>ok (%1, %2)</translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="64"/>
        <source>FAILED (%1, %2)</source>
        <translation>FEHLER (%1, %2)</translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="70"/>
        <source>This backup has not been verified yet.</source>
        <translation>Diese Sicherung wurde noch nicht geprüft.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DisplayFormat.cpp" line="73"/>
        <source>All %n check(s) passed.</source>
        <translation>
            <numerusform>Die Prüfung wurde bestanden.</numerusform>
            <numerusform>Alle %n Prüfungen wurden bestanden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="75"/>
        <source>No checks were recorded.</source>
        <translation>Es wurden keine Prüfungen aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="78"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>coffer::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="30"/>
        <source>Coffer</source>
        <translation>Coffer</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="35"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="57"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="69"/>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="72"/>
        <source>Open a workspace file (Ctrl+O)</source>
        <translation>Eine Arbeitsbereichsdatei öffnen (Strg+O)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="75"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="79"/>
        <source>Read the workspace and its repositories again (F5)</source>
        <translation>Arbeitsbereich und Repositorys neu einlesen (F5)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="87"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="93"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="95"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="121"/>
        <source>Coffer — %1</source>
        <translation>Coffer — %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="131"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="132"/>
        <source>Workspace files (*.yaml *.yml);;All files (*)</source>
        <translation>Arbeitsbereichsdateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>coffer::ui::MessageBar</name>
    <message>
        <location filename="../ui/widgets/MessageBar.cpp" line="43"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../ui/widgets/MessageBar.cpp" line="56"/>
        <location filename="../ui/widgets/MessageBar.cpp" line="57"/>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="47"/>
        <source>Cannot save the screenshot to %1</source>
        <translation>Das Bildschirmfoto kann nicht unter %1 gespeichert werden</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="50"/>
        <source>Screenshot saved to %1</source>
        <translation>Bildschirmfoto gespeichert unter %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="68"/>
        <source>Backup and restore console for SQLite databases.</source>
        <translation>Sicherungs- und Wiederherstellungskonsole für SQLite-Datenbanken.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="73"/>
        <source>The workspace file to open (default: $COFFER_WORKSPACE or ~/.config/coffer/workspace.yaml).</source>
        <translation>Die zu öffnende Arbeitsbereichsdatei (Standard: $COFFER_WORKSPACE oder ~/.config/coffer/workspace.yaml).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="74"/>
        <location filename="../app/gui/main.cpp" line="77"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="77"/>
        <source>Save a PNG of the main window to FILE once the backups are listed, then exit.</source>
        <translation>Ein PNG des Hauptfensters in DATEI speichern, sobald die Sicherungen aufgelistet sind, und beenden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="92"/>
        <source>The backups were not listed within %1 seconds; no screenshot saved.</source>
        <translation>Die Sicherungen wurden nicht innerhalb von %1 Sekunden aufgelistet; kein Bildschirmfoto gespeichert.</translation>
    </message>
</context>
</TS>
