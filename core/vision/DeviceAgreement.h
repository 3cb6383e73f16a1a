#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace rollcall {

// Runs detection and embedding on the same photos on the CPU and on the GPU
// (the CUDA plugin) in one process and measures how far they differ: faces are
// paired by box overlap, and paired faces' embeddings by cosine similarity.
// The GPU path must give the same attendance as the CPU path, which is what
// `rollcall-bench-vision agree` and the gpu-labelled test check.
class DeviceAgreement
{
public:
    struct Report
    {
        QString gpuDevice; // ComputeDevice description of the GPU run
        QString gpuBackend; // RecognitionResult::device of the GPU run ("cuda", or "cuda/cpu" …)
        int photos = 0;
        int cpuFaces = 0;
        int gpuFaces = 0;
        int paired = 0; // faces found on both, IoU >= 0.5
        double minIou = 1.0;
        double meanIou = 1.0;
        int embeddedPairs = 0;
        double minCosine = 1.0; // similarity, 1 = identical
        double meanCosine = 1.0;
        double cpuMs = 0.0; // detection + alignment + embedding, all photos
        double gpuMs = 0.0;
    };

    // Fails when either run fails, or when no GPU is available.
    static Result<Report> compare(const QString &modelsDir, const QStringList &photos, const QString &embedderModel);
    // The thresholds: IoU >= 0.9 for every face, cosine >= minCosine
    // (0.999 FP32, 0.995 FP16), and the same number of faces.
    static bool agrees(const Report &report, double minCosine, QString *why = nullptr);
};

} // namespace rollcall
