#pragma once

#include "common/Result.h"
#include "storage/ReviewFace.h"
#include "storage/Student.h"
#include "students/EnrolmentCheck.h"
#include "vision/ComputeDevice.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace rollcall {

class Database;
class RecognitionPipeline;

// The GUI's one door to the recognition engine (core/vision). It owns a single
// RecognitionPipeline whose models load once and are shared, one job at a
// time, by marking and registration; it converts between the engine's OpenCV
// types and Qt's (no cv::Mat leaves this class). Every call is slow: call it
// off the GUI thread.
class VisionService
{
public:
    static VisionService &instance();

    struct PhotoRecognition
    {
        QList<ReviewFace> faces; // autoStudentUuid/nearestStudentUuid are student UUIDs
        QString backend; // "detector · embedder · device"
        double totalMs = 0.0;
    };
    // progress(percent 0..100, stage) is called on the calling thread and returns false to cancel.
    using Progress = std::function<bool(int, const QString &)>;

    // Detects and recognises the faces of one encoded photo against the class's enrolled students.
    Result<PhotoRecognition> recognise(Database &db, const QString &classId, const QByteArray &imageData,
                                       const QString &name, const Progress &progress);
    // Checks one registration photo with the engine's quality rules.
    EnrolmentCheck checkEnrolment(const QByteArray &imageData, const QString &name);
    // The enrolled student whose template is closest to the mean of embeddings, if close enough to match.
    std::optional<EnrolmentCheck::Duplicate> findDuplicate(Database &db, const QString &modelId,
                                                           const std::vector<std::vector<float>> &embeddings);
    // Registers a new student in classId from photo files with the engine's enrolment
    // (StudentEnroller, as `rollcall-cli student add`); BadInput with every photo's
    // reason when none is usable.
    Result<Student> enrolFiles(Database &db, const Student &student, const QString &classId, const QStringList &paths);
    // The embedding model the pipeline uses (resolved: the setting, else the engine's default).
    QString embedderModel();

private:
    VisionService();
    ~VisionService();
    RecognitionPipeline &pipeline(); // with the current settings applied; call with m_mutex held

    QMutex m_mutex;
    std::unique_ptr<RecognitionPipeline> m_pipeline;
    QString m_modelsDir;
    QString m_embedder;
    ComputeDevice::Kind m_device = ComputeDevice::Kind::Cpu;
};

} // namespace rollcall
