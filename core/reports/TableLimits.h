#pragma once

namespace rollcall {

// What RollCall reads from a spreadsheet (a class roster) at most. A roster needs a dozen
// columns and a department a few thousand rows; these caps keep a hostile file (one cell
// in column XFD on every row, a million empty fields) from using more than a few tens of
// megabytes. Padding cells (the empty ones left of a value) count towards kMaxCells.
class TableLimits
{
public:
    static constexpr int kMaxColumns = 256; // column IV
    static constexpr int kMaxRows = 100000;
    static constexpr int kMaxCells = 1000000;
};

} // namespace rollcall
