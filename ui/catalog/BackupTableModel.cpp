#include "catalog/BackupTableModel.h"

#include "DisplayFormat.h"
#include "catalog/DrillFormat.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHash>
#include <QLocale>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <functional>
#include <type_traits>
#include <utility>

namespace coffer::ui {

namespace {

const QColor kFailedColor(0xb0, 0x2a, 0x1e);
const QColor kOkColor(0x2e, 0x7d, 0x32);

// Sorting by Verified (or Drill) groups the states (never < failed < passed), then orders by time.
constexpr qint64 kStateWeight = qint64(1) << 48;

// The sort key of a text column: the position of each row's value among the distinct values.
void rank(QList<qint64> &order, const std::function<QString(qsizetype)> &valueOf,
    const std::function<bool(const QString &, const QString &)> &less)
{
    QHash<QString, qint64> ranks;
    for (qsizetype i = 0; i < order.size(); ++i)
        ranks.insert(valueOf(i), 0);
    QStringList distinct = ranks.keys();
    std::sort(distinct.begin(), distinct.end(), less);
    for (qsizetype i = 0; i < distinct.size(); ++i)
        ranks[distinct.at(i)] = i;
    for (qsizetype i = 0; i < order.size(); ++i)
        order[i] = ranks.value(valueOf(i));
}

// Frees a list a slice at a time, pausing in between. Freed in one go, 100,000 parsed manifests
// would keep the allocator's lock of the thread that loaded them busy for a quarter of a
// second; glibc's lock is not fair, so a GUI thread that needs it meanwhile would wait as long.
template <typename T> void freeInSlices(QList<T> &list, qsizetype slice)
{
    if constexpr (!std::is_trivially_destructible_v<T>) {
        while (list.isDetached() && list.size() > slice) {
            list.resize(list.size() - slice);
            QThread::msleep(1);
        }
    }
    list = {};
}

// Lets replaced rows and keys die on a pool thread: freeing them takes longer than the GUI
// thread may stall.
void releaseOffThread(QList<BackupRow> rows, BackupTableModel::Keys keys)
{
    QThreadPool::globalInstance()->start([rows = std::move(rows), keys = std::move(keys)]() mutable {
        freeInSlices(rows, 1000); // some 30 allocations each
        for (QList<QString> &text : keys.text)
            freeInSlices(text, 20000);
        freeInSlices(keys.haystack, 20000);
        keys = {};
    });
}

} // namespace

BackupTableModel::BackupTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_pinIcon(QStringLiteral(":/icons/pin.svg"))
{
}

BackupTableModel::~BackupTableModel() = default;

BackupTableModel::Keys BackupTableModel::keysFor(const QList<BackupRow> &rows)
{
    const qsizetype n = rows.size();
    Keys keys;
    for (QList<QString> &text : keys.text)
        text.resize(n);
    for (QList<qint64> &order : keys.order)
        order.resize(n, 0);
    keys.haystack.resize(n);
    keys.verification.resize(n);
    keys.drill.resize(n);
    const QString yes = tr("yes");
    for (qsizetype i = 0; i < n; ++i) {
        const BackupRow &row = rows.at(i);
        const Manifest &m = row.entry.manifest;
        const auto &verification = row.entry.lastVerification;
        keys.verification[i] = verificationOf(verification);
        const auto &drill = row.entry.lastDrill;
        keys.drill[i] = drillOf(drill);
        auto &text = keys.text;
        text[Database][i] = m.database;
        text[Group][i] = m.group;
        text[Created][i] = DisplayFormat::localTime(m.created);
        text[Trigger][i] = m.trigger;
        text[Tags][i] = m.tags.join(QStringLiteral(", "));
        text[Pinned][i] = m.pinned ? yes : QString();
        text[Size][i] = DisplayFormat::size(m.artifactSize);
        text[DatabaseSize][i] = DisplayFormat::size(m.plaintextSize);
        text[Ratio][i] = DisplayFormat::ratio(m.plaintextSize, m.artifactSize);
        text[Codec][i] = DisplayFormat::codec(m);
        text[Encrypted][i] = DisplayFormat::isEncrypted(m) ? yes : QString();
        text[Verified][i] = DisplayFormat::verification(verification);
        text[Drill][i] = DrillFormat::cell(drill);
        text[Id][i] = m.shortId();
        text[Repository][i] = row.repository;

        auto &order = keys.order;
        order[Created][i] = m.created.toMSecsSinceEpoch();
        order[Pinned][i] = m.pinned ? 1 : 0;
        order[Size][i] = m.artifactSize;
        order[DatabaseSize][i] = m.plaintextSize;
        order[Ratio][i] = m.artifactSize > 0 ? std::llround(1e6 * double(m.plaintextSize) / double(m.artifactSize)) : 0;
        order[Encrypted][i] = DisplayFormat::isEncrypted(m) ? 1 : 0;
        order[Verified][i]
            = qint64(keys.verification[i]) * kStateWeight + (verification ? verification->time.toMSecsSinceEpoch() : 0);
        // Passed drills then by the RTO they show, failed ones by when they failed.
        order[Drill][i] = qint64(keys.drill[i]) * kStateWeight
            + (!drill             ? 0
                    : drill->ok() ? std::clamp<qint64>(drill->rtoMs, 0, kStateWeight - 1)
                                  : drill->time.toMSecsSinceEpoch());

        QStringList searched{ m.database, m.group, m.id, row.repository };
        searched += m.tags;
        keys.haystack[i] = searched.join(QLatin1Char('\n')).toLower();
    }

    const QCollator collator = nameCollator();
    const auto byCollator = [&collator](const QString &a, const QString &b) { return collator.compare(a, b) < 0; };
    for (const int column : { Database, Group, Trigger, Tags, Codec, Repository }) {
        const QList<QString> &text = keys.text[column];
        rank(
            keys.order[column], [&text](qsizetype i) { return text.at(i); }, byCollator);
    }
    // IDs are hex digits: no collation.
    rank(
        keys.order[Id], [&rows](qsizetype i) { return rows.at(i).entry.manifest.id; }, std::less<QString>());
    return keys;
}

VerificationState BackupTableModel::drillOf(const std::optional<DrillOutcome> &drill)
{
    if (!drill)
        return VerificationState::Never;
    return drill->ok() ? VerificationState::Passed : VerificationState::Failed;
}

VerificationState BackupTableModel::verificationOf(const std::optional<VerifyOutcome> &outcome)
{
    if (!outcome)
        return VerificationState::Never;
    return outcome->ok() ? VerificationState::Passed : VerificationState::Failed;
}

QVariant BackupTableModel::verificationLook(VerificationState state, int role)
{
    if (role == Qt::ForegroundRole && state != VerificationState::Never)
        return QBrush(state == VerificationState::Passed ? kOkColor : kFailedColor);
    if (role == Qt::FontRole && state == VerificationState::Failed) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QFont BackupTableModel::idFont()
{
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    return mono;
}

QCollator BackupTableModel::nameCollator()
{
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    return collator;
}

void BackupTableModel::setEntries(const QList<BackupRow> &rows, const Keys &keys)
{
    beginResetModel();
    QList<BackupRow> oldRows = std::exchange(m_rows, rows);
    Keys oldKeys = std::exchange(m_keys, keys.size() == rows.size() ? keys : keysFor(rows));
    endResetModel();
    if (oldRows.size() >= 1000)
        releaseOffThread(std::move(oldRows), std::move(oldKeys));
}

const BackupRow *BackupTableModel::backupAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_rows.at(row);
}

int BackupTableModel::rowOf(const QString &backupId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).entry.manifest.id == backupId)
            return row;
    return -1;
}

// The proxy asks for two indexes per comparison while it sorts: no virtual calls in here.
QModelIndex BackupTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int BackupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BackupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int r = index.row();
    const BackupRow &row = m_rows.at(r);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return m_keys.text[column].at(r);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case SortRole:
        return m_keys.order[column].at(r);
    case BackupIdRole:
        return row.entry.manifest.id;
    case Qt::TextAlignmentRole:
        if (column == Size || column == DatabaseSize || column == Ratio)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::DecorationRole:
        if (column == Pinned && row.entry.manifest.pinned)
            return m_pinIcon;
        return {};
    case Qt::ForegroundRole:
    case Qt::FontRole:
        if (column == Verified)
            return verificationLook(m_keys.verification.at(r), role);
        if (column == Drill)
            return verificationLook(m_keys.drill.at(r), role);
        return column == Id && role == Qt::FontRole ? QVariant(idFont()) : QVariant();
    default:
        return {};
    }
}

QVariant BackupTableModel::toolTip(const BackupRow &row, int column) const
{
    const Manifest &m = row.entry.manifest;
    switch (column) {
    case Database:
        return m.sourcePath;
    case Created:
        return DisplayFormat::utcTime(m.created);
    case Tags:
        return m.tags.join(QLatin1Char('\n'));
    case Pinned:
        return m.pinned ? tr("Pinned: retention never deletes this backup.") : QVariant();
    case Size:
        return tr("%1 bytes on disk: %2").arg(QLocale().toString(m.artifactSize), row.entry.artifactPath);
    case DatabaseSize:
        return tr("%1 bytes when restored").arg(QLocale().toString(m.plaintextSize));
    case Encrypted:
        if (!DisplayFormat::isEncrypted(m))
            return tr("Not encrypted");
        return tr("Encrypted (%1) for %2").arg(m.encryptionScheme, m.encryptionRecipients.join(QStringLiteral(", ")));
    case Verified:
        return DisplayFormat::verificationDetail(row.entry.lastVerification);
    case Drill:
        return DrillFormat::detail(row.entry.lastDrill);
    case Id:
        return m.id;
    case Repository:
        return row.repositoryPath;
    default:
        return {};
    }
}

QVariant BackupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Database:
        return tr("Database");
    case Group:
        return tr("Group");
    case Created:
        return tr("Created");
    case Trigger:
        return tr("Trigger");
    case Tags:
        return tr("Tags");
    case Pinned:
        return tr("Pinned");
    case Size:
        return tr("Size");
    case DatabaseSize:
        return tr("Database size");
    case Ratio:
        return tr("Ratio");
    case Codec:
        return tr("Codec");
    case Encrypted:
        return tr("Encrypted");
    case Verified:
        return tr("Last verification");
    case Drill:
        return tr("Drill");
    case Id:
        return tr("ID");
    case Repository:
        return tr("Repository");
    default:
        return {};
    }
}

} // namespace coffer::ui
