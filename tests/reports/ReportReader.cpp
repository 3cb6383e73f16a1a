#include "ReportReader.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>

namespace rollcall::test {

namespace {

QJsonObject runReader(const QStringList &args, QString *error)
{
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"), QStringList { ReportReader::scriptPath() } + args);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("read_report.py failed (%1): %2")
                     .arg(process.errorString(), QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("read_report.py printed no JSON object: %1").arg(parseError.errorString());
        return {};
    }
    return doc.object();
}

} // namespace

QString ReportReader::scriptPath()
{
    return QStringLiteral(ROLLCALL_SOURCE_DIR "/tests/reports/read_report.py");
}

QJsonObject ReportReader::readXlsx(const QString &path, QString *error)
{
    return runReader({ QStringLiteral("xlsx"), path }, error);
}

QJsonObject ReportReader::readCsv(const QString &path, QChar separator, QString *error)
{
    return runReader({ QStringLiteral("csv"), path, QString(separator) }, error);
}

bool ReportReader::makeXlsx(const QString &mode, const QJsonArray &rows, const QString &out, QString *error)
{
    const QString spec = out + QStringLiteral(".json");
    QFile file(spec);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QJsonObject root;
    root.insert(QStringLiteral("rows"), rows);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    file.close();
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"),
                  { QStringLiteral(ROLLCALL_SOURCE_DIR "/tests/reports/make_xlsx.py"), mode, spec, out });
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("make_xlsx.py failed (%1): %2")
                     .arg(process.errorString(), QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    return true;
}

QJsonObject ReportReader::sheet(const QJsonObject &book, const QString &name)
{
    const QJsonArray sheets = book.value(QLatin1String("sheets")).toArray();
    for (const auto &s : sheets) {
        if (s.toObject().value(QLatin1String("name")).toString() == name)
            return s.toObject();
    }
    return {};
}

QJsonArray ReportReader::cell(const QJsonObject &sheet, int row, int column)
{
    return sheet.value(QLatin1String("rows")).toArray().at(row).toArray().at(column).toArray();
}

} // namespace rollcall::test
