#pragma once

#include <QStringList>

namespace rollcall::bench {

// bbt: a real-photo check. Enrols the 8 people of faces/bbt-identities (5 photos
// each) and marks the 5 group photos of group/bbt, printing every label given.
int bbtBench(const QStringList &args);

} // namespace rollcall::bench
