#include "sync/PasswordStore.h"

#include <QEventLoop>
#include <QObject>

#include <qt6keychain/keychain.h>

namespace rollcall {
namespace {

Error keychainError(const QKeychain::Job *job, const QString &key)
{
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return Error::usage(QStringLiteral("no password for %1 in the keychain; set it in Sync > Configure… or use "
                                           "--password-env")
                                .arg(key));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error::usage(
            QStringLiteral("no keychain is available on this system (%1); use --password-env").arg(job->errorString()));
    default:
        return Error::generic(QStringLiteral("keychain: %1").arg(job->errorString()));
    }
}

} // namespace

void PasswordStore::read(const QString &key, QObject *context, std::function<void(Result<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, key, done = std::move(done)] {
        if (job->error() != QKeychain::NoError)
            done(keychainError(job, key));
        else
            done(job->textData());
    });
    job->start();
}

void PasswordStore::write(const QString &key, const QString &password, QObject *context,
                          std::function<void(Status)> done)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(password);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, key, done = std::move(done)] {
        done(job->error() == QKeychain::NoError ? Status() : Status(keychainError(job, key)));
    });
    job->start();
}

void PasswordStore::remove(const QString &key, QObject *context, std::function<void(Status)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, key, done = std::move(done)] {
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        done(ok ? Status() : Status(keychainError(job, key)));
    });
    job->start();
}

Result<QString> PasswordStore::readBlocking(const QString &key)
{
    QKeychain::ReadPasswordJob job(service());
    job.setAutoDelete(false);
    job.setKey(key);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError)
        return keychainError(&job, key);
    return job.textData();
}

} // namespace rollcall
