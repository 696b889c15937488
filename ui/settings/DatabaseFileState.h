#pragma once

#include <QCoreApplication>
#include <QString>

namespace coffer::ui {

// Whether a file is an SQLite database Coffer can back up, as the settings and first-run pages
// show it next to its path.
class DatabaseFileState final
{
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::DatabaseFileState)

public:
    enum class Kind { Unknown, Ok, Missing, NotSqlite, NotReadable };

    Kind kind = Kind::Unknown;
    qint64 size = 0;

    // Reads the file's header; call it off the GUI thread.
    static DatabaseFileState check(const QString &path);

    // "ok (SQLite, 12 MiB)", "missing", "not a SQLite database", "not readable", "checking…".
    QString text() const;
};

} // namespace coffer::ui
