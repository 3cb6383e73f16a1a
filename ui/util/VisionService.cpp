#include "VisionService.h"

#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "storage/Database.h"
#include "storage/MarkReview.h"
#include "storage/PhotoStore.h"
#include "vision/ComputeDevice.h"
#include "vision/RecognitionPipeline.h"
#include "storage/RosterTemplates.h"
#include "storage/StudentEnroller.h"
#include "vision/embedding/Embedder.h"
#include "vision/matching/RosterMatcher.h"
#include "vision/quality/EnrolmentAnalyser.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace rollcall {

namespace {

// The one QImage ↔ cv::Mat conversion of the GUI.
QImage toQImage(const cv::Mat &bgr)
{
    if (bgr.empty())
        return {};
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, bgr.channels() == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGR2RGB);
    return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
}

} // namespace

VisionService &VisionService::instance()
{
    static VisionService service;
    return service;
}

VisionService::VisionService() = default;
VisionService::~VisionService() = default;

RecognitionPipeline &VisionService::pipeline()
{
    const RecognitionConfig config = RecognitionConfig::load();
    const QString modelsDir = AppPaths::modelsDir();
    // A new models folder, model or device: load again; otherwise keep the loaded networks.
    const ComputeDevice::Kind device = ComputeDevice::current().kind();
    if (!m_pipeline || modelsDir != m_modelsDir || config.embedderModel != m_embedder || device != m_device) {
        m_pipeline = std::make_unique<RecognitionPipeline>(modelsDir);
        m_modelsDir = modelsDir;
        m_embedder = config.embedderModel;
        m_device = device;
    }
    // Sizes and thresholds apply from the next photo on, as in the CLI.
    m_pipeline->setConfig(config);
    return *m_pipeline;
}

QString VisionService::embedderModel()
{
    QMutexLocker lock(&m_mutex);
    return pipeline().embedderModel();
}

Result<VisionService::PhotoRecognition> VisionService::recognise(Database &db, const QString &classId,
                                                                 const QByteArray &imageData, const QString &name,
                                                                 const Progress &progress)
{
    QMutexLocker lock(&m_mutex);
    QElapsedTimer timer;
    timer.start();
    RecognitionPipeline &p = pipeline();
    if (progress && !progress(2, QCoreApplication::translate("VisionService", "Loading the recognition models…")))
        return Error::cancelled();
    if (const Status prepared = p.prepare(); !prepared)
        return prepared.error();

    // The class's enrolled students as templates of the model in use (re-embedded from their
    // stored crops when they were enrolled under another model).
    PhotoStore store;
    const Result<RosterTemplates::Roster> roster = RosterTemplates::load(db, store, classId, p);
    if (!roster)
        return roster.error();
    p.setRoster(roster->templates);
    p.setKeepChips(false);
    p.setInputs({ RecognitionPipeline::Input { name, imageData, {} } });
    QObject guard;
    QObject::connect(
        &p, &RecognitionPipeline::progress, &guard,
        [&p, &progress](int percent, const QString &stage) {
            if (progress && !progress(percent, stage))
                p.cancel();
        },
        Qt::DirectConnection);
    Result<RecognitionResult> result = p.run();
    if (!result)
        return result.error();

    // Matching (with the settings' threshold overrides) happened in core, as for the CLI.
    PhotoRecognition out;
    out.faces = MarkReview::reviewFaces(result->photos.front(), 0, roster->templates);
    out.backend = QStringLiteral("%1 · %2 · %3").arg(result->detector, result->embedderModel, result->device);
    out.totalMs = double(timer.elapsed());
    return out;
}

EnrolmentCheck VisionService::checkEnrolment(const QByteArray &imageData, const QString &name)
{
    EnrolmentCheck check;
    QMutexLocker lock(&m_mutex);
    RecognitionPipeline &p = pipeline();
    EnrolmentAnalyser analyser(p);
    const Result<std::vector<EnrolmentAnalyser::Photo>> analysed
        = analyser.analyse(std::vector<RecognitionPipeline::Input> { { name, imageData, {} } });
    if (!analysed || analysed->empty()) {
        check.reason = analysed ? QCoreApplication::translate("VisionService", "the photo cannot be used")
                                : analysed.error().message();
        return check;
    }
    const EnrolmentAnalyser::Photo &photo = analysed->front();
    check.sharpness = photo.sharpness;
    check.brightness = photo.brightness;
    if (!photo.usable) {
        const QString reason = photo.reasons.join(u' ');
        check.reason
            = reason.isEmpty() ? QCoreApplication::translate("VisionService", "the photo cannot be used") : reason;
        return check;
    }
    check.accepted = true;
    check.crop = toQImage(photo.crop.empty() ? photo.chip : photo.crop);
    std::vector<uchar> png;
    if (!photo.crop.empty() && cv::imencode(".png", photo.crop, png))
        check.encodedCrop = QByteArray(reinterpret_cast<const char *>(png.data()), qsizetype(png.size()));
    check.modelId = p.embedderModel();
    check.embedding = photo.embedding;
    check.detectorScore = photo.confidence;
    check.faceSize = photo.faceSize;
    return check;
}

Result<Student> VisionService::enrolFiles(Database &db, const Student &student, const QString &classId,
                                          const QStringList &paths)
{
    QMutexLocker lock(&m_mutex);
    PhotoStore store;
    StudentEnroller enroller(db, store, pipeline());
    Result<StudentEnroller::Outcome> analysed = enroller.analyse(paths);
    if (!analysed)
        return analysed.error();
    if (analysed->usable() == 0) {
        QStringList reasons;
        for (const EnrolmentAnalyser::Photo &p : analysed->photos)
            reasons << StudentEnroller::describe(p);
        return Error::badInput(
            QStringLiteral("No usable photo for %1: %2").arg(student.studentId, reasons.join(u"; ")));
    }
    return enroller.enrolNew(student, classId, *analysed);
}

std::optional<EnrolmentCheck::Duplicate> VisionService::findDuplicate(Database &db, const QString &modelId,
                                                                      const std::vector<std::vector<float>> &embeddings)
{
    if (embeddings.empty())
        return std::nullopt;
    double threshold = 0.0;
    {
        QMutexLocker lock(&m_mutex);
        const Result<EmbedderSpec> spec = pipeline().embedderSpec();
        if (!spec)
            return std::nullopt;
        // As `rollcall-cli student add`: a confident match is a possible duplicate.
        threshold = spec->matchThreshold - spec->uncertainBand;
    }
    // The plain mean, as StudentEnroller::possibleDuplicates expects.
    const Embedding probe = RosterMatcher::meanTemplate(embeddings);
    PhotoStore store;
    const auto duplicates = StudentEnroller::possibleDuplicates(db, store, modelId, probe, threshold);
    if (!duplicates || duplicates->empty())
        return std::nullopt;
    const StudentEnroller::Duplicate &d = duplicates->front();
    return EnrolmentCheck::Duplicate { d.studentUuid, d.studentId, d.name, d.distance };
}

} // namespace rollcall
