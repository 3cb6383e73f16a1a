#include "common/Job.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QtTest>

#include <thread>

using namespace rollcall;

namespace {

// Counts to a limit, reporting each step; optionally blocks until released so a
// test can cancel it mid-run.
class CountingJob final : public Job
{
public:
    explicit CountingJob(int steps, QSemaphore *gate = nullptr)
        : m_steps(steps)
        , m_gate(gate)
    { }
    ~CountingJob() override { stop(); }

    int done = 0;
    std::atomic_bool released { false };
    QThread *executedOn = nullptr;
    bool failWith = false;

protected:
    Status execute() override
    {
        executedOn = QThread::currentThread();
        for (int i = 0; i < m_steps; ++i) {
            if (m_gate)
                m_gate->acquire();
            if (isCancelled())
                return Error::cancelled();
            ++done;
            reportProgress(100 * (i + 1) / m_steps, QStringLiteral("step"));
            reportProgress(100 * (i + 1) / m_steps, QStringLiteral("step")); // a repeat: dropped
        }
        if (failWith)
            return Error::badInput(QStringLiteral("bad"));
        return {};
    }
    void releaseThreadResources() override { released = true; }

private:
    int m_steps;
    QSemaphore *m_gate;
};

} // namespace

class TestJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runWorksOnTheCallingThread();
    void startWorksOffThreadAndSignalsOnTheJobsThread();
    void failureIsReported();
    void cancelBeforeStartDoesNothing();
    void cancelMidRun();
    void destroyingARunningJobWaits();
    void abandonedJobDeletesItself();
    void runsOnlyOnce();
};

void TestJob::runWorksOnTheCallingThread()
{
    CountingJob job(4);
    QSignalSpy progress(&job, &Job::progress);
    QSignalSpy finished(&job, &Job::finished);
    QVERIFY(job.run().ok());
    QCOMPARE(job.executedOn, QThread::currentThread());
    QCOMPARE(job.done, 4);
    QCOMPARE(progress.count(), 4); // repeats dropped
    QCOMPARE(progress.last().at(0).toInt(), 100);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!job.released); // the caller's resources are the caller's
    QVERIFY(!job.isRunning());
}

void TestJob::startWorksOffThreadAndSignalsOnTheJobsThread()
{
    CountingJob job(3);
    QList<QThread *> signalThreads;
    bool runningAtFinish = true;
    connect(
        &job, &Job::progress, &job, [&] { signalThreads << QThread::currentThread(); }, Qt::DirectConnection);
    connect(
        &job, &Job::finished, &job,
        [&] {
            signalThreads << QThread::currentThread();
            runningAtFinish = job.isRunning();
        },
        Qt::DirectConnection);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(10000));
    QVERIFY(job.executedOn != QThread::currentThread());
    QVERIFY(job.released);
    QCOMPARE(signalThreads.size(), 4);
    for (QThread *t : signalThreads)
        QCOMPARE(t, QThread::currentThread());
    QVERIFY(!runningAtFinish);
}

void TestJob::failureIsReported()
{
    CountingJob job(1);
    job.failWith = true;
    QSignalSpy failed(&job, &Job::failed);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QVERIFY(failed.wait(10000));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.first().at(0).value<Error>().code(), Error::Code::BadInput);
}

void TestJob::cancelBeforeStartDoesNothing()
{
    CountingJob job(3);
    QSignalSpy failed(&job, &Job::failed);
    job.cancel();
    job.start();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).value<Error>().code(), Error::Code::Cancelled);
    QCOMPARE(job.done, 0);
    QCOMPARE(job.executedOn, nullptr);

    CountingJob blocking(3);
    blocking.cancel();
    const Status s = blocking.run();
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code(), Error::Code::Cancelled);
    QCOMPARE(blocking.done, 0);
}

void TestJob::cancelMidRun()
{
    QSemaphore gate;
    CountingJob job(10, &gate);
    QSignalSpy failed(&job, &Job::failed);
    QSignalSpy progress(&job, &Job::progress);
    job.start();
    gate.release(2);
    QTRY_COMPARE(progress.count(), 2);
    job.cancel();
    gate.release(8);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).value<Error>().code(), Error::Code::Cancelled);
    QCOMPARE(job.done, 2);
}

void TestJob::destroyingARunningJobWaits()
{
    QSemaphore gate;
    auto *job = new CountingJob(5, &gate);
    int finishedOrFailed = 0;
    connect(job, &Job::finished, this, [&] { ++finishedOrFailed; });
    connect(job, &Job::failed, this, [&] { ++finishedOrFailed; });
    job->start();
    gate.release(1);
    QTRY_COMPARE(job->done, 1);
    // The worker is blocked in execute(); deleting cancels it and joins it.
    std::thread releaser([&gate] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        gate.release(10);
    });
    delete job;
    releaser.join();
    QCoreApplication::processEvents();
    QCOMPARE(finishedOrFailed, 0); // the queued completion died with the job
}

void TestJob::abandonedJobDeletesItself()
{
    QSemaphore gate;
    QObject owner;
    QPointer<CountingJob> job = new CountingJob(5, &gate);
    job->setParent(&owner);
    job->start();
    job->abandon();
    QCOMPARE(job->parent(), nullptr);
    QVERIFY(job); // still running: not deleted under the worker
    gate.release(10);
    QTRY_VERIFY(job.isNull());

    QPointer<CountingJob> idle = new CountingJob(1);
    idle->abandon();
    QTRY_VERIFY(idle.isNull());
}

void TestJob::runsOnlyOnce()
{
    CountingJob job(1);
    QVERIFY(job.run().ok());
    QVERIFY(!job.run().ok());
    QCOMPARE(job.done, 1);
}

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
