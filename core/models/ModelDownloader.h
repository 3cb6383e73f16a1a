#pragma once

#include "common/Error.h"
#include "models/ModelDescriptor.h"

#include <QFile>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace rollcall {

// Downloads model files into a models folder, one after another, with Qt
// Network. Each file is written to <file>.part and resumed from there with an
// HTTP Range request when a previous attempt was interrupted; the complete file
// must match its descriptor's SHA-256 before it is renamed into place, so a
// corrupt or truncated download is never installed.
//
// Where from: a base URL (the models' file names are appended) when one is
// configured, else each descriptor's own "url". See configuredBaseUrl().
class ModelDownloader : public QObject
{
    Q_OBJECT

public:
    explicit ModelDownloader(const QString &modelsDir, QObject *parent = nullptr);
    ~ModelDownloader() override;

    // Overrides configuredBaseUrl() for this downloader (empty: per-file URLs).
    void setBaseUrl(const QString &baseUrl) { m_baseUrl = baseUrl; }
    QString baseUrl() const { return m_baseUrl; }
    // Abort a transfer that makes no progress for this long (default 30 s).
    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }

    // Starts downloading; finished() or failed() follows. Ignored while running.
    void start(const QList<ModelDescriptor> &models);
    // Stops after keeping what was received in the .part file; failed() follows
    // with Error::Code::Cancelled.
    void cancel();
    bool isRunning() const { return !m_reply.isNull(); }
    // The error of the last failed() (code Network, BadInput or Cancelled).
    const Error &lastError() const { return m_lastError; }

    // The URL a model is fetched from: <baseUrl>/<file> when baseUrl is set,
    // else the descriptor's "url"; invalid when neither exists.
    static QUrl resolveUrl(const ModelDescriptor &descriptor, const QString &baseUrl);
    // The base URL configured outside the program: ROLLCALL_MODEL_BASE_URL, else
    // the user setting "models/base_url", else "[models] base_url" in the system
    // configuration file (AppPaths::systemConfigPath()); empty if none.
    static QString configuredBaseUrl();
    static QString partPath(const QString &finalPath) { return finalPath + QStringLiteral(".part"); }

Q_SIGNALS:
    // A file starts: index counts from 0 of count.
    void fileStarted(int index, int count, const QString &name);
    // Bytes of the current file so far (including a resumed part) and its size
    // (-1 when the server does not say).
    void progress(qint64 received, qint64 total);
    void fileInstalled(const QString &id, const QString &path);
    void finished();
    void failed(const QString &message);

private:
    void startNext();
    void request(bool allowResume);
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void finishFile();
    Status installPart();
    void fail(const Error &error);

    QString m_modelsDir;
    QString m_baseUrl;
    int m_transferTimeoutMs = 30000;
    QNetworkAccessManager *m_network = nullptr;
    QList<ModelDescriptor> m_queue;
    int m_index = -1;
    QPointer<QNetworkReply> m_reply;
    QFile m_part;
    qint64 m_resumeFrom = 0; // bytes already in .part when the request was sent
    qint64 m_expectedTotal = -1;
    bool m_headersChecked = false;
    bool m_acceptBody = false; // the reply carries model bytes (200, 206 or file:)
    bool m_restartWithoutRange = false;
    bool m_cancelled = false;
    bool m_retriedWithoutRange = false;
    QString m_writeError;
    Error m_lastError;
};

} // namespace rollcall
