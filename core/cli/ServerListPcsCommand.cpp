#include "cli/ServerListPcsCommand.h"

#include "cli/CliContext.h"
#include "sync/CentralAdmin.h"

#include <QJsonArray>

namespace rollcall {

void ServerListPcsCommand::addOptions(QCommandLineParser &) const
{ }

int ServerListPcsCommand::runAdmin(CliContext &context, const QCommandLineParser &parser, CentralAdmin &admin)
{
    auto pcs = admin.listPcs();
    if (!pcs)
        return context.fail(pcs.error());
    if (parser.isSet(m_json)) {
        QJsonArray array;
        for (const CentralAdmin::PcInfo &pc : std::as_const(*pcs))
            array.append(pc.toJson());
        context.printJson({ { QStringLiteral("pcs"), array } });
        return 0;
    }
    for (const CentralAdmin::PcInfo &pc : std::as_const(*pcs)) {
        const QString state = pc.revokedAt.isValid() ? QStringLiteral("removed ") + pc.revokedAt.toString(Qt::ISODate)
            : pc.lastSync.isValid()                  ? QStringLiteral("last sync ") + pc.lastSync.toString(Qt::ISODate)
                                                     : QStringLiteral("never synced");
        context.out() << pc.role.leftJustified(20) << ' ' << pc.departments.join(QLatin1Char(',')).leftJustified(20)
                      << ' ' << state.leftJustified(32) << ' ' << pc.rowsWritten << " written, " << pc.rowsRefused
                      << " refused\n";
    }
    return 0;
}

} // namespace rollcall
