#pragma once

#include <QSortFilterProxyModel>

namespace coffer::ui {

// A sorting proxy with a text filter (QSortFilterProxyModel's, on every column) and one choice
// from a list, such as an outcome or an operation: a row passes when its `choiceRole` value on
// column 0 equals the choice, or always while no choice is set.
class ChoiceFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChoiceFilterModel)

public:
    explicit ChoiceFilterModel(int choiceRole, QObject *parent = nullptr);
    ~ChoiceFilterModel() override;

    QString choice() const { return m_choice; }
    // Empty: every row.
    void setChoice(const QString &choice);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const int m_choiceRole;
    QString m_choice;
};

} // namespace coffer::ui
