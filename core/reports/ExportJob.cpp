#include "reports/ExportJob.h"

#include "common/LogCategories.h"

#include <QElapsedTimer>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace rollcall {

ExportJob::ExportJob(Builder builder, QString outputPath, Options options, QObject *parent)
    : QObject(parent)
    , m_builder(std::move(builder))
    , m_outputPath(std::move(outputPath))
    , m_options(options)
{ }

ExportJob::~ExportJob()
{
    cancel();
    wait();
}

void ExportJob::wait()
{
    if (m_future.isValid())
        m_future.waitForFinished();
}

void ExportJob::reportProgress(int percent, const QString &stage)
{
    // Only when the figure changes: writers call back once per row.
    if (m_lastPercent.exchange(percent) != percent)
        Q_EMIT progress(percent, stage);
}

Status ExportJob::execute()
{
    QElapsedTimer timer;
    timer.start();
    m_lastPercent = -1;
    reportProgress(0, tr("Reading attendance"));
    if (m_cancelled)
        return Error::cancelled();
    Result<ReportDocument> document = m_builder(m_cancelled);
    if (!document)
        return document.error();
    if (m_cancelled)
        return Error::cancelled();
    reportProgress(40, tr("Writing %1").arg(ReportWriter::formatName(m_options.format).toUpper()));

    auto writer = ReportWriter::create(m_options.format);
    if (auto *csv = dynamic_cast<CsvWriter *>(writer.get()))
        csv->setOptions(m_options.csv);
    const QString stage = tr("Writing %1").arg(ReportWriter::formatName(m_options.format).toUpper());
    writer->setProgress([this, &stage](qint64 done, qint64 total) {
        if (m_cancelled)
            return false;
        reportProgress(40 + int(55 * done / std::max<qint64>(total, 1)), stage);
        return true;
    });

    QSaveFile file(m_outputPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::badInput(tr("Cannot write %1: %2").arg(m_outputPath, file.errorString()));
    // The temporary file holds names and attendance: the owner's alone until renamed.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (Status s = writer->write(*document, &file); !s) {
        file.cancelWriting();
        return s;
    }
    if (m_cancelled) {
        file.cancelWriting();
        return Error::cancelled();
    }
    if (!file.commit())
        return Error::generic(tr("Cannot save %1: %2").arg(m_outputPath, file.errorString()));
    reportProgress(100, tr("Done"));
    qCInfo(lcReports) << "exported" << ReportWriter::formatName(m_options.format) << "in" << timer.elapsed() << "ms";
    return {};
}

Status ExportJob::run()
{
    m_cancelled = false;
    return finish(execute());
}

Status ExportJob::finish(Status status)
{
    if (status)
        Q_EMIT finished(m_outputPath);
    else
        Q_EMIT failed(status.error().message(), status.error().exitCode());
    return status;
}

void ExportJob::start()
{
    if (isRunning())
        return;
    m_cancelled = false;
    m_future = QtConcurrent::run([this] { (void)finish(execute()); });
}

} // namespace rollcall
