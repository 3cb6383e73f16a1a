#include "cli/StudentImportCommand.h"

#include "cli/CliContext.h"
#include "reports/RosterEnrolmentJob.h"
#include "reports/RosterImporter.h"
#include "reports/RosterPhotoFolder.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"

#include <QJsonArray>

#include <optional>

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

// The roster's students that end up in the class (rejected rows have none).
QStringList importedIds(const RosterPreview &preview)
{
    QStringList ids;
    for (const auto &e : preview.entries) {
        if (e.action != RosterPreview::Action::Reject)
            ids << e.studentId;
    }
    return ids;
}

// planned: --dry-run, the photos found per student and nothing analysed.
QJsonObject photosJson(const RosterEnrolmentReport &report, bool planned)
{
    QJsonArray students;
    for (const auto &s : report.students) {
        QJsonArray photos;
        for (const auto &p : s.photos) {
            photos.append(planned
                              ? QJsonObject { { QStringLiteral("file"), p.file } }
                              : QJsonObject { { QStringLiteral("file"), p.file },
                                              { QStringLiteral("accepted"), p.accepted },
                                              { QStringLiteral("reasons"), QJsonArray::fromStringList(p.reasons) } });
        }
        if (planned) {
            students.append(QJsonObject { { QStringLiteral("student_id"), s.studentId },
                                          { QStringLiteral("name"), s.name },
                                          { QStringLiteral("outcome"),
                                            s.outcome == RosterEnrolmentReport::Outcome::Enrolled
                                                ? QStringLiteral("found")
                                                : RosterEnrolmentReport::outcomeName(s.outcome) },
                                          { QStringLiteral("photos"), photos } });
            continue;
        }
        QJsonArray duplicates;
        for (const auto &d : s.possibleDuplicates) {
            duplicates.append(QJsonObject { { QStringLiteral("student_id"), d.studentId },
                                            { QStringLiteral("name"), d.name },
                                            { QStringLiteral("distance"), d.distance } });
        }
        QJsonObject o { { QStringLiteral("student_id"), s.studentId },
                        { QStringLiteral("name"), s.name },
                        { QStringLiteral("outcome"), RosterEnrolmentReport::outcomeName(s.outcome) },
                        { QStringLiteral("photos"), photos },
                        { QStringLiteral("stored"), s.stored },
                        { QStringLiteral("already_stored"), s.alreadyStored },
                        { QStringLiteral("possible_duplicates"), duplicates } };
        if (!s.error.isEmpty())
            o.insert(QStringLiteral("error"), s.error);
        students.append(o);
    }
    QJsonArray unmatched;
    for (const auto &u : report.unmatched)
        unmatched.append(QJsonObject { { QStringLiteral("file"), u.file }, { QStringLiteral("reason"), u.reason } });
    using Outcome = RosterEnrolmentReport::Outcome;
    if (planned) {
        return { { QStringLiteral("folder"), report.folder },
                 { QStringLiteral("found"), report.count(Outcome::Enrolled) },
                 { QStringLiteral("no_photos"), report.count(Outcome::NoPhotos) },
                 { QStringLiteral("students"), students },
                 { QStringLiteral("unmatched"), unmatched } };
    }
    return { { QStringLiteral("folder"), report.folder },
             { QStringLiteral("model"), report.modelId },
             { QStringLiteral("complete"), report.complete },
             { QStringLiteral("enrolled"), report.count(Outcome::Enrolled) },
             { QStringLiteral("refused"), report.count(Outcome::Refused) },
             { QStringLiteral("no_photos"), report.count(Outcome::NoPhotos) },
             { QStringLiteral("no_consent"), report.count(Outcome::NoConsent) },
             { QStringLiteral("failed"), report.count(Outcome::Failed) },
             { QStringLiteral("students"), students },
             { QStringLiteral("unmatched"), unmatched } };
}

void printPhotos(QTextStream &out, const RosterEnrolmentReport &report, bool planned)
{
    out << "Photos from " << report.folder;
    if (!report.modelId.isEmpty())
        out << " (model " << report.modelId << ')';
    out << ":\n";
    for (const auto &s : report.students) {
        if (planned) {
            out << "  " << s.studentId << ": "
                << (s.outcome == RosterEnrolmentReport::Outcome::Enrolled
                        ? QStringLiteral("would be enrolled from %1 photo(s)").arg(s.photos.size())
                        : s.message())
                << '\n';
            continue;
        }
        out << "  " << s.studentId << ": " << s.message() << '\n';
        for (const auto &p : s.photos) {
            if (!p.accepted)
                out << "    refused " << RosterEnrolmentReport::describe(p) << '\n';
        }
        for (const auto &d : s.possibleDuplicates) {
            out << "    warning: the face looks like already-enrolled student " << d.studentId << " (distance "
                << QString::number(d.distance, 'f', 3) << "); check this is not a second registration\n";
        }
    }
    for (const auto &u : report.unmatched)
        out << "  not matched: " << u.file << " (" << u.reason << ")\n";
    if (planned) {
        out << "Photos found for " << report.count(RosterEnrolmentReport::Outcome::Enrolled) << " student(s), "
            << report.count(RosterEnrolmentReport::Outcome::NoPhotos) << " without photos, " << report.unmatched.size()
            << " file(s) matching no student\n";
    } else {
        out << report.summary() << '\n';
    }
}

// --dry-run: which photos each student would be enrolled from, without running the models.
RosterEnrolmentReport plannedPhotos(const RosterPhotoFolder &folder, const RosterPreview &preview)
{
    RosterEnrolmentReport report;
    report.folder = folder.dir();
    report.unmatched = folder.unmatched();
    for (const auto &e : preview.entries) {
        if (e.action == RosterPreview::Action::Reject)
            continue;
        const QString &id = e.studentId;
        RosterEnrolmentReport::Student s;
        s.studentId = id;
        s.name = e.name;
        for (const QString &path : folder.photosOf(id))
            s.photos.append({ folder.relative(path), false, {} });
        // A new student without consent, or a consent of no, gets no photos enrolled.
        const bool consent = e.consent ? *e.consent : e.action != RosterPreview::Action::Add;
        s.outcome = s.photos.isEmpty() ? RosterEnrolmentReport::Outcome::NoPhotos
            : consent                  ? RosterEnrolmentReport::Outcome::Enrolled
                                       : RosterEnrolmentReport::Outcome::NoConsent;
        report.students.append(s);
    }
    return report;
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
    const QCommandLineOption photosOption(QStringLiteral("photos"),
                                          QStringLiteral("Enrol the students from the photos in DIR named by student "
                                                         "ID: ID.jpg, ID_1.jpg, ID-2.png … or ID/*.jpg."),
                                          QStringLiteral("DIR"));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({ classOption, skipBad, dryRun, photosOption, json });
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Roster (.csv or .xlsx) with ID and name columns, optionally "
                                                "email and consent (yes/no: photos are enrolled only with it)."));
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
    auto cls = context.classByCode(parser.value(classOption));
    if (!cls)
        return context.fail(cls.error());

    // With photos, the folder and the models are checked before anything is written.
    const bool withPhotos = parser.isSet(photosOption);
    const QString photosDir = parser.value(photosOption);
    if (withPhotos) {
        if (auto folder = RosterPhotoFolder::scan(photosDir, {}); !folder)
            return context.fail(folder.error());
    }
    RosterEnrolmentJob photoJob(**db, cls->id, {}, photosDir, { .photoStoreDir = context.photoStore().dir() });
    if (withPhotos && !parser.isSet(dryRun)) {
        if (Status ready = photoJob.prepare(); !ready)
            return context.fail(ready.error());
    }

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
        auto applied = RosterImporter::apply(**db, cls->id, *rows, parser.isSet(skipBad), {}, &context.photoStore());
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

    // Each student's photos in a transaction of their own: the roster stays imported.
    std::optional<RosterEnrolmentReport> photos;
    std::optional<Error> photoFailure;
    if (withPhotos && parser.isSet(dryRun)) {
        auto folder = RosterPhotoFolder::scan(photosDir, importedIds(preview));
        if (!folder)
            return context.fail(folder.error());
        photos = plannedPhotos(*folder, preview);
    } else if (withPhotos && written) {
        photoJob.setStudentIds(importedIds(preview));
        auto report = photoJob.run();
        if (!report)
            photoFailure = report.error();
        photos = photoJob.report();
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
        if (photos) {
            QJsonObject p = photosJson(*photos, parser.isSet(dryRun));
            if (photoFailure)
                p.insert(QStringLiteral("error"), photoFailure->message());
            o.insert(QStringLiteral("photos"), p);
        }
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
        if (photos)
            printPhotos(context.out(), *photos, parser.isSet(dryRun));
    }
    if (failed)
        return context.fail(failure);
    if (photoFailure)
        return context.fail(*photoFailure);
    // Photos were given to enrol from, and nobody could be: as a bad input, though the
    // roster itself is imported.
    if (photos && written && photos->count(RosterEnrolmentReport::Outcome::Enrolled) == 0)
        return context.fail(Error::badInput(QStringLiteral("No student could be enrolled from %1").arg(photosDir)));
    if (!written && preview.hasRejections() && !parser.isSet(skipBad))
        return Error(Error::Code::BadInput, {}).exitCode();
    return 0;
}

} // namespace rollcall
