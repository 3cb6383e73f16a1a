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
        r.push_back({ QStringLiteral("S%1").arg(i), QStringLiteral("Student %1").arg(i), unit(i), 3 });
    return r;
}

} // namespace

class TestRosterMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void meanTemplateIsNormalised();
    void bandsFollowThresholds();
    void noStudentGetsTwoFaces();
    void strangerIsUnknownWithNearestStudent();
    void assignmentPrefersMoreGoodMatches();
    void ambiguousMatchIsUncertain();
    void thresholdsComeFromSpec();
};

void TestRosterMatcher::meanTemplateIsNormalised()
{
    const Embedding mean = RosterMatcher::meanTemplate({ unit(0), unit(1) });
    QCOMPARE(mean.size(), size_t(8));
    QVERIFY(std::abs(mean[0] - float(M_SQRT1_2)) < 1e-6);
    QVERIFY(std::abs(mean[1] - float(M_SQRT1_2)) < 1e-6);
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
    matcher.setRoster({ { QStringLiteral("S0"), {}, { 1.0f, 0.0f, 0.0f }, 1 },
                        { QStringLiteral("S1"), {}, { 0.8f, 0.6f, 0.0f }, 1 } });
    Embedding a { 0.95f, 0.25f, 0.2f };
    Embedding b { 0.92f, -0.2f, 0.3f };
    Embedder::normalise(a);
    Embedder::normalise(b);
    const auto m = matcher.match({ a, b });
    QCOMPARE(m[0].studentId, QStringLiteral("S1"));
    QCOMPARE(m[1].studentId, QStringLiteral("S0"));
    QCOMPARE(m[0].nearestStudentId, QStringLiteral("S0"));
}

void TestRosterMatcher::ambiguousMatchIsUncertain()
{
    RosterMatcher matcher({ 0.3, 0.05, 0.05 });
    matcher.setRoster(roster(2));
    // Halfway between S0 and S1, slightly nearer S0: a match, but not a confident one.
    Embedding v(8, 0.0f);
    v[0] = 1.0f;
    v[1] = 0.95f;
    v[2] = 0.2f;
    Embedder::normalise(v);
    const auto m = matcher.match({ v });
    QCOMPARE(m[0].studentId, QStringLiteral("S0"));
    QCOMPARE(m[0].band, MatchBand::Uncertain);
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
}

QTEST_GUILESS_MAIN(TestRosterMatcher)
#include "tst_rostermatcher.moc"
