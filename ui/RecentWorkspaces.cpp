#include "RecentWorkspaces.h"

#include <QFileInfo>
#include <QSettings>

namespace coffer::ui {

namespace {

const QString kKey = QStringLiteral("workspaces/recent");

QString normalised(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

void store(const QStringList &paths)
{
    QSettings().setValue(kKey, paths);
}

} // namespace

QStringList RecentWorkspaces::paths()
{
    return QSettings().value(kKey).toStringList();
}

void RecentWorkspaces::add(const QString &path)
{
    QStringList list = paths();
    list.removeAll(normalised(path));
    list.prepend(normalised(path));
    while (list.size() > kMaximum)
        list.removeLast();
    store(list);
}

void RecentWorkspaces::remove(const QString &path)
{
    QStringList list = paths();
    list.removeAll(normalised(path));
    store(list);
}

} // namespace coffer::ui
