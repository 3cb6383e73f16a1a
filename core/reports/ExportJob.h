#pragma once

#include "common/Job.h"
#include "reports/CsvWriter.h"
#include "reports/ReportDocument.h"
#include "reports/ReportWriter.h"

#include <QString>

#include <atomic>
#include <functional>

namespace rollcall {

// One export as a Job: builds a report (database queries) and writes it to a file,
// off the calling thread with start() or blocking with run(). Cancellable between stages
// and between rows; the file is written through QSaveFile, so a cancelled or
// failed export leaves no partial file (and an existing file untouched).
class ExportJob final : public Job
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

protected:
    Status execute() override;

private:
    Builder m_builder;
    QString m_outputPath;
    Options m_options;
};

} // namespace rollcall
