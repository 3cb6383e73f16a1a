#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace rollcall {

// The HTML the phone sees: the upload form and the answer to each request.
// Self-contained (no script, no external resource) so the page's Content
// Security Policy can forbid everything else; texts go through Qt's
// translations like the rest of the interface.
class UploadPage
{
    Q_DECLARE_TR_FUNCTIONS(UploadPage)

public:
    // expiry: the local time shown as "works until".
    static QByteArray form(const QString &expiry, int maxPhotos, qint64 maxPhotoMegabytes);
    // ok: a success (green) or a refusal (red) page; message is plain text.
    static QByteArray answer(const QString &title, const QString &message, bool ok);
    // The headers every response carries.
    static QList<std::pair<QByteArray, QByteArray>> securityHeaders();
};

} // namespace rollcall
