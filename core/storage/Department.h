#pragma once

#include <QString>

namespace rollcall {

struct Department
{
    QString id {};
    QString name {};
};

} // namespace rollcall
