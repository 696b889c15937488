#pragma once

// What the restore wizard's tests share over a CatalogFixture: a session with its workspace open,
// the catalog entry of a backup, and what a user compares after a restore.
#include "CatalogFixture.h"

#include "Session.h"
#include "repository/Catalog.h"
#include "repository/Repository.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>

#include <memory>
#include <optional>

namespace restorefixture {

// A session with `workspace` loaded; null (with a warning) when it does not load.
inline std::unique_ptr<coffer::ui::Session> openSession(const QString &workspace)
{
    auto session = std::make_unique<coffer::ui::Session>();
    QSignalSpy loaded(session.get(), &coffer::ui::Session::workspaceChanged);
    session->openWorkspace(workspace);
    if (!loaded.wait(20000) || !session->workspace()) {
        qWarning("the workspace %s did not load", qPrintable(workspace));
        return nullptr;
    }
    return session;
}

inline std::optional<coffer::Catalog> catalog(const QString &repositoryPath)
{
    auto repository = coffer::Repository::open(repositoryPath);
    if (!repository)
        return std::nullopt;
    auto opened = coffer::Catalog::open(*repository);
    return opened ? std::optional<coffer::Catalog>(std::move(*opened)) : std::nullopt;
}

// The catalog entry of backup `id` in the repository at `repositoryPath`; an empty one when it is not there.
inline coffer::CatalogEntry entry(const QString &repositoryPath, const QString &id)
{
    auto opened = catalog(repositoryPath);
    return opened ? opened->backup(id).value_or(coffer::CatalogEntry{}) : coffer::CatalogEntry{};
}

// What a user compares after a restore: the schema and every table's rows.
inline QString contents(const QString &database)
{
    QStringList all;
    for (const char *query : { "SELECT group_concat(sql, ';') FROM sqlite_master",
             "SELECT count(*) || ':' || sum(length(name) + length(email)) || ':' || max(name) FROM customers",
             "SELECT count(*) || ':' || sum(customer * amount + qty) FROM orders",
             "SELECT count(*) || ':' || sum(length(data)) || ':' || hex(max(data)) FROM blobs" })
        all << testsupport::sqlite(database, QString::fromLatin1(query));
    return all.join(QLatin1Char('|'));
}

// The file as it is on disk; empty when it cannot be read.
inline QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The restore's files left in `folder`: decoded copies (.<db>.coffer-restore-*) and kept old files.
inline QStringList leftovers(const QString &folder)
{
    return QDir(folder).entryList({ QStringLiteral(".*.coffer-*") }, QDir::Files | QDir::Hidden);
}

} // namespace restorefixture
