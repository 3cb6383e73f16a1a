#include "TestPaths.h"
#include "UiFixture.h"
#include "storage/EnrolmentRepository.h"
#include "storage/PhotoStore.h"
#include "storage/StudentRepository.h"
#include "students/CameraCapture.h"
#include "students/Enrolment.h"
#include "students/EnrolmentPhotoModel.h"
#include "students/RegisterStudentDialog.h"
#include "util/ClassComboBox.h"

#include <QCameraDevice>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMediaDevices>
#include <QMessageBox>
#include <QPushButton>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestPaths;
using rollcall::test::UiFixture;

// Drives the real registration dialog with photo files: each photo checked by
// the engine at once (a refused one says why), the duplicate warning, and what
// is stored.
class TestRegisterStudentDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registersFromFilesWithARefusedPhoto();
    void warnsOfDuplicateRegistration();
    void noCameraSaysSo();

private:
    RegisterStudentDialog *open();
    static QString enrolPhoto(const QString &studentId, const QString &file)
    {
        return TestPaths::data(QStringLiteral("classrooms/DEV-A/enrol/%1_%2").arg(studentId, file));
    }

    std::unique_ptr<UiFixture> m_fixture;
    QString m_classId;
};

void TestRegisterStudentDialog::initTestCase()
{
    m_fixture = std::make_unique<UiFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    m_classId = m_fixture->addClass(QStringLiteral("DEV-A")).id;
    // One student already enrolled, for the duplicate warning.
    const Result<QString> existing
        = Enrolment::enrolFiles(m_fixture->db(), m_classId, QStringLiteral("DEV-A-000"), QStringLiteral("John McCain"),
                                { enrolPhoto(QStringLiteral("DEV-A-000"), QStringLiteral("0002.jpg")),
                                  enrolPhoto(QStringLiteral("DEV-A-000"), QStringLiteral("0003.jpg")) });
    QVERIFY2(existing.ok(), existing.ok() ? "" : qPrintable(existing.error().message()));
}

RegisterStudentDialog *TestRegisterStudentDialog::open()
{
    auto *dialog = new RegisterStudentDialog(&m_fixture->db(), m_classId);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void TestRegisterStudentDialog::registersFromFilesWithARefusedPhoto()
{
    QPointer<RegisterStudentDialog> dialog = open();
    QTRY_VERIFY(dialog->findChild<ClassComboBox *>()->isLoaded());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("studentIdEdit")), QStringLiteral("DEV-A-001"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("studentNameEdit")),
                     QStringLiteral("Jean Chretien"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("studentEmailEdit")),
                     QStringLiteral("jean@example.org"));
    auto *registerButton = dialog->findChild<QPushButton *>(QStringLiteral("registerButton"));
    QVERIFY(!registerButton->isEnabled()); // no photo, no consent yet

    // Two good photos and a group photo (more than one face), checked one by one off the GUI thread.
    dialog->addPhotoFiles({ enrolPhoto(QStringLiteral("DEV-A-001"), QStringLiteral("0002.jpg")),
                            TestPaths::data(QStringLiteral("group/bbt/bbt1.jpg")),
                            enrolPhoto(QStringLiteral("DEV-A-001"), QStringLiteral("0006.jpg")) });
    EnrolmentPhotoModel *photos = dialog->photos();
    QCOMPARE(photos->rowCount(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 120000);
    QCOMPARE(photos->count(EnrolmentPhotoModel::State::Accepted), 2);
    QCOMPARE(photos->count(EnrolmentPhotoModel::State::Refused), 1);
    const QModelIndex refused = photos->index(1);
    QCOMPARE(refused.data(EnrolmentPhotoModel::StateRole).toInt(), int(EnrolmentPhotoModel::State::Refused));
    const QString reason = refused.data(EnrolmentPhotoModel::ReasonRole).toString();
    QVERIFY2(!reason.isEmpty(), "a refused photo must say why");
    QVERIFY2(refused.data(Qt::DisplayRole).toString().contains(reason), qPrintable(refused.data().toString()));
    const QString state = dialog->findChild<QLabel *>(QStringLiteral("photoState"))->text();
    QVERIFY2(state.contains(QLatin1String("2 good")) && state.contains(QLatin1String("1 refused")), qPrintable(state));
    QVERIFY2(state.contains(QLatin1String("recommended")), qPrintable(state)); // fewer than three

    QVERIFY(!registerButton->isEnabled()); // consent still missing
    dialog->findChild<QCheckBox *>(QStringLiteral("consentCheck"))->setChecked(true);
    QVERIFY(registerButton->isEnabled());
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 30000);

    const Result<Student> stored = StudentRepository(m_fixture->db()).findByStudentId(QStringLiteral("DEV-A-001"));
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message()));
    QCOMPARE(stored->name, QStringLiteral("Jean Chretien"));
    QCOMPARE(stored->email, QStringLiteral("jean@example.org"));
    QVERIFY(stored->consent);
    QVERIFY(stored->classCodes.contains(QStringLiteral("DEV-A")));
    PhotoStore store;
    EnrolmentRepository enrolments(m_fixture->db(), store);
    const Result<QList<EnrolmentPhoto>> crops = enrolments.photos(stored->studentUuid);
    QVERIFY(crops.ok());
    QCOMPARE(crops->size(), 2);
    for (const EnrolmentPhoto &crop : crops.value()) {
        QVERIFY(store.contains(crop.photoHash));
        QVERIFY(crop.source.startsWith(QLatin1String("file:DEV-A-001_")));
    }
}

void TestRegisterStudentDialog::warnsOfDuplicateRegistration()
{
    QPointer<RegisterStudentDialog> dialog = open();
    QTRY_VERIFY(dialog->findChild<ClassComboBox *>()->isLoaded());
    // Someone registers John McCain again under another ID.
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("studentIdEdit")), QStringLiteral("DEV-A-900"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("studentNameEdit")), QStringLiteral("J. McCain"));
    dialog->findChild<QCheckBox *>(QStringLiteral("consentCheck"))->setChecked(true);
    dialog->addPhotoFiles({ enrolPhoto(QStringLiteral("DEV-A-000"), QStringLiteral("0006.jpg")) });
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 60000);
    QCOMPARE(dialog->photos()->count(EnrolmentPhotoModel::State::Accepted), 1);

    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("registerButton")), Qt::LeftButton);
    QMessageBox *warning = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((warning = dialog->findChild<QMessageBox *>(QStringLiteral("duplicateWarning"))), 30000);
    QVERIFY2(warning->text().contains(QLatin1String("John McCain"))
                 && warning->text().contains(QLatin1String("DEV-A-000")),
             qPrintable(warning->text()));
    warning->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(dialog->findChild<QPushButton *>(QStringLiteral("registerButton"))->isEnabled());
    QVERIFY(!StudentRepository(m_fixture->db()).findByStudentId(QStringLiteral("DEV-A-900")).ok());

    // "Register anyway" registers.
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("registerButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((warning = dialog->findChild<QMessageBox *>(QStringLiteral("duplicateWarning"))), 30000);
    warning->findChild<QPushButton *>(QStringLiteral("registerAnywayButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 30000);
    QVERIFY(StudentRepository(m_fixture->db()).findByStudentId(QStringLiteral("DEV-A-900")).ok());
}

void TestRegisterStudentDialog::noCameraSaysSo()
{
    if (!QMediaDevices::videoInputs().isEmpty())
        QFAIL("this test expects a machine without a camera (the offscreen CI machines have none)");
    QPointer<RegisterStudentDialog> dialog = open();
    auto *camera = dialog->findChild<CameraCapture *>(QStringLiteral("cameraCapture"));
    QVERIFY(camera);
    QVERIFY(!camera->isAvailable());
    QVERIFY(camera->problem().contains(QLatin1String("No camera")));
    QVERIFY(camera->findChild<QLabel *>(QStringLiteral("cameraMessage"))->isVisible());
    QVERIFY(!camera->findChild<QPushButton *>(QStringLiteral("captureButton"))->isEnabled());
    // The file path still works.
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("addPhotoFilesButton"))->isEnabled());
    dialog->close();
}

QTEST_MAIN(TestRegisterStudentDialog)
#include "tst_registerstudentdialog.moc"
