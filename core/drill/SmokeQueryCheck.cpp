#include "drill/SmokeQueryCheck.h"

#include "common/SqliteDb.h"
#include "drill/SmokeExpectation.h"

#include <QElapsedTimer>

#include <sqlite3.h>

namespace coffer {

namespace {

const QString kCheckName = QStringLiteral("smoke_query");
constexpr int kProgressSteps = 10000; // virtual machine steps between looks at the clock

// What the progress handler looks at, and why it stopped a query.
struct Watch {
    const CancelFlag *cancel = nullptr;
    QElapsedTimer timer;
    qint64 limitMs = 0;
    bool timedOut = false;
};

int onProgress(void *context)
{
    auto *watch = static_cast<Watch *>(context);
    if (watch->cancel->load())
        return 1;
    if (watch->timer.elapsed() > watch->limitMs) {
        watch->timedOut = true;
        return 1;
    }
    return 0;
}

// A finalising owner for a raw statement (SqliteStatement cannot tell column types apart).
struct Statement {
    sqlite3_stmt *stmt = nullptr;
    ~Statement() { sqlite3_finalize(stmt); }
};

QString seconds(qint64 ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 ms").arg(ms);
}

// The first column as SQLite typed it, and how a person reads it.
std::pair<QVariant, QString> valueOf(sqlite3_stmt *stmt)
{
    switch (sqlite3_column_type(stmt, 0)) {
    case SQLITE_INTEGER: {
        const qint64 value = sqlite3_column_int64(stmt, 0);
        return { QVariant::fromValue(value), QString::number(value) };
    }
    case SQLITE_FLOAT: {
        const double value = sqlite3_column_double(stmt, 0);
        return { QVariant::fromValue(value), QString::number(value, 'g', 15) };
    }
    case SQLITE_TEXT: {
        const QString value = QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)), sqlite3_column_bytes(stmt, 0));
        return { QVariant::fromValue(value), QStringLiteral("'%1'").arg(value.left(80)) };
    }
    case SQLITE_BLOB:
        return { QVariant(), QStringLiteral("a blob of %1 bytes").arg(sqlite3_column_bytes(stmt, 0)) };
    default:
        return { QVariant(), QStringLiteral("NULL") };
    }
}

// Runs one query; an Error only when the run was cancelled.
Result<CheckResult> runOne(sqlite3 *db, Watch &watch, const SmokeQuery &query, const Manifest &manifest)
{
    QString sql = query.sql.simplified();
    while (sql.endsWith(QLatin1Char(';')))
        sql = sql.chopped(1).trimmed();
    const auto failed = [&sql](const QString &why) {
        return CheckResult{ kCheckName, false, sql + QStringLiteral(" failed: ") + why };
    };
    auto expectation = parseExpectation(query.expect);
    if (!expectation)
        return CheckResult{ kCheckName, false, QStringLiteral("%1: %2").arg(sql, expectation.error().message) };

    const QByteArray utf8 = query.sql.toUtf8();
    const char *tail = nullptr;
    Statement statement;
    watch.timedOut = false;
    watch.timer.start();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &statement.stmt, &tail) != SQLITE_OK)
        return failed(QString::fromUtf8(sqlite3_errmsg(db)));
    if (!statement.stmt)
        return failed(QStringLiteral("there is no statement in it"));
    // Only the first statement would run: a second one is a mistake to point out, not to skip.
    if (tail && *tail) {
        Statement next;
        const char *end = utf8.constData() + utf8.size();
        if (sqlite3_prepare_v2(db, tail, int(end - tail), &next.stmt, nullptr) != SQLITE_OK || next.stmt)
            return failed(QStringLiteral("it holds more than one statement; a smoke query is one SELECT"));
    }

    const int rc = sqlite3_step(statement.stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        if ((rc & 0xff) == SQLITE_INTERRUPT || sqlite3_errcode(db) == SQLITE_INTERRUPT) {
            if (watch.cancel->load())
                return fail(ErrorCode::Cancelled, QStringLiteral("Cancelled while running a smoke query"));
            return failed(QStringLiteral("still running after %1, its time limit; make it cheaper (a LIMIT, an index)")
                              .arg(seconds(watch.limitMs)));
        }
        QString why = QString::fromUtf8(sqlite3_errmsg(db));
        if ((sqlite3_extended_errcode(db) & 0xff) == SQLITE_READONLY)
            why += QStringLiteral(" (a smoke query may only read)");
        return failed(why);
    }
    const SmokeExpectation &expect = *expectation;
    if (rc == SQLITE_DONE)
        return CheckResult{ kCheckName, false,
            QStringLiteral("%1: expected %2, got no row")
                .arg(sql, expect.needsRowOnly() ? QStringLiteral("a row") : expect.text()) };
    const auto [value, shown] = valueOf(statement.stmt);
    if (expect.needsRowOnly())
        return CheckResult{ kCheckName, true, QStringLiteral("%1: expected a row, got %2").arg(sql, shown) };
    const QVariant expected = expect.expectedFrom(manifest.rowCounts);
    if (!expected.isValid())
        return CheckResult{ kCheckName, false,
            QStringLiteral("%1: expected %2, but the backup's manifest records no table %3 (got %4)")
                .arg(sql, expect.text(), expect.manifestTable, shown) };
    const QString wanted = expect.manifestTable.isEmpty()
        ? expect.text()
        : QStringLiteral("%1 (%2)").arg(expect.text(), expected.toString());
    const bool ok = expect.holds(value, expected);
    return CheckResult{ kCheckName, ok,
        QStringLiteral("%1: expected %2, got %3%4")
            .arg(sql, wanted, shown,
                ok || SmokeExpectation::isNumber(value) ? QString() : QStringLiteral(", not a number")) };
}

} // namespace

Result<QList<CheckResult>> SmokeQueryCheck::run(const QString &path, const QList<SmokeQuery> &queries,
    const Manifest &manifest, const CancelFlag &cancel, int timeLimitMs)
{
    QList<CheckResult> checks;
    if (queries.isEmpty())
        return checks;
    auto db = SqliteDb::open(path, SqliteDb::Mode::Immutable);
    if (!db) {
        for (const SmokeQuery &query : queries)
            checks << CheckResult{ kCheckName, false,
                QStringLiteral("%1 failed: %2").arg(query.sql.simplified(), db.error().toString()) };
        return checks;
    }
    // Three locks on one door: a read-only immutable open, query_only (below), and no ATTACH
    // (which could otherwise open another file, the live database included).
    sqlite3_limit(db->handle(), SQLITE_LIMIT_ATTACHED, 0);
    Watch watch;
    watch.cancel = &cancel;
    watch.limitMs = timeLimitMs;
    sqlite3_progress_handler(db->handle(), kProgressSteps, &onProgress, &watch);
    for (const SmokeQuery &query : queries) {
        if (cancel.load())
            return fail(ErrorCode::Cancelled, QStringLiteral("Cancelled while running the smoke queries"));
        // Again before each query: a PRAGMA in the one before may have lifted it.
        if (auto readOnly = db->exec(QStringLiteral("PRAGMA query_only = 1")); !readOnly)
            return fail(ErrorCode::Sqlite,
                QStringLiteral("Could not keep the restored copy read-only for smoke queries"),
                readOnly.error().toString());
        auto check = runOne(db->handle(), watch, query, manifest);
        if (!check)
            return std::unexpected(check.error());
        checks << *check;
    }
    sqlite3_progress_handler(db->handle(), 0, nullptr, nullptr);
    return checks;
}

} // namespace coffer
