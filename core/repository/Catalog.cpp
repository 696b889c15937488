#include "repository/Catalog.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace coffer {

namespace {

QString checksToJson(const QList<CheckResult> &checks)
{
    QJsonArray array;
    for (const CheckResult &check : checks)
        array.append(QJsonObject{ { QStringLiteral("name"), check.name }, { QStringLiteral("ok"), check.ok },
            { QStringLiteral("detail"), check.detail } });
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<CheckResult> checksFromJson(const QString &text)
{
    QList<CheckResult> checks;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        checks << CheckResult{ object.value(QStringLiteral("name")).toString(),
            object.value(QStringLiteral("ok")).toBool(), object.value(QStringLiteral("detail")).toString() };
    }
    return checks;
}

} // namespace

Catalog::Catalog(const Repository &repository)
    : m_repository(repository)
{
}

Result<Catalog> Catalog::open(const Repository &repository)
{
    Catalog catalog(repository);
    auto db = SqliteDb::open(repository.catalogPath(), SqliteDb::Mode::Create);
    if (!db)
        return std::unexpected(db.error());
    catalog.m_db = std::move(*db);
    QFile::setPermissions(repository.catalogPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (auto migrated = catalog.migrate(); !migrated)
        return std::unexpected(migrated.error());
    return catalog;
}

Result<void> Catalog::migrate()
{
    auto version = m_db.scalar(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return std::unexpected(version.error());
    const int current = version->toInt();
    if (current > kSchemaVersion)
        return fail(ErrorCode::UnsupportedFormat,
            QStringLiteral("The repository's catalog was written by a newer Coffer; upgrade Coffer to use it"),
            m_db.path());
    if (current == kSchemaVersion)
        return {};
    // One transaction: an error or a crash leaves the catalog as the older Coffer wrote it.
    if (auto begun = m_db.exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return std::unexpected(begun.error());
    auto migrated = [this]() -> Result<void> {
        auto again = m_db.scalar(QStringLiteral("PRAGMA user_version"));
        if (!again)
            return std::unexpected(again.error());
        if (again->toInt() > kSchemaVersion)
            return fail(ErrorCode::UnsupportedFormat, QStringLiteral("A newer Coffer upgraded the catalog meanwhile"));
        if (again->toInt() == kSchemaVersion)
            return {}; // another process upgraded it while we waited for the lock
        if (auto created = m_db.exec(QStringLiteral(R"(
                CREATE TABLE IF NOT EXISTS backups(
                    id TEXT PRIMARY KEY,
                    database TEXT NOT NULL,
                    grp TEXT NOT NULL DEFAULT '',
                    created TEXT NOT NULL,
                    trigger TEXT NOT NULL,
                    artifact_size INTEGER NOT NULL,
                    plaintext_size INTEGER NOT NULL,
                    manifest TEXT NOT NULL,
                    deleting INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX IF NOT EXISTS backups_by_database ON backups(database, created);
                CREATE TABLE IF NOT EXISTS verifications(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    backup_id TEXT NOT NULL,
                    time TEXT NOT NULL,
                    level TEXT NOT NULL,
                    ok INTEGER NOT NULL,
                    duration_ms INTEGER NOT NULL,
                    checks TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS verifications_by_backup ON verifications(backup_id, id);
                CREATE TABLE IF NOT EXISTS drills(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    backup_id TEXT NOT NULL,
                    database TEXT NOT NULL,
                    time TEXT NOT NULL,
                    ok INTEGER NOT NULL,
                    rto_ms INTEGER NOT NULL,
                    duration_ms INTEGER NOT NULL,
                    checks TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS drills_by_backup ON drills(backup_id, id);
                CREATE INDEX IF NOT EXISTS drills_by_database ON drills(database, id);)"));
            !created)
            return created;
        if (auto audit = AuditTrail::createSchema(m_db); !audit)
            return audit;
        // Catalogs of versions 1 and 2 have the backups table without the deletion mark.
        if (auto has
            = m_db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('backups') WHERE name = 'deleting'"));
            !has)
            return std::unexpected(has.error());
        else if (has->toInt() == 0) {
            if (auto added
                = m_db.exec(QStringLiteral("ALTER TABLE backups ADD COLUMN deleting INTEGER NOT NULL DEFAULT 0"));
                !added)
                return added;
        }
        return m_db.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
    }();
    if (!migrated) {
        m_db.exec(QStringLiteral("ROLLBACK"));
        return fail(migrated.error().code,
            QStringLiteral("The catalog could not be upgraded to schema version %1; it was left unchanged")
                .arg(kSchemaVersion),
            migrated.error().toString());
    }
    if (auto committed = m_db.exec(QStringLiteral("COMMIT")); !committed) {
        m_db.exec(QStringLiteral("ROLLBACK"));
        return committed;
    }
    return {};
}

Result<void> Catalog::insertBackup(const Manifest &manifest, const QByteArray &published)
{
    auto stmt = m_db.prepare(QStringLiteral(
        "INSERT INTO backups(id, database, grp, created, trigger, artifact_size, plaintext_size, manifest) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, manifest.id)
        .bind(2, manifest.database)
        .bind(3, manifest.group)
        .bind(4, manifest.created.toUTC().toString(Qt::ISODateWithMs))
        .bind(5, manifest.trigger)
        .bind(6, manifest.artifactSize)
        .bind(7, manifest.plaintextSize)
        .bind(8, QString::fromUtf8(published.isEmpty() ? manifest.toBytes() : published));
    return stmt->run();
}

Result<void> Catalog::removeBackup(const QString &id, const AuditRecord &record)
{
    if (auto begun = m_db.exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun;
    auto done = removeBackup(id);
    if (done) {
        if (auto audited = audit(record); !audited)
            done = std::unexpected(audited.error());
    }
    if (done)
        done = m_db.exec(QStringLiteral("COMMIT"));
    if (!done)
        m_db.exec(QStringLiteral("ROLLBACK"));
    return done;
}

Result<void> Catalog::replaceManifest(const Manifest &manifest)
{
    auto stmt = m_db.prepare(QStringLiteral("UPDATE backups SET manifest = ? WHERE id = ?"));
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, QString::fromUtf8(manifest.toBytes())).bind(2, manifest.id);
    return stmt->run();
}

Result<void> Catalog::markDeleting(const QString &id)
{
    auto stmt = m_db.prepare(QStringLiteral("UPDATE backups SET deleting = 1 WHERE id = ?"));
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, id);
    return stmt->run();
}

Result<QStringList> Catalog::markedForDeletion()
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT id FROM backups WHERE deleting != 0 ORDER BY id"));
    if (!stmt)
        return std::unexpected(stmt.error());
    QStringList ids;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return ids;
        ids << stmt->text(0);
    }
}

Result<QByteArray> Catalog::indexedManifest(const QString &id)
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT manifest FROM backups WHERE id = ?"));
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? stmt->text(0).toUtf8() : QByteArray();
}

Result<void> Catalog::removeBackup(const QString &id)
{
    auto stmt = m_db.prepare(QStringLiteral("DELETE FROM backups WHERE id = ?"));
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, id);
    return stmt->run();
}

Result<QList<CatalogEntry>> Catalog::query(const QString &condition, const QString &argument)
{
    // Each backup with its latest verification and latest drill (if any), in one pass over the
    // rows asked for; both lookups are one step down an index on (backup_id, id).
    auto stmt = m_db.prepare(
        QStringLiteral("SELECT b.manifest, v.time, v.level, v.duration_ms, v.checks, "
                       "d.time, d.rto_ms, d.duration_ms, d.checks FROM backups b "
                       "LEFT JOIN verifications v ON v.id = (SELECT max(id) FROM verifications WHERE backup_id = b.id) "
                       "LEFT JOIN drills d ON d.id = (SELECT max(id) FROM drills WHERE backup_id = b.id) "
                       "WHERE b.deleting = 0 %1 ORDER BY b.created DESC, b.id")
            .arg(condition.isEmpty() ? QString() : QStringLiteral("AND ") + condition));
    if (!stmt)
        return std::unexpected(stmt.error());
    if (!argument.isNull())
        stmt->bind(1, argument);
    QList<CatalogEntry> entries;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        auto manifest = Manifest::fromBytes(stmt->text(0).toUtf8());
        if (!manifest)
            return fail(ErrorCode::Corrupt,
                QStringLiteral("The catalog is damaged; rebuild it with 'coffer-cli repo reindex'"),
                manifest.error().toString());
        CatalogEntry entry;
        entry.manifest = *manifest;
        entry.artifactPath = m_repository.artifactPath(entry.manifest);
        entry.manifestPath = m_repository.manifestPath(entry.manifest);
        if (!stmt->isNull(1)) {
            VerifyOutcome outcome;
            outcome.backupId = entry.manifest.id;
            outcome.database = entry.manifest.database;
            outcome.time = QDateTime::fromString(stmt->text(1), Qt::ISODateWithMs);
            outcome.level = stmt->text(2);
            outcome.durationMs = stmt->integer(3);
            outcome.checks = checksFromJson(stmt->text(4));
            entry.lastVerification = outcome;
        }
        if (!stmt->isNull(5)) {
            DrillOutcome drill;
            drill.backupId = entry.manifest.id;
            drill.database = entry.manifest.database;
            drill.time = QDateTime::fromString(stmt->text(5), Qt::ISODateWithMs);
            drill.rtoMs = stmt->integer(6);
            drill.durationMs = stmt->integer(7);
            drill.checks = checksFromJson(stmt->text(8));
            entry.lastDrill = drill;
        }
        entries << entry;
    }
    return entries;
}

Result<QList<CatalogEntry>> Catalog::backups(const QString &database)
{
    if (database.isEmpty())
        return query({}, QString());
    return query(QStringLiteral("b.database = ?"), database);
}

Result<CatalogEntry> Catalog::backup(const QString &idOrPrefix)
{
    const QString prefix = idOrPrefix.trimmed().toLower();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{4,32}$"));
    if (!hex.match(prefix).hasMatch())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("'%1' is not a backup id: use the id (or its first 8 characters) shown by 'list'")
                .arg(idOrPrefix));
    auto matches = query(QStringLiteral("b.id LIKE ? || '%'"), prefix);
    if (!matches)
        return std::unexpected(matches.error());
    if (matches->isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("No backup with id '%1' in this repository").arg(idOrPrefix));
    if (matches->size() > 1)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The id '%1' matches %2 backups; give more characters")
                .arg(idOrPrefix)
                .arg(matches->size()));
    return matches->first();
}

Result<QList<VerifyOutcome>> Catalog::verifications(const QString &backupId)
{
    auto stmt = m_db.prepare(
        QStringLiteral("SELECT v.backup_id, b.database, v.time, v.level, v.duration_ms, v.checks FROM verifications v "
                       "JOIN backups b ON b.id = v.backup_id WHERE b.deleting = 0 %1 ORDER BY v.id DESC")
            .arg(backupId.isEmpty() ? QString() : QStringLiteral("AND v.backup_id = ?")));
    if (!stmt)
        return std::unexpected(stmt.error());
    if (!backupId.isEmpty())
        stmt->bind(1, backupId);
    QList<VerifyOutcome> outcomes;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        VerifyOutcome outcome;
        outcome.backupId = stmt->text(0);
        outcome.database = stmt->text(1);
        outcome.time = QDateTime::fromString(stmt->text(2), Qt::ISODateWithMs);
        outcome.level = stmt->text(3);
        outcome.durationMs = stmt->integer(4);
        outcome.checks = checksFromJson(stmt->text(5));
        outcomes << outcome;
    }
    return outcomes;
}

Result<void> Catalog::recordVerification(const VerifyOutcome &outcome)
{
    auto stmt = m_db.prepare(QStringLiteral(
        "INSERT INTO verifications(backup_id, time, level, ok, duration_ms, checks) VALUES(?, ?, ?, ?, ?, ?)"));
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, outcome.backupId)
        .bind(2, outcome.time.toUTC().toString(Qt::ISODateWithMs))
        .bind(3, outcome.level)
        .bind(4, qint64(outcome.ok() ? 1 : 0))
        .bind(5, outcome.durationMs)
        .bind(6, checksToJson(outcome.checks));
    return stmt->run();
}

Result<void> Catalog::recordDrill(const DrillOutcome &outcome)
{
    auto stmt
        = m_db.prepare(QStringLiteral("INSERT INTO drills(backup_id, database, time, ok, rto_ms, duration_ms, checks) "
                                      "VALUES(?, ?, ?, ?, ?, ?, ?)"));
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, outcome.backupId)
        .bind(2, outcome.database)
        .bind(3, outcome.time.toUTC().toString(Qt::ISODateWithMs))
        .bind(4, qint64(outcome.ok() ? 1 : 0))
        .bind(5, outcome.rtoMs)
        .bind(6, outcome.durationMs)
        .bind(7, checksToJson(outcome.checks));
    return stmt->run();
}

Result<QList<DrillOutcome>> Catalog::drills(const QString &database)
{
    // Not joined with backups: the evidence of a drill outlives the backup it restored.
    auto stmt = m_db.prepare(
        QStringLiteral("SELECT backup_id, database, time, rto_ms, duration_ms, checks FROM drills %1 ORDER BY id DESC")
            .arg(database.isEmpty() ? QString() : QStringLiteral("WHERE database = ?")));
    if (!stmt)
        return std::unexpected(stmt.error());
    if (!database.isEmpty())
        stmt->bind(1, database);
    QList<DrillOutcome> outcomes;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        DrillOutcome outcome;
        outcome.backupId = stmt->text(0);
        outcome.database = stmt->text(1);
        outcome.time = QDateTime::fromString(stmt->text(2), Qt::ISODateWithMs);
        outcome.rtoMs = stmt->integer(3);
        outcome.durationMs = stmt->integer(4);
        outcome.checks = checksFromJson(stmt->text(5));
        outcomes << outcome;
    }
    return outcomes;
}

Result<AuditRecord> Catalog::audit(const AuditRecord &record)
{
    return AuditTrail(m_db).append(record);
}

Result<QList<AuditRecord>> Catalog::auditTrail(const QDateTime &since)
{
    return AuditTrail(m_db).records(since);
}

Result<AuditChainReport> Catalog::verifyAuditTrail()
{
    return AuditTrail(m_db).verify();
}

Result<ReindexReport> Catalog::rebuild()
{
    ReindexReport report;
    QList<std::pair<Manifest, QByteArray>> manifests; // with the bytes as published
    QDirIterator it(m_repository.backupsDir(), { QStringLiteral("*") + QLatin1String(Repository::kManifestSuffix) },
        QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            report.problems
                << QStringLiteral("%1: cannot be read (%2)").arg(m_repository.relative(path), file.errorString());
            continue;
        }
        const QByteArray bytes = file.readAll();
        auto manifest = Manifest::fromBytes(bytes);
        if (!manifest) {
            report.problems << QStringLiteral("%1: %2").arg(m_repository.relative(path), manifest.error().toString());
            continue;
        }
        if (m_repository.manifestPath(*manifest) != path) {
            report.problems << QStringLiteral("%1: does not belong at this place (its id and date say %2)")
                                   .arg(m_repository.relative(path),
                                       m_repository.relative(m_repository.manifestPath(*manifest)));
            continue;
        }
        if (!QFileInfo::exists(m_repository.artifactPath(*manifest)))
            report.problems << QStringLiteral("%1: its artifact %2 is missing (indexed anyway; verify will fail)")
                                   .arg(m_repository.relative(path), manifest->artifactFile);
        manifests.append({ *manifest, bytes });
    }

    if (auto begun = m_db.exec(QStringLiteral("BEGIN IMMEDIATE; DELETE FROM backups;")); !begun)
        return std::unexpected(begun.error());
    QSet<QString> seen;
    for (const auto &[manifest, bytes] : std::as_const(manifests)) {
        if (seen.contains(manifest.id)) {
            report.problems << QStringLiteral("backup %1 has two manifests; indexed the first").arg(manifest.id);
            continue;
        }
        seen.insert(manifest.id);
        if (auto inserted = insertBackup(manifest, bytes); !inserted) {
            m_db.exec(QStringLiteral("ROLLBACK"));
            return std::unexpected(inserted.error());
        }
        ++report.indexed;
    }
    if (auto committed = m_db.exec(QStringLiteral("COMMIT")); !committed)
        return std::unexpected(committed.error());
    return report;
}

} // namespace coffer
