#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>
#include <utility>

namespace rollcall {

// Runs work on the global thread pool and hands its result to done on the
// context object's thread. If context is destroyed first, done is not called.
// For short database reads and writes, so the GUI thread never waits on SQLite;
// long work with progress and cancel is a Job (common/Job.h).
template<typename Work, typename Done> void runInBackground(QObject *context, Work work, Done done)
{
    using R = std::invoke_result_t<Work>;
    // Results travel in a shared_ptr: Result<T> has no default constructor.
    auto *watcher = new QFutureWatcher<std::shared_ptr<R>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() mutable {
        std::shared_ptr<R> result = watcher->result();
        watcher->deleteLater();
        done(std::move(*result));
    });
    watcher->setFuture(QtConcurrent::run([work = std::move(work)]() mutable { return std::make_shared<R>(work()); }));
}

} // namespace rollcall
