#pragma once

#include "reports/ReportRequest.h"

class QMenu;
class QWidget;

namespace rollcall {

class Database;

// Fills the main window's Reports menu: Export session…, Export class register…,
// Export student history…, Export below-threshold list… (each an ExportDialog).
class ReportsMenu
{
public:
    static void populate(QMenu *reportsMenu, Database *database, QWidget *parent);
    // Opens the export dialog of one report (e.g. from a session view), non-modal.
    static void openExportDialog(Database *database, ReportRequest::Kind kind, QWidget *parent,
                                 const QString &sessionId = {});
    // Opens Students → Import roster….
    static void openRosterImport(Database *database, QWidget *parent);
};

} // namespace rollcall
