#include "storage/RestoreTestHook.h"

#include <QtGlobal>

#include <csignal>
#include <cstdlib>

namespace rollcall {

void RestoreTestHook::reached(int step)
{
    static const int killAt = qEnvironmentVariableIntValue("ROLLCALL_TEST_RESTORE_KILL_AT");
    if (killAt != step)
        return;
#ifdef SIGKILL
    std::raise(SIGKILL);
#endif
    std::_Exit(137); // no SIGKILL (Windows): end as abruptly as the platform allows
}

} // namespace rollcall
