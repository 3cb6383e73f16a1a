#include "vision/AdaptiveBatcher.h"

#include <QtTest>

#include <utility>
#include <vector>

using namespace rollcall;

class TestAdaptiveBatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchFromFreeMemory();
    void outOfMemoryHalvesAndKeepsOrder();
    void laterRunsStartFromTheSizeThatFitted();
    void singleInputThatDoesNotFitFails();
    void otherErrorsStopAtOnce();
};

void TestAdaptiveBatcher::batchFromFreeMemory()
{
    constexpr std::size_t MiB = 1u << 20;
    QCOMPARE(AdaptiveBatcher::batchForMemory(0, 10 * MiB, 16), 16); // unknown: as asked
    QCOMPARE(AdaptiveBatcher::batchForMemory(1024 * MiB, 10 * MiB, 64), 51); // half of 1 GiB / 10 MiB
    QCOMPARE(AdaptiveBatcher::batchForMemory(1024 * MiB, 10 * MiB, 16), 16);
    QCOMPARE(AdaptiveBatcher::batchForMemory(5 * MiB, 10 * MiB, 16), 1); // never below one
    QCOMPARE(AdaptiveBatcher::batchForMemory(1024 * MiB, 10 * MiB, 0), 1);
}

void TestAdaptiveBatcher::outOfMemoryHalvesAndKeepsOrder()
{
    // A device that fits at most 3 inputs per batch.
    std::vector<std::pair<std::size_t, std::size_t>> done;
    AdaptiveBatcher batcher(16);
    const Status s = batcher.run(20, [&](std::size_t begin, std::size_t end) -> Status {
        if (end - begin > 3)
            return Error::outOfMemory(QStringLiteral("out of memory"));
        done.emplace_back(begin, end);
        return {};
    });
    QVERIFY(s.ok());
    QCOMPARE(batcher.batchSize(), 2); // 16 → 8 → 4 → 2
    QCOMPARE(batcher.retries(), 3);
    std::size_t next = 0;
    for (const auto &[begin, end] : done) {
        QCOMPARE(begin, next); // every input once, in order
        next = end;
    }
    QCOMPARE(next, std::size_t(20));
}

void TestAdaptiveBatcher::laterRunsStartFromTheSizeThatFitted()
{
    AdaptiveBatcher batcher(8);
    int calls = 0;
    const auto step = [&](std::size_t begin, std::size_t end) -> Status {
        ++calls;
        return end - begin > 4 ? Status(Error::outOfMemory(QStringLiteral("oom"))) : Status();
    };
    QVERIFY(batcher.run(8, step).ok());
    QCOMPARE(calls, 3); // 8 fails, then 4 + 4
    calls = 0;
    QVERIFY(batcher.run(8, step).ok());
    QCOMPARE(calls, 2);
    QCOMPARE(batcher.retries(), 1);
}

void TestAdaptiveBatcher::singleInputThatDoesNotFitFails()
{
    AdaptiveBatcher batcher(4);
    const Status s = batcher.run(
        3, [](std::size_t, std::size_t) -> Status { return Error::outOfMemory(QStringLiteral("out of memory")); });
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code(), Error::Code::OutOfMemory);
    QCOMPARE(s.error().exitCode(), 8);
    QCOMPARE(batcher.batchSize(), 1);
}

void TestAdaptiveBatcher::otherErrorsStopAtOnce()
{
    AdaptiveBatcher batcher(4);
    int calls = 0;
    const Status s = batcher.run(10, [&](std::size_t, std::size_t) -> Status {
        ++calls;
        return Error::badInput(QStringLiteral("bad chip"));
    });
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code(), Error::Code::BadInput);
    QCOMPARE(calls, 1);
    QCOMPARE(batcher.retries(), 0);
    QVERIFY(
        batcher.run(0, [](std::size_t, std::size_t) -> Status { return Error::generic(QStringLiteral("x")); }).ok());
}

QTEST_APPLESS_MAIN(TestAdaptiveBatcher)
#include "tst_adaptivebatcher.moc"
