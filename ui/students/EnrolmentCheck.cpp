#include "EnrolmentCheck.h"

#include "util/VisionService.h"

namespace rollcall {

EnrolmentCheck EnrolmentCheck::run(const QByteArray &imageData, const QString &name)
{
    return VisionService::instance().checkEnrolment(imageData, name);
}

std::optional<EnrolmentCheck::Duplicate>
EnrolmentCheck::findDuplicate(Database &db, const QString &modelId, const std::vector<std::vector<float>> &embeddings)
{
    return VisionService::instance().findDuplicate(db, modelId, embeddings);
}

} // namespace rollcall
