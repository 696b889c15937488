#pragma once

#include "report/DrillReport.h"

#include <QByteArray>
#include <QJsonObject>

namespace coffer {

// The JSON form of a drill report: "format": "coffer-drill-report", "version": 1 (docs/format.md,
// "Drill report"). Fields may be added within a version; none is renamed, retyped or removed
// without raising it.
class DrillReportJson final
{
public:
    static constexpr int kVersion = 1;
    static QString formatName() { return QStringLiteral("coffer-drill-report"); }

    static QJsonObject toObject(const DrillReport &report);
    static QByteArray toBytes(const DrillReport &report);
};

} // namespace coffer
