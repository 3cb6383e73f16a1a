#include "cli/StudentImportCommand.h"

#include "cli/CliContext.h"
#include "reports/RosterImporter.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"

#include <QJsonArray>

namespace rollcall {

namespace {

QJsonObject entryJson(const RosterPreview::Entry &e)
{
    QJsonObject o { { QStringLiteral("row"), e.row },
                    { QStringLiteral("student_id"), e.studentId },
                    { QStringLiteral("name"), e.name },
                    { QStringLiteral("action"), RosterPreview::actionName(e.action) } };
    if (!e.email.isEmpty())
        o.insert(QStringLiteral("email"), e.email);
    if (e.action == RosterPreview::Action::Reject) {
        QJsonArray reasons;
        for (const auto r : e.reasons)
            reasons.append(RosterPreview::reasonText(r));
        o.insert(QStringLiteral("reasons"), reasons);
    }
    if (!e.changes.isEmpty())
        o.insert(QStringLiteral("changes"), QJsonArray::fromStringList(e.changes));
    return o;
}

} // namespace

int StudentImportCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption classOption(QStringLiteral("class"), QStringLiteral("Class to import into."),
                                         QStringLiteral("CODE"));
    const QCommandLineOption skipBad(QStringLiteral("skip-bad"),
                                     QStringLiteral("Import the valid rows and leave the rejected ones out."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("Only show what would be imported."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({ classOption, skipBad, dryRun, json });
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Roster (.csv or .xlsx) with ID and name "
                                                "columns, optionally email."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (!parser.isSet(classOption))
        return context.usage(QStringLiteral("student import needs --class CODE"));
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("student import needs exactly one roster file"));
    const QString file = parser.positionalArguments().first();

    auto rows = RosterImporter::readFile(file);
    if (!rows)
        return context.fail(rows.error());
    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    auto cls = ClassRepository(**db).findByCode(parser.value(classOption));
    if (!cls)
        return context.fail(cls.error());

    RosterPreview preview;
    RosterImporter::Outcome outcome;
    bool written = false;
    Error failure;
    bool failed = false;
    if (parser.isSet(dryRun)) {
        auto existing = RosterImporter::existingStudents(**db, cls->id);
        if (!existing)
            return context.fail(existing.error());
        preview = RosterImporter::preview(*rows, *existing);
    } else {
        auto applied = RosterImporter::apply(**db, cls->id, *rows, parser.isSet(skipBad));
        if (applied) {
            outcome = *applied;
            preview = outcome.preview;
            written = true;
        } else {
            failure = applied.error();
            failed = true;
            // Show the rows anyway, so the user can see what to fix.
            auto existing = RosterImporter::existingStudents(**db, cls->id);
            if (existing)
                preview = RosterImporter::preview(*rows, *existing);
        }
    }

    if (parser.isSet(json)) {
        QJsonArray entries;
        for (const auto &e : std::as_const(preview.entries))
            entries.append(entryJson(e));
        QJsonObject o { { QStringLiteral("class"), cls->code },
                        { QStringLiteral("file"), file },
                        { QStringLiteral("written"), written },
                        { QStringLiteral("add"), preview.count(RosterPreview::Action::Add) },
                        { QStringLiteral("update"), preview.count(RosterPreview::Action::Update) },
                        { QStringLiteral("unchanged"), preview.count(RosterPreview::Action::Unchanged) },
                        { QStringLiteral("reject"), preview.count(RosterPreview::Action::Reject) },
                        { QStringLiteral("rows"), entries } };
        if (failed)
            o.insert(QStringLiteral("error"), failure.message());
        context.printJson(o);
    } else {
        for (const auto &e : std::as_const(preview.entries)) {
            if (e.action == RosterPreview::Action::Reject || e.action == RosterPreview::Action::Update) {
                context.out() << "row " << e.row << ": " << RosterPreview::actionName(e.action) << ' '
                              << (e.studentId.isEmpty() ? QStringLiteral("(no ID)") : e.studentId) << ": "
                              << e.message() << '\n';
            }
        }
        context.out() << (written ? "Imported into " : "Would import into ") << cls->code << ": "
                      << preview.count(RosterPreview::Action::Add) << " added, "
                      << preview.count(RosterPreview::Action::Update) << " updated, "
                      << preview.count(RosterPreview::Action::Unchanged) << " unchanged, "
                      << preview.count(RosterPreview::Action::Reject)
                      << (written ? " rejected and skipped\n" : " rejected\n");
    }
    if (failed)
        return context.fail(failure);
    if (!written && preview.hasRejections() && !parser.isSet(skipBad))
        return Error(Error::Code::BadInput, {}).exitCode();
    return 0;
}

} // namespace rollcall
