// Publishing over real HTTP: a server on 127.0.0.1 inside the test (its own thread, so the
// blocking client under test can run on the test's thread) reads each request (request line,
// headers, Content-Length body) and answers with the status the test chose, or never. The webhook's
// JSON body, its retries (5xx and timeouts, not 4xx), its timeout, the Pushgateway's PUT, and the
// Publisher's alerts: failed runs, and an overdue database that alerts once, not again on the next
// publish, and again after it recovered and fell behind once more.
#include "MonitorScenario.h"
#include "TestSupport.h"

#include "monitor/HttpClient.h"
#include "monitor/Metrics.h"
#include "monitor/Publisher.h"
#include "monitor/Pushgateway.h"
#include "monitor/Webhook.h"
#include "schedule/RunLog.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QSemaphore>
#include <QSysInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QWaitCondition>
#include <QtTest>

#include <deque>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow = QDateTime(QDate(2031, 3, 10), QTime(12, 0), Qt::UTC);

struct Request {
    QByteArray method;
    QByteArray path;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

// A small HTTP/1.1 server on its own thread. Each request takes the next planned answer (a status,
// or kHang: read it and never answer); without a plan it gets 200.
class TestServer final : public QThread
{
public:
    static constexpr int kHang = -1;

    TestServer()
    {
        start();
        m_ready.acquire();
    }
    ~TestServer() override
    {
        quit();
        wait();
    }

    quint16 port() const { return m_port; }
    QString url(const QString &path = {}) const { return u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path); }

    void plan(const QList<int> &statuses)
    {
        QMutexLocker locker(&m_mutex);
        m_plan.assign(statuses.cbegin(), statuses.cend());
    }
    QList<Request> requests() const
    {
        QMutexLocker locker(&m_mutex);
        return m_requests;
    }
    void clear()
    {
        QMutexLocker locker(&m_mutex);
        m_requests.clear();
        m_plan.clear();
    }

protected:
    void run() override
    {
        QTcpServer server;
        if (server.listen(QHostAddress::LocalHost, 0))
            m_port = server.serverPort();
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
            while (QTcpSocket *socket = server.nextPendingConnection())
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onReadyRead(socket); });
        });
        m_ready.release();
        exec();
    }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        // Requests may arrive back to back on one kept-alive connection.
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            Request request;
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < headerEnd + 4 + length)
                return;
            request.body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);

            int status = 200;
            {
                QMutexLocker locker(&m_mutex);
                m_requests << request;
                if (!m_plan.empty()) {
                    status = m_plan.front();
                    m_plan.pop_front();
                }
            }
            if (status == kHang)
                return; // the connection stays open and silent
            const QByteArray body = status >= 400 ? QByteArray("planned failure\n") : QByteArray();
            socket->write("HTTP/1.1 " + QByteArray::number(status)
                + " Planned\r\nContent-Type: text/plain\r\n"
                  "Content-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
    }

    QSemaphore m_ready;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    std::deque<int> m_plan;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers; // the server thread's only
};

coffer::Alert sampleAlert()
{
    return coffer::Alert{ u"overdue"_s, u"orders"_s, u"orders: last backup 30 h ago, overdue: its interval is 24 h"_s,
        kNow };
}

coffer::WebhookOptions quick(int retries, int timeoutMs = 5000)
{
    return coffer::WebhookOptions{ .timeoutMs = timeoutMs, .retries = retries, .backoffMs = 50 };
}

QStringList kinds(const QList<coffer::Alert> &alerts)
{
    QStringList names;
    for (const coffer::Alert &alert : alerts)
        names << alert.kind + u":"_s + alert.database;
    return names;
}

} // namespace

class PublishTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_state.isValid());
        qputenv("XDG_STATE_HOME", QFile::encodeName(m_state.path()));
        // A proxy from the environment would carry the requests to 127.0.0.1 elsewhere.
        for (const char *name : { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
            qunsetenv(name);
        QVERIFY(m_server.port() != 0);
    }

    void init() { m_server.clear(); }

    void webhookBody()
    {
        const QUrl url(m_server.url(u"/hooks/T0KEN-secret?sig=abc"_s));
        const coffer::WebhookDelivery delivery = coffer::Webhook::send(
            url, coffer::Webhook::body(sampleAlert(), u"/etc/coffer/workspace.yaml"_s), quick(3));
        QVERIFY2(delivery.delivered, qPrintable(delivery.problem(url)));
        QCOMPARE(delivery.attempts, 1);

        const QList<Request> requests = m_server.requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].method, QByteArray("POST"));
        QCOMPARE(requests[0].path, QByteArray("/hooks/T0KEN-secret?sig=abc"));
        QCOMPARE(requests[0].headers.value("content-type"), QByteArray("application/json"));
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(requests[0].body, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json.keys(),
            (QStringList{
                u"coffer_version"_s, u"database"_s, u"event"_s, u"host"_s, u"message"_s, u"time"_s, u"workspace"_s }));
        QCOMPARE(json.value(u"event"_s).toString(), u"overdue"_s);
        QCOMPARE(json.value(u"database"_s).toString(), u"orders"_s);
        QCOMPARE(json.value(u"message"_s).toString(), sampleAlert().message);
        QCOMPARE(json.value(u"time"_s).toString(), u"2031-03-10T12:00:00Z"_s);
        QCOMPARE(json.value(u"host"_s).toString(), QSysInfo::machineHostName());
        QCOMPARE(json.value(u"workspace"_s).toString(), u"/etc/coffer/workspace.yaml"_s);
        QCOMPARE(json.value(u"coffer_version"_s).toString(), QStringLiteral(COFFER_VERSION_STRING));
    }

    void retriesA5xxThenDeliversOnce()
    {
        m_server.plan({ 500, 200 });
        const QUrl url(m_server.url(u"/hook"_s));
        const QByteArray body = coffer::Webhook::body(sampleAlert(), u"/w.yaml"_s);
        const coffer::WebhookDelivery delivery = coffer::Webhook::send(url, body, quick(3));
        QVERIFY2(delivery.delivered, qPrintable(delivery.problem(url)));
        QCOMPARE(delivery.attempts, 2);
        QCOMPARE(delivery.failures, QStringList{ u"attempt 1: HTTP 500"_s });
        const QList<Request> requests = m_server.requests();
        QCOMPARE(requests.size(), 2); // delivered once: no third request
        QCOMPARE(requests[0].body, body);
        QCOMPARE(requests[1].body, body);
    }

    void givesUpAfterTheRetries()
    {
        m_server.plan({ 503, 502, 500, 200 });
        const QUrl url(m_server.url(u"/hook/s3cret"_s));
        const coffer::WebhookDelivery delivery
            = coffer::Webhook::send(url, coffer::Webhook::body(sampleAlert(), {}), quick(2));
        QVERIFY(!delivery.delivered);
        QCOMPARE(delivery.attempts, 3);
        QCOMPARE(m_server.requests().size(), 3);
        QCOMPARE(delivery.failures,
            (QStringList{ u"attempt 1: HTTP 503"_s, u"attempt 2: HTTP 502"_s, u"attempt 3: HTTP 500"_s }));
        const QString problem = delivery.problem(url);
        QCOMPARE(problem,
            u"webhook http://127.0.0.1:%1/…: not delivered after 3 attempts (attempt 1: HTTP 503; attempt 2: HTTP 502; "
            "attempt 3: HTTP 500)"_s.arg(m_server.port()));
        QVERIFY(!problem.contains(u"s3cret"_s));
    }

    void doesNotRetryA4xx_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("400") << 400;
        QTest::newRow("401") << 401;
        QTest::newRow("404") << 404;
        QTest::newRow("410") << 410;
    }

    void doesNotRetryA4xx()
    {
        QFETCH(int, status);
        m_server.plan({ status, 200 });
        const QUrl url(m_server.url(u"/hook"_s));
        const coffer::WebhookDelivery delivery
            = coffer::Webhook::send(url, coffer::Webhook::body(sampleAlert(), {}), quick(3));
        QVERIFY(!delivery.delivered);
        QCOMPARE(delivery.attempts, 1);
        QCOMPARE(delivery.lastStatus, status);
        QVERIFY(!delivery.unreachable);
        QCOMPARE(m_server.requests().size(), 1);
        QVERIFY(delivery.problem(url).contains(u"HTTP %1"_s.arg(status)));
    }

    // A server that reads the request and never answers: each attempt ends at the timeout, and
    // the whole delivery within attempts x timeout plus the backoff.
    void timesOutWithinTheTimeout()
    {
        m_server.plan({ TestServer::kHang, TestServer::kHang });
        const QUrl url(m_server.url(u"/hook"_s));
        QElapsedTimer timer;
        timer.start();
        const coffer::WebhookDelivery delivery
            = coffer::Webhook::send(url, coffer::Webhook::body(sampleAlert(), {}), quick(1, 700));
        const qint64 elapsed = timer.elapsed();
        QVERIFY(!delivery.delivered);
        QVERIFY(delivery.unreachable);
        QCOMPARE(delivery.attempts, 2);
        QCOMPARE(m_server.requests().size(), 2);
        QCOMPARE(delivery.failures,
            (QStringList{ u"attempt 1: timed out after 700 ms"_s, u"attempt 2: timed out after 700 ms"_s }));
        QVERIFY2(elapsed >= 2 * 700 && elapsed < 2 * 700 + 50 + 1500, qPrintable(QString::number(elapsed)));
    }

    void connectionRefusedIsExplained()
    {
        // A port that was just free: nothing listens there now.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const QUrl url(u"http://127.0.0.1:%1/hook"_s.arg(port));
        const coffer::WebhookDelivery delivery
            = coffer::Webhook::send(url, coffer::Webhook::body(sampleAlert(), {}), quick(1));
        QVERIFY(!delivery.delivered);
        QVERIFY(delivery.unreachable);
        QCOMPARE(delivery.attempts, 2);
        QVERIFY2(delivery.failures.value(0).contains(u"refused"_s, Qt::CaseInsensitive),
            qPrintable(delivery.failures.join(u"; "_s)));
    }

    void refusesWhatIsNotHttp()
    {
        const QUrl url(u"ftp://example.com/hook"_s);
        const coffer::WebhookDelivery delivery = coffer::Webhook::send(url, "{}", quick(3));
        QVERIFY(!delivery.delivered);
        QCOMPARE(delivery.attempts, 0);
        QVERIFY(delivery.problem(url).contains(u"only http:// and https://"_s));
    }

    void redactsSecretsFromUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("shown");
        QTest::newRow("token in the path")
            << u"https://hooks.example/services/T000/B000/XXXX"_s << u"https://hooks.example/…"_s;
        QTest::newRow("credentials and query")
            << u"http://user:pass@host.example:8080/x?token=1"_s << u"http://host.example:8080/…"_s;
        QTest::newRow("bare host") << u"http://127.0.0.1:9091"_s << u"http://127.0.0.1:9091"_s;
    }

    void redactsSecretsFromUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, shown);
        QCOMPARE(coffer::HttpClient::redacted(QUrl(url)), shown);
    }

    void pushgatewayEndpoint_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("job");
        QTest::addColumn<QString>("instance");
        QTest::addColumn<QString>("url"); // as sent
        QTest::newRow("plain") << u"http://127.0.0.1:9091"_s << u"coffer"_s << u"db1"_s
                               << u"http://127.0.0.1:9091/metrics/job/coffer/instance/db1"_s;
        QTest::newRow("trailing slash") << u"http://gw:9091/"_s << u"coffer"_s << u"db1.example.org"_s
                                        << u"http://gw:9091/metrics/job/coffer/instance/db1.example.org"_s;
        QTest::newRow("behind a path") << u"https://gw.example/push/"_s << u"nightly"_s << u"db1"_s
                                       << u"https://gw.example/push/metrics/job/nightly/instance/db1"_s;
        QTest::newRow("a slash in the job")
            << u"http://gw:9091"_s << u"a/b"_s << u"db1"_s << u"http://gw:9091/metrics/job@base64/YS9i/instance/db1"_s;
        QTest::newRow("no job") << u"http://gw:9091"_s << QString() << u"db1"_s
                                << u"http://gw:9091/metrics/job/coffer/instance/db1"_s;
        QTest::newRow("no host name") << u"http://gw:9091"_s << u"coffer"_s << QString()
                                      << u"http://gw:9091/metrics/job/coffer/instance@base64/="_s;
        QTest::newRow("a slash in the host name") << u"http://gw:9091"_s << u"coffer"_s << u"db/1"_s
                                                  << u"http://gw:9091/metrics/job/coffer/instance@base64/ZGIvMQ=="_s;
        QTest::newRow("dot segments") << u"http://gw:9091"_s << u".."_s << u"."_s
                                      << u"http://gw:9091/metrics/job@base64/Li4=/instance@base64/Lg=="_s;
        QTest::newRow("special characters are percent-encoded")
            << u"http://gw:9091"_s << u"nightly backup"_s << u"db1:9100?#%"_s
            << u"http://gw:9091/metrics/job/nightly%20backup/instance/db1%3A9100%3F%23%25"_s;
        QTest::newRow("unicode") << u"http://gw:9091"_s << u"coffer"_s << u"bücher"_s
                                 << u"http://gw:9091/metrics/job/coffer/instance/b%C3%BCcher"_s;
        QTest::newRow("an encoded base path stays encoded")
            << u"http://gw:9091/a%20b/"_s << u"coffer"_s << u"db1"_s
            << u"http://gw:9091/a%20b/metrics/job/coffer/instance/db1"_s;
    }

    void pushgatewayEndpoint()
    {
        QFETCH(QString, base);
        QFETCH(QString, job);
        QFETCH(QString, instance);
        QFETCH(QString, url);
        QCOMPARE(QString::fromLatin1(coffer::Pushgateway::endpoint(base, job, instance).toEncoded()), url);
    }

    void pushgatewayReceivesThePut()
    {
        const QByteArray metrics = "# HELP coffer_health_level x\n# TYPE coffer_health_level gauge\n"
                                   "coffer_health_level{database=\"orders\"} 0\n";
        COFFER_VERIFY_OK(coffer::Pushgateway::push(m_server.url(), u"coffer"_s, u"db 1/a"_s, metrics));
        const QList<Request> requests = m_server.requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].method, QByteArray("PUT"));
        QCOMPARE(requests[0].path, QByteArray("/metrics/job/coffer/instance@base64/ZGIgMS9h"));
        QCOMPARE(requests[0].headers.value("content-type"), QByteArray("text/plain; version=0.0.4"));
        QCOMPARE(requests[0].body, metrics);

        // The gateway's complaint reaches the message.
        m_server.plan({ 400 });
        auto refused = coffer::Pushgateway::push(m_server.url(), u"coffer"_s, u"db1"_s, metrics);
        QVERIFY(!refused);
        QVERIFY2(
            refused.error().detail.contains(u"HTTP 400: planned failure"_s), qPrintable(refused.error().toString()));
    }

    // The whole Publisher against the server: the metrics file and the Pushgateway get the same
    // text; failed runs alert; an overdue database alerts once, not on the next publish, and again
    // only after it recovered and fell behind once more.
    void publisherAlertsOnceWhenOverdue()
    {
        testsupport::MonitorScenario scenario;
        QVERIFY(scenario.isValid());
        const QString metricsFile = scenario.path(u"coffer.prom"_s);
        QVERIFY(scenario.writeWorkspace("databases:\n  - {name: orders, path: /nonexistent/orders.db}\n"
                                        "backup:\n  schedules:\n    orders: {interval_hours: 6}\n"
                                        "monitoring:\n  metrics_file: "
            + scenario.quoted(metricsFile) + "\n  pushgateway: {url: " + scenario.quoted(m_server.url())
            + ", job: coffer}\n  webhook: {url: " + scenario.quoted(m_server.url(u"/hook/T0KEN"_s))
            + ", timeout_seconds: 5, retries: 1}\n"));
        auto workspace = scenario.workspace();
        COFFER_VERIFY_OK(workspace);
        QCOMPARE(workspace->monitoring().webhookUrl, m_server.url(u"/hook/T0KEN"_s));

        const auto first = scenario.backup(u"orders"_s, kNow.addSecs(-3600));
        QVERIFY(first);
        QVERIFY(scenario.verify(*first, kNow.addSecs(-3000), true));

        // Fresh and verified: nothing to say, but the metrics go out.
        coffer::PublishReport report = coffer::Publisher::publish(*workspace, {}, kNow);
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(u"\n"_s)));
        QVERIFY(report.metricsWritten);
        QVERIFY(report.pushed);
        QVERIFY(report.alerts.isEmpty());
        QCOMPARE(report.webhookDeliveries, 0);
        QList<Request> requests = m_server.requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].method, QByteArray("PUT"));
        // One group per host: two hosts pushing as job coffer do not replace each other's metrics.
        QCOMPARE(
            requests[0].path, "/metrics/job/coffer/instance/" + QUrl::toPercentEncoding(QSysInfo::machineHostName()));
        QFile file(metricsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(requests[0].body, file.readAll());
        QVERIFY(requests[0].body.contains("coffer_health_level{database=\"orders\"} 0\n"));

        // Seven hours later it is overdue: one alert, delivered.
        m_server.clear();
        report = coffer::Publisher::publish(*workspace, {}, kNow.addSecs(6 * 3600 + 60));
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(u"\n"_s)));
        QCOMPARE(kinds(report.alerts), QStringList{ u"overdue:orders"_s });
        QCOMPARE(report.alerts[0].message, u"orders: last backup 7 h ago, overdue: its interval is 6 h"_s);
        QCOMPARE(report.webhookDeliveries, 1);
        requests = m_server.requests();
        QCOMPARE(requests.size(), 2); // the push, then the webhook
        QCOMPARE(requests[1].method, QByteArray("POST"));
        QCOMPARE(requests[1].path, QByteArray("/hook/T0KEN"));
        const QJsonObject json = QJsonDocument::fromJson(requests[1].body).object();
        QCOMPARE(json.value(u"event"_s).toString(), u"overdue"_s);
        QCOMPARE(json.value(u"database"_s).toString(), u"orders"_s);
        QCOMPARE(json.value(u"workspace"_s).toString(), workspace->filePath());

        // Still overdue an hour later (and red at twice the interval): no second alert.
        m_server.clear();
        report = coffer::Publisher::publish(*workspace, {}, kNow.addSecs(13 * 3600));
        QVERIFY(report.alerts.isEmpty());
        QCOMPARE(report.webhookDeliveries, 0);
        QCOMPARE(m_server.requests().size(), 1); // the push only

        // A new backup: recovered, nothing to say.
        const auto second = scenario.backup(u"orders"_s, kNow.addSecs(13 * 3600 + 60));
        QVERIFY(second);
        QVERIFY(scenario.verify(*second, kNow.addSecs(13 * 3600 + 120), true));
        report = coffer::Publisher::publish(*workspace, {}, kNow.addSecs(14 * 3600));
        QVERIFY(report.alerts.isEmpty());

        // Behind again: it alerts again.
        m_server.clear();
        report = coffer::Publisher::publish(*workspace, {}, kNow.addSecs(20 * 3600));
        QCOMPARE(kinds(report.alerts), QStringList{ u"overdue:orders"_s });
        QCOMPARE(report.webhookDeliveries, 1);
        QCOMPARE(m_server.requests().size(), 2);
    }

    // Failed runs alert every time (each is news); a drill's failure is "drill_failed", and the red
    // its failure causes is not alerted a second time.
    void publisherAlertsFailedRuns()
    {
        testsupport::MonitorScenario scenario;
        QVERIFY(scenario.isValid());
        QVERIFY(scenario.writeWorkspace("databases:\n  - {name: orders, path: /nonexistent/orders.db}\n"
                                        "  - {name: billing, path: /nonexistent/billing.db}\n"
                                        "monitoring:\n  webhook: {url: "
            + scenario.quoted(m_server.url(u"/hook"_s)) + ", timeout_seconds: 5, retries: 0}\n"));
        auto workspace = scenario.workspace();
        COFFER_VERIFY_OK(workspace);
        for (const QString &database : { u"orders"_s, u"billing"_s }) {
            const auto backup = scenario.backup(database, kNow.addSecs(-3600));
            QVERIFY(backup);
            QVERIFY(scenario.verify(*backup, kNow.addSecs(-3000), true));
            if (database == u"orders"_s)
                QVERIFY(scenario.drill(*backup, kNow.addSecs(-60), false, 100));
        }

        auto failed = [](const QString &kind, const QString &database, const QString &message) {
            coffer::RunRecord run;
            run.kind = kind;
            run.database = database;
            run.started = kNow.addSecs(-120);
            run.finished = kNow.addSecs(-60);
            run.ok = false;
            run.message = message;
            return run;
        };
        coffer::RunRecord ok = failed(u"verify"_s, u"billing"_s, {});
        ok.ok = true;
        const QList<coffer::RunRecord> runs{ failed(u"backup"_s, u"billing"_s, u"disk full"_s),
            failed(u"drill"_s, u"orders"_s, u"smoke_query: expected > 0, found 0"_s), ok };

        coffer::PublishReport report = coffer::Publisher::publish(*workspace, runs, kNow);
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(u"\n"_s)));
        QCOMPARE(kinds(report.alerts), (QStringList{ u"failure:billing"_s, u"drill_failed:orders"_s }));
        QCOMPARE(report.alerts[0].message, u"backup of billing failed: disk full"_s);
        QCOMPARE(report.alerts[0].time, kNow.addSecs(-60));
        QCOMPARE(report.webhookDeliveries, 2);
        const QList<Request> requests = m_server.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(requests[1].body).object().value(u"event"_s).toString(), u"drill_failed"_s);

        // The same failures in the next round alert again; the drill's red does not add one.
        report = coffer::Publisher::publish(*workspace, runs.mid(0, 1), kNow.addSecs(600));
        QCOMPARE(kinds(report.alerts), QStringList{ u"failure:billing"_s });
    }

    // A drill that failed outside scheduled work (the console, coffer-cli drill) alerts as a
    // trouble, and the message says what failed, not just which checks.
    void drillTroubleSaysWhatFailed()
    {
        testsupport::MonitorScenario scenario;
        QVERIFY(scenario.isValid());
        QVERIFY(scenario.writeWorkspace("databases:\n  - {name: orders, path: /nonexistent/orders.db}\n"
                                        "monitoring:\n  webhook: {url: "
            + scenario.quoted(m_server.url(u"/hook"_s)) + ", timeout_seconds: 5, retries: 0}\n"));
        auto workspace = scenario.workspace();
        COFFER_VERIFY_OK(workspace);
        const auto backup = scenario.backup(u"orders"_s, kNow.addSecs(-3600));
        QVERIFY(backup);
        QVERIFY(scenario.verify(*backup, kNow.addSecs(-3000), true));
        QVERIFY(scenario.drill(*backup, kNow.addSecs(-60), false, 100));

        const coffer::PublishReport report = coffer::Publisher::publish(*workspace, {}, kNow);
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(u"\n"_s)));
        QCOMPARE(kinds(report.alerts), QStringList{ u"drill_failed:orders"_s });
        const QString message
            = u"orders: drill failed: smoke_query (SELECT count(*) FROM customers: expected > 0, found 0)"_s;
        QCOMPARE(report.alerts[0].message, message);
        const QList<Request> requests = m_server.requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(requests[0].body).object().value(u"message"_s).toString(), message);
    }

    // A webhook that is down: the alert is kept and delivered by the next publish, once.
    void undeliveredAlertsWaitForTheNextPublish()
    {
        testsupport::MonitorScenario scenario;
        QVERIFY(scenario.isValid());
        QVERIFY(scenario.writeWorkspace("databases:\n  - {name: orders, path: /nonexistent/orders.db}\n"
                                        "monitoring:\n  webhook: {url: "
            + scenario.quoted(m_server.url(u"/hook"_s)) + ", timeout_seconds: 5, retries: 0}\n"));
        auto workspace = scenario.workspace();
        COFFER_VERIFY_OK(workspace);

        m_server.plan({ 503 });
        coffer::PublishReport report = coffer::Publisher::publish(*workspace, {}, kNow); // never backed up
        QCOMPARE(kinds(report.alerts), QStringList{ u"overdue:orders"_s });
        QCOMPARE(report.webhookDeliveries, 0);
        QCOMPARE(report.problems.size(), 1);
        QVERIFY(report.problems[0].contains(u"HTTP 503"_s));

        report = coffer::Publisher::publish(*workspace, {}, kNow.addSecs(300));
        QVERIFY(report.alerts.isEmpty()); // not news any more...
        QCOMPARE(report.webhookDeliveries, 1); // ...but now delivered
        QVERIFY(report.problems.isEmpty());
        const QList<Request> requests = m_server.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].body, requests[1].body);

        report = coffer::Publisher::publish(*workspace, {}, kNow.addSecs(600));
        QCOMPARE(report.webhookDeliveries, 0);
        QCOMPARE(m_server.requests().size(), 2);
    }

    // Nothing configured: nothing published, but the alerts are still returned (the console's
    // notifications), once.
    void nothingConfigured()
    {
        testsupport::MonitorScenario scenario;
        QVERIFY(scenario.isValid());
        QVERIFY(scenario.writeWorkspace("databases:\n  - {name: orders, path: /nonexistent/orders.db}\n"));
        auto workspace = scenario.workspace();
        COFFER_VERIFY_OK(workspace);
        coffer::PublishReport report = coffer::Publisher::publish(*workspace, {}, kNow);
        QVERIFY(report.problems.isEmpty());
        QVERIFY(!report.metricsWritten);
        QVERIFY(!report.pushed);
        QCOMPARE(report.webhookDeliveries, 0);
        QCOMPARE(kinds(report.alerts), QStringList{ u"overdue:orders"_s });
        QCOMPARE(report.alerts[0].message, u"orders: never backed up"_s);
        QVERIFY(m_server.requests().isEmpty());
        QVERIFY(!QFileInfo::exists(scenario.path(u"coffer.prom"_s)));
        QVERIFY(coffer::Publisher::publish(*workspace, {}, kNow.addSecs(60)).alerts.isEmpty());
    }

private:
    QTemporaryDir m_state;
    TestServer m_server;
};

QTEST_GUILESS_MAIN(PublishTest)
#include "tst_publish.moc"
