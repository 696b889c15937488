#include "monitor/AlertState.h"

#include "common/FileUtil.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace coffer {

namespace {

QJsonObject alertJson(const Alert &alert)
{
    return QJsonObject{ { QStringLiteral("kind"), alert.kind }, { QStringLiteral("database"), alert.database },
        { QStringLiteral("message"), alert.message },
        { QStringLiteral("time"), alert.time.toUTC().toString(Qt::ISODateWithMs) } };
}

Alert alertFrom(const QJsonObject &json)
{
    return Alert{ json.value(QStringLiteral("kind")).toString(), json.value(QStringLiteral("database")).toString(),
        json.value(QStringLiteral("message")).toString(),
        QDateTime::fromString(json.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).toUTC() };
}

} // namespace

Result<AlertState> AlertState::load(const QString &path)
{
    AlertState state;
    QFile file(path);
    if (!file.exists())
        return state;
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot read the alert state %1").arg(path), file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject()
        || root.value(QStringLiteral("version")).toInt() != kFormatVersion)
        return fail(ErrorCode::Corrupt,
            QStringLiteral("The alert state %1 is malformed; it is started afresh (a trouble may alert once more)")
                .arg(path),
            parseError.errorString());

    const QJsonObject alerting = root.value(QStringLiteral("alerting")).toObject();
    for (auto it = alerting.begin(); it != alerting.end(); ++it) {
        QStringList kinds;
        for (const QJsonValue &kind : it.value().toArray())
            kinds << kind.toString();
        state.m_alerting.insert(it.key(), kinds);
    }
    for (const QJsonValue &alert : root.value(QStringLiteral("undelivered")).toArray())
        state.undelivered << alertFrom(alert.toObject());
    return state;
}

Result<void> AlertState::save(const QString &path) const
{
    QJsonObject alerting;
    for (auto it = m_alerting.cbegin(); it != m_alerting.cend(); ++it)
        alerting.insert(it.key(), QJsonArray::fromStringList(it.value()));
    QJsonArray pending;
    for (const Alert &alert : undelivered)
        pending.append(alertJson(alert));
    const QJsonObject root{ { QStringLiteral("version"), kFormatVersion }, { QStringLiteral("alerting"), alerting },
        { QStringLiteral("undelivered"), pending } };
    return fileutil::replaceAtomically(
        path, QJsonDocument(root).toJson(QJsonDocument::Indented), QFileInfo(path).absolutePath());
}

QStringList AlertState::troubles(const DatabaseSurvey &database)
{
    QStringList kinds;
    if (database.health.isOverdue())
        kinds << QStringLiteral("overdue");
    if (database.health.isVerificationFailed())
        kinds << QStringLiteral("failure");
    if (database.health.isDrillFailed())
        kinds << QStringLiteral("drill_failed");
    return kinds;
}

QList<Alert> AlertState::update(const HealthSurvey &survey, const QSet<QString> &covered)
{
    QList<Alert> alerts;
    QMap<QString, QStringList> now;
    for (const DatabaseSurvey &database : survey.databases) {
        const QStringList kinds = troubles(database);
        if (kinds.isEmpty())
            continue; // recovered, or never in trouble: the next trouble alerts again
        const QStringList before = m_alerting.value(database.name);
        for (const QString &kind : kinds) {
            if (before.contains(kind) || covered.contains(database.name + QLatin1Char('\n') + kind))
                continue;
            const QString problems = database.health.problems().join(QStringLiteral("; "));
            alerts << Alert{ kind, database.name, QStringLiteral("%1: %2").arg(database.name, problems),
                survey.now.toUTC() };
        }
        now.insert(database.name, kinds);
    }
    m_alerting = now;
    return alerts;
}

void AlertState::expireUndelivered(const QDateTime &now)
{
    undelivered.erase(std::remove_if(undelivered.begin(), undelivered.end(),
                          [&now](const Alert &alert) {
                              return !alert.time.isValid() || alert.time.secsTo(now) > kUndeliveredLifetimeSecs;
                          }),
        undelivered.end());
    if (undelivered.size() > kMaxUndelivered)
        undelivered.remove(0, undelivered.size() - kMaxUndelivered);
}

} // namespace coffer
