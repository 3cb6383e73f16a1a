#include "VisionService.h"

#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "settings/AppSettings.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "vision/ComputeDevice.h"
#include "vision/RecognitionPipeline.h"
#include "vision/RosterTemplates.h"
#include "vision/StudentEnroller.h"
#include "vision/embedding/Embedder.h"
#include "vision/matching/RosterMatcher.h"
#include "vision/quality/EnrolmentAnalyser.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryFile>

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

QRectF toRect(const cv::Rect2f &r)
{
    return QRectF(r.x, r.y, r.width, r.height);
}

ReviewFace::Band toBand(MatchBand band)
{
    switch (band) {
    case MatchBand::Confident:
        return ReviewFace::Band::Confident;
    case MatchBand::Uncertain:
        return ReviewFace::Band::Uncertain;
    case MatchBand::Unknown:
        break;
    }
    return ReviewFace::Band::Unknown;
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
    const AppSettings settings = AppSettings::load();
    const QString modelsDir = AppPaths::modelsDir();
    // A new models folder, model or device: load again; otherwise keep the loaded networks.
    const ComputeDevice::Kind device = ComputeDevice::current().kind();
    if (!m_pipeline || modelsDir != m_modelsDir || settings.preferredEmbedder != m_embedder || device != m_device) {
        m_pipeline = std::make_unique<RecognitionPipeline>(modelsDir);
        m_pipeline->setEmbedderModel(settings.preferredEmbedder);
        m_modelsDir = modelsDir;
        m_embedder = settings.preferredEmbedder;
        m_device = device;
    }
    DetectionSettings detection;
    detection.minRecognisableSize = settings.minRecognisableFace;
    m_pipeline->setDetectionSettings(detection);
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
    const Result<EmbedderSpec> spec = p.embedderSpec();
    if (!spec)
        return spec.error();

    // The class's enrolled students as templates of the model in use (re-embedded from their
    // stored crops when they were enrolled under another model).
    PhotoStore store;
    const Result<RosterTemplates::Roster> roster = RosterTemplates::load(db, store, classId, p);
    if (!roster)
        return roster.error();
    QStringList uuids;
    for (const StudentTemplate &t : roster->templates)
        uuids << t.studentUuid;
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

    // Threshold overrides from Settings re-band the engine's matches.
    const AppSettings::Thresholds override = AppSettings::load().thresholds.value(p.embedderModel());
    const double threshold = override.match.value_or(spec->matchThreshold);
    const double band = override.uncertainBand.value_or(spec->uncertainBand);
    const bool rebanded = override.match || override.uncertainBand;

    PhotoRecognition out;
    for (const RecognisedFace &face : result->photos.front().faces) {
        ReviewFace f;
        f.box = toRect(face.detection.box);
        f.tooSmall = face.detection.tooSmall;
        const FaceMatch &m = face.match;
        f.band = toBand(m.band);
        if (m.student >= 0 && m.student < uuids.size()) {
            f.autoStudentKey = uuids.at(m.student);
            f.autoDistance = m.distance;
        }
        if (m.nearest >= 0 && m.nearest < uuids.size()) {
            f.nearestStudentKey = uuids.at(m.nearest);
            f.nearestDistance = m.nearestDistance;
        }
        if (rebanded && !f.autoStudentKey.isEmpty()) {
            if (m.distance > threshold) {
                f.band = ReviewFace::Band::Unknown;
                f.autoStudentKey.clear();
                f.autoDistance = std::numeric_limits<double>::quiet_NaN();
            } else {
                f.band = m.distance > threshold - band ? ReviewFace::Band::Uncertain : ReviewFace::Band::Confident;
            }
        }
        out.faces.append(f);
    }
    if (rebanded && threshold > spec->matchThreshold) {
        // A looser threshold than the model's: unmatched faces whose nearest student is free
        // and now close enough are matched, closest first, keeping one face per student.
        QSet<QString> taken;
        QList<int> candidates;
        for (int i = 0; i < out.faces.size(); ++i) {
            const ReviewFace &f = out.faces.at(i);
            if (!f.autoStudentKey.isEmpty())
                taken.insert(f.autoStudentKey);
            else if (!f.tooSmall && !f.nearestStudentKey.isEmpty() && f.nearestDistance <= threshold)
                candidates.append(i);
        }
        std::sort(candidates.begin(), candidates.end(),
                  [&out](int a, int b) { return out.faces.at(a).nearestDistance < out.faces.at(b).nearestDistance; });
        for (int i : std::as_const(candidates)) {
            ReviewFace &f = out.faces[i];
            if (taken.contains(f.nearestStudentKey))
                continue;
            taken.insert(f.nearestStudentKey);
            f.autoStudentKey = f.nearestStudentKey;
            f.autoDistance = f.nearestDistance;
            f.band = f.nearestDistance > threshold - band ? ReviewFace::Band::Uncertain : ReviewFace::Band::Confident;
        }
    }
    out.backend = QStringLiteral("%1 · %2 · %3").arg(result->detector, result->embedderModel, result->device);
    out.totalMs = double(timer.elapsed());
    return out;
}

EnrolmentCheck VisionService::checkEnrolment(const QByteArray &imageData, const QString &name)
{
    EnrolmentCheck check;
    // The enrolment path the CLI uses (EnrolmentAnalyser) reads files: a webcam frame or
    // a file's bytes go through a private temporary file.
    const QString suffix = QFileInfo(name).suffix().isEmpty() ? QStringLiteral("jpg") : QFileInfo(name).suffix();
    QTemporaryFile file(QDir::temp().filePath(QStringLiteral("rollcall-enrol-XXXXXX.") + suffix));
    if (!file.open() || file.write(imageData) != imageData.size() || !file.flush()) {
        check.reason = QCoreApplication::translate("VisionService", "the photo could not be prepared (%1)")
                           .arg(file.errorString());
        return check;
    }
    QMutexLocker lock(&m_mutex);
    RecognitionPipeline &p = pipeline();
    EnrolmentAnalyser analyser(p);
    const Result<std::vector<EnrolmentAnalyser::Photo>> analysed = analyser.analyse({ file.fileName() });
    if (!analysed || analysed->empty()) {
        check.reason = analysed ? QCoreApplication::translate("VisionService", "the photo cannot be used")
                                : analysed.error().message();
        return check;
    }
    const EnrolmentAnalyser::Photo &photo = analysed->front();
    check.sharpness = photo.sharpness;
    check.brightness = photo.brightness;
    if (!photo.usable) {
        // Reasons may name the temporary file: name the user's photo instead.
        QString reason = photo.reasons.join(u' ');
        reason.replace(file.fileName(), name);
        reason.replace(QFileInfo(file.fileName()).fileName(), name);
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
