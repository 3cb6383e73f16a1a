#include "storage/EmbeddingCodec.h"

#include <QtTest>

#include <cmath>

using namespace rollcall;

class TestEmbeddingCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void littleEndianFloat32();
    void roundTripAndSizeChecks();
    void normalise();
};

void TestEmbeddingCodec::littleEndianFloat32()
{
    // 1.0f = 0x3f800000, stored little-endian.
    QCOMPARE(EmbeddingCodec::encode({ 1.0f }), QByteArray("\x00\x00\x80\x3f", 4));
}

void TestEmbeddingCodec::roundTripAndSizeChecks()
{
    const std::vector<float> v { 0.5f, -2.25f, 1e-7f, 3.0e10f };
    const QByteArray blob = EmbeddingCodec::encode(v);
    QCOMPARE(blob.size(), 16);
    QCOMPARE(EmbeddingCodec::decode(blob, 4).value(), v);
    QVERIFY(!EmbeddingCodec::decode(blob, 5).has_value());
    QVERIFY(!EmbeddingCodec::decode(blob.left(15)).has_value());
}

void TestEmbeddingCodec::normalise()
{
    std::vector<float> v { 3.0f, 4.0f };
    QVERIFY(EmbeddingCodec::normalise(v));
    QVERIFY(std::abs(v[0] - 0.6f) < 1e-6f);
    QVERIFY(std::abs(v[1] - 0.8f) < 1e-6f);
    std::vector<float> zero { 0.0f, 0.0f };
    QVERIFY(!EmbeddingCodec::normalise(zero));
}

QTEST_GUILESS_MAIN(TestEmbeddingCodec)
#include "tst_embeddingcodec.moc"
