#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace coffer::ui {

class DatabaseStatusModel;
class HealthBadge;
class SizeSparkline;

// One database on the dashboard: name, group, last backup, next scheduled backup, last
// verification, last restore drill (when there is one or drills are scheduled), health and size
// trend. Clicking it, or Enter or Space while it has the focus, activates it; its Restore… button
// (and context menu) asks for the restore wizard.
class DatabaseCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseCard)

public:
    explicit DatabaseCard(QWidget *parent = nullptr);
    ~DatabaseCard() override;

    // Shows row `row` of `model`.
    void showStatus(const DatabaseStatusModel &model, int row);
    QString database() const { return m_database; }
    HealthBadge *badge() const { return m_badge; }
    SizeSparkline *sparkline() const { return m_sparkline; }

Q_SIGNALS:
    void activated(const QString &database);
    void restoreRequested(const QString &database);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QLabel *m_name = nullptr;
    QLabel *m_group = nullptr;
    QLabel *m_lastBackup = nullptr;
    QLabel *m_nextBackup = nullptr;
    QLabel *m_verification = nullptr;
    QLabel *m_drillCaption = nullptr;
    QLabel *m_drill = nullptr;
    HealthBadge *m_badge = nullptr;
    SizeSparkline *m_sparkline = nullptr;
    QToolButton *m_restore = nullptr;
    QString m_database;
    bool m_pressed = false;
};

} // namespace coffer::ui
