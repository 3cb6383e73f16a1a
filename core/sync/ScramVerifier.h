#pragma once

#include <QByteArray>
#include <QString>

namespace rollcall {

// PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802/7677):
// "SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>". CREATE ROLE … PASSWORD
// takes it as is, so a PC's new password never reaches the server (or its logs) in clear.
class ScramVerifier
{
public:
    // password must be ASCII without control characters (no SASLprep needed).
    static QString make(const QString &password, const QByteArray &salt, int iterations = 4096);
    // A random password of 32 URL-safe characters (192 bits).
    static QString randomPassword();
};

} // namespace rollcall
