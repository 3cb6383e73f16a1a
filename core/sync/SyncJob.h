#pragma once

#include "common/Job.h"
#include "sync/SyncEngine.h"
#include "sync/SyncReport.h"

namespace rollcall {

class Database;

// A sync as a Job: SyncEngine on a thread of its own (with its own local and
// central connections), cancellable between batches. report() holds the outcome
// after finished().
class SyncJob final : public Job
{
    Q_OBJECT

public:
    SyncJob(Database &db, SyncEngine::Options options, QObject *parent = nullptr);
    ~SyncJob() override;

    const SyncReport &report() const { return m_report; }

protected:
    Status execute() override;
    void releaseThreadResources() override;

private:
    Database &m_db;
    SyncEngine::Options m_options;
    SyncReport m_report;
};

} // namespace rollcall
