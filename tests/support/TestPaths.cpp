#include "TestPaths.h"

#include <QDir>

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

} // namespace rollcall::test
