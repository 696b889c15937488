#pragma once

// Opens one console page on a real session, the way the main window does, for the page tests.
#include "Session.h"

#include <QSignalSpy>
#include <QSize>

#include <memory>

namespace pagefixture {

// A page of type `PageT` (a ui::Page) shown at `size`, with `workspace` opened and its first load
// finished (a warning when it does not finish). The page owns its session.
template <typename PageT> std::unique_ptr<PageT> openPage(const QString &workspace, QSize size)
{
    auto *session = new coffer::ui::Session;
    auto page = std::make_unique<PageT>(session);
    session->setParent(page.get());
    page->resize(size);
    page->show();
    QSignalSpy finished(page.get(), &PageT::loadFinished);
    session->openWorkspace(workspace);
    if (!finished.wait(20000))
        qWarning("%s did not finish loading", PageT::staticMetaObject.className());
    return page;
}

} // namespace pagefixture
