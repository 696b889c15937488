#pragma once

#include "health/HealthSurvey.h"
#include "schedule/RunLog.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace coffer {

// Renders a workspace's health and run counters in the Prometheus text exposition format 0.0.4,
// one series per database (label `database`), after one unlabelled series saying when the text was
// made (the survey's `now`), for node_exporter's textfile collector and the Pushgateway. docs/monitoring.md lists the
// metrics and what each means.
class Metrics final
{
public:
    // `totals`: the run log's counters; without them (the log could not be read) the counter
    // families are left out rather than reported as 0, which Prometheus would take for a reset.
    static QByteArray render(const HealthSurvey &survey, const std::optional<QList<RunTotals>> &totals);

    // A label value as the format wants it: backslash, double quote and newline escaped.
    static QString escapeLabelValue(const QString &value);
    // A HELP text: backslash and newline escaped.
    static QString escapeHelp(const QString &text);
    // The shortest text that reads back as the same double; integers without a fraction;
    // NaN and +Inf/-Inf as the format spells them.
    static QByteArray formatValue(double value);
};

} // namespace coffer
