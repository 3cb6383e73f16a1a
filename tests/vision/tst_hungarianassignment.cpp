#include "vision/matching/HungarianAssignment.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace rollcall;

namespace {

double total(const std::vector<std::vector<double>> &cost, const std::vector<int> &assignment)
{
    double sum = 0.0;
    for (size_t r = 0; r < assignment.size(); ++r) {
        if (assignment[r] >= 0)
            sum += cost[r][size_t(assignment[r])];
    }
    return sum;
}

// Exhaustive minimum over every way of giving min(rows, cols) rows distinct columns.
double bruteForce(const std::vector<std::vector<double>> &cost)
{
    const size_t rows = cost.size();
    const size_t cols = cost.front().size();
    std::vector<int> columns(std::max(rows, cols));
    std::iota(columns.begin(), columns.end(), 0);
    double best = 1e18;
    do {
        double sum = 0.0;
        for (size_t r = 0; r < rows; ++r) {
            if (columns[r] < int(cols))
                sum += cost[r][size_t(columns[r])];
        }
        if (rows > cols) {
            // every column must be used: check that the used ones are distinct and complete
            std::vector<int> used;
            for (size_t r = 0; r < rows; ++r) {
                if (columns[r] < int(cols))
                    used.push_back(columns[r]);
            }
            if (used.size() != cols)
                continue;
        }
        best = std::min(best, sum);
    } while (std::next_permutation(columns.begin(), columns.end()));
    return best;
}

} // namespace

class TestHungarianAssignment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownCase();
    void matchesBruteForce_data();
    void matchesBruteForce();
    void emptyInputs();
};

void TestHungarianAssignment::knownCase()
{
    // Greedy would give row 0 column 0 (1) and row 1 column 1 (10): 11. Optimal: 2 + 3 = 5.
    const std::vector<std::vector<double>> cost { { 1, 2 }, { 3, 10 } };
    const auto a = HungarianAssignment::solve(cost);
    QCOMPARE(a, (std::vector<int> { 1, 0 }));
}

void TestHungarianAssignment::matchesBruteForce_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::newRow("square 5") << 5 << 5;
    QTest::newRow("more students than faces") << 3 << 6;
    QTest::newRow("more faces than students") << 6 << 3;
    QTest::newRow("one face") << 1 << 5;
}

void TestHungarianAssignment::matchesBruteForce()
{
    QFETCH(int, rows);
    QFETCH(int, cols);
    QRandomGenerator random(42);
    for (int trial = 0; trial < 30; ++trial) {
        std::vector<std::vector<double>> cost(static_cast<size_t>(rows),
                                              std::vector<double>(static_cast<size_t>(cols)));
        for (auto &row : cost) {
            for (double &c : row)
                c = random.bounded(1000) / 100.0;
        }
        const auto a = HungarianAssignment::solve(cost);
        QCOMPARE(a.size(), size_t(rows));
        std::vector<int> used;
        for (int c : a) {
            if (c >= 0)
                used.push_back(c);
        }
        QCOMPARE(int(used.size()), std::min(rows, cols));
        std::sort(used.begin(), used.end());
        QVERIFY(std::adjacent_find(used.begin(), used.end()) == used.end()); // one-to-one
        QVERIFY(std::abs(total(cost, a) - bruteForce(cost)) < 1e-9);
    }
}

void TestHungarianAssignment::emptyInputs()
{
    QVERIFY(HungarianAssignment::solve({}).empty());
    const std::vector<std::vector<double>> noColumns(3);
    QCOMPARE(HungarianAssignment::solve(noColumns), (std::vector<int> { -1, -1, -1 }));
}

QTEST_GUILESS_MAIN(TestHungarianAssignment)
#include "tst_hungarianassignment.moc"
