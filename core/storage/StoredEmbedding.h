#pragma once

#include <QString>

#include <vector>

namespace rollcall {

// One face embedding of a student for one model (stored as float32 little-endian BLOB).
struct StoredEmbedding
{
    QString id {};
    QString studentUuid {};
    QString modelId {};
    std::vector<float> vector {};
    QString photoId {}; // the enrolment photo it came from; may be empty
};

} // namespace rollcall
