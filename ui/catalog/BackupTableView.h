#pragma once

#include <QList>
#include <QTableView>

class QMenu;

namespace coffer::ui {

class BackupFilterProxy;
class BackupTableModel;

// The catalog's table: widths that fit without measuring 100,000 rows, a header menu that
// shows and hides columns, a context menu for the actions on the selection, and a selection
// that survives sorting and filtering at that scale.
class BackupTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupTableView)

public:
    BackupTableView(BackupTableModel *model, BackupFilterProxy *proxy, QWidget *parent = nullptr);
    ~BackupTableView() override;

    // The menu shown on a right click on a row (when it has actions).
    QMenu *contextMenu() const { return m_contextMenu; }
    // The model rows selected, ascending.
    QList<int> selectedSourceRows() const;
    // Selects the model rows given, as far as they are shown, and makes `currentRow` (a model
    // row, or -1) the current one.
    void selectSourceRows(const QList<int> &rows, int currentRow);
    // Makes `index` current and the only row selected, whatever the keyboard's modifiers say.
    void makeCurrent(const QModelIndex &index);

Q_SIGNALS:
    // A filter hid selected rows: the selection lost them without selectionChanged().
    void selectionShrank();

private:
    void setDefaultWidths();
    void showColumnMenu(const QPoint &position);
    void parkSelection();
    void unparkSelection();
    // Whole rows, one range per run of consecutive rows shown.
    QItemSelection rowRanges(const QList<int> &sourceRows) const;

    BackupTableModel *m_model = nullptr;
    BackupFilterProxy *m_proxy = nullptr;
    QMenu *m_contextMenu = nullptr;
    QList<int> m_parkedRows; // the selection, as model rows, while the proxy's layout changes
};

} // namespace coffer::ui
