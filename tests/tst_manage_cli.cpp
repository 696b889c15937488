// coffer-cli pin, unpin, delete and size as a user and a script see them: the real executable
// over real repositories holding real backups, checked against the files on disk, the catalog
// (list --json) and the audit trail.
#include "TestSupport.h"

#include "repository/Catalog.h"
#include "repository/RepoLock.h"
#include "repository/Repository.h"
#include "repository/StorageUsage.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QStorageInfo>
#include <QtTest>

#include <memory>

using testsupport::CliRun;
using testsupport::runCli;

namespace {

QString describe(const CliRun &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

QJsonObject readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString yamlQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// What a month bucket or a database bucket should hold, computed from the manifests.
struct Expected {
    int backups = 0;
    qint64 artifactBytes = 0;
    qint64 plaintextBytes = 0;
};

} // namespace

class TstManageCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void pinAndUnpin();
    void pinUnknownIdFails_data();
    void pinUnknownIdFails();

    void deleteRemovesTheBackup();
    void deletePinnedIsRefused();
    void deleteNeedsTerminalOrYes();
    void deleteUnknownIdFails();
    void deleteWhileRepositoryIsHeld();
    void deleteWaitsForTheHolder();
    void deleteWarnsWhatIsLost();
    void deleteTypedConfirmation_data();
    void deleteTypedConfirmation();

    void storageUsageBuckets();
    void sizeMatchesTheManifests_data();
    void sizeMatchesTheManifests();
    void sizeProjectionFollowsTheWorkspacePolicy();
    void sizeWithoutPolicySaysSo();
    void sizeDatabaseWithoutRulesIsKept();

    void usageErrors_data();
    void usageErrors();

private:
    // A backup of `database` (a fresh row first, so each backup differs); its id, or empty.
    QString backup(const QString &database);
    QJsonArray list() const;
    QJsonArray audit() const;
    QJsonObject listed(const QString &id) const;
    // Moves a backup to another creation time, as if it had been made then: manifest and
    // artifact renamed into the folder and names of that time, then `repo reindex`.
    bool backdate(const QString &id, const QDateTime &created);
    QString writeWorkspace(const QByteArray &extra);
    // Every manifest under backups/, read from disk.
    QList<QJsonObject> manifestsOnDisk() const;

    std::unique_ptr<testsupport::TempRepository> m_repo;
    QMap<QString, QString> m_databases; // name -> path
    int m_rows = 0;
};

void TstManageCli::init()
{
    m_repo = std::make_unique<testsupport::TempRepository>();
    QVERIFY(m_repo->isValid());
    m_databases.clear();
    for (const QString &name : { QStringLiteral("orders"), QStringLiteral("billing") }) {
        const QString path = m_repo->path(name + QStringLiteral(".db"));
        QVERIFY(testsupport::makeSampleDatabase(path, name == QStringLiteral("orders") ? 300 : 100));
        testsupport::sqlite(path, QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)"));
        m_databases.insert(name, path);
    }
}

QString TstManageCli::backup(const QString &database)
{
    const QString path = m_databases.value(database);
    // Different content each time: a larger database, so the sizes are not all equal.
    testsupport::sqlite(path,
        QStringLiteral("INSERT INTO notes(body) SELECT hex(randomblob(%1)) FROM (SELECT 1)").arg(200 + 150 * ++m_rows));
    const CliRun run = runCli({ QStringLiteral("backup"), QStringLiteral("--repo"), m_repo->repo(),
        QStringLiteral("--path"), path, QStringLiteral("--json") });
    if (run.exitCode != 0) {
        qWarning("%s", qPrintable(describe(run)));
        return {};
    }
    return run.json().object().value(QStringLiteral("id")).toString();
}

QJsonArray TstManageCli::list() const
{
    return runCli({ QStringLiteral("list"), QStringLiteral("--repo"), m_repo->repo(), QStringLiteral("--json") })
        .json()
        .array();
}

QJsonArray TstManageCli::audit() const
{
    return runCli({ QStringLiteral("audit"), QStringLiteral("--repo"), m_repo->repo(), QStringLiteral("--json") })
        .json()
        .array();
}

QJsonObject TstManageCli::listed(const QString &id) const
{
    for (const QJsonValue &value : list())
        if (value.toObject().value(QStringLiteral("id")).toString() == id)
            return value.toObject();
    return {};
}

bool TstManageCli::backdate(const QString &id, const QDateTime &created)
{
    {
        auto repository = coffer::Repository::open(m_repo->repo());
        if (!repository)
            return false;
        auto catalog = coffer::Catalog::open(*repository);
        if (!catalog)
            return false;
        auto entry = catalog->backup(id);
        if (!entry)
            return false;
        coffer::Manifest manifest = entry->manifest;
        manifest.created = created.toUTC();
        manifest.artifactFile = coffer::Repository::artifactFileFor(manifest);
        if (!QDir().mkpath(repository->folderFor(manifest)))
            return false;
        if (!QFile::rename(entry->artifactPath, repository->artifactPath(manifest)))
            return false;
        QFile out(repository->manifestPath(manifest));
        const QByteArray bytes = manifest.toBytes();
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return false;
        out.close();
        if (!QFile::remove(entry->manifestPath))
            return false;
        repository->removeEmptyFolders(QFileInfo(entry->manifestPath).absolutePath());
    }
    const CliRun run
        = runCli({ QStringLiteral("repo"), QStringLiteral("reindex"), QStringLiteral("--repo"), m_repo->repo() });
    if (run.exitCode != 0)
        qWarning("%s", qPrintable(describe(run)));
    return run.exitCode == 0;
}

QString TstManageCli::writeWorkspace(const QByteArray &extra)
{
    QByteArray yaml = "repositories:\n  - {name: local, path: " + yamlQuoted(m_repo->repo()).toUtf8()
        + ", default: true}\ndatabases:\n";
    for (auto it = m_databases.cbegin(); it != m_databases.cend(); ++it)
        yaml += "  - {name: " + it.key().toUtf8() + ", path: " + yamlQuoted(it.value()).toUtf8() + "}\n";
    yaml += extra;
    const QString file = m_repo->path(QStringLiteral("workspace.yaml"));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(yaml) != yaml.size())
        return {};
    return file;
}

QList<QJsonObject> TstManageCli::manifestsOnDisk() const
{
    QList<QJsonObject> manifests;
    QDirIterator it(m_repo->repo() + QStringLiteral("/backups"), { QStringLiteral("*.manifest.json") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        manifests << readJsonFile(it.next());
    return manifests;
}

// ---------------------------------------------------------------------------------------------
// pin and unpin

void TstManageCli::pinAndUnpin()
{
    const QString id = backup(QStringLiteral("orders"));
    QCOMPARE(id.size(), 32);
    const QString manifestPath = listed(id).value(QStringLiteral("manifest")).toString();
    QVERIFY(QFileInfo::exists(manifestPath));
    QCOMPARE(readJsonFile(manifestPath).value(QStringLiteral("pinned")), QJsonValue(false));

    const CliRun pinned = runCli(
        { QStringLiteral("pin"), QStringLiteral("--repo"), m_repo->repo(), id.left(8), QStringLiteral("--json") });
    QVERIFY2(pinned.exitCode == 0, qPrintable(describe(pinned)));
    QCOMPARE(pinned.json().object().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(pinned.json().object().value(QStringLiteral("pinned")), QJsonValue(true));
    QCOMPARE(pinned.json().object().value(QStringLiteral("changed")), QJsonValue(true));
    // The manifest on disk is the truth; the catalog's copy follows it.
    QCOMPARE(readJsonFile(manifestPath).value(QStringLiteral("pinned")), QJsonValue(true));
    const CliRun info
        = runCli({ QStringLiteral("info"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--json") });
    QCOMPARE(info.exitCode, 0);
    QCOMPARE(info.json().object().value(QStringLiteral("manifest_content")).toObject().value(QStringLiteral("pinned")),
        QJsonValue(true));

    // Pinning again changes nothing and says so.
    const CliRun again = runCli({ QStringLiteral("pin"), QStringLiteral("--repo"), m_repo->repo(), id });
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QVERIFY2(again.out.contains(id.left(8).toLatin1() + " (orders, ") && again.out.contains("already pinned"),
        again.out.constData());

    const CliRun unpinned = runCli({ QStringLiteral("unpin"), QStringLiteral("--repo"), m_repo->repo(), id });
    QVERIFY2(unpinned.exitCode == 0, qPrintable(describe(unpinned)));
    QVERIFY2(unpinned.out.startsWith("Unpinned " + id.left(8).toLatin1()), unpinned.out.constData());
    QCOMPARE(readJsonFile(manifestPath).value(QStringLiteral("pinned")), QJsonValue(false));
    const CliRun infoAfter
        = runCli({ QStringLiteral("info"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--json") });
    QCOMPARE(
        infoAfter.json().object().value(QStringLiteral("manifest_content")).toObject().value(QStringLiteral("pinned")),
        QJsonValue(false));
    const CliRun unpinAgain
        = runCli({ QStringLiteral("unpin"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--json") });
    QCOMPARE(unpinAgain.exitCode, 0);
    QCOMPARE(unpinAgain.json().object().value(QStringLiteral("changed")), QJsonValue(false));

    // One record per change, none for the pin that changed nothing.
    int pins = 0;
    int unpins = 0;
    for (const QJsonValue &value : audit()) {
        const QJsonObject record = value.toObject();
        if (record.value(QStringLiteral("backup_id")).toString() != id)
            continue;
        const QString operation = record.value(QStringLiteral("operation")).toString();
        if (operation == QStringLiteral("pin") || operation == QStringLiteral("unpin")) {
            QCOMPARE(record.value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
            QCOMPARE(record.value(QStringLiteral("target")).toString(), QStringLiteral("orders"));
            ++(operation == QStringLiteral("pin") ? pins : unpins);
        }
    }
    QCOMPARE(pins, 1);
    QCOMPARE(unpins, 1);
    QCOMPARE(runCli({ QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo() })
                 .exitCode,
        0);
}

void TstManageCli::pinUnknownIdFails_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("pin") << QStringLiteral("pin");
    QTest::newRow("unpin") << QStringLiteral("unpin");
}

void TstManageCli::pinUnknownIdFails()
{
    QFETCH(QString, command);
    const QString id = backup(QStringLiteral("orders"));
    QCOMPARE(id.size(), 32);
    // A prefix that is not this backup's.
    const QString unknown = id.startsWith(QLatin1Char('0')) ? QStringLiteral("ffffffff") : QStringLiteral("00000000");
    const CliRun run = runCli({ command, QStringLiteral("--repo"), m_repo->repo(), unknown, QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.json().object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("not_found"));
    QCOMPARE(listed(id).value(QStringLiteral("id")).toString(), id);
    QCOMPARE(readJsonFile(listed(id).value(QStringLiteral("manifest")).toString()).value(QStringLiteral("pinned")),
        QJsonValue(false));
}

// ---------------------------------------------------------------------------------------------
// delete

void TstManageCli::deleteRemovesTheBackup()
{
    const QString older = backup(QStringLiteral("orders"));
    const QString doomed = backup(QStringLiteral("orders"));
    QCOMPARE(older.size(), 32);
    QCOMPARE(doomed.size(), 32);
    const QJsonObject entry = listed(doomed);
    const QString artifact = entry.value(QStringLiteral("artifact")).toString();
    const QString manifest = entry.value(QStringLiteral("manifest")).toString();
    const qint64 size = entry.value(QStringLiteral("artifact_size")).toInteger();
    QVERIFY(QFileInfo::exists(artifact));
    QVERIFY(QFileInfo::exists(manifest));
    QCOMPARE(QFileInfo(artifact).size(), size);

    const CliRun run = runCli({ QStringLiteral("delete"), QStringLiteral("--repo"), m_repo->repo(), doomed.left(8),
        QStringLiteral("--yes"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject json = run.json().object();
    QCOMPARE(json.value(QStringLiteral("deleted")).toObject().value(QStringLiteral("id")).toString(), doomed);
    QCOMPARE(json.value(QStringLiteral("freed_bytes")).toInteger(), size);

    QVERIFY(!QFileInfo::exists(artifact));
    QVERIFY(!QFileInfo::exists(manifest));
    QVERIFY(listed(doomed).isEmpty());
    QCOMPARE(list().size(), 1);
    // The other backup is whole.
    const QJsonObject kept = listed(older);
    QVERIFY(QFileInfo::exists(kept.value(QStringLiteral("artifact")).toString()));
    QVERIFY(QFileInfo::exists(kept.value(QStringLiteral("manifest")).toString()));
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/staging")), QStringList());
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/locks")), QStringList());

    bool audited = false;
    for (const QJsonValue &value : audit()) {
        const QJsonObject record = value.toObject();
        if (record.value(QStringLiteral("operation")).toString() == QStringLiteral("delete")) {
            QVERIFY(!audited);
            audited = true;
            QCOMPARE(record.value(QStringLiteral("backup_id")).toString(), doomed);
            QCOMPARE(record.value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
            QVERIFY2(record.value(QStringLiteral("detail")).toString().contains(QStringLiteral("%1 bytes").arg(size)),
                qPrintable(record.value(QStringLiteral("detail")).toString()));
        }
    }
    QVERIFY(audited);
    const CliRun check
        = runCli({ QStringLiteral("repo"), QStringLiteral("check"), QStringLiteral("--repo"), m_repo->repo() });
    QVERIFY2(check.exitCode == 0, qPrintable(describe(check)));
}

void TstManageCli::deletePinnedIsRefused()
{
    const QString id = backup(QStringLiteral("orders"));
    QCOMPARE(id.size(), 32);
    QCOMPARE(runCli({ QStringLiteral("pin"), QStringLiteral("--repo"), m_repo->repo(), id }).exitCode, 0);
    const QStringList before = testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups"));
    const qsizetype records = audit().size();

    const CliRun run
        = runCli({ QStringLiteral("delete"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--yes") });
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("backup " + id.left(8).toLatin1() + " is pinned")
            && run.err.contains("coffer-cli unpin " + id.left(8).toLatin1()),
        run.err.constData());
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups")), before);
    QCOMPARE(listed(id).value(QStringLiteral("id")).toString(), id);
    QCOMPARE(audit().size(), records);

    // Unpinned, it goes.
    QCOMPARE(runCli({ QStringLiteral("unpin"), QStringLiteral("--repo"), m_repo->repo(), id }).exitCode, 0);
    const CliRun after
        = runCli({ QStringLiteral("delete"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--yes") });
    QVERIFY2(after.exitCode == 0, qPrintable(describe(after)));
    QVERIFY(listed(id).isEmpty());
}

void TstManageCli::deleteNeedsTerminalOrYes()
{
    const QString id = backup(QStringLiteral("orders"));
    QCOMPARE(id.size(), 32);
    const QStringList before = testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups"));
    // runCli's stdin is a pipe, as in a script.
    const CliRun run = runCli({ QStringLiteral("delete"), QStringLiteral("--repo"), m_repo->repo(), id });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--yes"), run.err.constData());
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups")), before);
    QCOMPARE(listed(id).value(QStringLiteral("id")).toString(), id);
}

void TstManageCli::deleteUnknownIdFails()
{
    const QString id = backup(QStringLiteral("orders"));
    QCOMPARE(id.size(), 32);
    const QString unknown = id.startsWith(QLatin1Char('0')) ? QStringLiteral("ffffffff") : QStringLiteral("00000000");
    const QStringList before = testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups"));
    const CliRun run = runCli({ QStringLiteral("delete"), QStringLiteral("--repo"), m_repo->repo(), unknown,
        QStringLiteral("--yes"), QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.json().object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("not_found"));
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups")), before);
}

void TstManageCli::deleteWhileRepositoryIsHeld()
{
    const QString id = backup(QStringLiteral("orders"));
    QCOMPARE(id.size(), 32);
    const QStringList before = testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups"));
    auto repository = coffer::Repository::open(m_repo->repo());
    COFFER_VERIFY_OK(repository);
    auto held = coffer::RepoLock::acquire(
        repository->locksDir(), coffer::RepoLock::Kind::Shared, QStringLiteral("a verify in the test"), 0);
    COFFER_VERIFY_OK(held);

    const CliRun run = runCli({ QStringLiteral("delete"), QStringLiteral("--repo"), m_repo->repo(), id,
        QStringLiteral("--yes"), QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QStringLiteral("pid %1").arg(QCoreApplication::applicationPid()).toLatin1()),
        run.err.constData());
    QCOMPARE(run.json().object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("locked"));
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups")), before);
    QCOMPARE(listed(id).value(QStringLiteral("id")).toString(), id);
    // Only the test's own lock is left.
    QCOMPARE(coffer::RepoLock::holders(repository->locksDir()).size(), 1);

    held->release();
    const CliRun after
        = runCli({ QStringLiteral("delete"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--yes") });
    QVERIFY2(after.exitCode == 0, qPrintable(describe(after)));
    QVERIFY(listed(id).isEmpty());
}

void TstManageCli::deleteWaitsForTheHolder()
{
    const QString id = backup(QStringLiteral("orders"));
    QCOMPARE(id.size(), 32);
    auto repository = coffer::Repository::open(m_repo->repo());
    COFFER_VERIFY_OK(repository);
    auto held = coffer::RepoLock::acquire(
        repository->locksDir(), coffer::RepoLock::Kind::Shared, QStringLiteral("a backup in the test"), 0);
    COFFER_VERIFY_OK(held);

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFFER_WORKSPACE"), QDir::tempPath() + QStringLiteral("/coffer-no-such-workspace.yaml"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(COFFER_CLI_PATH),
        { QStringLiteral("delete"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--yes"),
            QStringLiteral("--wait"), QStringLiteral("60") });
    QVERIFY(process.waitForStarted(10000));
    // Still waiting for the holder after a while: nothing deleted yet.
    QVERIFY(!process.waitForFinished(1500));
    QCOMPARE(listed(id).value(QStringLiteral("id")).toString(), id);
    held->release();
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(listed(id).isEmpty());
}

void TstManageCli::deleteWarnsWhatIsLost()
{
    const auto verify = [this](const QString &id) {
        return runCli({ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), id }).exitCode;
    };
    const auto remove = [this](const QString &id) {
        return runCli(
            { QStringLiteral("delete"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--yes") });
    };
    const QString a = backup(QStringLiteral("orders"));
    const QString b = backup(QStringLiteral("orders"));
    QCOMPARE(b.size(), 32);
    QCOMPARE(verify(b), 0);

    // The only verified backup, though not the only backup.
    CliRun run = remove(b);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(b.left(8).toLatin1() + " is the only verified backup of orders"), run.err.constData());
    QVERIFY(listed(b).isEmpty());

    // The newest verified backup, with an older verified one behind it.
    const QString c = backup(QStringLiteral("orders"));
    QCOMPARE(c.size(), 32);
    QCOMPARE(verify(a), 0);
    QCOMPARE(verify(c), 0);
    run = remove(c);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(c.left(8).toLatin1() + " is the newest verified backup of orders")
            && run.err.contains("the newest verified one is " + a.left(8).toLatin1()),
        run.err.constData());

    // An unverified backup newer than a verified one: nothing special is lost.
    const QString d = backup(QStringLiteral("orders"));
    QCOMPARE(d.size(), 32);
    run = remove(d);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(!run.err.contains("warning"), run.err.constData());

    // The last backup of its database.
    run = remove(a);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(a.left(8).toLatin1() + " is the only backup of orders"), run.err.constData());
    QVERIFY(run.out.contains("Deleted backup " + a.left(8).toLatin1() + " (orders, "));
    QCOMPARE(list().size(), 0);
}

void TstManageCli::deleteTypedConfirmation_data()
{
    QTest::addColumn<bool>("typeTheId");
    QTest::newRow("the short id") << true;
    QTest::newRow("something else") << false;
}

void TstManageCli::deleteTypedConfirmation()
{
    QFETCH(bool, typeTheId);
    const QString id = backup(QStringLiteral("orders"));
    QCOMPARE(id.size(), 32);
    const QString artifact = listed(id).value(QStringLiteral("artifact")).toString();
    // script(1) gives coffer-cli a real pseudo-terminal and types what we write into it.
    QProcess terminal;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFFER_WORKSPACE"), QDir::tempPath() + QStringLiteral("/coffer-no-such-workspace.yaml"));
    terminal.setProcessEnvironment(env);
    const QString command
        = QStringLiteral("'%1' delete --repo '%2' %3").arg(QStringLiteral(COFFER_CLI_PATH), m_repo->repo(), id);
    terminal.start(QStringLiteral("script"), { QStringLiteral("-qefc"), command, QStringLiteral("/dev/null") });
    QVERIFY(terminal.waitForStarted(10000));
    QByteArray seen;
    QDeadlineTimer deadline(60000);
    while (!seen.contains("to delete it") && !deadline.hasExpired()) {
        terminal.waitForReadyRead(200);
        seen += terminal.readAll();
    }
    QVERIFY2(seen.contains("Type the backup's id '" + id.left(8).toLatin1() + "'"), seen.constData());
    QVERIFY(seen.contains(artifact.toUtf8()));
    terminal.write(typeTheId ? id.left(8).toLatin1() + "\n" : QByteArray("orders\n"));
    QVERIFY(terminal.waitForFinished(60000));
    seen += terminal.readAll();
    QVERIFY2(terminal.exitCode() == (typeTheId ? 0 : 3), seen.constData());
    QCOMPARE(QFileInfo::exists(artifact), !typeTheId);
    QCOMPARE(listed(id).isEmpty(), typeTheId);
}

// ---------------------------------------------------------------------------------------------
// size

void TstManageCli::storageUsageBuckets()
{
    const auto entry = [](const QString &database, const QString &created, qint64 artifact, qint64 plaintext) {
        coffer::CatalogEntry e;
        e.manifest.database = database;
        e.manifest.created = QDateTime::fromString(created, Qt::ISODate);
        e.manifest.artifactSize = artifact;
        e.manifest.plaintextSize = plaintext;
        return e;
    };
    // Months are UTC months, whatever the offset the time was written with.
    const coffer::StorageUsage usage = coffer::StorageUsage::of({
        entry(QStringLiteral("zeta"), QStringLiteral("2026-02-01T00:30:00+02:00"), 100, 400), // 2026-01 UTC
        entry(QStringLiteral("alpha"), QStringLiteral("2026-01-31T23:30:00-02:00"), 0, 50), // 2026-02 UTC
        entry(QStringLiteral("alpha"), QStringLiteral("2025-12-15T12:00:00Z"), 300, 600),
    });
    QCOMPARE(usage.byDatabase().size(), 2);
    QCOMPARE(usage.byDatabase().at(0).name, QStringLiteral("alpha"));
    QCOMPARE(usage.byDatabase().at(0).backups, 2);
    QCOMPARE(usage.byDatabase().at(0).artifactBytes, qint64(300));
    QCOMPARE(usage.byDatabase().at(0).plaintextBytes, qint64(650));
    QCOMPARE(usage.byDatabase().at(0).compressionRatio(), 650.0 / 300.0);
    QCOMPARE(usage.byDatabase().at(1).name, QStringLiteral("zeta"));
    QCOMPARE(usage.byDatabase().at(1).compressionRatio(), 4.0);

    QStringList months;
    for (const coffer::UsageBucket &bucket : usage.byMonth())
        months << bucket.name;
    QCOMPARE(months, (QStringList{ QStringLiteral("2025-12"), QStringLiteral("2026-01"), QStringLiteral("2026-02") }));
    QCOMPARE(usage.byMonth().at(1).artifactBytes, qint64(100));
    // Nothing stored: no ratio rather than a division by zero.
    QCOMPARE(usage.byMonth().at(2).artifactBytes, qint64(0));
    QCOMPARE(usage.byMonth().at(2).compressionRatio(), 0.0);

    QCOMPARE(usage.total().backups, 3);
    QCOMPARE(usage.total().artifactBytes, qint64(400));
    QCOMPARE(usage.total().plaintextBytes, qint64(1050));
    QVERIFY(coffer::StorageUsage::of({}).byDatabase().isEmpty());
    QCOMPARE(coffer::StorageUsage::of({}).total().compressionRatio(), 0.0);

    const coffer::StorageUsage::FileSystem space = coffer::StorageUsage::fileSystem(m_repo->repo());
    QCOMPARE(space.totalBytes, QStorageInfo(m_repo->repo()).bytesTotal());
    QVERIFY(space.freeBytes > 0 && space.freeBytes <= space.totalBytes);
    // A path that does not exist yet: its nearest existing parent's file system.
    QCOMPARE(
        coffer::StorageUsage::fileSystem(m_repo->repo() + QStringLiteral("/not/yet")).totalBytes, space.totalBytes);
}

void TstManageCli::sizeMatchesTheManifests_data()
{
    QTest::addColumn<QString>("by");
    QTest::newRow("by database") << QStringLiteral("database");
    QTest::newRow("by month") << QStringLiteral("month");
}

void TstManageCli::sizeMatchesTheManifests()
{
    QFETCH(QString, by);
    QStringList ids;
    for (const QString &database : { QStringLiteral("orders"), QStringLiteral("billing"), QStringLiteral("orders"),
             QStringLiteral("orders"), QStringLiteral("billing") })
        ids << backup(database);
    for (const QString &id : std::as_const(ids))
        QCOMPARE(id.size(), 32);
    // Three months; one backup half an hour before a month ends in UTC, when in most of Asia
    // the next month has begun (the size command runs with TZ=Asia/Tokyo below).
    QVERIFY(backdate(ids.at(0), QDateTime::fromString(QStringLiteral("2025-11-30T23:30:00Z"), Qt::ISODate)));
    QVERIFY(backdate(ids.at(1), QDateTime::fromString(QStringLiteral("2025-11-02T10:00:00Z"), Qt::ISODate)));
    QVERIFY(backdate(ids.at(2), QDateTime::fromString(QStringLiteral("2026-01-01T00:15:00Z"), Qt::ISODate)));

    // Expected numbers, from the manifest files alone.
    QMap<QString, Expected> expected;
    Expected total;
    const QList<QJsonObject> manifests = manifestsOnDisk();
    QCOMPARE(manifests.size(), ids.size());
    for (const QJsonObject &manifest : manifests) {
        const QString key = by == QStringLiteral("month") ? manifest.value(QStringLiteral("created")).toString().left(7)
                                                          : manifest.value(QStringLiteral("database")).toString();
        for (Expected *e : { &expected[key], &total }) {
            ++e->backups;
            e->artifactBytes += manifest.value(QStringLiteral("artifact_size")).toInteger();
            e->plaintextBytes += manifest.value(QStringLiteral("plaintext_size")).toInteger();
        }
    }
    QCOMPARE(expected.size(), by == QStringLiteral("month") ? 3 : 2);

    const CliRun run = runCli({ QStringLiteral("size"), QStringLiteral("--repo"), m_repo->repo(),
                                  QStringLiteral("--by"), by, QStringLiteral("--json") },
        {}, 120000, { QStringLiteral("TZ=Asia/Tokyo") });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject json = run.json().object();
    QCOMPARE(json.value(QStringLiteral("by")).toString(), by);
    QCOMPARE(json.value(QStringLiteral("repository")).toString(), QFileInfo(m_repo->repo()).absoluteFilePath());
    const QJsonArray buckets = json.value(QStringLiteral("buckets")).toArray();
    QStringList names;
    for (const QJsonValue &value : buckets)
        names << value.toObject().value(QStringLiteral("name")).toString();
    QCOMPARE(names, expected.keys()); // sorted: names, months oldest first
    const auto compare = [](const QJsonObject &bucket, const Expected &e) {
        QCOMPARE(bucket.value(QStringLiteral("backups")).toInt(), e.backups);
        QCOMPARE(bucket.value(QStringLiteral("artifact_bytes")).toInteger(), e.artifactBytes);
        QCOMPARE(bucket.value(QStringLiteral("plaintext_bytes")).toInteger(), e.plaintextBytes);
        QVERIFY(e.artifactBytes > 0);
        QVERIFY(qAbs(bucket.value(QStringLiteral("compression_ratio")).toDouble()
                    - double(e.plaintextBytes) / double(e.artifactBytes))
            < 1e-9);
    };
    for (const QJsonValue &value : buckets) {
        compare(value.toObject(), expected.value(value.toObject().value(QStringLiteral("name")).toString()));
        if (QTest::currentTestFailed())
            return;
    }
    compare(json.value(QStringLiteral("total")).toObject(), total);
    if (QTest::currentTestFailed())
        return;

    const QJsonObject fileSystem = json.value(QStringLiteral("filesystem")).toObject();
    QCOMPARE(fileSystem.value(QStringLiteral("total_bytes")).toInteger(), QStorageInfo(m_repo->repo()).bytesTotal());
    QVERIFY(fileSystem.value(QStringLiteral("free_bytes")).toInteger() > 0);
    QVERIFY(fileSystem.value(QStringLiteral("free_bytes")).toInteger()
        <= fileSystem.value(QStringLiteral("total_bytes")).toInteger());

    // The table says the same.
    const CliRun text
        = runCli({ QStringLiteral("size"), QStringLiteral("--repo"), m_repo->repo(), QStringLiteral("--by"), by }, {},
            120000, { QStringLiteral("TZ=Asia/Tokyo") });
    QCOMPARE(text.exitCode, 0);
    QMap<QString, int> counts; // first column -> BACKUPS column
    for (const QByteArray &line : text.out.split('\n')) {
        const QStringList fields = QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.size() >= 2)
            counts.insert(fields.at(0), fields.at(1).toInt());
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QVERIFY2(counts.value(it.key()) == it->backups, text.out.constData());
    QVERIFY2(counts.value(QStringLiteral("TOTAL")) == total.backups, text.out.constData());
    QVERIFY(text.out.contains("File system: "));
}

void TstManageCli::sizeProjectionFollowsTheWorkspacePolicy()
{
    QStringList ids;
    for (const QString &database : { QStringLiteral("orders"), QStringLiteral("orders"), QStringLiteral("billing"),
             QStringLiteral("orders"), QStringLiteral("billing") })
        ids << backup(database);
    for (const QString &id : std::as_const(ids))
        QCOMPARE(id.size(), 32);
    const QString workspace = writeWorkspace("retention: {default: {keep_last: 1}}\n");
    QVERIFY(!workspace.isEmpty());

    // keep_last 1 keeps the newest backup of each database: the rest is what a prune frees.
    const auto expectAfter = [this](const QStringList &alsoKept) {
        QMap<QString, QJsonObject> newest;
        qint64 total = 0;
        for (const QJsonValue &value : list()) {
            const QJsonObject backup = value.toObject();
            total += backup.value(QStringLiteral("artifact_size")).toInteger();
            const QString database = backup.value(QStringLiteral("database")).toString();
            if (!newest.contains(database)
                || newest.value(database).value(QStringLiteral("created")).toString()
                    < backup.value(QStringLiteral("created")).toString())
                newest.insert(database, backup);
        }
        QMap<QString, qint64> after;
        for (const QJsonObject &backup : std::as_const(newest))
            after[backup.value(QStringLiteral("database")).toString()]
                += backup.value(QStringLiteral("artifact_size")).toInteger();
        for (const QJsonValue &value : list()) {
            const QJsonObject backup = value.toObject();
            const QString database = backup.value(QStringLiteral("database")).toString();
            if (alsoKept.contains(backup.value(QStringLiteral("id")).toString())
                && newest.value(database).value(QStringLiteral("id")) != backup.value(QStringLiteral("id")))
                after[database] += backup.value(QStringLiteral("artifact_size")).toInteger();
        }
        return std::pair(total, after);
    };
    const auto check = [&](const QStringList &alsoKept) {
        const auto [total, after] = expectAfter(alsoKept);
        const CliRun run = runCli({ QStringLiteral("size"), QStringLiteral("--json") }, workspace);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject json = run.json().object();
        QCOMPARE(
            json.value(QStringLiteral("total")).toObject().value(QStringLiteral("artifact_bytes")).toInteger(), total);
        const QJsonObject projection = json.value(QStringLiteral("projection")).toObject();
        QVERIFY2(!projection.isEmpty(), run.out.constData());
        qint64 bytesAfter = 0;
        for (const qint64 bytes : after)
            bytesAfter += bytes;
        QCOMPARE(projection.value(QStringLiteral("bytes_after")).toInteger(), bytesAfter);
        QCOMPARE(projection.value(QStringLiteral("freed_bytes")).toInteger(), total - bytesAfter);
        QCOMPARE(projection.value(QStringLiteral("backups_after")).toInt(), 2 + int(alsoKept.size()));
        QVERIFY2(projection.value(QStringLiteral("policy")).toString().contains(QStringLiteral("keep-last 1")),
            run.out.constData());
        const QJsonArray perDatabase = projection.value(QStringLiteral("per_database")).toArray();
        QCOMPARE(perDatabase.size(), 2);
        for (const QJsonValue &value : perDatabase) {
            const QJsonObject db = value.toObject();
            QCOMPARE(db.value(QStringLiteral("bytes_after")).toInteger(),
                after.value(db.value(QStringLiteral("database")).toString()));
        }
        QCOMPARE(perDatabase.at(0).toObject().value(QStringLiteral("database")).toString(), QStringLiteral("billing"));
    };
    check({});
    if (QTest::currentTestFailed())
        return;
    // A pinned old backup is kept by every prune: the projection keeps it too.
    QCOMPARE(runCli({ QStringLiteral("pin"), ids.at(0) }, workspace).exitCode, 0);
    check({ ids.at(0) });
    if (QTest::currentTestFailed())
        return;
    // Nothing was deleted by asking.
    QCOMPARE(list().size(), ids.size());

    const CliRun text = runCli({ QStringLiteral("size") }, workspace);
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("After a prune by the workspace's retention policy (default: keep-last 1"),
        text.out.constData());
}

void TstManageCli::sizeWithoutPolicySaysSo()
{
    QCOMPARE(backup(QStringLiteral("orders")).size(), 32);
    const QString noRetention = writeWorkspace({});
    QVERIFY(!noRetention.isEmpty());
    for (const QString &workspace : { QString(), noRetention }) {
        const CliRun run = runCli(
            { QStringLiteral("size"), QStringLiteral("--repo"), m_repo->repo(), QStringLiteral("--json") }, workspace);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject json = run.json().object();
        QVERIFY(json.contains(QStringLiteral("projection")));
        QVERIFY(json.value(QStringLiteral("projection")).isNull());
        QVERIFY2(
            json.value(QStringLiteral("notes"))
                .toArray()
                .contains(QStringLiteral("no retention policy in the workspace; set `retention:` to see a projection")),
            run.out.constData());
        const CliRun text = runCli({ QStringLiteral("size"), QStringLiteral("--repo"), m_repo->repo() }, workspace);
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("note: no retention policy in the workspace"));
        QVERIFY(!text.out.contains("After a prune"));
    }
}

void TstManageCli::sizeDatabaseWithoutRulesIsKept()
{
    QCOMPARE(backup(QStringLiteral("orders")).size(), 32);
    QCOMPARE(backup(QStringLiteral("orders")).size(), 32);
    QCOMPARE(backup(QStringLiteral("billing")).size(), 32);
    // A policy for orders only: billing has no rules, so the projection keeps all of it and says so.
    const QString workspace = writeWorkspace("retention: {databases: {orders: {keep_last: 1}}}\n");
    QVERIFY(!workspace.isEmpty());
    const CliRun run = runCli({ QStringLiteral("size"), QStringLiteral("--json") }, workspace);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject json = run.json().object();
    const QJsonObject projection = json.value(QStringLiteral("projection")).toObject();
    QCOMPARE(projection.value(QStringLiteral("backups_after")).toInt(), 2);
    const QJsonArray notes = json.value(QStringLiteral("notes")).toArray();
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.at(0).toString().contains(QStringLiteral("billing has no retention rules")), run.out.constData());
    QCOMPARE(json.value(QStringLiteral("total")).toObject().value(QStringLiteral("backups")).toInt(), 3);
}

// ---------------------------------------------------------------------------------------------

void TstManageCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("size --by week") << QStringList{ QStringLiteral("size"), QStringLiteral("--by"),
        QStringLiteral("week") };
    QTest::newRow("size with an argument") << QStringList{ QStringLiteral("size"), QStringLiteral("orders") };
    QTest::newRow("delete without id") << QStringList{ QStringLiteral("delete"), QStringLiteral("--yes") };
    QTest::newRow("delete two ids") << QStringList{ QStringLiteral("delete"), QStringLiteral("--yes"),
        QStringLiteral("abcd1234"), QStringLiteral("abcd5678") };
    QTest::newRow("delete --wait abc") << QStringList{ QStringLiteral("delete"), QStringLiteral("--yes"),
        QStringLiteral("abcd1234"), QStringLiteral("--wait"), QStringLiteral("abc") };
    QTest::newRow("pin without id") << QStringList{ QStringLiteral("pin") };
    QTest::newRow("unpin --wait -1") << QStringList{ QStringLiteral("unpin"), QStringLiteral("abcd1234"),
        QStringLiteral("--wait"), QStringLiteral("-1") };
}

void TstManageCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    const QString id = backup(QStringLiteral("orders"));
    QCOMPARE(id.size(), 32);
    const QStringList before = testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups"));
    const CliRun run = runCli(arguments + QStringList{ QStringLiteral("--repo"), m_repo->repo() });
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups")), before);
}

QTEST_GUILESS_MAIN(TstManageCli)
#include "tst_manage_cli.moc"
