#pragma once

#include <QCoreApplication>
#include <QString>

namespace coffer::ui {

// Whether a repository folder of the workspace can be used, as the settings page shows it.
class RepositoryState final
{
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::RepositoryState)

public:
    enum class Kind { Unknown, Ready, NotInitialised, Unreadable };

    Kind kind = Kind::Unknown;
    int backups = 0;
    bool requireEncryption = false;
    QString problem; // why it cannot be read

    // Opens the repository and counts its backups; call it off the GUI thread.
    static RepositoryState check(const QString &path);

    // "ready, 12 backups", "not initialised", "cannot be read: …", "checking…".
    QString text() const;
};

} // namespace coffer::ui
