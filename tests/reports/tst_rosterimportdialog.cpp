#include "TestDatabase.h"
#include "reports/RosterImportDialog.h"
#include "reports/RosterPreviewModel.h"
#include "storage/ClassRepository.h"
#include "storage/StudentRepository.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;
using namespace rollcall::test;

class TestRosterImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void previewShowsEveryRow();
    void importAllValid();
    void rejectedRowsNeedSkipAndConfirmation();
    void unreadableFile();

private:
    QString write(const QString &name, const QByteArray &bytes);
    int studentCount();

    std::unique_ptr<TestDatabase> m_db;
    QString m_classId;
    QTemporaryDir m_dir;
};

QString TestRosterImportDialog::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

int TestRosterImportDialog::studentCount()
{
    const auto list = StudentRepository(m_db->db()).list(m_classId);
    return list ? int(list->size()) : -1;
}

void TestRosterImportDialog::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), m_db->errorText());
    ClassInfo info;
    info.code = QStringLiteral("CS-A");
    info.name = QStringLiteral("Computer Science A");
    auto cls = ClassRepository(m_db->db()).create(info);
    QVERIFY(cls.ok());
    m_classId = cls->id;
    Student s;
    s.studentId = QStringLiteral("S1");
    s.name = QStringLiteral("Asha");
    QVERIFY(StudentRepository(m_db->db()).add(s, m_classId).ok());
}

void TestRosterImportDialog::previewShowsEveryRow()
{
    RosterImportDialog dialog(&m_db->db());
    QVERIFY(dialog.loadFile(
        write(QStringLiteral("mixed.csv"), "ID,Name,Email\nS1,Asha Verma,\nS2,आशा,\n,Nobody,\nS4,Bad,mail@\n")));
    const RosterPreview &p = dialog.preview();
    QCOMPARE(p.entries.size(), 4);
    auto *table = dialog.findChild<QTableView *>(QStringLiteral("previewTable"));
    QCOMPARE(table->model()->rowCount(), 4);
    QCOMPARE(table->model()->index(0, RosterPreviewModel::ActionColumn).data().toString(), QStringLiteral("Update"));
    QCOMPARE(table->model()->index(0, RosterPreviewModel::DetailsColumn).data().toString(),
             QStringLiteral("name: Asha → Asha Verma"));
    QCOMPARE(table->model()->index(1, RosterPreviewModel::ActionColumn).data().toString(), QStringLiteral("Add"));
    QCOMPARE(table->model()->index(2, RosterPreviewModel::DetailsColumn).data().toString(),
             QStringLiteral("missing ID"));
    QCOMPARE(table->model()->index(3, RosterPreviewModel::DetailsColumn).data().toString(),
             QStringLiteral("bad email"));
    QCOMPARE(table->model()->index(3, RosterPreviewModel::RowColumn).data().toInt(), 5);
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
    QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("skipBadCheck"))->isEnabled());
}

void TestRosterImportDialog::importAllValid()
{
    RosterImportDialog dialog(&m_db->db());
    QVERIFY(dialog.loadFile(write(QStringLiteral("ok.csv"), "Roll No;Student Name\nS2;Ravi\nS3;\"Rao, K\"\n")));
    auto *import = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(import->isEnabled());
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("skipBadCheck"))->isEnabled());
    QSignalSpy imported(&dialog, &RosterImportDialog::imported);
    import->click();
    QVERIFY(imported.wait(60000) || !imported.isEmpty());
    QCOMPARE(imported.first().at(0).toInt(), 2);
    QCOMPARE(studentCount(), 3);
    // The preview now shows the imported rows as unchanged, nothing left to import.
    QCOMPARE(dialog.preview().count(RosterPreview::Action::Unchanged), 2);
    QVERIFY(!import->isEnabled());
}

void TestRosterImportDialog::rejectedRowsNeedSkipAndConfirmation()
{
    RosterImportDialog dialog(&m_db->db());
    QVERIFY(dialog.loadFile(write(QStringLiteral("bad.csv"), "ID,Name\nS2,Ravi\nS3,\nS2,Again\nS5,Five\n")));
    QCOMPARE(dialog.preview().count(RosterPreview::Action::Reject), 3); // missing name, duplicate ×2
    auto *import = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
    auto *skip = dialog.findChild<QCheckBox *>(QStringLiteral("skipBadCheck"));
    QVERIFY(!import->isEnabled());
    skip->setChecked(true);
    QVERIFY(import->isEnabled());

    int asked = 0;
    dialog.setConfirmSkipping([&](int rejected, int written) {
        ++asked;
        return rejected == 3 && written == 1 && asked > 1; // say no the first time
    });
    QSignalSpy imported(&dialog, &RosterImportDialog::imported);
    import->click();
    QCOMPARE(asked, 1);
    QVERIFY(!dialog.isImporting());
    QCOMPARE(studentCount(), 1);
    import->click();
    QCOMPARE(asked, 2);
    QVERIFY(imported.wait(60000) || !imported.isEmpty());
    QCOMPARE(imported.first().at(0).toInt(), 1); // added
    QCOMPARE(imported.first().at(3).toInt(), 3); // skipped
    QCOMPARE(studentCount(), 2);
}

void TestRosterImportDialog::unreadableFile()
{
    RosterImportDialog dialog(&m_db->db());
    QVERIFY(!dialog.loadFile(write(QStringLiteral("noid.csv"), "Name,Email\nAsha,a@x.in\n")));
    QVERIFY(
        dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("no ID column")));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
}

QTEST_MAIN(TestRosterImportDialog)
#include "tst_rosterimportdialog.moc"
