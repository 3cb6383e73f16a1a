#pragma once

#include <QtGlobal>

namespace rollcall {

// Every size and threshold of the vision pipeline with its default, in one
// place. Embedding thresholds are not here: they belong to each model and come
// from its descriptor (EmbedderSpec).

struct ImageLimits
{
    qint64 maxPixels = 50'000'000; // larger images are refused (decompression bombs)
    qint64 maxFileBytes = 512LL * 1024 * 1024;
};

struct DetectionSettings
{
    // Faces whose box is smaller than this (longer side, original pixels) are
    // reported with too_small = true and not recognised.
    int minRecognisableSize = 24;
    // Proposals smaller than this are dropped as noise.
    int minFaceSize = 6;

    // YuNet proposals: dlib's CNN confirms those large enough to recognise, so
    // they may be less certain; too-small faces are reported unconfirmed and
    // need the higher score.
    float proposalScoreThreshold = 0.5f;
    float tooSmallScoreThreshold = 0.7f;
    float proposalNmsThreshold = 0.3f;
    // Images are run whole when their longer side is at most this; larger ones are
    // run downscaled to it (large faces) and at full resolution in tiles (small faces).
    int proposalWholeSide = 2048;
    int proposalTileSize = 960;
    int proposalTileOverlap = 160;
    // Tiles run on the photo scaled by this (0: no tiles). 0.75 with
    // proposalAnsweredSize 20 detects 1.7× faster but found 243 instead of 247
    // of 254 faces on the realistic-check set, so both stay off by default
    // (docs/vision.md "Speed").
    double proposalTileScale = 1.0;
    // A tile is skipped when the downscaled pass found faces in it, all at least
    // this big in the downscaled image (px); 0: every tile runs.
    double proposalAnsweredSize = 0.0;

    // dlib CNN confirmation: a square crop of cropFactor × the proposal's size,
    // scaled so the face is about confirmFaceSize pixels.
    int confirmFaceSize = 76;
    double confirmCropFactor = 1.7;
    int confirmBatchSize = 16;
    int confirmPyramidLevels = 2; // of dlib's 5/6 pyramid; 0: all
    double dlibAdjustThreshold = -0.5; // added to dlib's own threshold (0); lower keeps more
    // Proposals dlib does not confirm are kept when YuNet is at least this sure.
    float keepUnconfirmedScore = 0.98f;

    float nmsIou = 0.4f; // final non-maximum suppression
};

struct QualitySettings
{
    int minFaceSize = 80; // registration photos need a face at least this big
    // A second face counts only if it is at least this fraction of the largest
    // one (a tiny face far behind the student does not make the photo ambiguous).
    double secondFaceRatio = 0.5;
    double minSharpness = 12.0; // variance of the Laplacian on the 150 px face chip
    double minBrightness = 40.0; // mean grey level of the face, 0..255
    double maxBrightness = 220.0;
    // Jittered copies embedded per registration photo (dlib's num_jitters). Off: on the
    // classroom set 6 jitters made templates no better and enrolment 7× slower.
    int enrolmentJitters = 0;
};

} // namespace rollcall
