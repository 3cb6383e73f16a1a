#pragma once

#include "common/Error.h"

#include <QString>

#include <cstddef>

namespace rollcall {

// The device detection and embedding run on. Auto picks CUDA when the CUDA
// plugin loads and finds a GPU its kernels support, the CPU otherwise; YuNet and
// ONNX models then use OpenCV's CUDA backend too where OpenCV has one for that
// GPU. The preference starts from $ROLLCALL_DEVICE (auto|cpu|cuda), so a whole
// test run can be pointed at one device.
class ComputeDevice
{
public:
    enum class Kind { Cpu, Cuda };
    enum class Preference { Auto, Cpu, Cuda };

    static Preference preference();
    static void setPreference(Preference preference);
    static bool parsePreference(const QString &text, Preference *out);

    // Precision of ONNX embedders on OpenCV's CUDA backend (dlib's networks are
    // always FP32). Half by default: twice the FP32 rate on Turing cards, at a
    // cosine similarity >= 0.995 to the CPU instead of >= 0.999. Starts from
    // $ROLLCALL_CUDA_PRECISION (fp16|fp32); read when a model is loaded.
    enum class Precision { Half, Single };
    static Precision cudaPrecision();
    static void setCudaPrecision(Precision precision);
    static bool parsePrecision(const QString &text, Precision *out);
    static QString precisionName(Precision precision);

    // Resolves the preference against what is compiled in and present.
    static ComputeDevice current();
    static int cudaDeviceCount();
    // OpenCV was built with CUDA, sees a device and has kernels for it (for
    // YuNet and ONNX models).
    static bool openCvHasCuda();
    // Why CUDA is not used (empty when it is): no plugin, no GPU, --device cpu, …
    static QString cudaUnavailableReason();
    // Free memory of the GPU in use now; 0 on the CPU.
    static std::size_t freeMemoryBytes();
    // Whether work that failed on the GPU is worth redoing on the CPU: not after
    // a cancel, bad input or a bad model, which the CPU would only repeat.
    static bool cpuMayCure(const Error &gpuError);

    Kind kind() const { return m_kind; }
    bool isCuda() const { return m_kind == Kind::Cuda; }
    // "cpu", or "cuda" followed by the GPU's name.
    QString description() const { return m_description; }
    // Short name for JSON output: "cpu" or "cuda".
    QString name() const { return isCuda() ? QStringLiteral("cuda") : QStringLiteral("cpu"); }

private:
    Kind m_kind = Kind::Cpu;
    QString m_description = QStringLiteral("cpu");
};

} // namespace rollcall
