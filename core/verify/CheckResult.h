#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace coffer {

// One named check of a verification, e.g. "artifact_sha256" or "integrity_check".
struct CheckResult {
    QString name;
    bool ok = false;
    QString detail; // what was expected and what was found, for a person
};

// True when there are checks and every one passed.
inline bool allPassed(const QList<CheckResult> &checks)
{
    for (const CheckResult &check : checks)
        if (!check.ok)
            return false;
    return !checks.isEmpty();
}

inline QList<CheckResult> failedOf(const QList<CheckResult> &checks)
{
    QList<CheckResult> failed;
    for (const CheckResult &check : checks)
        if (!check.ok)
            failed << check;
    return failed;
}

// The outcome of verifying one backup at one level.
struct VerifyOutcome {
    QString backupId;
    QString database;
    QString level; // "quick" or "full"
    QDateTime time;
    qint64 durationMs = 0;
    QList<CheckResult> checks;

    bool ok() const { return allPassed(checks); }
    QList<CheckResult> failedChecks() const { return failedOf(checks); }
    QStringList failedCheckNames() const
    {
        QStringList names;
        for (const CheckResult &check : checks)
            if (!check.ok)
                names << check.name;
        return names;
    }
};

} // namespace coffer
