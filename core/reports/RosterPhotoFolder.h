#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace rollcall {

// The registration photos of a roster in one folder, found by student ID:
// `<ID>.jpg`, several as `<ID>_1.jpg`, `<ID>-2.png` …, or a subfolder `<ID>/`
// holding any number of photos. Extensions .jpg .jpeg .png .bmp .webp, in any
// case; IDs are matched case-insensitively, an exact ID before one with a
// `_N`/`-N` suffix taken off. Hidden files are ignored; every other entry that
// belongs to no student of the roster is listed as unmatched, with why.
class RosterPhotoFolder
{
    Q_DECLARE_TR_FUNCTIONS(RosterPhotoFolder)

public:
    struct Unmatched
    {
        QString file; // relative to the folder ("x.jpg", "ID/notes.txt")
        QString reason;
    };

    // Fails (BadInput) when dir is not a readable folder.
    static Result<RosterPhotoFolder> scan(const QString &dir, const QStringList &studentIds);
    static bool isPhotoFile(const QString &fileName);

    const QString &dir() const { return m_dir; }
    // Absolute paths, sorted by name; empty when the student has none.
    QStringList photosOf(const QString &studentId) const { return m_photos.value(studentId); }
    int photoCount() const;
    const QList<Unmatched> &unmatched() const { return m_unmatched; }
    // A path from photosOf() relative to the folder, for messages.
    QString relative(const QString &path) const;

private:
    QString m_dir;
    QHash<QString, QStringList> m_photos; // by student ID as the roster spells it
    QList<Unmatched> m_unmatched;
};

} // namespace rollcall
