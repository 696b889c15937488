<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>coffer::ui::AuditPage</name>
    <message numerus="yes">
        <source>%n audit record(s)</source>
        <translation>
            <numerusform>%n audit record</numerusform>
            <numerusform>%n audit records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken trail(s)</source>
        <translation>
            <numerusform>%n broken trail</numerusform>
            <numerusform>%n broken trails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Audit trail of “%1” intact: %n record(s)</source>
        <translation>
            <numerusform>Audit trail of “%1” intact: %n record</numerusform>
            <numerusform>Audit trail of “%1” intact: %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Audit trail of “%1” is BROKEN (%n record(s)): %2</source>
        <translation>
            <numerusform>Audit trail of “%1” is BROKEN (%n record): %2</numerusform>
            <numerusform>Audit trail of “%1” is BROKEN (%n records): %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::BackupActions</name>
    <message numerus="yes">
        <source>Full verification: %n passed</source>
        <translation>
            <numerusform>Full verification: %n passed</numerusform>
            <numerusform>Full verification: %n passed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Quick verification: %n passed</source>
        <translation>
            <numerusform>Quick verification: %n passed</numerusform>
            <numerusform>Quick verification: %n passed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still, %n backup(s) were pinned (%1) and stay pinned.</source>
        <translation>
            <numerusform>Still, %n backup were pinned (%1) and stay pinned.</numerusform>
            <numerusform>Still, %n backups were pinned (%1) and stay pinned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still, %n backup(s) were unpinned (%1) and stay unpinned.</source>
        <translation>
            <numerusform>Still, %n backup were unpinned (%1) and stay unpinned.</numerusform>
            <numerusform>Still, %n backups were unpinned (%1) and stay unpinned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pinned %n backup(s): every prune keeps them until they are unpinned.</source>
        <translation>
            <numerusform>Pinned %n backup: every prune keeps them until they are unpinned.</numerusform>
            <numerusform>Pinned %n backups: every prune keeps them until they are unpinned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unpinned %n backup(s): the retention policy decides again whether they are kept.</source>
        <translation>
            <numerusform>Unpinned %n backup: the retention policy decides again whether they are kept.</numerusform>
            <numerusform>Unpinned %n backups: the retention policy decides again whether they are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n backup(s), %1 in total, from %2?</source>
        <translation>
            <numerusform>Delete %n backup, %1 in total, from %2?</numerusform>
            <numerusform>Delete %n backups, %1 in total, from %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pinned backup(s) (%1) will be refused and kept.</source>
        <translation>
            <numerusform>%n pinned backup (%1) will be refused and kept.</numerusform>
            <numerusform>%n pinned backups (%1) will be refused and kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Backup(s)</source>
        <translation>
            <numerusform>Delete %n Backup</numerusform>
            <numerusform>Delete %n Backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n backup(s), %1 freed</source>
        <translation>
            <numerusform>Deleted %n backup, %1 freed</numerusform>
            <numerusform>Deleted %n backups, %1 freed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pinned backup(s) kept (%1); unpin them first</source>
        <translation>
            <numerusform>%n pinned backup kept (%1); unpin them first</numerusform>
            <numerusform>%n pinned backups kept (%1); unpin them first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore drill: %n passed (RTO %1)</source>
        <translation>
            <numerusform>Restore drill: %n passed (RTO %1)</numerusform>
            <numerusform>Restore drill: %n passed (RTO %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore drill: %n failed</source>
        <translation>
            <numerusform>Restore drill: %n failed</numerusform>
            <numerusform>Restore drill: %n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::CatalogPage</name>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n backup</numerusform>
            <numerusform>%n backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n unreadable</numerusform>
            <numerusform>%n unreadable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform>
            <numerusform>%n shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::DatabaseCard</name>
    <message numerus="yes">
        <source>%1
Backup %2 in repository “%3”, one of %n backup(s)</source>
        <translation>
            <numerusform>%1
Backup %2 in repository “%3”, one of %n backup</numerusform>
            <numerusform>%1
Backup %2 in repository “%3”, one of %n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::DatabaseStatusModel</name>
    <message numerus="yes">
        <source>%n healthy</source>
        <translation>
            <numerusform>%n healthy</numerusform>
            <numerusform>%n healthy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needing attention</source>
        <translation>
            <numerusform>%n needing attention</numerusform>
            <numerusform>%n needing attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n at risk</source>
        <translation>
            <numerusform>%n at risk</numerusform>
            <numerusform>%n at risk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation>
            <numerusform>%n database</numerusform>
            <numerusform>%n databases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::DisplayFormat</name>
    <message numerus="yes">
        <source>All %n check(s) passed.</source>
        <translation>
            <numerusform>The check passed.</numerusform>
            <numerusform>All %n checks passed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::GrowthSummary</name>
    <message numerus="yes">
        <source>over the last %n day(s)</source>
        <translation>
            <numerusform>over the last %n day</numerusform>
            <numerusform>over the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The history includes %n deleted backup(s), counted until their deletion.</source>
        <translation>
            <numerusform>The history includes %n deleted backup, counted until their deletion.</numerusform>
            <numerusform>The history includes %n deleted backups, counted until their deletion.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted backup(s) could not be placed in time (deleted before Coffer recorded their creation).</source>
        <translation>
            <numerusform>%n deleted backup could not be placed in time (deleted before Coffer recorded their creation).</numerusform>
            <numerusform>%n deleted backups could not be placed in time (deleted before Coffer recorded their creation).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::JobCountLabel</name>
    <message numerus="yes">
        <source>%n job(s) finished in this session</source>
        <translation>
            <numerusform>%n job finished in this session</numerusform>
            <numerusform>%n jobs finished in this session</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::JobListModel</name>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n job running</numerusform>
            <numerusform>%n jobs running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) queued</source>
        <translation>
            <numerusform>%n job queued</numerusform>
            <numerusform>%n jobs queued</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::JobNotifier</name>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (and %n more)</numerusform>
            <numerusform>%1 (and %n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::JobsPage</name>
    <message numerus="yes">
        <source>No jobs running, %n finished</source>
        <translation>
            <numerusform>No jobs running, %n finished</numerusform>
            <numerusform>No jobs running, %n finished</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n job(s) still running or queued.</source>
        <translation>
            <numerusform>%n job still running or queued.</numerusform>
            <numerusform>%n jobs still running or queued.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::ReportsPage</name>
    <message numerus="yes">
        <source>%n verification(s)</source>
        <translation>
            <numerusform>%n verification</numerusform>
            <numerusform>%n verifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing backup(s)</source>
        <translation>
            <numerusform>%n failing backup</numerusform>
            <numerusform>%n failing backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n backup</numerusform>
            <numerusform>%n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::RepositoryState</name>
    <message numerus="yes">
        <source>ready, %n backup(s)</source>
        <translation>
            <numerusform>ready, %n backup</numerusform>
            <numerusform>ready, %n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestoreBackupPage</name>
    <message numerus="yes">
        <source>Backup %1 of “%2”: database %3, %n table(s), %4, %5, created %6 (%7 ago), in %8.</source>
        <translation>
            <numerusform>Backup %1 of “%2”: database %3, %n table, %4, %5, created %6 (%7 ago), in %8.</numerusform>
            <numerusform>Backup %1 of “%2”: database %3, %n tables, %4, %5, created %6 (%7 ago), in %8.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestorePreflightPage</name>
    <message numerus="yes">
        <source>%n check(s) failed</source>
        <translation>
            <numerusform>%n check failed</numerusform>
            <numerusform>%n checks failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::RestoreTargetPage</name>
    <message numerus="yes">
        <source>The restore creates it with %n table(s), %1 rows in all.</source>
        <translation>
            <numerusform>The restore creates it with %n table, %1 rows in all.</numerusform>
            <numerusform>The restore creates it with %n tables, %1 rows in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) differ: %1 rows will be removed, %2 added.</source>
        <translation>
            <numerusform>%n table differ: %1 rows will be removed, %2 added.</numerusform>
            <numerusform>%n tables differ: %1 rows will be removed, %2 added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) differ: %1 rows will be removed.</source>
        <translation>
            <numerusform>%n table differ: %1 rows will be removed.</numerusform>
            <numerusform>%n tables differ: %1 rows will be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) differ: %1 rows will be added.</source>
        <translation>
            <numerusform>%n table differ: %1 rows will be added.</numerusform>
            <numerusform>%n tables differ: %1 rows will be added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) differ: empty tables appear or vanish; no rows change.</source>
        <translation>
            <numerusform>%n table differ: empty tables appear or vanish; no rows change.</numerusform>
            <numerusform>%n tables differ: empty tables appear or vanish; no rows change.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::RetentionPreviewPanel</name>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n backup</numerusform>
            <numerusform>%n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::RunResultModel</name>
    <message numerus="yes">
        <source>%n check(s) passed</source>
        <translation>
            <numerusform>%n check passed</numerusform>
            <numerusform>%n checks passed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::SettingsPage</name>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation>
            <numerusform>%n database</numerusform>
            <numerusform>%n databases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Encryption: on, to %n public key(s).</source>
        <translation>
            <numerusform>Encryption: on, to %n public key.</numerusform>
            <numerusform>Encryption: on, to %n public keys.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::ShareChart</name>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n backup</numerusform>
            <numerusform>%n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::SizeSparkline</name>
    <message numerus="yes">
        <source>Size of the last %n backup(s):</source>
        <translation>
            <numerusform>Size of the last %n backup:</numerusform>
            <numerusform>Size of the last %n backups:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s), from %1 to %2</source>
        <translation>
            <numerusform>%n backup, from %1 to %2</numerusform>
            <numerusform>%n backups, from %1 to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::StoragePage</name>
    <message numerus="yes">
        <source>%1 in %n repository(s)</source>
        <translation>
            <numerusform>%1 in %n repository</numerusform>
            <numerusform>%1 in %n repositories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n unreadable</numerusform>
            <numerusform>%n unreadable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation>
            <numerusform>%n database</numerusform>
            <numerusform>%n databases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n backup</numerusform>
            <numerusform>%n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::VerificationRunPanel</name>
    <message numerus="yes">
        <source>%n backup(s) selected in the catalog</source>
        <translation>
            <numerusform>%n backup selected in the catalog</numerusform>
            <numerusform>%n backups selected in the catalog</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n repository(s) (%1)…</source>
        <translation>
            <numerusform>Verifying %n repository (%1)…</numerusform>
            <numerusform>Verifying %n repositories (%1)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified %n backup(s): %1 passed, %2 FAILED.</source>
        <translation>
            <numerusform>Verified %n backup: %1 passed, %2 FAILED.</numerusform>
            <numerusform>Verified %n backups: %1 passed, %2 FAILED.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified %n backup(s): all passed.</source>
        <translation>
            <numerusform>Verified %n backup: all passed.</numerusform>
            <numerusform>Verified %n backups: all passed.</numerusform>
        </translation>
    </message>
</context>
</TS>
