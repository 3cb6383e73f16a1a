#pragma once

#include "common/Result.h"

#include <QSet>
#include <QString>

namespace rollcall {

class Database;
class PhotoStore;

// Erasures as synced records (the erasures table): a forgotten student, a student's
// withdrawn consent (biometrics) or a classroom photo past retention. record() writes
// one; enforce() makes this PC's data match every live erasure, whoever recorded it.
//
// Enforcement changes rows in place without new stamps (updated_at, origin_device):
// every PC and the server apply the same records themselves, and a re-stamped row of
// another PC would be refused by the server. It is idempotent and cheap when there
// is nothing left to do, so it runs after every sync.
class ErasureLog
{
public:
    enum class Kind { Student, Biometrics, Photo };

    // photos: where enforce() deletes files (none: files are left).
    explicit ErasureLog(Database &db, PhotoStore *photos = nullptr);

    static QString kindName(Kind kind);

    // Adds an erasure of subject (a student uuid, or a photo-store hash for Photo) in
    // the caller's transaction, if any. Returns the record's id.
    Result<QString> record(Kind kind, const QString &subject, const QString &actor = {}, const QString &reason = {});

    struct Outcome
    {
        int rowsScrubbed = 0; // rows changed by this run (0: everything was enforced already)
        int filesRemoved = 0;
    };
    // Applies every live erasure:
    //   student: embeddings and enrolment photos emptied and deleted, name/ID/email and
    //     consent cleared, memberships deleted, the student's audit values and reasons
    //     cleared (the entries stay: who changed what, when);
    //   biometrics: embeddings and enrolment photos recorded up to the erasure (a later
    //     enrolment, after consent was given again, stays); student and attendance stay;
    //   photo: sessions naming the photo marked photos_purged.
    // Photo files go after the commit, each unless a live row still uses the same bytes.
    Result<Outcome> enforce();

    // The photo-store hashes erased by kind Photo; sync never downloads these.
    Result<QSet<QString>> erasedPhotos();

    // Deletes the files among hashes that no live row uses (an enrolment photo, or a
    // session whose photos are kept). Returns how many were deleted.
    Result<int> removeUnusedPhotos(const QSet<QString> &hashes);

private:
    Database &m_db;
    PhotoStore *m_photos;
};

} // namespace rollcall
