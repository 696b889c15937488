// WorkspaceEditor on real files, in both shapes a workspace is written in: each edit is seen by
// Workspace::load and changes nothing else; refused edits leave the file byte for byte; the
// previous version is kept in .bak; comments survive the edits that can be made line by line.
#include "TestSupport.h"

#include "workspace/Workspace.h"
#include "workspace/WorkspaceEditor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <sys/stat.h>

using namespace coffer;

namespace {

using Snapshot = QMap<QString, QString>;
using Edit = std::function<Result<WorkspaceEditor::Outcome>(WorkspaceEditor &)>;

// The list shape, as resources/demo/make-demo.sh writes it, plus the runbook keys a team brings.
const char *const kListShape = R"(# Demo workspace made by resources/demo/make-demo.sh. Paths are relative to this file.
version: 1
repositories:
  - name: local
    path: repo
    default: true
  - name: archive     # the NAS
    path: /mnt/archive
databases:
  - name: shop
    path: data/shop.db
  - name: acme-orders
    path: data/acme-orders.db
    group: acme
  - name: acme-billing
    path: data/acme-billing.db
    group: acme
defaults:
  compression: zstd
  level: 3
backup:
  retention_days: 30
  encryption: {enabled: false, key_env_var: BACKUP_KEY}
  schedules:
    shop: {interval_hours: 6, retain_count: 10}
  tenant_backup_policy:
    acme: {quoted: "123", plain: 123, flag: yes}
retention:          # 'coffer-cli prune --dry-run' shows what it keeps and why
  timezone: UTC
  default: {keep_daily: 7, keep_weekly: 4, keep_monthly: 12}
  groups:
    acme: {keep_last: 3}
  databases:
    acme-billing: {keep_last: 5}
)";

// Mappings keyed by name, bare paths, flow entries, and compression only in the runbook's `backup:`.
const char *const kMapShape = R"(# A team's runbook config, brought over unchanged.
version: 1
repositories:
  local: repo            # a bare path
  archive: {path: /mnt/archive, default: true}
databases:
  shop: data/shop.db
  acme-orders: {path: data/acme-orders.db, group: acme}
  acme-billing:
    path: data/acme-billing.db
    group: acme
backup:
  compression: gzip
  level: 6
  retention_days: 30
  encryption: {enabled: false, key_env_var: BACKUP_KEY}
  schedules:
    shop: {interval_hours: 6, retain_count: 10}
  tenant_backup_policy:
    acme: {quoted: "123", plain: 123, flag: yes}
retention:
  timezone: UTC
  default: {keep_daily: 7, keep_weekly: 4, keep_monthly: 12}
  groups:
    acme: {keep_last: 3}
  databases:
    acme-billing: {keep_last: 5}
)";

// Everything a workspace says, one line per thing, so that a test can say what an edit changes
// and check that nothing else did.
Snapshot snapshot(const Workspace &workspace)
{
    Snapshot s;
    for (const DatabaseEntry &db : workspace.databases())
        s[QStringLiteral("db:") + db.name] = QStringLiteral("%1|%2|%3|%4")
                                                 .arg(db.path, db.group)
                                                 .arg(db.intervalHours ? QString::number(*db.intervalHours) : QString())
                                                 .arg(db.retainCount ? QString::number(*db.retainCount) : QString());
    for (const RepositoryEntry &repo : workspace.repositories())
        s[QStringLiteral("repo:") + repo.name] = QStringLiteral("%1|%2").arg(repo.path).arg(repo.isDefault);
    const BackupDefaults &d = workspace.defaults();
    s[QStringLiteral("compression")] = QStringLiteral("%1 %2").arg(d.compression).arg(d.level);
    s[QStringLiteral("backup")]
        = QStringLiteral("%1|%2|%3|%4")
              .arg(d.retentionDays.value_or(0))
              .arg(d.encryptionEnabled)
              .arg(d.keyEnvVar,
                  QString::fromUtf8(
                      QJsonDocument(QJsonObject::fromVariantMap(d.tenantBackupPolicy)).toJson(QJsonDocument::Compact)));
    const RetentionPolicySet &r = workspace.retention();
    s[QStringLiteral("retention.timezone")] = r.timeZone;
    s[QStringLiteral("retention.default")] = r.repositoryDefault.describe();
    for (auto it = r.groups.cbegin(); it != r.groups.cend(); ++it)
        s[QStringLiteral("retention.group:") + it.key()] = it.value().describe();
    for (auto it = r.databases.cbegin(); it != r.databases.cend(); ++it)
        s[QStringLiteral("retention.db:") + it.key()] = it.value().describe();
    return s;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

unsigned mode(const QString &path)
{
    struct stat st {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

// A workspace file in its own temporary folder.
class Fixture final
{
public:
    explicit Fixture(const QByteArray &text) { m_ok = m_dir.isValid() && writeAll(file(), text); }
    bool isValid() const { return m_ok; }
    QString file() const { return m_dir.filePath(QStringLiteral("workspace.yaml")); }
    QString path(const QString &relative) const { return QDir::cleanPath(m_dir.filePath(relative)); }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

QByteArray shapeText(const QString &shape)
{
    return QByteArray(shape == QLatin1String("list") ? kListShape : kMapShape);
}

} // namespace

class TstWorkspaceEditor final : public QObject
{
    Q_OBJECT

private:
    void addShapes()
    {
        QTest::addColumn<QString>("shape");
        QTest::newRow("list") << QStringLiteral("list");
        QTest::newRow("map") << QStringLiteral("map");
    }

    // Runs `edit` on the shape's file and checks the result: the snapshot after is `expect(before)`,
    // the previous version is in .bak, both files keep the file's mode (0640), and the comments are still there.
    void checkEdit(const Edit &edit, const std::function<void(Snapshot &, const Fixture &)> &expect,
        const QByteArrayList &mustContain = {}, const QByteArrayList &mustNotContain = {})
    {
        QFETCH(QString, shape);
        Fixture fixture(shapeText(shape));
        QVERIFY(fixture.isValid());
        // A file shared with a group keeps its mode, and so does its .bak.
        QVERIFY(QFile::setPermissions(
            fixture.file(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
        const QByteArray original = readAll(fixture.file());
        const auto before = Workspace::load(fixture.file());
        COFFER_VERIFY_OK(before);

        WorkspaceEditor editor(fixture.file());
        const auto outcome = edit(editor);
        COFFER_VERIFY_OK(outcome);
        QVERIFY(outcome->changed);

        const auto after = Workspace::load(fixture.file());
        COFFER_VERIFY_OK(after);
        Snapshot expected = snapshot(*before);
        expect(expected, fixture);
        QCOMPARE(snapshot(*after), expected);

        QCOMPARE(outcome->backupPath, fixture.file() + QStringLiteral(".bak"));
        QCOMPARE(readAll(outcome->backupPath), original);
        QCOMPARE(mode(fixture.file()), 0640u);
        QCOMPARE(mode(outcome->backupPath), 0640u);

        // Both fixtures' edits can all be made line by line: every comment is still there.
        QVERIFY2(outcome->commentsKept(), readAll(fixture.file()).constData());
        const QByteArray text = readAll(fixture.file());
        for (const QByteArray &line : original.split('\n')) {
            if (const qsizetype hash = line.indexOf(" #"); hash >= 0 || line.startsWith('#')) {
                const QByteArray comment = line.mid(hash >= 0 ? hash + 1 : 0);
                QVERIFY2(text.contains(comment), comment.constData());
            }
        }
        for (const QByteArray &part : mustContain)
            QVERIFY2(text.contains(part), (part + " missing in:\n" + text).constData());
        for (const QByteArray &part : mustNotContain)
            QVERIFY2(!text.contains(part), (part + " still in:\n" + text).constData());
    }

private Q_SLOTS:
    void addDatabaseInsideFolder_data() { addShapes(); }
    void addDatabaseInsideFolder()
    {
        checkEdit(
            [](WorkspaceEditor &e) {
                return e.addDatabase({ QStringLiteral("inventory"), {},
                    QFileInfo(e.filePath()).absolutePath() + QStringLiteral("/data/inventory.db"), {}, {}, {} });
            },
            [](Snapshot &s, const Fixture &f) {
                s[QStringLiteral("db:inventory")] = f.path(QStringLiteral("data/inventory.db")) + QStringLiteral("|||");
            },
            { "data/inventory.db" }, { QDir::tempPath().toUtf8() + "/" });
    }

    void addDatabaseOutsideFolderWithGroup_data() { addShapes(); }
    void addDatabaseOutsideFolderWithGroup()
    {
        checkEdit(
            [](WorkspaceEditor &e) {
                return e.addDatabase({ QStringLiteral("ledger"), {}, QStringLiteral("/srv/db/../db/ledger.db"),
                    QStringLiteral("finance"), {}, {} });
            },
            [](Snapshot &s, const Fixture &) {
                s[QStringLiteral("db:ledger")] = QStringLiteral("/srv/db/ledger.db|finance||");
            },
            { "/srv/db/ledger.db", "finance" });
    }

    void removeDatabaseWithSchedule_data() { addShapes(); }
    void removeDatabaseWithSchedule()
    {
        QStringList alsoRemoved;
        checkEdit(
            [&](WorkspaceEditor &e) {
                auto outcome = e.removeDatabase(QStringLiteral("shop"));
                if (outcome)
                    alsoRemoved = outcome->alsoRemoved;
                return outcome;
            },
            [](Snapshot &s, const Fixture &) {
                s.remove(QStringLiteral("db:shop"));
                s.remove(QStringLiteral("retention.db:shop")); // its retain_count came from the schedule
            },
            {}, { "shop" });
        QCOMPARE(alsoRemoved, QStringList{ QStringLiteral("backup.schedules.shop") });
    }

    void removeDatabaseWithRetentionOverride_data() { addShapes(); }
    void removeDatabaseWithRetentionOverride()
    {
        checkEdit([](WorkspaceEditor &e) { return e.removeDatabase(QStringLiteral("acme-billing")); },
            [](Snapshot &s, const Fixture &) {
                s.remove(QStringLiteral("db:acme-billing"));
                s.remove(QStringLiteral("retention.db:acme-billing"));
            },
            { "schedules:" }, { "acme-billing", "databases:\n    {}" });
    }

    void setGroup_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("group");
        for (const QString &shape : { QStringLiteral("list"), QStringLiteral("map") }) {
            const QByteArray prefix = shape.toLatin1() + ": ";
            QTest::newRow(prefix + "add a group") << shape << QStringLiteral("shop") << QStringLiteral("tenant-x");
            QTest::newRow(prefix + "change it") << shape << QStringLiteral("acme-billing") << QStringLiteral("beta");
            QTest::newRow(prefix + "change a flow entry's")
                << shape << QStringLiteral("acme-orders") << QStringLiteral("gamma");
            QTest::newRow(prefix + "remove it") << shape << QStringLiteral("acme-orders") << QString();
        }
    }
    void setGroup()
    {
        QFETCH(QString, database);
        QFETCH(QString, group);
        checkEdit([&](WorkspaceEditor &e) { return e.setDatabaseGroup(database, group); },
            [&](Snapshot &s, const Fixture &) {
                QStringList fields = s.value(QStringLiteral("db:") + database).split(QLatin1Char('|'));
                fields[1] = group;
                s[QStringLiteral("db:") + database] = fields.join(QLatin1Char('|'));
            });
    }

    void addRepository_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<bool>("makeDefault");
        for (const QString &shape : { QStringLiteral("list"), QStringLiteral("map") }) {
            QTest::newRow(qPrintable(shape + QStringLiteral(": plain"))) << shape << false;
            QTest::newRow(qPrintable(shape + QStringLiteral(": as default"))) << shape << true;
        }
    }
    void addRepository()
    {
        QFETCH(bool, makeDefault);
        checkEdit(
            [&](WorkspaceEditor &e) {
                return e.addRepository({ QStringLiteral("usb"), QStringLiteral("/media/usb/coffer"), makeDefault });
            },
            [&](Snapshot &s, const Fixture &) {
                if (makeDefault) {
                    for (auto it = s.begin(); it != s.end(); ++it) {
                        if (it.key().startsWith(QLatin1String("repo:")))
                            it.value().replace(QLatin1String("|1"), QLatin1String("|0"));
                    }
                }
                s[QStringLiteral("repo:usb")] = QStringLiteral("/media/usb/coffer|%1").arg(makeDefault);
            },
            { "/media/usb/coffer" });
    }

    void setDefaultRepository_data() { addShapes(); }
    void setDefaultRepository()
    {
        QFETCH(QString, shape);
        // The list shape's default is `local`, the map shape's `archive`: move it to the other.
        const QString target = shape == QLatin1String("list") ? QStringLiteral("archive") : QStringLiteral("local");
        checkEdit([&](WorkspaceEditor &e) { return e.setDefaultRepository(target); },
            [&](Snapshot &s, const Fixture &f) {
                s[QStringLiteral("repo:local")]
                    = f.path(QStringLiteral("repo")) + QStringLiteral("|%1").arg(target == QLatin1String("local"));
                s[QStringLiteral("repo:archive")]
                    = QStringLiteral("/mnt/archive|%1").arg(target == QLatin1String("archive"));
            });
    }

    void setCompression_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<int>("level");
        for (const QString &shape : { QStringLiteral("list"), QStringLiteral("map") }) {
            QTest::newRow(qPrintable(shape + QStringLiteral(": gzip 9"))) << shape << QStringLiteral("gzip") << 9;
            QTest::newRow(qPrintable(shape + QStringLiteral(": zstd 19"))) << shape << QStringLiteral("ZSTD") << 19;
            QTest::newRow(qPrintable(shape + QStringLiteral(": none"))) << shape << QStringLiteral("none") << 0;
        }
    }
    void setCompression()
    {
        QFETCH(QString, codec);
        QFETCH(int, level);
        checkEdit([&](WorkspaceEditor &e) { return e.setCompression(codec, level); },
            [&](Snapshot &s, const Fixture &) {
                s[QStringLiteral("compression")] = QStringLiteral("%1 %2").arg(codec.toLower()).arg(level);
            });
    }

    void refusalsLeaveTheFileAlone_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<int>("operation");
        QTest::addColumn<QString>("messagePart");
        const QStringList shapes{ QStringLiteral("list"), QStringLiteral("map") };
        for (const QString &shape : shapes) {
            const auto row = [&](const char *name, int operation, const char *part) {
                QTest::newRow(qPrintable(shape + QStringLiteral(": ") + QLatin1String(name)))
                    << shape << operation << QString::fromLatin1(part);
            };
            row("duplicate database", 0, "already has a database named 'shop'");
            row("same file twice", 1, "already in the workspace as 'shop'");
            row("unsafe name", 2, "must not contain '/'");
            row("empty name", 3, "Give the database a name");
            row("remove unknown database", 4, "no database named 'nope'");
            row("group of unknown database", 5, "no database named 'nope'");
            row("duplicate repository", 6, "already has a repository named 'local'");
            row("default to unknown repository", 7, "no repository named 'nope'");
            row("unknown codec", 8, "not one of zstd, gzip, none");
            row("zstd level too high", 9, "1");
            row("gzip level 0", 10, "1");
            row("none with a level", 11, "0");
        }
    }
    void refusalsLeaveTheFileAlone()
    {
        QFETCH(QString, shape);
        QFETCH(int, operation);
        QFETCH(QString, messagePart);
        Fixture fixture(shapeText(shape));
        QVERIFY(fixture.isValid());
        const QByteArray original = readAll(fixture.file());
        WorkspaceEditor e(fixture.file());
        const QString dir = fixture.dir();
        const std::function<Result<WorkspaceEditor::Outcome>()> edits[] = {
            [&] {
                return e.addDatabase({ QStringLiteral("shop"), {}, QStringLiteral("/elsewhere/shop.db"), {}, {}, {} });
            },
            [&] {
                return e.addDatabase(
                    { QStringLiteral("shop2"), {}, dir + QStringLiteral("/data/shop.db"), {}, {}, {} });
            },
            [&] {
                return e.addDatabase({ QStringLiteral("a/b"), {}, QStringLiteral("/x.db"), {}, {}, {} });
            },
            [&] {
                return e.addDatabase({ QString(), {}, QStringLiteral("/x.db"), {}, {}, {} });
            },
            [&] { return e.removeDatabase(QStringLiteral("nope")); },
            [&] { return e.setDatabaseGroup(QStringLiteral("nope"), QStringLiteral("g")); },
            [&] {
                return e.addRepository({ QStringLiteral("local"), QStringLiteral("/other"), false });
            },
            [&] { return e.setDefaultRepository(QStringLiteral("nope")); },
            [&] { return e.setCompression(QStringLiteral("lz4"), 1); },
            [&] { return e.setCompression(QStringLiteral("zstd"), 25); },
            [&] { return e.setCompression(QStringLiteral("gzip"), 0); },
            [&] { return e.setCompression(QStringLiteral("none"), 3); },
        };
        const auto outcome = edits[operation]();
        QVERIFY(!outcome);
        QVERIFY2(outcome.error().message.contains(messagePart), qPrintable(outcome.error().message));
        QCOMPARE(readAll(fixture.file()), original);
        QVERIFY(!QFileInfo::exists(fixture.file() + QStringLiteral(".bak")));
    }

    void invalidFileIsNotEdited()
    {
        const QByteArray broken = "databases:\n  - name: shop\n    path: shop.db\n  - name: shop\n    path: other.db\n";
        Fixture fixture(broken);
        QVERIFY(fixture.isValid());
        const auto outcome = WorkspaceEditor(fixture.file()).setCompression(QStringLiteral("gzip"), 6);
        QVERIFY(!outcome);
        QVERIFY2(outcome.error().message.contains(QLatin1String("fix it first")), qPrintable(outcome.error().message));
        QCOMPARE(readAll(fixture.file()), broken);
    }

    void unchangedEditDoesNotWrite()
    {
        Fixture fixture(kListShape);
        QVERIFY(fixture.isValid());
        const auto outcome
            = WorkspaceEditor(fixture.file()).setDatabaseGroup(QStringLiteral("acme-orders"), QStringLiteral("acme"));
        COFFER_VERIFY_OK(outcome);
        QVERIFY(!outcome->changed);
        QVERIFY(!QFileInfo::exists(fixture.file() + QStringLiteral(".bak")));
        QCOMPARE(readAll(fixture.file()), QByteArray(kListShape));
    }

    void rewriteThatDropsCommentsSaysSoAndKeepsThem()
    {
        // A flow list over several lines cannot take a new entry line by line: the file is rewritten.
        const QByteArray text = "# header stays\nrepositories: [{name: local, path: repo}]\n"
                                "databases: [\n  {name: shop, path: shop.db},   # our only one\n]\n"
                                "backup:\n  tenant_backup_policy: {acme: {id: \"007\"}}\n";
        Fixture fixture(text);
        QVERIFY(fixture.isValid());
        const auto outcome
            = WorkspaceEditor(fixture.file())
                  .addDatabase({ QStringLiteral("ledger"), {}, fixture.path(QStringLiteral("ledger.db")), {}, {}, {} });
        COFFER_VERIFY_OK(outcome);
        QVERIFY(!outcome->commentsKept());
        QCOMPARE(readAll(outcome->rewriteBackupPath), text);
        QCOMPARE(readAll(outcome->backupPath), text);
        QCOMPARE(mode(outcome->rewriteBackupPath), mode(fixture.file()));
        const QByteArray written = readAll(fixture.file());
        QVERIFY(written.startsWith("# header stays\n"));
        QVERIFY(!written.contains("# our only one"));
        // A quoted "007" stays a string, not the number 7.
        const auto loaded = Workspace::load(fixture.file());
        COFFER_VERIFY_OK(loaded);
        QCOMPARE(
            loaded->defaults().tenantBackupPolicy.value(QStringLiteral("acme")).toMap().value(QStringLiteral("id")),
            QVariant(QStringLiteral("007")));
        QCOMPARE(loaded->databases().size(), 2);
        QCOMPARE(loaded->databases().at(1).path, fixture.path(QStringLiteral("ledger.db")));

        // The next edit replaces .bak but not the copy that still has the comments.
        COFFER_VERIFY_OK(WorkspaceEditor(fixture.file()).setCompression(QStringLiteral("gzip"), 6));
        QCOMPARE(readAll(outcome->rewriteBackupPath), text);
    }

    void removingTheLastDatabase()
    {
        Fixture fixture("# one database\nrepositories:\n  - name: local\n    path: repo\n"
                        "databases:\n  - name: shop   # the shop\n    path: shop.db\nbackup:\n  retention_days: 3\n");
        QVERIFY(fixture.isValid());
        const auto outcome = WorkspaceEditor(fixture.file()).removeDatabase(QStringLiteral("shop"));
        COFFER_VERIFY_OK(outcome);
        const auto loaded = Workspace::load(fixture.file());
        COFFER_VERIFY_OK(loaded);
        QVERIFY(loaded->databases().isEmpty());
        QCOMPARE(loaded->defaults().retentionDays, std::optional<int>(3));
        // And the next one goes back into a list.
        COFFER_VERIFY_OK(
            WorkspaceEditor(fixture.file())
                .addDatabase({ QStringLiteral("shop"), {}, fixture.path(QStringLiteral("shop.db")), {}, {}, {} }));
        const auto again = Workspace::load(fixture.file());
        COFFER_VERIFY_OK(again);
        QCOMPARE(again->databases().size(), 1);
        QVERIFY(readAll(fixture.file()).startsWith("# one database\n"));
    }

    void anchorsAndAliasesAreRefused()
    {
        // a's and b's groups are one node: setting a's would set b's too.
        const QByteArray text = "repositories:\n  - name: main\n    path: /tmp/repo\n    default: true\n"
                                "databases:\n  - name: a\n    path: /tmp/a.db\n    group: &g tenant1\n"
                                "  - name: b\n    path: /tmp/b.db\n    group: *g\n";
        Fixture fixture(text);
        QVERIFY(fixture.isValid());
        WorkspaceEditor editor(fixture.file());
        for (const auto &outcome : { editor.setDatabaseGroup(QStringLiteral("a"), QStringLiteral("tenant2")),
                 editor.setCompression(QStringLiteral("gzip"), 6) }) {
            QVERIFY(!outcome);
            QVERIFY2(outcome.error().message.contains(QLatin1String("anchors")), qPrintable(outcome.error().message));
        }
        QCOMPARE(readAll(fixture.file()), text);
        QVERIFY(!QFileInfo::exists(editor.backupPath()));
    }

    void severalDocumentsAreRefused()
    {
        const QByteArray text = "repositories:\n  - name: main\n    path: /tmp/repo\ndatabases:\n  - name: a\n"
                                "    path: /tmp/a.db\n---\n# notes for the on-call\nnotes: keep me\n";
        Fixture fixture(text);
        QVERIFY(fixture.isValid());
        const auto outcome = WorkspaceEditor(fixture.file()).removeDatabase(QStringLiteral("a"));
        QVERIFY(!outcome);
        QVERIFY2(outcome.error().message.contains(QLatin1String("by hand")), qPrintable(outcome.error().message));
        QCOMPARE(readAll(fixture.file()), text);
    }

    void everyRewriteKeepsATimestampedCopy()
    {
        // No comments to lose, but a rewrite still keeps the previous version apart from .bak.
        const QByteArray text
            = "repositories: [{name: local, path: repo}]\ndatabases: [\n  {name: shop, path: shop.db},\n]\n";
        Fixture fixture(text);
        QVERIFY(fixture.isValid());
        const auto outcome
            = WorkspaceEditor(fixture.file())
                  .addDatabase({ QStringLiteral("ledger"), {}, fixture.path(QStringLiteral("ledger.db")), {}, {}, {} });
        COFFER_VERIFY_OK(outcome);
        QVERIFY(outcome->commentsKept());
        QVERIFY(!outcome->rewriteBackupPath.isEmpty());
        QCOMPARE(readAll(outcome->rewriteBackupPath), text);
    }

    void everydayEditsKeepComments_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray head = "# Ops workspace\nrepositories:\n  - name: main   # NAS\n    path: /tmp/repo\n";
        QTest::newRow("remove the only scheduled database")
            << head
                + "databases:\n  - name: a   # first\n    path: /tmp/a.db\n  - name: b\n    path: /tmp/b.db\n"
                  "backup:\n  schedules:\n    a:\n      interval_hours: 6\n"
            << QStringLiteral("remove a") << head + "databases:\n  - name: b\n    path: /tmp/b.db\n";
        QTest::newRow("empty group") << head
                + "databases:\n  - name: a      # orders\n    path: /tmp/a.db\n    group:       # tenant, later\n"
                                     << QStringLiteral("group a acme")
                                     << head
                + "databases:\n  - name: a      # orders\n    path: /tmp/a.db\n    group: acme       # tenant, later\n";
        QTest::newRow("null group") << head
                + "databases:\n  - name: a      # orders\n    path: /tmp/a.db\n    group: ~\n"
                                    << QStringLiteral("group a acme")
                                    << head
                + "databases:\n  - name: a      # orders\n    path: /tmp/a.db\n    group: acme\n";
        QTest::newRow("byte order mark") << "\xEF\xBB\xBF" + head
                + "databases:\n  - name: a   # orders\n    path: /tmp/a.db\n  - name: b\n    path: /tmp/b.db\n"
                                         << QStringLiteral("remove b")
                                         << "\xEF\xBB\xBF" + head
                + "databases:\n  - name: a   # orders\n    path: /tmp/a.db\n";
        QTest::newRow("unrelated empty map stays") << head
                + "databases:\n  - name: a\n    path: /tmp/a.db\n  - name: b\n    path: /tmp/b.db\n"
                  "backup:\n  schedules: {}   # to be filled in\n  retention_days: 14\n"
                                                   << QStringLiteral("remove a")
                                                   << head
                + "databases:\n  - name: b\n    path: /tmp/b.db\n"
                  "backup:\n  schedules: {}   # to be filled in\n  retention_days: 14\n";
        QTest::newRow("CRLF line endings")
            << QByteArray(head + "databases:\n  - name: a   # first\n    path: /tmp/a.db\n").replace("\n", "\r\n")
            << QStringLiteral("add b /tmp/b.db")
            << QByteArray(
                   head + "databases:\n  - name: a   # first\n    path: /tmp/a.db\n  - name: b\n    path: /tmp/b.db\n")
                   .replace("\n", "\r\n");
    }

    void everydayEditsKeepComments()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, op);
        QFETCH(QByteArray, expected);
        Fixture fixture(text);
        QVERIFY(fixture.isValid());
        WorkspaceEditor editor(fixture.file());
        const QStringList args = op.split(QLatin1Char(' '));
        const auto outcome = args[0] == QLatin1String("remove") ? editor.removeDatabase(args[1])
            : args[0] == QLatin1String("group")                 ? editor.setDatabaseGroup(args[1], args[2])
                                                : editor.addDatabase({ args[1], {}, args[2], {}, {}, {} });
        COFFER_VERIFY_OK(outcome);
        QVERIFY(outcome->changed);
        QVERIFY(outcome->commentsKept());
        QVERIFY2(outcome->rewriteBackupPath.isEmpty(), "rewritten, not edited line by line");
        QCOMPARE(readAll(fixture.file()), expected);
    }

    void plainScalarWithAQuoteStillCountsItsComment()
    {
        // The `'` inside the plain path does not open a quote: the comment after it is seen.
        const QByteArray text = "repositories:\n  - name: main\n    path: /tmp/repo 'nas  # the NAS share\n"
                                "databases: [\n  {name: a, path: /tmp/a.db},\n]\n";
        Fixture fixture(text);
        QVERIFY(fixture.isValid());
        const auto outcome = WorkspaceEditor(fixture.file())
                                 .addDatabase({ QStringLiteral("b"), {}, QStringLiteral("/tmp/b.db"), {}, {}, {} });
        COFFER_VERIFY_OK(outcome);
        QVERIFY(!outcome->commentsKept());
        QCOMPARE(readAll(outcome->rewriteBackupPath), text);
    }

    void readOnlyFileIsNotEdited()
    {
        Fixture fixture(kListShape);
        QVERIFY(fixture.isValid());
        QVERIFY(QFile::setPermissions(fixture.file(), QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        const auto outcome = WorkspaceEditor(fixture.file()).setCompression(QStringLiteral("gzip"), 6);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(outcome.error().message.contains(QLatin1String("read-only")), qPrintable(outcome.error().message));
        QCOMPARE(readAll(fixture.file()), QByteArray(kListShape));
        QCOMPARE(mode(fixture.file()), 0440u);
        QVERIFY(!QFileInfo::exists(fixture.file() + QStringLiteral(".bak")));
    }

    void createWritesAWorkspace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("config/coffer/workspace.yaml"));
        const QString repo = dir.filePath(QStringLiteral("config/coffer/coffer-backups"));
        const QList<DatabaseEntry> databases{ { QStringLiteral("orders"), {}, QStringLiteral("/srv/orders.db"),
                                                  QStringLiteral("acme"), {}, {} },
            { QStringLiteral("yes"), {}, QStringLiteral("/srv/a: b.db"), {}, {}, {} } };
        COFFER_VERIFY_OK(WorkspaceEditor::create(file, { QStringLiteral("local"), repo, false }, databases));
        QCOMPARE(mode(file), 0600u);
        QCOMPARE(mode(QFileInfo(file).absolutePath()), 0700u);
        const auto loaded = Workspace::load(file);
        COFFER_VERIFY_OK(loaded);
        QCOMPARE(loaded->repositories().size(), 1);
        QCOMPARE(loaded->defaultRepository()->path, QDir::cleanPath(repo));
        QVERIFY(loaded->repositories().at(0).isDefault);
        QVERIFY(readAll(file).contains("path: coffer-backups")); // inside the folder: relative
        QCOMPARE(loaded->databases().size(), 2);
        QCOMPARE(loaded->databases().at(0).group, QStringLiteral("acme"));
        QCOMPARE(loaded->databases().at(1).name, QStringLiteral("yes"));
        QCOMPARE(loaded->databases().at(1).path, QStringLiteral("/srv/a: b.db"));

        // Never over an existing file.
        const QByteArray written = readAll(file);
        const auto again = WorkspaceEditor::create(file, { QStringLiteral("other"), repo, false });
        QVERIFY(!again);
        QVERIFY(again.error().message.contains(QLatin1String("already exists")));
        QCOMPARE(readAll(file), written);
    }

    void createRefusesDuplicateNames()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("workspace.yaml"));
        const auto created
            = WorkspaceEditor::create(file, { QStringLiteral("local"), dir.filePath(QStringLiteral("r")), false },
                { { QStringLiteral("a"), {}, QStringLiteral("/a.db"), {}, {}, {} },
                    { QStringLiteral("a"), {}, QStringLiteral("/b.db"), {}, {}, {} } });
        QVERIFY(!created);
        QVERIFY(!QFileInfo::exists(file));
    }
};

QTEST_GUILESS_MAIN(TstWorkspaceEditor)
#include "tst_workspace_editor.moc"
