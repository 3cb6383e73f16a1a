#pragma once

#include <QString>

namespace rollcall {

// RollCall's data (face photos, embeddings, the register) is personal data: its folders
// are created 0700 and its files 0600, set explicitly rather than left to the umask, so
// other accounts on a shared lab PC cannot read them (Debian home folders are 0755).
//
// On Windows Qt maps these permissions only to the read-only attribute; privacy there
// comes from the data folder being in the user's profile (%APPDATA%), whose ACL grants
// only that user, SYSTEM and administrators. On macOS ~/Library is 0700 already and
// the modes below apply as on Linux.
class PrivateFiles
{
public:
    // mkpath(dir), then the folder itself is made 0700 (its parents are left alone).
    static bool makeDirectory(const QString &dir);
    // chmod 0600 (a missing file is not an error).
    static bool restrict(const QString &file);
    // Creates an empty file 0600 when it does not exist yet, so a program that creates
    // it later (SQLite and its -wal/-shm files, which copy the database's mode) keeps it private.
    static bool createEmpty(const QString &file);
    // Tightens an existing file or tree: folders to 0700, files to 0600 when they allow more.
    // Returns how many entries were changed (-1 when one could not be changed).
    static int tightenTree(const QString &root);
};

} // namespace rollcall
