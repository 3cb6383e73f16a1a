#pragma once

namespace rollcall {

// Lets the crash tests kill a restore at a chosen step, as a power cut would:
// ROLLCALL_TEST_RESTORE_KILL_AT=<step> makes the process SIGKILL itself on reaching it.
// Unset (always, outside the tests) it costs one environment look-up per restore.
class RestoreTestHook
{
public:
    enum Step {
        Extracting = 1, // a photo extracted into the staging folder
        PhotosStored, // staged photos added to the photo store
        JournalWritten,
        DatabaseAside,
        WalAside,
        ShmAside,
        DatabaseIn, // the restored database moved into place
        JournalRemoved,
    };

    static void reached(int step);
};

} // namespace rollcall
