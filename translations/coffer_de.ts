<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>coffer::ui::BackupDetailsView</name>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="45"/>
        <source>Backup details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="58"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="59"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="59"/>
        <source>%1 (group %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="60"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="61"/>
        <source>Created (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="62"/>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="63"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="64"/>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="64"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="64"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="65"/>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="65"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="66"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="67"/>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="70"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="70"/>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="72"/>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="71"/>
        <source>Database size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="73"/>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="74"/>
        <source>Codec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="75"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="75"/>
        <source>%1 × %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="76"/>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="85"/>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="77"/>
        <source>SQLite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="78"/>
        <source>Coffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="85"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="88"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="90"/>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="96"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="97"/>
        <source>Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="98"/>
        <source>Artifact SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="99"/>
        <source>Database SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="101"/>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="101"/>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="103"/>
        <source>Rows per table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupDetailsView.cpp" line="103"/>
        <source>Last verification</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::BackupTableModel</name>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="116"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="147"/>
        <source>%1 bytes on disk: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="149"/>
        <source>%1 bytes when restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="188"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="190"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="192"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="194"/>
        <source>Database size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="196"/>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="198"/>
        <source>Codec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="200"/>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="202"/>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="204"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/BackupTableModel.cpp" line="206"/>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::CatalogPage</name>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="50"/>
        <location filename="../ui/catalog/CatalogPage.cpp" line="123"/>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="59"/>
        <source>Filter by database, ID or tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="60"/>
        <source>Filter backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="64"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="74"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="115"/>
        <location filename="../ui/catalog/CatalogPage.cpp" line="234"/>
        <source>Select a backup to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="152"/>
        <location filename="../ui/catalog/CatalogPage.cpp" line="249"/>
        <source>Loading backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="168"/>
        <source>No workspace loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="170"/>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="170"/>
        <source>%n backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="171"/>
        <source>%n repository(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="173"/>
        <source> (%n unreadable)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="182"/>
        <source>Cannot load the workspace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="189"/>
        <source>The workspace %1 lists no repositories. Add one under &quot;repositories:&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="200"/>
        <source>Repository &quot;%1&quot; at %2 cannot be read: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="233"/>
        <source>No backup matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="251"/>
        <source>No backups to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="253"/>
        <source>No backups yet. Create one with: coffer-cli backup --all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="255"/>
        <source>Nothing to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalog/CatalogPage.cpp" line="255"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::DisplayFormat</name>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="27"/>
        <source>%1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="35"/>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="44"/>
        <source>%1, encrypted (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="51"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="52"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="58"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="60"/>
        <source>ok (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="61"/>
        <source>FAILED (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="67"/>
        <source>This backup has not been verified yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DisplayFormat.cpp" line="70"/>
        <source>All %n check(s) passed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="72"/>
        <source>No checks were recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DisplayFormat.cpp" line="75"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="30"/>
        <source>Coffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="35"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="55"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="67"/>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="70"/>
        <source>Open a workspace file (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="73"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="77"/>
        <source>Read the workspace and its repositories again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="80"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="85"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="91"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="93"/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>Coffer — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="129"/>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="130"/>
        <source>Workspace files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::MessageBar</name>
    <message>
        <location filename="../ui/widgets/MessageBar.cpp" line="43"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/MessageBar.cpp" line="56"/>
        <location filename="../ui/widgets/MessageBar.cpp" line="57"/>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="47"/>
        <source>Cannot save the screenshot to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="50"/>
        <source>Screenshot saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="68"/>
        <source>Backup and restore console for SQLite databases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="73"/>
        <source>The workspace file to open (default: $COFFER_WORKSPACE or ~/.config/coffer/workspace.yaml).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="74"/>
        <location filename="../app/gui/main.cpp" line="77"/>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="77"/>
        <source>Save a PNG of the main window to FILE once the backups are listed, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="92"/>
        <source>The backups were not listed within %1 seconds; no screenshot saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
