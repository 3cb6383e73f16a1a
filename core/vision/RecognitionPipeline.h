#pragma once

#include "common/Result.h"
#include "models/ModelRegistry.h"
#include "vision/matching/StudentTemplate.h"
#include "vision/RecognitionConfig.h"
#include "vision/RecognitionResult.h"
#include "vision/VisionSettings.h"
#include "vision/embedding/EmbedderSpec.h"

#include <QObject>
#include <QStringList>

#include <opencv2/core/mat.hpp>

#include <atomic>
#include <memory>

namespace rollcall {

class Embedder;
class FaceAligner;
class FaceDetector;

// decode → detect → align → embed → match for the photos of one class session.
// Owns its models (loaded on first use, in the thread that runs it) and no UI.
// run() works on the calling thread (the GUI runs it in a RecognitionJob's worker);
// progress is a signal so a job can forward it across threads. cancel() may be called
// from any thread; the run stops between stages and batches with a Cancelled error.
class RecognitionPipeline : public QObject
{
    Q_OBJECT

public:
    // One photo: an 8-bit BGR image, or encoded bytes, or a file (the first
    // one given is used; path also names the photo in messages).
    struct Input
    {
        QString path;
        QByteArray data;
        cv::Mat image;
    };

    explicit RecognitionPipeline(const QString &modelsDir, QObject *parent = nullptr);
    ~RecognitionPipeline() override;

    // The settings' model, detection sizes and threshold overrides (the same for GUI and CLI).
    void setConfig(const RecognitionConfig &config);
    const RecognitionConfig &config() const { return m_config; }
    void setDetectionSettings(const DetectionSettings &settings) { m_config.detection = settings; }
    // The embedding model to use; empty: EmbedderFactory's default.
    void setEmbedderModel(const QString &modelId) { m_config.embedderModel = modelId; }
    // The resolved embedding model id and its contract, with the config's threshold
    // overrides applied — the caller needs these to fetch the roster's templates for
    // the same model and to judge distances as matching does.
    QString embedderModel() const;
    Result<EmbedderSpec> embedderSpec() const;
    // Templates of the class being marked; empty: faces are embedded, not matched.
    void setRoster(std::vector<StudentTemplate> roster) { m_roster = std::move(roster); }
    void setInputs(std::vector<Input> inputs) { m_inputs = std::move(inputs); }
    void setPhotos(const QStringList &paths);
    // Keep the aligned chips and the larger aligned crops in the result
    // (enrolment stores the crops, see FaceAligner::storedCrop).
    void setKeepChips(bool keep) { m_keepChips = keep; }
    // Embed each face this many extra jittered times (enrolment: steadier templates).
    void setJitters(int jitters) { m_jitters = jitters; }

    // Loads the models now (otherwise the first run does).
    Status prepare();
    // Embeddings of faces from their stored enrolment crops (FaceAligner::storedCrop
    // geometry), for re-embedding enrolments after a model change.
    Result<std::vector<Embedding>> embedStoredCrops(const std::vector<cv::Mat> &crops);
    Result<RecognitionResult> run();
    void cancel() { m_cancel.store(true); }
    bool isCancelled() const { return m_cancel.load(); }

Q_SIGNALS:
    // percent 0..100 and the stage in words ("Detecting faces in photo 1 of 2").
    void progress(int percent, const QString &stage);

private:
    Result<PhotoResult> processPhoto(size_t index, RecognitionResult &result);
    void report(size_t photo, double withinPhoto, const QString &stage);

    ModelRegistry m_registry;
    RecognitionConfig m_config;
    ImageLimits m_limits;
    std::vector<StudentTemplate> m_roster;
    std::vector<Input> m_inputs;
    bool m_keepChips = true;
    int m_jitters = 0;
    std::atomic_bool m_cancel { false };

    std::unique_ptr<FaceDetector> m_detector;
    std::unique_ptr<FaceAligner> m_aligner;
    std::unique_ptr<Embedder> m_embedder;
};

} // namespace rollcall
