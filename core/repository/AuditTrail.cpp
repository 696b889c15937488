#include "repository/AuditTrail.h"

#include "common/FileUtil.h"
#include "common/Sha256.h"
#include "common/SqliteDb.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <sqlite3.h>

namespace coffer {

namespace {

const QString kGenesisHash(64, QLatin1Char('0'));

const QString kColumns
    = QStringLiteral("sequence, time, host, user, operation, target, backup_id, outcome, detail, previous_hash, hash");

// AUTOINCREMENT keeps the highest sequence ever used in sqlite_sequence, so records removed
// from the end still leave a gap. The INSERT trigger stops INSERT OR REPLACE, which would
// overwrite a record without firing the DELETE trigger.
const QString kSchema = QStringLiteral(R"(
    CREATE TABLE IF NOT EXISTS audit(
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        time TEXT NOT NULL,
        host TEXT NOT NULL,
        user TEXT NOT NULL,
        operation TEXT NOT NULL,
        target TEXT NOT NULL,
        backup_id TEXT NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT NOT NULL,
        previous_hash TEXT NOT NULL,
        hash TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS audit_by_time ON audit(time);
    CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: a record cannot be changed'); END;
    CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: a record cannot be deleted'); END;
    CREATE TRIGGER IF NOT EXISTS audit_no_replace BEFORE INSERT ON audit
    WHEN EXISTS (SELECT 1 FROM audit WHERE sequence = NEW.sequence)
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: a record cannot be replaced'); END;)");

QString canonicalTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// What SQLite will hand back: text that went through UTF-8 once, so the hash still matches.
QString stored(const QString &text)
{
    return QString::fromUtf8(text.toUtf8());
}

AuditRecord fromRow(const SqliteStatement &stmt)
{
    return AuditRecord{ .sequence = stmt.integer(0),
        .time = QDateTime::fromString(stmt.text(1), Qt::ISODateWithMs).toUTC(),
        .host = stmt.text(2),
        .user = stmt.text(3),
        .operation = stmt.text(4),
        .target = stmt.text(5),
        .backupId = stmt.text(6),
        .outcome = stmt.text(7),
        .detail = stmt.text(8),
        .previousHash = stmt.text(9),
        .hash = stmt.text(10) };
}

// The highest sequence ever handed out, including records that were removed since.
Result<qint64> highestSequence(SqliteDb &db)
{
    auto highest = db.scalar(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit'"));
    if (!highest)
        return std::unexpected(highest.error());
    return highest->isValid() ? highest->toLongLong() : 0;
}

QString missing(qint64 from, qint64 to)
{
    return from == to ? QStringLiteral("record %1 was removed").arg(from)
                      : QStringLiteral("records %1 to %2 were removed").arg(from).arg(to);
}

} // namespace

AuditTrail::AuditTrail(SqliteDb &db)
    : m_db(db)
{
}

Result<void> AuditTrail::createSchema(SqliteDb &db)
{
    auto legacy = db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'action'"));
    if (!legacy)
        return std::unexpected(legacy.error());
    const bool upgrade = legacy->toInt() > 0;
    if (upgrade) {
        if (auto renamed = db.exec(QStringLiteral("ALTER TABLE audit RENAME TO audit_v1")); !renamed)
            return renamed;
    }
    if (auto created = db.exec(kSchema); !created)
        return created;
    if (!upgrade)
        return {};

    auto stmt = db.prepare(
        QStringLiteral("SELECT time, host, user, action, subject, outcome, detail FROM audit_v1 ORDER BY id"));
    if (!stmt)
        return std::unexpected(stmt.error());
    QList<AuditRecord> old;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        old << AuditRecord{ .time = QDateTime::fromString(stmt->text(0), Qt::ISODateWithMs).toUTC(),
            .host = stmt->text(1),
            .user = stmt->text(2),
            .operation = stmt->text(3),
            .target = stmt->text(4),
            .outcome = stmt->text(5),
            .detail = stmt->text(6) };
    }
    for (const AuditRecord &record : std::as_const(old)) {
        if (auto appended = insertChained(db, record); !appended)
            return std::unexpected(appended.error());
    }
    return db.exec(QStringLiteral("DROP TABLE audit_v1"));
}

Result<AuditRecord> AuditTrail::append(AuditRecord record)
{
    record.time = QDateTime::currentDateTimeUtc();
    record.host = QSysInfo::machineHostName();
    record.user = fileutil::currentUser();

    // IMMEDIATE takes the write lock before the last hash is read, so two writers cannot both
    // chain onto the same record. Inside a caller's transaction a savepoint nests instead.
    const bool nested = sqlite3_get_autocommit(m_db.handle()) == 0;
    const QString rollback
        = nested ? QStringLiteral("ROLLBACK TO audit_append; RELEASE audit_append") : QStringLiteral("ROLLBACK");
    if (auto begun = m_db.exec(nested ? QStringLiteral("SAVEPOINT audit_append") : QStringLiteral("BEGIN IMMEDIATE"));
        !begun)
        return std::unexpected(begun.error());
    auto appended = insertChained(m_db, std::move(record));
    if (!appended) {
        m_db.exec(rollback);
        return appended;
    }
    // A COMMIT that fails (still busy after the timeout) leaves the transaction open.
    if (auto done = m_db.exec(nested ? QStringLiteral("RELEASE audit_append") : QStringLiteral("COMMIT")); !done) {
        m_db.exec(rollback);
        return std::unexpected(done.error());
    }
    return appended;
}

Result<AuditRecord> AuditTrail::insertChained(SqliteDb &db, AuditRecord record)
{
    auto highest = highestSequence(db);
    if (!highest)
        return std::unexpected(highest.error());
    auto last = db.prepare(QStringLiteral("SELECT hash FROM audit ORDER BY sequence DESC LIMIT 1"));
    if (!last)
        return std::unexpected(last.error());
    auto row = last->step();
    if (!row)
        return std::unexpected(row.error());

    record.sequence = *highest + 1;
    record.time = QDateTime::fromString(canonicalTime(record.time), Qt::ISODateWithMs).toUTC();
    for (QString *field : { &record.host, &record.user, &record.operation, &record.target, &record.backupId,
             &record.outcome, &record.detail })
        *field = stored(*field);
    record.previousHash = *row ? last->text(0) : kGenesisHash;
    record.hash = hashOf(record);

    auto insert
        = db.prepare(QStringLiteral("INSERT INTO audit(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns));
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, record.sequence)
        .bind(2, canonicalTime(record.time))
        .bind(3, record.host)
        .bind(4, record.user)
        .bind(5, record.operation)
        .bind(6, record.target)
        .bind(7, record.backupId)
        .bind(8, record.outcome)
        .bind(9, record.detail)
        .bind(10, record.previousHash)
        .bind(11, record.hash);
    if (auto inserted = insert->run(); !inserted)
        return std::unexpected(inserted.error());
    return record;
}

Result<QList<AuditRecord>> AuditTrail::records(const QDateTime &since) const
{
    // Stored times are canonical UTC text, so text order is time order.
    auto stmt = m_db.prepare(QStringLiteral("SELECT %1 FROM audit WHERE time >= ? ORDER BY sequence").arg(kColumns));
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, since.isValid() ? canonicalTime(since) : QString());
    QList<AuditRecord> records;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return records;
        records << fromRow(*stmt);
    }
}

Result<AuditChainReport> AuditTrail::verify() const
{
    AuditChainReport report;
    auto present
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit'"));
    if (!present)
        return std::unexpected(present.error());
    if (present->toInt() == 0) {
        report.ok = false;
        report.firstBroken = 1;
        report.problem = QStringLiteral("the audit table is missing (it was dropped behind Coffer's back)");
        return report;
    }

    auto stmt = m_db.prepare(QStringLiteral("SELECT %1 FROM audit ORDER BY sequence").arg(kColumns));
    if (!stmt)
        return std::unexpected(stmt.error());
    qint64 expected = 1;
    QString previousHash = kGenesisHash;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        ++report.records;
        if (!report.ok)
            continue; // only count the rest
        const AuditRecord record = fromRow(*stmt);
        QString problem;
        if (stmt->text(1) != canonicalTime(record.time) || hashOf(record) != record.hash)
            problem = QStringLiteral("its content does not match its hash (edited after it was written)");
        else if (record.sequence != expected && expected == 1)
            problem = QStringLiteral("the records before it are missing (%1)").arg(missing(1, record.sequence - 1));
        else if (record.sequence != expected)
            problem = QStringLiteral("its link to record %1 is broken (%2)")
                          .arg(expected - 1)
                          .arg(missing(expected, record.sequence - 1));
        else if (record.previousHash != previousHash)
            problem = QStringLiteral("its link to record %1 is broken (record %1 was altered or replaced after this "
                                     "record was written)")
                          .arg(expected - 1);
        if (!problem.isEmpty()) {
            report.ok = false;
            report.firstBroken = record.sequence;
            report.problem = QStringLiteral("record %1: %2").arg(record.sequence).arg(problem);
            continue;
        }
        expected = record.sequence + 1;
        previousHash = record.hash;
    }

    auto highest = highestSequence(m_db);
    if (!highest)
        return std::unexpected(highest.error());
    if (report.ok && *highest >= expected) {
        report.ok = false;
        report.firstBroken = expected;
        report.problem = QStringLiteral("record %1: missing from the end of the trail (%2)")
                             .arg(expected)
                             .arg(missing(expected, *highest));
    }
    return report;
}

QString AuditTrail::hashOf(const AuditRecord &record)
{
    // Compact JSON; QJsonObject keeps its keys sorted, so the bytes are canonical.
    const QJsonObject canonical{
        { QStringLiteral("sequence"), record.sequence },
        { QStringLiteral("time"), canonicalTime(record.time) },
        { QStringLiteral("host"), record.host },
        { QStringLiteral("user"), record.user },
        { QStringLiteral("operation"), record.operation },
        { QStringLiteral("target"), record.target },
        { QStringLiteral("backup_id"), record.backupId },
        { QStringLiteral("outcome"), record.outcome },
        { QStringLiteral("detail"), record.detail },
        { QStringLiteral("previous_hash"), record.previousHash },
    };
    return Sha256::hex(QJsonDocument(canonical).toJson(QJsonDocument::Compact));
}

} // namespace coffer
