#include "cli/ExportCommand.h"

#include "cli/CliContext.h"
#include "reports/ExportJob.h"
#include "reports/ReportBuilder.h"
#include "storage/Database.h"
#include "storage/SessionRepository.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace rollcall {

namespace {

bool parseDate(const QString &text, QDate *date)
{
    *date = QDate::fromString(text, Qt::ISODate);
    return date->isValid();
}

} // namespace

int ExportCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Reports: session ID | register --class CODE | student ID | below [--class CODE]."));
    const QCommandLineOption classOption(QStringLiteral("class"), QStringLiteral("Class code."),
                                         QStringLiteral("CODE"));
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("First date (YYYY-MM-DD)."),
                                        QStringLiteral("DATE"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("Last date (YYYY-MM-DD)."),
                                      QStringLiteral("DATE"));
    const QCommandLineOption thresholdOption(QStringLiteral("threshold"),
                                             QStringLiteral("Attendance threshold in percent (default 75)."),
                                             QStringLiteral("PERCENT"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("xlsx or csv (default: from the output's extension)."),
                                          QStringLiteral("FORMAT"));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
                                          QStringLiteral("File to write."), QStringLiteral("FILE"));
    const QCommandLineOption separatorOption(
        QStringLiteral("separator"),
        QStringLiteral("CSV separator: comma (default) or semicolon (with a decimal comma)."), QStringLiteral("SEP"));
    const QCommandLineOption noBomOption(QStringLiteral("no-bom"),
                                         QStringLiteral("CSV without a UTF-8 byte-order mark."));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({ classOption, fromOption, toOption, thresholdOption, formatOption, outputOption, separatorOption,
                        noBomOption, json });
    parser.addPositionalArgument(QStringLiteral("report"), QStringLiteral("session, register, student or below."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Session ID (session) or student ID (student)."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return context.usage(QStringLiteral("export needs a report: session, register, student or below"));
    const QString kind = positional.first();
    ReportRequest request;
    if (kind == QLatin1String("session")) {
        request.kind = ReportRequest::Kind::Session;
        if (positional.size() != 2)
            return context.usage(QStringLiteral("export session needs a session ID (see rollcall-cli session list)"));
        request.sessionId = positional.at(1);
    } else if (kind == QLatin1String("register")) {
        request.kind = ReportRequest::Kind::Register;
        if (positional.size() != 1 || !parser.isSet(classOption))
            return context.usage(QStringLiteral("export register needs --class CODE"));
    } else if (kind == QLatin1String("student")) {
        request.kind = ReportRequest::Kind::StudentHistory;
        if (positional.size() != 2)
            return context.usage(QStringLiteral("export student needs a student ID"));
        request.studentId = positional.at(1);
    } else if (kind == QLatin1String("below")) {
        request.kind = ReportRequest::Kind::BelowThreshold;
        if (positional.size() != 1)
            return context.usage(QStringLiteral("export below takes no positional argument"));
    } else {
        return context.usage(QStringLiteral("unknown report \"%1\": session, register, student or below").arg(kind));
    }
    request.classCode = parser.value(classOption);
    if (parser.isSet(fromOption) && !parseDate(parser.value(fromOption), &request.from))
        return context.usage(QStringLiteral("--from must be a date YYYY-MM-DD"));
    if (parser.isSet(toOption) && !parseDate(parser.value(toOption), &request.to))
        return context.usage(QStringLiteral("--to must be a date YYYY-MM-DD"));
    if (parser.isSet(thresholdOption)) {
        bool ok = false;
        request.thresholdPercent = parser.value(thresholdOption).toDouble(&ok);
        if (!ok || request.thresholdPercent < 0 || request.thresholdPercent > 100)
            return context.usage(QStringLiteral("--threshold must be a number from 0 to 100"));
    }

    if (!parser.isSet(outputOption))
        return context.usage(QStringLiteral("export needs --output FILE"));
    const QString output = parser.value(outputOption);
    ExportJob::Options options;
    const QString formatText = parser.isSet(formatOption) ? parser.value(formatOption) : QFileInfo(output).suffix();
    const auto format = ReportWriter::parseFormat(formatText.isEmpty() ? QStringLiteral("xlsx") : formatText);
    if (!format)
        return context.usage(QStringLiteral("--format must be xlsx or csv"));
    options.format = *format;
    if (parser.isSet(separatorOption)) {
        const QString sep = parser.value(separatorOption).toLower();
        if (sep == QLatin1String("semicolon") || sep == QLatin1String(";"))
            options.csv.separator = QLatin1Char(';');
        else if (sep != QLatin1String("comma") && sep != QLatin1String(","))
            return context.usage(QStringLiteral("--separator must be comma or semicolon"));
    }
    options.csv.byteOrderMark = !parser.isSet(noBomOption);

    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    Database *database = *db;
    int tables = 0;
    int rows = 0;
    ExportJob job(
        [&](const std::atomic_bool &cancelled) -> Result<ReportDocument> {
            auto doc = ReportBuilder::build(*database, request, &cancelled);
            if (doc) {
                tables = int(doc->tables.size());
                for (const ReportTable &t : std::as_const(doc->tables))
                    rows += t.rowCount();
            }
            return doc;
        },
        output, options);
    QElapsedTimer timer;
    timer.start();
    if (Status s = job.run(); !s)
        return context.fail(s.error());
    if (parser.isSet(json)) {
        context.printJson({ { QStringLiteral("output"), QFileInfo(output).absoluteFilePath() },
                            { QStringLiteral("report"), ReportRequest::kindName(request.kind) },
                            { QStringLiteral("format"), ReportWriter::formatName(options.format) },
                            { QStringLiteral("tables"), tables },
                            { QStringLiteral("rows"), rows },
                            { QStringLiteral("elapsed_ms"), qint64(timer.elapsed()) } });
    } else {
        context.out() << "Wrote " << QFileInfo(output).absoluteFilePath() << " (" << rows << " rows)\n";
    }
    return 0;
}

} // namespace rollcall
