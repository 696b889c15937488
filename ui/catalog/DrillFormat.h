#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace coffer {
struct DrillOutcome;
}

namespace coffer::ui {

// How the console writes a restore drill's outcome, so the catalog's column, the details, the
// dashboard's cards, the catalog's messages and the notifications agree. An outcome that stands as
// a word of its own follows the console's one rule for outcomes (the Verified column, the details
// pane, the Reports page): a pass in lower case, a failure in capitals, so a failure stands out
// among passes ("passed", "FAILED"). In a sentence ("Restore drill of orders … failed: …") it is
// an ordinary word.
class DrillFormat final
{
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::DrillFormat)

public:
    // The catalog's Drill column: "passed · RTO 1.4 s", "FAILED", or empty when never drilled.
    static QString cell(const std::optional<DrillOutcome> &drill);
    // Its tooltip: when, the outcome, the RTO and the whole drill's time, then the failed checks.
    static QString detail(const std::optional<DrillOutcome> &drill);
    // The failed checks, "name: detail" each, joined with `separator`; smoke queries name the
    // query, its expectation and the value found.
    static QString failedChecks(const DrillOutcome &drill, const QString &separator = QStringLiteral("; "));
    // One line for a message or a notification: "Restore drill of orders (1a2b3c4d) failed: …".
    static QString failure(const DrillOutcome &drill);
    // A dashboard card's drill line: "2 h ago · passed · RTO 1.4 s", "3 d ago · FAILED: smoke_query".
    static QString summary(const DrillOutcome &drill, const QDateTime &now);
};

} // namespace coffer::ui
