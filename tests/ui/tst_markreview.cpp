#include "storage/MarkReview.h"

#include <QSignalSpy>
#include <QtTest>

using namespace rollcall;

// The review's invariants: one face per student, one student per face, an
// assigned student is never absent, and every correction shows up as a change.
class TestMarkReview : public QObject
{
    Q_OBJECT

private:
    static QList<RosterEntry> roster()
    {
        QList<RosterEntry> out;
        for (const char *key : { "a", "b", "c" }) {
            RosterEntry e;
            e.studentUuid = QLatin1String(key);
            e.studentId = QLatin1String("ID-") + QLatin1String(key);
            e.name = QLatin1String("Student ") + QLatin1String(key);
            out.append(e);
        }
        return out;
    }
    static ReviewFace face(const QString &student, ReviewFace::Band band, double distance, int x)
    {
        ReviewFace f;
        f.box = QRectF(x, 10, 100, 100);
        f.band = band;
        f.autoStudentUuid = student;
        f.autoDistance = distance;
        f.nearestStudentUuid = student;
        f.nearestDistance = distance;
        return f;
    }

private Q_SLOTS:
    void automaticResult();
    void closerMatchWinsAcrossPhotos();
    void assignMovesStudentBetweenFaces();
    void notStudentReleasesStudent();
    void absentReleasesFace();
    void confirmUncertain();
    void changesListCorrections();
};

void TestMarkReview::automaticResult()
{
    MarkReview review;
    review.setRoster(roster());
    review.addFaces({ face(QStringLiteral("a"), ReviewFace::Band::Confident, 0.2, 0),
                      face(QStringLiteral("b"), ReviewFace::Band::Uncertain, 0.5, 200),
                      face(QString(), ReviewFace::Band::Unknown, qQNaN(), 400) });
    QCOMPARE(attendanceStatusName(review.roster().at(0).status), attendanceStatusName(AttendanceStatus::Present));
    QCOMPARE(attendanceStatusName(review.roster().at(1).status), attendanceStatusName(AttendanceStatus::Present));
    QVERIFY(review.roster().at(1).needsReview);
    QCOMPARE(attendanceStatusName(review.roster().at(2).status), attendanceStatusName(AttendanceStatus::Absent));
    QCOMPARE(review.faces().at(0).display(), ReviewFace::Display::Confident);
    QCOMPARE(review.faces().at(1).display(), ReviewFace::Display::Uncertain);
    QCOMPARE(review.faces().at(2).display(), ReviewFace::Display::Unknown);
    QCOMPARE(review.needsReviewCount(), 1);
    QCOMPARE(review.unknownFaceCount(), 1);
    QVERIFY(!review.hasUnsavedChanges());
    QVERIFY(review.changes().isEmpty());
}

void TestMarkReview::closerMatchWinsAcrossPhotos()
{
    MarkReview review;
    review.setRoster(roster());
    review.addFaces({ face(QStringLiteral("a"), ReviewFace::Band::Confident, 0.4, 0) });
    ReviewFace second = face(QStringLiteral("a"), ReviewFace::Band::Confident, 0.3, 0);
    second.photo = 1;
    review.addFaces({ second });
    QCOMPARE(review.roster().at(0).face, 1);
    QVERIFY(!review.faces().at(0).assigned());
    QVERIFY(review.faces().at(1).assigned());
}

void TestMarkReview::assignMovesStudentBetweenFaces()
{
    MarkReview review;
    review.setRoster(roster());
    review.addFaces({ face(QStringLiteral("a"), ReviewFace::Band::Confident, 0.2, 0),
                      face(QString(), ReviewFace::Band::Unknown, qQNaN(), 200) });
    QVERIFY(review.assignFace(1, QStringLiteral("a")));
    // Never two faces for one student.
    QVERIFY(!review.faces().at(0).assigned());
    QCOMPARE(review.faces().at(1).studentUuid, QStringLiteral("a"));
    QCOMPARE(review.roster().at(0).face, 1);
    QCOMPARE(review.faces().at(1).display(), ReviewFace::Display::Manual);
    // Never two students for one face.
    QVERIFY(review.assignFace(1, QStringLiteral("c")));
    QCOMPARE(review.roster().at(0).face, -1);
    QCOMPARE(attendanceStatusName(review.roster().at(0).status), attendanceStatusName(AttendanceStatus::Absent));
    QCOMPARE(attendanceStatusName(review.roster().at(2).status), attendanceStatusName(AttendanceStatus::Present));
    int assigned = 0;
    for (const ReviewFace &f : review.faces())
        assigned += f.assigned() ? 1 : 0;
    QCOMPARE(assigned, 1);
    QVERIFY(review.hasUnsavedChanges());
}

void TestMarkReview::notStudentReleasesStudent()
{
    MarkReview review;
    review.setRoster(roster());
    review.addFaces({ face(QStringLiteral("b"), ReviewFace::Band::Uncertain, 0.5, 0) });
    QVERIFY(review.markNotStudent(0));
    QCOMPARE(attendanceStatusName(review.roster().at(1).status), attendanceStatusName(AttendanceStatus::Absent));
    QCOMPARE(review.faces().at(0).display(), ReviewFace::Display::NotStudent);
    QCOMPARE(review.needsReviewCount(), 0);
    QVERIFY(review.clearFace(0));
    QCOMPARE(review.faces().at(0).display(), ReviewFace::Display::Unknown);
}

void TestMarkReview::absentReleasesFace()
{
    MarkReview review;
    review.setRoster(roster());
    review.addFaces({ face(QStringLiteral("a"), ReviewFace::Band::Confident, 0.2, 0) });
    QVERIFY(review.setStatus(0, AttendanceStatus::Absent));
    QVERIFY(!review.faces().at(0).assigned());
    QVERIFY(review.setStatus(2, AttendanceStatus::Excused));
    QCOMPARE(review.countWithStatus(AttendanceStatus::Excused), 1);
    QVERIFY(review.cycleStatus(2)); // excused → present
    QCOMPARE(attendanceStatusName(review.roster().at(2).status), attendanceStatusName(AttendanceStatus::Present));
}

void TestMarkReview::confirmUncertain()
{
    MarkReview review;
    review.setRoster(roster());
    review.addFaces({ face(QStringLiteral("a"), ReviewFace::Band::Uncertain, 0.5, 0),
                      face(QStringLiteral("b"), ReviewFace::Band::Uncertain, 0.52, 200) });
    QSignalSpy rows(&review, &MarkReview::rowChanged);
    QVERIFY(review.confirm(0));
    QVERIFY(!review.confirm(0));
    QCOMPARE(rows.count(), 1);
    QCOMPARE(review.faces().at(0).display(), ReviewFace::Display::Manual);
    QCOMPARE(review.confirmAll(), 1);
    QCOMPARE(review.needsReviewCount(), 0);
}

void TestMarkReview::changesListCorrections()
{
    MarkReview review;
    review.setRoster(roster());
    review.addFaces({ face(QStringLiteral("a"), ReviewFace::Band::Uncertain, 0.5, 0),
                      face(QString(), ReviewFace::Band::Unknown, qQNaN(), 200) });
    review.confirm(0); // a: confirmed
    review.assignFace(1, QStringLiteral("b")); // b: absent → present with face 2
    review.setStatus(2, AttendanceStatus::Late); // c: absent → late
    const QList<MarkReview::Change> changes = review.changes();
    QStringList flat;
    for (const MarkReview::Change &c : changes)
        flat << c.studentUuid + QLatin1Char(':') + c.field + QLatin1Char(':') + c.oldValue + QStringLiteral("->")
                + c.newValue;
    QVERIFY2(flat.contains(QStringLiteral("a:match:uncertain->confirmed")), qPrintable(flat.join(u'|')));
    QVERIFY2(flat.contains(QStringLiteral("b:status:absent->present")), qPrintable(flat.join(u'|')));
    QVERIFY2(flat.contains(QStringLiteral("c:status:absent->late")), qPrintable(flat.join(u'|')));
    bool faceChange = false;
    for (const MarkReview::Change &c : changes)
        faceChange = faceChange || (c.studentUuid == QLatin1String("b") && c.field == QLatin1String("face"));
    QVERIFY(faceChange);
    QVERIFY(review.isManual(0) && review.isManual(1) && review.isManual(2));
    review.markSaved();
    QVERIFY(!review.hasUnsavedChanges());
}

QTEST_GUILESS_MAIN(TestMarkReview)
#include "tst_markreview.moc"
