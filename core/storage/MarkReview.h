#pragma once

#include "storage/AttendanceRecord.h"
#include "storage/ReviewFace.h"
#include "storage/RosterEntry.h"
#include "storage/Student.h"
#include "vision/matching/StudentTemplate.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace rollcall {

struct PhotoResult;

// The state of one marking: the class roster, the faces of every photo and who
// is assigned to which face. It keeps the invariants the teacher relies on: a
// student is assigned to at most one face, a face to at most one student, and an
// assigned student is never absent. An uncertain match nobody confirmed is
// recorded as `review`, never as `present`. The mark dialog and `rollcall-cli
// mark` both build one and hand records() to SessionRecorder. Views (photo,
// roster table) observe it. Not thread-safe: use it on one thread.
class MarkReview : public QObject
{
    Q_OBJECT

public:
    // A difference between the automatic result and the teacher's final choice.
    struct Change
    {
        QString studentUuid;
        QString field; // "status", "face" or "match"
        QString oldValue;
        QString newValue;
        QString source = QStringLiteral("manual"); // the audit entry's source
        QString reason = QStringLiteral("correction while marking");
    };

    explicit MarkReview(QObject *parent = nullptr);

    // The roster of a class: its active students, absent until a face says otherwise.
    static QList<RosterEntry> rosterOf(const QList<Student> &students);
    // The faces of one recognised photo (index photo of the marking), matched against
    // templates, the roster the photo was recognised with (FaceMatch::student indexes it).
    static QList<ReviewFace> reviewFaces(const PhotoResult &result, int photo,
                                         const std::vector<StudentTemplate> &templates);

    // Starts over with a new roster (clears faces and changes).
    void setRoster(const QList<RosterEntry> &roster);
    // Adds the recognised faces of one photo. Automatic matches of students who
    // already have a face keep the closer one; the other face becomes unknown.
    void addFaces(const QList<ReviewFace> &faces);
    void clearFaces();

    const QList<RosterEntry> &roster() const { return m_roster; }
    const QList<ReviewFace> &faces() const { return m_faces; }
    int rowOf(const QString &studentUuid) const { return m_rowByKey.value(studentUuid, -1); }
    const RosterEntry *student(const QString &studentUuid) const;

    // The teacher's corrections. Each returns false when nothing changed.
    bool assignFace(int face, const QString &studentUuid);
    bool markNotStudent(int face);
    bool clearFace(int face);
    bool setStatus(int row, AttendanceStatus status);
    bool cycleStatus(int row); // present → absent → late → excused → present
    bool confirm(int row);
    int confirmAll();

    // What would be recorded for a row: its status, or Review for an unconfirmed uncertain match.
    AttendanceStatus recordedStatus(int row) const;
    // One record per roster row, as SessionRecorder stores them. photoIndex maps the
    // review's photo indexes to the saved photos' (absent: identity; -1: not kept).
    QList<AttendanceRecord> records(const QHash<int, int> &photoIndex = {}) const;

    int countWithStatus(AttendanceStatus status) const;
    int needsReviewCount() const;
    int unknownFaceCount() const; // faces big enough to recognise, assigned to nobody

    bool hasUnsavedChanges() const { return m_dirty; }
    void markSaved() { m_dirty = false; }
    // Whether the row differs from what recognition said (status or face).
    bool isManual(int row) const;
    QList<Change> changes() const;

Q_SIGNALS:
    void reset();
    void faceChanged(int face);
    void rowChanged(int row);
    void summaryChanged();

private:
    void unassign(int face, bool notifyRow);
    void touch();

    QList<RosterEntry> m_roster;
    QList<ReviewFace> m_faces;
    QHash<QString, int> m_rowByKey;
    bool m_dirty = false;
};

} // namespace rollcall
