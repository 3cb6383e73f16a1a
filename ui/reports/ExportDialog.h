#pragma once

#include "common/Error.h"
#include "reports/ReportRequest.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace rollcall {

class Database;
class ExportJob;

// Reports → Export …: the parameters of one report (class, session, student, date
// range, threshold), the format (XLSX or CSV with its separator and BOM), a file
// dialog suggesting e.g. CS-A_register_2026-08-01_2026-11-30.xlsx, and the export
// itself off the GUI thread (ExportJob) with progress and Cancel.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(Database *database, ReportRequest::Kind kind, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // Preselects a session (Session report) or a class.
    void selectSession(const QString &sessionId);
    void selectClass(const QString &classCode);

    // The request the current fields describe, and the file name they suggest.
    ReportRequest request() const;
    ReportWriter::Format format() const;
    QString suggestedFileName() const;

    // Starts the export into path (what the Export button does after the file dialog).
    void exportTo(const QString &path);
    bool isExporting() const;

Q_SIGNALS:
    void exported(const QString &path);
    void exportFailed(const QString &message);

private:
    void chooseFileAndExport();
    void reloadSessions();
    void updateFormatOptions();
    void setBusy(bool busy);
    void onFinished(const QString &path);
    void onFailed(const rollcall::Error &error);
    void reject() override;

    Database *m_database;
    ReportRequest::Kind m_kind;
    QComboBox *m_class = nullptr;
    QComboBox *m_session = nullptr;
    QLineEdit *m_student = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QCheckBox *m_allDates = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_separator = nullptr;
    QCheckBox *m_bom = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPointer<ExportJob> m_job;
};

} // namespace rollcall
