#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace rollcall::test {

// Paths the build passes in, plus helpers to run the real rollcall-cli.
class TestPaths
{
public:
    static QString dataDir(); // ../shared/data
    static QString data(const QString &relative); // a file under it; QFAIL-able if missing
    static QString modelsDir();
    static QString cliPath();
    // The enrolment photos classrooms/manifest.json lists for a student ID (absolute
    // paths; empty when the manifest or the student is missing).
    static QStringList enrolmentPhotos(const QString &studentId);
};

// Result of one rollcall-cli run.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// SHA-256 (hex) of a file's bytes; empty when it cannot be read.
QByteArray fileSha256(const QString &path);
// The file's permission bits (st_mode & 0777), -1 when it does not exist.
int fileMode(const QString &path);

// Entries under root (root included) that group or others may read, write or enter;
// empty when the tree is private (folders 0700, files 0600). Links are not followed.
QStringList notPrivate(const QString &root);

// Runs rollcall-cli with args (and --data-dir/--models-dir prepended when given).
CliRun runCli(const QStringList &args, const QString &dataDir = {}, int timeoutMs = 600000);
// rollcall-cli class add CODE --name "Class CODE" in dataDir; its exit code.
int addClass(const QString &dataDir, const QString &code);

} // namespace rollcall::test
