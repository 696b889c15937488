#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// QVERIFY2 evaluates its message even when the check passes: only ask a failed
// std::expected for its error. The argument is evaluated once (it may append a record).
#define COFFER_VERIFY_OK(result)                                                                                       \
    do {                                                                                                               \
        const auto &cofferVerified = (result);                                                                         \
        QVERIFY2(cofferVerified.has_value(),                                                                           \
            cofferVerified.has_value() ? "" : qPrintable(cofferVerified.error().toString()));                          \
    } while (false)

// Skips a test whose precondition this machine lacks — except under CI (CI set), where
// nothing may be skipped and the missing precondition is a failure.
#define COFFER_SKIP_UNLESS_CI(reason)                                                                                  \
    do {                                                                                                               \
        if (qEnvironmentVariableIsSet("CI"))                                                                           \
            QFAIL("CI may skip nothing: " reason);                                                                     \
        QSKIP(reason);                                                                                                 \
    } while (false)

// Fixtures shared by the tests: real SQLite files, real repositories, the real coffer-cli.
namespace testsupport {

// Creates an SQLite database at `path` with tables `customers` (text), `orders` (integers)
// and `blobs` (random blobs): `rows` rows each, an index, and WAL mode when asked.
// Returns false (with a QTest failure message printed) if SQLite refused.
bool makeSampleDatabase(const QString &path, int rows = 1000, bool wal = false);

// Runs a statement on a database file with the sqlite3 C API; returns the first column of the
// first row as text (empty when there is none).
QString sqlite(const QString &path, const QString &sql);

// The result of running coffer-cli.
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

// What coffer-cli runs with in a test: COFFER_WORKSPACE set to `workspace` (or to a path that
// does not exist, so the user's real workspace is never read), plus "NAME=value"s.
QProcessEnvironment cliEnvironment(const QString &workspace = {}, const QStringList &environment = {});

// Runs the built coffer-cli with `arguments`, COFFER_WORKSPACE pointing at `workspace`
// (or at a path that does not exist, so the user's real workspace is never read), and the
// extra "NAME=value" variables in `environment` (test hooks such as COFFER_FAIL_AT).
CliRun runCli(const QStringList &arguments, const QString &workspace = {}, int timeoutMs = 120000,
    const QStringList &environment = {});

// Starts coffer-cli with COFFER_HOLD_AT=point (plus `environment`, as for runCli) and waits
// until it reports holding there: it has stopped itself (SIGSTOP), so a test can change the
// world and SIGCONT it, or kill it. False (with stderr in `err`) when it never got there.
bool startHeld(QProcess &process, const QString &point, const QStringList &arguments, QByteArray *err,
    const QStringList &environment = {});

// A temporary folder that holds an initialised repository at <dir>/repo.
class TempRepository final
{
public:
    TempRepository();
    bool isValid() const { return m_ok; }
    QString dir() const { return m_dir.path(); }
    QString repo() const { return m_dir.path() + QStringLiteral("/repo"); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

// Every regular file below `dir`, relative to it, sorted.
QStringList filesBelow(const QString &dir);

// Flips one byte of a file at `offset` (negative: from the end).
bool flipByte(const QString &path, qint64 offset);

} // namespace testsupport
