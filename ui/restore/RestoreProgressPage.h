#pragma once

#include <QElapsedTimer>
#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace coffer::ui {

class RestorePhaseModel;
class RestoreState;

// Step 5 of the restore wizard: the restore's phases as they happen, a progress bar for the one
// under way, and Cancel while cancelling still changes nothing (until the install begins). Moves
// on to the result by itself when the restore has finished.
class RestoreProgressPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreProgressPage)

public:
    explicit RestoreProgressPage(RestoreState *state, QWidget *parent = nullptr);
    ~RestoreProgressPage() override;

    void initializePage() override;
    bool isComplete() const override;

    RestorePhaseModel *phaseModel() const { return m_model; }

private:
    void updateProgress();
    void updateCancel();
    void onFinished();

    RestoreState *m_state = nullptr;
    RestorePhaseModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_progressLabel = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_cancelNote = nullptr;
    QTimer *m_tick = nullptr;

    // The rate is measured over the current step: reset when the phase or step changes.
    QString m_rateKey;
    qint64 m_rateBase = 0;
    QElapsedTimer m_rateClock;
};

} // namespace coffer::ui
