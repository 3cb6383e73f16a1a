#include "TestPaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/stat.h>

namespace rollcall::test {

QString TestPaths::dataDir()
{
    return QStringLiteral(ROLLCALL_TEST_DATA_DIR);
}

QString TestPaths::data(const QString &relative)
{
    return QDir(dataDir()).filePath(relative);
}

QString TestPaths::modelsDir()
{
    const QString env = qEnvironmentVariable("ROLLCALL_MODELS_DIR");
    return env.isEmpty() ? QStringLiteral(ROLLCALL_TEST_MODELS_DIR) : env;
}

QString TestPaths::cliPath()
{
    return QStringLiteral(ROLLCALL_CLI_PATH);
}

QStringList TestPaths::enrolmentPhotos(const QString &studentId)
{
    QFile file(data(QStringLiteral("classrooms/manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const auto &c : QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("classes")).toArray()) {
        for (const auto &s : c.toObject().value(QLatin1String("students")).toArray()) {
            if (s.toObject().value(QLatin1String("student_id")).toString() != studentId)
                continue;
            QStringList photos;
            for (const auto &p : s.toObject().value(QLatin1String("photos")).toArray())
                photos << data(QStringLiteral("classrooms/") + p.toString());
            return photos;
        }
    }
    return {};
}

QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

int fileMode(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

QStringList notPrivate(const QString &root)
{
    QStringList found;
    const auto check = [&found](const QFileInfo &info) {
        if (info.isSymLink())
            return;
        const QFileDevice::Permissions open = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        if (info.permissions() & open)
            found << info.filePath();
    };
    check(QFileInfo(root));
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        check(it.fileInfo());
    }
    return found;
}

CliRun runCli(const QStringList &args, const QString &dataDir, int timeoutMs)
{
    QStringList full;
    if (!dataDir.isEmpty())
        full << QStringLiteral("--data-dir") << dataDir;
    full << QStringLiteral("--models-dir") << TestPaths::modelsDir();
    full << args;
    QProcess process;
    process.start(TestPaths::cliPath(), full);
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out or failed to start: " + process.errorString().toUtf8();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

int addClass(const QString &dataDir, const QString &code)
{
    return runCli({ QStringLiteral("class"), QStringLiteral("add"), code, QStringLiteral("--name"),
                    QStringLiteral("Class ") + code },
                  dataDir)
        .exitCode;
}

} // namespace rollcall::test
