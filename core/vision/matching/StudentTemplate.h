#pragma once

#include <QString>

#include <vector>

namespace rollcall {

// What the matcher compares faces against: the L2-normalised mean of a student's
// L2-normalised embeddings for one model.
struct StudentTemplate
{
    QString studentUuid {};
    QString studentId {};
    QString name {};
    std::vector<float> embedding {};
    int sampleCount = 0;
};

} // namespace rollcall
