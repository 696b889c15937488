#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JobRunner.h"
#include "KeyOptions.h"

#include "verify/DecryptJob.h"
#include "crypto/Decryptor.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace {

// Whether the artifact's header has a passphrase stanza, so a prompt could help. Anything
// unreadable is left for the decryption to report.
bool headerTakesPassphrase(const QString &artifact)
{
    QFile file(artifact);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    auto header = coffer::Decryptor::peek(file.read(4096));
    return header && header->recipientIds().contains(QStringLiteral("passphrase"));
}

// What stock tool turns the stream into the database.
QString nextStep(coffer::Codec codec, const QString &output)
{
    switch (codec) {
    case coffer::Codec::Zstd:
        return QStringLiteral("zstd -d '%1' -o DATABASE.sqlite").arg(output);
    case coffer::Codec::Gzip:
        return QStringLiteral("gzip -dc '%1' > DATABASE.sqlite").arg(output);
    case coffer::Codec::None:
        break;
    }
    return QStringLiteral("nothing to decompress: '%1' is the SQLite database itself").arg(output);
}

} // namespace

int runDecrypt(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, false);
    parser.addPositionalArgument(QStringLiteral("ARTIFACT"), QStringLiteral("An encrypted backup file (.cfr)."));
    parser.addOption({ QStringLiteral("out"),
        QStringLiteral("Write the decrypted stream (.sqlite.zst, .sqlite.gz or .sqlite, as the backup was "
                       "compressed) to this new file (0600; never replaced)."),
        QStringLiteral("file") });
    keyoptions::addOpenOptions(parser);
    if (auto exit = CliContext::parse(parser, arguments,
            QStringLiteral("Decrypt an encrypted backup to its standard compressed stream, for stock tools.")))
        return *exit;
    const CliContext context(parser);
    if (parser.positionalArguments().size() != 1)
        return cli::usageError(QStringLiteral("decrypt takes exactly one ARTIFACT file"));
    if (!parser.isSet(QStringLiteral("out")) || parser.values(QStringLiteral("out")).size() != 1)
        return cli::usageError(QStringLiteral("decrypt needs one --out FILE for the decrypted stream"));

    coffer::DecryptParams params;
    params.artifactPath = QFileInfo(parser.positionalArguments().first()).absoluteFilePath();
    params.outputPath = QFileInfo(parser.value(QStringLiteral("out"))).absoluteFilePath();
    if (QFileInfo(params.outputPath).exists() || QFileInfo(params.outputPath).isSymLink())
        return cli::reportError({ coffer::ErrorCode::InvalidArgument,
                                    QStringLiteral("%1 already exists, and decrypt never replaces a file: choose "
                                                   "another --out or remove that one")
                                        .arg(params.outputPath),
                                    {} },
            context.json());
    auto credentials = keyoptions::credentials(parser, context);
    if (!credentials)
        return credentials.error();
    const QStringList needs = headerTakesPassphrase(params.artifactPath)
        ? QStringList{ QFileInfo(params.artifactPath).fileName() }
        : QStringList{};
    if (auto asked = keyoptions::askIfNeeded(*credentials, needs, context.json()); !asked)
        return asked.error();
    params.credentials = *credentials;

    auto job = std::make_shared<coffer::DecryptJob>(params);
    runJobs({ job });
    if (job->state() != coffer::Job::State::Succeeded)
        return keyoptions::reportError(job->error(), context);

    const coffer::DecryptResult &r = job->result();
    const QString codec = coffer::codecName(r.info.innerCodec);
    if (context.json()) {
        cli::printJson(QJsonObject{
            { QStringLiteral("artifact"), params.artifactPath },
            { QStringLiteral("output"), params.outputPath },
            { QStringLiteral("output_size"), r.outputSize },
            { QStringLiteral("compression"), codec },
            { QStringLiteral("backup_id"), r.info.backupId },
            { QStringLiteral("plaintext_size"), r.info.plaintextSize },
            { QStringLiteral("plaintext_sha256"), r.info.plaintextSha256 },
            { QStringLiteral("recipients"), QJsonArray::fromStringList(r.recipients) },
        });
        return kExitOk;
    }
    cli::out(QStringLiteral("Decrypted %1 -> %2 (%3 stream, %4; the database inside is %5 and matches the "
                            "encrypted header's SHA-256)")
                 .arg(params.artifactPath, params.outputPath, codec, cli::humanSize(r.outputSize),
                     cli::humanSize(r.info.plaintextSize)));
    cli::out(QStringLiteral("Next: %1").arg(nextStep(r.info.innerCodec, params.outputPath)));
    const QString expected = QStringLiteral(".sqlite") + coffer::codecExtension(r.info.innerCodec);
    if (!params.outputPath.endsWith(expected))
        cli::err(QStringLiteral("coffer-cli: note: %1 holds a %2 stream; a name ending in %3 tells other tools what "
                                "it is")
                     .arg(params.outputPath, codec, expected));
    return kExitOk;
}
