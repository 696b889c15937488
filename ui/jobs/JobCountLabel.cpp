#include "jobs/JobCountLabel.h"

#include "jobs/JobListModel.h"

namespace coffer::ui {

JobCountLabel::JobCountLabel(Session *session, QWidget *parent)
    : QLabel(parent)
    , m_model(new JobListModel(session, this))
{
    setObjectName(QStringLiteral("jobCountLabel"));
    setAccessibleName(tr("Jobs"));
    setContentsMargins(8, 0, 8, 0);
    connect(m_model, &JobListModel::countsChanged, this, &JobCountLabel::updateText);
    updateText();
}

JobCountLabel::~JobCountLabel() = default;

void JobCountLabel::updateText()
{
    setText(m_model->summary());
    setToolTip(tr("%n job(s) finished in this session", nullptr, m_model->finishedCount()));
}

} // namespace coffer::ui
