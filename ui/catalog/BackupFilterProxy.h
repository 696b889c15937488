#pragma once

#include <QDate>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace coffer::ui {

class BackupTableModel;

// What the catalog's filter bar asks for. Empty strings and invalid dates mean "any".
struct BackupFilter {
    enum class Verification { Any, Passed, Failed, Never };

    QString database;
    QString group;
    QString trigger;
    QDate from; // local dates, inclusive
    QDate to;
    Verification verification = Verification::Any;
    Verification drill = Verification::Any; // the backup's newest restore drill
    QString text; // words that must all occur in the database, group, ID, tags or repository

    bool isEmpty() const { return *this == BackupFilter(); }
    bool operator==(const BackupFilter &other) const = default;
};

// Sorts and filters the catalog's rows by the keys BackupTableModel computed when they were
// loaded: integers to compare and one lower-case string to search per row, never data().
class BackupFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupFilterProxy)

public:
    explicit BackupFilterProxy(BackupTableModel *model, QObject *parent = nullptr);
    ~BackupFilterProxy() override;

    const BackupFilter &filter() const { return m_filter; }
    void setFilter(const BackupFilter &filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    BackupTableModel *m_model = nullptr;
    BackupFilter m_filter;
    QStringList m_words; // the filter's text, lower case, split at spaces
    qint64 m_fromMs = 0; // the date range as UTC milliseconds: [m_fromMs, m_toMs)
    qint64 m_toMs = 0;
};

} // namespace coffer::ui
