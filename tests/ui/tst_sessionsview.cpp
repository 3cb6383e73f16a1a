#include "TestPaths.h"
#include "TestPhotos.h"
#include "UiFixture.h"
#include "sessions/SessionDialog.h"
#include "sessions/SessionRecordModel.h"
#include "sessions/SessionsView.h"
#include "storage/AuditRepository.h"
#include "storage/PhotoStore.h"
#include "storage/SessionRecorder.h"
#include "storage/SessionRepository.h"

#include <QDateEdit>
#include <QLabel>
#include <QTableView>
#include <QtTest>

using namespace rollcall;
using rollcall::test::UiFixture;

class TestSessionsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsByDateRangeAndEditsAudited();
    void dialogShowsPhotoWarnings();
};

void TestSessionsView::listsByDateRangeAndEditsAudited()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const ClassInfo cls = fixture.addClass(QStringLiteral("BIO-7"));
    const Student a = fixture.addStudent(cls.id, QStringLiteral("B-1"), QStringLiteral("Ada"));
    const Student b = fixture.addStudent(cls.id, QStringLiteral("B-2"), QStringLiteral("Grace"));
    const QDate today = QDate::currentDate();
    const QString recent = fixture.addSession(
        cls.id, today.addDays(-2),
        { { a.studentUuid, QStringLiteral("present") }, { b.studentUuid, QStringLiteral("absent") } });
    fixture.addSession(cls.id, today.addDays(-200), { { a.studentUuid, QStringLiteral("absent") } });
    QVERIFY(!recent.isEmpty());

    SessionsView view(&fixture.db());
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableView *table = view.table();
    // The default range is the last 90 days: one session.
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QTRY_VERIFY(!view.isLoading());
    QCOMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("1")); // present
    QCOMPARE(table->model()->index(0, 4).data().toString(), QStringLiteral("1")); // absent
    view.findChild<QDateEdit *>(QStringLiteral("sessionsFrom"))->setDate(today.addDays(-365));
    QTRY_COMPARE(table->model()->rowCount(), 2);

    // Open the recent one and correct Grace: absent → excused.
    auto *dialog = qobject_cast<SessionDialog *>(view.openSession(recent));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isLoaded());
    SessionRecordModel *records = dialog->records();
    QCOMPARE(records->rowCount(), 2);
    int graceRow = -1;
    for (int row = 0; row < records->rowCount(); ++row) {
        if (records->index(row, SessionRecordModel::IdColumn).data().toString() == QLatin1String("B-2"))
            graceRow = row;
    }
    QVERIFY(graceRow >= 0);
    QVERIFY(records->flags(records->index(graceRow, SessionRecordModel::StatusColumn)) & Qt::ItemIsEditable);
    records->setData(records->index(graceRow, SessionRecordModel::StatusColumn), QStringLiteral("excused"));
    QTRY_COMPARE(records->index(graceRow, SessionRecordModel::StatusColumn).data().toString(),
                 QStringLiteral("Excused"));
    QCOMPARE(records->index(graceRow, SessionRecordModel::SourceColumn).data().toString(), QStringLiteral("Manual"));

    const Result<AttendanceSession> stored = SessionRepository(fixture.db()).load(recent);
    QVERIFY(stored.ok());
    QString recordId;
    for (const AttendanceRecord &r : stored->records) {
        if (r.studentUuid == b.studentUuid) {
            QCOMPARE(r.status, AttendanceStatus::Excused);
            QCOMPARE(r.source, MarkSource::Manual);
            recordId = r.id;
        }
    }
    QVERIFY(!recordId.isEmpty());
    const Result<QList<AuditEntry>> audit = AuditRepository(fixture.db()).forEntity(recordId);
    QVERIFY(audit.ok());
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->first().oldValue, QStringLiteral("absent"));
    QCOMPARE(audit->first().newValue, QStringLiteral("excused"));
    QCOMPARE(audit->first().source, QStringLiteral("manual"));
    dialog->close();
}

// The photo warnings recorded with a session are shown when it is opened again.
void TestSessionsView::dialogShowsPhotoWarnings()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const ClassInfo cls = fixture.addClass(QStringLiteral("PHY-1"));
    const Student s = fixture.addStudent(cls.id, QStringLiteral("P-1"), QStringLiteral("Asha"));
    PhotoStore store;
    SessionRecorder::Request request;
    request.classId = cls.id;
    request.date = QDate(2026, 8, 3);
    // No EXIF capture time in the test photo.
    request.photos.append({ {}, test::readBytes(test::TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg"))) });
    request.records << AttendanceRecord { .studentUuid = s.studentUuid, .status = AttendanceStatus::Present };
    SessionRecorder recorder(fixture.db(), store);
    const Result<AttendanceSession> saved = recorder.record(request);
    QVERIFY(saved.ok());
    QCOMPARE(recorder.warnings().size(), 1);

    SessionDialog dialog(&fixture.db(), saved->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY(dialog.isLoaded());
    auto *warnings = dialog.findChild<QLabel *>(QStringLiteral("sessionPhotoWarnings"));
    QVERIFY(warnings);
    QTRY_VERIFY(warnings->isVisible());
    QVERIFY2(warnings->text().contains(QStringLiteral("Photo 1 does not say when it was taken")),
             qPrintable(warnings->text()));
    QCOMPARE(warnings->toolTip(), recorder.warnings().first().message);
}

QTEST_MAIN(TestSessionsView)
#include "tst_sessionsview.moc"
