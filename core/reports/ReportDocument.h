#pragma once

#include "reports/ReportTable.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace rollcall {

// A whole report: document properties plus one ReportTable per part (an XLSX
// sheet each; consecutive sections in CSV).
struct ReportDocument
{
    QString title;
    QString subject;
    QString comments;
    QDateTime created; // invalid: now
    QList<ReportTable> tables;

    ReportTable &addTable(const QString &name)
    {
        tables.append(ReportTable(name));
        return tables.last();
    }
};

} // namespace rollcall
