#pragma once

#include <vector>

namespace rollcall {

// Minimum-cost one-to-one assignment (Hungarian algorithm, O(n²m)) for a
// rectangular rows×cols cost matrix: every row gets a distinct column when
// rows ≤ cols, every column a distinct row otherwise.
class HungarianAssignment
{
public:
    // cost[r][c]; returns for each row its column, or -1 if it got none.
    static std::vector<int> solve(const std::vector<std::vector<double>> &cost);
};

} // namespace rollcall
