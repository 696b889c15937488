#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace coffer {

// One named check of a verification, e.g. "artifact_sha256" or "integrity_check".
struct CheckResult {
    QString name;
    bool ok = false;
    QString detail; // what was expected and what was found, for a person
};

// The outcome of verifying one backup at one level.
struct VerifyOutcome {
    QString backupId;
    QString database;
    QString level; // "quick" or "full"
    QDateTime time;
    qint64 durationMs = 0;
    QList<CheckResult> checks;

    bool ok() const
    {
        for (const CheckResult &check : checks)
            if (!check.ok)
                return false;
        return !checks.isEmpty();
    }
    QList<CheckResult> failedChecks() const
    {
        QList<CheckResult> failed;
        for (const CheckResult &check : checks)
            if (!check.ok)
                failed << check;
        return failed;
    }
};

} // namespace coffer
