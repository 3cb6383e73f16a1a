#include "UiFixture.h"
#include "storage/AuditRepository.h"
#include "storage/StudentRepository.h"
#include "students/StudentEditDialog.h"
#include "students/StudentTableModel.h"
#include "students/StudentsView.h"
#include "util/ClassComboBox.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace rollcall;
using rollcall::test::UiFixture;

class TestStudentsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchSortAndDetails();
    void editDeactivateDelete();

private:
    static int rowsShown(QTableView *table) { return table->model()->rowCount(); }
    static void select(QTableView *table, const QString &studentId);
};

void TestStudentsView::select(QTableView *table, const QString &studentId)
{
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, StudentTableModel::IdColumn).data().toString() == studentId) {
            table->selectRow(row);
            return;
        }
    }
}

void TestStudentsView::searchSortAndDetails()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const ClassInfo cls = fixture.addClass(QStringLiteral("PHY-2"), QStringLiteral("Physics"));
    const Student a = fixture.addStudent(cls.id, QStringLiteral("S-03"), QStringLiteral("Zoë Adams"));
    const Student b = fixture.addStudent(cls.id, QStringLiteral("S-01"), QStringLiteral("अर्जुन शर्मा"));
    const Student c = fixture.addStudent(cls.id, QStringLiteral("S-02"), QStringLiteral("Bob O'Neil"));
    fixture.addSession(cls.id, QDate(2025, 3, 3),
                       { { a.studentUuid, QStringLiteral("present") },
                         { b.studentUuid, QStringLiteral("absent") },
                         { c.studentUuid, QStringLiteral("late") } });
    fixture.addSession(cls.id, QDate(2025, 3, 4),
                       { { a.studentUuid, QStringLiteral("present") },
                         { b.studentUuid, QStringLiteral("absent") },
                         { c.studentUuid, QStringLiteral("excused") } });

    StudentsView view(&fixture.db());
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *table = view.findChild<QTableView *>(QStringLiteral("studentsTable"));
    QTRY_COMPARE(rowsShown(table), 3);
    QTRY_VERIFY(!view.isLoading());
    // Sorted by ID.
    QCOMPARE(table->model()->index(0, StudentTableModel::IdColumn).data().toString(), QStringLiteral("S-01"));
    // Attendance: a 100 %, b 0 %, c 1 of 1 counted (excused left out) = 100 %.
    auto percentOf = [table](const QString &id) {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, StudentTableModel::IdColumn).data().toString() == id)
                return table->model()->index(row, StudentTableModel::AttendanceColumn).data().toString();
        }
        return QString();
    };
    QCOMPARE(percentOf(QStringLiteral("S-03")), QStringLiteral("100 %"));
    QCOMPARE(percentOf(QStringLiteral("S-01")), QStringLiteral("0 %"));
    QCOMPARE(percentOf(QStringLiteral("S-02")), QStringLiteral("100 %"));

    // Search any column, case-insensitive, any script.
    auto *search = view.findChild<QLineEdit *>(QStringLiteral("studentSearch"));
    search->insert(QStringLiteral("शर्मा")); // keyClicks types ASCII only
    QCOMPARE(rowsShown(table), 1);
    search->clear();
    QTest::keyClicks(search, QStringLiteral("o'neil"));
    QCOMPARE(rowsShown(table), 1);
    search->clear();
    QCOMPARE(rowsShown(table), 3);

    // Sort by name descending.
    table->sortByColumn(StudentTableModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(table->model()->index(0, StudentTableModel::IdColumn).data().toString(), QStringLiteral("S-01"));

    // Details of the selected student: history newest first.
    select(table, QStringLiteral("S-02"));
    auto *summary = view.findChild<QLabel *>(QStringLiteral("studentDetailSummary"));
    QVERIFY2(summary->text().contains(QLatin1String("1 of 1")), qPrintable(summary->text()));
    auto *history = view.findChild<QTableView *>(QStringLiteral("studentHistory"));
    QCOMPARE(history->model()->rowCount(), 2);
    QCOMPARE(history->model()->index(0, 2).data().toString(), QStringLiteral("Excused"));
    QCOMPARE(history->model()->index(1, 2).data().toString(), QStringLiteral("Late"));
}

void TestStudentsView::editDeactivateDelete()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const ClassInfo cls = fixture.addClass(QStringLiteral("CHE-1"));
    const Student a = fixture.addStudent(cls.id, QStringLiteral("C-1"), QStringLiteral("Ada"));
    const Student b = fixture.addStudent(cls.id, QStringLiteral("C-2"), QStringLiteral("Grace"));

    StudentsView view(&fixture.db());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Views refresh when told the data changed (the main window does this).
    connect(&view, &StudentsView::dataChanged, &view, &StudentsView::refresh);
    auto *table = view.findChild<QTableView *>(QStringLiteral("studentsTable"));
    QTRY_COMPARE(rowsShown(table), 2);

    // Edit: rename, audited by storage.
    select(table, QStringLiteral("C-1"));
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("editStudentButton")), Qt::LeftButton);
    auto *edit = view.findChild<StudentEditDialog *>(QStringLiteral("studentEditDialog"));
    QVERIFY(edit);
    auto *name = edit->findChild<QLineEdit *>(QStringLiteral("studentNameEdit"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Ada Lovelace"));
    QTest::mouseClick(edit->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_COMPARE(StudentRepository(fixture.db()).find(a.studentUuid)->name, QStringLiteral("Ada Lovelace"));
    const Result<QList<AuditEntry>> audit = AuditRepository(fixture.db()).forEntity(a.studentUuid);
    QVERIFY(audit.ok() && !audit->isEmpty());
    QTRY_COMPARE(table->model()->index(0, StudentTableModel::NameColumn).data().toString(),
                 QStringLiteral("Ada Lovelace"));

    // Deactivate, then hide inactive students.
    QTRY_VERIFY(!view.isLoading());
    select(table, QStringLiteral("C-2"));
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("activeStudentButton")), Qt::LeftButton);
    QTRY_VERIFY(!StudentRepository(fixture.db()).find(b.studentUuid)->active);
    QTRY_VERIFY(!view.isLoading());
    view.findChild<QCheckBox *>(QStringLiteral("showInactive"))->setChecked(false);
    QTRY_COMPARE(rowsShown(table), 1);
    view.findChild<QCheckBox *>(QStringLiteral("showInactive"))->setChecked(true);

    // Delete asks first; Cancel keeps the student.
    select(table, QStringLiteral("C-2"));
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("deleteStudentButton")), Qt::LeftButton);
    auto *confirm = view.findChild<QMessageBox *>(QStringLiteral("deleteStudentConfirm"));
    QVERIFY(confirm);
    confirm->button(QMessageBox::Cancel)->click();
    QTest::qWait(50);
    QVERIFY(StudentRepository(fixture.db()).find(b.studentUuid).ok());
    QTRY_VERIFY(!view.findChild<QMessageBox *>(QStringLiteral("deleteStudentConfirm")));
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("deleteStudentButton")), Qt::LeftButton);
    confirm = view.findChild<QMessageBox *>(QStringLiteral("deleteStudentConfirm"));
    QVERIFY(confirm);
    confirm->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"))->click();
    QTRY_COMPARE(rowsShown(table), 1);
}

QTEST_MAIN(TestStudentsView)
#include "tst_studentsview.moc"
