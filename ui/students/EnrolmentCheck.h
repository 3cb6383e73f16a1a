#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

#include <optional>
#include <vector>

namespace rollcall {

class Database;

// One registration photo checked by the engine's quality rules: accepted with
// its aligned face crop and embedding, or refused with the reason.
struct EnrolmentCheck
{
    bool accepted = false;
    QString reason; // why it was refused, for the user
    QImage crop; // the aligned face, for the photo strip
    QByteArray encodedCrop; // stored in the photo store
    QString modelId; // the embedder that made `embedding`
    std::vector<float> embedding;
    std::optional<double> detectorScore;
    std::optional<double> sharpness;
    std::optional<double> brightness;
    std::optional<double> faceSize;

    // Checks an encoded image (a file's bytes or a webcam JPEG). Slow (detection and
    // embedding): call it off the GUI thread.
    static EnrolmentCheck run(const QByteArray &imageData, const QString &name);

    // A possible duplicate registration: an enrolled student whose face matches.
    struct Duplicate
    {
        QString studentUuid;
        QString studentId;
        QString name;
        double distance = 0.0;
    };
    // Compares the mean of the accepted embeddings with every enrolled student.
    static std::optional<Duplicate> findDuplicate(Database &db, const QString &modelId,
                                                  const std::vector<std::vector<float>> &embeddings);
};

} // namespace rollcall
