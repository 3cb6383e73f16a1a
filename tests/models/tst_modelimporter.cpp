#include "TestPaths.h"
#include "models/FileHasher.h"
#include "models/ModelImporter.h"
#include "models/ModelRegistry.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestModelImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognisesAModelByItsChecksumWhateverItsName();
    void rejectsAFileThatIsNoModel();
    void rejectsAMissingFile();
};

void TestModelImporter::recognisesAModelByItsChecksumWhateverItsName()
{
    const QString original
        = QDir(test::TestPaths::modelsDir()).filePath(QStringLiteral("face_detection_yunet_2022mar.onnx"));
    QVERIFY2(QFile::exists(original), "YuNet is not installed: run scripts/fetch-models.sh");
    QTemporaryDir source;
    QTemporaryDir target;
    const QString renamed = source.filePath(QStringLiteral("yunet copy from usb.bin"));
    QVERIFY(QFile::copy(original, renamed));
    QFile::setPermissions(renamed, QFileDevice::ReadOwner); // read-only media

    const auto imported = ModelImporter::importFile(renamed, ModelRegistry::builtinDescriptors(), target.path());
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message()));
    QCOMPARE(imported->id, QStringLiteral("yunet-2022mar"));
    const QString installed = QDir(target.path()).filePath(QStringLiteral("face_detection_yunet_2022mar.onnx"));
    QCOMPARE(FileHasher::sha256Hex(installed), imported->sha256);
    QVERIFY(QFileInfo(installed).permissions() & QFileDevice::WriteOwner);
    QCOMPARE(QDir(target.path()).entryList(QDir::Files),
             QStringList { QStringLiteral("face_detection_yunet_2022mar.onnx") });
    QVERIFY(QFile::exists(renamed)); // the source is left alone
}

void TestModelImporter::rejectsAFileThatIsNoModel()
{
    QTemporaryDir source;
    QTemporaryDir target;
    const QString path = source.filePath(QStringLiteral("mmod_human_face_detector.dat"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a model, despite the name");
    file.close();
    const auto imported = ModelImporter::importFile(path, ModelRegistry::builtinDescriptors(), target.path());
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().code(), Error::Code::BadInput);
    QVERIFY(imported.error().message().contains(QLatin1String("checksum")));
    QVERIFY(QDir(target.path()).entryList(QDir::Files).isEmpty());
}

void TestModelImporter::rejectsAMissingFile()
{
    QTemporaryDir target;
    const auto imported = ModelImporter::importFile(target.filePath(QStringLiteral("nothing.dat")),
                                                    ModelRegistry::builtinDescriptors(), target.path());
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().code(), Error::Code::BadInput);
}

QTEST_GUILESS_MAIN(TestModelImporter)
#include "tst_modelimporter.moc"
