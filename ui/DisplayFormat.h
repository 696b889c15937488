#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace coffer {
struct Manifest;
struct VerifyOutcome;
} // namespace coffer

namespace coffer::ui {

// How the console writes sizes, times and states, so the table and the details agree.
class DisplayFormat final
{
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::DisplayFormat)

public:
    static QString size(qint64 bytes);
    // "yyyy-MM-dd HH:mm:ss" in local time: sortable at a glance and unambiguous in every locale.
    static QString localTime(const QDateTime &time);
    static QString utcTime(const QDateTime &time);
    // Database size over artifact size, e.g. "4.2×"; empty when unknown.
    static QString ratio(qint64 plaintextSize, qint64 artifactSize);
    // Whether the backup has an encryption scheme ("none" is none).
    static bool isEncrypted(const Manifest &manifest);
    // "zstd 3", "gzip 6", "none"; plus the encryption scheme when there is one.
    static QString codec(const Manifest &manifest);
    static QString duration(qint64 ms);
    // How long ago `from` was, to the unit that matters: "less than a minute", "5 minutes", "3 hours"
    // (up to two days), "12 days". Empty when `from` is unknown.
    static QString age(const QDateTime &from, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // A time left, "40 s", "3 min 20 s", "1 h 5 min": no milliseconds.
    static QString timeLeft(qint64 ms);
    // "never", "ok (full, <when>)" or "FAILED (quick, <when>)": the time when today, else the date.
    static QString verification(const std::optional<VerifyOutcome> &outcome);
    // The failed checks one per line, or a line saying all passed.
    static QString verificationDetail(const std::optional<VerifyOutcome> &outcome);
};

} // namespace coffer::ui
