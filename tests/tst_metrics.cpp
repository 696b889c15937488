// The Prometheus metrics: rendered from a real run log and real catalogs with known content, the
// whole text checked by a strict parser of the text exposition format 0.0.4 written here (HELP and
// TYPE lines, the metric and label name grammar, label escapes, float values, one group per family,
// no duplicate series), every value compared, label escaping of awkward database names, and the
// metrics file's atomic replacement and mode.
#include "MonitorScenario.h"
#include "TestSupport.h"

#include "health/HealthSurvey.h"
#include "monitor/Metrics.h"
#include "monitor/MetricsFile.h"
#include "schedule/RunLog.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include <cmath>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow = QDateTime(QDate(2031, 3, 10), QTime(12, 0), Qt::UTC);

// One sample line, parsed.
struct Sample {
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

struct Family {
    QString type;
    QString help;
    bool hasHelp = false;
    QList<Sample> samples;
};

// A strict reader of the text exposition format 0.0.4. Anything it does not understand is an
// error naming the line, so that a malformed file fails the test instead of being skipped.
class ExpositionParser final
{
public:
    bool parse(const QByteArray &text)
    {
        if (text.isEmpty())
            return true;
        if (!text.endsWith('\n'))
            return failAt(0, u"the last line does not end with a newline"_s);
        const QList<QByteArray> lines = text.chopped(1).split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            m_line = i + 1;
            const QString line = QString::fromUtf8(lines[i]);
            if (line.isEmpty())
                continue;
            if (line.startsWith(u"#"_s)) {
                if (!comment(line))
                    return false;
            } else if (!sample(line)) {
                return false;
            }
        }
        for (auto it = m_families.cbegin(); it != m_families.cend(); ++it) {
            if (it->type.isEmpty())
                return failAt(0, u"family %1 has no TYPE"_s.arg(it.key()));
            if (!it->hasHelp)
                return failAt(0, u"family %1 has no HELP"_s.arg(it.key()));
        }
        return true;
    }

    QString error() const { return m_error; }
    const QMap<QString, Family> &families() const { return m_families; }
    QStringList order() const { return m_order; }

    // The value of one series; NaN when it is not there.
    double value(const QString &name, const QString &label, const QString &labelValue) const
    {
        for (const Sample &sample : m_families.value(name).samples)
            if (sample.labels.value(label) == labelValue && sample.labels.size() == 1)
                return sample.value;
        return std::nan("");
    }
    // The value of a series without labels; NaN when it is not there.
    double unlabelled(const QString &name) const
    {
        for (const Sample &sample : m_families.value(name).samples)
            if (sample.labels.isEmpty())
                return sample.value;
        return std::nan("");
    }
    bool has(const QString &name, const QString &label, const QString &labelValue) const
    {
        return !std::isnan(value(name, label, labelValue));
    }

private:
    static bool validName(const QString &name)
    {
        static const QRegularExpression grammar(u"^[a-zA-Z_:][a-zA-Z0-9_:]*$"_s);
        return grammar.match(name).hasMatch();
    }
    static bool validLabelName(const QString &name)
    {
        static const QRegularExpression grammar(u"^[a-zA-Z_][a-zA-Z0-9_]*$"_s);
        return grammar.match(name).hasMatch() && !name.startsWith(u"__"_s);
    }
    static std::optional<double> floatValue(const QString &text)
    {
        static const QRegularExpression grammar(u"^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$"_s);
        if (text == u"NaN"_s)
            return std::nan("");
        if (text == u"+Inf"_s || text == u"Inf"_s)
            return HUGE_VAL;
        if (text == u"-Inf"_s)
            return -HUGE_VAL;
        if (!grammar.match(text).hasMatch())
            return std::nullopt;
        bool ok = false;
        const double value = text.toDouble(&ok);
        return ok ? std::optional<double>(value) : std::nullopt;
    }

    bool failAt(int line, const QString &message)
    {
        m_error = line > 0 ? u"line %1: %2"_s.arg(line).arg(message) : message;
        return false;
    }

    // A family may be described and sampled in one group only: once another family has started,
    // going back to an earlier one is an error.
    bool enter(const QString &name)
    {
        if (m_current == name)
            return true;
        if (m_order.contains(name))
            return failAt(m_line, u"family %1 appears in two groups"_s.arg(name));
        m_order << name;
        m_current = name;
        return true;
    }

    bool comment(const QString &line)
    {
        static const QRegularExpression keyword(u"^# (HELP|TYPE) (\\S+)(?: (.*))?$"_s);
        const QRegularExpressionMatch match = keyword.match(line);
        if (!match.hasMatch())
            return true; // a plain comment
        const QString name = match.captured(2);
        if (!validName(name))
            return failAt(m_line, u"bad metric name '%1'"_s.arg(name));
        if (!enter(name))
            return false;
        Family &family = m_families[name];
        if (match.captured(1) == u"HELP"_s) {
            if (family.hasHelp)
                return failAt(m_line, u"second HELP for %1"_s.arg(name));
            if (!family.samples.isEmpty())
                return failAt(m_line, u"HELP for %1 after its samples"_s.arg(name));
            // Only \\ and \n are escapes in a docstring.
            const QString help = match.captured(3);
            QString unescaped;
            for (qsizetype i = 0; i < help.size(); ++i) {
                if (help[i] != u'\\') {
                    unescaped += help[i];
                    continue;
                }
                if (i + 1 >= help.size() || (help[i + 1] != u'\\' && help[i + 1] != u'n'))
                    return failAt(m_line, u"bad escape in HELP of %1"_s.arg(name));
                unescaped += help[++i] == u'n' ? u'\n' : u'\\';
            }
            family.help = unescaped;
            family.hasHelp = true;
            return true;
        }
        static const QStringList types{ u"counter"_s, u"gauge"_s, u"histogram"_s, u"summary"_s, u"untyped"_s };
        if (!family.type.isEmpty())
            return failAt(m_line, u"second TYPE for %1"_s.arg(name));
        if (!family.samples.isEmpty())
            return failAt(m_line, u"TYPE for %1 after its samples"_s.arg(name));
        if (!types.contains(match.captured(3)))
            return failAt(m_line, u"unknown type '%1'"_s.arg(match.captured(3)));
        family.type = match.captured(3);
        return true;
    }

    bool sample(const QString &line)
    {
        qsizetype i = 0;
        while (i < line.size() && line[i] != u'{' && line[i] != u' ')
            ++i;
        Sample sample;
        sample.name = line.left(i);
        if (!validName(sample.name))
            return failAt(m_line, u"bad metric name '%1'"_s.arg(sample.name));
        if (i < line.size() && line[i] == u'{') {
            ++i;
            for (;;) {
                if (i < line.size() && line[i] == u'}') {
                    ++i;
                    break;
                }
                const qsizetype equals = line.indexOf(u'=', i);
                if (equals < 0)
                    return failAt(m_line, u"a label without '='"_s);
                const QString label = line.mid(i, equals - i);
                if (!validLabelName(label))
                    return failAt(m_line, u"bad label name '%1'"_s.arg(label));
                if (sample.labels.contains(label))
                    return failAt(m_line, u"label %1 twice"_s.arg(label));
                i = equals + 1;
                if (i >= line.size() || line[i] != u'"')
                    return failAt(m_line, u"label value of %1 is not quoted"_s.arg(label));
                ++i;
                QString value;
                bool closed = false;
                while (i < line.size()) {
                    const QChar c = line[i++];
                    if (c == u'"') {
                        closed = true;
                        break;
                    }
                    if (c != u'\\') {
                        value += c;
                        continue;
                    }
                    if (i >= line.size())
                        return failAt(m_line, u"a lone backslash ends the line"_s);
                    const QChar escaped = line[i++];
                    if (escaped == u'\\')
                        value += u'\\';
                    else if (escaped == u'"')
                        value += u'"';
                    else if (escaped == u'n')
                        value += u'\n';
                    else
                        return failAt(m_line, u"bad escape \\%1 in a label value"_s.arg(escaped));
                }
                if (!closed)
                    return failAt(m_line, u"unterminated label value"_s);
                sample.labels.insert(label, value);
                if (i < line.size() && line[i] == u',')
                    ++i;
                else if (i >= line.size() || line[i] != u'}')
                    return failAt(m_line, u"expected ',' or '}' after a label"_s);
            }
        }
        if (i >= line.size() || line[i] != u' ')
            return failAt(m_line, u"no space before the value"_s);
        const QStringList rest = line.mid(i + 1).split(u' ');
        if (rest.isEmpty() || rest.size() > 2)
            return failAt(m_line, u"expected a value and at most a timestamp"_s);
        const auto value = floatValue(rest[0]);
        if (!value)
            return failAt(m_line, u"bad value '%1'"_s.arg(rest[0]));
        if (rest.size() == 2) {
            bool ok = false;
            rest[1].toLongLong(&ok);
            if (!ok)
                return failAt(m_line, u"bad timestamp '%1'"_s.arg(rest[1]));
        }
        sample.value = *value;

        if (!enter(sample.name))
            return false;
        Family &family = m_families[sample.name];
        if (family.type == u"counter"_s && (sample.value < 0 || !sample.name.endsWith(u"_total"_s)))
            return failAt(m_line, u"counter %1 is negative or not named *_total"_s.arg(sample.name));
        for (const Sample &other : std::as_const(family.samples))
            if (other.labels == sample.labels)
                return failAt(m_line, u"duplicate series of %1"_s.arg(sample.name));
        family.samples << sample;
        return true;
    }

    QMap<QString, Family> m_families;
    QStringList m_order;
    QString m_current;
    QString m_error;
    int m_line = 0;
};

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

coffer::RunRecord run(const QString &kind, const QString &database, const QDateTime &finished, bool ok,
    qint64 durationMs = 1000, qint64 bytes = 0)
{
    coffer::RunRecord record;
    record.kind = kind;
    record.database = database;
    record.started = finished.addMSecs(-durationMs);
    record.finished = finished;
    record.ok = ok;
    record.message = ok ? u"done"_s : u"disk full"_s;
    record.bytes = bytes;
    return record;
}

} // namespace

class MetricsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_state.isValid());
        // The run log lives in the state folder: keep it away from the user's.
        qputenv("XDG_STATE_HOME", QFile::encodeName(m_state.path()));
    }

    // The parser itself rejects what it must, or a pass of the real file would prove nothing.
    void parserRejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QByteArray head = "# HELP m A metric.\n# TYPE m gauge\n";
        QTest::newRow("no final newline") << QByteArray(head + "m 1");
        QTest::newRow("bad metric name") << QByteArray("# HELP 1m x\n# TYPE 1m gauge\n1m 1\n");
        QTest::newRow("bad label name") << QByteArray(head + "m{1a=\"x\"} 1\n");
        QTest::newRow("reserved label name") << QByteArray(head + "m{__name__=\"x\"} 1\n");
        QTest::newRow("unquoted label value") << QByteArray(head + "m{a=x} 1\n");
        QTest::newRow("bad escape") << QByteArray(head + "m{a=\"x\\ty\"} 1\n");
        QTest::newRow("raw quote") << QByteArray(head + "m{a=\"x\"y\"} 1\n");
        QTest::newRow("unterminated") << QByteArray(head + "m{a=\"x} 1\n");
        QTest::newRow("bad value") << QByteArray(head + "m 1,5\n");
        QTest::newRow("no value") << QByteArray(head + "m\n");
        QTest::newRow("no TYPE") << QByteArray("# HELP m x\nm 1\n");
        QTest::newRow("no HELP") << QByteArray("# TYPE m gauge\nm 1\n");
        QTest::newRow("TYPE after samples") << QByteArray("# HELP m x\nm 1\n# TYPE m gauge\n");
        QTest::newRow("unknown type") << QByteArray("# HELP m x\n# TYPE m meter\nm 1\n");
        QTest::newRow("duplicate series") << QByteArray(head + "m{a=\"x\"} 1\nm{a=\"x\"} 2\n");
        QTest::newRow("two groups") << QByteArray(head + "m 1\n# HELP n x\n# TYPE n gauge\nn 1\nm{a=\"b\"} 2\n");
        QTest::newRow("negative counter") << QByteArray("# HELP c_total x\n# TYPE c_total counter\nc_total -1\n");
        QTest::newRow("bad HELP escape") << QByteArray("# HELP m a\\tb\n# TYPE m gauge\nm 1\n");
    }

    void parserRejects()
    {
        QFETCH(QByteArray, text);
        ExpositionParser parser;
        QVERIFY(!parser.parse(text));
        QVERIFY(!parser.error().isEmpty());
    }

    void parserAccepts()
    {
        ExpositionParser parser;
        const QByteArray text = "# A comment\n# HELP m Help with \\\\ and \\n.\n# TYPE m gauge\n"
                                "m{a=\"q\\\"b\\\\n\\n\",b=\"\"} -1.5e-3\nm{a=\"2\",} +Inf 1700000000000\nm NaN\n";
        QVERIFY2(parser.parse(text), qPrintable(parser.error()));
        QCOMPARE(parser.families().value(u"m"_s).help, u"Help with \\ and \n."_s);
        QCOMPARE(parser.families().value(u"m"_s).samples.size(), 3);
        QCOMPARE(parser.families().value(u"m"_s).samples[0].labels.value(u"a"_s), u"q\"b\\n\n"_s);
        QCOMPARE(parser.families().value(u"m"_s).samples[0].value, -0.0015);
    }

    // Three databases and two repositories with known content, one of them unreadable; the run
    // log with known counts. Every series is checked.
    void renderFromRunLogAndCatalogs()
    {
        testsupport::MonitorScenario scenario;
        QVERIFY(scenario.isValid());
        QVERIFY(scenario.writeWorkspace("databases:\n"
                                        "  - {name: orders, path: /nonexistent/orders.db, group: acme}\n"
                                        "  - {name: billing, path: /nonexistent/billing.db}\n"
                                        "  - {name: website, path: /nonexistent/website.db}\n",
            "  - {name: gone, path: " + scenario.quoted(scenario.path(u"no-such-repo"_s)) + "}\n"));

        // orders: an old backup, the newest (verified, drilled), and a newer safety copy that does not count.
        const auto old = scenario.backup(u"orders"_s, kNow.addSecs(-30 * 3600));
        const auto newest = scenario.backup(u"orders"_s, kNow.addSecs(-2 * 3600));
        const auto safety = scenario.backup(u"orders"_s, kNow.addSecs(-3600), u"safety"_s);
        QVERIFY(old && newest && safety);
        QVERIFY(scenario.verify(*newest, kNow.addSecs(-3600), true));
        QVERIFY(scenario.drill(*old, kNow.addSecs(-50 * 3600), false, 900));
        QVERIFY(scenario.drill(*newest, kNow.addSecs(-5 * 3600), true, 1500));
        // billing: one backup ten hours old, never verified; website: never backed up.
        const auto billing = scenario.backup(u"billing"_s, kNow.addSecs(-10 * 3600));
        QVERIFY(billing);

        auto workspace = scenario.workspace();
        COFFER_VERIFY_OK(workspace);
        auto log = coffer::RunLog::open(workspace->filePath());
        COFFER_VERIFY_OK(log);
        // orders: its last scheduled success is older than the newest backup in the catalog, which wins.
        COFFER_VERIFY_OK(log->record(run(u"backup"_s, u"orders"_s, kNow.addSecs(-30 * 3600), true, 4000, 111)));
        COFFER_VERIFY_OK(log->record(run(u"backup"_s, u"orders"_s, kNow.addSecs(-20 * 3600), false)));
        COFFER_VERIFY_OK(log->record(run(u"backup"_s, u"orders"_s, kNow.addSecs(-3 * 3600), true, 5000, 222)));
        COFFER_VERIFY_OK(log->record(run(u"verify"_s, u"orders"_s, kNow.addSecs(-40 * 3600), false)));
        COFFER_VERIFY_OK(log->record(run(u"verify"_s, u"orders"_s, kNow.addSecs(-30 * 3600), false)));
        COFFER_VERIFY_OK(log->record(run(u"verify"_s, u"orders"_s, kNow.addSecs(-3600), true)));
        // billing: its last scheduled success is newer than anything in the catalog (made elsewhere).
        COFFER_VERIFY_OK(log->record(run(u"backup"_s, u"billing"_s, kNow.addSecs(-3600), true, 2500, 777)));
        // A database the workspace no longer lists stays out.
        COFFER_VERIFY_OK(log->record(run(u"backup"_s, u"retired"_s, kNow.addSecs(-3600), true)));
        auto totals = log->totals();
        COFFER_VERIFY_OK(totals);

        const coffer::HealthSurvey survey = coffer::HealthSurvey::take(*workspace, kNow);
        QCOMPARE(survey.problems.size(), 1);
        QCOMPARE(survey.problems[0].name, u"gone"_s);
        const QByteArray text = coffer::Metrics::render(survey, *totals);

        ExpositionParser parser;
        QVERIFY2(parser.parse(text), qPrintable(parser.error() + u"\n"_s + QString::fromUtf8(text)));
        const QStringList expectedFamilies{ u"coffer_metrics_generated_timestamp_seconds"_s,
            u"coffer_backup_success_total"_s, u"coffer_backup_failure_total"_s,
            u"coffer_backup_last_success_timestamp_seconds"_s, u"coffer_backup_last_size_bytes"_s,
            u"coffer_backup_last_duration_seconds"_s, u"coffer_backup_age_seconds"_s,
            u"coffer_verification_failures_total"_s, u"coffer_drill_rto_seconds"_s, u"coffer_drill_last_success"_s,
            u"coffer_drill_last_timestamp_seconds"_s, u"coffer_health_level"_s, u"coffer_repository_up"_s };
        QCOMPARE(parser.order(), expectedFamilies);
        QCOMPARE(parser.families().value(u"coffer_backup_success_total"_s).type, u"counter"_s);
        QCOMPARE(parser.families().value(u"coffer_verification_failures_total"_s).type, u"counter"_s);
        QCOMPARE(parser.families().value(u"coffer_health_level"_s).type, u"gauge"_s);
        // When the text was made, so that a file nobody rewrites any more shows its age.
        QCOMPARE(parser.families().value(u"coffer_metrics_generated_timestamp_seconds"_s).type, u"gauge"_s);
        QCOMPARE(parser.families().value(u"coffer_metrics_generated_timestamp_seconds"_s).samples.size(), 1);
        QCOMPARE(parser.unlabelled(u"coffer_metrics_generated_timestamp_seconds"_s), double(kNow.toSecsSinceEpoch()));
        QVERIFY(parser.families().value(u"coffer_backup_last_size_bytes"_s).help.contains(u"run log"_s));
        QVERIFY(parser.families().value(u"coffer_backup_last_size_bytes"_s).help.contains(u"catalogs"_s));

        auto value = [&parser](const char *name, const QString &database) {
            return parser.value(QString::fromLatin1(name), u"database"_s, database);
        };
        const QString orders = u"orders"_s;
        const QString bill = u"billing"_s;
        const QString web = u"website"_s;
        QCOMPARE(value("coffer_backup_success_total", orders), 2.0);
        QCOMPARE(value("coffer_backup_failure_total", orders), 1.0);
        QCOMPARE(value("coffer_backup_success_total", bill), 1.0);
        QCOMPARE(value("coffer_backup_failure_total", bill), 0.0);
        QCOMPARE(value("coffer_backup_success_total", web), 0.0);
        QVERIFY(!parser.has(u"coffer_backup_success_total"_s, u"database"_s, u"retired"_s));

        const double ordersFinished = double(newest->created.addMSecs(newest->durationMs).toMSecsSinceEpoch()) / 1000.0;
        QCOMPARE(value("coffer_backup_last_success_timestamp_seconds", orders), ordersFinished);
        QCOMPARE(value("coffer_backup_last_size_bytes", orders), double(newest->artifactSize));
        QCOMPARE(value("coffer_backup_last_duration_seconds", orders), double(newest->durationMs) / 1000.0);
        QCOMPARE(value("coffer_backup_last_success_timestamp_seconds", bill),
            double(kNow.addSecs(-3600).toSecsSinceEpoch()));
        QCOMPARE(value("coffer_backup_last_size_bytes", bill), 777.0);
        QCOMPARE(value("coffer_backup_last_duration_seconds", bill), 2.5);
        QVERIFY(!parser.has(u"coffer_backup_last_success_timestamp_seconds"_s, u"database"_s, web));

        // The age is the catalog's newest counted backup: the safety copy an hour ago does not count.
        QCOMPARE(value("coffer_backup_age_seconds", orders), 7200.0);
        QCOMPARE(value("coffer_backup_age_seconds", bill), 36000.0);
        QVERIFY(!parser.has(u"coffer_backup_age_seconds"_s, u"database"_s, web));

        QCOMPARE(value("coffer_verification_failures_total", orders), 2.0);
        QCOMPARE(value("coffer_verification_failures_total", bill), 0.0);

        QCOMPARE(value("coffer_drill_rto_seconds", orders), 1.5);
        QCOMPARE(value("coffer_drill_last_success", orders), 1.0);
        QCOMPARE(
            value("coffer_drill_last_timestamp_seconds", orders), double(kNow.addSecs(-5 * 3600).toSecsSinceEpoch()));
        QVERIFY(!parser.has(u"coffer_drill_last_success"_s, u"database"_s, bill));

        QCOMPARE(value("coffer_health_level", orders), 0.0); // 2 h old, verified, drilled: green
        QCOMPARE(value("coffer_health_level", bill), 1.0); // never verified: amber
        QCOMPARE(value("coffer_health_level", web), 2.0); // never backed up: red

        QCOMPARE(parser.value(u"coffer_repository_up"_s, u"repository"_s, u"main"_s), 1.0);
        QCOMPARE(parser.value(u"coffer_repository_up"_s, u"repository"_s, u"gone"_s), 0.0);
    }

    // A failed newest drill: last_success 0, and the RTO stays that of the last drill that passed.
    void failedDrillKeepsTheLastGoodRto()
    {
        testsupport::MonitorScenario scenario;
        QVERIFY(scenario.isValid());
        QVERIFY(scenario.writeWorkspace("databases:\n  - {name: orders, path: /nonexistent/orders.db}\n"));
        const auto backup = scenario.backup(u"orders"_s, kNow.addSecs(-3600));
        QVERIFY(backup);
        QVERIFY(scenario.drill(*backup, kNow.addSecs(-3000), true, 2000));
        QVERIFY(scenario.drill(*backup, kNow.addSecs(-600), false, 500));
        auto workspace = scenario.workspace();
        COFFER_VERIFY_OK(workspace);

        const QByteArray text = coffer::Metrics::render(coffer::HealthSurvey::take(*workspace, kNow), std::nullopt);
        ExpositionParser parser;
        QVERIFY2(parser.parse(text), qPrintable(parser.error()));
        QCOMPARE(parser.value(u"coffer_drill_last_success"_s, u"database"_s, u"orders"_s), 0.0);
        QCOMPARE(parser.value(u"coffer_drill_rto_seconds"_s, u"database"_s, u"orders"_s), 2.0);
        QCOMPARE(parser.value(u"coffer_health_level"_s, u"database"_s, u"orders"_s), 2.0);
        // Without the run log the counters are left out, not reported as a reset to 0.
        QVERIFY(!parser.families().contains(u"coffer_backup_success_total"_s));
        QVERIFY(!parser.families().contains(u"coffer_verification_failures_total"_s));
    }

    void labelEscaping_data()
    {
        QTest::addColumn<QString>("database");
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("quote and backslash") << u"we\"ird\\name"_s << QByteArray("database=\"we\\\"ird\\\\name\"");
        QTest::newRow("newline") << u"two\nlines"_s << QByteArray("database=\"two\\nlines\"");
        QTest::newRow("backslash before n") << u"C:\\new"_s << QByteArray("database=\"C:\\\\new\"");
        QTest::newRow("unicode") << u"bestellungen-ü"_s << QByteArray("database=\"bestellungen-\xc3\xbc\"");
    }

    void labelEscaping()
    {
        QFETCH(QString, database);
        QFETCH(QByteArray, escaped);

        coffer::HealthSurvey survey;
        survey.now = kNow;
        coffer::DatabaseSurvey entry;
        entry.name = database;
        entry.input.newestBackup = kNow.addSecs(-60);
        entry.health = coffer::DatabaseHealth::assess(entry.input, kNow);
        coffer::DatabaseSurvey plain;
        plain.name = u"plain"_s;
        plain.health = coffer::DatabaseHealth::assess(plain.input, kNow);
        survey.databases = { entry, plain };
        survey.repositories = { database };

        const QByteArray text = coffer::Metrics::render(survey, QList<coffer::RunTotals>{});
        QVERIFY2(text.contains("coffer_health_level{" + escaped + "} 1\n"), text.constData());
        ExpositionParser parser;
        QVERIFY2(parser.parse(text), qPrintable(parser.error()));
        // Read back, the label is the name exactly.
        QCOMPARE(parser.value(u"coffer_health_level"_s, u"database"_s, database), 1.0);
        QCOMPARE(parser.value(u"coffer_backup_age_seconds"_s, u"database"_s, database), 60.0);
        QCOMPARE(parser.value(u"coffer_repository_up"_s, u"repository"_s, database), 1.0);
        QCOMPARE(parser.value(u"coffer_health_level"_s, u"database"_s, u"plain"_s), 2.0);
        QCOMPARE(parser.unlabelled(u"coffer_metrics_generated_timestamp_seconds"_s), double(kNow.toSecsSinceEpoch()));
    }

    // A survey made later stamps the text later: the stamp follows the survey, not a constant.
    void generatedTimestampFollowsTheSurvey()
    {
        coffer::HealthSurvey survey;
        survey.now = kNow.addMSecs(90 * 60 * 1000 + 250);
        const QByteArray text = coffer::Metrics::render(survey, std::nullopt);
        QVERIFY2(text.startsWith("# HELP coffer_metrics_generated_timestamp_seconds "), text.constData());
        QVERIFY2(text.contains("\ncoffer_metrics_generated_timestamp_seconds 1930915800.25\n"), text.constData());
        ExpositionParser parser;
        QVERIFY2(parser.parse(text), qPrintable(parser.error()));
        QCOMPARE(parser.unlabelled(u"coffer_metrics_generated_timestamp_seconds"_s),
            double(survey.now.toMSecsSinceEpoch()) / 1000.0);
    }

    void formatValue_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("integer") << 42.0 << QByteArray("42");
        QTest::newRow("a timestamp with milliseconds") << 1930996800.123 << QByteArray("1930996800.123");
        QTest::newRow("a fraction") << 2.5 << QByteArray("2.5");
        QTest::newRow("large") << 1e21 << QByteArray("1e+21");
        QTest::newRow("infinite") << HUGE_VAL << QByteArray("+Inf");
        QTest::newRow("minus infinite") << -HUGE_VAL << QByteArray("-Inf");
    }

    void formatValue()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(coffer::Metrics::formatValue(value), text);
        QVERIFY(coffer::Metrics::formatValue(std::nan("")) == "NaN");
    }

    // Replaced atomically: a reader holding the old file keeps reading the old text, nothing but the
    // file is left in the folder, and the mode is 0644 even under a umask of 077.
    void metricsFileIsAtomicAndReadable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"coffer.prom"_s);
        const mode_t previous = ::umask(077);
        auto first = coffer::MetricsFile::write(path, "# HELP a x\n# TYPE a gauge\na 1\n");
        QFile old(path);
        const bool opened = old.open(QIODevice::ReadOnly);
        auto second = coffer::MetricsFile::write(path, "# HELP a x\n# TYPE a gauge\na 2\n");
        ::umask(previous);
        COFFER_VERIFY_OK(first);
        COFFER_VERIFY_OK(second);
        QVERIFY(opened);

        QCOMPARE(old.readAll(), QByteArray("# HELP a x\n# TYPE a gauge\na 1\n"));
        QFile current(path);
        QVERIFY(current.open(QIODevice::ReadOnly));
        QCOMPARE(current.readAll(), QByteArray("# HELP a x\n# TYPE a gauge\na 2\n"));
        QCOMPARE(modeOf(path), mode_t(0644));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{ u"coffer.prom"_s });
    }

    void metricsFileNeedsItsFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto written = coffer::MetricsFile::write(dir.filePath(u"missing/coffer.prom"_s), "a 1\n");
        QVERIFY(!written);
        QCOMPARE(written.error().code, coffer::ErrorCode::NotFound);
        QVERIFY(written.error().message.contains(u"does not exist"_s));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"missing"_s)));

        // A folder where the file should be is refused, and nothing is left behind.
        QVERIFY(QDir(dir.path()).mkdir(u"coffer.prom"_s));
        QVERIFY(!coffer::MetricsFile::write(dir.filePath(u"coffer.prom"_s), "a 1\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{ u"coffer.prom"_s });
    }

private:
    QTemporaryDir m_state;
};

QTEST_GUILESS_MAIN(MetricsTest)
#include "tst_metrics.moc"
