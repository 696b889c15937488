#pragma once

// What the catalog page tests share: a page over a workspace, loaded, and ways to look into it.
#include "CatalogFixture.h"
#include "GeneratedBackups.h"

#include "Session.h"
#include "catalog/BackupTableModel.h"
#include "catalog/CatalogPage.h"
#include "repository/Catalog.h"
#include "repository/Repository.h"
#include "verify/VerifyJob.h"

#include <QAbstractItemModel>
#include <QFile>
#include <QMap>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

namespace catalogtest {

// The page saves its layout with QSettings when it is destroyed: keep that out of the user's settings.
inline void isolateSettings(const QTemporaryDir &dir)
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    QSettings().clear();
}

// A page showing `workspace`, shown on screen, after its first load finished.
inline std::unique_ptr<coffer::ui::CatalogPage> openPage(const QString &workspace)
{
    auto *session = new coffer::ui::Session;
    auto page = std::make_unique<coffer::ui::CatalogPage>(session);
    session->setParent(page.get());
    page->resize(1200, 700);
    page->show();
    QSignalSpy finished(page.get(), &coffer::ui::CatalogPage::loadFinished);
    session->openWorkspace(workspace);
    if (!finished.wait(20000))
        qWarning("the catalog did not finish loading");
    return page;
}

inline QTableView *table(QWidget &page)
{
    return page.findChild<QTableView *>(QStringLiteral("backupTable"));
}

// The full IDs of the rows shown, top to bottom.
inline QStringList idsShown(QWidget &page)
{
    QStringList ids;
    const QAbstractItemModel *model = table(page)->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(coffer::ui::BackupTableModel::BackupIdRole).toString();
    return ids;
}

// Verifies backups of `repository` quickly and records the outcomes, as the console's Verify does.
inline bool verify(
    const QString &repository, const QStringList &ids, coffer::VerifyLevel level = coffer::VerifyLevel::Quick)
{
    coffer::VerifyParams params;
    params.repositoryPath = repository;
    params.ids = ids;
    params.level = level;
    const coffer::CancelFlag cancel{ false };
    const auto outcomes = coffer::VerifyJob::verifyAll(params, cancel, {});
    if (!outcomes)
        qWarning("verify failed: %s", qPrintable(outcomes.error().toString()));
    return outcomes.has_value();
}

// Changes one byte of a backup's artifact, as a failing disk would.
inline bool damageArtifact(const QString &repository, const coffer::Manifest &manifest)
{
    auto repo = coffer::Repository::open(repository);
    if (!repo)
        return false;
    QFile file(repo->artifactPath(manifest));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(file.size() / 2))
        return false;
    const char byte = file.peek(1).at(0);
    return file.putChar(char(byte ^ 0x5a));
}

// Seven backups to filter and sort, by label: the fixture's three, all made now ("o1" orders,
// "c1" customers tagged nightly, "o2" orders in gzip), and four copies of o1 with other
// databases, groups, triggers, tags and times:
//   A  billing  group acme    scheduled      2024-03-10 12:00 UTC  tag monthly, pinned; passed a quick verification
//   B  billing  group globex  manual         2024-03-20 12:00 UTC
//   C  orders   group acme    pre-migration  2024-04-05 12:00 UTC  tag release-42
//   D  ledger   group globex  scheduled      2024-02-01 12:00 UTC  failed a quick verification (a damaged byte)
inline std::optional<QMap<QString, QString>> addVariedBackups(const CatalogFixture &fixture)
{
    QMap<QString, QString> ids{ { QStringLiteral("o1"), fixture.ids().at(0) },
        { QStringLiteral("c1"), fixture.ids().at(1) }, { QStringLiteral("o2"), fixture.ids().at(2) } };
    auto repo = coffer::Repository::open(fixture.repo());
    if (!repo)
        return std::nullopt;
    auto catalog = coffer::Catalog::open(*repo);
    if (!catalog)
        return std::nullopt;
    const auto source = catalog->backup(fixture.ids().at(0));
    if (!source)
        return std::nullopt;
    struct Copy {
        QString label, database, group, trigger, created;
        QStringList tags;
        bool pinned = false;
    };
    const QList<Copy> copies{
        { QStringLiteral("A"), QStringLiteral("billing"), QStringLiteral("acme"), QStringLiteral("scheduled"),
            QStringLiteral("2024-03-10T12:00:00Z"), { QStringLiteral("monthly") }, true },
        { QStringLiteral("B"), QStringLiteral("billing"), QStringLiteral("globex"), QStringLiteral("manual"),
            QStringLiteral("2024-03-20T12:00:00Z"), {} },
        { QStringLiteral("C"), QStringLiteral("orders"), QStringLiteral("acme"), QStringLiteral("pre-migration"),
            QStringLiteral("2024-04-05T12:00:00Z"), { QStringLiteral("release-42") } },
        { QStringLiteral("D"), QStringLiteral("ledger"), QStringLiteral("globex"), QStringLiteral("scheduled"),
            QStringLiteral("2024-02-01T12:00:00Z"), {} },
    };
    std::optional<coffer::Manifest> damaged;
    for (const Copy &copy : copies) {
        const auto made = testsupport::cloneBackup(fixture.repo(), source->manifest,
            QDateTime::fromString(copy.created, Qt::ISODate), copy.database, copy.group, [&copy](coffer::Manifest &m) {
                m.trigger = copy.trigger;
                m.tags = copy.tags;
                m.pinned = copy.pinned;
            });
        if (!made)
            return std::nullopt;
        ids.insert(copy.label, made->id);
        if (copy.label == QStringLiteral("D"))
            damaged = made;
    }
    if (!verify(fixture.repo(), { ids.value(QStringLiteral("A")) }) || !damageArtifact(fixture.repo(), *damaged)
        || !verify(fixture.repo(), { ids.value(QStringLiteral("D")) }))
        return std::nullopt;
    return ids;
}

} // namespace catalogtest
