#pragma once

#include "vision/embedding/Embedder.h"

#include <QString>

namespace rollcall {

// One enrolled student as the matcher sees them: the L2-normalised mean of
// their enrolment embeddings for one model.
struct StudentTemplate
{
    QString studentId;
    QString name;
    Embedding embedding;
    int samples = 0; // how many enrolment embeddings the mean is made of
};

} // namespace rollcall
