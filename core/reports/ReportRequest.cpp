#include "reports/ReportRequest.h"

namespace rollcall {

QString ReportRequest::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Session:
        return QStringLiteral("session");
    case Kind::Register:
        return QStringLiteral("register");
    case Kind::StudentHistory:
        return QStringLiteral("student");
    case Kind::BelowThreshold:
        return QStringLiteral("below");
    }
    return {};
}

QString ReportRequest::suggestedFileName(ReportWriter::Format format, const QDate &sessionDate) const
{
    QStringList parts;
    switch (kind) {
    case Kind::Session:
        if (!classCode.isEmpty())
            parts << classCode;
        parts << QStringLiteral("session");
        if (sessionDate.isValid())
            parts << sessionDate.toString(Qt::ISODate);
        break;
    case Kind::Register:
        parts << (classCode.isEmpty() ? QStringLiteral("class") : classCode) << QStringLiteral("register");
        break;
    case Kind::StudentHistory:
        parts << studentId << QStringLiteral("history");
        break;
    case Kind::BelowThreshold:
        parts << (classCode.isEmpty() ? QStringLiteral("all-classes") : classCode)
              << QStringLiteral("below-%1").arg(QString::number(thresholdPercent, 'g', 4));
        break;
    }
    if (kind != Kind::Session && (from.isValid() || to.isValid())) {
        parts << (from.isValid() ? from.toString(Qt::ISODate) : QStringLiteral("start"))
              << (to.isValid() ? to.toString(Qt::ISODate) : QStringLiteral("today"));
    }
    QString name = parts.join(QLatin1Char('_'));
    static const QString forbidden = QStringLiteral("<>:\"/\\|?* ");
    for (QChar &c : name) {
        if (forbidden.contains(c) || c.unicode() < 0x20)
            c = QLatin1Char('_');
    }
    return name + QLatin1Char('.') + ReportWriter::formatName(format);
}

} // namespace rollcall
