#include "MainWindow.h"
#include "UiFixture.h"
#include "dashboard/DashboardView.h"

#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QScreen>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QtTest>

using namespace rollcall;
using rollcall::test::UiFixture;

class TestDashboardView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentagesChartsAndThreshold();
    void realClassSizes_data();
    void realClassSizes();
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

void TestDashboardView::realClassSizes_data()
{
    QTest::addColumn<int>("students");
    QTest::newRow("60 students") << 60;
    QTest::newRow("120 students") << 120;
}

// Indian engineering classes have 60-120 students: the main window still fits a
// 1366x768 lab monitor, and the per-student chart shows every whole name.
void TestDashboardView::realClassSizes()
{
    QFETCH(int, students);
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const ClassInfo cls = fixture.addClass(QStringLiteral("ECE-2"));
    const QStringList first { QStringLiteral("Aarav"), QStringLiteral("Priyanka"), QStringLiteral("Venkatesh"),
                              QStringLiteral("Lakshmi"), QStringLiteral("Mohammed") };
    const QStringList last { QStringLiteral("Subramanian"), QStringLiteral("Chattopadhyay"),
                             QStringLiteral("Raghunathan"), QStringLiteral("Deshpande") };
    QStringList names;
    QList<Student> roster;
    for (int i = 0; i < students; ++i) {
        names << QStringLiteral("%1 %2 %3").arg(first.at(i % first.size()), last.at(i % last.size())).arg(i + 1);
        roster << fixture.addStudent(cls.id, QStringLiteral("E-%1").arg(i + 1, 3, 10, QLatin1Char('0')), names.last());
    }
    for (int day = 0; day < 6; ++day) {
        QList<QPair<QString, QString>> statuses;
        for (int i = 0; i < students; ++i)
            statuses.append({ roster.at(i).studentUuid,
                              (i + day) % 5 == 0 ? QStringLiteral("absent") : QStringLiteral("present") });
        QVERIFY(!fixture.addSession(cls.id, QDate(2026, 8, 3).addDays(day), statuses).isEmpty());
    }

    MainWindow window(&fixture.db());
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *view = window.findChild<DashboardView *>();
    QTRY_VERIFY(qobject_cast<DashboardView *>(window.home()->currentWidget()));
    QTRY_COMPARE_WITH_TIMEOUT(view->attendance().students.size(), qsizetype(students), 10000);
    QTRY_VERIFY(!view->isLoading());
    QCoreApplication::processEvents();
    QVERIFY2(window.minimumSizeHint().height() <= 768, qPrintable(QString::number(window.minimumSizeHint().height())));
    QVERIFY2(window.height() <= 768, qPrintable(QString::number(window.height())));

    // Every name on the chart's axis whole, none elided.
    auto *chart = view->findChild<QChartView *>(QStringLiteral("studentChart"));
    QVERIFY(chart && chart->scene());
    QSet<QString> shown;
    int elided = 0;
    for (QGraphicsItem *item : chart->scene()->items()) {
        QString text;
        if (auto *t = dynamic_cast<QGraphicsTextItem *>(item))
            text = t->toPlainText();
        else if (auto *st = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            text = st->text();
        if (text.contains(QChar(0x2026)) || text.endsWith(QLatin1String("...")))
            ++elided;
        shown.insert(text);
    }
    QCOMPARE(elided, 0);
    for (const QString &name : std::as_const(names))
        QVERIFY2(shown.contains(name), qPrintable(name));
}

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
