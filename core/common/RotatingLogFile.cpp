#include "common/RotatingLogFile.h"

#include "common/PrivateFiles.h"

#include <QDir>

namespace rollcall {

RotatingLogFile::RotatingLogFile(const QString &directory, qint64 maxBytes, int keepFiles)
    : m_directory(directory)
    , m_maxBytes(maxBytes)
    , m_keepFiles(keepFiles)
{
    PrivateFiles::makeDirectory(directory);
    m_file.setFileName(QDir(directory).filePath(QStringLiteral("rollcall.log")));
    open();
}

void RotatingLogFile::writeLine(const QString &line)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    m_file.write(line.toUtf8());
    m_file.write("\n");
    m_file.flush();
    if (m_file.size() >= m_maxBytes)
        rotate();
}

void RotatingLogFile::open()
{
    // The log may name the data folder's files and, with --verbose, students.
    PrivateFiles::createEmpty(m_file.fileName());
    m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

void RotatingLogFile::rotate()
{
    const QString base = m_file.fileName();
    m_file.close();
    QFile::remove(base + QLatin1Char('.') + QString::number(m_keepFiles));
    for (int i = m_keepFiles - 1; i >= 1; --i)
        QFile::rename(base + QLatin1Char('.') + QString::number(i), base + QLatin1Char('.') + QString::number(i + 1));
    QFile::rename(base, base + QStringLiteral(".1"));
    open();
}

} // namespace rollcall
