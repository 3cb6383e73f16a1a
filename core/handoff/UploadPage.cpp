#include "handoff/UploadPage.h"

#include <QLocale>

namespace rollcall {

namespace {

QByteArray document(const QString &title, const QString &body)
{
    const QString lang = QLocale().bcp47Name().section(QLatin1Char('-'), 0, 0);
    const QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
                                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                                        "<title>%2</title><style>"
                                        "body{font-family:sans-serif;margin:1.5em;max-width:32em;line-height:1.4}"
                                        "h1{font-size:1.4em}label{display:block;margin:1em 0 .3em}"
                                        "input[type=file]{font-size:1em;width:100%}"
                                        "button{font-size:1.2em;padding:.6em 1.4em;margin-top:1.2em}"
                                        ".ok{color:#1b5e20}.refused{color:#b71c1c}.small{color:#555;font-size:.9em}"
                                        "</style></head><body>%3</body></html>\n")
                             .arg(lang, title.toHtmlEscaped(), body);
    return html.toUtf8();
}

} // namespace

QByteArray UploadPage::form(const QString &expiry, int maxPhotos, qint64 maxPhotoMegabytes)
{
    const QString title = tr("Send class photos to RollCall");
    const QString body
        = QStringLiteral("<h1>%1</h1><p>%2</p>"
                         "<form method=\"post\" enctype=\"multipart/form-data\">"
                         "<label for=\"camera\">%3</label>"
                         "<input id=\"camera\" type=\"file\" name=\"photos\" accept=\"image/*\" "
                         "capture=\"environment\" multiple>"
                         "<label for=\"gallery\">%4</label>"
                         "<input id=\"gallery\" type=\"file\" name=\"photos\" accept=\"image/*\" multiple>"
                         "<button id=\"send\" type=\"submit\">%5</button></form>"
                         "<p class=\"small\">%6</p>")
              .arg(title.toHtmlEscaped(),
                   tr("Take the photos of the class, then press Send. They go only to the PC that shows the code.")
                       .toHtmlEscaped(),
                   tr("Take photos with the camera").toHtmlEscaped(),
                   tr("or choose photos already taken").toHtmlEscaped(), tr("Send").toHtmlEscaped(),
                   tr("This link works for one batch of up to %1 photos (%2 MB each) until %3.")
                       .arg(maxPhotos)
                       .arg(maxPhotoMegabytes)
                       .arg(expiry)
                       .toHtmlEscaped());
    return document(title, body);
}

QByteArray UploadPage::answer(const QString &title, const QString &message, bool ok)
{
    const QString body = QStringLiteral("<h1 id=\"result\" class=\"%1\">%2</h1><p id=\"message\">%3</p>")
                             .arg(ok ? QStringLiteral("ok") : QStringLiteral("refused"), title.toHtmlEscaped(),
                                  message.toHtmlEscaped());
    return document(title, body);
}

QList<std::pair<QByteArray, QByteArray>> UploadPage::securityHeaders()
{
    return {
        { "Content-Security-Policy",
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors "
          "'none'" },
        { "Cache-Control", "no-store" },
        // The token is in the address; no page it could leak to, but say so.
        { "Referrer-Policy", "no-referrer" },
        { "X-Content-Type-Options", "nosniff" },
    };
}

} // namespace rollcall
