#include "UiResources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE declares the initialiser in the enclosing namespace: keep it global.
static void initCofferResources()
{
    Q_INIT_RESOURCE(coffer);
}

namespace coffer::ui {

void initResources()
{
    static const bool registered = [] {
        initCofferResources();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace coffer::ui
