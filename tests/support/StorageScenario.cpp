#include "StorageScenario.h"

#include "GeneratedBackups.h"

#include "backup/BackupPipeline.h"

#include <QFile>

namespace testsupport {

namespace {

std::optional<coffer::Manifest> backUp(
    const QString &repository, const QString &source, const QString &database, coffer::Codec codec)
{
    coffer::BackupParams params;
    params.repositoryPath = repository;
    params.sourcePath = source;
    params.database = database;
    params.codec = codec;
    params.level = coffer::defaultLevel(codec);
    const coffer::CancelFlag cancel{ false };
    const auto result = coffer::BackupPipeline::run(params, cancel, {});
    if (!result) {
        qWarning("StorageScenario: %s", qPrintable(result.error().toString()));
        return std::nullopt;
    }
    return result->manifest;
}

} // namespace

QDateTime StorageScenario::copyTime(int daysAgo)
{
    return QDateTime(QDateTime::currentDateTimeUtc().date().addDays(-daysAgo), QTime(6, 0), Qt::UTC);
}

StorageScenario::StorageScenario(int days)
{
    if (!m_temp->isValid() || !makeSampleDatabase(m_temp->path(QStringLiteral("orders.db")), 300)
        || !makeSampleDatabase(m_temp->path(QStringLiteral("customers.db")), 120))
        return;
    const auto orders
        = backUp(repo(), m_temp->path(QStringLiteral("orders.db")), QStringLiteral("orders"), coffer::Codec::Zstd);
    const auto customers = backUp(
        repo(), m_temp->path(QStringLiteral("customers.db")), QStringLiteral("customers"), coffer::Codec::Gzip);
    if (!orders || !customers)
        return;
    m_orders = *orders;
    m_customers = *customers;
    m_backups << m_orders << m_customers;
    for (int ago = 1; ago <= days; ++ago) {
        const auto copy = cloneBackup(repo(), m_orders, copyTime(ago));
        if (!copy)
            return;
        m_backups << *copy;
        if (ago % 3 == 0) {
            const auto other = cloneBackup(repo(), m_customers, copyTime(ago));
            if (!other)
                return;
            m_backups << *other;
        }
    }
    m_ok = true;
}

bool StorageScenario::writeWorkspace(const QString &file, const QString &retentionYaml) const
{
    QString yaml = QStringLiteral("repositories:\n  - name: local\n    path: %1\n    default: true\n"
                                  "databases:\n  - name: orders\n    path: %2\n  - name: customers\n    path: %3\n")
                       .arg(repo(), m_temp->path(QStringLiteral("orders.db")),
                           m_temp->path(QStringLiteral("customers.db")));
    yaml += retentionYaml;
    QFile out(file);
    return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(yaml.toUtf8()) == yaml.toUtf8().size();
}

} // namespace testsupport
