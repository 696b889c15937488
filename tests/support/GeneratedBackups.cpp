#include "GeneratedBackups.h"

#include "common/FileUtil.h"
#include "repository/Catalog.h"
#include "repository/Repository.h"

#include <QFile>
#include <QUuid>
#include <QtTest>

namespace testsupport {

std::optional<coffer::Manifest> cloneBackup(const QString &repositoryPath, const coffer::Manifest &source,
    const QDateTime &created, const QString &database, const QString &group,
    const std::function<void(coffer::Manifest &)> &adjust)
{
    auto repo = coffer::Repository::open(repositoryPath);
    if (!repo) {
        qWarning("cloneBackup: %s", qPrintable(repo.error().toString()));
        return std::nullopt;
    }
    coffer::Manifest copy = source;
    copy.id = QUuid::createUuid().toString(QUuid::Id128);
    copy.created = created.toUTC();
    if (!database.isEmpty())
        copy.database = database;
    if (!group.isEmpty())
        copy.group = group;
    if (adjust)
        adjust(copy);
    copy.artifactFile = coffer::Repository::artifactFileFor(copy);
    const QString artifact = repo->artifactPath(copy);
    if (auto made = coffer::fileutil::makePrivateDirs(repo->folderFor(copy)); !made) {
        qWarning("cloneBackup: %s", qPrintable(made.error().toString()));
        return std::nullopt;
    }
    if (!QFile::copy(repo->artifactPath(source), artifact)) {
        qWarning("cloneBackup: cannot copy %s", qPrintable(repo->artifactPath(source)));
        return std::nullopt;
    }
    if (auto written = coffer::fileutil::writeAtomically(repo->manifestPath(copy), copy.toBytes(), repo->stagingDir());
        !written) {
        qWarning("cloneBackup: %s", qPrintable(written.error().toString()));
        return std::nullopt;
    }
    auto catalog = coffer::Catalog::open(*repo);
    if (!catalog || !catalog->insertBackup(copy)) {
        qWarning("cloneBackup: cannot index %s", qPrintable(copy.id));
        return std::nullopt;
    }
    return copy;
}

} // namespace testsupport
