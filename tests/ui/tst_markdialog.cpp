#include "TestPaths.h"
#include "UiFixture.h"
#include "common/Settings.h"
#include "mark/FaceBoxItem.h"
#include "mark/MarkDialog.h"
#include "mark/PhotoView.h"
#include "mark/RosterTableModel.h"
#include "storage/AuditRepository.h"
#include "storage/MarkReview.h"
#include "storage/PhotoProvenance.h"
#include "storage/PhotoStore.h"
#include "storage/SessionRepository.h"
#include "students/Enrolment.h"
#include "util/ClassComboBox.h"
#include "util/VisionService.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableView>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestPaths;
using rollcall::test::UiFixture;

// Drives the real mark dialog: DEV-A enrolled through the engine, easy.jpg
// recognised, results checked against classrooms/manifest.json, corrected,
// saved, and the database and audit log checked.
class TestMarkDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recogniseCorrectAndSave();
    void leavingWithUnsavedChangesAsks();
    void thresholdOverridesFromSettings();
    void guiAndCliAgree();
    void cleanupTestCase();

private:
    void openRecognised(QPointer<MarkDialog> &dialog,
                        const QString &photo = QStringLiteral("classrooms/DEV-A/easy.jpg"));
    int faceOfStudent(const MarkReview *review, const QString &studentId) const;
    QString uuidOf(const QString &studentId) const { return m_uuidById.value(studentId); }

    std::unique_ptr<UiFixture> m_fixture;
    QString m_classId;
    QJsonObject m_class; // the manifest's DEV-A
    QHash<QString, QString> m_uuidById; // student ID → UUID
};

static double iou(const QRectF &a, const QRectF &b)
{
    const QRectF i = a.intersected(b);
    const double inter = i.width() * i.height();
    return inter / (a.width() * a.height() + b.width() * b.height() - inter);
}

void TestMarkDialog::initTestCase()
{
    m_fixture = std::make_unique<UiFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    QFile file(TestPaths::data(QStringLiteral("classrooms/manifest.json")));
    QVERIFY2(file.open(QIODevice::ReadOnly), "classrooms/manifest.json is missing from the shared test data");
    for (const QJsonValue &c : QJsonDocument::fromJson(file.readAll()).object().value(u"classes").toArray()) {
        if (c.toObject().value(u"code").toString() == QLatin1String("DEV-A"))
            m_class = c.toObject();
    }
    QVERIFY(!m_class.isEmpty());
    m_classId = m_fixture->addClass(QStringLiteral("DEV-A"), QStringLiteral("Development A")).id;
    QVERIFY(!m_classId.isEmpty());
    // Enrol the class through the engine, as the registration dialog does.
    for (const QJsonValue &s : m_class.value(u"students").toArray()) {
        const QJsonObject student = s.toObject();
        QStringList photos;
        for (const QJsonValue &p : student.value(u"photos").toArray())
            photos << TestPaths::data(QStringLiteral("classrooms/") + p.toString());
        const Result<QString> uuid
            = Enrolment::enrolFiles(m_fixture->db(), m_classId, student.value(u"student_id").toString(),
                                    student.value(u"name").toString(), photos);
        QVERIFY2(uuid.ok(), uuid.ok() ? "" : qPrintable(uuid.error().message()));
        m_uuidById.insert(student.value(u"student_id").toString(), uuid.value());
    }
    QCOMPARE(m_uuidById.size(), 30);
}

// The same photo, roster and settings give the same register in the GUI and the CLI:
// a looser threshold with a wide uncertain band (so some matches need review) and a
// larger minimum face size (so some faces are too small) in settings.ini.
void TestMarkDialog::guiAndCliAgree()
{
    const QString model = VisionService::instance().embedderModel();
    {
        Settings settings;
        QVERIFY(settings.setThresholds(model, { 0.1, 0.045 }));
        QVERIFY(settings.setValue(Settings::Key::MinRecognisableFace, 36));
        QVERIFY(settings.sync());
    }
    auto restore = qScopeGuard([&model] {
        Settings settings;
        settings.setThresholds(model, {});
        settings.reset(Settings::Key::MinRecognisableFace);
    });
    QPointer<MarkDialog> dialog;
    openRecognised(dialog, QStringLiteral("classrooms/DEV-A/hard.jpg"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(dialog->lastError().isEmpty(), qPrintable(dialog->lastError()));
    const MarkReview *review = dialog->review();
    QList<QPoint> guiUnknown; // top-left corners of the unknown faces
    int guiTooSmall = 0;
    for (const ReviewFace &f : review->faces()) {
        if (f.tooSmall)
            ++guiTooSmall;
        else if (!f.assigned())
            guiUnknown << f.box.topLeft().toPoint();
    }
    // The photo's provenance is shown before saving: the test photo has no EXIF capture time.
    auto warningCodes = [](const QList<PhotoWarning> &warnings) {
        QStringList out;
        for (const PhotoWarning &w : warnings)
            out << QStringLiteral("%1:%2").arg(w.photo).arg(PhotoWarning::codeName(w.code));
        return out;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->photoWarnings().isEmpty(), 10000);
    const QStringList shown = warningCodes(dialog->photoWarnings());
    QVERIFY2(shown.contains(QStringLiteral("0:photo_no_capture_time")), qPrintable(shown.join(u' ')));
    auto *warningLabel = dialog->findChild<QLabel *>(QStringLiteral("photoWarnings"));
    QVERIFY(warningLabel && warningLabel->isVisible());
    QVERIFY(warningLabel->text().contains(QStringLiteral("Photo 1")));
    QSignalSpy guiSaved(dialog.data(), &MarkDialog::sessionSaved);
    dialog->save();
    QTRY_COMPARE_WITH_TIMEOUT(guiSaved.count(), 1, 30000);
    const Result<AttendanceSession> gui = SessionRepository(m_fixture->db()).load(guiSaved.at(0).at(0).toString());
    QVERIFY(gui.ok());
    // What was shown is what was stored with the session.
    QCOMPARE(warningCodes(PhotoProvenance(m_fixture->db()).warningsOf(gui->id).value()), shown);
    QSet<QString> guiPresent;
    QSet<QString> guiReview;
    for (const AttendanceRecord &r : gui->records) {
        if (r.status == AttendanceStatus::Present)
            guiPresent.insert(r.studentId);
        else if (r.status == AttendanceStatus::Review)
            guiReview.insert(r.studentId);
    }
    // The settings took effect: some matches wait for review, some faces are too small.
    QVERIFY2(!guiReview.isEmpty(), "no uncertain match with a 0.045 band: the band override was not applied");
    QVERIFY2(guiTooSmall > 0, "no face under 36 px: the minimum face size was not applied");
    QVERIFY(!guiPresent.isEmpty());

    const auto cli = rollcall::test::runCli({ QStringLiteral("mark"), QStringLiteral("--class"),
                                              QStringLiteral("DEV-A"), QStringLiteral("--json"),
                                              TestPaths::data(QStringLiteral("classrooms/DEV-A/hard.jpg")) },
                                            m_fixture->dataDir());
    QVERIFY2(cli.exitCode == 0, cli.err.constData());
    const QJsonObject root = QJsonDocument::fromJson(cli.out).object();
    auto ids = [&root](const char *key) {
        QSet<QString> out;
        for (const QJsonValue &v : root.value(QLatin1String(key)).toArray())
            out.insert(v.toObject().value(u"student_id").toString());
        return out;
    };
    QCOMPARE(ids("present"), guiPresent);
    QCOMPARE(ids("review"), guiReview);
    const QJsonArray cliUnknown = root.value(u"unknown_faces").toArray();
    QCOMPARE(cliUnknown.size(), guiUnknown.size());
    for (const QPoint &corner : std::as_const(guiUnknown)) {
        const bool found = std::any_of(cliUnknown.begin(), cliUnknown.end(), [&corner](const QJsonValue &v) {
            const QJsonArray b = v.toObject().value(u"box").toArray();
            return std::abs(b.at(0).toInt() - corner.x()) <= 1 && std::abs(b.at(1).toInt() - corner.y()) <= 1;
        });
        QVERIFY2(found,
                 qPrintable(QStringLiteral("the GUI's unknown face at %1,%2 is not unknown in the CLI")
                                .arg(corner.x())
                                .arg(corner.y())));
    }
    QCOMPARE(root.value(u"too_small_faces").toArray().size(), guiTooSmall);
    // The CLI sees the photo the GUI just saved: reused, and still without a capture time.
    QStringList cliWarnings;
    for (const QJsonValue &v : root.value(u"warnings").toArray())
        cliWarnings << QStringLiteral("%1:%2")
                           .arg(v.toObject().value(u"photo").toInt())
                           .arg(v.toObject().value(u"code").toString());
    QCOMPARE(cliWarnings, QStringList({ QStringLiteral("0:photo_reused"), QStringLiteral("0:photo_no_capture_time") }));
    // And the CLI's session holds the same records as the GUI's.
    const Result<AttendanceSession> saved
        = SessionRepository(m_fixture->db()).load(root.value(u"session").toObject().value(u"id").toString());
    QVERIFY(saved.ok());
    QCOMPARE(saved->records.size(), gui->records.size());
    for (int i = 0; i < saved->records.size(); ++i) {
        QCOMPARE(saved->records.at(i).studentId, gui->records.at(i).studentId);
        QCOMPARE(saved->records.at(i).status, gui->records.at(i).status);
    }
}

void TestMarkDialog::cleanupTestCase()
{
    m_fixture.reset();
}

int TestMarkDialog::faceOfStudent(const MarkReview *review, const QString &studentId) const
{
    const RosterEntry *entry = review->student(uuidOf(studentId));
    return entry ? entry->face : -1;
}

void TestMarkDialog::openRecognised(QPointer<MarkDialog> &dialog, const QString &photo)
{
    dialog = new MarkDialog(&m_fixture->db());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->classCombo()->isLoaded(), 10000);
    dialog->classCombo()->selectClass(m_classId);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->review()->roster().size(), qsizetype(30), 10000);
    dialog->addPhotoFiles({ TestPaths::data(photo) });
    QVERIFY(dialog->isBusy());
    // The GUI thread stays free while the engine works: the dialog keeps processing events.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 180000);
}

void TestMarkDialog::recogniseCorrectAndSave()
{
    QPointer<MarkDialog> dialog;
    openRecognised(dialog);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(dialog->lastError().isEmpty(), qPrintable(dialog->lastError()));
    const MarkReview *review = dialog->review();

    // Roster statuses against the manifest: the 24 present students present, the 6 others absent.
    QSet<QString> present;
    for (const QJsonValue &id : m_class.value(u"present").toArray())
        present.insert(id.toString());
    QCOMPARE(present.size(), 24);
    QStringList wrong;
    for (const RosterEntry &entry : review->roster()) {
        const bool expected = present.contains(entry.studentId);
        if ((entry.status == AttendanceStatus::Present) != expected)
            wrong << QStringLiteral("%1 is %2 (distance %3)")
                         .arg(entry.studentId, attendanceStatusName(entry.status))
                         .arg(entry.distance);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));

    // Face boxes against the manifest: every face found; a student on their own face, or (a
    // mistake the teacher is asked to review) matched uncertainly elsewhere; strangers on none.
    const QJsonArray faces = m_class.value(u"variants").toObject().value(u"easy").toObject().value(u"faces").toArray();
    QCOMPARE(faces.size(), 28);
    int strangerFace = -1;
    QHash<int, QString> truthOfFace; // face index → manifest id
    QList<QPair<QString, int>> toFix; // student ID, their real face
    for (const QJsonValue &v : faces) {
        const QJsonObject truth = v.toObject();
        const QJsonArray b = truth.value(u"box").toArray();
        const QRectF box(b.at(0).toDouble(), b.at(1).toDouble(), b.at(2).toDouble(), b.at(3).toDouble());
        int best = -1;
        double bestIou = 0.0;
        for (int i = 0; i < review->faces().size(); ++i) {
            const double overlap = iou(box, review->faces().at(i).box);
            if (overlap > bestIou) {
                bestIou = overlap;
                best = i;
            }
        }
        const QString id = truth.value(u"id").toString();
        QVERIFY2(best >= 0 && bestIou >= 0.4,
                 qPrintable(QStringLiteral("no face found at %1 (best IoU %2)").arg(id).arg(bestIou)));
        truthOfFace.insert(best, id);
        const ReviewFace &face = review->faces().at(best);
        QVERIFY(!face.tooSmall);
        if (truth.value(u"kind").toString() == QLatin1String("student")) {
            if (face.studentUuid != uuidOf(id)) {
                const RosterEntry *entry = review->student(uuidOf(id));
                QVERIFY2(entry && entry->needsReview,
                         qPrintable(QStringLiteral("%1 is not on their face at %2,%3 and not flagged for review")
                                        .arg(id)
                                        .arg(box.x())
                                        .arg(box.y())));
                toFix.append({ id, best });
            }
        } else {
            QVERIFY2(!face.assigned(), qPrintable(id + QStringLiteral(" was matched to a student")));
            strangerFace = best;
        }
        // The photo view draws that box, in the band's colour, labelled with the name.
        const FaceBoxItem *item = dialog->photoView()->faceItem(best);
        QVERIFY(item);
        QCOMPARE(item->display(), face.display());
        if (face.assigned())
            QVERIFY(item->label().startsWith(review->student(face.studentUuid)->name));
    }
    QVERIFY(strangerFace >= 0);
    // No confident match is wrong: every confidently matched face is that student's.
    for (int i = 0; i < review->faces().size(); ++i) {
        const ReviewFace &face = review->faces().at(i);
        if (face.display() == ReviewFace::Display::Confident)
            QVERIFY2(truthOfFace.value(i) == review->student(face.studentUuid)->studentId,
                     qPrintable(QStringLiteral("face %1 confidently matched to %2 is %3")
                                    .arg(i)
                                    .arg(review->student(face.studentUuid)->studentId, truthOfFace.value(i))));
    }

    // The teacher fixes the uncertain mistakes: click the student's real face, pick them from the menu.
    for (const auto &[id, realFace] : std::as_const(toFix)) {
        dialog->photoView()->showFace(realFace);
        QTest::mouseClick(dialog->photoView()->viewport(), Qt::LeftButton, {},
                          dialog->photoView()->faceCentre(realFace));
        QMenu *menu = dialog->findChild<QMenu *>(QStringLiteral("faceMenu"));
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        QAction *pick = menu->findChild<QAction *>(QStringLiteral("assign_") + uuidOf(id));
        QVERIFY(pick);
        pick->trigger();
        menu->close();
        QCOMPARE(faceOfStudent(review, id), realFace);
        QCOMPARE(review->faces().at(realFace).display(), ReviewFace::Display::Manual);
        QCOMPARE(dialog->photoView()->faceItem(realFace)->display(), ReviewFace::Display::Manual);
    }
    qInfo("%d uncertain mistake(s) corrected by reassigning faces", int(toFix.size()));

    // Reassign: the stranger's face is said to be an absent student, by clicking it and picking from the menu.
    QString absentId;
    for (const RosterEntry &entry : review->roster()) {
        if (!present.contains(entry.studentId)) {
            absentId = entry.studentId;
            break;
        }
    }
    QVERIFY(!absentId.isEmpty());
    dialog->photoView()->showFace(strangerFace);
    QTest::mouseClick(dialog->photoView()->viewport(), Qt::LeftButton, {},
                      dialog->photoView()->faceCentre(strangerFace));
    QMenu *menu = dialog->findChild<QMenu *>(QStringLiteral("faceMenu"));
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QAction *assign = menu->findChild<QAction *>(QStringLiteral("assign_") + uuidOf(absentId));
    QVERIFY(assign);
    assign->trigger();
    menu->close();
    QCOMPARE(review->student(uuidOf(absentId))->status, AttendanceStatus::Present);
    QCOMPARE(review->faces().at(strangerFace).display(), ReviewFace::Display::Manual);

    // Move a recognised student's name to that same face: never two faces for one student.
    const QString movedId = QStringLiteral("DEV-A-012");
    const int movedFrom = faceOfStudent(review, movedId);
    QVERIFY(movedFrom >= 0);
    QVERIFY(dialog->review()->assignFace(movedFrom, uuidOf(absentId)));
    QCOMPARE(faceOfStudent(review, absentId), movedFrom);
    QVERIFY(!review->faces().at(strangerFace).assigned());
    QCOMPARE(review->student(uuidOf(movedId))->status, AttendanceStatus::Absent);
    int assignedToAbsent = 0;
    for (const ReviewFace &f : review->faces())
        assignedToAbsent += f.studentUuid == uuidOf(absentId) ? 1 : 0;
    QCOMPARE(assignedToAbsent, 1);

    // Mark the stranger "not a student" and one present student late through the roster table.
    QVERIFY(dialog->review()->markNotStudent(strangerFace));
    auto *table = dialog->rosterTable();
    const int lateRow = review->rowOf(uuidOf(QStringLiteral("DEV-A-013")));
    table->model()->setData(table->model()->index(lateRow, RosterTableModel::StatusColumn), QStringLiteral("late"));
    QCOMPARE(review->roster().at(lateRow).status, AttendanceStatus::Late);

    // Save: one session with every student, the corrections in the audit log.
    dialog->periodEdit()->setText(QStringLiteral("3"));
    // Uncertain matches still unconfirmed are saved as "review", never as present.
    const int unconfirmed = review->needsReviewCount();
    QSignalSpy saved(dialog.data(), &MarkDialog::sessionSaved);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveSessionButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
    const QString sessionId = saved.at(0).at(0).toString();
    QTRY_VERIFY(!dialog); // closed and deleted

    const Result<AttendanceSession> session = SessionRepository(m_fixture->db()).load(sessionId);
    QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.error().message()));
    QCOMPARE(session->classId, m_classId);
    QCOMPARE(session->period, QStringLiteral("3"));
    QCOMPARE(session->records.size(), 30);
    QCOMPARE(session->sourcePhotos.size(), 1);
    QVERIFY(PhotoStore().contains(session->sourcePhotos.first()));
    QHash<QString, AttendanceRecord> byId;
    for (const AttendanceRecord &r : session->records)
        byId.insert(r.studentId, r);
    QCOMPARE(byId.value(absentId).status, AttendanceStatus::Present);
    QCOMPARE(byId.value(absentId).source, MarkSource::Manual);
    QVERIFY(!byId.value(absentId).faceBox.isNull());
    QCOMPARE(byId.value(movedId).status, AttendanceStatus::Absent);
    QCOMPARE(byId.value(movedId).source, MarkSource::Manual);
    QCOMPARE(byId.value(QStringLiteral("DEV-A-013")).status, AttendanceStatus::Late);
    QCOMPARE(byId.value(QStringLiteral("DEV-A-000")).source, MarkSource::Automatic);
    QVERIFY(byId.value(QStringLiteral("DEV-A-000")).distance.has_value());
    int presentCount = 0;
    int reviewCount = 0;
    for (const AttendanceRecord &r : session->records) {
        presentCount += r.status == AttendanceStatus::Present ? 1 : 0;
        reviewCount += r.status == AttendanceStatus::Review ? 1 : 0;
    }
    QCOMPARE(reviewCount, unconfirmed);
    QCOMPARE(session->reviewCount, unconfirmed);
    // 24 − DEV-A-012 (moved) − DEV-A-013 (late) + the absent student, some of them left to review.
    QCOMPARE(presentCount + reviewCount, 23);

    auto auditOf = [this, &byId](const QString &studentId) {
        const Result<QList<AuditEntry>> entries = AuditRepository(m_fixture->db()).forEntity(byId.value(studentId).id);
        QStringList out;
        for (const AuditEntry &e : entries.value())
            out << e.field + QLatin1Char(':') + e.oldValue + QStringLiteral("->") + e.newValue + QLatin1Char(':')
                    + e.source;
        return out;
    };
    QVERIFY2(auditOf(absentId).contains(QStringLiteral("status:absent->present:manual")),
             qPrintable(auditOf(absentId).join(u'|')));
    QVERIFY2(auditOf(movedId).contains(QStringLiteral("status:present->absent:manual")),
             qPrintable(auditOf(movedId).join(u'|')));
    QVERIFY2(auditOf(QStringLiteral("DEV-A-013")).contains(QStringLiteral("status:present->late:manual")),
             qPrintable(auditOf(QStringLiteral("DEV-A-013")).join(u'|')));
    QVERIFY(auditOf(QStringLiteral("DEV-A-000")).isEmpty());
    for (const auto &[id, realFace] : std::as_const(toFix)) {
        Q_UNUSED(realFace)
        const QStringList entries = auditOf(id);
        QVERIFY2(std::any_of(entries.cbegin(), entries.cend(),
                             [](const QString &e) { return e.startsWith(QLatin1String("face:")); }),
                 qPrintable(id + QStringLiteral(": ") + entries.join(u'|')));
        QCOMPARE(byId.value(id).source, MarkSource::Manual);
    }
}

void TestMarkDialog::leavingWithUnsavedChangesAsks()
{
    QPointer<MarkDialog> dialog;
    openRecognised(dialog);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!dialog->review()->faces().isEmpty());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")), Qt::LeftButton);
    auto *box = dialog->findChild<QMessageBox *>(QStringLiteral("unsavedChangesBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(50);
    QVERIFY(dialog && dialog->isVisible());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")), Qt::LeftButton);
    box = dialog->findChild<QMessageBox *>(QStringLiteral("unsavedChangesBox"));
    QVERIFY(box);
    box->button(QMessageBox::Discard)->click();
    QTRY_VERIFY(!dialog);
    // Nothing was saved by leaving.
    const Result<QList<AttendanceSession>> sessions = SessionRepository(m_fixture->db()).list(m_classId);
    QVERIFY(sessions.ok());
    QCOMPARE(sessions->size(), 1); // the one saved by recogniseCorrectAndSave
}

void TestMarkDialog::thresholdOverridesFromSettings()
{
    // Settings ▸ Models: a match threshold far below the model's leaves every face unknown.
    const QString model = VisionService::instance().embedderModel();
    QVERIFY(!model.isEmpty());
    QVERIFY(Settings().setThresholds(model, { 0.001, 0.0 }));
    QPointer<MarkDialog> dialog;
    openRecognised(dialog);
    QVERIFY(Settings().setThresholds(model, {}));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(dialog->review()->faces().size() >= 28);
    for (const ReviewFace &face : dialog->review()->faces())
        QVERIFY(!face.assigned());
    QCOMPARE(dialog->review()->countWithStatus(AttendanceStatus::Present), 0);
    dialog->review()->markSaved();
    dialog->done(QDialog::Rejected);
}

QTEST_MAIN(TestMarkDialog)
#include "tst_markdialog.moc"
