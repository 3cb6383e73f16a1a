#include "reports/ExportJob.h"

#include "common/LogCategories.h"

#include <QElapsedTimer>
#include <QSaveFile>

namespace rollcall {

ExportJob::ExportJob(Builder builder, QString outputPath, Options options, QObject *parent)
    : Job(parent)
    , m_builder(std::move(builder))
    , m_outputPath(std::move(outputPath))
    , m_options(options)
{ }

ExportJob::~ExportJob()
{
    stop();
}

Status ExportJob::execute()
{
    QElapsedTimer timer;
    timer.start();
    reportProgress(0, tr("Reading attendance"));
    if (isCancelled())
        return Error::cancelled();
    Result<ReportDocument> document = m_builder(cancelFlag());
    if (!document)
        return document.error();
    if (isCancelled())
        return Error::cancelled();
    reportProgress(40, tr("Writing %1").arg(ReportWriter::formatName(m_options.format).toUpper()));

    auto writer = ReportWriter::create(m_options.format);
    if (auto *csv = dynamic_cast<CsvWriter *>(writer.get()))
        csv->setOptions(m_options.csv);
    const QString stage = tr("Writing %1").arg(ReportWriter::formatName(m_options.format).toUpper());
    writer->setProgress([this, &stage](qint64 done, qint64 total) {
        if (isCancelled())
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
    if (isCancelled()) {
        file.cancelWriting();
        return Error::cancelled();
    }
    if (!file.commit())
        return Error::generic(tr("Cannot save %1: %2").arg(m_outputPath, file.errorString()));
    reportProgress(100, tr("Done"));
    qCInfo(lcReports) << "exported" << ReportWriter::formatName(m_options.format) << "in" << timer.elapsed() << "ms";
    return {};
}

} // namespace rollcall
