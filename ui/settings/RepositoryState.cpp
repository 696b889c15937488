#include "settings/RepositoryState.h"

#include "repository/Catalog.h"
#include "repository/Repository.h"

#include <QFileInfo>

namespace coffer::ui {

RepositoryState RepositoryState::check(const QString &path)
{
    RepositoryState state;
    if (!QFileInfo::exists(path + QStringLiteral("/coffer-repo.json")) && !QFileInfo(path).isFile()) {
        state.kind = Kind::NotInitialised;
        return state;
    }
    state.kind = Kind::Unreadable;
    auto repository = Repository::open(path);
    if (!repository) {
        state.problem = repository.error().message;
        return state;
    }
    state.requireEncryption = repository->requireEncryption();
    auto catalog = Catalog::open(*repository);
    if (!catalog) {
        state.problem = catalog.error().message;
        return state;
    }
    const auto backups = catalog->backups();
    if (!backups) {
        state.problem = backups.error().message;
        return state;
    }
    state.kind = Kind::Ready;
    state.backups = int(backups->size());
    return state;
}

QString RepositoryState::text() const
{
    switch (kind) {
    case Kind::Unknown:
        break;
    case Kind::Ready:
        return tr("ready, %n backup(s)", nullptr, backups);
    case Kind::NotInitialised:
        return tr("not initialised");
    case Kind::Unreadable:
        return tr("cannot be read: %1").arg(problem);
    }
    return tr("checking…");
}

} // namespace coffer::ui
