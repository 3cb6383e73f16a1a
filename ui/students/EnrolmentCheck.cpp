#include "EnrolmentCheck.h"

#include <QCoreApplication>

namespace rollcall {

EnrolmentCheck EnrolmentCheck::run(const QByteArray &, const QString &)
{
    EnrolmentCheck check;
    check.reason = QCoreApplication::translate("EnrolmentCheck", "Face checks are not available in this build.");
    return check;
}

std::optional<EnrolmentCheck::Duplicate> EnrolmentCheck::findDuplicate(Database &, const QString &,
                                                                       const std::vector<std::vector<float>> &)
{
    return std::nullopt;
}

} // namespace rollcall
