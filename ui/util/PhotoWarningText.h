#pragma once

#include "storage/PhotoWarning.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

class QLabel;

namespace rollcall {

// PhotoWarnings as the GUI shows them: one translated line per warning (the
// stored English message, with its details, as the tooltip), in an amber strip
// that hides itself when there is nothing to say.
class PhotoWarningText
{
    Q_DECLARE_TR_FUNCTIONS(PhotoWarningText)

public:
    static QString line(const PhotoWarning &warning, const QDate &sessionDate);
    static void show(QLabel *label, const QList<PhotoWarning> &warnings, const QDate &sessionDate,
                     const QString &footer = {});
    static void styleStrip(QLabel *label); // the amber look, word wrap, hidden
};

} // namespace rollcall
