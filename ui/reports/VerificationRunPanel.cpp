#include "reports/VerificationRunPanel.h"

#include "DisplayFormat.h"
#include "ReportPdf.h"
#include "Session.h"
#include "reports/RunResultModel.h"
#include "verify/VerifyJob.h"
#include "widgets/MessageBar.h"
#include "workspace/WorkspaceJobs.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {

// One repository's share of a finished run, handed to the report builder off the GUI thread.
struct FinishedRun {
    QString repository;
    QString path;
    QList<VerifyOutcome> outcomes;
    QString error;
};

Result<QList<CatalogEntry>> backupsInScope(const QString &repositoryName, const QString &path, const RunScope &scope)
{
    auto repository = Repository::open(path);
    if (!repository)
        return std::unexpected(repository.error());
    auto catalog = Catalog::open(*repository);
    if (!catalog)
        return std::unexpected(catalog.error());
    if (scope.kind != RunScope::Kind::Selection)
        return catalog->backups(scope.kind == RunScope::Kind::Database ? scope.database : QString());
    QList<CatalogEntry> entries;
    for (const QString &id : scope.selection.value(repositoryName))
        if (auto entry = catalog->backup(id))
            entries << *entry;
    return entries;
}

VerificationRunReport buildReport(
    const QList<FinishedRun> &finished, const RunScope &scope, const QString &level, const QDateTime &started)
{
    QList<ReportRepositoryRun> runs;
    for (const FinishedRun &run : finished) {
        ReportRepositoryRun part{ run.repository, {}, run.outcomes, run.error };
        if (run.error.isEmpty()) {
            if (auto backups = backupsInScope(run.repository, run.path, scope))
                part.backups = *backups;
            else
                part.error = backups.error().toString();
        }
        runs << part;
    }
    ReportScope kind = ReportScope::Workspace;
    QString label;
    switch (scope.kind) {
    case RunScope::Kind::All:
        break;
    case RunScope::Kind::Repository:
        kind = ReportScope::Repository;
        label = scope.repository;
        break;
    case RunScope::Kind::Database:
        kind = ReportScope::Database;
        label = scope.database;
        break;
    case RunScope::Kind::Selection: {
        const QStringList ids = scope.selection.size() == 1 ? scope.selection.first() : QStringList();
        kind = ids.size() == 1 ? ReportScope::Backup : ReportScope::Selection;
        label = ids.size() == 1 ? ids.first() : QString();
        break;
    }
    }
    return VerificationRunReport::make(kind, label, level, started, QDateTime::currentDateTimeUtc(), runs);
}

} // namespace

VerificationRunPanel::VerificationRunPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new RunResultModel(this))
    , m_message(new MessageBar(this))
    , m_level(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_runButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_runSummary(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_exportJson(new QPushButton(this))
    , m_exportHtml(new QPushButton(this))
    , m_exportPdf(new QPushButton(this))
{
    setObjectName(QStringLiteral("verificationRunPanel"));
    m_message->setObjectName(QStringLiteral("verifyMessageBar"));

    auto *levelLabel = new QLabel(tr("&Level:"), this);
    levelLabel->setBuddy(m_level);
    m_level->setObjectName(QStringLiteral("levelCombo"));
    m_level->setAccessibleName(tr("Verification level"));
    m_level->addItem(tr("Quick (checksums)"), int(VerifyLevel::Quick));
    m_level->addItem(tr("Full (restore and check)"), int(VerifyLevel::Full));
    auto *scopeLabel = new QLabel(tr("S&cope:"), this);
    scopeLabel->setBuddy(m_scope);
    m_scope->setObjectName(QStringLiteral("scopeCombo"));
    m_scope->setAccessibleName(tr("What to verify"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_runButton->setObjectName(QStringLiteral("runVerificationButton"));
    m_runButton->setText(tr("&Verify"));
    m_runButton->setIcon(QIcon(QStringLiteral(":/icons/verify.svg")));
    m_runButton->setAccessibleName(tr("Run the verification"));
    connect(m_runButton, &QPushButton::clicked, this, &VerificationRunPanel::runChosen);
    m_cancelButton->setObjectName(QStringLiteral("cancelRunButton"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    m_cancelButton->setAccessibleName(tr("Cancel the verification"));
    connect(m_cancelButton, &QPushButton::clicked, this, &VerificationRunPanel::cancel);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setAccessibleName(tr("Verification progress"));
    m_progress->setTextVisible(true);

    const auto setUpExport = [this](QPushButton *button, const QString &name, const QString &text,
                                 const QString &suffix, const QString &filter) {
        button->setObjectName(name);
        button->setText(text);
        button->setAccessibleName(text);
        connect(button, &QPushButton::clicked, this, [this, suffix, filter] { askExportPath(suffix, filter); });
    };
    setUpExport(m_exportJson, QStringLiteral("exportJsonButton"), tr("Export &JSON…"), QStringLiteral("json"),
        tr("JSON report (*.json)"));
    setUpExport(m_exportHtml, QStringLiteral("exportHtmlButton"), tr("Export &HTML…"), QStringLiteral("html"),
        tr("HTML report (*.html)"));
    setUpExport(m_exportPdf, QStringLiteral("exportPdfButton"), tr("Export &PDF…"), QStringLiteral("pdf"),
        tr("PDF report (*.pdf)"));

    m_runSummary->setObjectName(QStringLiteral("runSummaryLabel"));
    m_runSummary->setWordWrap(true);
    m_runSummary->setTextFormat(Qt::PlainText);
    m_runSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runSummary->setText(tr("Choose a level and a scope, then Verify. The result shows here, one row per backup "
                             "(expand it for its checks), and can be exported for an audit."));

    m_view->setObjectName(QStringLiteral("runResultView"));
    m_view->setAccessibleName(tr("Result of the verification"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->setVisible(false);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(RunResultModel::BackupIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT backupActivated(id);
    });

    auto *controls = new QHBoxLayout;
    controls->addWidget(levelLabel);
    controls->addWidget(m_level);
    controls->addWidget(scopeLabel);
    controls->addWidget(m_scope, 1);
    controls->addWidget(m_runButton);
    controls->addWidget(m_cancelButton);
    controls->addWidget(m_progress, 1);
    auto *exports = new QHBoxLayout;
    exports->addWidget(m_runSummary, 1);
    exports->addWidget(m_exportJson, 0, Qt::AlignTop);
    exports->addWidget(m_exportHtml, 0, Qt::AlignTop);
    exports->addWidget(m_exportPdf, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addLayout(controls);
    layout->addLayout(exports);
    layout->addWidget(m_view, 1);
    setTabOrder(m_level, m_scope);
    setTabOrder(m_scope, m_runButton);
    updateScopes();
}

// The loads' destructors wait for work still running; that work touches no member.
VerificationRunPanel::~VerificationRunPanel() = default;

void VerificationRunPanel::updateScopes()
{
    m_scopes.clear();
    m_scope->clear();
    const std::optional<Workspace> &workspace = m_session->workspace();
    if (workspace) {
        m_scopes << RunScope{};
        m_scope->addItem(tr("All repositories"));
        for (const RepositoryEntry &repository : workspace->repositories()) {
            m_scopes << RunScope{ RunScope::Kind::Repository, repository.name, {}, {} };
            m_scope->addItem(tr("Repository “%1”").arg(repository.name));
        }
        for (const DatabaseEntry &database : workspace->databases()) {
            m_scopes << RunScope{ RunScope::Kind::Database, {}, database.name, {} };
            m_scope->addItem(tr("Database “%1”").arg(database.name));
        }
        int selected = 0;
        for (const QStringList &ids : std::as_const(m_catalogSelection))
            selected += int(ids.size());
        if (selected > 0) {
            m_scopes << RunScope{ RunScope::Kind::Selection, {}, {}, m_catalogSelection };
            m_scope->addItem(tr("%n backup(s) selected in the catalog", nullptr, selected));
        }
    }
    updateControls();
}

void VerificationRunPanel::setCatalogSelection(const QMap<QString, QStringList> &selection)
{
    if (selection == m_catalogSelection)
        return;
    // Keeps the user's choice unless it was the selection that changed.
    const int chosen = m_scope->currentIndex();
    const bool wasSelection
        = chosen >= 0 && chosen < m_scopes.size() && m_scopes.at(chosen).kind == RunScope::Kind::Selection;
    m_catalogSelection = selection;
    updateScopes();
    if (!wasSelection && chosen >= 0 && chosen < m_scope->count())
        m_scope->setCurrentIndex(chosen);
    else if (wasSelection && !selection.isEmpty())
        m_scope->setCurrentIndex(m_scope->count() - 1);
}

void VerificationRunPanel::runChosen()
{
    const int chosen = m_scope->currentIndex();
    if (chosen < 0 || chosen >= m_scopes.size())
        return;
    run(VerifyLevel(m_level->currentData().toInt()), m_scopes.at(chosen));
}

void VerificationRunPanel::run(VerifyLevel level, const RunScope &scope)
{
    const std::optional<Workspace> &workspace = m_session->workspace();
    if (!workspace || workspace->repositories().isEmpty() || isRunning())
        return;
    const Credentials credentials = workspacejobs::credentials(*workspace);
    m_runScope = scope;
    m_runLevel = levelName(level);
    m_started = QDateTime::currentDateTimeUtc();
    for (const RepositoryEntry &repository : workspace->repositories()) {
        if (scope.kind == RunScope::Kind::Repository && repository.name != scope.repository)
            continue;
        if (scope.kind == RunScope::Kind::Selection && scope.selection.value(repository.name).isEmpty())
            continue;
        VerifyParams params;
        params.repositoryPath = repository.path;
        params.all = scope.kind != RunScope::Kind::Selection;
        params.ids = scope.selection.value(repository.name);
        params.database = scope.kind == RunScope::Kind::Database ? scope.database : QString();
        params.level = level;
        params.credentials = credentials;
        auto job = std::make_shared<VerifyJob>(params);
        // Connected before it is queued: a quick job could otherwise finish unseen.
        connect(job.get(), &Job::finished, this, [this, raw = job.get()] { onJobFinished(raw); });
        connect(job.get(), &Job::progress, this, [this](const QString &phase, qint64 done, qint64 total) {
            m_progress->setRange(0, total > 0 ? 1000 : 0);
            m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
            m_progress->setFormat(phase.isEmpty() ? QStringLiteral("%p%") : phase + QStringLiteral(" %p%"));
        });
        m_jobs << Running{ repository.name, repository.path, job };
    }
    if (m_jobs.isEmpty())
        return;
    for (const Running &running : std::as_const(m_jobs))
        m_session->submit(running.job);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Verifying…"));
    m_message->showMessage(tr("Verifying %n repository(s) (%1)…", nullptr, int(m_jobs.size())).arg(m_runLevel),
        MessageBar::Type::Information);
    updateControls();
    Q_EMIT runStarted();
}

void VerificationRunPanel::cancel()
{
    for (const Running &running : std::as_const(m_jobs))
        running.job->cancel();
}

void VerificationRunPanel::onJobFinished(const Job *job)
{
    // A job's state turns final before its queued finished() arrives here, so an earlier
    // arrival may already have reported the whole run; a late one must not report it again.
    const auto ours = [job](const Running &running) { return running.job.get() == job; };
    if (std::none_of(m_jobs.cbegin(), m_jobs.cend(), ours))
        return;
    for (const Running &running : std::as_const(m_jobs))
        if (!running.job->isFinished())
            return;
    int passed = 0;
    int failed = 0;
    QStringList errors;
    QList<FinishedRun> finished;
    for (const Running &running : std::as_const(m_jobs)) {
        FinishedRun run{ running.repository, running.path, {}, {} };
        if (running.job->state() == Job::State::Cancelled) {
            run.error = tr("cancelled");
            errors << tr("Verifying repository “%1” was cancelled.").arg(running.repository);
        } else if (running.job->state() != Job::State::Succeeded) {
            run.error = running.job->error().toString();
            errors << tr("Repository “%1” could not be verified: %2").arg(running.repository, run.error);
        } else {
            run.outcomes = running.job->outcomes();
            for (const VerifyOutcome &outcome : run.outcomes)
                outcome.ok() ? ++passed : ++failed;
        }
        finished << run;
    }
    m_jobs.clear();
    QStringList lines = errors;
    if (passed + failed == 0)
        lines << tr("No backup was verified.");
    else if (failed > 0)
        lines << tr("Verified %n backup(s): %1 passed, %2 FAILED.", nullptr, passed + failed).arg(passed).arg(failed);
    else
        lines << tr("Verified %n backup(s): all passed.", nullptr, passed);
    MessageBar::Type type = MessageBar::Type::Information;
    if (!errors.isEmpty())
        type = MessageBar::Type::Error;
    else if (failed > 0)
        type = MessageBar::Type::Warning;
    m_message->showMessage(lines.join(QLatin1Char('\n')), type);

    // The catalogs now hold this run's outcomes: read the scope's standing off the GUI thread.
    m_reportLoad.start([finished, scope = m_runScope, level = m_runLevel,
                           started = m_started] { return buildReport(finished, scope, level, started); },
        [this](const VerificationRunReport &report) { onReportBuilt(report); });
    m_progress->setFormat(tr("Writing the report…"));
    updateControls();
}

void VerificationRunPanel::onReportBuilt(const VerificationRunReport &report)
{
    m_result = report;
    m_model->setEntries(report.entries);
    m_view->setVisible(true);
    for (int column = 0; column < RunResultModel::Detail; ++column)
        m_view->resizeColumnToContents(column);
    // The failures first to the eye: expand every backup that failed.
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (!report.entries.at(row).outcome.ok())
            m_view->expand(m_model->index(row, 0));
    const ReportSummary &s = report.summary;
    QString scope = scopeName(report.scope);
    if (!report.scopeLabel.isEmpty())
        scope += QStringLiteral(" “%1”").arg(report.scopeLabel);
    m_runSummary->setText(tr("Last run: %1 verification of %2, %3 — %4 checked, %5 passed, %6 failed. "
                             "In scope: %7 backups, %8 verified, %9 failed, %10 stale, %11 never verified.")
                              .arg(report.level, scope, DisplayFormat::localTime(report.finished))
                              .arg(s.checked)
                              .arg(s.passed)
                              .arg(s.failedNow)
                              .arg(s.backups)
                              .arg(s.verified)
                              .arg(s.failed)
                              .arg(s.stale)
                              .arg(s.neverVerified));
    updateControls();
    Q_EMIT runFinished();
}

void VerificationRunPanel::askExportPath(const QString &suffix, const QString &filter)
{
    if (!m_result)
        return;
    // open(), not exec(): no nested event loop; the dialog deletes itself when it closes.
    auto *dialog = new QFileDialog(this, tr("Export the verification report"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(filter);
    dialog->setDefaultSuffix(suffix);
    dialog->selectFile(QStringLiteral("coffer-verification-%1.%2")
                           .arg(m_result->finished.toString(QStringLiteral("yyyyMMdd-HHmmss")), suffix));
    connect(dialog, &QFileDialog::fileSelected, this, &VerificationRunPanel::exportResult);
    dialog->open();
}

void VerificationRunPanel::exportResult(const QString &path)
{
    if (!m_result || path.isEmpty())
        return;
    m_exportLoad.start(
        [report = *m_result, path] {
            auto written = ReportPdf::write(report, path);
            return written ? QString() : written.error().toString();
        },
        [this, path](const QString &error) {
            if (error.isEmpty())
                m_message->showMessage(tr("Report written to %1").arg(path), MessageBar::Type::Information);
            else
                m_message->showMessage(tr("The report could not be written: %1").arg(error), MessageBar::Type::Error);
            updateControls();
            Q_EMIT exportFinished(path, error);
        });
    updateControls();
}

void VerificationRunPanel::updateControls()
{
    const std::optional<Workspace> &workspace = m_session->workspace();
    const bool canRun = workspace && !workspace->repositories().isEmpty() && !isRunning();
    m_runButton->setEnabled(canRun && m_scope->count() > 0);
    m_level->setEnabled(!isRunning());
    m_scope->setEnabled(!isRunning());
    m_cancelButton->setVisible(isRunning());
    m_progress->setVisible(isRunning());
    const bool canExport = m_result.has_value() && !isExporting();
    m_exportJson->setEnabled(canExport);
    m_exportHtml->setEnabled(canExport);
    m_exportPdf->setEnabled(canExport);
}

} // namespace coffer::ui
