#pragma once

#include "common/Job.h"
#include "reports/RosterEnrolmentReport.h"
#include "vision/RecognitionConfig.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace rollcall {

class Database;
class RecognitionPipeline;

// Enrols the students of an imported roster from a photos folder (RosterPhotoFolder):
// each student found gets their accepted photos stored through StudentEnroller, each
// in a transaction of its own, so a bad photo or a failure later never undoes the
// roster import or the students already enrolled. A Job: blocking with run() (CLI)
// or on a worker thread with start() (GUI); cancellable between students. report()
// holds what was done, also after failed() or a cancel.
class RosterEnrolmentJob final : public Job
{
    Q_OBJECT

public:
    struct Options
    {
        QString modelsDir {}; // empty: AppPaths::modelsDir()
        std::optional<RecognitionConfig> config {}; // empty: the settings' (RecognitionConfig::load)
        QString photoStoreDir {}; // empty: AppPaths::photoStoreDir()
    };

    // studentIds: the roster's students (members of classId), in roster order.
    RosterEnrolmentJob(Database &db, QString classId, QStringList studentIds, QString photosDir, Options options,
                       QObject *parent = nullptr);
    ~RosterEnrolmentJob() override; // cancels and waits for a running job

    // The students to enrol when they are only known after the roster import.
    void setStudentIds(QStringList studentIds) { m_studentIds = std::move(studentIds); }
    // Loads the models on the calling thread, so a caller can refuse before writing
    // anything else when they are missing (ModelMissing). run() and start() load them
    // when this was not called; after prepare(), run the job on the same thread.
    Status prepare();
    // What was done so far: after failed() or a cancel, the students handled before it.
    const RosterEnrolmentReport &report() const { return m_report; }

protected:
    Status execute() override;
    void releaseThreadResources() override;

private:
    Database &m_db;
    QString m_classId;
    QStringList m_studentIds;
    QString m_photosDir;
    Options m_options;
    std::unique_ptr<RecognitionPipeline> m_pipeline;
    RosterEnrolmentReport m_report;
};

} // namespace rollcall
