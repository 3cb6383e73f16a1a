#include "handoff/MultipartParser.h"

namespace rollcall {

namespace {

constexpr qsizetype kMaxPartHeaderBytes = 4096;

// The value of a Content-Disposition parameter (name="…" or filename="…").
QString dispositionParameter(const QByteArray &disposition, const QByteArray &parameter)
{
    const QList<QByteArray> items = disposition.split(';');
    for (const QByteArray &raw : items) {
        const QByteArray item = raw.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0 || item.left(eq).trimmed().toLower() != parameter)
            continue;
        QByteArray value = item.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return QString::fromUtf8(value);
    }
    return {};
}

} // namespace

MultipartParser::MultipartParser(int maxParts)
    : m_maxParts(maxParts)
{ }

QByteArray MultipartParser::boundaryOf(const QByteArray &contentType)
{
    const QList<QByteArray> items = contentType.split(';');
    if (items.isEmpty() || items.first().trimmed().toLower() != "multipart/form-data")
        return {};
    for (qsizetype i = 1; i < items.size(); ++i) {
        const QByteArray item = items.at(i).trimmed();
        if (!item.toLower().startsWith("boundary="))
            continue;
        QByteArray boundary = item.mid(9);
        if (boundary.size() >= 2 && boundary.startsWith('"') && boundary.endsWith('"'))
            boundary = boundary.mid(1, boundary.size() - 2);
        // RFC 2046: 1 to 70 characters.
        if (boundary.isEmpty() || boundary.size() > 70)
            return {};
        return boundary;
    }
    return {};
}

Result<QList<MultipartParser::Part>> MultipartParser::parse(const QByteArray &contentType, const QByteArray &body) const
{
    const QByteArray boundary = boundaryOf(contentType);
    if (boundary.isEmpty())
        return Error::badInput(QStringLiteral("not a multipart/form-data request with a valid boundary"));
    const QByteArray delimiter = "--" + boundary;
    const QByteArray separator = "\r\n" + delimiter;

    qsizetype pos = body.indexOf(delimiter);
    if (pos != 0 && (pos < 0 || body.lastIndexOf("\r\n", pos) != pos - 2))
        return Error::badInput(QStringLiteral("the multipart body does not start with its boundary"));
    pos += delimiter.size();

    QList<Part> parts;
    for (;;) {
        if (body.mid(pos, 2) == "--")
            return parts; // the closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return Error::badInput(QStringLiteral("malformed multipart delimiter"));
        pos += 2;
        if (parts.size() >= m_maxParts)
            return Error::badInput(QStringLiteral("more than %1 parts in one upload").arg(m_maxParts));

        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0 || headerEnd - pos > kMaxPartHeaderBytes)
            return Error::badInput(QStringLiteral("malformed or oversized part headers"));
        Part part;
        bool hasDisposition = false;
        const QList<QByteArray> lines = body.mid(pos, headerEnd - pos).split('\n');
        for (const QByteArray &rawLine : lines) {
            const QByteArray line = rawLine.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return Error::badInput(QStringLiteral("malformed part header"));
            const QByteArray key = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (key == "content-disposition") {
                if (!value.toLower().startsWith("form-data"))
                    return Error::badInput(QStringLiteral("a part is not form-data"));
                hasDisposition = true;
                part.name = dispositionParameter(value, "name");
                part.fileName = dispositionParameter(value, "filename");
            } else if (key == "content-type") {
                part.contentType = value;
            }
        }
        if (!hasDisposition)
            return Error::badInput(QStringLiteral("a part has no Content-Disposition"));
        pos = headerEnd + 4;

        const qsizetype end = body.indexOf(separator, pos);
        if (end < 0)
            return Error::badInput(QStringLiteral("the upload is incomplete (no closing boundary)"));
        part.data = body.mid(pos, end - pos);
        parts.append(std::move(part));
        pos = end + separator.size();
    }
}

} // namespace rollcall
