#pragma once

#include <QFile>
#include <QMutex>
#include <QString>

namespace rollcall {

// Appends lines to <dir>/rollcall.log and rotates to rollcall.log.1 … .N once the
// file passes maxBytes, so the log never grows without bound on a lab PC.
class RotatingLogFile
{
public:
    RotatingLogFile(const QString &directory, qint64 maxBytes = 1024 * 1024, int keepFiles = 3);

    bool isOpen() const { return m_file.isOpen(); }
    QString filePath() const { return m_file.fileName(); }
    void writeLine(const QString &line);

private:
    void open();
    void rotate();

    QString m_directory;
    qint64 m_maxBytes;
    int m_keepFiles;
    QFile m_file;
    QMutex m_mutex;
};

} // namespace rollcall
