#pragma once

#include "common/Job.h"
#include "students/EnrolmentCheck.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

namespace rollcall {

// Checks registration photos (EnrolmentCheck) as a Job, one after the other,
// handing each result over (photoChecked) as it is ready. Cancel stops it between
// photos.
class EnrolmentCheckJob final : public Job
{
    Q_OBJECT

public:
    struct Photo
    {
        int id = -1; // the caller's handle, echoed in photoChecked
        QString path; // a file, or empty when data holds the encoded image
        QByteArray data;
        QString name; // used in the refusal reasons
    };

    explicit EnrolmentCheckJob(QList<Photo> photos, QObject *parent = nullptr);
    ~EnrolmentCheckJob() override;

    int photoCount() const { return int(m_photos.size()); }

Q_SIGNALS:
    // preview: a thumbnail of a file (empty for data the caller already shows).
    void photoChecked(int id, const rollcall::EnrolmentCheck &check, const QImage &preview);

protected:
    Status execute() override;

private:
    QList<Photo> m_photos;
};

} // namespace rollcall
