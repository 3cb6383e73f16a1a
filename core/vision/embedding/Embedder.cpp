#include "vision/embedding/Embedder.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <random>

#include <cmath>

namespace rollcall {

Result<std::vector<Embedding>> Embedder::embed(const std::vector<cv::Mat> &chips, const std::atomic_bool *cancel)
{
    for (const cv::Mat &chip : chips) {
        if (chip.empty() || chip.type() != CV_8UC3)
            return Error::badInput(QStringLiteral("Face chips must be 8-bit BGR images"));
    }
    std::vector<cv::Mat> input = chips;
    if (m_spec.flipAverage) {
        for (const cv::Mat &chip : chips) {
            cv::Mat mirrored;
            cv::flip(chip, mirrored, 1);
            input.push_back(mirrored);
        }
    }
    auto raw = computeRaw(input, cancel);
    if (!raw)
        return raw.error();
    std::vector<Embedding> result(chips.size());
    for (size_t i = 0; i < chips.size(); ++i) {
        Embedding v = std::move(raw.value()[i]);
        if (m_spec.flipAverage) {
            normalise(v);
            Embedding mirrored = std::move(raw.value()[i + chips.size()]);
            normalise(mirrored);
            for (size_t k = 0; k < v.size() && k < mirrored.size(); ++k)
                v[k] += mirrored[k];
        }
        normalise(v);
        result[i] = std::move(v);
    }
    return result;
}

Result<std::vector<Embedding>> Embedder::embedJittered(const std::vector<cv::Mat> &chips, int jitters,
                                                       const std::atomic_bool *cancel)
{
    if (jitters <= 0)
        return embed(chips, cancel);
    // Fixed seed: the same photos always give the same template.
    std::mt19937 random(12345);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::vector<cv::Mat> input;
    input.reserve(chips.size() * size_t(jitters + 1));
    for (const cv::Mat &chip : chips) {
        input.push_back(chip);
        for (int j = 0; j < jitters; ++j) {
            const cv::Point2f centre(chip.cols / 2.0f, chip.rows / 2.0f);
            cv::Mat m = cv::getRotationMatrix2D(centre, 3.0 * unit(random), 1.0 + 0.03 * unit(random));
            m.at<double>(0, 2) += 0.02 * chip.cols * unit(random);
            m.at<double>(1, 2) += 0.02 * chip.rows * unit(random);
            cv::Mat jittered;
            cv::warpAffine(chip, jittered, m, chip.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
            if (j % 2 == 0)
                cv::flip(jittered, jittered, 1);
            input.push_back(jittered);
        }
    }
    auto all = embed(input, cancel);
    if (!all)
        return all.error();
    std::vector<Embedding> result;
    for (size_t i = 0; i < chips.size(); ++i) {
        Embedding mean(all->at(i * size_t(jitters + 1)).size(), 0.0f);
        for (int j = 0; j <= jitters; ++j) {
            const Embedding &v = all->at(i * size_t(jitters + 1) + size_t(j));
            for (size_t k = 0; k < mean.size(); ++k)
                mean[k] += v[k];
        }
        normalise(mean);
        result.push_back(std::move(mean));
    }
    return result;
}

void Embedder::normalise(Embedding &v)
{
    double norm = 0.0;
    for (const float x : v)
        norm += double(x) * x;
    norm = std::sqrt(norm);
    if (norm <= 0.0)
        return;
    for (float &x : v)
        x = float(x / norm);
}

float Embedder::cosineDistance(const Embedding &a, const Embedding &b)
{
    if (a.size() != b.size() || a.empty())
        return 2.0f;
    double dot = 0.0;
    for (size_t i = 0; i < a.size(); ++i)
        dot += double(a[i]) * b[i];
    return float(1.0 - dot);
}

} // namespace rollcall
