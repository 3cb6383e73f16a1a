#pragma once

#include <QHostAddress>
#include <QList>

namespace rollcall {

// The addresses a phone on the same network can reach: those of interfaces
// that are up, not loopback, in the private (RFC 1918, fc00::/7) or link-local
// ranges. Public addresses are left out on purpose: the upload page must not
// be offered to the Internet.
class LanAddresses
{
public:
    static QList<QHostAddress> find();
    static bool isLan(const QHostAddress &address);
};

} // namespace rollcall
