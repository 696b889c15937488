// `coffer-cli schedule install` as a real process: the systemd units and cron lines it prints and
// writes, who a system-wide install runs run-due as, and what it refuses.
#include "ScheduleCliFixture.h"

#include <QTest>

#include <unistd.h>

using namespace coffer;
using testsupport::CliRun;
using namespace testsupport::schedulecli;

class TestScheduleInstallCli final : public QObject
{
    Q_OBJECT

private slots:
    void installPrint_data();
    void installPrint();
    void installSystemdUser();
    void installCronUser();
    void installCronWithoutCrontab();
    void installRefusesBadOptions_data();
    void installRefusesBadOptions();
    void installSystemWideRunsAsAUser_data();
    void installSystemWideRunsAsAUser();
};

void TestScheduleInstallCli::installPrint_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expected"); // lines the output must hold, %CLI% and %WS% replaced
    QTest::addColumn<QString>("absent");

    QTest::newRow("systemd, system")
        << QStringList{ QStringLiteral("--systemd"), QStringLiteral("--run-as"), QStringLiteral("nobody") }
        << QStringList{ QStringLiteral("# /etc/systemd/system/coffer-run-due-%ID%.service"),
               QStringLiteral("Type=oneshot\nUser=nobody\n"),
               QStringLiteral("ExecStart=%CLI% run-due --workspace \"%WS%\""),
               QStringLiteral("# /etc/systemd/system/coffer-run-due-%ID%.timer"),
               QStringLiteral("OnCalendar=*-*-* *:00/5:00"), QStringLiteral("Persistent=true"),
               QStringLiteral("Unit=coffer-run-due-%ID%.service"), QStringLiteral("WantedBy=timers.target") }
        << QString();
    QTest::newRow("systemd, user, hourly")
        << QStringList{ QStringLiteral("--systemd"), QStringLiteral("--user"), QStringLiteral("--every"),
               QStringLiteral("120") }
        << QStringList{ QStringLiteral("# %CONFIG%/systemd/user/coffer-run-due-%ID%.service"),
               QStringLiteral("OnCalendar=*-*-* 00/2:00:00") }
        << QStringLiteral("User=");
    QTest::newRow("cron, system")
        << QStringList{ QStringLiteral("--cron"), QStringLiteral("--every"), QStringLiteral("15"),
               QStringLiteral("--run-as"), QStringLiteral("daemon") }
        << QStringList{ QStringLiteral("# /etc/cron.d/coffer-run-due-%ID%\n"),
               QStringLiteral(
                   "*/15 * * * * daemon %CLI% run-due --workspace '%WS%' >/dev/null # coffer-run-due %ID%\n") }
        << QString();
    QTest::newRow("cron, user") << QStringList{ QStringLiteral("--cron"), QStringLiteral("--user") }
                                << QStringList{ QStringLiteral(
                                       "*/5 * * * * %CLI% run-due --workspace '%WS%' >/dev/null # "
                                       "coffer-run-due ") }
                                << QStringLiteral("/etc/");
}

void TestScheduleInstallCli::installPrint()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, expected);
    QFETCH(QString, absent);
    Fixture f;
    QVERIFY(f.isValid());
    const CliRun run = f.run(
        QStringList{ QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("--print") } + options,
        { QStringLiteral("SUDO_USER=") });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QString out = QString::fromUtf8(run.out);
    const QString cli = QFileInfo(QStringLiteral(COFFER_CLI_PATH)).canonicalFilePath();
    for (QString line : expected) {
        line.replace(QStringLiteral("%CLI%"), cli)
            .replace(QStringLiteral("%WS%"), QFileInfo(f.workspace()).canonicalFilePath())
            .replace(QStringLiteral("%CONFIG%"), f.config())
            .replace(QStringLiteral("%ID%"), f.id());
        QVERIFY2(out.contains(line), qPrintable(QStringLiteral("missing '%1' in:\n%2").arg(line, out)));
    }
    if (!absent.isEmpty())
        QVERIFY2(!out.contains(absent), qPrintable(out));
    // --print writes nothing.
    QVERIFY(testsupport::filesBelow(f.config()).isEmpty());
}

void TestScheduleInstallCli::installSystemdUser()
{
    Fixture f;
    QVERIFY(f.isValid());
    const CliRun run = f.run({ QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("--systemd"),
        QStringLiteral("--user"), QStringLiteral("--every"), QStringLiteral("10") });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QString unit = QStringLiteral("coffer-run-due-") + f.id();
    QCOMPARE(testsupport::filesBelow(f.config()),
        (QStringList{
            QStringLiteral("systemd/user/%1.service").arg(unit), QStringLiteral("systemd/user/%1.timer").arg(unit) }));
    const QString service = fileText(f.config() + QStringLiteral("/systemd/user/%1.service").arg(unit));
    const QString exec = QStringLiteral("ExecStart=%1 run-due --workspace \"%2\"\n")
                             .arg(QFileInfo(QStringLiteral(COFFER_CLI_PATH)).canonicalFilePath(),
                                 QFileInfo(f.workspace()).canonicalFilePath());
    QVERIFY2(service.contains(exec), qPrintable(service));
    QVERIFY2(service.contains(QStringLiteral("Type=oneshot\n")), qPrintable(service));
    QVERIFY2(!service.contains(QStringLiteral("User=")), qPrintable(service)); // a user unit runs as its user
    const QString timer = fileText(f.config() + QStringLiteral("/systemd/user/%1.timer").arg(unit));
    QVERIFY2(timer.contains(QStringLiteral("OnCalendar=*-*-* *:00/10:00\n")), qPrintable(timer));
    QVERIFY2(timer.contains(QStringLiteral("Persistent=true\n")), qPrintable(timer));
    // It says what to run, and does not run it.
    QVERIFY2(run.out.contains(QStringLiteral("systemctl --user daemon-reload && systemctl --user enable --now %1.timer")
                                  .arg(unit)
                                  .toUtf8()),
        qPrintable(describe(run)));

    // Installing again (say with another interval) replaces the files.
    const CliRun again = f.run({ QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("--systemd"),
        QStringLiteral("--user") });
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QVERIFY(fileText(f.config() + QStringLiteral("/systemd/user/%1.timer").arg(unit))
                .contains(QStringLiteral("OnCalendar=*-*-* *:00/5:00\n")));

    // Another workspace gets its own timer beside this one, not in its place.
    const QString other = f.path(QStringLiteral("other.yaml"));
    QVERIFY(QFile::copy(f.workspace(), other));
    const CliRun second
        = testsupport::runCli({ QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("--systemd"),
                                  QStringLiteral("--user"), QStringLiteral("--workspace"), other },
            other, 120000, f.environment());
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    const QStringList files = testsupport::filesBelow(f.config());
    QCOMPARE(files.size(), 4);
    QVERIFY(files.contains(QStringLiteral("systemd/user/%1.timer").arg(unit)));
    QVERIFY(fileText(f.config() + QStringLiteral("/systemd/user/%1.service").arg(unit)).contains(exec));
}

void TestScheduleInstallCli::installCronUser()
{
    // crontab(1) is not installed on every machine, and a test must not edit the real user's
    // table: a stand-in with crontab's interface (-l, -) keeps the table in a file.
    Fixture f;
    QVERIFY(f.isValid());
    const QString bin = f.path(QStringLiteral("bin"));
    const QString table = f.path(QStringLiteral("crontab.txt"));
    QVERIFY(QDir().mkpath(bin));
    QFile script(bin + QStringLiteral("/crontab"));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n"
                 "if [ \"$1\" = -l ]; then\n"
                 "  [ -f \"$FAKE_CRONTAB\" ] || { echo \"no crontab for $USER\" >&2; exit 1; }\n"
                 "  exec cat \"$FAKE_CRONTAB\"\n"
                 "fi\n"
                 "[ \"$1\" = - ] && exec cat > \"$FAKE_CRONTAB\"\n"
                 "exit 2\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QStringList env{ QStringLiteral("PATH=") + bin + QStringLiteral(":/usr/bin:/bin"),
        QStringLiteral("FAKE_CRONTAB=") + table };
    const QStringList install{ QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("--cron"),
        QStringLiteral("--user") };

    // No crontab yet.
    CliRun run = f.run(install, env);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QStringList lines = fileText(table).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("*/5 * * * * ")), qPrintable(lines.at(0)));
    const QString marker = lines.at(0).mid(lines.at(0).indexOf(QStringLiteral("# coffer-run-due")));

    // Other lines stay; the older line for this workspace is replaced, not repeated.
    QFile existing(table);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("MAILTO=ops@example.com\n"
                   "0 3 * * * /usr/local/bin/rotate-logs\n"
                   "*/30 * * * * /old/coffer-cli run-due --workspace /old >/dev/null "
        + marker.toUtf8() + "\n");
    existing.close();
    run = f.run(install + QStringList{ QStringLiteral("--every"), QStringLiteral("20") }, env);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    lines = fileText(table).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("MAILTO=ops@example.com"));
    QCOMPARE(lines.at(1), QStringLiteral("0 3 * * * /usr/local/bin/rotate-logs"));
    QVERIFY2(
        lines.at(2).startsWith(QStringLiteral("*/20 * * * * %1 run-due --workspace '%2' >/dev/null # coffer-run-due ")
                                   .arg(QFileInfo(QStringLiteral(COFFER_CLI_PATH)).canonicalFilePath(),
                                       QFileInfo(f.workspace()).canonicalFilePath())),
        qPrintable(lines.at(2)));
    QVERIFY(lines.at(2).endsWith(marker));
}

void TestScheduleInstallCli::installCronWithoutCrontab()
{
    Fixture f;
    QVERIFY(f.isValid());
    QVERIFY(QDir().mkpath(f.path(QStringLiteral("empty-bin"))));
    const CliRun run = f.run(
        { QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("--cron"), QStringLiteral("--user") },
        { QStringLiteral("PATH=") + f.path(QStringLiteral("empty-bin")) });
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("crontab is not installed"), qPrintable(describe(run)));
}

void TestScheduleInstallCli::installRefusesBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("neither format") << QStringList{ QStringLiteral("install") }
                                    << QStringLiteral("--systemd or --cron");
    QTest::newRow("both formats") << QStringList{ QStringLiteral("install"), QStringLiteral("--systemd"),
        QStringLiteral("--cron") } << QStringLiteral("--systemd or --cron");
    QTest::newRow("uneven interval") << QStringList{ QStringLiteral("install"), QStringLiteral("--cron"),
        QStringLiteral("--every"), QStringLiteral("7") }
                                     << QStringLiteral("not 7");
    QTest::newRow("install option on list") << QStringList{ QStringLiteral("list"), QStringLiteral("--user") }
                                            << QStringLiteral("--user goes with 'schedule install'");
    QTest::newRow("unknown action") << QStringList{ QStringLiteral("show") } << QStringLiteral("list or install");
    QTest::newRow("run-as with --user") << QStringList{ QStringLiteral("install"), QStringLiteral("--cron"),
        QStringLiteral("--user"), QStringLiteral("--run-as"), QStringLiteral("nobody") }
                                        << QStringLiteral("--run-as goes with a system-wide install");
    QTest::newRow("run-as on list") << QStringList{ QStringLiteral("list"), QStringLiteral("--run-as"),
        QStringLiteral("nobody") } << QStringLiteral("--run-as goes with 'schedule install'");
}

void TestScheduleInstallCli::installRefusesBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    Fixture f;
    QVERIFY(f.isValid());
    const CliRun run = f.run(QStringList{ QStringLiteral("schedule") } + arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(describe(run)));
}

void TestScheduleInstallCli::installSystemWideRunsAsAUser_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("sudoUser");
    QTest::addColumn<bool>("rootOwnsWorkspace"); // chown the workspace to root (else to nobody); needs root
    QTest::addColumn<QString>("expected"); // the User= line, or a part of the refusal

    // A system timer runs as root unless told otherwise: root's run-due would keep its own lock,
    // run log and backoff (in root's home) and write backups the console's user cannot read.
    QTest::newRow("--run-as") << QStringList{ QStringLiteral("--run-as"), QStringLiteral("daemon") }
                              << QStringLiteral("nobody") << true << QStringLiteral("User=daemon\n");
    QTest::newRow("$SUDO_USER") << QStringList{} << QStringLiteral("nobody") << true << QStringLiteral("User=nobody\n");
    QTest::newRow("the workspace's owner") << QStringList{} << QString() << false << QStringLiteral("User=nobody\n");
    QTest::newRow("root owns the workspace: refused")
        << QStringList{} << QString() << true << QStringLiteral("would run run-due as root (the owner of ");
    QTest::newRow("sudo from root: refused") << QStringList{} << QStringLiteral("root") << false
                                             << QStringLiteral("would run run-due as root ($SUDO_USER, who ran sudo)");
    QTest::newRow("root when asked") << QStringList{ QStringLiteral("--run-as"), QStringLiteral("root") } << QString()
                                     << true << QStringLiteral("User=root\n");
    QTest::newRow("no such user") << QStringList{ QStringLiteral("--run-as"), QStringLiteral("no-such-user-x") }
                                  << QString() << false << QStringLiteral("there is no user 'no-such-user-x'");
}

void TestScheduleInstallCli::installSystemWideRunsAsAUser()
{
    QFETCH(QStringList, options);
    QFETCH(QString, sudoUser);
    QFETCH(bool, rootOwnsWorkspace);
    QFETCH(QString, expected);
    if (::geteuid() != 0)
        QSKIP("giving the workspace file to another user needs root (CI runs the tests as root)");
    Fixture f;
    QVERIFY(f.isValid());
    const QByteArray path = QFile::encodeName(f.workspace());
    QCOMPARE(::chown(path.constData(), rootOwnsWorkspace ? 0 : 65534, gid_t(-1)), 0); // 65534: nobody
    const bool refused = !expected.startsWith(QStringLiteral("User="));
    for (const char *format : { "--systemd", "--cron" }) {
        const CliRun run = f.run(QStringList{ QStringLiteral("schedule"), QStringLiteral("install"),
                                     QStringLiteral("--print"), QLatin1String(format) }
                + options,
            { QStringLiteral("SUDO_USER=") + sudoUser });
        if (refused) {
            QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
            QVERIFY2(QString::fromUtf8(run.err).contains(expected), qPrintable(describe(run)));
            QVERIFY2(run.out.isEmpty(), qPrintable(describe(run)));
            continue;
        }
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QString out = QString::fromUtf8(run.out);
        const QString user = expected.mid(5).trimmed();
        if (QLatin1String(format) == QLatin1String("--systemd"))
            QVERIFY2(out.contains(expected), qPrintable(out));
        else
            QVERIFY2(out.contains(QStringLiteral("*/5 * * * * %1 ").arg(user)), qPrintable(out));
    }
}

QTEST_GUILESS_MAIN(TestScheduleInstallCli)
#include "tst_schedule_install_cli.moc"
