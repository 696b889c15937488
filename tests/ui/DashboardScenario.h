#pragma once

// What the dashboard tests share: databases whose health differs (Scenario), a page over
// them, and ways to look at its cards.
#include "CatalogFixture.h"
#include "GeneratedBackups.h"

#include "Session.h"
#include "dashboard/DashboardPage.h"
#include "dashboard/DatabaseCard.h"
#include "dashboard/DatabaseStatusModel.h"
#include "dashboard/HealthBadge.h"
#include "repository/Catalog.h"

#include <QFile>
#include <QHash>
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

namespace dashboardtest {

using coffer::HealthLevel;
using coffer::ui::DashboardPage;
using coffer::ui::DatabaseCard;
using coffer::ui::DatabaseStatusModel;
using coffer::ui::HealthBadge;

// The fixture's orders (two fresh backups) and customers (one), plus databases whose backups are
// real copies made at chosen times: invoices (newest 13 h old, at least twice its 6 h interval),
// payments (8 h old, overdue), ledger (1 h old, its artifact then corrupted) and archive (never
// backed up, and without an interval).
class Scenario final
{
public:
    Scenario()
    {
        if (!m_fixture.isValid())
            return;
        auto repository = coffer::Repository::open(m_fixture.repo());
        if (!repository)
            return;
        auto catalog = coffer::Catalog::open(*repository);
        if (!catalog)
            return;
        auto customers = catalog->backup(m_fixture.ids().at(1));
        if (!customers)
            return;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto clone = [&](const QString &database, int hoursAgo) {
            const auto made = testsupport::cloneBackup(
                m_fixture.repo(), customers->manifest, now.addSecs(-3600 * hoursAgo), database);
            if (made)
                m_newest[database] = *made;
            return made.has_value();
        };
        m_ok = clone(QStringLiteral("invoices"), 37) && clone(QStringLiteral("invoices"), 25)
            && clone(QStringLiteral("invoices"), 13) && clone(QStringLiteral("payments"), 8)
            && clone(QStringLiteral("ledger"), 1)
            && testsupport::flipByte(repository->artifactPath(m_newest.value(QStringLiteral("ledger"))), 40)
            && writeWorkspace(workspacePath());
    }

    bool isValid() const { return m_ok; }
    CatalogFixture &fixture() { return m_fixture; }
    QString workspacePath() const { return m_fixture.path(QStringLiteral("dashboard.yaml")); }
    QString newestId(const QString &database) const
    {
        return database == QStringLiteral("orders") ? m_fixture.ids().at(2) : m_newest.value(database).id;
    }

    bool writeWorkspace(const QString &path, const QString &repositories = {}) const
    {
        QString yaml = repositories.isEmpty()
            ? QStringLiteral("repositories:\n  - name: local\n    path: %1\n    default: true\n").arg(m_fixture.repo())
            : repositories;
        yaml += QStringLiteral("databases:\n  - name: orders\n    path: %1\n  - name: customers\n    path: %2\n"
                               "    group: acme\n")
                    .arg(m_fixture.ordersDb(), m_fixture.customersDb());
        for (const char *name : { "invoices", "payments", "ledger", "archive" })
            yaml += QStringLiteral("  - name: %1\n    path: %2\n")
                        .arg(QLatin1String(name), m_fixture.path(QLatin1String(name) + QStringLiteral(".db")));
        yaml += QStringLiteral("backup:\n  schedules:\n");
        for (const char *name : { "orders", "customers", "invoices", "payments", "ledger" })
            yaml += QStringLiteral("    %1: {interval_hours: 6}\n").arg(QLatin1String(name));
        QFile out(path);
        return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(yaml.toUtf8()) == yaml.toUtf8().size();
    }

private:
    CatalogFixture m_fixture;
    QHash<QString, coffer::Manifest> m_newest;
    bool m_ok = false;
};

// A page showing `workspace`, on screen, after its first load finished.
inline std::unique_ptr<DashboardPage> openPage(const QString &workspace, QSize size = { 1200, 800 })
{
    auto *session = new coffer::ui::Session;
    auto page = std::make_unique<DashboardPage>(session);
    session->setParent(page.get());
    page->resize(size);
    page->show();
    QSignalSpy finished(page.get(), &DashboardPage::loadFinished);
    session->openWorkspace(workspace);
    if (!finished.wait(20000))
        qWarning("the dashboard did not finish loading");
    return page;
}
inline QList<DatabaseCard *> cards(const DashboardPage &page)
{
    return page.findChildren<DatabaseCard *>(QStringLiteral("databaseCard"));
}
inline DatabaseCard *card(const DashboardPage &page, const QString &database)
{
    for (DatabaseCard *card : cards(page))
        if (card->database() == database)
            return card;
    return nullptr;
}
inline QString text(const DatabaseCard *card, const char *label)
{
    const auto *found = card ? card->findChild<QLabel *>(QLatin1String(label)) : nullptr;
    return found ? found->text() : QStringLiteral("<no %1>").arg(QLatin1String(label));
}
inline QString summary(const DashboardPage &page)
{
    return page.findChild<QLabel *>(QStringLiteral("dashboardSummary"))->text();
}

inline void checkHealth(const DashboardPage &page, const QString &database, HealthLevel level, const QString &reason)
{
    const DatabaseCard *shown = card(page, database);
    QVERIFY2(shown, qPrintable(database));
    const HealthBadge *badge = shown->findChild<HealthBadge *>(QStringLiteral("healthBadge"));
    QVERIFY(badge);
    QCOMPARE(badge->level(), level);
    QCOMPARE(badge->word(), DatabaseStatusModel::healthWord(level));
    QCOMPARE(badge->color(), HealthBadge::colorFor(level, badge->palette()));
    QVERIFY2(badge->toolTip().contains(reason), qPrintable(database + QStringLiteral(": ") + badge->toolTip()));
    QCOMPARE(badge->accessibleDescription(), badge->toolTip());
    // The card's description: the health's reasons, then its schedule (and drill) lines.
    QVERIFY2(shown->accessibleDescription().startsWith(badge->toolTip() + QStringLiteral("\nSchedule: ")),
        qPrintable(shown->accessibleDescription()));
}

} // namespace dashboardtest
