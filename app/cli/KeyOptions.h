#pragma once

#include "CliContext.h"

#include "backup/Manifest.h"
#include "crypto/EncryptionKeys.h"

#include <QCommandLineParser>
#include <QList>

#include <expected>

// The options that bring keys and passphrases to a command, and where a passphrase comes
// from: --passphrase-file, else the environment variable the workspace names (default
// COFFER_PASSPHRASE), else a prompt on the terminal. Never from the command line itself.
// Failures are printed here; the std::unexpected value is the exit code.
namespace keyoptions {

template <typename T> using Outcome = std::expected<T, int>;

// backup: --encrypt, --recipient, --passphrase-file.
void addEncryptOptions(QCommandLineParser &parser);
// verify, restore, decrypt: --identity, --passphrase-file.
void addOpenOptions(QCommandLineParser &parser);
// restore: --recipient, who else can open its safety backup.
void addSafetyRecipientOption(QCommandLineParser &parser);

// What backup encrypts to: empty when it does not encrypt (no --encrypt, --recipient or
// --passphrase-file, and the workspace does not enable encryption). Asks for a new
// passphrase (twice) only when there is no recipient and no passphrase was given.
Outcome<coffer::EncryptionKeys> encryptionKeys(const QCommandLineParser &parser, const CliContext &context);

// What verify, restore and decrypt may open backups with; no prompt (see askIfNeeded).
Outcome<coffer::Credentials> credentials(const QCommandLineParser &parser, const CliContext &context);

// --recipient values for a restore's safety backup, plus the workspace's recipients when the
// workspace enables encryption.
Outcome<coffer::EncryptionKeys> safetyRecipients(const QCommandLineParser &parser, const CliContext &context);

// Asks once on the terminal for a passphrase when nothing was given, a person is there, and
// `encrypted` names the backups that need one ("backup 1a2b3c4d of orders"). Without a
// terminal it does nothing: the core then reports KeyRequired, naming the recipients.
Outcome<void> askIfNeeded(coffer::Credentials &credentials, const QStringList &encrypted, bool json);

// Prints a failure like cli::reportError (exit 3); a missing or wrong key also gets a line
// on how to give one.
int reportError(const coffer::Error &error, const CliContext &context);

// Whether opening this backup could use a passphrase: it is encrypted with a passphrase stanza.
bool opensWithPassphrase(const coffer::Manifest &manifest);
// "backup 1a2b3c4d of orders", for askIfNeeded.
QString describe(const coffer::Manifest &manifest);

} // namespace keyoptions
