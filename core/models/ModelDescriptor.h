#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>

namespace rollcall {

// What RollCall knows about one model file: identity, checksum, licence and,
// for embedders, the input/output contract and the matching thresholds.
class ModelDescriptor
{
public:
    static Result<ModelDescriptor> fromJson(const QJsonObject &json, const QString &origin);
    // A descriptor .json file (user descriptors, the one beside an imported model).
    static Result<ModelDescriptor> fromFile(const QString &path);

    QString id;
    QString name;
    QString role; // detector, proposer, landmarks, embedder
    QString fileName; // relative to the models folder
    QString sha256; // empty: not pinned (user-supplied model without a checksum)
    QString licence;
    QString source;
    QString url;
    bool required = false;
    QJsonObject raw; // every field, for role-specific settings (embedder contract)

    QJsonObject toJson() const { return raw; }
};

} // namespace rollcall
