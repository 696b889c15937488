#pragma once

#include "common/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace coffer {

class SqliteDb;

// One line of a repository's audit trail. The caller fills the event (operation .. detail);
// append() stamps sequence, time, host, user and the two hashes.
struct AuditRecord {
    // Every member has an initialiser so that g++ 12 does not warn about the ones a
    // designated initialiser leaves out.
    qint64 sequence = 0;
    QDateTime time{}; // UTC
    QString host{};
    QString user{};
    QString operation{}; // backup, verify, restore, rollback, prune, delete, reindex
    QString target{}; // the database (name or path) or repository acted on
    QString backupId{}; // empty when the operation concerns no single backup
    QString outcome{}; // ok, failed, cancelled, refused, rolled-back
    QString detail{};
    QString previousHash{}; // hash of the record before (64 zeros for the first)
    QString hash{}; // SHA-256 over previousHash and this record's fields (docs/format.md)
};

// What walking the chain found.
struct AuditChainReport {
    qint64 records = 0;
    bool ok = true;
    qint64 firstBroken = 0; // sequence of the first record that does not verify (0 when ok)
    QString problem; // for a person: which field or link does not match
};

// The audit table of catalog.db: append-only (triggers refuse UPDATE and DELETE) and
// hash-chained (each record carries the SHA-256 of the one before), so an edit made behind
// Coffer's back shows up in verify(). Works on the catalog's own connection.
class AuditTrail final
{
public:
    explicit AuditTrail(SqliteDb &db);

    // Creates the table and its triggers (catalog schema migration, inside the caller's
    // transaction). A version-1 audit table (action, subject; no hashes) is carried over: its
    // rows are re-appended in order as chained records that keep their time, host and user.
    static Result<void> createSchema(SqliteDb &db);

    // Appends under an IMMEDIATE transaction, so concurrent writers still form one chain
    // (under a savepoint when the caller already has a transaction open).
    Result<AuditRecord> append(AuditRecord record);
    // Oldest first; only records at or after `since` when it is valid.
    Result<QList<AuditRecord>> records(const QDateTime &since = {}) const;
    // Walks every record in sequence order and stops at the first that does not verify.
    Result<AuditChainReport> verify() const;

    // SHA-256 (lower-case hex) of the record's canonical serialisation (docs/format.md).
    static QString hashOf(const AuditRecord &record);

private:
    // Numbers, links and inserts `record` as it is; the caller holds the write transaction.
    static Result<AuditRecord> insertChained(SqliteDb &db, AuditRecord record);

    SqliteDb &m_db;
};

} // namespace coffer
