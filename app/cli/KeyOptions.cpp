#include "KeyOptions.h"

#include "CliOutput.h"
#include "SecretPrompt.h"

#include "crypto/CfrFormat.h"

#include <QFile>
#include <QFileInfo>

namespace keyoptions {

namespace {

const QString kEncrypt = QStringLiteral("encrypt");
const QString kRecipient = QStringLiteral("recipient");
const QString kPassphraseFile = QStringLiteral("passphrase-file");
const QString kIdentity = QStringLiteral("identity");
const QString kPassphraseId = QStringLiteral("passphrase");

// The first line of a passphrase file is the passphrase; a longer one is the wrong file.
constexpr qsizetype kMaxPassphrase = 4096;
constexpr qint64 kMaxRecipientFile = 1024 * 1024;

std::unexpected<int> failed(const coffer::Error &error, const CliContext &context, int exitCode = kExitFailed)
{
    return std::unexpected(cli::reportError(error, context.json(), exitCode));
}

QString envVarName(const CliContext &context)
{
    if (auto ws = context.workspace(); ws)
        return ws->defaults().passphraseEnvVar();
    return coffer::BackupDefaults::kDefaultKeyEnvVar;
}

// Like ssh with its keys: say so when a file holding a secret is open to others.
void warnIfOthersCanRead(const QString &path, const QString &what)
{
    const QFileInfo info(path);
    if (info.isFile() && (info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        cli::err(QStringLiteral("coffer-cli: warning: %1 %2 can be read by other users; restrict it with: chmod 600 %2")
                     .arg(what, path));
}

// The first line of `path`, its trailing CR/LF removed, read straight into wiped memory.
coffer::Result<coffer::SecretBytes> readPassphraseFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return coffer::fail(coffer::ErrorCode::NotFound, QStringLiteral("There is no passphrase file at %1").arg(path));
    if (info.isDir())
        return coffer::fail(coffer::ErrorCode::InvalidArgument,
            QStringLiteral("%1 is a folder; --passphrase-file expects a file whose first line is the passphrase")
                .arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return coffer::fail(coffer::ErrorCode::PermissionDenied,
            QStringLiteral("The passphrase file %1 cannot be read").arg(path), file.errorString());
    coffer::SecretBytes buffer(kMaxPassphrase + 2);
    auto *bytes = reinterpret_cast<char *>(buffer.data());
    qsizetype size = 0;
    qsizetype newline = -1;
    while (newline < 0 && size < buffer.size()) {
        const qint64 n = file.read(bytes + size, buffer.size() - size);
        if (n < 0)
            return coffer::fail(coffer::ErrorCode::Io,
                QStringLiteral("Reading the passphrase file %1 failed").arg(path), file.errorString());
        if (n == 0)
            break;
        for (qsizetype i = size; i < size + n && newline < 0; ++i)
            if (bytes[i] == '\n')
                newline = i;
        size += n;
    }
    qsizetype end = newline >= 0 ? newline : size;
    if (end > 0 && bytes[end - 1] == '\r')
        --end;
    if (end > kMaxPassphrase)
        return coffer::fail(coffer::ErrorCode::InvalidArgument,
            QStringLiteral("The first line of %1 is longer than %2 bytes: is it really the passphrase file?")
                .arg(path)
                .arg(kMaxPassphrase));
    if (end == 0)
        return coffer::fail(coffer::ErrorCode::InvalidArgument,
            QStringLiteral("The passphrase file %1 is empty: its first line must hold the passphrase").arg(path));
    return coffer::SecretBytes(bytes, end);
}

// --passphrase-file, else the environment variable; null when neither gives one.
Outcome<std::shared_ptr<const coffer::SecretBytes>> givenPassphrase(
    const QCommandLineParser &parser, const CliContext &context)
{
    const QStringList files = parser.values(kPassphraseFile);
    if (files.size() > 1)
        return std::unexpected(cli::usageError(QStringLiteral("--passphrase-file can be given only once")));
    if (files.size() == 1) {
        warnIfOthersCanRead(files.first(), QStringLiteral("the passphrase file"));
        auto read = readPassphraseFile(files.first());
        if (!read)
            return failed(read.error(), context);
        return std::make_shared<const coffer::SecretBytes>(std::move(*read));
    }
    QByteArray value = qgetenv(envVarName(context).toLocal8Bit().constData());
    if (value.isEmpty())
        return nullptr;
    return std::make_shared<const coffer::SecretBytes>(coffer::SecretBytes::take(value));
}

// A file of public key lines: '#' starts a comment, blank lines are skipped.
coffer::Result<QList<coffer::PublicKey>> readRecipientFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return coffer::fail(coffer::ErrorCode::PermissionDenied,
            QStringLiteral("The recipients file %1 cannot be read").arg(path), file.errorString());
    if (file.size() > kMaxRecipientFile)
        return coffer::fail(coffer::ErrorCode::InvalidArgument,
            QStringLiteral("%1 is too large to be a file of public keys").arg(path));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    QList<coffer::PublicKey> keys;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).section(QLatin1Char('#'), 0, 0).trimmed();
        if (line.isEmpty())
            continue;
        if (line.contains(QStringLiteral("PRIVATE KEY")))
            return coffer::fail(coffer::ErrorCode::InvalidArgument,
                QStringLiteral("%1 is a private key: encrypt to its public key instead (`coffer-cli key public "
                               "--identity %1` prints it), and keep the private key away from this machine")
                    .arg(path));
        if (!line.startsWith(coffer::PublicKey::kTextPrefix))
            return coffer::fail(coffer::ErrorCode::InvalidArgument,
                QStringLiteral("%1, line %2, is not a public key: each line should be one %3… key as `coffer-cli key "
                               "generate` prints it ('#' starts a comment)")
                    .arg(path)
                    .arg(i + 1)
                    .arg(coffer::PublicKey::kTextPrefix));
        auto key = coffer::PublicKey::fromText(line);
        if (!key)
            return coffer::fail(coffer::ErrorCode::InvalidArgument,
                QStringLiteral("%1, line %2: %3").arg(path).arg(i + 1).arg(key.error().message));
        if (!keys.contains(*key))
            keys << *key;
    }
    if (keys.isEmpty())
        return coffer::fail(coffer::ErrorCode::InvalidArgument,
            QStringLiteral("%1 holds no public key: write one %2… line per recipient")
                .arg(path, coffer::PublicKey::kTextPrefix));
    return keys;
}

// --recipient values: each a key line or a file of them. A bad value is a usage error.
Outcome<QList<coffer::PublicKey>> recipientsFrom(const QStringList &values, const CliContext &context)
{
    QList<coffer::PublicKey> keys;
    auto add = [&keys](const coffer::PublicKey &key) {
        if (!keys.contains(key))
            keys << key;
    };
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString value = values.at(i).trimmed();
        if (value.startsWith(coffer::PublicKey::kTextPrefix)) {
            auto key = coffer::PublicKey::fromText(value);
            if (!key)
                return failed(key.error(), context, kExitUsage);
            add(*key);
            continue;
        }
        const QFileInfo info(values.at(i));
        if (!info.isFile())
            // Not quoted back: it may be a passphrase typed into the wrong option.
            return failed({ coffer::ErrorCode::InvalidArgument,
                              QStringLiteral("--recipient number %1 is neither a public key (%2…, as `coffer-cli key "
                                             "generate` prints it) nor a file of public keys")
                                  .arg(QString::number(i + 1), coffer::PublicKey::kTextPrefix),
                              info.isDir() ? QStringLiteral("%1 is a folder").arg(values.at(i)) : QString() },
                context, kExitUsage);
        auto read = readRecipientFile(values.at(i));
        if (!read)
            return failed(read.error(), context,
                read.error().code == coffer::ErrorCode::InvalidArgument ? kExitUsage : kExitFailed);
        for (const coffer::PublicKey &key : std::as_const(*read))
            add(key);
    }
    return keys;
}

QList<coffer::PublicKey> workspaceRecipients(const CliContext &context)
{
    if (auto ws = context.workspace(); ws)
        return ws->defaults().encryptionRecipients;
    return {};
}

bool workspaceEncrypts(const CliContext &context)
{
    auto ws = context.workspace();
    return ws && ws->defaults().encryptionEnabled;
}

} // namespace

void addEncryptOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { kEncrypt,
            QStringLiteral(
                "Encrypt the backup (AES-256-GCM in the cfr1 container). To --recipient keys and/or a "
                "passphrase from --passphrase-file or $COFFER_PASSPHRASE (the workspace's "
                "backup.encryption.key_env_var); with none of them, asks for a passphrase on the terminal.") },
        { kRecipient,
            QStringLiteral("Encrypt to this public key (the coffer-p384:… line `key generate` prints), or to every key "
                           "in this file (repeatable). Implies --encrypt."),
            QStringLiteral("key") },
        { kPassphraseFile,
            QStringLiteral("Encrypt with the passphrase on the first line of this file. Implies --encrypt."),
            QStringLiteral("file") },
    });
}

void addOpenOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { kIdentity,
            QStringLiteral("A private key file (from `key generate`) that may open encrypted backups (repeatable)."),
            QStringLiteral("keyfile") },
        { kPassphraseFile,
            QStringLiteral("The passphrase of encrypted backups is the first line of this file (default: "
                           "$COFFER_PASSPHRASE or the workspace's backup.encryption.key_env_var, else a prompt on "
                           "the terminal)."),
            QStringLiteral("file") },
    });
}

void addSafetyRecipientOption(QCommandLineParser &parser)
{
    parser.addOption({ kRecipient,
        QStringLiteral("Also encrypt the safety backup to this public key, or to every key in this file "
                       "(repeatable)."),
        QStringLiteral("key") });
}

Outcome<coffer::EncryptionKeys> encryptionKeys(const QCommandLineParser &parser, const CliContext &context)
{
    const bool encrypt = parser.isSet(kEncrypt) || parser.isSet(kRecipient) || parser.isSet(kPassphraseFile)
        || workspaceEncrypts(context);
    coffer::EncryptionKeys keys;
    if (!encrypt)
        return keys;
    auto listed = recipientsFrom(parser.values(kRecipient), context);
    if (!listed)
        return std::unexpected(listed.error());
    keys.recipients = *listed;
    for (const coffer::PublicKey &key : workspaceRecipients(context))
        if (!keys.recipients.contains(key))
            keys.recipients << key;
    auto passphrase = givenPassphrase(parser, context);
    if (!passphrase)
        return std::unexpected(passphrase.error());
    keys.passphrase = *passphrase;
    if (keys.recipients.size() + (keys.passphrase ? 1 : 0) > coffer::cfr::kMaxStanzas)
        return std::unexpected(cli::usageError(
            QStringLiteral("A backup can be encrypted to at most %1 recipients (a passphrase counts as one); %2 were "
                           "given")
                .arg(coffer::cfr::kMaxStanzas)
                .arg(keys.recipients.size() + (keys.passphrase ? 1 : 0))));
    if (!keys.isEmpty())
        return keys;

    if (!secretprompt::available())
        return failed({ coffer::ErrorCode::KeyRequired,
                          QStringLiteral("Encrypting needs a passphrase or a recipient's public key, and there is no "
                                         "terminal to ask for a passphrase: pass --recipient KEY or --passphrase-file "
                                         "FILE, or set %1")
                              .arg(envVarName(context)),
                          {} },
            context);
    auto first = secretprompt::ask(QStringLiteral("Passphrase for the new backup: "));
    if (!first)
        return failed(first.error(), context);
    auto again = secretprompt::ask(QStringLiteral("The same passphrase again: "));
    if (!again)
        return failed(again.error(), context);
    if (!(*first == *again))
        return failed(
            { coffer::ErrorCode::InvalidArgument,
                QStringLiteral("The two passphrases differ; nothing was backed up. Run the command again"), {} },
            context);
    keys.passphrase = std::make_shared<const coffer::SecretBytes>(std::move(*first));
    return keys;
}

Outcome<coffer::Credentials> credentials(const QCommandLineParser &parser, const CliContext &context)
{
    coffer::Credentials credentials;
    for (const QString &path : parser.values(kIdentity)) {
        warnIfOthersCanRead(path, QStringLiteral("the private key file"));
        auto identity = coffer::Identity::load(path);
        if (!identity)
            return failed(identity.error(), context);
        const bool known = std::any_of(credentials.identities.cbegin(), credentials.identities.cend(),
            [&](const coffer::Identity &other) { return other.publicKey() == identity->publicKey(); });
        if (!known)
            credentials.identities << *identity;
    }
    auto passphrase = givenPassphrase(parser, context);
    if (!passphrase)
        return std::unexpected(passphrase.error());
    credentials.passphrase = *passphrase;
    return credentials;
}

Outcome<coffer::EncryptionKeys> safetyRecipients(const QCommandLineParser &parser, const CliContext &context)
{
    coffer::EncryptionKeys keys;
    auto listed = recipientsFrom(parser.values(kRecipient), context);
    if (!listed)
        return std::unexpected(listed.error());
    keys.recipients = *listed;
    if (workspaceEncrypts(context))
        for (const coffer::PublicKey &key : workspaceRecipients(context))
            if (!keys.recipients.contains(key))
                keys.recipients << key;
    return keys;
}

Outcome<void> askIfNeeded(coffer::Credentials &credentials, const QStringList &encrypted, bool json)
{
    if (!credentials.isEmpty() || encrypted.isEmpty() || !secretprompt::available())
        return {};
    const QString what
        = encrypted.size() == 1 ? encrypted.first() : QStringLiteral("the %1 encrypted backups").arg(encrypted.size());
    auto typed = secretprompt::ask(QStringLiteral("Passphrase for %1: ").arg(what));
    if (!typed)
        return std::unexpected(cli::reportError(typed.error(), json));
    credentials.passphrase = std::make_shared<const coffer::SecretBytes>(std::move(*typed));
    return {};
}

int reportError(const coffer::Error &error, const CliContext &context)
{
    const int exitCode = cli::reportError(error, context.json());
    if (error.code == coffer::ErrorCode::KeyRequired || error.code == coffer::ErrorCode::WrongKey)
        cli::err(QStringLiteral("coffer-cli: give a recipient's private key with --identity KEYFILE, or the passphrase "
                                "with --passphrase-file FILE or in $%1")
                     .arg(envVarName(context)));
    return exitCode;
}

bool opensWithPassphrase(const coffer::Manifest &manifest)
{
    return manifest.encryptionScheme != QStringLiteral("none") && manifest.encryptionRecipients.contains(kPassphraseId);
}

QString describe(const coffer::Manifest &manifest)
{
    return QStringLiteral("backup %1 of %2").arg(manifest.shortId(), manifest.database);
}

} // namespace keyoptions
