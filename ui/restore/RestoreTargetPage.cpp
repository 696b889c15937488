#include "restore/RestoreTargetPage.h"

#include "DisplayFormat.h"
#include "backup/DatabaseInspector.h"
#include "restore/RestoreBackupListModel.h"
#include "restore/RestoreState.h"
#include "restore/TableDiffModel.h"
#include "widgets/ReadOnlyTable.h"
#include "widgets/TextLabel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {

// Long enough that typing a path does not read every prefix of it.
constexpr int kDebounceMs = 300;

} // namespace

RestoreTargetPage::RestoreTargetPage(RestoreState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_diff(new TableDiffModel(this))
    , m_notInWorkspace(textLabel(this, QStringLiteral("notInWorkspaceLabel")))
    , m_ownTarget(new QRadioButton(tr("The database's &own file"), this))
    , m_ownPath(textLabel(this, QStringLiteral("ownPathLabel")))
    , m_otherTarget(new QRadioButton(tr("&Another file:"), this))
    , m_targetEdit(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_busy(new QWidget(this))
    , m_stateLabel(textLabel(this, QStringLiteral("targetStateLabel")))
    , m_diffTable(readOnlyTable(this, QStringLiteral("diffTable"), tr("Rows per table, now and in the backup")))
    , m_summary(textLabel(this, QStringLiteral("targetSummaryLabel")))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("restoreTargetPage"));
    setTitle(tr("Target"));
    setSubTitle(tr("Choose where to restore to: the database's own file, or another file next to it. Below is what is "
                   "there now and how the restore changes it."));

    m_ownTarget->setObjectName(QStringLiteral("ownTargetRadio"));
    m_ownTarget->setAccessibleName(tr("Restore to the database's own file"));
    m_ownPath->setIndent(24);
    m_otherTarget->setObjectName(QStringLiteral("otherTargetRadio"));
    m_otherTarget->setAccessibleName(tr("Restore to another file"));
    m_targetEdit->setObjectName(QStringLiteral("targetEdit"));
    m_targetEdit->setAccessibleName(tr("Target file"));
    m_targetEdit->setPlaceholderText(tr("Path of the restored database"));
    m_targetEdit->setClearButtonEnabled(true);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_browse->setAccessibleName(tr("Choose the target file"));
    m_browse->setAutoDefault(false);
    auto *other = new QHBoxLayout;
    other->addWidget(m_otherTarget);
    other->addWidget(m_targetEdit, 1);
    other->addWidget(m_browse);
    auto *targetBox = new QGroupBox(tr("Restore to"), this);
    auto *targetLayout = new QVBoxLayout(targetBox);
    targetLayout->addWidget(m_notInWorkspace);
    targetLayout->addWidget(m_ownTarget);
    targetLayout->addWidget(m_ownPath);
    targetLayout->addLayout(other);

    m_busy->setObjectName(QStringLiteral("targetBusy"));
    auto *busyBar = new QProgressBar(m_busy);
    busyBar->setRange(0, 0); // indeterminate
    busyBar->setTextVisible(false);
    busyBar->setFixedWidth(80);
    busyBar->setAccessibleName(tr("Reading the target"));
    auto *busyLayout = new QHBoxLayout(m_busy);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(busyBar);
    busyLayout->addWidget(new QLabel(tr("Reading what is there now…"), m_busy));
    busyLayout->addStretch(1);
    m_busy->hide();

    m_diffTable->setModel(m_diff);
    m_diffTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_diffTable->horizontalHeader()->setSectionResizeMode(TableDiffModel::Table, QHeaderView::Stretch);
    m_diffTable->horizontalHeader()->setHighlightSections(false);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    auto *nowBox = new QGroupBox(tr("What is there now"), this);
    auto *nowLayout = new QVBoxLayout(nowBox);
    nowLayout->addWidget(m_busy);
    nowLayout->addWidget(m_stateLabel);
    nowLayout->addWidget(m_diffTable, 1);
    nowLayout->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(targetBox);
    layout->addWidget(nowBox, 1);
    setTabOrder(m_ownTarget, m_otherTarget);
    setTabOrder(m_otherTarget, m_targetEdit);
    setTabOrder(m_targetEdit, m_browse);
    setTabOrder(m_browse, m_diffTable);

    m_debounce->setSingleShot(true);
    connect(m_debounce, &QTimer::timeout, this, &RestoreTargetPage::startRead);

    // What the state already holds (a page built after the choice was made).
    if (!m_state->isOwnTarget()) {
        m_targetEdit->setText(QDir::toNativeSeparators(m_state->targetPath()));
        m_otherTarget->setChecked(true);
    } else {
        m_ownTarget->setChecked(true);
    }

    connect(m_ownTarget, &QRadioButton::toggled, this, &RestoreTargetPage::chooseOwn);
    connect(m_targetEdit, &QLineEdit::textChanged, this, [this] {
        m_otherTarget->setChecked(true);
        m_state->setOtherTarget(m_targetEdit->text());
        scheduleRead(kDebounceMs);
    });
    connect(m_browse, &QPushButton::clicked, this, &RestoreTargetPage::browse);
    connect(m_state, &RestoreState::backupChanged, this, &RestoreTargetPage::onBackupChanged);
    connect(m_state, &RestoreState::targetChanged, this, &RestoreTargetPage::onTargetChanged);
    onBackupChanged();
}

// m_load's destructor waits for a read still running; the read touches no member.
RestoreTargetPage::~RestoreTargetPage() = default;

void RestoreTargetPage::initializePage()
{
    scheduleRead(0);
}

bool RestoreTargetPage::isComplete() const
{
    // While a read runs, our own connection is open on the target: the preflight must not probe it then.
    return m_state->backup() && !chosenPath().isEmpty() && !isReading();
}

bool RestoreTargetPage::isReading() const
{
    return m_debounce->isActive() || m_load.isLoading();
}

QString RestoreTargetPage::chosenPath() const
{
    if (m_ownTarget->isChecked())
        return m_state->ownPath();
    return m_targetEdit->text().trimmed().isEmpty() ? QString() : m_state->targetPath();
}

void RestoreTargetPage::onBackupChanged()
{
    const QString own = m_state->ownPath();
    m_ownPath->setText(QDir::toNativeSeparators(own));
    m_ownPath->setVisible(!own.isEmpty());
    m_ownTarget->setEnabled(!own.isEmpty());
    const bool unlisted = m_state->backup() && own.isEmpty();
    if (unlisted)
        m_notInWorkspace->setText(
            tr("“%1” is not a database of the workspace, so it has no own file: choose the file to restore to.")
                .arg(m_state->backup()->manifest.database));
    m_notInWorkspace->setVisible(unlisted);
    if (m_state->backup() && own.isEmpty() && m_ownTarget->isChecked())
        m_otherTarget->setChecked(true);
    else if (!own.isEmpty() && m_otherTarget->isChecked() && m_targetEdit->text().trimmed().isEmpty())
        m_ownTarget->setChecked(true); // "another file" was only forced on an earlier backup, and has no name
    scheduleRead(0);
}

void RestoreTargetPage::onTargetChanged()
{
    // Only a new path is worth a read: the live choice changes nothing there.
    if (chosenPath() != m_scheduledPath)
        scheduleRead(kDebounceMs);
}

void RestoreTargetPage::chooseOwn(bool own)
{
    m_state->setOtherTarget(own ? QString() : m_targetEdit->text());
    scheduleRead(0);
}

void RestoreTargetPage::browse()
{
    const QString current = chosenPath().isEmpty() ? m_state->ownPath() : chosenPath();
    auto *chooser = new QFileDialog(
        this, tr("Restore to"), current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath());
    chooser->setObjectName(QStringLiteral("targetFileDialog"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setOption(QFileDialog::DontConfirmOverwrite); // this page says what is there
    chooser->setNameFilters({ tr("SQLite databases (*.db *.sqlite *.sqlite3)"), tr("All files (*)") });
    connect(chooser, &QFileDialog::fileSelected, this,
        [this](const QString &file) { m_targetEdit->setText(QDir::toNativeSeparators(file)); });
    chooser->open();
}

void RestoreTargetPage::scheduleRead(int delayMs)
{
    m_scheduledPath = chosenPath();
    if (m_scheduledPath.isEmpty() || !m_state->backup())
        m_debounce->stop(); // nothing to read; a read still running is dropped when it arrives
    else
        m_debounce->start(delayMs);
    showReading();
    Q_EMIT completeChanged();
}

void RestoreTargetPage::startRead()
{
    const QString path = chosenPath();
    if (path.isEmpty())
        return;
    m_load.start([path] { return read(path); }, [this](const Reading &reading) { onRead(reading); });
    showReading();
    Q_EMIT completeChanged();
}

RestoreTargetPage::Reading RestoreTargetPage::read(const QString &path)
{
    Reading reading;
    reading.path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        reading.folderExists = QFileInfo(info.absolutePath()).isDir();
        return reading;
    }
    reading.exists = true;
    if (info.isDir()) {
        reading.isFolder = true;
        return reading;
    }
    reading.size = info.size();
    reading.modified = info.lastModified().toUTC();
    // Read-only, in one read transaction: a database in use is read as it is, and not changed.
    auto stats = DatabaseInspector::stats(path, SqliteDb::Mode::ReadOnly);
    if (stats)
        reading.rowCounts = stats->rowCounts;
    else
        reading.error = stats.error().toString();
    return reading;
}

void RestoreTargetPage::onRead(const Reading &reading)
{
    if (reading.path == chosenPath())
        m_reading = reading;
    showReading();
    Q_EMIT completeChanged();
    Q_EMIT targetRead();
}

void RestoreTargetPage::showReading()
{
    m_busy->setVisible(isReading());
    const std::optional<CatalogEntry> &backup = m_state->backup();
    const QString path = chosenPath();
    const bool current = m_reading && !path.isEmpty() && m_reading->path == path;
    const bool haveNow = current && m_reading->rowCounts;
    if (backup)
        m_diff->setCounts(
            backup->manifest.rowCounts, haveNow ? m_reading->rowCounts : std::optional<QMap<QString, qint64>>());
    else
        m_diff->clear();
    m_diffTable->setColumnHidden(TableDiffModel::Now, !haveNow);
    m_diffTable->setColumnHidden(TableDiffModel::Change, !haveNow);
    m_summary->clear();

    const QString native = QDir::toNativeSeparators(path);
    if (!backup) {
        m_stateLabel->setText(tr("Choose a backup first."));
        return;
    }
    if (path.isEmpty()) {
        m_stateLabel->setText(tr("Type or choose the file to restore to."));
        return;
    }
    if (!current) {
        m_stateLabel->setText(native);
        return;
    }
    const Reading &r = *m_reading;
    if (!r.exists) {
        m_stateLabel->setText(r.folderExists
                ? tr("%1 does not exist: the restore will create it.").arg(native)
                : tr("%1 does not exist, and neither does its folder %2: the preflight will refuse it.")
                      .arg(native, QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
        const TableDiffModel::Summary summary = m_diff->summary();
        m_summary->setText(tr("The restore creates it with %n table(s), %1 rows in all.", nullptr, m_diff->rowCount())
                               .arg(QLocale().toString(summary.backupRows)));
        return;
    }
    if (r.isFolder) {
        m_stateLabel->setText(tr("%1 is a folder: name a file to restore to.").arg(native));
        return;
    }
    m_stateLabel->setText(tr("%1 is there now: %2, last modified %3 (%4 ago).")
                              .arg(native, DisplayFormat::size(r.size), DisplayFormat::localTime(r.modified),
                                  DisplayFormat::age(r.modified)));
    if (!r.rowCounts) {
        m_summary->setText(tr("It cannot be read as an SQLite database (%1). The preflight checks it again and refuses "
                              "a file that is not a database.")
                               .arg(r.error));
        return;
    }
    const TableDiffModel::Summary summary = m_diff->summary();
    const QLocale locale;
    if (summary.differing == 0)
        m_summary->setText(tr("Every table has as many rows now as in the backup (the rows themselves may differ)."));
    else if (summary.removed > 0 && summary.added > 0)
        m_summary->setText(tr("%n table(s) differ: %1 rows will be removed, %2 added.", nullptr, summary.differing)
                               .arg(locale.toString(summary.removed), locale.toString(summary.added)));
    else if (summary.removed > 0)
        m_summary->setText(tr("%n table(s) differ: %1 rows will be removed.", nullptr, summary.differing)
                               .arg(locale.toString(summary.removed)));
    else if (summary.added > 0)
        m_summary->setText(tr("%n table(s) differ: %1 rows will be added.", nullptr, summary.differing)
                               .arg(locale.toString(summary.added)));
    else
        m_summary->setText(
            tr("%n table(s) differ: empty tables appear or vanish; no rows change.", nullptr, summary.differing));
}

} // namespace coffer::ui
