#pragma once

// Real data for the GUI tests: sample SQLite databases, a real repository and real backups
// made through the backup pipeline, and workspace files that point at them.
#include "TestSupport.h"

#include "backup/BackupPipeline.h"

#include <QFile>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QTest>

class CatalogFixture final
{
public:
    // Backs up `orders` (zstd), then `customers` (zstd, tagged "nightly"), then `orders` (gzip).
    CatalogFixture()
    {
        if (!m_repo.isValid() || !testsupport::makeSampleDatabase(ordersDb(), 300)
            || !testsupport::makeSampleDatabase(customersDb(), 120))
            return;
        m_ok = backup(ordersDb(), QStringLiteral("orders")) && backup(customersDb(), QStringLiteral("customers"),
                                                                       {QStringLiteral("nightly")})
            && backup(ordersDb(), QStringLiteral("orders"), {}, coffer::Codec::Gzip);
        m_ok = m_ok && writeWorkspace(workspacePath(), {{QStringLiteral("local"), repo()}});
    }

    bool isValid() const { return m_ok; }
    QString dir() const { return m_repo.dir(); }
    QString repo() const { return m_repo.repo(); }
    QString path(const QString &name) const { return m_repo.path(name); }
    QString ordersDb() const { return m_repo.path(QStringLiteral("orders.db")); }
    QString customersDb() const { return m_repo.path(QStringLiteral("customers.db")); }
    QString workspacePath() const { return m_repo.path(QStringLiteral("workspace.yaml")); }
    // Full IDs in the order the backups were made (oldest first).
    const QStringList &ids() const { return m_ids; }

    // One more backup into the fixture's repository; its ID is appended to ids().
    bool backup(const QString &source, const QString &database, const QStringList &tags = {},
                coffer::Codec codec = coffer::Codec::Zstd)
    {
        return backupInto(repo(), source, database, tags, codec);
    }

    bool backupInto(const QString &repository, const QString &source, const QString &database,
                    const QStringList &tags = {}, coffer::Codec codec = coffer::Codec::Zstd)
    {
        coffer::BackupParams params;
        params.repositoryPath = repository;
        params.sourcePath = source;
        params.database = database;
        params.tags = tags;
        params.codec = codec;
        params.level = coffer::defaultLevel(codec);
        const coffer::CancelFlag cancel{false};
        const auto result = coffer::BackupPipeline::run(params, cancel, {});
        if (!result) {
            qWarning("backup failed: %s", qPrintable(result.error().toString()));
            return false;
        }
        m_ids << result->manifest.id;
        return true;
    }

    // Writes a workspace listing `repositories` (name, path) and the two sample databases.
    bool writeWorkspace(const QString &file, const QList<QPair<QString, QString>> &repositories) const
    {
        QString yaml = QStringLiteral("repositories:\n");
        for (qsizetype i = 0; i < repositories.size(); ++i) {
            yaml += QStringLiteral("  - name: %1\n    path: %2\n").arg(repositories[i].first, repositories[i].second);
            if (i == 0)
                yaml += QStringLiteral("    default: true\n");
        }
        yaml += QStringLiteral("databases:\n  - name: orders\n    path: %1\n  - name: customers\n    path: %2\n")
                    .arg(ordersDb(), customersDb());
        QFile out(file);
        return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(yaml.toUtf8()) == yaml.toUtf8().size();
    }

private:
    testsupport::TempRepository m_repo;
    QStringList m_ids;
    bool m_ok = false;
};
