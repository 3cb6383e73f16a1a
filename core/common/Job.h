#pragma once

#include "common/Result.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <utility>

namespace rollcall {

// The one shape of long work (recognition, enrolment checks, export, sync, roster
// enrolment): progress(percent, text), then exactly one of finished() or failed(),
// and cancel() from any thread. run() works on the calling thread (CLI, tests) and
// emits directly; start() works on a thread of its own and every signal arrives on
// the job's thread. A job is one-shot: cancel() before start() or run() makes it
// fail with Error::Cancelled without doing anything. Results stay in the subclass
// (an accessor read after finished()).
//
// Subclasses implement execute() and must call stop() in their destructor: the
// worker runs their code, so it has to end before their members go.
// Not thread-safe apart from cancel(), isCancelled() and reportProgress().
class Job : public QObject
{
    Q_OBJECT

public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    Status run();
    void start();
    void cancel() { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled; }
    // True from start() or run() until finished() or failed() has been emitted.
    bool isRunning() const { return m_running; }
    // Blocks until a started job's worker has returned (its signals may still be queued).
    void wait();
    // Cancels and lets the job delete itself once its worker has stopped, so an
    // owner that goes away (a closed dialog) never blocks on it.
    void abandon();

Q_SIGNALS:
    void progress(int percent, const QString &text);
    void finished();
    void failed(const rollcall::Error &error);

protected:
    virtual Status execute() = 0;
    // On the worker thread after execute() (start() only): drop per-thread resources
    // such as the database connection or loaded models.
    virtual void releaseThreadResources() { }
    // Any thread; repeats of the same figure and text are dropped (writers report per row).
    void reportProgress(int percent, const QString &text);
    // Runs f on the job's thread: directly in run(), queued from the worker. For a
    // subclass's own item signals (a photo done), so they keep the job's ordering.
    template<typename F> void deliver(F &&f)
    {
        if (QThread::currentThread() == thread())
            f();
        else
            QMetaObject::invokeMethod(this, std::forward<F>(f), Qt::QueuedConnection);
    }
    const std::atomic_bool &cancelFlag() const { return m_cancelled; }
    // Cancels and waits for the worker; for subclass destructors.
    void stop();

private:
    void complete(const Status &status);

    std::atomic_bool m_cancelled { false };
    bool m_running = false;
    bool m_started = false;
    bool m_abandoned = false;
    QThread *m_thread = nullptr;
    QMutex m_progressMutex;
    int m_lastPercent = -1;
    QString m_lastText;
};

} // namespace rollcall
