#pragma once

#include "common/Error.h"

#include <QString>
#include <QStringList>

namespace coffer {

// Installs a restored database over its target with one rename, keeping the old file (a hard
// link) and its -wal/-journal (moved aside) until commit(), so rollback() can put them back
// exactly. A target that is replaced never goes missing: the rename swaps it in one step.
class TargetSwap final
{
    Q_DISABLE_COPY_MOVE(TargetSwap)

public:
    explicit TargetSwap(QString target);
    // Neither committed nor rolled back: the kept files stay (the process is going down).
    ~TargetSwap() = default;

    // `replacement` (in the target's folder) takes the target's place, with the old file's
    // permissions and owner.
    Result<void> install(const QString &replacement, int permissions);
    // Puts back whatever install() moved, and removes what it brought.
    Result<void> rollback();
    // Drops the kept old files.
    Result<void> commit();

    bool swapped() const { return m_swapped; }

    // A restore killed before its swap leaves its kept name for the old file — which is then
    // still the target itself. Removes such names (of dead processes, same inode as `target`),
    // which would otherwise make the target look hard-linked.
    static void removeRedundantKeeps(const QString &target);

private:
    QString keptPath(const QString &suffix) const;

    QString m_target;
    QString m_keepBase;
    bool m_hadTarget = false;
    bool m_keptMain = false;
    QStringList m_movedSuffixes; // "-wal", "-journal"
    bool m_swapped = false;
};

} // namespace coffer
