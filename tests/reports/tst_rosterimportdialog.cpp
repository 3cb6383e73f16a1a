#include "TestDatabase.h"
#include "TestPaths.h"
#include "common/AppPaths.h"
#include "reports/RosterImportDialog.h"
#include "reports/RosterPreviewModel.h"
#include "storage/ClassRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/StudentRepository.h"

#include <QCheckBox>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
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
    void photosFolderEnrolsAfterImport();
    void photoEnrolmentCanBeStopped();

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

void TestRosterImportDialog::photosFolderEnrolsAfterImport()
{
    // The job stores crops in AppPaths' photo store and reads the models from
    // ROLLCALL_MODELS_DIR (set by CTest): point the data folder at the test database's.
    AppPaths::setDataDirOverride(m_db->dir());
    const QStringList photos = TestPaths::enrolmentPhotos(QStringLiteral("DEV-A-000"));
    QVERIFY2(photos.size() >= 2, "classrooms/manifest.json does not list DEV-A-000's photos");
    QTemporaryDir folder;
    for (int i = 0; i < 2; ++i) {
        const QString &from = photos[i];
        QVERIFY2(QFile::copy(from, folder.filePath(i == 0 ? QStringLiteral("S2.jpg") : QStringLiteral("S2_2.jpg"))),
                 qPrintable(from));
    }
    QImage blank(240, 240, QImage::Format_RGB32);
    blank.fill(Qt::gray);
    QVERIFY(blank.save(folder.filePath(QStringLiteral("S3.png"))));
    QVERIFY(blank.save(folder.filePath(QStringLiteral("S77.png"))));

    RosterImportDialog dialog(&m_db->db());
    QVERIFY(dialog.loadFile(
        write(QStringLiteral("photos.csv"), "ID,Name,Consent\nS2,Ravi,yes\nS3,Rao,yes\nS4,Nobody,yes\n")));
    dialog.setPhotosFolder(folder.path());
    QCOMPARE(dialog.photosFolder(), folder.path());
    QSignalSpy imported(&dialog, &RosterImportDialog::imported);
    QSignalSpy enrolled(&dialog, &RosterImportDialog::photosEnrolled);
    QSignalSpy failed(&dialog, &RosterImportDialog::photosFailed);
    dialog.findChild<QPushButton *>(QStringLiteral("importButton"))->click();
    QVERIFY(imported.wait(60000) || !imported.isEmpty());
    // The import is written first; the enrolment then runs off the GUI thread.
    QCOMPARE(studentCount(), 4);
    QVERIFY(enrolled.wait(120000) || !enrolled.isEmpty());
    QVERIFY(failed.isEmpty());
    QCOMPARE(enrolled.first().at(0).toInt(), 1); // S2
    QCOMPARE(enrolled.first().at(1).toInt(), 1); // S3: no face
    QCOMPARE(enrolled.first().at(2).toInt(), 1); // S4: no photo
    QCOMPARE(enrolled.first().at(3).toInt(), 1); // S77.png
    QVERIFY(!dialog.isEnrolling());
    QVERIFY(dialog.findChild<QProgressBar *>(QStringLiteral("photosProgress"))->isHidden());

    const QString text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("photosReport"))->toPlainText();
    QVERIFY2(text.contains(QLatin1String("S2 (Ravi): enrolled with 2 of 2 photo(s)")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("refused S3.png: No face was found in the photo.")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("S4 (Nobody): no photo found")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Not matched: S77.png")), qPrintable(text));
    QCOMPARE(dialog.photoReport().students.size(), 3);

    auto s2 = StudentRepository(m_db->db()).findByStudentId(QStringLiteral("S2"));
    QVERIFY(s2.ok());
    auto embeddings = EnrolmentRepository(m_db->db(), m_db->photos())
                          .embeddingsOf(s2->studentUuid, QStringLiteral("dlib-resnet-v1"));
    QVERIFY(embeddings.ok());
    QCOMPARE(embeddings->size(), size_t(2));
    auto stored = EnrolmentRepository(m_db->db(), m_db->photos()).photos(s2->studentUuid);
    QVERIFY(stored.ok());
    for (const EnrolmentPhoto &p : *stored)
        QVERIFY(m_db->photos().contains(p.photoHash));
    AppPaths::setDataDirOverride({});
}

void TestRosterImportDialog::photoEnrolmentCanBeStopped()
{
    AppPaths::setDataDirOverride(m_db->dir());
    const QStringList photos = TestPaths::enrolmentPhotos(QStringLiteral("DEV-A-001"));
    QVERIFY2(!photos.isEmpty(), "classrooms/manifest.json does not list DEV-A-001's photos");
    QTemporaryDir folder;
    QVERIFY(QFile::copy(photos.first(), folder.filePath(QStringLiteral("S2.jpg"))));
    QVERIFY(QFile::copy(photos.first(), folder.filePath(QStringLiteral("S3.jpg"))));

    RosterImportDialog dialog(&m_db->db());
    QVERIFY(dialog.loadFile(write(QStringLiteral("stop.csv"), "ID,Name,Consent\nS2,Ravi,yes\nS3,Rao,yes\n")));
    dialog.setPhotosFolder(folder.path());
    QSignalSpy imported(&dialog, &RosterImportDialog::imported);
    QSignalSpy enrolled(&dialog, &RosterImportDialog::photosEnrolled);
    QSignalSpy failed(&dialog, &RosterImportDialog::photosFailed);
    dialog.findChild<QPushButton *>(QStringLiteral("importButton"))->click();
    QVERIFY(imported.wait(60000) || !imported.isEmpty());
    // The enrolment has just started (it is still loading the models): stop it.
    QVERIFY(dialog.isEnrolling());
    auto *stop = dialog.findChild<QPushButton *>(QStringLiteral("cancelPhotosButton"));
    QVERIFY(!stop->isHidden());
    QVERIFY(!dialog.findChild<QProgressBar *>(QStringLiteral("photosProgress"))->isHidden());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
    stop->click();
    QVERIFY(failed.wait(120000) || !failed.isEmpty());
    QVERIFY(enrolled.isEmpty());
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("Cancelled"));
    QVERIFY(dialog.photoReport().students.isEmpty());
    QVERIFY(!dialog.isEnrolling());
    QVERIFY(stop->isHidden());
    const QString text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("photosReport"))->toPlainText();
    QVERIFY2(text.startsWith(QLatin1String("Enrolment stopped; the roster is imported")), qPrintable(text));
    QCOMPARE(studentCount(), 3); // the roster stays imported
    AppPaths::setDataDirOverride({});
}

QTEST_MAIN(TestRosterImportDialog)
#include "tst_rosterimportdialog.moc"
