// coffer-cli's encryption as an operator uses it: keys made with `key generate`, backups
// encrypted to passphrases and public keys and opened again by verify, restore and decrypt.
// A missing or wrong key is exit 3 naming the cause, told from the header alone; decrypt
// hands stock tools a standard stream and leaves nothing behind when the artifact is damaged.
#include "SqliteShell.h"
#include "TestSupport.h"

#include "crypto/Decryptor.h"
#include "crypto/Encryptor.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using testsupport::CliRun;
using testsupport::runCli;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery staple");
// Whatever the environment of whoever runs the tests holds, no passphrase comes from it.
const QString kNoPassphraseInEnv = QStringLiteral("COFFER_PASSPHRASE=");

QString describe(const CliRun &run)
{
    return QStringLiteral("exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3")
        .arg(QString::number(run.exitCode), QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

// The data itself, not just its shape: integrity, row counts, and a digest of every row.
QString contentOf(const QString &path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QString queries[] = {
        QStringLiteral("SELECT group_concat(id || ',' || name || ',' || ifnull(email, ''), ';') FROM "
                       "(SELECT * FROM customers ORDER BY id)"),
        QStringLiteral("SELECT group_concat(id || ',' || customer || ',' || amount || ',' || qty, ';') FROM "
                       "(SELECT * FROM orders ORDER BY id)"),
        QStringLiteral("SELECT group_concat(id || ',' || hex(data), ';') FROM (SELECT * FROM blobs ORDER BY id)"),
    };
    for (const QString &sql : queries)
        hash.addData(testsupport::sqlite(path, sql).toUtf8());
    return testsupport::contentSummary(path) + QStringLiteral("; ") + QString::fromLatin1(hash.result().toHex());
}

bool writeFile(const QString &path, const QByteArray &bytes,
    QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size()
        && file.setPermissions(permissions);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QString sha256Of(const QString &path)
{
    return QString::fromLatin1(QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256).toHex());
}

// Where an encrypted artifact's payload starts.
qsizetype headerSize(const QString &artifact)
{
    const auto header = coffer::Decryptor::peek(readFile(artifact).left(4096));
    return header ? header->bytes().size() : -1;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList stringsOf(const QJsonValue &array)
{
    QStringList strings;
    for (const QJsonValue &value : array.toArray())
        strings << value.toString();
    return strings;
}

QString errorCode(const CliRun &run)
{
    return run.json().object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

} // namespace

class TstEncryptCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void roundTrip_data();
    void roundTrip();
    void wrongPassphraseOrKey_data();
    void wrongPassphraseOrKey();
    void wrongKeyIsToldFromTheHeaderAlone();
    void keyRequiredWithoutATerminal();
    void requireEncryptionRefusesPlainBackups();
    void safetyBackupIsEncryptedAndOpens();
    void safetyBackupRecipients();
    void safetyBackupOfAPlainBackupOnRequest();
    void decryptGivesAStockStream_data();
    void decryptGivesAStockStream();
    void decryptNeverReplacesAFile();
    void decryptLeavesNothingOfADamagedArtifact_data();
    void decryptLeavesNothingOfADamagedArtifact();
    void decryptRefusesAPlainArtifact();
    void decryptChecksTheDatabaseAgainstTheHeader_data();
    void decryptChecksTheDatabaseAgainstTheHeader();
    void keyGenerate();
    void passphraseFiles();
    void badRecipients_data();
    void badRecipients();
    void infoAndListShowRecipients();
    void promptOnATerminal();

private:
    CliRun cli(const QStringList &arguments, const QStringList &environment = { kNoPassphraseInEnv },
        const QString &workspace = {}) const;
    CliRun backup(const QStringList &extra, const QStringList &environment = { kNoPassphraseInEnv },
        const QString &workspace = {}) const;
    QString backupId(const QStringList &extra) const;
    QString artifactOf(const QString &id) const;
    QString safetyBackupId() const;
    // Runs `command` on a pseudo-terminal (script(1)), typing each answer once its prompt
    // shows; returns the exit code and everything the terminal showed.
    int onTerminal(
        const QString &command, const QList<std::pair<QByteArray, QByteArray>> &answers, QByteArray *seen) const;

    QTemporaryDir m_keys;
    QString m_key[3]; // private key files
    QString m_line[3]; // their public key lines
    QString m_keyId[3];
    QString m_publicFile[3]; // what `key generate` printed, kept as a recipients file
    QString m_passphraseFile;
    QString m_wrongPassphraseFile;

    std::unique_ptr<testsupport::TempRepository> m_repo;
    QString m_db;
    QString m_content;
};

CliRun TstEncryptCli::cli(const QStringList &arguments, const QStringList &environment, const QString &workspace) const
{
    return runCli(arguments, workspace, 120000, environment);
}

CliRun TstEncryptCli::backup(const QStringList &extra, const QStringList &environment, const QString &workspace) const
{
    return cli(QStringList{ QStringLiteral("backup"), QStringLiteral("--repo"), m_repo->repo(),
                   QStringLiteral("--path"), m_db, QStringLiteral("--json") }
            + extra,
        environment, workspace);
}

QString TstEncryptCli::backupId(const QStringList &extra) const
{
    const CliRun made = backup(extra);
    if (made.exitCode != 0) {
        qWarning("%s", qPrintable(describe(made)));
        return {};
    }
    return made.json().object().value(QStringLiteral("id")).toString();
}

QString TstEncryptCli::artifactOf(const QString &id) const
{
    const CliRun info
        = cli({ QStringLiteral("info"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--json") });
    return info.json().object().value(QStringLiteral("artifact")).toString();
}

QString TstEncryptCli::safetyBackupId() const
{
    const CliRun listed
        = cli({ QStringLiteral("list"), QStringLiteral("--repo"), m_repo->repo(), QStringLiteral("--json") });
    for (const QJsonValue &entry : listed.json().array())
        if (entry.toObject().value(QStringLiteral("trigger")).toString() == QStringLiteral("safety"))
            return entry.toObject().value(QStringLiteral("id")).toString();
    return {};
}

int TstEncryptCli::onTerminal(
    const QString &command, const QList<std::pair<QByteArray, QByteArray>> &answers, QByteArray *seen) const
{
    QProcess terminal;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFFER_WORKSPACE"), QDir::tempPath() + QStringLiteral("/coffer-no-such-workspace.yaml"));
    env.remove(QStringLiteral("COFFER_PASSPHRASE"));
    terminal.setProcessEnvironment(env);
    terminal.start(QStringLiteral("script"), { QStringLiteral("-qefc"), command, QStringLiteral("/dev/null") });
    if (!terminal.waitForStarted(10000))
        return -2;
    qsizetype from = 0; // each prompt is looked for after the one answered before it
    for (const auto &[prompt, answer] : answers) {
        QDeadlineTimer deadline(60000);
        while (seen->indexOf(prompt, from) < 0 && !deadline.hasExpired() && terminal.state() == QProcess::Running) {
            terminal.waitForReadyRead(200);
            *seen += terminal.readAll();
        }
        if (seen->indexOf(prompt, from) < 0)
            break;
        from = seen->indexOf(prompt, from) + prompt.size();
        terminal.write(answer);
    }
    if (!terminal.waitForFinished(120000))
        terminal.kill();
    *seen += terminal.readAll();
    return terminal.exitStatus() == QProcess::NormalExit ? terminal.exitCode() : -1;
}

void TstEncryptCli::initTestCase()
{
    QVERIFY(m_keys.isValid());
    for (int i = 0; i < 3; ++i) {
        m_key[i] = m_keys.filePath(QStringLiteral("person%1.key").arg(i + 1));
        const CliRun made
            = runCli({ QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("--out"), m_key[i] });
        QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
        const QStringList lines = QString::fromUtf8(made.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        m_line[i] = lines.at(1);
        QVERIFY(m_line[i].startsWith(QStringLiteral("coffer-p384:")));
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("# Coffer public key p384:")), qPrintable(lines.at(0)));
        m_keyId[i] = lines.at(0).section(QLatin1Char(' '), 4, 4);
        m_publicFile[i] = m_keys.filePath(QStringLiteral("person%1.pub").arg(i + 1));
        QVERIFY(writeFile(m_publicFile[i], made.out));
    }
    m_passphraseFile = m_keys.filePath(QStringLiteral("passphrase"));
    QVERIFY(writeFile(m_passphraseFile, kPassphrase.toUtf8() + "\n"));
    m_wrongPassphraseFile = m_keys.filePath(QStringLiteral("wrong-passphrase"));
    QVERIFY(writeFile(m_wrongPassphraseFile, QByteArrayLiteral("correct horse battery stapler\n")));
}

void TstEncryptCli::init()
{
    m_repo = std::make_unique<testsupport::TempRepository>();
    QVERIFY(m_repo->isValid());
    m_db = m_repo->path(QStringLiteral("shop.db"));
    QVERIFY(testsupport::makeSampleDatabase(m_db, 300));
    m_content = contentOf(m_db);
    QVERIFY2(m_content.startsWith(QStringLiteral("ok; ")), qPrintable(m_content));
}

void TstEncryptCli::roundTrip_data()
{
    QTest::addColumn<QStringList>("backupArgs");
    QTest::addColumn<QStringList>("environment"); // for every command of the row
    QTest::addColumn<QString>("workspace"); // YAML; empty: none
    QTest::addColumn<QList<QStringList>>("openings"); // each must verify and restore the backup
    QTest::addColumn<QStringList>("recipients"); // the key ids the manifest records

    const QString passphraseFile = QStringLiteral("--passphrase-file");
    const QString recipient = QStringLiteral("--recipient");
    const QString identity = QStringLiteral("--identity");
    const QStringList noEnv{ kNoPassphraseInEnv };
    const QString passphraseId = QStringLiteral("passphrase");

    QTest::newRow("passphrase file") << QStringList{ QStringLiteral("--encrypt"), passphraseFile, m_passphraseFile }
                                     << noEnv << QString() << QList<QStringList>{ { passphraseFile, m_passphraseFile } }
                                     << QStringList{ passphraseId };
    QTest::newRow("passphrase file implies --encrypt")
        << QStringList{ passphraseFile, m_passphraseFile } << noEnv << QString()
        << QList<QStringList>{ { passphraseFile, m_passphraseFile } } << QStringList{ passphraseId };
    QTest::newRow("COFFER_PASSPHRASE") << QStringList{ QStringLiteral("--encrypt") }
                                       << QStringList{ QStringLiteral("COFFER_PASSPHRASE=") + kPassphrase } << QString()
                                       << QList<QStringList>{ {} } << QStringList{ passphraseId };
    // The workspace's variable is the one read, not COFFER_PASSPHRASE; and it makes encrypting the default.
    QTest::newRow("the workspace's variable")
        << QStringList{}
        << QStringList{ QStringLiteral("SITE_BACKUP_KEY=") + kPassphrase, QStringLiteral("COFFER_PASSPHRASE=not this") }
        << QStringLiteral("backup:\n  encryption:\n    enabled: true\n    key_env_var: SITE_BACKUP_KEY\n")
        << QList<QStringList>{ {} } << QStringList{ passphraseId };
    QTest::newRow("one public key") << QStringList{ recipient, m_line[0] } << noEnv << QString()
                                    << QList<QStringList>{ { identity, m_key[0] } } << QStringList{ m_keyId[0] };
    // A key line, a file as `key generate` printed it (with its comment), and --encrypt said too.
    QTest::newRow("several public keys") << QStringList{ QStringLiteral("--encrypt"), recipient, m_line[0], recipient,
        m_publicFile[1], recipient, m_line[2] }
                                         << noEnv << QString()
                                         << QList<QStringList>{ { identity, m_key[0] }, { identity, m_key[1] },
                                                { identity, m_key[2] } }
                                         << QStringList{ m_keyId[0], m_keyId[1], m_keyId[2] };
    QTest::newRow("public keys and a passphrase")
        << QStringList{ recipient, m_line[0], recipient, m_line[1], passphraseFile, m_passphraseFile } << noEnv
        << QString()
        << QList<QStringList>{ { identity, m_key[1] }, { passphraseFile, m_passphraseFile },
               { identity, m_key[2], identity, m_key[0] } }
        << QStringList{ passphraseId, m_keyId[0], m_keyId[1] };
    QTest::newRow("the workspace's recipients")
        << QStringList{} << noEnv
        << QStringLiteral("backup:\n  encryption:\n    enabled: true\n    recipients:\n      - %1\n      - %2\n")
               .arg(m_line[0], m_line[2])
        << QList<QStringList>{ { identity, m_key[2] } } << QStringList{ m_keyId[0], m_keyId[2] };
    QTest::newRow("the workspace's recipients and one more")
        << QStringList{ recipient, m_publicFile[1] } << noEnv
        << QStringLiteral("backup:\n  encryption:\n    recipients: [%1]\n").arg(m_line[0])
        << QList<QStringList>{ { identity, m_key[0] }, { identity, m_key[1] } }
        << QStringList{ m_keyId[0], m_keyId[1] };
}

void TstEncryptCli::roundTrip()
{
    QFETCH(QStringList, backupArgs);
    QFETCH(QStringList, environment);
    QFETCH(QString, workspace);
    QFETCH(QList<QStringList>, openings);
    QFETCH(QStringList, recipients);

    QString workspaceFile;
    if (!workspace.isEmpty()) {
        workspaceFile = m_repo->path(QStringLiteral("workspace.yaml"));
        QVERIFY(writeFile(workspaceFile, workspace.toUtf8()));
    }
    const CliRun made = backup(backupArgs, environment, workspaceFile);
    QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    const QJsonObject json = made.json().object();
    QCOMPARE(json.value(QStringLiteral("encryption")).toString(), QStringLiteral("cfr1"));
    QCOMPARE(sorted(stringsOf(json.value(QStringLiteral("encryption_recipients")))), sorted(recipients));
    const QString artifact = json.value(QStringLiteral("artifact")).toString();
    QVERIFY2(artifact.endsWith(QStringLiteral(".sqlite.zst.cfr")), qPrintable(artifact));
    QVERIFY(readFile(artifact).startsWith("\x89"
                                          "CFR"));
    const QString id = json.value(QStringLiteral("id")).toString();

    int n = 0;
    for (const QStringList &open : std::as_const(openings)) {
        const CliRun verified = cli(QStringList{ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), id,
                                        QStringLiteral("--level"), QStringLiteral("full"), QStringLiteral("--json") }
                + open,
            environment, workspaceFile);
        QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
        const QJsonObject outcome = verified.json().array().first().toObject();
        QVERIFY(outcome.value(QStringLiteral("ok")).toBool());
        QStringList names;
        for (const QJsonValue &check : outcome.value(QStringLiteral("checks")).toArray())
            names << check.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(names.contains(QStringLiteral("decrypt")) && names.contains(QStringLiteral("integrity_check")),
            qPrintable(names.join(QLatin1Char(','))));

        const QString target = m_repo->path(QStringLiteral("restored-%1.db").arg(++n));
        const CliRun restored = cli(QStringList{ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(),
                                        id, QStringLiteral("--target"), target, QStringLiteral("--yes") }
                + open,
            environment, workspaceFile);
        QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
        QCOMPARE(contentOf(target), m_content);
    }
}

void TstEncryptCli::wrongPassphraseOrKey_data()
{
    QTest::addColumn<QStringList>("backupArgs");
    QTest::addColumn<QStringList>("openArgs");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("cause");

    const QString passphraseFile = QStringLiteral("--passphrase-file");
    QTest::newRow("wrong passphrase") << QStringList{ passphraseFile, m_passphraseFile }
                                      << QStringList{ passphraseFile, m_wrongPassphraseFile }
                                      << QStringList{ kNoPassphraseInEnv } << QStringLiteral("the passphrase is wrong");
    QTest::newRow("wrong passphrase in COFFER_PASSPHRASE")
        << QStringList{ passphraseFile, m_passphraseFile } << QStringList{}
        << QStringList{ QStringLiteral("COFFER_PASSPHRASE=correct horse") }
        << QStringLiteral("the passphrase is wrong");
    QTest::newRow("another person's key")
        << QStringList{ QStringLiteral("--recipient"), m_line[0] }
        << QStringList{ QStringLiteral("--identity"), m_key[1] } << QStringList{ kNoPassphraseInEnv }
        << QStringLiteral("it is not encrypted to %1").arg(m_keyId[1]);
    QTest::newRow("a passphrase for a backup encrypted to keys only")
        << QStringList{ QStringLiteral("--recipient"), m_line[0] } << QStringList{ passphraseFile, m_passphraseFile }
        << QStringList{ kNoPassphraseInEnv } << QStringLiteral("it has no passphrase");
}

void TstEncryptCli::wrongPassphraseOrKey()
{
    QFETCH(QStringList, backupArgs);
    QFETCH(QStringList, openArgs);
    QFETCH(QStringList, environment);
    QFETCH(QString, cause);

    const QString id = backupId(backupArgs);
    QVERIFY(!id.isEmpty());
    const CliRun verified = cli(QStringList{ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), id,
                                    QStringLiteral("--level"), QStringLiteral("full"), QStringLiteral("--json") }
            + openArgs,
        environment);
    QVERIFY2(verified.exitCode == 3, qPrintable(describe(verified)));
    QCOMPARE(errorCode(verified), QStringLiteral("wrong_key"));
    QVERIFY2(verified.err.contains(cause.toUtf8()), qPrintable(describe(verified)));
    QVERIFY2(verified.err.contains("--identity KEYFILE"), verified.err.constData());

    const QString target = m_repo->path(QStringLiteral("restored.db"));
    const CliRun restored = cli(QStringList{ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(), id,
                                    QStringLiteral("--target"), target, QStringLiteral("--yes") }
            + openArgs,
        environment);
    QVERIFY2(restored.exitCode == 3, qPrintable(describe(restored)));
    QVERIFY2(restored.err.contains(cause.toUtf8()), qPrintable(describe(restored)));
    QVERIFY(!QFileInfo::exists(target));
    QCOMPARE(
        QDir(m_repo->dir()).entryList({ QStringLiteral(".restored.db.*") }, QDir::Files | QDir::Hidden), QStringList());

    const QString output = m_repo->path(QStringLiteral("decrypted.sqlite.zst"));
    const CliRun decrypted
        = cli(QStringList{ QStringLiteral("decrypt"), artifactOf(id), QStringLiteral("--out"), output } + openArgs,
            environment);
    QVERIFY2(decrypted.exitCode == 3, qPrintable(describe(decrypted)));
    QVERIFY2(decrypted.err.contains(cause.toUtf8()), qPrintable(describe(decrypted)));
    QVERIFY(!QFileInfo::exists(output));
}

void TstEncryptCli::wrongKeyIsToldFromTheHeaderAlone()
{
    const QString id = backupId({ QStringLiteral("--passphrase-file"), m_passphraseFile });
    QVERIFY(!id.isEmpty());
    const QString artifact = artifactOf(id);
    const qsizetype header = headerSize(artifact);
    QVERIFY(header > 0);
    const QByteArray whole = readFile(artifact);
    QVERIFY(whole.size() > header + 64);

    // Copies whose payload is gone or garbage: only the header is left to tell a wrong key.
    const QString cut = m_repo->path(QStringLiteral("cut.cfr"));
    QVERIFY(writeFile(cut, whole.left(header + 20)));
    const QString zeroed = m_repo->path(QStringLiteral("zeroed.cfr"));
    QVERIFY(writeFile(zeroed, whole.left(header) + QByteArray(whole.size() - header, '\0')));
    for (const QString &copy : { cut, zeroed }) {
        const QString output = copy + QStringLiteral(".out");
        const CliRun wrong = cli({ QStringLiteral("decrypt"), copy, QStringLiteral("--out"), output,
            QStringLiteral("--passphrase-file"), m_wrongPassphraseFile, QStringLiteral("--json") });
        QVERIFY2(wrong.exitCode == 3, qPrintable(describe(wrong)));
        QCOMPARE(errorCode(wrong), QStringLiteral("wrong_key"));
        QVERIFY(wrong.err.contains("the passphrase is wrong"));
        // With the right passphrase the same copy is damaged: the verdict above came first.
        const CliRun right = cli({ QStringLiteral("decrypt"), copy, QStringLiteral("--out"), output,
            QStringLiteral("--passphrase-file"), m_passphraseFile, QStringLiteral("--json") });
        QVERIFY2(right.exitCode == 3, qPrintable(describe(right)));
        QCOMPARE(errorCode(right), QStringLiteral("corrupt"));
        QVERIFY(!QFileInfo::exists(output));
    }

    // The same for verify, on the repository's own artifact cut short.
    QVERIFY(QFile::resize(artifact, header + 20));
    const QStringList verify{ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), id,
        QStringLiteral("--level"), QStringLiteral("full"), QStringLiteral("--json"),
        QStringLiteral("--passphrase-file") };
    const CliRun wrong = cli(verify + QStringList{ m_wrongPassphraseFile });
    QVERIFY2(wrong.exitCode == 3, qPrintable(describe(wrong)));
    QCOMPARE(errorCode(wrong), QStringLiteral("wrong_key"));
    const CliRun right = cli(verify + QStringList{ m_passphraseFile });
    QVERIFY2(right.exitCode == 1, qPrintable(describe(right)));
    QStringList failed;
    for (const QJsonValue &check :
        right.json().array().first().toObject().value(QStringLiteral("failed_checks")).toArray())
        failed << check.toObject().value(QStringLiteral("name")).toString();
    QVERIFY2(failed.contains(QStringLiteral("decrypt")), qPrintable(failed.join(QLatin1Char(','))));
}

void TstEncryptCli::keyRequiredWithoutATerminal()
{
    // Encrypting with nothing to encrypt to, and no terminal to ask on (stdin is a pipe here).
    const CliRun refused = backup({ QStringLiteral("--encrypt") });
    QVERIFY2(refused.exitCode == 3, qPrintable(describe(refused)));
    QCOMPARE(errorCode(refused), QStringLiteral("key_required"));
    QVERIFY(refused.err.contains("no terminal"));
    QVERIFY(refused.err.contains("--passphrase-file"));
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups")), QStringList());

    const QString id
        = backupId({ QStringLiteral("--passphrase-file"), m_passphraseFile, QStringLiteral("--recipient"), m_line[0] });
    QVERIFY(!id.isEmpty());
    // A quick verification reads no plaintext and needs no key.
    const CliRun quick = cli({ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), id });
    QVERIFY2(quick.exitCode == 0, qPrintable(describe(quick)));

    const CliRun full = cli({ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), id,
        QStringLiteral("--level"), QStringLiteral("full"), QStringLiteral("--json") });
    QVERIFY2(full.exitCode == 3, qPrintable(describe(full)));
    QCOMPARE(errorCode(full), QStringLiteral("key_required"));
    QVERIFY2(full.err.contains("encrypted (to passphrase, " + m_keyId[0].toUtf8() + ")"), full.err.constData());

    const QString target = m_repo->path(QStringLiteral("restored.db"));
    const CliRun restored = cli({ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(), id,
        QStringLiteral("--target"), target, QStringLiteral("--yes"), QStringLiteral("--json") });
    QVERIFY2(restored.exitCode == 3, qPrintable(describe(restored)));
    QCOMPARE(errorCode(restored), QStringLiteral("key_required"));
    QVERIFY(!QFileInfo::exists(target));

    const QString output = m_repo->path(QStringLiteral("out.sqlite.zst"));
    const CliRun decrypted = cli({ QStringLiteral("decrypt"), artifactOf(id), QStringLiteral("--out"), output });
    QVERIFY2(decrypted.exitCode == 3, qPrintable(describe(decrypted)));
    QVERIFY(decrypted.err.contains("This backup is encrypted"));
    QVERIFY(!QFileInfo::exists(output));
}

void TstEncryptCli::requireEncryptionRefusesPlainBackups()
{
    const QString repo = m_repo->path(QStringLiteral("strict"));
    const CliRun made
        = cli({ QStringLiteral("init"), repo, QStringLiteral("--require-encryption"), QStringLiteral("--json") });
    QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    QVERIFY(made.json().object().value(QStringLiteral("require_encryption")).toBool());
    const QJsonObject config = QJsonDocument::fromJson(readFile(repo + QStringLiteral("/coffer-repo.json"))).object();
    QVERIFY(config.value(QStringLiteral("policy")).toObject().value(QStringLiteral("require_encryption")).toBool());

    const QStringList plain{ QStringLiteral("backup"), QStringLiteral("--repo"), repo, QStringLiteral("--path"), m_db };
    for (const QString &codec : { QStringLiteral("zstd"), QStringLiteral("none") }) {
        const CliRun refused = cli(plain + QStringList{ QStringLiteral("--compression"), codec });
        QVERIFY2(refused.exitCode == 3, qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains("accepts only encrypted backups") && refused.err.contains("--encrypt"),
            refused.err.constData());
    }
    QCOMPARE(testsupport::filesBelow(repo + QStringLiteral("/backups")), QStringList());
    const CliRun listed = cli({ QStringLiteral("list"), QStringLiteral("--repo"), repo, QStringLiteral("--json") });
    QCOMPARE(listed.json().array().size(), 0);

    const CliRun encrypted
        = cli(plain + QStringList{ QStringLiteral("--recipient"), m_line[0], QStringLiteral("--json") });
    QVERIFY2(encrypted.exitCode == 0, qPrintable(describe(encrypted)));
    QCOMPARE(encrypted.json().object().value(QStringLiteral("encryption")).toString(), QStringLiteral("cfr1"));
}

void TstEncryptCli::safetyBackupIsEncryptedAndOpens()
{
    const QString id = backupId({ QStringLiteral("--recipient"), m_line[0] });
    QVERIFY(!id.isEmpty());
    testsupport::sqlite(m_db, QStringLiteral("INSERT INTO customers(name) VALUES('after the backup')"));
    const QString changed = contentOf(m_db);
    QVERIFY(changed != m_content);

    const CliRun restored
        = cli({ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--target"),
            m_db, QStringLiteral("--yes"), QStringLiteral("--identity"), m_key[0], QStringLiteral("--json") });
    QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
    QCOMPARE(contentOf(m_db), m_content);
    const QJsonObject plan = restored.json().object().value(QStringLiteral("plan")).toObject();
    QCOMPARE(stringsOf(
                 plan.value(QStringLiteral("safety_backup")).toObject().value(QStringLiteral("encryption_recipients"))),
        QStringList{ m_keyId[0] });

    const QString safety = safetyBackupId();
    QCOMPARE(safety,
        restored.json()
            .object()
            .value(QStringLiteral("outcome"))
            .toObject()
            .value(QStringLiteral("safety_backup_id"))
            .toString());
    const CliRun info
        = cli({ QStringLiteral("info"), QStringLiteral("--repo"), m_repo->repo(), safety, QStringLiteral("--json") });
    const QJsonObject encryption = info.json()
                                       .object()
                                       .value(QStringLiteral("manifest_content"))
                                       .toObject()
                                       .value(QStringLiteral("encryption"))
                                       .toObject();
    QCOMPARE(encryption.value(QStringLiteral("scheme")).toString(), QStringLiteral("cfr1"));
    QCOMPARE(stringsOf(encryption.value(QStringLiteral("recipients"))), QStringList{ m_keyId[0] });
    QVERIFY(info.json().object().value(QStringLiteral("artifact")).toString().endsWith(QStringLiteral(".cfr")));

    // The same identity opens it; another does not.
    const QStringList verify{ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), safety,
        QStringLiteral("--level"), QStringLiteral("full"), QStringLiteral("--identity") };
    const CliRun opened = cli(verify + QStringList{ m_key[0] });
    QVERIFY2(opened.exitCode == 0, qPrintable(describe(opened)));
    const CliRun other = cli(verify + QStringList{ m_key[1] });
    QVERIFY2(other.exitCode == 3, qPrintable(describe(other)));

    // And it holds what the restore replaced.
    const QString back = m_repo->path(QStringLiteral("previous.db"));
    const CliRun previous = cli({ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(), safety,
        QStringLiteral("--target"), back, QStringLiteral("--yes"), QStringLiteral("--identity"), m_key[0] });
    QVERIFY2(previous.exitCode == 0, qPrintable(describe(previous)));
    QCOMPARE(contentOf(back), changed);
}

void TstEncryptCli::safetyBackupRecipients()
{
    // An encrypted backup restored with a passphrase, plus --recipient: both open the safety backup.
    const QString id = backupId({ QStringLiteral("--passphrase-file"), m_passphraseFile });
    QVERIFY(!id.isEmpty());
    const CliRun restored = cli({ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(), id,
        QStringLiteral("--target"), m_db, QStringLiteral("--yes"), QStringLiteral("--passphrase-file"),
        m_passphraseFile, QStringLiteral("--recipient"), m_line[1] });
    QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
    const QString safety = safetyBackupId();
    QVERIFY(!safety.isEmpty());
    const QStringList verify{ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), safety,
        QStringLiteral("--level"), QStringLiteral("full") };
    CliRun opened = cli(verify + QStringList{ QStringLiteral("--identity"), m_key[1] });
    QVERIFY2(opened.exitCode == 0, qPrintable(describe(opened)));
    opened = cli(verify + QStringList{ QStringLiteral("--passphrase-file"), m_passphraseFile });
    QVERIFY2(opened.exitCode == 0, qPrintable(describe(opened)));
}

void TstEncryptCli::safetyBackupOfAPlainBackupOnRequest()
{
    const QString plain = backupId({});
    QVERIFY(!plain.isEmpty());
    const CliRun restored = cli({ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(), plain,
        QStringLiteral("--target"), m_db, QStringLiteral("--yes"), QStringLiteral("--recipient"), m_publicFile[2] });
    QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
    const QString safety = safetyBackupId();
    const CliRun info
        = cli({ QStringLiteral("info"), QStringLiteral("--repo"), m_repo->repo(), safety, QStringLiteral("--json") });
    QCOMPARE(info.json().object().value(QStringLiteral("encryption")).toString(), QStringLiteral("cfr1"));
    QCOMPARE(stringsOf(info.json().object().value(QStringLiteral("encryption_recipients"))), QStringList{ m_keyId[2] });
    const CliRun opened = cli({ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), safety,
        QStringLiteral("--level"), QStringLiteral("full"), QStringLiteral("--identity"), m_key[2] });
    QVERIFY2(opened.exitCode == 0, qPrintable(describe(opened)));
}

void TstEncryptCli::decryptGivesAStockStream_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QString>("tool"); // the stock program that takes over
    QTest::newRow("zstd") << QStringLiteral("zstd") << QStringLiteral("zstd");
    QTest::newRow("gzip") << QStringLiteral("gzip") << QStringLiteral("gzip");
    QTest::newRow("none") << QStringLiteral("none") << QString();
}

void TstEncryptCli::decryptGivesAStockStream()
{
    QFETCH(QString, codec);
    QFETCH(QString, tool);
    if (!tool.isEmpty() && QStandardPaths::findExecutable(tool).isEmpty())
        COFFER_SKIP_UNLESS_CI("the stock decompressor is not installed");

    const CliRun made = backup({ QStringLiteral("--compression"), codec, QStringLiteral("--recipient"), m_line[0],
        QStringLiteral("--passphrase-file"), m_passphraseFile });
    QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    const QJsonObject backedUp = made.json().object();
    const QString artifact = backedUp.value(QStringLiteral("artifact")).toString();

    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString extension = codec == QStringLiteral("zstd") ? QStringLiteral(".zst")
        : codec == QStringLiteral("gzip")                     ? QStringLiteral(".gz")
                                                              : QString();
    const QString stream = out.filePath(QStringLiteral("shop.sqlite") + extension);
    const CliRun decrypted = cli({ QStringLiteral("decrypt"), artifact, QStringLiteral("--out"), stream,
        QStringLiteral("--identity"), m_key[0], QStringLiteral("--json") });
    QVERIFY2(decrypted.exitCode == 0, qPrintable(describe(decrypted)));
    const QJsonObject json = decrypted.json().object();
    QCOMPARE(json.value(QStringLiteral("compression")).toString(), codec);
    QCOMPARE(json.value(QStringLiteral("backup_id")).toString(), backedUp.value(QStringLiteral("id")).toString());
    QCOMPARE(json.value(QStringLiteral("output_size")).toInteger(), QFileInfo(stream).size());
    QCOMPARE(modeOf(stream), 0600);

    const QString database = out.filePath(QStringLiteral("shop.sqlite"));
    if (codec == QStringLiteral("zstd")) {
        QCOMPARE(QProcess::execute(QStringLiteral("zstd"),
                     { QStringLiteral("-q"), QStringLiteral("-d"), stream, QStringLiteral("-o"), database }),
            0);
    } else if (codec == QStringLiteral("gzip")) {
        QCOMPARE(QProcess::execute(QStringLiteral("gzip"), { QStringLiteral("-d"), stream }), 0);
    }
    QCOMPARE(testsupport::sqlite(database, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QCOMPARE(contentOf(database), m_content);
    QCOMPARE(sha256Of(database), backedUp.value(QStringLiteral("plaintext_sha256")).toString());
}

void TstEncryptCli::decryptNeverReplacesAFile()
{
    const QString id = backupId({ QStringLiteral("--recipient"), m_line[0] });
    QVERIFY(!id.isEmpty());
    const QString artifact = artifactOf(id);
    const QByteArray artifactBytes = readFile(artifact);
    const QString precious = m_repo->path(QStringLiteral("precious.sqlite.zst"));
    QVERIFY(writeFile(precious, QByteArrayLiteral("someone's file")));
    for (const QString &out : { precious, artifact }) {
        const CliRun refused = cli({ QStringLiteral("decrypt"), artifact, QStringLiteral("--out"), out,
            QStringLiteral("--identity"), m_key[0] });
        QVERIFY2(refused.exitCode == 3, qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains("already exists"), refused.err.constData());
    }
    QCOMPARE(readFile(precious), QByteArrayLiteral("someone's file"));
    QCOMPARE(readFile(artifact), artifactBytes);
}

void TstEncryptCli::decryptLeavesNothingOfADamagedArtifact_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("says"); // what the message names
    QTest::newRow("a bit flipped in the first chunk") << QStringLiteral("flip-first") << QStringLiteral("Chunk 1");
    QTest::newRow("a bit flipped in the last chunk")
        << QStringLiteral("flip-last") << QStringLiteral("fails authentication");
    QTest::newRow("cut short in the middle of a chunk") << QStringLiteral("cut-mid") << QStringLiteral("cut short");
    QTest::newRow("cut at a chunk boundary") << QStringLiteral("cut-boundary") << QStringLiteral("truncated");
    QTest::newRow("bytes appended") << QStringLiteral("append") << QStringLiteral("fails authentication");
    QTest::newRow("a bit flipped in the header") << QStringLiteral("flip-header") << QStringLiteral("header");
    QTest::newRow("a bit flipped in the magic")
        << QStringLiteral("flip-magic") << QStringLiteral("not a Coffer encrypted file");
    QTest::newRow("emptied") << QStringLiteral("empty") << QStringLiteral("is empty");
}

void TstEncryptCli::decryptLeavesNothingOfADamagedArtifact()
{
    QFETCH(QString, damage);
    QFETCH(QString, says);
    // Several chunks, so chunks that decrypt fine reach the output before the damaged one.
    const QString big = m_repo->path(QStringLiteral("big.db"));
    QVERIFY(testsupport::makeSampleDatabase(big, 4000));
    const CliRun made = cli({ QStringLiteral("backup"), QStringLiteral("--repo"), m_repo->repo(),
        QStringLiteral("--path"), big, QStringLiteral("--compression"), QStringLiteral("none"),
        QStringLiteral("--recipient"), m_line[0], QStringLiteral("--json") });
    QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    const QString artifact = made.json().object().value(QStringLiteral("artifact")).toString();
    const auto header = coffer::Decryptor::peek(readFile(artifact).left(4096));
    QVERIFY(header);
    const qint64 start = header->bytes().size();
    const qint64 chunk = header->chunkSize() + 16; // with its tag
    const qint64 size = QFileInfo(artifact).size();
    QVERIFY2(size - start > 3 * chunk, "the artifact should span several chunks");

    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString copy = work.filePath(QStringLiteral("damaged.cfr"));
    QVERIFY(QFile::copy(artifact, copy));
    QVERIFY(QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    if (damage == QStringLiteral("flip-first"))
        QVERIFY(testsupport::flipByte(copy, start + 100));
    else if (damage == QStringLiteral("flip-last"))
        QVERIFY(testsupport::flipByte(copy, -5));
    else if (damage == QStringLiteral("cut-mid"))
        QVERIFY(QFile::resize(copy, start + 2 * chunk + chunk / 2));
    else if (damage == QStringLiteral("cut-boundary"))
        QVERIFY(QFile::resize(copy, start + 2 * chunk));
    else if (damage == QStringLiteral("append"))
        QVERIFY(writeFile(copy, readFile(copy) + QByteArrayLiteral("tail")));
    else if (damage == QStringLiteral("flip-header"))
        QVERIFY(testsupport::flipByte(copy, 20));
    else if (damage == QStringLiteral("flip-magic"))
        QVERIFY(testsupport::flipByte(copy, 1));
    else if (damage == QStringLiteral("empty"))
        QVERIFY(QFile::resize(copy, 0));

    const QString outDir = work.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(outDir));
    const CliRun decrypted = cli({ QStringLiteral("decrypt"), copy, QStringLiteral("--out"),
        outDir + QStringLiteral("/big.sqlite"), QStringLiteral("--identity"), m_key[0], QStringLiteral("--json") });
    QVERIFY2(decrypted.exitCode == 3, qPrintable(describe(decrypted)));
    QCOMPARE(errorCode(decrypted), QStringLiteral("corrupt"));
    QVERIFY2(decrypted.err.contains(says.toUtf8()), qPrintable(describe(decrypted)));
    QCOMPARE(QDir(outDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());

    // The undamaged artifact decrypts in the same place.
    const CliRun whole = cli({ QStringLiteral("decrypt"), artifact, QStringLiteral("--out"),
        outDir + QStringLiteral("/big.sqlite"), QStringLiteral("--identity"), m_key[0] });
    QVERIFY2(whole.exitCode == 0, qPrintable(describe(whole)));
    QCOMPARE(contentOf(outDir + QStringLiteral("/big.sqlite")), contentOf(big));
}

void TstEncryptCli::decryptRefusesAPlainArtifact()
{
    const QString id = backupId({});
    QVERIFY(!id.isEmpty());
    const QString output = m_repo->path(QStringLiteral("out.sqlite.zst"));
    const CliRun refused = cli({ QStringLiteral("decrypt"), artifactOf(id), QStringLiteral("--out"), output,
        QStringLiteral("--identity"), m_key[0] });
    QVERIFY2(refused.exitCode == 3, qPrintable(describe(refused)));
    QVERIFY2(refused.err.contains("not an encrypted Coffer backup") && refused.err.contains("need no decrypting"),
        refused.err.constData());
    QVERIFY(!QFileInfo::exists(output));
    const CliRun usage = cli({ QStringLiteral("decrypt"), artifactOf(id) });
    QCOMPARE(usage.exitCode, 2);
}

void TstEncryptCli::decryptChecksTheDatabaseAgainstTheHeader_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("says");
    QTest::newRow("another database's SHA-256")
        << QStringLiteral("sha256") << QStringLiteral("does not match the encrypted header");
    QTest::newRow("another size") << QStringLiteral("size") << QStringLiteral("does not match the encrypted header");
    QTest::newRow("not a zstd stream") << QStringLiteral("stream") << QStringLiteral("not a valid zstd stream");
}

// Containers that authenticate but whose content is not the database their header names: as
// only a faulty or hostile writer would make them, built here with the Encryptor itself.
void TstEncryptCli::decryptChecksTheDatabaseAgainstTheHeader()
{
    QFETCH(QString, change);
    QFETCH(QString, says);
    const CliRun made = backup({});
    QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    const QJsonObject json = made.json().object();
    QByteArray stream = readFile(json.value(QStringLiteral("artifact")).toString());
    coffer::ContainerInfo info{ .backupId = json.value(QStringLiteral("id")).toString(),
        .innerCodec = coffer::Codec::Zstd,
        .plaintextSize = json.value(QStringLiteral("plaintext_size")).toInteger(),
        .plaintextSha256 = json.value(QStringLiteral("plaintext_sha256")).toString() };
    if (change == QStringLiteral("sha256"))
        info.plaintextSha256
            = QString::fromLatin1(QCryptographicHash::hash("another database", QCryptographicHash::Sha256).toHex());
    else if (change == QStringLiteral("size"))
        info.plaintextSize += 1;
    else
        stream = QByteArray(200000, 'x');

    coffer::EncryptionKeys keys;
    const auto recipient = coffer::PublicKey::fromText(m_line[0]);
    COFFER_VERIFY_OK(recipient);
    keys.recipients << *recipient;
    auto encryptor = coffer::Encryptor::create(keys, info);
    COFFER_VERIFY_OK(encryptor);
    QByteArray crafted;
    const coffer::ByteSink sink = [&crafted](const char *data, qsizetype size) -> coffer::Result<void> {
        crafted.append(data, size);
        return {};
    };
    COFFER_VERIFY_OK((*encryptor)->write(stream.constData(), stream.size(), sink));
    COFFER_VERIFY_OK((*encryptor)->finish(sink));
    const QString artifact = m_repo->path(QStringLiteral("crafted.sqlite.zst.cfr"));
    QVERIFY(writeFile(artifact, crafted));

    const QString output = m_repo->path(QStringLiteral("crafted.sqlite.zst"));
    const CliRun decrypted = cli({ QStringLiteral("decrypt"), artifact, QStringLiteral("--out"), output,
        QStringLiteral("--identity"), m_key[0], QStringLiteral("--json") });
    QVERIFY2(decrypted.exitCode == 3, qPrintable(describe(decrypted)));
    QCOMPARE(errorCode(decrypted), QStringLiteral("corrupt"));
    QVERIFY2(decrypted.err.contains(says.toUtf8()), qPrintable(describe(decrypted)));
    QVERIFY(!QFileInfo::exists(output));
}

void TstEncryptCli::keyGenerate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString key = dir.filePath(QStringLiteral("offsite.key"));
    const CliRun made = cli(
        { QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("--out"), key, QStringLiteral("--json") });
    QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    const QJsonObject json = made.json().object();
    const QString line = json.value(QStringLiteral("public_key")).toString();
    const QString keyId = json.value(QStringLiteral("key_id")).toString();
    QVERIFY(line.startsWith(QStringLiteral("coffer-p384:")));
    QVERIFY(keyId.startsWith(QStringLiteral("p384:")));
    QCOMPARE(modeOf(key), 0600);
    const QByteArray written = readFile(key);
    QVERIFY(written.contains("-----BEGIN PRIVATE KEY-----"));
    QVERIFY(!written.contains(kPassphrase.toUtf8()));
    QVERIFY2(made.err.contains("keep it off the machines that make backups"), made.err.constData());

    // key public gives back the same line, as a recipients file.
    const CliRun shown = cli({ QStringLiteral("key"), QStringLiteral("public"), QStringLiteral("--identity"), key });
    QVERIFY2(shown.exitCode == 0, qPrintable(describe(shown)));
    QCOMPARE(QString::fromUtf8(shown.out),
        QStringLiteral("# Coffer public key %1 (private key: %2)\n%3\n").arg(keyId, key, line));

    // Never over an existing file: the key there may be the only one that opens some backups.
    const CliRun again = cli({ QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("--out"), key });
    QVERIFY2(again.exitCode == 3, qPrintable(describe(again)));
    QVERIFY(again.err.contains("already exists"));
    QCOMPARE(readFile(key), written);

    QCOMPARE(cli({ QStringLiteral("key"), QStringLiteral("generate") }).exitCode, 2);
    QCOMPARE(cli({ QStringLiteral("key"), QStringLiteral("public") }).exitCode, 2);
    QCOMPARE(cli({ QStringLiteral("key") }).exitCode, 2);
    const CliRun notAKey
        = cli({ QStringLiteral("key"), QStringLiteral("public"), QStringLiteral("--identity"), m_passphraseFile });
    QCOMPARE(notAKey.exitCode, 3);
    QVERIFY(notAKey.err.contains("is not a Coffer private key"));
}

void TstEncryptCli::passphraseFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString empty = dir.filePath(QStringLiteral("empty"));
    QVERIFY(writeFile(empty, QByteArrayLiteral("\r\nsomething on the second line\n")));
    CliRun run = backup({ QStringLiteral("--passphrase-file"), empty });
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY(run.err.contains("is empty"));
    run = backup({ QStringLiteral("--passphrase-file"), dir.filePath(QStringLiteral("missing")) });
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY(run.err.contains("There is no passphrase file"));
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups")), QStringList());

    // The first line, without its CR LF, is the passphrase; the rest of the file is not.
    const QString windows = dir.filePath(QStringLiteral("windows"));
    QVERIFY(writeFile(windows, kPassphrase.toUtf8() + "\r\nnot part of it\r\n"));
    run = backup({ QStringLiteral("--passphrase-file"), windows });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(!run.err.contains("warning"), run.err.constData());
    const QString id = run.json().object().value(QStringLiteral("id")).toString();
    run = cli({ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--level"),
        QStringLiteral("full"), QStringLiteral("--passphrase-file"), m_passphraseFile });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    // A file others can read still works, with a warning that says how to fix it.
    const QString open = dir.filePath(QStringLiteral("shared"));
    QVERIFY(writeFile(open, kPassphrase.toUtf8(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    run = cli({ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), id, QStringLiteral("--level"),
        QStringLiteral("full"), QStringLiteral("--passphrase-file"), open });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("can be read by other users") && run.err.contains("chmod 600"), run.err.constData());
    QVERIFY(!run.err.contains(kPassphrase.toUtf8()) && !run.out.contains(kPassphrase.toUtf8()));

    // Never on the command line.
    run = backup({ QStringLiteral("--passphrase"), kPassphrase });
    QCOMPARE(run.exitCode, 2);
}

void TstEncryptCli::badRecipients_data()
{
    QTest::addColumn<QString>("value"); // {dir} is a scratch folder
    QTest::addColumn<QByteArray>("file"); // written to {dir}/recipients when not empty
    QTest::addColumn<QString>("says");
    QTest::addColumn<QString>("mustNotSay");

    QTest::newRow("neither a key nor a file")
        << QStringLiteral("hunter2 is my passphrase") << QByteArray()
        << QStringLiteral("--recipient number 1 is neither a public key") << QStringLiteral("hunter2");
    QTest::newRow("a damaged key") << QStringLiteral("coffer-p384:AllxojOCn29pV0O2") << QByteArray()
                                   << QStringLiteral("damaged") << QString();
    QTest::newRow("a private key") << m_key[0] << QByteArray() << QStringLiteral("is a private key") << QString();
    QTest::newRow("a file with a bad line")
        << QStringLiteral("{dir}/recipients") << (QByteArrayLiteral("# the team\n") + m_line[0].toUtf8() + "\nbob\n")
        << QStringLiteral("line 3, is not a public key") << QString();
    QTest::newRow("a file with no key") << QStringLiteral("{dir}/recipients") << QByteArray("# nobody yet\n\n")
                                        << QStringLiteral("holds no public key") << QString();
}

void TstEncryptCli::badRecipients()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, file);
    QFETCH(QString, says);
    QFETCH(QString, mustNotSay);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (!file.isEmpty())
        QVERIFY(writeFile(dir.filePath(QStringLiteral("recipients")), file));
    value.replace(QStringLiteral("{dir}"), dir.path());
    const CliRun run = backup({ QStringLiteral("--recipient"), value });
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(says.toUtf8()), run.err.constData());
    if (!mustNotSay.isEmpty())
        QVERIFY2(!run.err.contains(mustNotSay.toUtf8()) && !run.out.contains(mustNotSay.toUtf8()), run.err.constData());
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups")), QStringList());
}

void TstEncryptCli::infoAndListShowRecipients()
{
    const QString id
        = backupId({ QStringLiteral("--recipient"), m_line[0], QStringLiteral("--passphrase-file"), m_passphraseFile });
    QVERIFY(!id.isEmpty());
    const CliRun info = cli({ QStringLiteral("info"), QStringLiteral("--repo"), m_repo->repo(), id });
    QVERIFY2(info.out.contains("Encryption:        cfr1, opens with: passphrase, " + m_keyId[0].toUtf8()),
        info.out.constData());
    const CliRun listed = cli({ QStringLiteral("list"), QStringLiteral("--repo"), m_repo->repo() });
    QVERIFY2(listed.out.contains("zstd+cfr1"), listed.out.constData());
    const CliRun json
        = cli({ QStringLiteral("list"), QStringLiteral("--repo"), m_repo->repo(), QStringLiteral("--json") });
    const QJsonObject entry = json.json().array().first().toObject();
    QCOMPARE(sorted(stringsOf(entry.value(QStringLiteral("encryption_recipients")))),
        sorted({ QStringLiteral("passphrase"), m_keyId[0] }));
    // Manifests and outputs name recipients, never secrets.
    const QByteArray manifest = readFile(entry.value(QStringLiteral("manifest")).toString());
    QVERIFY(manifest.contains(m_keyId[0].toUtf8()));
    QVERIFY(!manifest.contains(kPassphrase.toUtf8()));
}

void TstEncryptCli::promptOnATerminal()
{
    if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
        COFFER_SKIP_UNLESS_CI("script(1) is needed to give coffer-cli a terminal");
    const QString cliPath = QStringLiteral(COFFER_CLI_PATH);
    const QByteArray typed = "typed on the terminal";

    // backup asks twice, with echo off: what is typed never shows.
    QByteArray seen;
    int exit
        = onTerminal(QStringLiteral("'%1' backup --repo '%2' --path '%3' --encrypt").arg(cliPath, m_repo->repo(), m_db),
            { { "Passphrase for the new backup: ", typed + '\n' }, { "The same passphrase again: ", typed + '\n' } },
            &seen);
    QVERIFY2(exit == 0, seen.constData());
    QVERIFY2(!seen.contains(typed), seen.constData());
    const CliRun listed
        = cli({ QStringLiteral("list"), QStringLiteral("--repo"), m_repo->repo(), QStringLiteral("--json") });
    QCOMPARE(listed.json().array().size(), 1);
    const QJsonObject entry = listed.json().array().first().toObject();
    QCOMPARE(
        stringsOf(entry.value(QStringLiteral("encryption_recipients"))), QStringList{ QStringLiteral("passphrase") });
    const QString id = entry.value(QStringLiteral("id")).toString();

    // It was the typed passphrase: a file holding it opens the backup.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("typed"));
    QVERIFY(writeFile(file, typed));
    const CliRun verified = cli({ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo(), id,
        QStringLiteral("--level"), QStringLiteral("full"), QStringLiteral("--passphrase-file"), file });
    QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));

    // verify asks once, naming the backup.
    const QString verify = QStringLiteral("'%1' verify --repo '%2' %3 --level full").arg(cliPath, m_repo->repo(), id);
    const QByteArray prompt = "Passphrase for backup " + id.left(8).toLatin1() + " of shop: ";
    seen.clear();
    exit = onTerminal(verify, { { prompt, typed + '\n' } }, &seen);
    QVERIFY2(exit == 0, seen.constData());
    QVERIFY2(seen.contains("1 verified, 0 failed"), seen.constData());
    QVERIFY(!seen.contains(typed));
    seen.clear();
    exit = onTerminal(verify, { { prompt, "not it\n" } }, &seen);
    QVERIFY2(exit == 3, seen.constData());
    QVERIFY2(seen.contains("the passphrase is wrong"), seen.constData());

    // Two different answers: nothing is backed up.
    seen.clear();
    exit
        = onTerminal(QStringLiteral("'%1' backup --repo '%2' --path '%3' --encrypt").arg(cliPath, m_repo->repo(), m_db),
            { { "Passphrase for the new backup: ", "one\n" }, { "The same passphrase again: ", "two\n" } }, &seen);
    QVERIFY2(exit == 3, seen.constData());
    QVERIFY2(seen.contains("The two passphrases differ"), seen.constData());
    QCOMPARE(cli({ QStringLiteral("list"), QStringLiteral("--repo"), m_repo->repo(), QStringLiteral("--json") })
                 .json()
                 .array()
                 .size(),
        1);

    // A backup encrypted to keys alone: no passphrase would help, so none is asked for.
    const QString keysOnly = backupId({ QStringLiteral("--recipient"), m_line[0] });
    QVERIFY(!keysOnly.isEmpty());
    seen.clear();
    exit = onTerminal(
        QStringLiteral("'%1' verify --repo '%2' %3 --level full").arg(cliPath, m_repo->repo(), keysOnly), {}, &seen);
    QVERIFY2(exit == 3, seen.constData());
    QVERIFY2(!seen.contains("Passphrase for") && seen.contains("This backup is encrypted"), seen.constData());
}

QTEST_GUILESS_MAIN(TstEncryptCli)
#include "tst_encrypt_cli.moc"
