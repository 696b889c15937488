<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>coffer::ui::AuditPage</name>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by database, backup ID, user or detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter audit records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished">Suchen</translation>
    </message>
    <message>
        <source>Audit records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the audit trails…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace loaded</source>
        <translation type="unfinished">Kein Arbeitsbereich geladen</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished">%1: %2 {1;?}</translation>
    </message>
    <message numerus="yes">
        <source>%n audit record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken trail(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Audit trail of “%1” intact: %n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Audit trail of “%1” is BROKEN (%n record(s)): %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open a workspace to see its audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is empty: nothing has been backed up, verified or restored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audit trail to show.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::AuditTableModel</name>
    <message>
        <source>%1@%2</source>
        <translation type="unfinished">%1× {1@%2?}</translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 of the trail of “%2”; hash %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished">Repository</translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished">Sicherung</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::BackupActions</name>
    <message>
        <source>%1, created %2 (%3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the other backups in %1 could not be read (%2), so what else is lost is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>&amp;Verify (Quick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the selected backups quickly: their checksums against their manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify (&amp;Full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the selected backups fully: decode each one and check the database inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected backup, after checking the target and the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin the selected backups: every prune keeps them, and delete refuses them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin the selected backups: the retention policy decides again whether they are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected backups for good, after a confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the full IDs of the selected backups, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository “%1” is no longer in the workspace; reload the catalog (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2 failed %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Full verification: %n passed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Quick verification: %n passed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not verify: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Still, %n backup(s) were pinned (%1) and stay pinned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still, %n backup(s) were unpinned (%1) and stay unpinned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pinned %n backup(s): every prune keeps them until they are unpinned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unpinned %n backup(s): the retention policy decides again whether they are kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — pinned, kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned backups are not deleted (%1); unpin them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the repository “%1” (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the backup of %1 from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n backup(s), %1 in total, from %2?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The artifacts, manifests and catalog entries are removed for good; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pinned backup(s) (%1) will be refused and kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was deleted: another workspace was opened meanwhile. Select the backups again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was deleted: the repository “%1” (%2) is no longer in the workspace. Select the backups again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n backup(s), %1 freed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pinned backup(s) kept (%1); unpin them first</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Run Restore &amp;Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected backups into a scratch folder, verify them, run their smoke queries and time them; the live databases are not touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full verification: %1 passed, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick verification: %1 passed, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drill was run: the workspace, which holds the smoke queries, is not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore drill: no backup was drilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restore drill: %n passed (RTO %1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore drill: %n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Restore drill: %1 passed (RTO %2), %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not drill: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::BackupDefaultsSection</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zstd (fast, small; the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gzip (for tools that only know gzip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (plain SQLite files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the backup defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write them into the workspace file (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How new backups are compressed, unless a backup is told otherwise. Existing backups keep the codec they were made with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compression:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This codec has no levels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 (fastest) to %2 (smallest); %3 is the codec&apos;s default.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::BackupDetailsPane</name>
    <message>
        <source>Copy path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the artifact&apos;s path to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder that holds the artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the verification history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the restore drills: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::BackupDetailsView</name>
    <message>
        <source>Backup details</source>
        <translation>Sicherungsdetails</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Erstellt (UTC)</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>Database size</source>
        <translation>Datenbankgröße</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>%1 × %2 bytes</source>
        <translation>%1 × %2 Bytes</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Coffer version</source>
        <translation>Coffer-Version</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>never verified</source>
        <translation>nie geprüft</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>Fehlgeschlagene Prüfungen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Artifact SHA-256</source>
        <translation>Artefakt-SHA-256</translation>
    </message>
    <message>
        <source>Database SHA-256</source>
        <translation>Datenbank-SHA-256</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Rows per table</source>
        <translation>Zeilen je Tabelle</translation>
    </message>
    <message>
        <source>Last verification</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by the retention policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, level %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished">%1× {1 %2?}</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the verification history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup has never been verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>Restore drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the restore drills…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup has never been restored in a drill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::BackupStarter</name>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not backed up: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace lists no databases: add them in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::BackupTableModel</name>
    <message>
        <source>%1 bytes on disk: %2</source>
        <translation>%1 Bytes auf dem Datenträger: %2</translation>
    </message>
    <message>
        <source>%1 bytes when restored</source>
        <translation>%1 Bytes nach der Wiederherstellung</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Database size</source>
        <translation>DB-Größe</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">ja</translation>
    </message>
    <message>
        <source>Pinned: retention never deletes this backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted (%1) for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished">Schlagwörter</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation type="unfinished">Angeheftet</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verification</source>
        <translation type="unfinished">Letzte Prüfung</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::BackupTableView</name>
    <message>
        <source>Backups</source>
        <translation type="unfinished">Sicherungen</translation>
    </message>
</context>
<context>
    <name>coffer::ui::CatalogFilterBar</name>
    <message>
        <source>Database</source>
        <translation type="unfinished">Datenbank</translation>
    </message>
    <message>
        <source>All databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished">Auslöser</translation>
    </message>
    <message>
        <source>All triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only backups made on or after this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on or after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only backups made on or before this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on or before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by database, ID, tag, group or repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter backups</source>
        <translation type="unfinished">Sicherungen filtern</translation>
    </message>
    <message>
        <source>Restore drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never drilled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::CatalogPage</name>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Select a backup to see its details.</source>
        <translation>Wählen Sie eine Sicherung aus, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Loading backups…</source>
        <translation>Sicherungen werden geladen …</translation>
    </message>
    <message>
        <source>No workspace loaded</source>
        <translation>Kein Arbeitsbereich geladen</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n Sicherung</numerusform>
            <numerusform>%n Sicherungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n Repository</numerusform>
            <numerusform>%n Repositorys</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n nicht lesbar</numerusform>
            <numerusform>%n nicht lesbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot load the workspace: %1</source>
        <translation>Der Arbeitsbereich kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Cannot load the workspace %1: %2</source>
        <translation>Der Arbeitsbereich %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>The workspace %1 lists no repositories. Add one under “repositories:”.</source>
        <translation>Der Arbeitsbereich %1 enthält keine Repositorys. Fügen Sie eines unter „repositories:“ hinzu.</translation>
    </message>
    <message>
        <source>Repository “%1” at %2 cannot be read: %3</source>
        <translation>Das Repository „%1“ unter %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>No backups to show.</source>
        <translation>Keine Sicherungen vorhanden.</translation>
    </message>
    <message>
        <source>No backups yet. Create one with: coffer-cli backup --all</source>
        <translation>Noch keine Sicherungen. Erstellen Sie eine mit: coffer-cli backup --all</translation>
    </message>
    <message>
        <source>Loading backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions on the selected backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 is not in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup matches the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::CatalogScan</name>
    <message>
        <source>Repository “%1” at %2 cannot be read: %3</source>
        <translation type="unfinished">Das Repository „%1“ unter %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>Cannot load the workspace: %1</source>
        <translation type="unfinished">Der Arbeitsbereich kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Cannot load the workspace %1: %2</source>
        <translation type="unfinished">Der Arbeitsbereich %1 kann nicht geladen werden: %2</translation>
    </message>
</context>
<context>
    <name>coffer::ui::CompressionChart</name>
    <message>
        <source>Compression ratio per database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression ratio (original size ÷ stored size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — %3 of databases stored in %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::ConsoleScheduler</name>
    <message>
        <source>Run &amp;Schedules While Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While Coffer is open, run the backups, verifications, prunes and restore drills the workspace schedules, as coffer-cli run-due does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another run (process %1 on %2) has held the workspace&apos;s run lock for %3: nothing scheduled runs until it ends. If it hangs, end that process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another run has held the workspace&apos;s run lock for %1: nothing scheduled runs until it ends. If it hangs, end that process.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading databases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the workspace: %1</source>
        <translation type="unfinished">Der Arbeitsbereich kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Cannot load the workspace %1: %2</source>
        <translation type="unfinished">Der Arbeitsbereich %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Repository “%1” at %2 cannot be read: %3</source>
        <translation type="unfinished">Das Repository „%1“ unter %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>Backups kept there are missing from the health shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace %1 lists no repositories, so no database has a backup. Add one under “repositories:”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace loaded</source>
        <translation type="unfinished">Kein Arbeitsbereich geladen</translation>
    </message>
    <message>
        <source>No workspace loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace lists no databases yet. Add them in Settings, or under “databases:” in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::DatabaseCard</name>
    <message>
        <source>Last backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished">Größe</translation>
    </message>
    <message>
        <source>No group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1
Backup %2 in repository “%3”, one of %n backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the restore wizard with the latest verified backup of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace schedules no backups of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups %1: one is due now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups %1: the next one is due at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore drills are scheduled %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last drill: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::DatabaseFileState</name>
    <message>
        <source>ok (SQLite, %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::DatabaseStatusModel</name>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n healthy</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needing attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n at risk</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>never backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no backup to verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never verified</source>
        <translation type="unfinished">nie geprüft</translation>
    </message>
    <message>
        <source>ok, %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED (%1, %2)</source>
        <translation type="unfinished">FEHLER (%1, %2)</translation>
    </message>
    <message>
        <source>FAILED: %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never drilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next backup in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::DatabaseTableModel</name>
    <message>
        <source>Double-click or press F2 to change the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::DatabasesSection</name>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an SQLite database file to back up (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected database from the workspace; its backups stay (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name backups are filed under; no &apos;/&apos; or &apos;\&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group of the new database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. a tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the database to the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a group (or press F2) to change it. Removing a database keeps its backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3 *.db3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the database “%1” from the workspace?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coffer stops backing it up. Its backups stay in the repository, and the database file is not touched. Its schedule and retention settings in the workspace file go with it; the previous file is kept as a .bak next to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::DisplayFormat</name>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>%1, encrypted (%2)</source>
        <translation>%1, verschlüsselt (%2)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>ok (%1, %2)</source>
        <translation>ok (%1, %2)</translation>
    </message>
    <message>
        <source>FAILED (%1, %2)</source>
        <translation>FEHLER (%1, %2)</translation>
    </message>
    <message>
        <source>This backup has not been verified yet.</source>
        <translation>Diese Sicherung wurde noch nicht geprüft.</translation>
    </message>
    <message numerus="yes">
        <source>All %n check(s) passed.</source>
        <translation>
            <numerusform>Die Prüfung wurde bestanden.</numerusform>
            <numerusform>Alle %n Prüfungen wurden bestanden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No checks were recorded.</source>
        <translation>Es wurden keine Prüfungen aufgezeichnet.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::DrillFormat</name>
    <message>
        <source>FAILED</source>
        <translation type="unfinished">FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>passed · RTO %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup has not been restored in a drill yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore drill %1: passed, usable after %2 (RTO); the drill took %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore drill %1: FAILED
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checks were recorded.</source>
        <translation type="unfinished">Es wurden keine Prüfungen aufgezeichnet.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>Restore drill of %1 (%2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no checks were recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · passed · RTO %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · FAILED: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::FilesSection</name>
    <message>
        <source>Workspace and repository files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files Coffer reads and writes for this workspace. The workspace file is plain YAML: edit it by hand if you like (docs/format.md). Ctrl+C copies the selected path; Enter opens its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the path of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder of: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::FirstRunDatabaseModel</name>
    <message>
        <source>Double-click or press F2 to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another database is already named “%1”; each needs its own name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::FirstRunPage</name>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Coffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coffer backs up SQLite databases into a repository folder, proves that every backup can be restored, and keeps the history you ask for. Choose where its workspace file and the backups go, add the databases to protect, and create the workspace. Everything can be changed later under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the repository folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workspace file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A YAML file listing your databases and repositories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;pository folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where backups go. A folder that already holds a Coffer repository is used as it is; otherwise it is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases to protect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add database files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose SQLite database files (Ctrl+N); you can also drop them onto this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected database from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add SQLite database files, or drop them here. Names come from the file names; double-click a name or group to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the workspace and its repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initialise the repository and write the workspace file (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace files (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3 *.db3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::FreeSpaceChart</name>
    <message>
        <source>Free space per file system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File systems: used and free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2%3
%4 free (%5 bytes) of %6; %7 used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (removable)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::GrowthSummary</name>
    <message>
        <source>Not enough history yet to measure growth (it takes two days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>over the last %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Shrinking by %1 a day %2: the file system does not fill at this rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not growing %1: the file system does not fill at this rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growing by %1 a day %2 (median of the day-to-day changes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At this rate the %1 free fill in %2 days, around %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file system&apos;s free space is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The history includes %n deleted backup(s), counted until their deletion.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted backup(s) could not be placed in time (deleted before Coffer recorded their creation).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::HealthBadge</name>
    <message>
        <source>Health: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::HistoryChart</name>
    <message>
        <source>Storage over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes stored per database at the end of each day, stacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projection at %1 a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::JobCountLabel</name>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) finished in this session</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::JobErrorDialog</name>
    <message>
        <source>Error detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>No further detail was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Error code: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::JobListModel</name>
    <message>
        <source>%1 running, %2 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) queued</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the last few seconds of the current phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished">Dauer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished">Meldung</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished">%1× {1%?}</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished">%1 s {1/?}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::JobNotifier</name>
    <message>
        <source>“%1” failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled backup of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled verification of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled prune of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled restore drill of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled %1 of %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::JobsPage</name>
    <message>
        <source>&amp;Cancel Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected jobs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole error of the selected job (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running and queued jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running and queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No jobs running, %n finished</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::MainWindow</name>
    <message>
        <source>Coffer</source>
        <translation>Coffer</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open a workspace file (Ctrl+O)</source>
        <translation>Eine Arbeitsbereichsdatei öffnen (Strg+O)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the workspace and its repositories again (F5)</source>
        <translation>Arbeitsbereich und Repositorys neu einlesen (F5)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Coffer — %1</source>
        <translation>Coffer — %1</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Workspace files (*.yaml *.yml);;All files (*)</source>
        <translation>Arbeitsbereichsdateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up every database of the workspace now (Ctrl+B); the arrow picks one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Coffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>About Coffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Coffer %1&lt;/b&gt;&lt;br&gt;Backup and restore console for SQLite databases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Coffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running or queued.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Quitting cancels them. A backup that is cancelled leaves nothing behind; a restore past its install step finishes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Jobs and Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>coffer::ui::ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by database, backup ID or check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter verifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished">Suchen</translation>
    </message>
    <message>
        <source>Verify &amp;all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify all backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify every backup of every repository (Alt+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick: compare each artifact&apos;s checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full: restore each database and check it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the verification history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace loaded</source>
        <translation type="unfinished">Kein Arbeitsbereich geladen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished">%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n verification(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No backups to verify yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 verified, %3 failed, %4 never verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation type="unfinished">
            <numerusform>%n Sicherung</numerusform>
            <numerusform>%n Sicherungen</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest unverified backup is %1 of “%2” in “%3”, created %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every backup has been verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workspace to see its verification history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verifications to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup has been verified yet. Verify them all with “Verify all…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RepositoriesSection</name>
    <message>
        <source>Set as &amp;Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require &amp;encryption (refuse backups that are not encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add E&amp;xisting Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Initialise New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the selected repository the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups go to the default repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the repository to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the repository to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder on a local disk, a network share or a removable drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the repository folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to a repository initialised here; it is stored in its coffer-repo.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an existing repository folder to the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initialise a new repository in an empty folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RepositoryState</name>
    <message numerus="yes">
        <source>ready, %n backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not initialised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RepositoryTableModel</name>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the repository refuses backups that are not encrypted (set when it is initialised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups go to the default repository unless told otherwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestoreBackupListModel</name>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished">nein</translation>
    </message>
    <message>
        <source>%1 bytes when restored; %2 on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in repository “%2” (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The size of the database once restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished">Erstellt</translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished">Größe</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished">Auslöser</translation>
    </message>
    <message>
        <source>Last verification</source>
        <translation type="unfinished">Letzte Prüfung</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished">ID</translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestoreBackupPage</name>
    <message>
        <source>not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not compressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest &amp;verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished">Sicherungen</translation>
    </message>
    <message>
        <source>Tables in the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished">Sicherung</translation>
    </message>
    <message>
        <source>Choose the database, then the backup to restore. “Latest verified” picks the newest backup whose last verification passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished">Datenbank</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the latest verified backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the newest backup of this database whose last verification passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the catalogs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the backup contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 is in no repository of the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 is not in the catalog of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every backup of “%1” failed its last verification: none is selected. Choose one only if you know why it failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup of “%1” has passed a verification yet: the newest one not known to be bad is selected, and it is unverified. The preflight verifies it fully before anything is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repository “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backup %1 of “%2”: database %3, %n table(s), %4, %5, created %6 (%7 ago), in %8.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>There is nothing to restore: no repository of the workspace holds a backup yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no backup of “%1” to restore. Choose another database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestoreCheckModel</name>
    <message>
        <source>Repository writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety backup encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished">Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: the backup is verified by decoding it in the target folder, which must be writable and have room for it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: the checks stopped before this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target folder writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target file usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding the backup and checking it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestoreConfirmPage</name>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read what the restore will do. Nothing has changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database name to confirm the restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the restore will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the database name “%1” to enable Restore:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore cannot start: its checks no longer apply. Go back and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup of %1 taken %2 (%3 old)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 into %2 (%3, modified %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is copied into the open database while programs stay connected; they see the restored data as soon as the copy ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace %1 (%2, modified %3) with %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data written after %1 will not be in the restored database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current database will be kept as safety backup %1, kept until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No safety backup will be taken: the current database cannot be put back afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database&apos;s own file, %1, is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestorePhaseModel</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decode the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the decoded database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks (decode and check the backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the checks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done during the checks: decoded next to the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done during the checks: integrity, schema and row counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks did not pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decode the backup next to the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity, schema and row counts against the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the current database first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy into the open database through SQLite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace %1 in one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the installed database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the previous database back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: the safety backup was turned off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: there is no current database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: the restore ended before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>Safety backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both were done by the checks before the restore began; this is how long the checks took.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestorePreflightPage</name>
    <message>
        <source>Decoding the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypting the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the decoded copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coffer checks the target and fully verifies the backup. Nothing is changed until you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private key the backup was encrypted to (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choo&amp;se…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private &amp;key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preflight checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the checks again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program has this database open, so it cannot be replaced. Coffer can restore it live instead: it copies the backup into the open database through SQLite. The programs stay connected and see the restored data as soon as the copy ends. Anything they wrote since the backup was taken is gone. The safety backup keeps the current data, so it can be put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;live instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore live instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live restore: the backup is copied into the open database while the programs that use it stay connected; they see the restored data as soon as the copy ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Usual restore instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the file instead of restoring live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key file %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private keys (*.pem *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All checks passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not checked: the checks were cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks were cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks could not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup is encrypted. Give its passphrase or the private key it was encrypted to, then choose Check. They are used for this restore only and are not stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup is encrypted. If the checks say it does not open with what Coffer has, give its passphrase or private key here and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking… The restore can go on once every check has passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every check passed. Next, confirm what the restore will do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore cannot go on: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks were cancelled. Check again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore cannot go on: the checks could not finish. Check again once the problem is solved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks wait for the backup&apos;s passphrase or private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestoreProgressPage</name>
    <message>
        <source>Restore phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each step of the restore as it happens. The target is replaced only after its safety backup is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of the current phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the restore before it installs anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring backup %1 of %2, taken %3, to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore has not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting (waiting for the repository)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished">%1 s {1/?}</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>estimating the time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore was cancelled before the install: %1 is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The install has begun and can no longer be cancelled. If anything fails from here, the previous database is put back automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The install has begun and can no longer be cancelled. If anything fails from here, the new file is removed again automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can cancel until the install begins; until then %1 is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: unless the install has already begun, the restore stops before it and %1 stays unchanged. The result says how it ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestoreResultPage</name>
    <message>
        <source>Result</source>
        <translation type="unfinished">Ergebnis</translation>
    </message>
    <message>
        <source>How the restore ended, and where the database as it was before is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the restore ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety backup&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command that restores the safety backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opy command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the command that restores the safety backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time each phase took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety backup id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the safety backup in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore has not finished yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 (backup %2 of %3) to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore was cancelled before the install.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous database was put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There was no database at %1 before; the restored file was removed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database as it was before the restore is kept as a safety backup until %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its file: looking it up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no safety backup of the previous database: see the details above for where its file was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There was no database at %1 before the restore, so no earlier data was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>Time taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1 (the restore after the checks: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its file could not be looked up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous database was not put back: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data as it was before the restore is in safety backup %1, in the repository %2. To put it back at %3, stop the programs that use it and run the command below. It replaces the database as it is now, including anything written to it since the restore.%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The safety backup is encrypted: add --identity KEYFILE or --passphrase-file FILE as for any encrypted backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestoreTargetPage</name>
    <message>
        <source>The database&apos;s &amp;own file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Another file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per table, now and in the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to restore to: the database&apos;s own file, or another file next to it. Below is what is there now and how the restore changes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore to the database&apos;s own file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore to another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of the restored database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the target file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading what is there now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is there now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a database of the workspace, so it has no own file: choose the file to restore to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or choose the file to restore to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist: the restore will create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist, and neither does its folder %2: the preflight will refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The restore creates it with %n table(s), %1 rows in all.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a folder: name a file to restore to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is there now: %2, last modified %3 (%4 ago).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot be read as an SQLite database (%1). The preflight checks it again and refuses a file that is not a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every table has as many rows now as in the backup (the rows themselves may differ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) differ: %1 rows will be removed, %2 added.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) differ: %1 rows will be removed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) differ: %1 rows will be added.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) differ: empty tables appear or vanish; no rows change.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestoreWizard</name>
    <message>
        <source>Restore a Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore wizard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the Restore?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore of %1 to %2 is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close While the Restore Finishes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restored database is being installed at %1; that step cannot be stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore finishes in the background and, if anything fails, puts the previous database back. The Jobs page shows how it ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been installed yet: stopped before the install begins, %1 stays exactly as it is. The wizard then says how the restore ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RetentionPolicyEditor</name>
    <message>
        <source>Retention policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configured in the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom (whole repository)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;last:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hourly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Daily:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weekly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Monthly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yearly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep everything younger than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 30d, 6m, 1y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep wi&amp;thin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size limit in GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;ze limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RetentionPreviewPanel</name>
    <message>
        <source>The workspace sets no retention policy: choose “Custom” to try one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set at least one rule: a policy without rules would delete every backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A prune now would keep %1 and delete %2, freeing %3 (%4 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation type="unfinished">
            <numerusform>%n Sicherung</numerusform>
            <numerusform>%n Sicherungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::RetentionTimeline</name>
    <message>
        <source>Retention preview timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted by the prune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3
%4 (%5 bytes)
%6</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::RunResultModel</name>
    <message>
        <source>Double-click or press Enter to show this backup in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished">FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>(no backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) passed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database / check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished">Sicherung</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished">Repository</translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished">Stufe</translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repositories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup De&amp;faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;iles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished">%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation type="unfinished">
            <numerusform>%n Repository</numerusform>
            <numerusform>%n Repositorys</numerusform>
        </translation>
    </message>
    <message>
        <source>No workspace loaded</source>
        <translation type="unfinished">Kein Arbeitsbereich geladen</translation>
    </message>
    <message>
        <source>Retention: no policy; prune deletes nothing until the workspace has a `retention:` section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention (every repository): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption: off for new backups (a repository that requires it refuses them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Encryption: on, to %n public key(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Encryption: on, with the passphrase in $%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also removed from the workspace file: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace file had to be rewritten and its comments could not be kept; the previous version, with them, is in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the database “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the database “%1” from the workspace; its backups are still in the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” is in no group now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” is in the group “%2” now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the repository “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initialised the repository “%1” in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New backups go to the repository “%1” now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New backups are compressed with %1 (level %2) now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::ShareChart</name>
    <message>
        <source>Share per database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the stored bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 bytes), %4 % of %5
%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation type="unfinished">
            <numerusform>%n Sicherung</numerusform>
            <numerusform>%n Sicherungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::SizeSparkline</name>
    <message>
        <source>Size trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Size of the last %n backup(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1  %2 (%3 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s), from %1 to %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no backups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::StoragePage</name>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished">Repository</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File system usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage by database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By month of creation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the repositories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace loaded</source>
        <translation type="unfinished">Kein Arbeitsbereich geladen</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n repository(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished">%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation type="unfinished">
            <numerusform>%n nicht lesbar</numerusform>
            <numerusform>%n nicht lesbar</numerusform>
        </translation>
    </message>
    <message>
        <source>No backups in this repository yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Total: %1 of %2 take %3 for %4 of databases (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation type="unfinished">
            <numerusform>%n Sicherung</numerusform>
            <numerusform>%n Sicherungen</numerusform>
        </translation>
    </message>
    <message>
        <source>The free space of this file system is unknown; the backups take %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 used of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free of %2; the backups take %3 (%4 % of the file system).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workspace to see what its backups take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace lists no repositories. Add one under “repositories:”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No storage to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hare and compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Free space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repository %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removable %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::TableDiffModel</name>
    <message>
        <source>The restore creates this table with %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore removes this table and its %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As many rows now as in the backup (the rows themselves may differ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore brings back %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore removes %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only in backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows in backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::UsageTableModel</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups created in %1 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes in the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes when restored</source>
        <translation type="unfinished">%1 Bytes nach der Wiederherstellung</translation>
    </message>
    <message>
        <source>Month (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished">Datenbank</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished">Sicherungen</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation type="unfinished">Faktor</translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::VerificationRunPanel</name>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick (checksums)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full (restore and check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a level and a scope, then Verify. The result shows here, one row per backup (expand it for its checks), and can be exported for an audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All repositories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) selected in the catalog</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n repository(s) (%1)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying repository “%1” was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository “%1” could not be verified: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup was verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verified %n backup(s): %1 passed, %2 FAILED.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified %n backup(s): all passed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run: %1 verification of %2, %3 — %4 checked, %5 passed, %6 failed. In scope: %7 backups, %8 verified, %9 failed, %10 stale, %11 never verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the verification report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coffer::ui::VerificationTableModel</name>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished">FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished">Datenbank</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished">Sicherung</translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished">Stufe</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished">Dauer</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation type="unfinished">Fehlgeschlagene Prüfungen</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished">Repository</translation>
    </message>
</context>
<context>
    <name>coffer::ui::WorkspaceFilesModel</name>
    <message>
        <source>Workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous version of the workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository “%1”: folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository “%1”: settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository “%1”: catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not there yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot save the screenshot to %1</source>
        <translation>Das Bildschirmfoto kann nicht unter %1 gespeichert werden</translation>
    </message>
    <message>
        <source>Screenshot saved to %1</source>
        <translation>Bildschirmfoto gespeichert unter %1</translation>
    </message>
    <message>
        <source>Backup and restore console for SQLite databases.</source>
        <translation>Sicherungs- und Wiederherstellungskonsole für SQLite-Datenbanken.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Save a PNG of the main window to FILE once the backups are listed, then exit.</source>
        <translation>Ein PNG des Hauptfensters in DATEI speichern, sobald die Sicherungen aufgelistet sind, und beenden.</translation>
    </message>
    <message>
        <source>The backups were not listed within %1 seconds; no screenshot saved.</source>
        <translation>Die Sicherungen wurden nicht innerhalb von %1 Sekunden aufgelistet; kein Bildschirmfoto gespeichert.</translation>
    </message>
    <message>
        <source>The workspace file to open (default: $COFFER_WORKSPACE, else the one opened last, else ~/.config/coffer/workspace.yaml; a file that does not exist yet opens the first-run page that creates it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace file to open (like --workspace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[workspace]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
