#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rollcall {

// Splits a multipart/form-data body (RFC 7578) into its parts. The body is
// already bounded by the caller (PhoneUploadServer reads at most its limit);
// the parser adds a bound on the number of parts and on each part's header
// block, and refuses anything malformed instead of guessing.
class MultipartParser
{
public:
    struct Part
    {
        QString name; // the form field
        QString fileName; // empty for plain fields
        QByteArray contentType;
        QByteArray data;
    };

    explicit MultipartParser(int maxParts = 32);

    // contentType: the request's Content-Type header, which carries the boundary.
    Result<QList<Part>> parse(const QByteArray &contentType, const QByteArray &body) const;

    static QByteArray boundaryOf(const QByteArray &contentType);

private:
    int m_maxParts;
};

} // namespace rollcall
