#include "common/TestHooks.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace coffer::testhooks {

void holdPoint(const char *name)
{
    static const char *const target = std::getenv("COFFER_HOLD_AT");
    if (!target || std::strcmp(target, name) != 0)
        return;
    std::fprintf(stderr, "coffer: holding at %s\n", name);
    std::fflush(stderr);
    for (;;)
        ::pause();
}

} // namespace coffer::testhooks
