#pragma once

#include "backup/Manifest.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace testsupport {

// A repository with backups at chosen times, for retention tests: copies a real backup (its
// artifact byte for byte) into a new backup with a new id, created at `created`, optionally of
// another database or group (and changed by `adjust`: a trigger, a pin, an expiry), published in the repository's
// layout and indexed. The copy is a real, verifiable backup; only its time and identity differ. Nothing on failure
// (with a QTest warning saying why).
std::optional<coffer::Manifest> cloneBackup(const QString &repositoryPath, const coffer::Manifest &source,
    const QDateTime &created, const QString &database = {}, const QString &group = {},
    const std::function<void(coffer::Manifest &)> &adjust = {});

} // namespace testsupport
