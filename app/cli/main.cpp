#include "cli/CliApplication.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rollcall"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROLLCALL_VERSION));
    return rollcall::CliApplication::run(QCoreApplication::arguments());
}
