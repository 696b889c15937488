#pragma once

namespace coffer::ui {

// Registers resources/coffer.qrc (icons). coffer_ui is a static library, so its resources
// must be pulled in explicitly; safe to call more than once.
void initResources();

} // namespace coffer::ui
