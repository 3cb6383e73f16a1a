#include "vision/quality/EnrolmentAnalyser.h"

#include "vision/matching/RosterMatcher.h"

namespace rollcall {

EnrolmentAnalyser::EnrolmentAnalyser(RecognitionPipeline &pipeline)
    : EnrolmentAnalyser(pipeline, pipeline.config().quality)
{ }

EnrolmentAnalyser::EnrolmentAnalyser(RecognitionPipeline &pipeline, QualitySettings settings)
    : m_pipeline(pipeline)
    , m_checker(settings)
    , m_jitters(settings.enrolmentJitters)
{ }

Result<std::vector<EnrolmentAnalyser::Photo>> EnrolmentAnalyser::analyse(const QStringList &paths)
{
    std::vector<RecognitionPipeline::Input> inputs;
    for (const QString &path : paths)
        inputs.push_back({ .path = path, .data = {}, .image = {} });
    return analyse(inputs);
}

Result<std::vector<EnrolmentAnalyser::Photo>> EnrolmentAnalyser::analyse(
    const std::vector<RecognitionPipeline::Input> &inputs)
{
    std::vector<Photo> photos;
    m_pipeline.setRoster({});
    m_pipeline.setKeepChips(true);
    m_pipeline.setJitters(m_jitters);
    for (const RecognitionPipeline::Input &input : inputs) {
        Photo photo;
        photo.path = input.path;
        m_pipeline.setInputs({ input });
        auto result = m_pipeline.run();
        if (!result) {
            if (result.error().code() != Error::Code::BadInput) {
                m_pipeline.setJitters(0);
                return result.error();
            }
            photo.reasons << result.error().message();
            photos.push_back(photo);
            continue;
        }
        const PhotoResult &analysed = result->photos.front();
        const auto verdict = m_checker.check(analysed);
        photo.usable = verdict.usable;
        photo.reasons = verdict.reasons;
        photo.sharpness = verdict.sharpness;
        photo.brightness = verdict.brightness;
        if (verdict.face >= 0) {
            const RecognisedFace &face = analysed.faces[size_t(verdict.face)];
            photo.box = face.detection.box;
            photo.chip = face.chip;
            photo.crop = face.crop;
            photo.confidence = double(face.detection.confidence);
            photo.faceSize = double(face.detection.size());
            photo.embedding = face.embedding;
        }
        photos.push_back(photo);
    }
    m_pipeline.setJitters(0);
    return photos;
}

Embedding EnrolmentAnalyser::templateOf(const std::vector<Photo> &photos)
{
    std::vector<Embedding> samples;
    for (const Photo &p : photos) {
        if (p.usable)
            samples.push_back(p.embedding);
    }
    return RosterMatcher::meanTemplate(samples);
}

} // namespace rollcall
