#pragma once

#include "mark/ReviewFace.h"
#include "mark/RosterEntry.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace rollcall {

// The state of one marking: the class roster, the faces of every photo and who
// is assigned to which face. It keeps the invariants the teacher relies on: a
// student is assigned to at most one face, a face to at most one student, and an
// assigned student is never absent. Views (photo, roster table) observe it.
class MarkReview : public QObject
{
    Q_OBJECT

public:
    // A difference between the automatic result and the teacher's final choice.
    struct Change
    {
        QString studentKey;
        QString field; // "status" or "face"
        QString oldValue;
        QString newValue;
    };

    explicit MarkReview(QObject *parent = nullptr);

    // Starts over with a new roster (clears faces and changes).
    void setRoster(const QList<RosterEntry> &roster);
    // Adds the recognised faces of one photo. Automatic matches of students who
    // already have a face keep the closer one; the other face becomes unknown.
    void addFaces(const QList<ReviewFace> &faces);
    void clearFaces();

    const QList<RosterEntry> &roster() const { return m_roster; }
    const QList<ReviewFace> &faces() const { return m_faces; }
    int rowOf(const QString &studentKey) const { return m_rowByKey.value(studentKey, -1); }
    const RosterEntry *student(const QString &studentKey) const;

    // The teacher's corrections. Each returns false when nothing changed.
    bool assignFace(int face, const QString &studentKey);
    bool markNotStudent(int face);
    bool clearFace(int face);
    bool setStatus(int row, AttendanceStatus status);
    bool cycleStatus(int row); // present → absent → late → excused → present
    bool confirm(int row);
    int confirmAll();

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
