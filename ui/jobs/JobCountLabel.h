#pragma once

#include <QLabel>

namespace coffer::ui {

class JobListModel;
class Session;

// The status bar's job count: "No jobs", "1 job running", "2 running, 3 queued".
class JobCountLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobCountLabel)

public:
    explicit JobCountLabel(Session *session, QWidget *parent = nullptr);
    ~JobCountLabel() override;

private:
    void updateText();

    JobListModel *m_model;
};

} // namespace coffer::ui
