#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"

#include "crypto/Identity.h"

#include <QFileInfo>
#include <QJsonObject>

namespace {

// stdout: a recipients file as it stands (`key public --identity k > k.pub`), a comment
// naming the key id, then the line to paste.
void printPublicKey(const coffer::PublicKey &key, const QString &identityPath, const CliContext &context)
{
    if (context.json()) {
        cli::printJson(QJsonObject{ { QStringLiteral("public_key"), key.toText() },
            { QStringLiteral("key_id"), key.keyId() }, { QStringLiteral("identity"), identityPath } });
        return;
    }
    cli::out(QStringLiteral("# Coffer public key %1 (private key: %2)").arg(key.keyId(), identityPath));
    cli::out(key.toText());
}

int generate(const QCommandLineParser &parser, const CliContext &context)
{
    if (!parser.isSet(QStringLiteral("out")))
        return cli::usageError(QStringLiteral("key generate needs --out FILE: where to write the new private key"));
    if (parser.isSet(QStringLiteral("identity")))
        return cli::usageError(QStringLiteral("key generate takes --out, not --identity"));
    const QString path = QFileInfo(parser.value(QStringLiteral("out"))).absoluteFilePath();
    if (const QFileInfo info(path); info.exists() || info.isSymLink())
        return cli::reportError({ coffer::ErrorCode::InvalidArgument,
                                    QStringLiteral("%1 already exists, and key generate never replaces a file (it may "
                                                   "be the only key that opens some backups): choose another --out")
                                        .arg(path),
                                    {} },
            context.json());
    auto identity = coffer::Identity::generate();
    if (!identity)
        return cli::reportError(identity.error(), context.json());
    if (auto saved = identity->save(path); !saved)
        return cli::reportError(saved.error(), context.json());
    printPublicKey(identity->publicKey(), path, context);
    cli::err(QStringLiteral("coffer-cli: wrote the private key to %1 (readable only by you). Back it up somewhere "
                            "safe and keep it off the machines that make backups: without it, backups encrypted to it "
                            "cannot be opened. Give the public key line to `backup --recipient` or the workspace's "
                            "backup.encryption.recipients.")
                 .arg(path));
    return kExitOk;
}

int showPublic(const QCommandLineParser &parser, const CliContext &context)
{
    if (!parser.isSet(QStringLiteral("identity")) || parser.values(QStringLiteral("identity")).size() != 1)
        return cli::usageError(QStringLiteral("key public needs one --identity FILE: the private key file"));
    if (parser.isSet(QStringLiteral("out")))
        return cli::usageError(QStringLiteral("key public prints to stdout and takes no --out"));
    const QString path = QFileInfo(parser.value(QStringLiteral("identity"))).absoluteFilePath();
    auto identity = coffer::Identity::load(path);
    if (!identity)
        return cli::reportError(identity.error(), context.json());
    printPublicKey(identity->publicKey(), path, context);
    return kExitOk;
}

} // namespace

int runKey(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, false);
    parser.addPositionalArgument(QStringLiteral("generate|public"),
        QStringLiteral("generate: a new private key in --out FILE (0600), printing its public key. public: print the "
                       "public key of the private key in --identity FILE."));
    parser.addOptions({
        { QStringLiteral("out"), QStringLiteral("generate: the new private key file (never replaced)."),
            QStringLiteral("file") },
        { QStringLiteral("identity"), QStringLiteral("public: the private key file."), QStringLiteral("file") },
    });
    if (auto exit = CliContext::parse(
            parser, arguments, QStringLiteral("Make and show the key pairs that encrypted backups are opened with.")))
        return *exit;
    const CliContext context(parser);
    const QStringList positional = parser.positionalArguments();
    if (positional == QStringList{ QStringLiteral("generate") })
        return generate(parser, context);
    if (positional == QStringList{ QStringLiteral("public") })
        return showPublic(parser, context);
    return cli::usageError(QStringLiteral("key takes 'generate --out FILE' or 'public --identity FILE'"));
}
