#pragma once

class QTableView;

namespace rollcall {

// The look shared by RollCall's tables: compact single-line rows, columns sized
// to their contents, one stretching column (the name).
class TableSetup
{
public:
    static void apply(QTableView *table, int stretchColumn);
};

} // namespace rollcall
