#include "vision/matching/HungarianAssignment.h"

#include <cstddef>
#include <limits>

namespace rollcall {

using std::size_t;

std::vector<int> HungarianAssignment::solve(const std::vector<std::vector<double>> &cost)
{
    const int rows = int(cost.size());
    const int cols = rows > 0 ? int(cost.front().size()) : 0;
    if (rows == 0 || cols == 0)
        return std::vector<int>(size_t(rows), -1);
    // The classic potentials formulation needs n ≤ m; transpose otherwise.
    const bool transposed = rows > cols;
    const int n = transposed ? cols : rows;
    const int m = transposed ? rows : cols;
    const auto a = [&](int i, int j) { return transposed ? cost[size_t(j)][size_t(i)] : cost[size_t(i)][size_t(j)]; };

    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(size_t(n) + 1, 0.0), v(size_t(m) + 1, 0.0);
    std::vector<int> p(size_t(m) + 1, 0), way(size_t(m) + 1, 0);
    for (int i = 1; i <= n; ++i) {
        p[0] = i;
        int j0 = 0;
        std::vector<double> minv(size_t(m) + 1, inf);
        std::vector<char> used(size_t(m) + 1, 0);
        do {
            used[size_t(j0)] = 1;
            const int i0 = p[size_t(j0)];
            double delta = inf;
            int j1 = 0;
            for (int j = 1; j <= m; ++j) {
                if (used[size_t(j)])
                    continue;
                const double cur = a(i0 - 1, j - 1) - u[size_t(i0)] - v[size_t(j)];
                if (cur < minv[size_t(j)]) {
                    minv[size_t(j)] = cur;
                    way[size_t(j)] = j0;
                }
                if (minv[size_t(j)] < delta) {
                    delta = minv[size_t(j)];
                    j1 = j;
                }
            }
            for (int j = 0; j <= m; ++j) {
                if (used[size_t(j)]) {
                    u[size_t(p[size_t(j)])] += delta;
                    v[size_t(j)] -= delta;
                } else {
                    minv[size_t(j)] -= delta;
                }
            }
            j0 = j1;
        } while (p[size_t(j0)] != 0);
        do {
            const int j1 = way[size_t(j0)];
            p[size_t(j0)] = p[size_t(j1)];
            j0 = j1;
        } while (j0 != 0);
    }

    std::vector<int> result(size_t(rows), -1);
    for (int j = 1; j <= m; ++j) {
        if (p[size_t(j)] == 0)
            continue;
        const int i = p[size_t(j)] - 1;
        if (transposed)
            result[size_t(j - 1)] = i;
        else
            result[size_t(i)] = j - 1;
    }
    return result;
}

} // namespace rollcall
