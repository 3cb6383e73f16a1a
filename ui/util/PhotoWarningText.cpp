#include "PhotoWarningText.h"

#include <QLabel>
#include <QLocale>

namespace rollcall {

QString PhotoWarningText::line(const PhotoWarning &warning, const QDate &sessionDate)
{
    switch (warning.code) {
    case PhotoWarning::Code::Reused:
        return tr("Photo %1 was already used for another session.").arg(warning.photo + 1);
    case PhotoWarning::Code::DateMismatch:
        return tr("Photo %1 was not taken on %2.")
            .arg(warning.photo + 1)
            .arg(QLocale().toString(sessionDate, QLocale::ShortFormat));
    case PhotoWarning::Code::NoCaptureTime:
        return tr("Photo %1 does not say when it was taken.").arg(warning.photo + 1);
    }
    return warning.message;
}

void PhotoWarningText::show(QLabel *label, const QList<PhotoWarning> &warnings, const QDate &sessionDate,
                            const QString &footer)
{
    QStringList lines;
    QStringList details;
    for (const PhotoWarning &w : warnings) {
        lines << QStringLiteral("⚠ ") + line(w, sessionDate);
        details << w.message;
    }
    if (!lines.isEmpty() && !footer.isEmpty())
        lines << footer;
    label->setText(lines.join(QLatin1Char('\n')));
    label->setToolTip(details.join(QLatin1Char('\n')));
    label->setVisible(!warnings.isEmpty());
}

void PhotoWarningText::styleStrip(QLabel *label)
{
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; padding: 4px; }"));
    label->hide();
}

} // namespace rollcall
