#pragma once

#include "catalog/BackupFilterProxy.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLineEdit;
class QPushButton;
class QTimer;

namespace coffer::ui {

// The row of filters above the catalog table: database, group, trigger, verification state, a
// date range and free text, and a button that clears them all.
class CatalogFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogFilterBar)

public:
    explicit CatalogFilterBar(QWidget *parent = nullptr);
    ~CatalogFilterBar() override;

    BackupFilter filter() const;
    // Shows `filter` in the widgets; filterChanged() follows once.
    void setFilter(const BackupFilter &filter);
    // The choices of the combos, from the loaded rows; a current choice no row has any more stays.
    void setChoices(const QStringList &databases, const QStringList &groups, const QStringList &triggers);
    // Puts `widget` at the end of the first row (it has room to spare).
    void addTrailingWidget(QWidget *widget);
    // Moves the keyboard focus to the text field and selects its text.
    void focusText();

Q_SIGNALS:
    // Any filter changed; typing is collected for a moment before it counts.
    void filterChanged();

private:
    void onChanged();
    void updateDateEdits();

    QComboBox *m_database = nullptr;
    QComboBox *m_group = nullptr;
    QComboBox *m_trigger = nullptr;
    QComboBox *m_verification = nullptr;
    QComboBox *m_drill = nullptr;
    QCheckBox *m_fromCheck = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_toCheck = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_text = nullptr;
    QPushButton *m_clear = nullptr;
    QTimer *m_typing = nullptr;
    QHBoxLayout *m_choices = nullptr;
};

} // namespace coffer::ui
