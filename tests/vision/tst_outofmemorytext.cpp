#include "vision/OutOfMemoryText.h"

#include <QtTest>

using namespace rollcall;

// Out-of-memory is retried with smaller batches; any other GPU error moves the
// work to the CPU, so mistaking one for the other changes what happens.
class TestOutOfMemoryText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifies_data();
    void classifies();
};

void TestOutOfMemoryText::classifies_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("outOfMemory");
    // The shapes dlib, cuDNN, cuBLAS and OpenCV's CUDA backend give their errors.
    QTest::newRow("cuda runtime") << QStringLiteral("Error while calling cudaMalloc(&data, new_size*sizeof(float)) in "
                                                    "file gpu_data.cpp:218. code: 2, reason: out of memory")
                                  << true;
    QTest::newRow("cudnn") << QStringLiteral("cuDNN error: CUDNN_STATUS_ALLOC_FAILED") << true;
    QTest::newRow("cublas") << QStringLiteral("CUBLAS_STATUS_ALLOC_FAILED") << true;
    QTest::newRow("opencv cuda") << QStringLiteral("OpenCV(4.10.0) cuda4dnn/csl/memory.hpp:54: error: (-217:Gpu API "
                                                   "call) cudaErrorMemoryAllocation in function 'ManagedPtr'")
                                 << true;
    QTest::newRow("cudnn execution") << QStringLiteral("CUDNN_STATUS_EXECUTION_FAILED") << false;
    QTest::newRow("no kernel image") << QStringLiteral("no kernel image is available for execution on the device")
                                     << false;
    QTest::newRow("empty") << QString() << false;
}

void TestOutOfMemoryText::classifies()
{
    QFETCH(QString, text);
    QFETCH(bool, outOfMemory);
    const QByteArray utf8 = text.toUtf8();
    QCOMPARE(OutOfMemoryText::matches(std::string_view(utf8.constData(), size_t(utf8.size()))), outOfMemory);
}

QTEST_GUILESS_MAIN(TestOutOfMemoryText)
#include "tst_outofmemorytext.moc"
