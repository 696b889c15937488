#include "Page.h"

namespace coffer::ui {

Page::Page(QWidget *parent)
    : QWidget(parent)
{
}

Page::~Page() = default;

} // namespace coffer::ui
