#pragma once

#include "report/VerificationRunReport.h"

#include <QByteArray>
#include <QJsonObject>

namespace coffer {

// The JSON form of a verification report: "format": "coffer-verification-report", "version": 1
// (docs/format.md, "Verification report"). New fields may be added within a version; a field
// is never renamed, retyped or removed without raising it.
class ReportJson final
{
public:
    static constexpr int kVersion = 1;
    static QString formatName() { return QStringLiteral("coffer-verification-report"); }

    static QJsonObject toObject(const VerificationRunReport &report);
    static QByteArray toBytes(const VerificationRunReport &report);
};

} // namespace coffer
