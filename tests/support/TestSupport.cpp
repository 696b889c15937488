#include "TestSupport.h"

#include "repository/Repository.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

#include <sqlite3.h>

namespace testsupport {

namespace {

bool execAll(sqlite3 *db, const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        qWarning("sqlite: %s", message ? message : "?");
        sqlite3_free(message);
        return false;
    }
    return true;
}

} // namespace

bool makeSampleDatabase(const QString &path, int rows, bool wal)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    bool ok = execAll(db, wal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE")
        && execAll(db,
            "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT);"
            "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER, amount INTEGER, qty INTEGER);"
            "CREATE TABLE blobs(id INTEGER PRIMARY KEY, data BLOB);"
            "CREATE INDEX orders_by_customer ON orders(customer);"
            "CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 500;");
    const QByteArray sql = QStringLiteral(
        "BEGIN;"
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
        "INSERT INTO customers(name, email) SELECT 'customer ' || x, 'c' || x || '@example.com' FROM c;"
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
        "INSERT INTO orders(customer, amount, qty) SELECT x, (x * 37) % 1000, x % 7 FROM c;"
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
        "INSERT INTO blobs(data) SELECT randomblob(200 + x % 300) FROM c;"
        "COMMIT;")
                               .arg(rows)
                               .toUtf8();
    ok = ok && execAll(db, sql.constData());
    sqlite3_close(db);
    return ok;
}

QString sqlite(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    QString result;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr) == SQLITE_OK) {
            if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_count(stmt) > 0)
                result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            sqlite3_finalize(stmt);
        } else {
            result = QStringLiteral("error: ") + QString::fromUtf8(sqlite3_errmsg(db));
        }
    }
    sqlite3_close(db);
    return result;
}

QProcessEnvironment cliEnvironment(const QString &workspace, const QStringList &environment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFFER_WORKSPACE"),
        workspace.isEmpty() ? QDir::tempPath() + QStringLiteral("/coffer-no-such-workspace.yaml") : workspace);
    for (const QString &variable : environment)
        env.insert(variable.section(QLatin1Char('='), 0, 0), variable.section(QLatin1Char('='), 1));
    return env;
}

bool startHeld(QProcess &process, const QString &point, const QStringList &arguments, QByteArray *err,
    const QStringList &environment)
{
    process.setProcessEnvironment(
        cliEnvironment({}, QStringList{ QStringLiteral("COFFER_HOLD_AT=") + point } + environment));
    process.start(QStringLiteral(COFFER_CLI_PATH), arguments);
    if (!process.waitForStarted(10000)) {
        *err = process.errorString().toLocal8Bit();
        return false;
    }
    const QByteArray marker = "coffer: holding at " + point.toLatin1();
    QDeadlineTimer deadline(60000);
    while (!err->contains(marker) && !deadline.hasExpired() && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        *err += process.readAllStandardError();
    }
    *err += process.readAllStandardError();
    return err->contains(marker);
}

CliRun runCli(const QStringList &arguments, const QString &workspace, int timeoutMs, const QStringList &environment)
{
    QProcess process;
    process.setProcessEnvironment(cliEnvironment(workspace, environment));
    process.start(QStringLiteral(COFFER_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "coffer-cli timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

TempRepository::TempRepository()
{
    m_ok = m_dir.isValid() && coffer::Repository::init(repo()).has_value();
}

QStringList filesBelow(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

bool flipByte(const QString &path, qint64 offset)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const qint64 at = offset >= 0 ? offset : file.size() + offset;
    if (!file.seek(at))
        return false;
    char byte = 0;
    if (file.read(&byte, 1) != 1 || !file.seek(at))
        return false;
    byte = char(byte ^ 0x5a);
    return file.write(&byte, 1) == 1;
}

} // namespace testsupport
