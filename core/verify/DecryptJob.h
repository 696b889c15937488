#pragma once

#include "crypto/ContainerInfo.h"
#include "crypto/EncryptionKeys.h"
#include "jobs/Job.h"

#include <QStringList>

namespace coffer {

struct DecryptParams {
    QString artifactPath; // an encrypted artifact (.cfr)
    QString outputPath; // a new file (0600); an existing one is never replaced
    Credentials credentials;
};

struct DecryptResult {
    ContainerInfo info; // what the authenticated header says the stream holds
    QStringList recipients; // who the artifact is encrypted to ("passphrase", "p384:…")
    qint64 outputSize = 0; // bytes of the inner stream written
};

// Turns an encrypted artifact back into its inner standard stream (.sqlite.zst, .sqlite.gz,
// .sqlite) so stock tools take over, in bounded memory. On the way the stream is also
// decompressed (the output discarded) and the database's size and SHA-256 are checked
// against the authenticated header: a stream that would not give back that database is an
// error. On any failure or cancel the partial output is removed.
class DecryptJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecryptJob)

public:
    explicit DecryptJob(DecryptParams params, QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("decrypt"); }
    QString title() const override;
    // Never two jobs writing one output file.
    QString exclusiveKey() const override;

    const DecryptParams &params() const { return m_params; }
    // Valid once succeeded() has been emitted.
    const DecryptResult &result() const { return m_result; }

    // The work itself, callable without a queue. KeyRequired and WrongKey come from the
    // header alone, before any payload is read; Corrupt names what is damaged.
    static Result<DecryptResult> decrypt(
        const DecryptParams &params, const CancelFlag &cancel, const ProgressFn &progress);

protected:
    Result<void> execute() override;

private:
    const DecryptParams m_params;
    DecryptResult m_result;
};

} // namespace coffer
