#include "common/Job.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace rollcall {

Job::Job(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Error>();
}

Job::~Job()
{
    // Subclasses have stopped the worker already (see the header); this is for
    // jobs destroyed before start() or before their completion was delivered.
    stop();
    delete m_thread;
}

void Job::stop()
{
    cancel();
    wait();
}

void Job::wait()
{
    if (m_thread)
        m_thread->wait();
}

void Job::reportProgress(int percent, const QString &text)
{
    {
        QMutexLocker lock(&m_progressMutex);
        if (percent == m_lastPercent && text == m_lastText)
            return;
        m_lastPercent = percent;
        m_lastText = text;
    }
    deliver([this, percent, text] { Q_EMIT progress(percent, text); });
}

Status Job::run()
{
    if (m_started)
        return Error::generic(QStringLiteral("A job runs only once"));
    m_started = true;
    m_running = true;
    const Status status = m_cancelled ? Status(Error::cancelled()) : execute();
    complete(status);
    return status;
}

void Job::start()
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    m_thread = QThread::create([this] {
        const Status status = m_cancelled ? Status(Error::cancelled()) : execute();
        releaseThreadResources();
        QMetaObject::invokeMethod(
            this, [this, status] { complete(status); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(metaObject()->className());
    m_thread->start();
}

void Job::complete(const Status &status)
{
    if (m_thread) {
        m_thread->wait(); // returns at once: the worker's last act was to queue this
        delete m_thread;
        m_thread = nullptr;
    }
    m_running = false;
    if (status)
        Q_EMIT finished();
    else
        Q_EMIT failed(status.error());
    if (m_abandoned)
        deleteLater();
}

void Job::abandon()
{
    cancel();
    setParent(nullptr);
    m_abandoned = true;
    if (!m_running) {
        deleteLater();
        return;
    }
    // What the worker uses (a database) may go when main() returns: end it before.
    if (auto *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, [this] { wait(); });
}

} // namespace rollcall
