#pragma once

#include <QString>

namespace rollcall {

// The device detection and embedding run on. Auto picks CUDA when RollCall was
// built with it and a device is present, the CPU otherwise.
class ComputeDevice
{
public:
    enum class Kind { Cpu, Cuda };
    enum class Preference { Auto, Cpu, Cuda };

    static Preference preference();
    static void setPreference(Preference preference);
    static bool parsePreference(const QString &text, Preference *out);

    // Resolves the preference against what is compiled in and present.
    static ComputeDevice current();
    static int cudaDeviceCount();

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
