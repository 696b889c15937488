// coffer-cli as a user and a script see it: the real executable, real repositories, real
// SQLite files, exit codes, JSON shapes, file modes, and repositories left untouched by failures.
#include "TestSupport.h"

#include "repository/RepoLock.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using testsupport::CliRun;
using testsupport::filesBelow;
using testsupport::runCli;
using testsupport::TempRepository;

namespace {

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("<cannot read %1>").arg(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

// Permission bits of a file or folder (-1 when it cannot be stat'ed).
int modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QString octal(int mode)
{
    return QStringLiteral("0%1").arg(mode, 0, 8);
}

QString describe(const CliRun &run)
{
    return QStringLiteral("exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3")
        .arg(run.exitCode)
        .arg(QString::fromLocal8Bit(run.out), QString::fromLocal8Bit(run.err));
}

// Row count of each sample table, as the sqlite3 C API sees the file.
QMap<QString, QString> rowCounts(const QString &path)
{
    QMap<QString, QString> counts;
    for (const QString &table : { QStringLiteral("customers"), QStringLiteral("orders"), QStringLiteral("blobs") })
        counts.insert(table, testsupport::sqlite(path, QStringLiteral("SELECT count(*) FROM %1").arg(table)));
    return counts;
}

// Runs any program with a clean, predictable environment (no user workspace).
CliRun runProgram(const QString &program, const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFFER_WORKSPACE"), QDir::tempPath() + QStringLiteral("/coffer-no-such-workspace.yaml"));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out or did not start: " + process.errorString().toLocal8Bit();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// What a user would notice of a repository: its files, and what `list --json` says.
struct RepoState {
    QStringList files;
    QByteArray listing;
    bool operator==(const RepoState &) const = default;
};

RepoState stateOf(const QString &repo)
{
    return RepoState{ filesBelow(repo),
        runCli({ QStringLiteral("list"), QStringLiteral("--repo"), repo, QStringLiteral("--json") }).out };
}

// A run of coffer-cli whose stderr is a terminal (a pseudo-terminal the test reads), the way
// a user at a shell sees it; stdout stays a pipe, the way a script captures it.
struct TerminalRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray terminal;
    QString failure;
};

TerminalRun runWithTerminalStderr(const QStringList &arguments)
{
    TerminalRun run;
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) {
        run.failure = QStringLiteral("no pseudo-terminal: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        if (master >= 0)
            ::close(master);
        return run;
    }
    const int slave = ::open(::ptsname(master), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (slave < 0) {
        run.failure = QStringLiteral("cannot open the pseudo-terminal's slave side");
        ::close(master);
        return run;
    }
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFFER_WORKSPACE"), QDir::tempPath() + QStringLiteral("/coffer-no-such-workspace.yaml"));
    env.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
    process.setProcessEnvironment(env);
    // Runs in the child after QProcess has set up its pipes: stderr becomes the terminal.
    process.setChildProcessModifier([slave] { ::dup2(slave, STDERR_FILENO); });
    process.start(QStringLiteral(COFFER_CLI_PATH), arguments);
    const bool started = process.waitForStarted(10000);
    ::close(slave);
    auto drain = [&] {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(master, buffer, sizeof buffer);
            if (n <= 0)
                break;
            run.terminal.append(buffer, n);
        }
    };
    QDeadlineTimer deadline(60000);
    while (started && process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        process.waitForFinished(20);
        drain();
    }
    drain();
    ::close(master);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        run.failure = QStringLiteral("coffer-cli did not finish");
        return run;
    }
    if (!started) {
        run.failure = QStringLiteral("coffer-cli did not start: %1").arg(process.errorString());
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    return run;
}

QString yamlQuoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QStringList databaseNames(const QJsonArray &array)
{
    QStringList names;
    for (const QJsonValue &value : array)
        names << value.toObject().value(QStringLiteral("database")).toString();
    names.sort();
    return names;
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void initCreatesPrivateLayout();
    void initRefuses_data();
    void initRefuses();

    void backupJsonDescribesTheArtifact();
    void backupDecodesWithStockTools_data();
    void backupDecodesWithStockTools();
    void listAndInfo();
    void verifyQuickDetectsCorruption();
    void verifyFull();

    void heldRepositoryStopsBackupAndVerify();
    void backupWaitsForTheHolder();

    void workspaceGroupAndAll();
    void workspaceAllWithMissingDatabase();
    void workspaceDbUsesDefaultRepository();
    void workspaceMaxAge();

    void usageErrors_data();
    void usageErrors();
    void badInputLeavesRepositoryUnchanged_data();
    void badInputLeavesRepositoryUnchanged();
    void unwritableRepository();
    void progressNeverPollutesJson();

private:
    // Backs up `source` into `repo` with --json; fails the test (returns {}) on anything but success.
    QJsonObject backup(const QString &repo, const QString &source, const QStringList &extra = {});
    QString writeWorkspace(const TempRepository &fixture, const QString &missing = {});

    QTemporaryDir m_data;
    QString m_source; // ~1 MiB sample database shared by the tests that only read it
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(COFFER_CLI_PATH)).isExecutable(), COFFER_CLI_PATH);
    QVERIFY(m_data.isValid());
    m_source = m_data.filePath(QStringLiteral("shop.db"));
    QVERIFY(testsupport::makeSampleDatabase(m_source, 2000));
}

QJsonObject TestCli::backup(const QString &repo, const QString &source, const QStringList &extra)
{
    const CliRun run = runCli(QStringList{ QStringLiteral("backup"), QStringLiteral("--path"), source,
                                  QStringLiteral("--repo"), repo, QStringLiteral("--json") }
        + extra);
    [&] { QVERIFY2(run.exitCode == 0, qPrintable(describe(run))); }();
    if (run.exitCode != 0)
        return {};
    const QJsonObject json = run.json().object();
    [&] { QVERIFY2(!json.isEmpty(), qPrintable(describe(run))); }();
    return json;
}

QString TestCli::writeWorkspace(const TempRepository &fixture, const QString &missing)
{
    QByteArray yaml = "repositories:\n  - {name: local, path: " + yamlQuoted(fixture.repo()).toUtf8()
        + ", default: true}\ndatabases:\n";
    const QList<std::pair<QString, QString>> databases{ { QStringLiteral("orders"), QStringLiteral("acme") },
        { QStringLiteral("billing"), QStringLiteral("acme") }, { QStringLiteral("website"), QString() } };
    for (const auto &[name, group] : databases) {
        const QString path = fixture.path(name + QStringLiteral(".db"));
        if (name != missing && !QFileInfo::exists(path) && !testsupport::makeSampleDatabase(path, 200))
            return {};
        yaml += "  - {name: " + name.toUtf8() + ", path: " + yamlQuoted(path).toUtf8()
            + (group.isEmpty() ? QByteArray() : ", group: " + group.toUtf8()) + "}\n";
    }
    const QString file = fixture.path(QStringLiteral("workspace.yaml"));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(yaml) != yaml.size())
        return {};
    return file;
}

// ---------------------------------------------------------------------------------------------
// init

void TestCli::initCreatesPrivateLayout()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString repo = dir.filePath(QStringLiteral("new-repo"));
    const CliRun run = runCli({ QStringLiteral("init"), repo });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    QVERIFY(QFileInfo(repo + QStringLiteral("/coffer-repo.json")).isFile());
    QVERIFY(QFileInfo(repo + QStringLiteral("/catalog.db")).isFile());
    for (const QString &folder :
        { QString(), QStringLiteral("/backups"), QStringLiteral("/staging"), QStringLiteral("/locks") }) {
        QVERIFY2(QFileInfo(repo + folder).isDir(), qPrintable(repo + folder));
        QCOMPARE(octal(modeOf(repo + folder)), octal(0700));
    }
    QCOMPARE(octal(modeOf(repo + QStringLiteral("/coffer-repo.json")) & 077), octal(0));
    QCOMPARE(octal(modeOf(repo + QStringLiteral("/catalog.db")) & 077), octal(0));
    // A freshly made repository opens and is empty.
    const CliRun list = runCli({ QStringLiteral("list"), QStringLiteral("--repo"), repo, QStringLiteral("--json") });
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    QVERIFY(list.json().isArray());
    QCOMPARE(list.json().array().size(), 0);
}

void TestCli::initRefuses_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("existing repository") << QStringLiteral("repo") << QStringLiteral("already exists");
    QTest::newRow("folder with other files") << QStringLiteral("nonempty") << QStringLiteral("holds other files");
    QTest::newRow("folder with a hidden file") << QStringLiteral("hidden") << QStringLiteral("holds other files");
    QTest::newRow("path is a file") << QStringLiteral("file") << QStringLiteral("is a file");
}

void TestCli::initRefuses()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedMessage);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString target = dir.filePath(QStringLiteral("target"));
    if (kind == QStringLiteral("repo")) {
        QCOMPARE(runCli({ QStringLiteral("init"), target }).exitCode, 0);
    } else if (kind == QStringLiteral("file")) {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("my notes\n");
    } else {
        QVERIFY(QDir().mkpath(target));
        QFile file(
            target + (kind == QStringLiteral("hidden") ? QStringLiteral("/.keep") : QStringLiteral("/notes.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("precious\n");
    }
    QStringList before = filesBelow(dir.path());
    QMap<QString, QString> hashes;
    for (const QString &file : std::as_const(before))
        hashes.insert(file, sha256Of(dir.filePath(file)));

    const CliRun run = runCli({ QStringLiteral("init"), target });
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY2(QString::fromLocal8Bit(run.err).contains(expectedMessage), qPrintable(describe(run)));
    QCOMPARE(filesBelow(dir.path()), before);
    for (auto it = hashes.cbegin(); it != hashes.cend(); ++it)
        QCOMPARE(sha256Of(dir.filePath(it.key())), it.value());
    if (kind == QStringLiteral("nonempty") || kind == QStringLiteral("hidden")) {
        // No half-made layout next to the user's files.
        QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(), 1);
    }
}

// ---------------------------------------------------------------------------------------------
// backup, list, info, verify

void TestCli::backupJsonDescribesTheArtifact()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QJsonObject json = backup(fixture.repo(), m_source);
    QVERIFY(!json.isEmpty());

    for (const char *key : { "id", "database", "artifact", "artifact_sha256", "plaintext_sha256", "artifact_size",
             "plaintext_size", "created", "manifest" })
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QStringLiteral("id")).toString().size(), 32);
    QCOMPARE(json.value(QStringLiteral("database")).toString(), QStringLiteral("shop"));
    QCOMPARE(json.value(QStringLiteral("compression")).toString(), QStringLiteral("zstd"));
    QVERIFY(QDateTime::fromString(json.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs).isValid());
    const QDateTime created
        = QDateTime::fromString(json.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    QVERIFY2(qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) < 300, qPrintable(created.toString(Qt::ISODate)));

    const QString artifact = json.value(QStringLiteral("artifact")).toString();
    const QString manifest = json.value(QStringLiteral("manifest")).toString();
    QVERIFY2(QFileInfo(artifact).isFile(), qPrintable(artifact));
    QVERIFY2(QFileInfo(manifest).isFile(), qPrintable(manifest));
    QVERIFY2(artifact.startsWith(fixture.repo() + QStringLiteral("/backups/")), qPrintable(artifact));
    QVERIFY(artifact.endsWith(QStringLiteral(".sqlite.zst")));
    QCOMPARE(json.value(QStringLiteral("artifact_sha256")).toString(), sha256Of(artifact));
    QCOMPARE(json.value(QStringLiteral("artifact_size")).toInteger(), QFileInfo(artifact).size());
    QCOMPARE(json.value(QStringLiteral("plaintext_size")).toInteger(), QFileInfo(m_source).size());
    QVERIFY(json.value(QStringLiteral("artifact_size")).toInteger()
        < json.value(QStringLiteral("plaintext_size")).toInteger());
    QCOMPARE(json.value(QStringLiteral("plaintext_sha256")).toString().size(), 64);

    QCOMPARE(octal(modeOf(artifact)), octal(0600));
    QCOMPARE(octal(modeOf(manifest)), octal(0600));
    // Every folder on the way down from backups/ is private too.
    for (QString folder = QFileInfo(artifact).absolutePath(); folder.startsWith(fixture.repo());
         folder = QFileInfo(folder).absolutePath())
        QCOMPARE(octal(modeOf(folder)), octal(0700));

    // The manifest on disk says the same as the JSON.
    QFile file(manifest);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray manifestText = file.readAll();
    QVERIFY(manifestText.contains(json.value(QStringLiteral("id")).toString().toLatin1()));
    QVERIFY(manifestText.contains(json.value(QStringLiteral("artifact_sha256")).toString().toLatin1()));
    QVERIFY(manifestText.contains(json.value(QStringLiteral("plaintext_sha256")).toString().toLatin1()));
    // Nothing is left behind in staging or locks.
    QCOMPARE(filesBelow(fixture.repo() + QStringLiteral("/staging")), QStringList());
    QCOMPARE(filesBelow(fixture.repo() + QStringLiteral("/locks")), QStringList());
}

void TestCli::backupDecodesWithStockTools_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QStringList>("toolArguments");
    QTest::newRow("zstd") << QStringLiteral("zstd") << QStringLiteral(".sqlite.zst") << QStringLiteral("zstd")
                          << QStringList{ QStringLiteral("-d"), QStringLiteral("-c") };
    QTest::newRow("gzip") << QStringLiteral("gzip") << QStringLiteral(".sqlite.gz") << QStringLiteral("gunzip")
                          << QStringList{ QStringLiteral("-c") };
    QTest::newRow("none") << QStringLiteral("none") << QStringLiteral(".sqlite") << QString() << QStringList();
}

void TestCli::backupDecodesWithStockTools()
{
    QFETCH(QString, codec);
    QFETCH(QString, suffix);
    QFETCH(QString, tool);
    QFETCH(QStringList, toolArguments);
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QJsonObject json = backup(fixture.repo(), m_source, { QStringLiteral("--compression"), codec });
    QVERIFY(!json.isEmpty());
    QCOMPARE(json.value(QStringLiteral("compression")).toString(), codec);
    const QString artifact = json.value(QStringLiteral("artifact")).toString();
    QVERIFY2(artifact.endsWith(suffix), qPrintable(artifact));
    QCOMPARE(json.value(QStringLiteral("artifact_sha256")).toString(), sha256Of(artifact));
    QCOMPARE(json.value(QStringLiteral("artifact_size")).toInteger(), QFileInfo(artifact).size());

    const QString decoded = fixture.path(QStringLiteral("decoded.sqlite"));
    if (tool.isEmpty()) {
        QVERIFY(QFile::copy(artifact, decoded));
    } else {
        const QString program = QStandardPaths::findExecutable(tool);
        if (program.isEmpty())
            COFFER_SKIP_UNLESS_CI("a stock decompressor (zstd or gunzip) is not installed");
        const CliRun run = runProgram(program, toolArguments + QStringList{ artifact });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile out(decoded);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(run.out), run.out.size());
    }
    QCOMPARE(sha256Of(decoded), json.value(QStringLiteral("plaintext_sha256")).toString());
    QCOMPARE(QFileInfo(decoded).size(), json.value(QStringLiteral("plaintext_size")).toInteger());
    QCOMPARE(testsupport::sqlite(decoded, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    const auto expected = rowCounts(m_source);
    QCOMPARE(expected.value(QStringLiteral("orders")), QStringLiteral("2000"));
    QCOMPARE(rowCounts(decoded), expected);
}

void TestCli::listAndInfo()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QString other = fixture.path(QStringLiteral("other.db"));
    QVERIFY(testsupport::makeSampleDatabase(other, 50));
    QList<QJsonObject> made;
    made << backup(fixture.repo(), m_source, { QStringLiteral("--name"), QStringLiteral("alpha") });
    made << backup(fixture.repo(), other, { QStringLiteral("--name"), QStringLiteral("beta") });
    made << backup(fixture.repo(), m_source, { QStringLiteral("--name"), QStringLiteral("alpha") });
    for (const QJsonObject &json : std::as_const(made))
        QVERIFY(!json.isEmpty());

    const CliRun list
        = runCli({ QStringLiteral("list"), QStringLiteral("--repo"), fixture.repo(), QStringLiteral("--json") });
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    QVERIFY2(list.json().isArray(), qPrintable(describe(list)));
    const QJsonArray listed = list.json().array();
    QCOMPARE(listed.size(), 3);
    // Newest first: the reverse of the order they were made in.
    for (int i = 0; i < 3; ++i) {
        const QJsonObject entry = listed.at(i).toObject();
        const QJsonObject original = made.at(2 - i);
        for (const char *key : { "id", "database", "artifact", "manifest", "artifact_sha256", "plaintext_sha256",
                 "artifact_size", "plaintext_size", "created", "compression" })
            QVERIFY2(entry.value(QLatin1String(key)) == original.value(QLatin1String(key)),
                qPrintable(QStringLiteral("entry %1, key %2: list says %3, backup said %4")
                               .arg(i)
                               .arg(QLatin1String(key), entry.value(QLatin1String(key)).toVariant().toString(),
                                   original.value(QLatin1String(key)).toVariant().toString())));
    }

    const CliRun filtered = runCli({ QStringLiteral("list"), QStringLiteral("--repo"), fixture.repo(),
        QStringLiteral("--db"), QStringLiteral("alpha"), QStringLiteral("--json") });
    QVERIFY2(filtered.exitCode == 0, qPrintable(describe(filtered)));
    const QJsonArray alpha = filtered.json().array();
    QCOMPARE(alpha.size(), 2);
    QCOMPARE(alpha.at(0).toObject().value(QStringLiteral("id")), made.at(2).value(QStringLiteral("id")));
    QCOMPARE(alpha.at(1).toObject().value(QStringLiteral("id")), made.at(0).value(QStringLiteral("id")));
    const CliRun none = runCli({ QStringLiteral("list"), QStringLiteral("--repo"), fixture.repo(),
        QStringLiteral("--db"), QStringLiteral("gamma"), QStringLiteral("--json") });
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.json().array().size(), 0);

    const QString id = made.at(1).value(QStringLiteral("id")).toString();
    const CliRun full
        = runCli({ QStringLiteral("info"), QStringLiteral("--repo"), fixture.repo(), id, QStringLiteral("--json") });
    QVERIFY2(full.exitCode == 0, qPrintable(describe(full)));
    const CliRun prefix = runCli(
        { QStringLiteral("info"), QStringLiteral("--repo"), fixture.repo(), id.left(8), QStringLiteral("--json") });
    QVERIFY2(prefix.exitCode == 0, qPrintable(describe(prefix)));
    const QJsonObject byId = full.json().object();
    QCOMPARE(byId.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(byId.value(QStringLiteral("database")).toString(), QStringLiteral("beta"));
    QCOMPARE(byId.value(QStringLiteral("artifact")), made.at(1).value(QStringLiteral("artifact")));
    QCOMPARE(byId.value(QStringLiteral("artifact_sha256")), made.at(1).value(QStringLiteral("artifact_sha256")));
    QCOMPARE(prefix.json().object(), byId);

    // The human form names the backup too.
    const CliRun human = runCli({ QStringLiteral("info"), QStringLiteral("--repo"), fixture.repo(), id.left(8) });
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.out.contains(id.toLatin1()), human.out.constData());

    const CliRun unknown = runCli({ QStringLiteral("info"), QStringLiteral("--repo"), fixture.repo(),
        QStringLiteral("00000000000000000000000000000000") });
    QVERIFY2(unknown.exitCode == 3, qPrintable(describe(unknown)));
    QVERIFY2(unknown.err.contains("No backup"), qPrintable(describe(unknown)));
    QVERIFY(unknown.out.isEmpty());
}

void TestCli::verifyQuickDetectsCorruption()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QJsonObject good = backup(fixture.repo(), m_source, { QStringLiteral("--name"), QStringLiteral("good") });
    const QJsonObject bad = backup(fixture.repo(), m_source, { QStringLiteral("--name"), QStringLiteral("bad") });
    QVERIFY(!good.isEmpty() && !bad.isEmpty());
    const QString goodId = good.value(QStringLiteral("id")).toString();
    const QString badId = bad.value(QStringLiteral("id")).toString();

    const CliRun fine = runCli({ QStringLiteral("verify"), QStringLiteral("--repo"), fixture.repo(),
        QStringLiteral("--all"), QStringLiteral("--json") });
    QVERIFY2(fine.exitCode == 0, qPrintable(describe(fine)));
    QCOMPARE(fine.json().array().size(), 2);
    for (const QJsonValue &value : fine.json().array()) {
        const QJsonObject outcome = value.toObject();
        QVERIFY(outcome.value(QStringLiteral("ok")).toBool());
        QCOMPARE(outcome.value(QStringLiteral("failed_checks")).toArray().size(), 0);
        QVERIFY(QSet<QString>({ goodId, badId }).contains(outcome.value(QStringLiteral("id")).toString()));
    }

    const QString artifact = bad.value(QStringLiteral("artifact")).toString();
    QVERIFY(testsupport::flipByte(artifact, QFileInfo(artifact).size() / 2));

    const CliRun one = runCli({ QStringLiteral("verify"), QStringLiteral("--repo"), fixture.repo(), badId.left(8),
        QStringLiteral("--json") });
    QVERIFY2(one.exitCode == 1, qPrintable(describe(one)));
    const QJsonArray outcomes = one.json().array();
    QCOMPARE(outcomes.size(), 1);
    const QJsonObject outcome = outcomes.first().toObject();
    QCOMPARE(outcome.value(QStringLiteral("id")).toString(), badId);
    QCOMPARE(outcome.value(QStringLiteral("ok")).toBool(), false);
    QStringList failedNames;
    for (const QJsonValue &check : outcome.value(QStringLiteral("failed_checks")).toArray())
        failedNames << check.toObject().value(QStringLiteral("name")).toString();
    QCOMPARE(failedNames, QStringList{ QStringLiteral("artifact_sha256") });

    // --all reports the one bad backup and still passes the good one.
    const CliRun all = runCli({ QStringLiteral("verify"), QStringLiteral("--repo"), fixture.repo(),
        QStringLiteral("--all"), QStringLiteral("--json") });
    QVERIFY2(all.exitCode == 1, qPrintable(describe(all)));
    int oks = 0;
    for (const QJsonValue &value : all.json().array()) {
        const QJsonObject o = value.toObject();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), o.value(QStringLiteral("id")).toString() == goodId);
        oks += o.value(QStringLiteral("ok")).toBool() ? 1 : 0;
    }
    QCOMPARE(oks, 1);
    // The human form says which one failed and why.
    const CliRun human
        = runCli({ QStringLiteral("verify"), QStringLiteral("--repo"), fixture.repo(), QStringLiteral("--all") });
    QCOMPARE(human.exitCode, 1);
    QVERIFY2(human.out.contains("FAILED") && human.out.contains(badId.left(8).toLatin1())
            && human.out.contains("artifact_sha256"),
        human.out.constData());

    // An artifact deleted behind Coffer's back is a failed check, not a crash or a pass.
    QVERIFY(QFile::remove(good.value(QStringLiteral("artifact")).toString()));
    const CliRun gone = runCli(
        { QStringLiteral("verify"), QStringLiteral("--repo"), fixture.repo(), goodId, QStringLiteral("--json") });
    QVERIFY2(gone.exitCode == 1, qPrintable(describe(gone)));
    const QJsonArray goneFailed
        = gone.json().array().first().toObject().value(QStringLiteral("failed_checks")).toArray();
    QCOMPARE(goneFailed.size(), 1);
    QCOMPARE(
        goneFailed.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("artifact_present"));
}

void TestCli::verifyFull()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QJsonObject json = backup(fixture.repo(), m_source);
    QVERIFY(!json.isEmpty());
    const QString id = json.value(QStringLiteral("id")).toString();
    const CliRun run = runCli({ QStringLiteral("verify"), QStringLiteral("--repo"), fixture.repo(), id,
        QStringLiteral("--level"), QStringLiteral("full"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonArray outcomes = run.json().array();
    QCOMPARE(outcomes.size(), 1);
    const QJsonObject outcome = outcomes.first().toObject();
    QCOMPARE(outcome.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(outcome.value(QStringLiteral("level")).toString(), QStringLiteral("full"));
    QVERIFY(outcome.value(QStringLiteral("ok")).toBool());
    QStringList names;
    for (const QJsonValue &check : outcome.value(QStringLiteral("checks")).toArray()) {
        names << check.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(check.toObject().value(QStringLiteral("ok")).toBool(), qPrintable(names.last()));
    }
    for (const QString &expected : { QStringLiteral("artifact_sha256"), QStringLiteral("plaintext_sha256"),
             QStringLiteral("integrity_check"), QStringLiteral("row_counts") })
        QVERIFY2(names.contains(expected), qPrintable(names.join(QLatin1Char(','))));

    // The result is recorded: list shows the last verification.
    const CliRun list
        = runCli({ QStringLiteral("list"), QStringLiteral("--repo"), fixture.repo(), QStringLiteral("--json") });
    const QJsonObject last
        = list.json().array().first().toObject().value(QStringLiteral("last_verification")).toObject();
    QCOMPARE(last.value(QStringLiteral("level")).toString(), QStringLiteral("full"));
    QVERIFY(last.value(QStringLiteral("ok")).toBool());
}

// ---------------------------------------------------------------------------------------------
// repository locks

void TestCli::heldRepositoryStopsBackupAndVerify()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    QVERIFY(!backup(fixture.repo(), m_source).isEmpty());
    auto held = coffer::RepoLock::acquire(
        fixture.repo() + QStringLiteral("/locks"), coffer::RepoLock::Kind::Exclusive, QStringLiteral("test"));
    COFFER_VERIFY_OK(held);
    const RepoState before = stateOf(fixture.repo());
    QCOMPARE(QJsonDocument::fromJson(before.listing).array().size(), 1);
    const QByteArray holder = "pid " + QByteArray::number(::getpid());

    // --wait 0 gives up at once instead of after the default 30 s, and names who holds it.
    QElapsedTimer timer;
    timer.start();
    const CliRun backupRun = runCli({ QStringLiteral("backup"), QStringLiteral("--path"), m_source,
        QStringLiteral("--repo"), fixture.repo(), QStringLiteral("--wait"), QStringLiteral("0") });
    QVERIFY2(backupRun.exitCode == 3, qPrintable(describe(backupRun)));
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    QVERIFY2(backupRun.err.contains(holder), qPrintable(describe(backupRun)));

    timer.restart();
    const CliRun verifyRun = runCli({ QStringLiteral("verify"), QStringLiteral("--all"), QStringLiteral("--repo"),
        fixture.repo(), QStringLiteral("--wait"), QStringLiteral("0") });
    QVERIFY2(verifyRun.exitCode == 3, qPrintable(describe(verifyRun)));
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    QVERIFY2(verifyRun.err.contains(holder), qPrintable(describe(verifyRun)));

    // No second backup, no recorded verification, nothing left in staging, no lock but the test's.
    QCOMPARE(stateOf(fixture.repo()), before);
}

void TestCli::backupWaitsForTheHolder()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    auto held = coffer::RepoLock::acquire(
        fixture.repo() + QStringLiteral("/locks"), coffer::RepoLock::Kind::Exclusive, QStringLiteral("test"));
    COFFER_VERIFY_OK(held);

    QProcess process;
    process.setProcessEnvironment(testsupport::cliEnvironment());
    process.start(QStringLiteral(COFFER_CLI_PATH),
        { QStringLiteral("backup"), QStringLiteral("--path"), m_source, QStringLiteral("--repo"), fixture.repo(),
            QStringLiteral("--json"), QStringLiteral("--wait"), QStringLiteral("30") });
    QVERIFY(process.waitForStarted(10000));
    // Still waiting for the holder: nothing backed up yet.
    QVERIFY(!process.waitForFinished(1500));
    QCOMPARE(QJsonDocument::fromJson(stateOf(fixture.repo()).listing).array().size(), 0);

    held->release();
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        process.readAllStandardError().constData());
    const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QJsonArray listed = QJsonDocument::fromJson(stateOf(fixture.repo()).listing).array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(
        listed.first().toObject().value(QStringLiteral("id")).toString(), json.value(QStringLiteral("id")).toString());
}

// ---------------------------------------------------------------------------------------------
// workspace-driven

void TestCli::workspaceGroupAndAll()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QString workspace = writeWorkspace(fixture);
    QVERIFY(!workspace.isEmpty());

    const CliRun group = runCli(
        { QStringLiteral("backup"), QStringLiteral("--group"), QStringLiteral("acme"), QStringLiteral("--json") },
        workspace);
    QVERIFY2(group.exitCode == 0, qPrintable(describe(group)));
    QVERIFY2(group.json().isArray(), qPrintable(describe(group)));
    const QJsonArray acme = group.json().array();
    QCOMPARE(databaseNames(acme), (QStringList{ QStringLiteral("billing"), QStringLiteral("orders") }));
    for (const QJsonValue &value : acme) {
        QVERIFY(value.toObject().value(QStringLiteral("ok")).toBool());
        QCOMPARE(value.toObject().value(QStringLiteral("group")).toString(), QStringLiteral("acme"));
        QVERIFY(value.toObject().value(QStringLiteral("artifact")).toString().startsWith(fixture.repo()));
    }

    const CliRun all
        = runCli({ QStringLiteral("backup"), QStringLiteral("--all"), QStringLiteral("--json") }, workspace);
    QVERIFY2(all.exitCode == 0, qPrintable(describe(all)));
    QCOMPARE(databaseNames(all.json().array()),
        (QStringList{ QStringLiteral("billing"), QStringLiteral("orders"), QStringLiteral("website") }));

    const CliRun list
        = runCli({ QStringLiteral("list"), QStringLiteral("--repo"), fixture.repo(), QStringLiteral("--json") });
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().array().size(), 5);
    const CliRun orders
        = runCli({ QStringLiteral("list"), QStringLiteral("--db"), QStringLiteral("orders"), QStringLiteral("--json") },
            workspace);
    QVERIFY2(orders.exitCode == 0, qPrintable(describe(orders)));
    QCOMPARE(orders.json().array().size(), 2);
}

void TestCli::workspaceAllWithMissingDatabase()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QString workspace = writeWorkspace(fixture, QStringLiteral("billing"));
    QVERIFY(!workspace.isEmpty());
    QVERIFY(!QFileInfo::exists(fixture.path(QStringLiteral("billing.db"))));

    const CliRun run
        = runCli({ QStringLiteral("backup"), QStringLiteral("--all"), QStringLiteral("--json") }, workspace);
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("billing"), qPrintable(describe(run)));
    QVERIFY2(!run.err.contains("orders") && !run.err.contains("website"), qPrintable(describe(run)));
    QVERIFY2(run.json().isArray(), qPrintable(describe(run)));
    const QJsonArray results = run.json().array();
    QCOMPARE(databaseNames(results),
        (QStringList{ QStringLiteral("billing"), QStringLiteral("orders"), QStringLiteral("website") }));
    for (const QJsonValue &value : results) {
        const QJsonObject result = value.toObject();
        const bool isBilling = result.value(QStringLiteral("database")).toString() == QStringLiteral("billing");
        QCOMPARE(result.value(QStringLiteral("ok")).toBool(), !isBilling);
        if (isBilling) {
            QVERIFY(!result.value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("message"))
                         .toString()
                         .isEmpty());
            QCOMPARE(result.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                QStringLiteral("not_found"));
        } else {
            QVERIFY(QFileInfo(result.value(QStringLiteral("artifact")).toString()).isFile());
        }
    }
    const CliRun list
        = runCli({ QStringLiteral("list"), QStringLiteral("--repo"), fixture.repo(), QStringLiteral("--json") });
    QCOMPARE(databaseNames(list.json().array()), (QStringList{ QStringLiteral("orders"), QStringLiteral("website") }));
    QCOMPARE(filesBelow(fixture.repo() + QStringLiteral("/staging")), QStringList());
}

void TestCli::workspaceDbUsesDefaultRepository()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QString workspace = writeWorkspace(fixture);
    QVERIFY(!workspace.isEmpty());
    const CliRun run = runCli(
        { QStringLiteral("backup"), QStringLiteral("--db"), QStringLiteral("website"), QStringLiteral("--json") },
        workspace);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject json = run.json().object();
    QCOMPARE(json.value(QStringLiteral("database")).toString(), QStringLiteral("website"));
    QVERIFY2(json.value(QStringLiteral("artifact")).toString().startsWith(fixture.repo() + QStringLiteral("/backups/")),
        qPrintable(describe(run)));
    const CliRun list
        = runCli({ QStringLiteral("list"), QStringLiteral("--repo"), fixture.repo(), QStringLiteral("--json") });
    QCOMPARE(list.json().array().size(), 1);
    QCOMPARE(list.json().array().first().toObject().value(QStringLiteral("id")), json.value(QStringLiteral("id")));

    // A name the workspace does not know is an operation failure that names it.
    const CliRun unknown
        = runCli({ QStringLiteral("backup"), QStringLiteral("--db"), QStringLiteral("nosuch") }, workspace);
    QVERIFY2(unknown.exitCode == 3, qPrintable(describe(unknown)));
    QVERIFY(unknown.err.contains("nosuch"));
}

void TestCli::workspaceMaxAge()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QString workspace = writeWorkspace(fixture);
    QVERIFY(!workspace.isEmpty());
    const CliRun all = runCli({ QStringLiteral("backup"), QStringLiteral("--all") }, workspace);
    QVERIFY2(all.exitCode == 0, qPrintable(describe(all)));

    // Fresh enough for a day: passes.
    const CliRun fresh = runCli({ QStringLiteral("verify"), QStringLiteral("--all"), QStringLiteral("--max-age-hours"),
                                    QStringLiteral("24"), QStringLiteral("--json") },
        workspace);
    QVERIFY2(fresh.exitCode == 0, qPrintable(describe(fresh)));

    QThread::msleep(1100); // 0.0001 h is 0.36 s
    const CliRun stale = runCli({ QStringLiteral("verify"), QStringLiteral("--all"), QStringLiteral("--max-age-hours"),
                                    QStringLiteral("0.0001"), QStringLiteral("--json") },
        workspace);
    QVERIFY2(stale.exitCode == 1, qPrintable(describe(stale)));
    QStringList staleDatabases;
    for (const QJsonValue &value : stale.json().array()) {
        const QJsonObject outcome = value.toObject();
        QVERIFY(!outcome.value(QStringLiteral("ok")).toBool());
        for (const QJsonValue &check : outcome.value(QStringLiteral("failed_checks")).toArray())
            if (check.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("max_age"))
                staleDatabases << outcome.value(QStringLiteral("database")).toString();
    }
    staleDatabases.sort();
    QCOMPARE(staleDatabases,
        (QStringList{ QStringLiteral("billing"), QStringLiteral("orders"), QStringLiteral("website") }));
}

// ---------------------------------------------------------------------------------------------
// failures

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    // %R stands for the repository, %S for a good source database.
    const QString r = QStringLiteral("%R");
    const QString s = QStringLiteral("%S");
    QTest::newRow("unknown command") << QStringList{ QStringLiteral("frobnicate"), QStringLiteral("--repo"), r };
    QTest::newRow("backup without a selector") << QStringList{ QStringLiteral("backup"), QStringLiteral("--repo"), r };
    QTest::newRow("backup with two selectors") << QStringList{ QStringLiteral("backup"), QStringLiteral("--path"), s,
        QStringLiteral("--all"), QStringLiteral("--repo"), r };
    QTest::newRow("backup --path and --db") << QStringList{ QStringLiteral("backup"), QStringLiteral("--path"), s,
        QStringLiteral("--db"), QStringLiteral("x"), QStringLiteral("--repo"), r };
    QTest::newRow("--compression lz4") << QStringList{ QStringLiteral("backup"), QStringLiteral("--path"), s,
        QStringLiteral("--repo"), r, QStringLiteral("--compression"), QStringLiteral("lz4") };
    QTest::newRow("--level 99") << QStringList{ QStringLiteral("backup"), QStringLiteral("--path"), s,
        QStringLiteral("--repo"), r, QStringLiteral("--level"), QStringLiteral("99") };
    QTest::newRow("--level gzip 10") << QStringList{ QStringLiteral("backup"), QStringLiteral("--path"), s,
        QStringLiteral("--repo"), r, QStringLiteral("--compression"), QStringLiteral("gzip"), QStringLiteral("--level"),
        QStringLiteral("10") };
    QTest::newRow("--level not a number") << QStringList{ QStringLiteral("backup"), QStringLiteral("--path"), s,
        QStringLiteral("--repo"), r, QStringLiteral("--level"), QStringLiteral("fast") };
    QTest::newRow("unknown option") << QStringList{ QStringLiteral("backup"), QStringLiteral("--path"), s,
        QStringLiteral("--repo"), r, QStringLiteral("--turbo") };
    QTest::newRow("verify with neither ids nor --all")
        << QStringList{ QStringLiteral("verify"), QStringLiteral("--repo"), r };
    QTest::newRow("verify --level paranoid") << QStringList{ QStringLiteral("verify"), QStringLiteral("--repo"), r,
        QStringLiteral("--all"), QStringLiteral("--level"), QStringLiteral("paranoid") };
    QTest::newRow("repo without action") << QStringList{ QStringLiteral("repo"), QStringLiteral("--repo"), r };
    QTest::newRow("init without path") << QStringList{ QStringLiteral("init") };
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    for (QString &argument : arguments) {
        if (argument == QStringLiteral("%R"))
            argument = fixture.repo();
        else if (argument == QStringLiteral("%S"))
            argument = m_source;
    }
    const RepoState before = stateOf(fixture.repo());
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(!run.err.trimmed().isEmpty(), qPrintable(describe(run)));
    QVERIFY2(run.err.contains("coffer-cli") || run.out.contains("Usage"), qPrintable(describe(run)));
    QVERIFY(stateOf(fixture.repo()) == before);
    QCOMPARE(filesBelow(fixture.repo() + QStringLiteral("/backups")), QStringList());
}

void TestCli::badInputLeavesRepositoryUnchanged_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedMessage");
    QTest::addColumn<QString>("expectedCode");
    QTest::newRow("missing source") << QStringLiteral("missing") << QStringLiteral("does not exist")
                                    << QStringLiteral("not_found");
    QTest::newRow("text file") << QStringLiteral("text") << QStringLiteral("not an SQLite database")
                               << QStringLiteral("not_sqlite");
    QTest::newRow("zero-byte file") << QStringLiteral("empty") << QStringLiteral("empty")
                                    << QStringLiteral("not_sqlite");
    QTest::newRow("folder as source") << QStringLiteral("folder") << QStringLiteral("not a file")
                                      << QStringLiteral("not_sqlite");
    QTest::newRow("repository of format 99")
        << QStringLiteral("format99") << QStringLiteral("newer Coffer") << QStringLiteral("unsupported_format");
    QTest::newRow("folder that is not a repository")
        << QStringLiteral("notrepo") << QStringLiteral("not a Coffer repository") << QStringLiteral("not_found");
    QTest::newRow("repository path that does not exist")
        << QStringLiteral("norepo") << QStringLiteral("No repository") << QStringLiteral("not_found");
}

void TestCli::badInputLeavesRepositoryUnchanged()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedMessage);
    QFETCH(QString, expectedCode);
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    // One good backup already there, which must survive untouched.
    QVERIFY(!backup(fixture.repo(), m_source).isEmpty());

    QString repo = fixture.repo();
    QString source = m_source;
    if (kind == QStringLiteral("missing")) {
        source = fixture.path(QStringLiteral("gone.db"));
    } else if (kind == QStringLiteral("text")) {
        source = fixture.path(QStringLiteral("notes.db"));
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a database, just some text that is long enough to fill a header\n");
    } else if (kind == QStringLiteral("empty")) {
        source = fixture.path(QStringLiteral("empty.db"));
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
    } else if (kind == QStringLiteral("folder")) {
        source = fixture.path(QStringLiteral("a-folder.db"));
        QVERIFY(QDir().mkpath(source));
    } else if (kind == QStringLiteral("format99")) {
        QFile config(repo + QStringLiteral("/coffer-repo.json"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(config.readAll()).object();
        config.close();
        QCOMPARE(json.value(QStringLiteral("format_version")).toInt(), 1);
        json.insert(QStringLiteral("format_version"), 99);
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(QJsonDocument(json).toJson());
    } else if (kind == QStringLiteral("notrepo")) {
        repo = fixture.path(QStringLiteral("plain-folder"));
        QVERIFY(QDir().mkpath(repo));
        QFile file(repo + QStringLiteral("/readme.txt"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a repository\n");
    } else if (kind == QStringLiteral("norepo")) {
        repo = fixture.path(QStringLiteral("no-such-folder"));
    }

    // Before and after: every file (with its bytes) and, when it opens, the catalog listing.
    auto snapshot = [&] {
        QStringList state;
        for (const QString &file : filesBelow(fixture.dir()))
            state << file + QLatin1Char(' ') + sha256Of(fixture.path(file));
        QStringList folders;
        QDirIterator it(fixture.dir(), QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            folders << QDir(fixture.dir()).relativeFilePath(it.next()) + QLatin1Char('/');
        folders.sort();
        return state + folders;
    };
    const bool listable
        = kind != QStringLiteral("format99") && kind != QStringLiteral("notrepo") && kind != QStringLiteral("norepo");
    const QByteArray listingBefore = stateOf(fixture.repo()).listing;
    const QStringList before = snapshot();
    if (listable)
        QCOMPARE(QJsonDocument::fromJson(listingBefore).array().size(), 1);

    const CliRun run = runCli({ QStringLiteral("backup"), QStringLiteral("--path"), source, QStringLiteral("--repo"),
        repo, QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY2(QString::fromLocal8Bit(run.err).contains(expectedMessage), qPrintable(describe(run)));
    // A script reading --json learns the same.
    const QJsonObject json = run.json().object();
    QVERIFY2(json.value(QStringLiteral("ok")) == QJsonValue(false), qPrintable(describe(run)));
    QCOMPARE(json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), expectedCode);
    QVERIFY(json.value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(expectedMessage));

    QCOMPARE(snapshot(), before);
    if (listable)
        QCOMPARE(stateOf(fixture.repo()).listing, listingBefore);
    // Reading commands on a repository this Coffer cannot use fail the same way, without writing.
    if (!listable) {
        const CliRun list = runCli({ QStringLiteral("list"), QStringLiteral("--repo"), repo });
        QVERIFY2(list.exitCode == 3, qPrintable(describe(list)));
        QVERIFY2(QString::fromLocal8Bit(list.err).contains(expectedMessage), qPrintable(describe(list)));
        QCOMPARE(snapshot(), before);
    }
}

void TestCli::unwritableRepository()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    QVERIFY(!backup(fixture.repo(), m_source).isEmpty());
    const QString source = fixture.path(QStringLiteral("shop.db"));
    QVERIFY(QFile::copy(m_source, source));

    QStringList command{ QStringLiteral(COFFER_CLI_PATH) };
    if (::geteuid() == 0) {
        // root ignores file modes: run as nobody, who may read everything but write nothing.
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty())
            COFFER_SKIP_UNLESS_CI("running as root and setpriv (util-linux) is not installed: cannot drop privileges");
        // A copy of the CLI nobody can surely execute, whatever the build folder's modes.
        const QString cli = fixture.path(QStringLiteral("coffer-cli"));
        QVERIFY(QFile::copy(QStringLiteral(COFFER_CLI_PATH), cli));
        QVERIFY(::chmod(QFile::encodeName(cli).constData(), 0755) == 0);
        command = QStringList{ setpriv, QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
            QStringLiteral("--clear-groups"), cli };
        QDirIterator it(
            fixture.dir(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
        QStringList paths{ fixture.dir() };
        while (it.hasNext())
            paths << it.next();
        for (const QString &path : std::as_const(paths))
            QVERIFY(::chmod(QFile::encodeName(path).constData(), QFileInfo(path).isDir() || path == cli ? 0755 : 0644)
                == 0);
    } else {
        QVERIFY(::chmod(QFile::encodeName(source).constData(), 0644) == 0);
        for (const QString &folder : { fixture.repo(), fixture.repo() + QStringLiteral("/staging"),
                 fixture.repo() + QStringLiteral("/backups"), fixture.repo() + QStringLiteral("/locks") })
            QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0500) == 0);
    }
    // Put the modes back for the fixture's clean-up and the listing below.
    struct Restore {
        QString repo;
        ~Restore()
        {
            QDirIterator it(repo, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            ::chmod(QFile::encodeName(repo).constData(), 0700);
            while (it.hasNext())
                ::chmod(QFile::encodeName(it.next()).constData(), 0700);
        }
    } restore{ fixture.repo() };

    const QStringList before = filesBelow(fixture.repo());
    const QString catalogHash = sha256Of(fixture.repo() + QStringLiteral("/catalog.db"));
    const CliRun run = runProgram(command.first(),
        command.mid(1)
            + QStringList{ QStringLiteral("backup"), QStringLiteral("--path"), source, QStringLiteral("--repo"),
                fixture.repo(), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("cannot be written") || run.err.contains("permission denied")
            || run.err.contains("Permission denied"),
        qPrintable(describe(run)));
    QCOMPARE(run.json().object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("permission_denied"));
    QCOMPARE(filesBelow(fixture.repo()), before);
    QCOMPARE(sha256Of(fixture.repo() + QStringLiteral("/catalog.db")), catalogHash);

    // Reading still works for that user: list shows the one backup.
    const CliRun list = runProgram(command.first(),
        command.mid(1)
            + QStringList{
                QStringLiteral("list"), QStringLiteral("--repo"), fixture.repo(), QStringLiteral("--json") });
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    QCOMPARE(list.json().array().size(), 1);
}

void TestCli::progressNeverPollutesJson()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString repo = dir.filePath(QStringLiteral("repo"));
    QCOMPARE(runCli({ QStringLiteral("init"), repo }).exitCode, 0);
    const QString source = dir.filePath(QStringLiteral("big.db"));
    QVERIFY(testsupport::makeSampleDatabase(source, 12000));

    // At a terminal the user sees progress on stderr...
    const TerminalRun human = runWithTerminalStderr(
        { QStringLiteral("backup"), QStringLiteral("--path"), source, QStringLiteral("--repo"), repo });
    QVERIFY2(human.failure.isEmpty(), qPrintable(human.failure));
    QVERIFY2(human.exitCode == 0, human.terminal.constData());
    QVERIFY2(human.terminal.contains('%') && human.terminal.contains('\r'), human.terminal.constData());
    QVERIFY2(human.out.startsWith("Backed up "), human.out.constData());
    QVERIFY2(!human.out.contains('\r') && !human.out.contains('\033'), human.out.constData());

    // ...and with --json, stdout is JSON and nothing else, terminal or not.
    const TerminalRun script = runWithTerminalStderr({ QStringLiteral("backup"), QStringLiteral("--path"), source,
        QStringLiteral("--repo"), repo, QStringLiteral("--json") });
    QVERIFY2(script.failure.isEmpty(), qPrintable(script.failure));
    QVERIFY2(script.exitCode == 0, script.terminal.constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(script.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
        qPrintable(error.errorString() + QStringLiteral(": ") + QString::fromLocal8Bit(script.out)));
    QVERIFY(doc.isObject());
    QVERIFY(doc.object().value(QStringLiteral("ok")).toBool());
    QVERIFY(!script.out.contains('\r') && !script.out.contains('\033'));

    // Piped (no terminal at all), the same.
    const CliRun piped = runCli({ QStringLiteral("backup"), QStringLiteral("--path"), source, QStringLiteral("--repo"),
        repo, QStringLiteral("--json") });
    QCOMPARE(piped.exitCode, 0);
    QVERIFY2(QJsonDocument::fromJson(piped.out).isObject(), piped.out.constData());
    QVERIFY2(!piped.err.contains('\r'), piped.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
