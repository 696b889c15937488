#include "common/TestHooks.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace coffer::testhooks {

namespace {

bool named(const char *variable, const char *name)
{
    return variable && std::strcmp(variable, name) == 0;
}

} // namespace

Result<void> point(const char *name)
{
    static const char *const holdAt = std::getenv("COFFER_HOLD_AT");
    static const char *const killAt = std::getenv("COFFER_KILL_AT");
    static const char *const failAt = std::getenv("COFFER_FAIL_AT");
    if (named(holdAt, name)) {
        std::fprintf(stderr, "coffer: holding at %s\n", name);
        std::fflush(stderr);
        ::raise(SIGSTOP);
    }
    if (named(killAt, name))
        ::kill(::getpid(), SIGKILL);
    if (named(failAt, name))
        return fail(
            ErrorCode::Internal, QStringLiteral("Injected failure at %1 (COFFER_FAIL_AT)").arg(QLatin1String(name)));
    return {};
}

} // namespace coffer::testhooks
