#include "UiFixture.h"
#include "dashboard/DashboardView.h"

#include <QChartView>
#include <QStandardItemModel>
#include <QtTest>

using namespace rollcall;
using rollcall::test::UiFixture;

class TestDashboardView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentagesChartsAndThreshold();
};

void TestDashboardView::percentagesChartsAndThreshold()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const ClassInfo cls = fixture.addClass(QStringLiteral("MAT-3"));
    const Student a = fixture.addStudent(cls.id, QStringLiteral("M-1"), QStringLiteral("Ada"));
    const Student b = fixture.addStudent(cls.id, QStringLiteral("M-2"), QStringLiteral("Grace"));
    // Ada 4/4; Grace 2/4 (50 %, below the default 75 %).
    const QStringList grace
        = { QStringLiteral("present"), QStringLiteral("absent"), QStringLiteral("late"), QStringLiteral("absent") };
    for (int day = 0; day < 4; ++day)
        fixture.addSession(cls.id, QDate(2025, 1, 6).addDays(day),
                           { { a.studentUuid, QStringLiteral("present") }, { b.studentUuid, grace.at(day) } });

    DashboardView view(&fixture.db());
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(view.attendance().sessions.size(), 4);
    QTRY_VERIFY(!view.isLoading());
    const ClassAttendance &att = view.attendance();
    QCOMPARE(att.students.size(), 2);
    QCOMPARE(att.students.at(att.studentRow.value(a.studentUuid)).percent, 100.0);
    QCOMPARE(att.students.at(att.studentRow.value(b.studentUuid)).percent, 50.0);
    QCOMPARE(att.sessions.at(0).percent, 100.0);
    QCOMPARE(att.sessions.at(1).percent, 50.0);

    QCOMPARE(view.belowThresholdModel()->rowCount(), 1);
    QCOMPARE(view.belowThresholdModel()->item(0, 0)->text(), QStringLiteral("M-2"));

    auto *students = view.findChild<QChartView *>(QStringLiteral("studentChart"));
    auto *sessions = view.findChild<QChartView *>(QStringLiteral("sessionChart"));
    QVERIFY(students && students->chart() && !students->chart()->series().isEmpty());
    QVERIFY(sessions && sessions->chart() && !sessions->chart()->series().isEmpty());
}

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
