#pragma once

#include <QStringList>

namespace coffer::ui {

// The workspace files opened last, newest first, kept in QSettings ("workspaces/recent").
class RecentWorkspaces final
{
public:
    static constexpr int kMaximum = 8;

    static QStringList paths();
    // Moves `path` to the front (adding it when new) and drops the oldest beyond kMaximum.
    static void add(const QString &path);
    static void remove(const QString &path);
};

} // namespace coffer::ui
