#pragma once

#include "reports/RosterPhotoFolder.h"
#include "storage/StudentEnroller.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace rollcall {

// What enrolling a roster from a photos folder did, student by student
// (RosterEnrolmentJob), for the CLI's output and the import dialog's summary.
struct RosterEnrolmentReport
{
    Q_DECLARE_TR_FUNCTIONS(RosterEnrolmentReport)

public:
    enum class Outcome { Enrolled, Refused, NoPhotos, Failed, NoConsent };

    struct Photo
    {
        QString file; // relative to the folder
        bool accepted = false;
        QStringList reasons; // why it was refused
    };

    struct Student
    {
        QString studentId;
        QString name;
        Outcome outcome = Outcome::NoPhotos;
        QList<Photo> photos;
        int stored = 0; // accepted photos stored now
        int alreadyStored = 0; // accepted photos the student already had
        QList<StudentEnroller::Duplicate> possibleDuplicates;
        QString error; // Failed only

        int accepted() const { return stored + alreadyStored; }
        QString message() const; // "enrolled with 2 of 3 photo(s)", "no photo found", …
    };

    QString folder;
    QString modelId;
    QList<Student> students; // in roster order
    QList<RosterPhotoFolder::Unmatched> unmatched;
    bool complete = false; // every student was handled (not cancelled or failed midway)

    int count(Outcome outcome) const;
    // "Photos: 2 enrolled, 1 refused, 1 without photos, 1 file(s) matching no student"
    QString summary() const;
    // "photo.jpg: reason reason"
    static QString describe(const Photo &photo);
    static QString outcomeName(Outcome outcome); // "enrolled", "refused", "no_photos", "failed", "no_consent"
};

} // namespace rollcall

Q_DECLARE_METATYPE(rollcall::RosterEnrolmentReport)
