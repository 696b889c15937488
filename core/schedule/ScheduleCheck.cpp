#include "schedule/ScheduleCheck.h"

#include "workspace/Workspace.h"

#include <QFile>
#include <QSet>

#include <yaml-cpp/yaml.h>

namespace coffer {

QStringList ScheduleCheck::warnings(const Workspace &workspace)
{
    QFile file(workspace.filePath());
    if (workspace.filePath().isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    QStringList scheduled;
    try {
        const YAML::Node root = YAML::Load(file.readAll().toStdString());
        const YAML::Node groups
            = root.IsMap() && root["schedules"].IsMap() ? root["schedules"]["groups"] : YAML::Node();
        if (!groups.IsMap())
            return {};
        for (const auto &item : groups)
            scheduled << QString::fromStdString(item.first.Scalar());
    } catch (const YAML::Exception &) {
        return {}; // the file changed since it loaded: the next look tells
    }

    QStringList known;
    for (const DatabaseEntry &database : workspace.databases()) {
        if (!database.group.isEmpty() && !known.contains(database.group))
            known << database.group;
    }
    known.sort();
    QStringList result;
    for (const QString &group : std::as_const(scheduled)) {
        if (known.contains(group))
            continue;
        result << QStringLiteral("schedules.groups.%1 applies to no database: none is in group '%1' (%2); a misspelt "
                                 "group leaves its databases on the default schedule")
                      .arg(group,
                          known.isEmpty() ? QStringLiteral("no database has a group")
                                          : QStringLiteral("groups: %1").arg(known.join(QStringLiteral(", "))));
    }
    return result;
}

} // namespace coffer
