#include "vision/matching/RosterMatcher.h"

#include <QtTest>

#include <cmath>

using namespace rollcall;

namespace {

// A unit vector along axis i, tilted towards axis j by `angle` radians.
Embedding unit(size_t i, size_t j = 0, double angle = 0.0, size_t dims = 8)
{
    Embedding v(dims, 0.0f);
    v[i] = float(std::cos(angle));
    v[j] += float(std::sin(angle));
    Embedder::normalise(v);
    return v;
}

double angleFor(double distance)
{
    return std::acos(1.0 - distance);
}

std::vector<StudentTemplate> roster(size_t n)
{
    std::vector<StudentTemplate> r;
    for (size_t i = 0; i < n; ++i)
        r.push_back({ .studentUuid = QStringLiteral("uuid-%1").arg(i),
                      .studentId = QStringLiteral("S%1").arg(i),
                      .name = QStringLiteral("Student %1").arg(i),
                      .embedding = unit(i),
                      .sampleCount = 3 });
    return r;
}

} // namespace

class TestRosterMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void meanTemplateKeepsItsLength();
    void bandsFollowThresholds();
    void noStudentGetsTwoFaces();
    void strangerIsUnknownWithNearestStudent();
    void assignmentPrefersMoreGoodMatches();
    void ambiguousMatchIsUncertainOrUnknown();
    void thresholdsComeFromSpec();
    void closeRunnerUpGoesToReview();
    void smallFacesNeedACloserMatch();
};

void TestRosterMatcher::meanTemplateKeepsItsLength()
{
    // The mean of unit vectors, not re-normalised: 1 − e·mean is the mean
    // distance to the samples, so disagreeing samples make a weaker template.
    const Embedding mean = RosterMatcher::meanTemplate({ unit(0), unit(1) });
    QCOMPARE(mean.size(), size_t(8));
    QVERIFY(std::abs(mean[0] - 0.5f) < 1e-6);
    QVERIFY(std::abs(mean[1] - 0.5f) < 1e-6);
    const Embedding e = unit(0);
    QVERIFY(std::abs(Embedder::cosineDistance(e, mean) - 0.5f) < 1e-6); // mean of 0 and 1
    // Samples need not be normalised on input; one sample is its own template.
    const Embedding single = RosterMatcher::meanTemplate({ { 3.0f, 4.0f } });
    QVERIFY(std::abs(single[0] - 0.6f) < 1e-6 && std::abs(single[1] - 0.8f) < 1e-6);
    QVERIFY(RosterMatcher::meanTemplate({}).empty());
}

void TestRosterMatcher::bandsFollowThresholds()
{
    RosterMatcher matcher({ 0.3, 0.05, 0.0 });
    matcher.setRoster(roster(3));
    const auto m = matcher.match({ unit(0, 4, angleFor(0.1)), unit(1, 4, angleFor(0.27)), unit(2, 4, angleFor(0.35)) });
    QCOMPARE(m.size(), size_t(3));
    QCOMPARE(m[0].band, MatchBand::Confident);
    QCOMPARE(m[0].studentId, QStringLiteral("S0"));
    QVERIFY(std::abs(m[0].distance - 0.1f) < 1e-4);
    QCOMPARE(m[1].band, MatchBand::Uncertain);
    QCOMPARE(m[1].studentId, QStringLiteral("S1"));
    QCOMPARE(m[2].band, MatchBand::Unknown);
    QCOMPARE(m[2].student, -1);
    QCOMPARE(m[2].nearestStudentId, QStringLiteral("S2"));
}

void TestRosterMatcher::noStudentGetsTwoFaces()
{
    RosterMatcher matcher({ 0.3, 0.05, 0.0 });
    matcher.setRoster(roster(3));
    // Two faces both close to S0; the closer one gets S0, the other is unknown.
    const auto m = matcher.match({ unit(0, 5, angleFor(0.12)), unit(0, 6, angleFor(0.05)) });
    QCOMPARE(m[1].studentId, QStringLiteral("S0"));
    QCOMPARE(m[0].band, MatchBand::Unknown);
    QCOMPARE(m[0].nearestStudentId, QStringLiteral("S0"));
}

void TestRosterMatcher::strangerIsUnknownWithNearestStudent()
{
    RosterMatcher matcher({ 0.3, 0.05, 0.0 });
    matcher.setRoster(roster(3));
    const auto m = matcher.match({ unit(7, 1, 0.3) });
    QCOMPARE(m[0].band, MatchBand::Unknown);
    QCOMPARE(m[0].nearestStudentId, QStringLiteral("S1"));
    QVERIFY(m[0].nearestDistance > 0.3f);
}

void TestRosterMatcher::assignmentPrefersMoreGoodMatches()
{
    // Face A: S0 at 0.052, S1 at 0.092. Face B: S0 at 0.069, S1 at 0.377.
    // Greedy nearest-first would give A→S0 and leave B (a student) unknown;
    // the optimal assignment gives A→S1 and B→S0.
    RosterMatcher matcher({ 0.3, 0.05, 0.0 });
    matcher.setRoster({ { .studentId = QStringLiteral("S0"), .embedding = { 1.0f, 0.0f, 0.0f } },
                        { .studentId = QStringLiteral("S1"), .embedding = { 0.8f, 0.6f, 0.0f } } });
    Embedding a { 0.95f, 0.25f, 0.2f };
    Embedding b { 0.92f, -0.2f, 0.3f };
    Embedder::normalise(a);
    Embedder::normalise(b);
    const auto m = matcher.match({ a, b });
    QCOMPARE(m[0].studentId, QStringLiteral("S1"));
    QCOMPARE(m[1].studentId, QStringLiteral("S0"));
    QCOMPARE(m[0].nearestStudentId, QStringLiteral("S0"));
}

void TestRosterMatcher::ambiguousMatchIsUncertainOrUnknown()
{
    // Faces about as close to S0 as to S1 (margin below 0.05).
    RosterMatcher matcher({ 0.3, 0.05, 0.05 });
    matcher.setRoster(roster(2));
    const auto between = [](float a, float b, float rest) {
        Embedding v(8, 0.0f);
        v[0] = a;
        v[1] = b;
        v[2] = rest;
        Embedder::normalise(v);
        return v;
    };
    // Close to two similar-looking students (d ≈ 0.022 and 0.029): well within
    // the confident distance, so a match, but flagged uncertain for review.
    RosterMatcher twins({ 0.3, 0.05, 0.05 });
    twins.setRoster({ { .studentId = QStringLiteral("T0"), .embedding = { 1.0f, 0.0f, 0.0f } },
                      { .studentId = QStringLiteral("T1"), .embedding = { 0.9f, 0.43589f, 0.0f } } });
    Embedding face { 0.97f, 0.24f, 0.0f };
    Embedder::normalise(face);
    const auto close = twins.match({ face });
    QCOMPARE(close[0].studentId, QStringLiteral("T1"));
    QCOMPARE(close[0].band, MatchBand::Uncertain);
    QVERIFY(close[0].distance < 0.03f);
    // Near the threshold (d ≈ 0.28 and 0.32): a stranger resembling two
    // students is not marked at all.
    const auto far = matcher.match({ between(1.0f, 0.95f, 0.2f) });
    QCOMPARE(far[0].band, MatchBand::Unknown);
    QCOMPARE(far[0].nearestStudentId, QStringLiteral("S0"));
    // Near the threshold but unambiguous: uncertain.
    const auto clear = matcher.match({ unit(0, 4, std::acos(1.0 - 0.28)) });
    QCOMPARE(clear[0].band, MatchBand::Uncertain);
    QCOMPARE(clear[0].studentId, QStringLiteral("S0"));
}

void TestRosterMatcher::thresholdsComeFromSpec()
{
    EmbedderSpec spec;
    spec.matchThreshold = 0.42;
    spec.uncertainBand = 0.07;
    spec.ambiguityMargin = 0.01;
    const auto t = RosterMatcher::thresholdsFrom(spec);
    QCOMPARE(t.match, 0.42);
    QCOMPARE(t.uncertainBand, 0.07);
    QCOMPARE(t.ambiguityMargin, 0.01);
    QCOMPARE(t.confidentMargin, spec.confidentMargin);
    spec.confidentMargin = 0.02;
    spec.smallFacePx = 64;
    spec.smallFaceConfident = 0.3;
    const auto u = RosterMatcher::thresholdsFrom(spec);
    QCOMPARE(u.confidentMargin, 0.02);
    QCOMPARE(u.smallFacePx, 64);
    QCOMPARE(u.smallFaceConfident, 0.3);
}

void TestRosterMatcher::closeRunnerUpGoesToReview()
{
    // d ≈ 0.298 to S0 and 0.319 to S1: well inside the confident range of 0.45,
    // but the runner-up is only 0.021 farther.
    Embedding face { 1.0f, 0.97f, 0.3f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f };
    Embedder::normalise(face);
    RosterMatcher strict({ .match = 0.5, .uncertainBand = 0.05, .ambiguityMargin = 0.0, .confidentMargin = 0.03 });
    strict.setRoster(roster(2));
    const auto review = strict.match({ face });
    QCOMPARE(review[0].studentId, QStringLiteral("S0"));
    QCOMPARE(review[0].band, MatchBand::Uncertain);
    RosterMatcher loose({ .match = 0.5, .uncertainBand = 0.05, .ambiguityMargin = 0.0, .confidentMargin = 0.01 });
    loose.setRoster(roster(2));
    QCOMPARE(loose.match({ face })[0].band, MatchBand::Confident);
}

void TestRosterMatcher::smallFacesNeedACloserMatch()
{
    RosterMatcher matcher(
        { .match = 0.3, .uncertainBand = 0.05, .smallFacePx = 80, .smallFaceConfident = 0.1 });
    matcher.setRoster(roster(3));
    const Embedding mid = unit(0, 4, angleFor(0.2)); // confident for a large face
    const Embedding near = unit(1, 4, angleFor(0.05));
    QCOMPARE(matcher.match({ mid }, { 120.0f })[0].band, MatchBand::Confident);
    QCOMPARE(matcher.match({ mid })[0].band, MatchBand::Confident); // no sizes: no small-face rule
    const auto small = matcher.match({ mid, near }, { 60.0f, 60.0f });
    QCOMPARE(small[0].band, MatchBand::Uncertain);
    QCOMPARE(small[0].studentId, QStringLiteral("S0"));
    QCOMPARE(small[1].band, MatchBand::Confident);
    QCOMPARE(small[1].studentId, QStringLiteral("S1"));
}

QTEST_GUILESS_MAIN(TestRosterMatcher)
#include "tst_rostermatcher.moc"
