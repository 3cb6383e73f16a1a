#include "TestPaths.h"
#include "models/ModelRegistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestModelRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinDescriptorsAreValid();
    void installedModelsMatchTheirChecksums();
    void missingFileIsReported();
    void corruptFileIsRejected();
    void userDescriptorIsLoadedAndBadOneReported();
};

void TestModelRegistry::builtinDescriptorsAreValid()
{
    const auto builtins = ModelRegistry::builtinDescriptors();
    QStringList ids;
    for (const auto &d : builtins)
        ids << d.id;
    for (const char *id : { "dlib-mmod-face", "dlib-shape5", "dlib-resnet-v1", "yunet-2022mar" })
        QVERIFY2(ids.contains(QLatin1String(id)), id);
    // Models RollCall fetches itself are pinned; user-supplied ones (Facenet512
    // exports) are identified by their contract and checked when added.
    for (const auto &d : builtins) {
        if (d.required)
            QCOMPARE(d.sha256.size(), 64);
        else
            QVERIFY(d.sha256.isEmpty() || d.sha256.size() == 64);
    }
}

void TestModelRegistry::installedModelsMatchTheirChecksums()
{
    // The real models must be installed (scripts/fetch-models.sh); a missing one fails loudly.
    const ModelRegistry registry(test::TestPaths::modelsDir());
    QVERIFY2(QFileInfo(registry.modelsDir()).isDir(),
             qPrintable(
                 QStringLiteral("models folder %1 not found: run scripts/fetch-models.sh").arg(registry.modelsDir())));
    for (const auto &d : registry.descriptors()) {
        if (!d.required)
            continue;
        QCOMPARE(ModelRegistry::stateName(registry.verify(d)), QStringLiteral("ok"));
        const auto path = registry.requireFile(d.id);
        QVERIFY2(path.ok(), qPrintable(path.ok() ? QString() : path.error().message()));
    }
}

void TestModelRegistry::missingFileIsReported()
{
    QTemporaryDir dir;
    const ModelRegistry registry(dir.path());
    const auto d = registry.descriptor(QStringLiteral("dlib-shape5"));
    QVERIFY(d.has_value());
    QCOMPARE(registry.verify(*d), ModelRegistry::FileState::Missing);
    const auto path = registry.requireFile(QStringLiteral("dlib-shape5"));
    QVERIFY(!path.ok());
    QCOMPARE(path.error().code(), Error::Code::ModelMissing);
    QVERIFY(path.error().message().contains(QLatin1String("fetch-models")));
    QCOMPARE(registry.requireFile(QStringLiteral("no-such-model")).error().exitCode(), 4);
}

void TestModelRegistry::corruptFileIsRejected()
{
    QTemporaryDir dir;
    const ModelRegistry registry(dir.path());
    const auto d = registry.descriptor(QStringLiteral("yunet-2022mar"));
    QVERIFY(d.has_value());
    QFile::copy(QDir(test::TestPaths::modelsDir()).filePath(d->fileName), registry.filePath(*d));
    QCOMPARE(registry.verify(*d), ModelRegistry::FileState::Ok);

    QFile file(registry.filePath(*d));
    QVERIFY(file.setPermissions(file.permissions() | QFile::WriteOwner));
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(100);
    file.write("corrupted");
    file.close();
    // A fresh registry must re-hash: the cache key includes size and mtime but a
    // same-size rewrite within the mtime granularity must not be trusted.
    const ModelRegistry fresh(dir.path());
    QCOMPARE(fresh.verify(*d), ModelRegistry::FileState::ChecksumMismatch);
    QVERIFY(!fresh.requireFile(d->id).ok());
}

void TestModelRegistry::userDescriptorIsLoadedAndBadOneReported()
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("descriptors"));
    QFile good(dir.filePath(QStringLiteral("descriptors/custom.json")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(R"({"id":"custom","role":"embedder","file":"custom.onnx","output_size":512})");
    good.close();
    QFile bad(dir.filePath(QStringLiteral("descriptors/bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"id":"bad","file":"../escape.onnx","role":"embedder"})");
    bad.close();

    const ModelRegistry registry(dir.path());
    const auto custom = registry.descriptor(QStringLiteral("custom"));
    QVERIFY(custom.has_value());
    QCOMPARE(custom->raw.value(QLatin1String("output_size")).toInt(), 512);
    QVERIFY(!registry.descriptor(QStringLiteral("bad")).has_value());
    QCOMPARE(registry.loadWarnings().size(), 1);
}

QTEST_GUILESS_MAIN(TestModelRegistry)
#include "tst_modelregistry.moc"
