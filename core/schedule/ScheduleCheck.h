#pragma once

#include <QStringList>

namespace coffer {

class Workspace;

// Schedule settings that load but are probably mistakes, for `schedule list` to point out. The
// parser refuses only what is certainly wrong: a group with a schedule and no database in it may
// be written ahead of its databases, or be left when its last database moved away (the console's
// editor does that), and retention.groups accepts such groups too.
class ScheduleCheck final
{
public:
    // One line each for a person. Reads the workspace's file (the names under schedules.groups);
    // nothing when it cannot be read.
    static QStringList warnings(const Workspace &workspace);
};

} // namespace coffer
