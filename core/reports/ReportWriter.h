#pragma once

#include "common/Result.h"
#include "reports/ReportDocument.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace rollcall {

// Writes a ReportDocument to a QIODevice in one file format.
class ReportWriter
{
public:
    enum class Format { Xlsx, Csv };

    // Called while writing with the rows done so far and the total; returning
    // false cancels (write() then returns Error::cancelled()).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    virtual ~ReportWriter() = default;

    // device must be open for writing; nothing is written to it on failure
    // before the file is complete (XLSX) or from the failing row on (CSV).
    virtual Status write(const ReportDocument &document, QIODevice *device) = 0;

    void setProgress(Progress progress) { m_progress = std::move(progress); }

    static std::unique_ptr<ReportWriter> create(Format format);
    // "xlsx" or "csv" (case-insensitive).
    static std::optional<Format> parseFormat(const QString &text);
    static QString formatName(Format format); // "xlsx", "csv": also the file extension

protected:
    bool reportProgress(qint64 done, qint64 total) const { return !m_progress || m_progress(done, total); }
    static qint64 totalRows(const ReportDocument &document);

private:
    Progress m_progress;
};

} // namespace rollcall
