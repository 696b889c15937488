#include "settings/DatabaseFileState.h"

#include "DisplayFormat.h"

#include <QFile>
#include <QFileInfo>

namespace coffer::ui {

DatabaseFileState DatabaseFileState::check(const QString &path)
{
    DatabaseFileState state;
    const QFileInfo info(path);
    if (!info.exists()) {
        state.kind = Kind::Missing;
        return state;
    }
    if (info.isDir()) {
        state.kind = Kind::NotSqlite;
        return state;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        state.kind = Kind::NotReadable;
        return state;
    }
    // Every SQLite database file starts with this 16-byte string.
    static const QByteArray kMagic("SQLite format 3\0", 16);
    state.kind = file.read(kMagic.size()) == kMagic ? Kind::Ok : Kind::NotSqlite;
    state.size = info.size();
    return state;
}

QString DatabaseFileState::text() const
{
    switch (kind) {
    case Kind::Unknown:
        break;
    case Kind::Ok:
        return tr("ok (SQLite, %1)").arg(DisplayFormat::size(size));
    case Kind::Missing:
        return tr("missing");
    case Kind::NotSqlite:
        return tr("not a SQLite database");
    case Kind::NotReadable:
        return tr("not readable");
    }
    return tr("checking…");
}

} // namespace coffer::ui
