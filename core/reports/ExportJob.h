#pragma once

#include "common/Result.h"
#include "reports/CsvWriter.h"
#include "reports/ReportDocument.h"
#include "reports/ReportWriter.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

namespace rollcall {

// One export: builds a report (database queries) and writes it to a file, off the
// calling thread with start() or blocking with run(). Cancellable between stages
// and between rows; the file is written through QSaveFile, so a cancelled or
// failed export leaves no partial file (and an existing file untouched).
class ExportJob : public QObject
{
    Q_OBJECT

public:
    // Builds the report on the worker thread; should return Error::cancelled() soon
    // after cancelled becomes true. Database work inside uses that thread's own
    // connection (Database::connection() is per thread).
    using Builder = std::function<Result<ReportDocument>(const std::atomic_bool &cancelled)>;

    struct Options
    {
        ReportWriter::Format format = ReportWriter::Format::Xlsx;
        CsvWriter::Options csv {};
    };

    ExportJob(Builder builder, QString outputPath, Options options, QObject *parent = nullptr);
    ~ExportJob() override; // cancels and waits for a running export

    const QString &outputPath() const { return m_outputPath; }
    bool isRunning() const { return m_future.isRunning(); }

    // Runs on the calling thread and returns the outcome (the signals are emitted too).
    Status run();
    // Runs on a worker thread; ends with finished() or failed().
    void start();
    void cancel() { m_cancelled = true; }
    // Blocks until a started export has ended.
    void wait();

Q_SIGNALS:
    void progress(int percent, const QString &stage);
    void finished(const QString &outputPath);
    void failed(const QString &message, int errorCode);

private:
    Status execute();
    Status finish(Status status); // emits finished() or failed()
    void reportProgress(int percent, const QString &stage);

    Builder m_builder;
    QString m_outputPath;
    Options m_options;
    std::atomic_bool m_cancelled { false };
    std::atomic_int m_lastPercent { -1 };
    QFuture<void> m_future;
};

} // namespace rollcall
