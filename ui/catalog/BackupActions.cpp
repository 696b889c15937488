#include "catalog/BackupActions.h"

#include "DisplayFormat.h"
#include "Session.h"
#include "UiResources.h"
#include "catalog/DrillFormat.h"
#include "drill/DrillJob.h"
#include "health/DatabaseHealth.h"
#include "repository/DeleteJob.h"
#include "repository/DeletionWarnings.h"
#include "retention/PinJob.h"
#include "verify/VerifyJob.h"
#include "widgets/Question.h"
#include "workspace/WorkspaceJobs.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QIcon>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace coffer::ui {

namespace {

constexpr int kLockWaitMs = 30000;
// Backups named one per line in a confirmation; the rest are counted, and listed under its details.
constexpr int kListedInQuestion = 8;

QAction *makeAction(QObject *parent, const QString &icon, const QString &text, const QString &toolTip,
    const QKeySequence &shortcut, const QString &objectName)
{
    auto *action = new QAction(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), text, parent);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    // Only while the page holding the actions has the focus: elsewhere Delete and Ctrl+C are not ours.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(shortcut.isEmpty()
            ? toolTip
            : QStringLiteral("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
    action->setStatusTip(toolTip);
    action->setEnabled(false);
    return action;
}

QAction *separator(QObject *parent)
{
    auto *action = new QAction(parent);
    action->setSeparator(true);
    return action;
}

// "orders, created 2024-05-01 10:00:00 (1a2b3c4d, 1.2 MiB)"
QString describe(const BackupRow &row)
{
    const Manifest &m = row.entry.manifest;
    return BackupActions::tr("%1, created %2 (%3, %4)")
        .arg(m.database, DisplayFormat::localTime(m.created), m.shortId(), DisplayFormat::size(m.artifactSize));
}

QStringList shortIds(const QList<CatalogEntry> &entries)
{
    QStringList ids;
    for (const CatalogEntry &entry : entries)
        ids << entry.manifest.shortId();
    return ids;
}

QStringList idsOf(const QList<BackupRow> &rows)
{
    QStringList ids;
    for (const BackupRow &row : rows)
        ids << row.entry.manifest.id;
    return ids;
}

// For each repository (its folder: the full ids to delete), what the deletion loses beyond the
// backups themselves. Runs off the GUI thread.
QStringList deletionWarningsOf(const QMap<QString, QStringList> &idsByRepository)
{
    QStringList warnings;
    for (auto it = idsByRepository.cbegin(); it != idsByRepository.cend(); ++it) {
        auto repository = Repository::open(it.key());
        auto catalog = repository ? Catalog::open(*repository) : Result<Catalog>(std::unexpected(repository.error()));
        auto entries = catalog ? catalog->backups() : Result<QList<CatalogEntry>>(std::unexpected(catalog.error()));
        if (!entries) {
            warnings << BackupActions::tr("the other backups in %1 could not be read (%2), so what else is lost is "
                                          "not known")
                            .arg(it.key(), entries.error().message);
            continue;
        }
        warnings << deletionWarnings(*entries, it.value());
    }
    return warnings;
}

// The failure of a job that did not run to its end, for a message.
QString whyNot(const Job &job)
{
    if (job.state() == Job::State::Cancelled)
        return BackupActions::tr("%1: cancelled").arg(job.title());
    return BackupActions::tr("%1: %2").arg(job.title(), job.error().message);
}

} // namespace

BackupActions::BackupActions(Session *session, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_dialogParent(dialogParent)
{
    initResources();
    m_verifyQuick = makeAction(this, QStringLiteral("verify"), tr("&Verify (Quick)"),
        tr("Verify the selected backups quickly: their checksums against their manifests"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), QStringLiteral("verifyQuickAction"));
    m_verifyFull = makeAction(this, QStringLiteral("verify"), tr("Verify (&Full)"),
        tr("Verify the selected backups fully: decode each one and check the database inside"),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_V), QStringLiteral("verifyFullAction"));
    m_drill = makeAction(this, QStringLiteral("verify"), tr("Run Restore &Drill"),
        tr("Restore the selected backups into a scratch folder, verify them, run their smoke queries and time "
           "them; the live databases are not touched"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), QStringLiteral("drillAction"));
    m_restore = makeAction(this, QStringLiteral("restore"), tr("&Restore…"),
        tr("Restore the selected backup, after checking the target and the backup"), QKeySequence(Qt::CTRL | Qt::Key_R),
        QStringLiteral("restoreAction"));
    m_pin = makeAction(this, QStringLiteral("pin"), tr("&Pin"),
        tr("Pin the selected backups: every prune keeps them, and delete refuses them"),
        QKeySequence(Qt::CTRL | Qt::Key_P), QStringLiteral("pinAction"));
    m_unpin = makeAction(this, QStringLiteral("unpin"), tr("&Unpin"),
        tr("Unpin the selected backups: the retention policy decides again whether they are kept"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), QStringLiteral("unpinAction"));
    m_delete = makeAction(this, QStringLiteral("delete"), tr("&Delete…"),
        tr("Delete the selected backups for good, after a confirmation"), QKeySequence(QKeySequence::Delete),
        QStringLiteral("deleteAction"));
    m_copyId = makeAction(this, QStringLiteral("copy"), tr("&Copy ID"),
        tr("Copy the full IDs of the selected backups, one per line"), QKeySequence(QKeySequence::Copy),
        QStringLiteral("copyIdAction"));
    m_actions = { m_verifyQuick, m_verifyFull, m_drill, separator(this), m_restore, separator(this), m_pin, m_unpin,
        m_delete, separator(this), m_copyId };

    connect(m_verifyQuick, &QAction::triggered, this, [this] { verify(false); });
    connect(m_verifyFull, &QAction::triggered, this, [this] { verify(true); });
    connect(m_drill, &QAction::triggered, this, &BackupActions::drill);
    connect(m_restore, &QAction::triggered, this, &BackupActions::openRestore);
    connect(m_pin, &QAction::triggered, this, [this] { setPinned(true); });
    connect(m_unpin, &QAction::triggered, this, [this] { setPinned(false); });
    connect(m_delete, &QAction::triggered, this, &BackupActions::confirmDelete);
    connect(m_copyId, &QAction::triggered, this, &BackupActions::copyIds);
}

BackupActions::~BackupActions() = default;

void BackupActions::setSelection(const QList<BackupRow> &rows)
{
    m_rows = rows;
    if (m_rows.isEmpty())
        ++m_askGeneration; // nothing is shown any more: a question still being prepared is not asked
    updateActions();
}

QList<QAction *> BackupActions::actions() const
{
    return m_actions;
}

void BackupActions::updateActions()
{
    const bool any = !m_rows.isEmpty();
    bool deleting = false;
    bool pinning = false;
    bool somePinned = false;
    bool someUnpinned = false;
    for (const BackupRow &row : std::as_const(m_rows)) {
        deleting = deleting || m_deleting.contains(row.entry.manifest.id);
        pinning = pinning || m_pinning.contains(row.entry.manifest.id);
        (row.entry.manifest.pinned ? somePinned : someUnpinned) = true;
    }
    // A backup on its way out can be neither verified, restored, pinned nor deleted again.
    m_verifyQuick->setEnabled(any && !deleting);
    m_verifyFull->setEnabled(any && !deleting);
    m_drill->setEnabled(any && !deleting);
    m_restore->setEnabled(m_rows.size() == 1 && !deleting);
    m_pin->setEnabled(someUnpinned && !deleting && !pinning);
    m_unpin->setEnabled(somePinned && !deleting && !pinning);
    m_delete->setEnabled(any && !deleting);
    m_copyId->setEnabled(any);
}

std::optional<QMap<QString, QList<BackupRow>>> BackupActions::byRepository(const QList<BackupRow> &rows)
{
    QMap<QString, QList<BackupRow>> groups;
    const std::optional<Workspace> &workspace = m_session->workspace();
    for (const BackupRow &row : rows) {
        // The folder the row was read from; else the workspace's, for a row that names only its repository.
        QString path = row.repositoryPath;
        if (path.isEmpty())
            if (const auto repository = workspace ? workspace->repository(row.repository) : std::nullopt)
                path = repository->path;
        if (path.isEmpty()) {
            Q_EMIT message(
                tr("The repository “%1” is no longer in the workspace; reload the catalog (F5)").arg(row.repository),
                MessageBar::Type::Error);
            return std::nullopt;
        }
        groups[path] << row;
    }
    return groups;
}

void BackupActions::submitAll(const QList<std::shared_ptr<Job>> &jobs, std::function<void(const QList<Job *> &)> done)
{
    struct Batch {
        QList<std::shared_ptr<Job>> jobs;
        qsizetype remaining = 0;
        std::function<void(const QList<Job *> &)> done;
    };
    auto batch = std::make_shared<Batch>(Batch{ jobs, jobs.size(), std::move(done) });
    for (const auto &job : jobs) {
        // Connected before the job is queued, so even a job that ends at once is seen ending.
        connect(job.get(), &Job::finished, this, [batch] {
            if (--batch->remaining > 0)
                return;
            QList<Job *> finished;
            for (const auto &each : std::as_const(batch->jobs))
                finished << each.get();
            batch->done(finished);
            batch->jobs.clear(); // the jobs hold this lambda: let go of them
        });
        m_session->submit(job);
    }
}

void BackupActions::verify(bool full)
{
    const auto groups = byRepository(m_rows);
    if (!groups || groups->isEmpty())
        return;
    const std::optional<Workspace> &workspace = m_session->workspace();
    const Credentials credentials = workspace ? workspacejobs::credentials(*workspace) : Credentials{};
    QList<std::shared_ptr<Job>> jobs;
    for (auto it = groups->cbegin(); it != groups->cend(); ++it) {
        VerifyParams params;
        params.repositoryPath = it.key();
        params.ids = idsOf(it.value());
        params.level = full ? VerifyLevel::Full : VerifyLevel::Quick;
        params.credentials = credentials;
        params.lockWaitMs = kLockWaitMs;
        jobs << std::make_shared<VerifyJob>(params);
    }
    submitAll(jobs, [this, full](const QList<Job *> &finished) {
        int passed = 0;
        QStringList failed;
        QStringList notRun;
        for (Job *job : finished) {
            if (job->state() != Job::State::Succeeded) {
                notRun << whyNot(*job);
                continue;
            }
            for (const VerifyOutcome &outcome : static_cast<VerifyJob *>(job)->outcomes()) {
                if (outcome.ok()) {
                    ++passed;
                    continue;
                }
                QStringList checks;
                for (const CheckResult &check : outcome.failedChecks())
                    checks << tr("%1 (%2)").arg(check.name, check.detail);
                failed << tr("%1 of %2 failed %3")
                              .arg(outcome.backupId.left(8), outcome.database, checks.join(QStringLiteral(", ")));
            }
        }
        // Whole sentences: a translation may order the counts as its language wants.
        const int failedCount = int(failed.size());
        QStringList text;
        if (failedCount == 0)
            text << (full ? tr("Full verification: %n passed", nullptr, passed)
                          : tr("Quick verification: %n passed", nullptr, passed));
        else
            text << (full ? tr("Full verification: %1 passed, %2 failed").arg(passed).arg(failedCount)
                          : tr("Quick verification: %1 passed, %2 failed").arg(passed).arg(failedCount));
        text << failed;
        if (!notRun.isEmpty())
            text << tr("Could not verify: %1").arg(notRun.join(QStringLiteral("; ")));
        Q_EMIT message(text.join(QStringLiteral(". ")) + QLatin1Char('.'),
            failed.isEmpty() && notRun.isEmpty() ? MessageBar::Type::Information : MessageBar::Type::Error);
    });
}

void BackupActions::drill()
{
    const std::optional<Workspace> &workspace = m_session->workspace();
    if (!workspace) {
        Q_EMIT message(tr("No drill was run: the workspace, which holds the smoke queries, is not loaded."),
            MessageBar::Type::Error);
        return;
    }
    const auto groups = byRepository(m_rows);
    if (!groups || groups->isEmpty())
        return;
    QList<std::shared_ptr<Job>> jobs;
    for (auto it = groups->cbegin(); it != groups->cend(); ++it) {
        DrillParams params;
        params.repositoryPath = it.key();
        params.ids = idsOf(it.value());
        params.workspace = *workspace;
        params.credentials = workspacejobs::credentials(*workspace);
        jobs << std::make_shared<DrillJob>(params);
    }
    submitAll(jobs, [this](const QList<Job *> &finished) {
        QStringList rtos;
        QStringList failed;
        QStringList notRun;
        for (Job *job : finished) {
            if (job->state() != Job::State::Succeeded)
                notRun << whyNot(*job);
            for (const DrillOutcome &outcome : static_cast<DrillJob *>(job)->outcomes()) {
                if (outcome.ok())
                    rtos << DatabaseHealth::describeRto(outcome.rtoMs);
                else
                    failed << DrillFormat::failure(outcome);
            }
        }
        // Whole sentences: a translation may order the counts as its language wants.
        const int passed = int(rtos.size());
        const int failedCount = int(failed.size());
        const QString rtoList = rtos.join(QStringLiteral(", "));
        QStringList text;
        if (failedCount == 0 && passed == 0)
            text << tr("Restore drill: no backup was drilled");
        else if (failedCount == 0)
            text << tr("Restore drill: %n passed (RTO %1)", nullptr, passed).arg(rtoList);
        else if (passed == 0)
            text << tr("Restore drill: %n failed", nullptr, failedCount);
        else
            text << tr("Restore drill: %1 passed (RTO %2), %3 failed").arg(passed).arg(rtoList).arg(failedCount);
        text << failed;
        if (!notRun.isEmpty())
            text << tr("Could not drill: %1").arg(notRun.join(QStringLiteral("; ")));
        Q_EMIT message(text.join(QStringLiteral(". ")) + QLatin1Char('.'),
            failed.isEmpty() && notRun.isEmpty() ? MessageBar::Type::Information : MessageBar::Type::Error);
    });
}

void BackupActions::openRestore()
{
    if (m_rows.size() != 1)
        return;
    const auto groups = byRepository(m_rows);
    if (!groups)
        return;
    const Manifest &manifest = m_rows.first().entry.manifest;
    Q_EMIT restoreRequested(RestoreRequest{ groups->firstKey(), manifest.id, manifest.database });
}

void BackupActions::setPinned(bool pinned)
{
    QList<BackupRow> rows;
    for (const BackupRow &row : std::as_const(m_rows))
        if (row.entry.manifest.pinned != pinned)
            rows << row;
    const auto groups = byRepository(rows);
    if (!groups || groups->isEmpty())
        return;
    QList<std::shared_ptr<Job>> jobs;
    for (auto it = groups->cbegin(); it != groups->cend(); ++it)
        jobs << std::make_shared<PinJob>(PinParams{
            .repositoryPath = it.key(), .ids = idsOf(it.value()), .pinned = pinned, .lockWaitMs = kLockWaitMs });
    const QStringList ids = idsOf(rows);
    for (const QString &id : ids)
        m_pinning.insert(id);
    updateActions();
    submitAll(jobs, [this, pinned, ids](const QList<Job *> &finished) {
        for (const QString &id : ids)
            m_pinning.remove(id);
        updateActions();
        QList<CatalogEntry> changedEntries;
        QStringList notRun;
        for (Job *job : finished) {
            for (const Pinning::Change &change : static_cast<PinJob *>(job)->changes())
                if (change.changed)
                    changedEntries << change.backup;
            if (job->state() != Job::State::Succeeded)
                notRun << whyNot(*job);
        }
        const int changed = int(changedEntries.size());
        if (!notRun.isEmpty()) {
            // Pins are changed one by one: the ones changed before a failure (or in another repository) stay so.
            QString done;
            if (changed > 0)
                done = QLatin1Char(' ')
                    + (pinned ? tr("Still, %n backup(s) were pinned (%1) and stay pinned.", nullptr, changed)
                              : tr("Still, %n backup(s) were unpinned (%1) and stay unpinned.", nullptr, changed))
                          .arg(shortIds(changedEntries).join(QStringLiteral(", ")));
            Q_EMIT message(notRun.join(QStringLiteral("; ")) + QLatin1Char('.') + done, MessageBar::Type::Error);
            return;
        }
        Q_EMIT message(pinned
                ? tr("Pinned %n backup(s): every prune keeps them until they are unpinned.", nullptr, changed)
                : tr("Unpinned %n backup(s): the retention policy decides again whether they are kept.", nullptr,
                    changed),
            MessageBar::Type::Information);
    });
}

void BackupActions::confirmDelete()
{
    QList<BackupRow> doomed;
    QList<CatalogEntry> pinned;
    QStringList lines;
    for (const BackupRow &row : std::as_const(m_rows)) {
        if (row.entry.manifest.pinned) {
            pinned << row.entry;
            lines << tr("%1 — pinned, kept").arg(describe(row));
            continue;
        }
        doomed << row;
        lines << describe(row);
    }
    if (doomed.isEmpty()) {
        if (!pinned.isEmpty())
            Q_EMIT message(tr("Pinned backups are not deleted (%1); unpin them first.")
                               .arg(shortIds(pinned).join(QStringLiteral(", "))),
                MessageBar::Type::Warning);
        return;
    }
    const auto groups = byRepository(doomed);
    if (!groups || groups->isEmpty())
        return;

    // What the deletion loses (a database's last backup, its newest verified one) depends on the
    // repositories' other backups: read off the GUI thread, then asked.
    QMap<QString, QStringList> idsByRepository;
    for (auto it = groups->cbegin(); it != groups->cend(); ++it)
        idsByRepository.insert(it.key(), idsOf(it.value()));
    const quint64 generation = ++m_askGeneration;
    const QString workspacePath = m_session->workspacePath();
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcher<QStringList>::finished, this,
        [this, watcher, generation, workspacePath, groups = *groups, pinned, lines] {
            watcher->deleteLater();
            // A second Delete since, or another workspace: this question is no longer the one to ask.
            if (generation != m_askGeneration || !stillInWorkspace(workspacePath, groups))
                return;
            askDelete(groups, pinned, lines, watcher->result(), workspacePath);
        });
    watcher->setFuture(QtConcurrent::run(&deletionWarningsOf, idsByRepository));
}

void BackupActions::askDelete(const QMap<QString, QList<BackupRow>> &groups, const QList<CatalogEntry> &pinned,
    const QStringList &lines, const QStringList &warnings, const QString &workspacePath)
{
    QList<BackupRow> doomed;
    QStringList repositories;
    qint64 bytes = 0;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        repositories << tr("the repository “%1” (%2)").arg(it.value().first().repository, it.key());
        for (const BackupRow &row : it.value()) {
            doomed << row;
            bytes += row.entry.manifest.artifactSize;
        }
    }
    Question question;
    question.title = tr("Delete Backups");
    const int n = int(doomed.size());
    const QString from = repositories.join(QStringLiteral(", "));
    if (n == 1) {
        question.text = tr("Delete the backup of %1 from %2?").arg(describe(doomed.first()), from);
    } else {
        QStringList listed;
        for (const BackupRow &row : std::as_const(doomed).first(std::min(n, kListedInQuestion)))
            listed << describe(row);
        if (n > kListedInQuestion)
            listed << tr("and %n more", nullptr, n - kListedInQuestion);
        question.text
            = tr("Delete %n backup(s), %1 in total, from %2?", nullptr, n).arg(DisplayFormat::size(bytes), from)
            + QStringLiteral("\n\n") + listed.join(QLatin1Char('\n'));
    }
    QStringList informative;
    for (const QString &warning : warnings)
        informative << tr("Warning: %1.").arg(warning);
    informative << tr("The artifacts, manifests and catalog entries are removed for good; this cannot be undone.");
    if (!pinned.isEmpty())
        informative.last() += QLatin1Char(' ')
            + tr("%n pinned backup(s) (%1) will be refused and kept.", nullptr, int(pinned.size()))
                  .arg(shortIds(pinned).join(QStringLiteral(", ")));
    question.informative = informative.join(QStringLiteral("\n\n"));
    question.detail = lines.join(QLatin1Char('\n'));
    question.acceptText = tr("Delete %n Backup(s)", nullptr, n);
    ask(m_dialogParent, question, [this, groups, workspacePath](bool accepted) {
        // The rows were those of the workspace open when the question was asked; it may have changed meanwhile.
        if (accepted && stillInWorkspace(workspacePath, groups))
            remove(groups);
    });
}

bool BackupActions::stillInWorkspace(const QString &workspacePath, const QMap<QString, QList<BackupRow>> &groups)
{
    if (m_session->workspacePath() != workspacePath) {
        Q_EMIT message(tr("Nothing was deleted: another workspace was opened meanwhile. Select the backups again."),
            MessageBar::Type::Warning);
        return false;
    }
    const std::optional<Workspace> &workspace = m_session->workspace();
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        const QString &name = it.value().first().repository;
        const auto repository = workspace ? workspace->repository(name) : std::nullopt;
        if (!repository || QDir::cleanPath(repository->path) != QDir::cleanPath(it.key())) {
            Q_EMIT message(tr("Nothing was deleted: the repository “%1” (%2) is no longer in the workspace. Select "
                              "the backups again.")
                               .arg(name, it.key()),
                MessageBar::Type::Warning);
            return false;
        }
    }
    return true;
}

void BackupActions::remove(const QMap<QString, QList<BackupRow>> &groups)
{
    QList<std::shared_ptr<Job>> jobs;
    QStringList ids;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        jobs << std::make_shared<DeleteJob>(DeleteParams{ .repositoryPath = it.key(),
            .ids = idsOf(it.value()),
            .reason = QStringLiteral("deleted by hand in the Coffer console"),
            .lockWaitMs = kLockWaitMs });
        ids << idsOf(it.value());
    }
    for (const QString &id : ids)
        m_deleting.insert(id);
    updateActions();
    submitAll(jobs, [this, ids](const QList<Job *> &finished) {
        for (const QString &id : ids)
            m_deleting.remove(id);
        updateActions();
        int deleted = 0;
        qint64 freed = 0;
        QList<CatalogEntry> refused;
        QStringList notRun;
        for (Job *job : finished) {
            const DeleteResult &result = static_cast<DeleteJob *>(job)->result();
            deleted += int(result.deleted.size());
            freed += result.freedBytes;
            refused << result.refused;
            // Refusals and failed deletions are named below; any other end is the job's own.
            if (job->state() != Job::State::Succeeded && result.failures.isEmpty()
                && (result.refused.isEmpty() || result.cancelled))
                notRun << whyNot(*job);
            for (const DeleteFailure &failure : result.failures)
                notRun << tr("%1: %2").arg(failure.backup.manifest.shortId(), failure.error.toString());
        }
        QStringList text;
        if (deleted > 0)
            text << tr("Deleted %n backup(s), %1 freed", nullptr, deleted).arg(DisplayFormat::size(freed));
        if (!refused.isEmpty())
            text << tr("%n pinned backup(s) kept (%1); unpin them first", nullptr, int(refused.size()))
                        .arg(shortIds(refused).join(QStringLiteral(", ")));
        text << notRun;
        Q_EMIT message(text.join(QStringLiteral(". ")) + QLatin1Char('.'),
            !notRun.isEmpty()        ? MessageBar::Type::Error
                : !refused.isEmpty() ? MessageBar::Type::Warning
                                     : MessageBar::Type::Information);
    });
}

void BackupActions::copyIds()
{
    if (m_rows.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(idsOf(m_rows).join(QLatin1Char('\n')));
}

} // namespace coffer::ui
