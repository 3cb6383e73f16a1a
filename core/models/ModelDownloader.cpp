#include "models/ModelDownloader.h"

#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "common/Settings.h"
#include "models/FileHasher.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSettings>

#include <filesystem>
#include <system_error>

namespace rollcall {

ModelDownloader::ModelDownloader(const QString &modelsDir, QObject *parent)
    : QObject(parent)
    , m_modelsDir(modelsDir)
    , m_baseUrl(configuredBaseUrl())
    , m_network(new QNetworkAccessManager(this))
{ }

ModelDownloader::~ModelDownloader()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QUrl ModelDownloader::resolveUrl(const ModelDescriptor &descriptor, const QString &baseUrl)
{
    const QString base = baseUrl.trimmed();
    if (base.isEmpty())
        return descriptor.url.isEmpty() ? QUrl() : QUrl(descriptor.url);
    // A plain folder (an intranet share mounted locally) works as well as a URL.
    QUrl url = QUrl::fromUserInput(base, QDir::currentPath(), QUrl::AssumeLocalFile);
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + descriptor.fileName);
    return url;
}

QString ModelDownloader::configuredBaseUrl()
{
    const QString env = qEnvironmentVariable("ROLLCALL_MODEL_BASE_URL").trimmed();
    if (!env.isEmpty())
        return env;
    const QString user = Settings().string(Settings::Key::ModelBaseUrl);
    if (!user.isEmpty())
        return user;
    const QString config = AppPaths::systemConfigPath();
    if (!config.isEmpty() && QFileInfo(config).isFile())
        return QSettings(config, QSettings::IniFormat).value(QStringLiteral("models/base_url")).toString().trimmed();
    return {};
}

void ModelDownloader::start(const QList<ModelDescriptor> &models)
{
    if (isRunning())
        return;
    m_queue = models;
    m_index = -1;
    m_cancelled = false;
    m_lastError = Error();
    startNext();
}

void ModelDownloader::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    m_reply->abort(); // finishes the reply; onReplyFinished reports the cancellation
}

void ModelDownloader::startNext()
{
    ++m_index;
    if (m_index >= m_queue.size()) {
        m_queue.clear();
        Q_EMIT finished();
        return;
    }
    const ModelDescriptor &d = m_queue.at(m_index);
    Q_EMIT fileStarted(int(m_index), int(m_queue.size()), d.name);
    if (!QDir().mkpath(m_modelsDir)) {
        fail(Error::storage(tr("Cannot create the models folder %1.").arg(m_modelsDir)));
        return;
    }
    const QString finalPath = QDir(m_modelsDir).filePath(d.fileName);
    if (!d.sha256.isEmpty() && QFileInfo(finalPath).isFile() && FileHasher::sha256Hex(finalPath) == d.sha256) {
        Q_EMIT fileInstalled(d.id, finalPath); // already there and intact
        startNext();
        return;
    }
    m_retriedWithoutRange = false;
    request(true);
}

void ModelDownloader::request(bool allowResume)
{
    const ModelDescriptor &d = m_queue.at(m_index);
    const QUrl url = resolveUrl(d, m_baseUrl);
    if (!url.isValid()) {
        fail(Error::network(tr("There is no download address for %1 (%2). Enter your department's model server "
                               "address, or choose the file if you already have it.")
                                .arg(d.name, d.fileName)));
        return;
    }

    m_part.setFileName(partPath(QDir(m_modelsDir).filePath(d.fileName)));
    const qint64 existing = allowResume ? QFileInfo(m_part.fileName()).size() : 0;
    const QIODevice::OpenMode mode = existing > 0 ? QIODevice::Append : (QIODevice::WriteOnly | QIODevice::Truncate);
    if (!m_part.open(mode)) {
        fail(Error::storage(tr("Cannot write %1: %2").arg(m_part.fileName(), m_part.errorString())));
        return;
    }
    m_resumeFrom = existing;
    m_expectedTotal = -1;
    m_headersChecked = false;
    m_acceptBody = false;
    m_restartWithoutRange = false;

    QNetworkRequest req(url);
    req.setTransferTimeout(m_transferTimeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    // Byte ranges only make sense on the raw file, not on a compressed transfer.
    req.setRawHeader("Accept-Encoding", "identity");
    if (existing > 0)
        req.setRawHeader("Range", "bytes=" + QByteArray::number(existing) + '-');
    qCInfo(lcModels).noquote() << "downloading" << d.fileName << "from" << url.toDisplayString()
                               << (existing > 0 ? QStringLiteral("(resuming at byte %1)").arg(existing) : QString());

    m_reply = m_network->get(req);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ModelDownloader::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &ModelDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ModelDownloader::onReplyFinished);
}

void ModelDownloader::onMetaDataChanged()
{
    if (m_headersChecked || !m_reply)
        return;
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid() && m_reply->url().scheme() != QLatin1String("file"))
        return; // headers not complete yet
    m_headersChecked = true;
    const int status = statusAttribute.toInt();
    if (status == 206 && m_resumeFrom > 0) {
        // Content-Range: bytes <start>-<end>/<total>
        static const QRegularExpression range(QStringLiteral("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)"));
        const auto match = range.match(QString::fromLatin1(m_reply->rawHeader("Content-Range")));
        if (!match.hasMatch() || match.captured(1).toLongLong() != m_resumeFrom) {
            m_restartWithoutRange = true; // not the range asked for: start over
            m_reply->abort();
            return;
        }
        m_expectedTotal = match.captured(3) == QLatin1String("*") ? -1 : match.captured(3).toLongLong();
        m_acceptBody = true;
    } else if (status == 200 || status == 0) {
        // A whole file (the server ignored the range, or a file: URL): start over.
        if (m_resumeFrom > 0) {
            m_part.resize(0);
            m_resumeFrom = 0;
        }
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        m_expectedTotal = length.isValid() ? length.toLongLong() : -1;
        m_acceptBody = true;
    }
    // Anything else (404, 416, …) carries no model bytes; onReplyFinished decides.
}

void ModelDownloader::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_headersChecked)
        onMetaDataChanged();
    const QByteArray data = m_reply->readAll();
    if (!m_acceptBody || data.isEmpty())
        return;
    if (m_part.write(data) != data.size()) {
        m_writeError = tr("Cannot write %1: %2").arg(m_part.fileName(), m_part.errorString());
        m_reply->abort();
        return;
    }
    Q_EMIT progress(m_part.pos(), m_expectedTotal);
}

void ModelDownloader::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_restartWithoutRange && !m_cancelled && m_writeError.isEmpty())
        onReadyRead(); // whatever arrived with the end of the reply
    m_reply = nullptr;
    reply->deleteLater();
    m_part.close();
    const ModelDescriptor &d = m_queue.at(m_index);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (!m_writeError.isEmpty()) {
        const QString message = m_writeError;
        m_writeError.clear();
        fail(Error::storage(message));
        return;
    }
    if (m_cancelled) {
        fail(Error::cancelled());
        return;
    }
    if (m_restartWithoutRange || (status == 416 && !m_retriedWithoutRange)) {
        // The kept part does not fit what the server has: download it again whole.
        if (status == 416 && !d.sha256.isEmpty() && FileHasher::sha256Hex(m_part.fileName()) == d.sha256) {
            finishFile(); // the part was already complete
            return;
        }
        m_retriedWithoutRange = true;
        QFile::remove(m_part.fileName());
        request(false);
        return;
    }
    if (reply->error() != QNetworkReply::NoError || !m_acceptBody) {
        if (QFileInfo(m_part.fileName()).size() == 0)
            QFile::remove(m_part.fileName());
        // A part with data is kept: the next attempt resumes from it.
        fail(Error::network(tr("Could not download %1 from %2: %3")
                                .arg(d.fileName, reply->url().toDisplayString(), reply->errorString())));
        return;
    }
    finishFile();
}

void ModelDownloader::finishFile()
{
    const Status installed = installPart();
    if (!installed.ok()) {
        fail(installed.error());
        return;
    }
    startNext();
}

Status ModelDownloader::installPart()
{
    const ModelDescriptor &d = m_queue.at(m_index);
    const QString part = m_part.fileName();
    const QString finalPath = QDir(m_modelsDir).filePath(d.fileName);
    if (d.sha256.isEmpty()) {
        qCWarning(lcModels) << d.fileName << "has no SHA-256 in its descriptor; installed unverified";
    } else {
        const QString actual = FileHasher::sha256Hex(part);
        if (actual != d.sha256) {
            QFile::remove(part); // corrupt: resuming from it would only repeat the damage
            return Error::badInput(tr("The downloaded %1 does not match its SHA-256 checksum (expected %2, got %3). "
                                      "It was not installed; the server may hold a different or damaged file.")
                                       .arg(d.fileName, d.sha256, actual));
        }
    }
    // rename() replaces an old (corrupt) file atomically: readers see the old
    // file or the new one, never half of one.
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(part.toStdU16String()),
                            std::filesystem::path(finalPath.toStdU16String()), ec);
    if (ec)
        return Error::storage(
            tr("Cannot move %1 into place: %2").arg(part, QString::fromLocal8Bit(ec.message().c_str())));
    qCInfo(lcModels) << "installed" << finalPath;
    Q_EMIT fileInstalled(d.id, finalPath);
    return Status::success();
}

void ModelDownloader::fail(const Error &error)
{
    m_lastError = error;
    m_queue.clear();
    if (m_part.isOpen())
        m_part.close();
    qCWarning(lcModels).noquote() << "model download failed:" << error.message();
    Q_EMIT failed(error.message());
}

} // namespace rollcall
