#include "reports/RosterEnrolmentJob.h"

#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "storage/StudentEnroller.h"
#include "storage/StudentRepository.h"
#include "vision/RecognitionPipeline.h"

#include <QElapsedTimer>
#include <QHash>

namespace rollcall {

RosterEnrolmentJob::RosterEnrolmentJob(Database &db, QString classId, QStringList studentIds, QString photosDir,
                                       Options options, QObject *parent)
    : Job(parent)
    , m_db(db)
    , m_classId(std::move(classId))
    , m_studentIds(std::move(studentIds))
    , m_photosDir(std::move(photosDir))
    , m_options(std::move(options))
{ }

RosterEnrolmentJob::~RosterEnrolmentJob()
{
    stop();
}

Status RosterEnrolmentJob::prepare()
{
    if (!m_pipeline) {
        m_pipeline = std::make_unique<RecognitionPipeline>(m_options.modelsDir.isEmpty() ? AppPaths::modelsDir()
                                                                                         : m_options.modelsDir);
        m_pipeline->setConfig(m_options.config ? *m_options.config : RecognitionConfig::load());
    }
    return m_pipeline->prepare();
}

Status RosterEnrolmentJob::execute()
{
    QElapsedTimer timer;
    timer.start();
    m_report = {};
    m_report.folder = m_photosDir;
    reportProgress(0, tr("Looking for photos"));
    auto folder = RosterPhotoFolder::scan(m_photosDir, m_studentIds);
    if (!folder)
        return folder.error();
    m_report.unmatched = folder->unmatched();
    auto members = StudentRepository(m_db).list(m_classId);
    if (!members)
        return members.error();
    QHash<QString, rollcall::Student> byId;
    for (const rollcall::Student &s : *members)
        byId.insert(s.studentId, s);

    // Only load the models when there is something to enrol.
    if (folder->photoCount() > 0) {
        reportProgress(1, tr("Loading the recognition models"));
        if (Status s = prepare(); !s)
            return s;
        m_report.modelId = m_pipeline->embedderModel();
    }
    PhotoStore store(m_options.photoStoreDir);
    const int total = int(m_studentIds.size());
    for (int i = 0; i < total; ++i) {
        if (isCancelled())
            return Error::cancelled();
        const QString &id = m_studentIds.at(i);
        RosterEnrolmentReport::Student entry;
        entry.studentId = id;
        const auto member = byId.constFind(id);
        if (member == byId.constEnd()) {
            entry.outcome = RosterEnrolmentReport::Outcome::Failed;
            entry.error = tr("not a member of the class");
            m_report.students.append(entry);
            continue;
        }
        entry.name = member->name;
        const QStringList photos = folder->photosOf(id);
        if (photos.isEmpty()) {
            entry.outcome = RosterEnrolmentReport::Outcome::NoPhotos;
            m_report.students.append(entry);
            continue;
        }
        // No consent to face recognition: the photos are not even analysed.
        if (!member->consent) {
            entry.outcome = RosterEnrolmentReport::Outcome::NoConsent;
            for (const QString &path : photos)
                entry.photos.append({ folder->relative(path), false, { tr("no consent recorded") } });
            m_report.students.append(entry);
            continue;
        }
        reportProgress(2 + 97 * i / std::max(total, 1), tr("Enrolling %1 (%2 of %3)").arg(id).arg(i + 1).arg(total));

        StudentEnroller enroller(m_db, store, *m_pipeline);
        auto analysed = enroller.analyse(photos, member->studentUuid);
        if (!analysed)
            return analysed.error(); // the models cannot run: the next student would fail the same way
        for (const auto &p : analysed->photos) {
            const QString file = folder->relative(p.path);
            QStringList reasons = p.reasons;
            reasons.replaceInStrings(p.path, file); // decoding errors name the whole path
            entry.photos.append({ file, p.usable, reasons });
        }
        for (const auto &d : analysed->possibleDuplicates)
            entry.possibleDuplicates.append(d);
        if (analysed->usable() == 0) {
            entry.outcome = RosterEnrolmentReport::Outcome::Refused;
            m_report.students.append(entry);
            continue;
        }
        if (Status saved = enroller.addPhotos(member->studentUuid, *analysed); !saved) {
            entry.outcome = RosterEnrolmentReport::Outcome::Failed;
            entry.error = saved.error().message();
            m_report.students.append(entry);
            return saved; // storage trouble: stop rather than fail every student
        }
        entry.outcome = RosterEnrolmentReport::Outcome::Enrolled;
        entry.stored = analysed->stored;
        entry.alreadyStored = analysed->alreadyStored;
        m_report.students.append(entry);
    }
    m_report.complete = true;
    reportProgress(100, tr("Done"));
    qCInfo(lcVision) << "roster photos:" << m_report.count(RosterEnrolmentReport::Outcome::Enrolled) << "enrolled,"
                     << m_report.count(RosterEnrolmentReport::Outcome::Refused) << "refused in" << timer.elapsed()
                     << "ms";
    return {};
}

void RosterEnrolmentJob::releaseThreadResources()
{
    // Models and the worker's connection are not kept past the job.
    m_pipeline.reset();
    m_db.releaseThreadConnection();
}

} // namespace rollcall
