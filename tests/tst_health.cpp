// A database's health against its schedule, as the dashboard (and later the health command and
// alerts) shows it: every boundary of the interval, missing intervals, missing and failed
// verifications, and the reasons a person reads.
#include "health/DatabaseHealth.h"

#include <QtTest>

#include <limits>

using coffer::CheckResult;
using coffer::DatabaseHealth;
using coffer::HealthInput;
using coffer::HealthLevel;
using coffer::VerifyOutcome;
using namespace Qt::StringLiterals;

namespace {

enum class Verified { Never, Ok, Failed, FailedWithoutChecks };

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kNever = std::numeric_limits<qint64>::min(); // age of a database never backed up

const QDateTime kNow = QDateTime(QDate(2024, 5, 6), QTime(12, 0), Qt::UTC);

VerifyOutcome outcome(Verified verified)
{
    VerifyOutcome result;
    result.backupId = QStringLiteral("0123456789abcdef0123456789abcdef");
    result.database = QStringLiteral("orders");
    result.level = QStringLiteral("full");
    result.time = kNow.addSecs(-3600);
    result.checks = { { QStringLiteral("artifact_sha256"), true, {} } };
    if (verified == Verified::Failed)
        result.checks << CheckResult{ QStringLiteral("integrity_check"), false, QStringLiteral("page 3 is corrupt") }
                      << CheckResult{ QStringLiteral("page_count"), false, QStringLiteral("expected 4, found 3") };
    if (verified == Verified::FailedWithoutChecks)
        result.checks.clear();
    return result;
}

} // namespace

Q_DECLARE_METATYPE(Verified)
Q_DECLARE_METATYPE(HealthLevel)

class HealthTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Reasons are compared word for word: decimals with a point, whatever the machine's locale.
        QLocale::setDefault(QLocale::c());
    }

    void assess_data()
    {
        QTest::addColumn<double>("intervalHours"); // 0 or less: the workspace gives none
        QTest::addColumn<qint64>("ageMs"); // kNever: never backed up; negative: dated in the future
        QTest::addColumn<Verified>("verified");
        QTest::addColumn<HealthLevel>("level");
        QTest::addColumn<QStringList>("reasons");

        const QString verifiedOk = QStringLiteral("newest backup verified ok (full, 1 h ago)");
        const QString unverified = QStringLiteral("newest backup never verified");
        const QString failed = QStringLiteral("verification failed: integrity_check, page_count");
        const QString assumed = QStringLiteral("no schedule interval in the workspace: assuming 24 h");

        QTest::newRow("fresh and verified")
            << 6.0 << 3 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup 3 h ago, within its 6 h interval"_s, verifiedOk };
        QTest::newRow("made just now") << 6.0 << 30 * kSecond << Verified::Ok << HealthLevel::Green
                                       << QStringList{ u"last backup just now, within its 6 h interval"_s, verifiedOk };
        QTest::newRow("exactly at the interval")
            << 6.0 << 6 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup 6 h ago, within its 6 h interval"_s, verifiedOk };
        QTest::newRow("one second past the interval")
            << 6.0 << 6 * kHour + kSecond << Verified::Ok << HealthLevel::Amber
            << QStringList{ u"last backup 6 h ago, overdue: its interval is 6 h"_s, verifiedOk };
        QTest::newRow("halfway to twice")
            << 6.0 << 9 * kHour << Verified::Ok << HealthLevel::Amber
            << QStringList{ u"last backup 9 h ago, overdue: its interval is 6 h"_s, verifiedOk };
        QTest::newRow("one second short of twice")
            << 6.0 << 12 * kHour - kSecond << Verified::Ok << HealthLevel::Amber
            << QStringList{ u"last backup 11 h ago, overdue: its interval is 6 h"_s, verifiedOk };
        QTest::newRow("exactly twice the interval")
            << 6.0 << 12 * kHour << Verified::Ok << HealthLevel::Red
            << QStringList{ u"last backup 12 h ago, at least twice its 6 h interval"_s, verifiedOk };
        QTest::newRow("days overdue") << 6.0 << 80 * kHour << Verified::Ok << HealthLevel::Red
                                      << QStringList{ u"last backup 3.3 d ago, at least twice its 6 h interval"_s,
                                             verifiedOk };

        QTest::newRow("fresh but never verified")
            << 6.0 << 2 * kHour << Verified::Never << HealthLevel::Amber
            << QStringList{ u"last backup 2 h ago, within its 6 h interval"_s, unverified };
        QTest::newRow("fresh but verification failed")
            << 6.0 << 2 * kHour << Verified::Failed << HealthLevel::Red
            << QStringList{ u"last backup 2 h ago, within its 6 h interval"_s, failed };
        QTest::newRow("a verification without checks failed")
            << 6.0 << 2 * kHour << Verified::FailedWithoutChecks << HealthLevel::Red
            << QStringList{ u"last backup 2 h ago, within its 6 h interval"_s,
                   u"verification failed: no checks were recorded"_s };
        QTest::newRow("overdue and never verified")
            << 6.0 << 7 * kHour << Verified::Never << HealthLevel::Amber
            << QStringList{ u"last backup 7 h ago, overdue: its interval is 6 h"_s, unverified };
        QTest::newRow("overdue and verification failed")
            << 6.0 << 7 * kHour << Verified::Failed << HealthLevel::Red
            << QStringList{ u"last backup 7 h ago, overdue: its interval is 6 h"_s, failed };

        QTest::newRow("never backed up") << 6.0 << kNever << Verified::Never << HealthLevel::Red
                                         << QStringList{ u"never backed up"_s };
        QTest::newRow("never backed up, no interval")
            << 0.0 << kNever << Verified::Never << HealthLevel::Red << QStringList{ u"never backed up"_s, assumed };

        QTest::newRow("no interval: 24 h assumed, within")
            << 0.0 << 24 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup 24 h ago, within its 24 h interval"_s, verifiedOk, assumed };
        QTest::newRow("no interval: 24 h assumed, overdue")
            << 0.0 << 25 * kHour << Verified::Ok << HealthLevel::Amber
            << QStringList{ u"last backup 25 h ago, overdue: its interval is 24 h"_s, verifiedOk, assumed };
        QTest::newRow("no interval: 24 h assumed, twice")
            << 0.0 << 48 * kHour << Verified::Ok << HealthLevel::Red
            << QStringList{ u"last backup 2 d ago, at least twice its 24 h interval"_s, verifiedOk, assumed };
        QTest::newRow("a negative interval counts as none")
            << -6.0 << 7 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup 7 h ago, within its 24 h interval"_s, verifiedOk, assumed };

        QTest::newRow("half-hour interval, 31 min old")
            << 0.5 << 31 * kMinute << Verified::Ok << HealthLevel::Amber
            << QStringList{ u"last backup 31 min ago, overdue: its interval is 30 min"_s, verifiedOk };
        QTest::newRow("weekly interval, 6.5 d old")
            << 168.0 << 156 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup 6.5 d ago, within its 7 d interval"_s, verifiedOk };
        QTest::newRow("dated in the future counts as just made")
            << 6.0 << -2 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup just now, within its 6 h interval"_s, verifiedOk };
    }

    void assess()
    {
        QFETCH(double, intervalHours);
        QFETCH(qint64, ageMs);
        QFETCH(Verified, verified);
        QFETCH(HealthLevel, level);
        QFETCH(QStringList, reasons);

        HealthInput input;
        if (intervalHours != 0.0)
            input.intervalHours = intervalHours;
        if (ageMs != kNever)
            input.newestBackup = kNow.addMSecs(-ageMs);
        if (verified != Verified::Never)
            input.verification = outcome(verified);

        const DatabaseHealth health = DatabaseHealth::assess(input, kNow);
        QCOMPARE(health.reasons(), reasons);
        QCOMPARE(DatabaseHealth::levelName(health.level()), DatabaseHealth::levelName(level));
        QCOMPARE(health.level(), level);

        const bool assumed = intervalHours <= 0.0;
        QCOMPARE(health.isIntervalAssumed(), assumed);
        QCOMPARE(health.intervalHours(), assumed ? DatabaseHealth::kDefaultIntervalHours : intervalHours);
        if (ageMs == kNever)
            QVERIFY(!health.ageSeconds());
        else
            QCOMPARE(health.ageSeconds(), std::optional<qint64>(std::max<qint64>(0, ageMs) / 1000));
    }

    // A verification does not rescue a database that was never backed up, and the default-made
    // health (nothing known yet) is red.
    void nothingKnownIsRed()
    {
        QCOMPARE(DatabaseHealth().level(), HealthLevel::Red);
        HealthInput input;
        input.verification = outcome(Verified::Ok);
        QCOMPARE(DatabaseHealth::assess(input, kNow).level(), HealthLevel::Red);
    }

    void levelNames()
    {
        QCOMPARE(DatabaseHealth::levelName(HealthLevel::Green), u"green"_s);
        QCOMPARE(DatabaseHealth::levelName(HealthLevel::Amber), u"amber"_s);
        QCOMPARE(DatabaseHealth::levelName(HealthLevel::Red), u"red"_s);
    }

    void describeDuration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("duration");
        QTest::addColumn<QString>("age");
        QTest::newRow("negative") << qint64(-5) << u"0 s"_s << u"just now"_s;
        QTest::newRow("seconds") << qint64(59) << u"59 s"_s << u"just now"_s;
        QTest::newRow("a minute") << qint64(60) << u"1 min"_s << u"1 min ago"_s;
        QTest::newRow("minutes") << qint64(3599) << u"59 min"_s << u"59 min ago"_s;
        QTest::newRow("an hour") << qint64(3600) << u"1 h"_s << u"1 h ago"_s;
        QTest::newRow("hours with a fraction") << qint64(5 * 3600 + 59 * 60) << u"5.9 h"_s << u"5.9 h ago"_s;
        QTest::newRow("hours above ten, whole") << qint64(13 * 3600 + 45 * 60) << u"13 h"_s << u"13 h ago"_s;
        QTest::newRow("just under two days") << qint64(48 * 3600 - 1) << u"47 h"_s << u"47 h ago"_s;
        QTest::newRow("two days") << qint64(48 * 3600) << u"2 d"_s << u"2 d ago"_s;
        QTest::newRow("weeks") << qint64(30 * 86400 + 3600) << u"30 d"_s << u"30 d ago"_s;
    }

    void describeDuration()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, duration);
        QFETCH(QString, age);
        QCOMPARE(DatabaseHealth::describeDuration(seconds), duration);
        QCOMPARE(DatabaseHealth::describeAge(seconds), age);
    }
};

QTEST_GUILESS_MAIN(HealthTest)
#include "tst_health.moc"
