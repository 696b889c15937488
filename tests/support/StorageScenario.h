#pragma once

#include "TestSupport.h"
#include "backup/Manifest.h"

#include <QDateTime>
#include <QList>

#include <memory>

namespace testsupport {

// A repository with a known storage history, for the storage charts: one real backup of
// `orders` (zstd) and one of `customers` (gzip), made now, then copies of them (cloneBackup) at
// 06:00 UTC on earlier days: orders on each of the `days` days before today, customers on every
// third of them. Every copy of a database has its source's sizes, so each day's bytes are known.
class StorageScenario final
{
public:
    explicit StorageScenario(int days = 20);

    bool isValid() const { return m_ok; }
    QString repo() const { return m_temp->repo(); }
    QString dir() const { return m_temp->dir(); }
    QString path(const QString &name) const { return m_temp->path(name); }
    const coffer::Manifest &orders() const { return m_orders; }
    const coffer::Manifest &customers() const { return m_customers; }
    // Every backup made, sources first.
    const QList<coffer::Manifest> &backups() const { return m_backups; }
    // The instant of the copy `daysAgo` days before today.
    static QDateTime copyTime(int daysAgo);
    // A workspace naming the repository "local", both databases, and `retentionYaml` (a
    // `retention:` block, or empty).
    bool writeWorkspace(const QString &file, const QString &retentionYaml = {}) const;

private:
    std::unique_ptr<TempRepository> m_temp = std::make_unique<TempRepository>();
    coffer::Manifest m_orders;
    coffer::Manifest m_customers;
    QList<coffer::Manifest> m_backups;
    bool m_ok = false;
};

} // namespace testsupport
