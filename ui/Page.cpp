#include "Page.h"

namespace coffer::ui {

Page::Page(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
}

Page::~Page() = default;

} // namespace coffer::ui
