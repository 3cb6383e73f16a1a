#include "handoff/LanAddresses.h"

#include <QNetworkInterface>

namespace rollcall {

bool LanAddresses::isLan(const QHostAddress &address)
{
    if (address.isLoopback() || address.isNull())
        return false;
    bool v4 = false;
    const quint32 ip = address.toIPv4Address(&v4);
    if (v4) {
        return (ip >> 24) == 10 // 10.0.0.0/8
            || (ip >> 20) == ((172u << 4) | 1) // 172.16.0.0/12
            || (ip >> 16) == ((192u << 8) | 168) // 192.168.0.0/16
            || (ip >> 16) == ((169u << 8) | 254); // link-local
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return (v6[0] & 0xfe) == 0xfc; // unique local; link-local v6 needs a scope id phones cannot type
}

QList<QHostAddress> LanAddresses::find()
{
    QList<QHostAddress> result;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const QList<QNetworkAddressEntry> entries = interface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            if (isLan(entry.ip()))
                result.append(entry.ip());
        }
    }
    // IPv4 first: it is what a phone on a school Wi-Fi most surely reaches.
    std::stable_sort(result.begin(), result.end(), [](const QHostAddress &a, const QHostAddress &b) {
        return a.protocol() == QAbstractSocket::IPv4Protocol && b.protocol() != QAbstractSocket::IPv4Protocol;
    });
    return result;
}

} // namespace rollcall
