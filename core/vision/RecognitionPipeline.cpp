#include "vision/RecognitionPipeline.h"

#include "common/LogCategories.h"
#include "vision/ImageLoader.h"
#include "vision/alignment/FaceAligner.h"
#include "vision/detection/FaceDetector.h"
#include "vision/embedding/EmbedderFactory.h"
#include "vision/matching/RosterMatcher.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace rollcall {
namespace {

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

RecognitionPipeline::RecognitionPipeline(const QString &modelsDir, QObject *parent)
    : QObject(parent)
    , m_registry(modelsDir)
{
    qRegisterMetaType<rollcall::RecognitionResult>();
    qRegisterMetaType<rollcall::Error>();
}

RecognitionPipeline::~RecognitionPipeline() = default;

void RecognitionPipeline::setPhotos(const QStringList &paths)
{
    m_inputs.clear();
    for (const QString &p : paths)
        m_inputs.push_back({ .path = p, .data = {}, .image = {} });
}

void RecognitionPipeline::setConfig(const RecognitionConfig &config)
{
    m_config = config;
}

QString RecognitionPipeline::embedderModel() const
{
    return m_config.embedderModel.isEmpty() ? EmbedderFactory::defaultModelId(m_registry) : m_config.embedderModel;
}

Result<EmbedderSpec> RecognitionPipeline::embedderSpec() const
{
    Result<EmbedderSpec> spec = EmbedderFactory::spec(m_registry, embedderModel());
    if (!spec)
        return spec.error();
    return m_config.applied(*spec);
}

Status RecognitionPipeline::prepare()
{
    if (!m_detector) {
        auto detector = FaceDetector::create(m_registry, m_config.detection);
        if (!detector)
            return detector.error();
        m_detector = std::move(detector.value());
    }
    m_detector->setSettings(m_config.detection);
    if (!m_aligner) {
        auto aligner = FaceAligner::create(m_registry);
        if (!aligner)
            return aligner.error();
        m_aligner = std::move(aligner.value());
    }
    const QString model = embedderModel();
    if (!m_embedder || m_embedder->spec().id != model) {
        auto embedder = EmbedderFactory::create(m_registry, model);
        if (!embedder)
            return embedder.error();
        m_embedder = std::move(embedder.value());
    }
    return {};
}

Result<std::vector<Embedding>> RecognitionPipeline::embedStoredCrops(const std::vector<cv::Mat> &crops)
{
    if (Status s = prepare(); !s.ok())
        return s.error();
    const EmbedderSpec &spec = m_embedder->spec();
    std::vector<cv::Mat> chips;
    chips.reserve(crops.size());
    for (const cv::Mat &crop : crops) {
        if (crop.empty() || crop.type() != CV_8UC3)
            return Error::badInput(QStringLiteral("A stored face crop is not an 8-bit colour image"));
        chips.push_back(FaceAligner::chipFromStoredCrop(crop, spec.inputSize, spec.chipPadding));
    }
    return m_embedder->embed(chips, &m_cancel);
}

void RecognitionPipeline::report(size_t photo, double withinPhoto, const QString &stage)
{
    const double total = double(std::max<size_t>(1, m_inputs.size()));
    const int percent = int(100.0 * (double(photo) + withinPhoto) / total);
    Q_EMIT progress(std::clamp(percent, 0, 100), stage);
}

Result<PhotoResult> RecognitionPipeline::processPhoto(size_t index, RecognitionResult &result)
{
    const Input &input = m_inputs[index];
    const QString ofN = QStringLiteral("photo %1 of %2").arg(index + 1).arg(m_inputs.size());
    PhotoResult photo;
    photo.source = input.path;
    QElapsedTimer timer;

    report(index, 0.0, QStringLiteral("Reading ") + ofN);
    timer.start();
    cv::Mat image = input.image;
    if (image.empty()) {
        const QString name = input.path.isEmpty() ? QStringLiteral("photo %1").arg(index + 1) : input.path;
        auto decoded = input.data.isEmpty() ? ImageLoader(m_limits).load(input.path)
                                            : ImageLoader(m_limits).decode(input.data, name);
        if (!decoded)
            return decoded.error();
        image = decoded.value();
    } else if (image.type() != CV_8UC3) {
        return Error::badInput(QStringLiteral("%1: images must be 8-bit BGR").arg(input.path));
    }
    photo.size = image.size();
    result.timings.decodeMs += elapsedMs(timer);
    if (m_cancel.load())
        return Error::cancelled();

    report(index, 0.1, QStringLiteral("Finding faces in ") + ofN);
    timer.restart();
    auto detected = m_detector->detect(image, &m_cancel);
    if (!detected)
        return detected.error();
    result.timings.detectMs += elapsedMs(timer);
    for (const DetectedFace &f : detected->faces) {
        RecognisedFace face;
        face.detection = f;
        photo.faces.push_back(face);
    }

    report(index, 0.6, QStringLiteral("Aligning faces in ") + ofN);
    timer.restart();
    std::vector<size_t> recognisable;
    std::vector<cv::Rect2f> boxes;
    for (size_t i = 0; i < photo.faces.size(); ++i) {
        if (!photo.faces[i].detection.tooSmall) {
            recognisable.push_back(i);
            boxes.push_back(photo.faces[i].detection.box);
        }
    }
    const EmbedderSpec &spec = m_embedder->spec();
    const auto landmarks = m_aligner->landmarks(image, boxes);
    auto chips = m_aligner->chips(image, landmarks, spec.inputSize, spec.chipPadding);
    if (!chips)
        return chips.error();
    result.timings.alignMs += elapsedMs(timer);
    if (m_cancel.load())
        return Error::cancelled();

    report(index, 0.7, QStringLiteral("Recognising faces in ") + ofN);
    timer.restart();
    auto embeddings = m_embedder->embedJittered(chips.value(), m_jitters, &m_cancel);
    if (!embeddings)
        return embeddings.error();
    result.timings.embedMs += elapsedMs(timer);
    std::vector<cv::Mat> crops;
    if (m_keepChips) {
        auto stored = m_aligner->chips(image, landmarks, FaceAligner::StoredCropSize, FaceAligner::StoredCropPadding);
        if (!stored)
            return stored.error();
        crops = std::move(stored.value());
    }
    for (size_t j = 0; j < recognisable.size(); ++j) {
        RecognisedFace &face = photo.faces[recognisable[j]];
        face.embedded = true;
        face.embedding = std::move(embeddings.value()[j]);
        if (m_keepChips) {
            face.chip = chips.value()[j];
            face.crop = crops[j];
        }
    }
    return photo;
}

Result<RecognitionResult> RecognitionPipeline::run()
{
    m_cancel.store(false);
    QElapsedTimer total;
    total.start();
    if (m_inputs.empty())
        return Error::usage(QStringLiteral("No photo to process"));
    report(0, 0.0, QStringLiteral("Loading models"));
    if (Status s = prepare(); !s.ok())
        return s.error();

    RecognitionResult result;
    result.detector = FaceDetector::name();
    result.embedderModel = m_embedder->spec().id;
    for (size_t i = 0; i < m_inputs.size(); ++i) {
        if (m_cancel.load())
            return Error::cancelled();
        auto photo = processPhoto(i, result);
        if (!photo)
            return photo.error();
        result.photos.push_back(std::move(photo.value()));
    }
    // Asked after the work: a network may have left the GPU on the way.
    // Both on one device normally; "cuda/cpu" says which half is on the CPU.
    result.device = m_detector->deviceName() == m_embedder->deviceName()
        ? m_embedder->deviceName()
        : m_detector->deviceName() + QLatin1Char('/') + m_embedder->deviceName();

    QElapsedTimer timer;
    timer.start();
    if (!m_roster.empty()) {
        RosterMatcher matcher(RosterMatcher::thresholdsFrom(m_config.applied(m_embedder->spec())));
        matcher.setRoster(m_roster);
        std::vector<StudentPresence> best(m_roster.size());
        for (size_t p = 0; p < result.photos.size(); ++p) {
            PhotoResult &photo = result.photos[p];
            std::vector<Embedding> embeddings;
            std::vector<float> sizes;
            std::vector<size_t> index;
            for (size_t f = 0; f < photo.faces.size(); ++f) {
                if (photo.faces[f].embedded) {
                    embeddings.push_back(photo.faces[f].embedding);
                    sizes.push_back(photo.faces[f].detection.box.width);
                    index.push_back(f);
                }
            }
            const std::vector<FaceMatch> matches = matcher.match(embeddings, sizes);
            for (size_t j = 0; j < matches.size(); ++j) {
                photo.faces[index[j]].match = matches[j];
                const FaceMatch &m = matches[j];
                if (!m.isMatch())
                    continue;
                StudentPresence &b = best[size_t(m.student)];
                if (b.student < 0 || m.distance < b.distance)
                    b = { m.student, int(p), int(index[j]), m.distance, m.band };
            }
        }
        for (const StudentPresence &b : best) {
            if (b.student >= 0)
                result.present.push_back(b);
        }
    }
    result.timings.matchMs = elapsedMs(timer);
    result.timings.totalMs = elapsedMs(total);
    Q_EMIT progress(100, QStringLiteral("Done"));
    return result;
}

} // namespace rollcall
