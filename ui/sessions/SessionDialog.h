#pragma once

#include "storage/AttendanceSession.h"

#include <QDialog>
#include <QImage>
#include <QList>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace rollcall {

class Database;
class PhotoView;
class SessionRecordModel;

// One saved session: its photo(s) with the recognised boxes and its records.
// Status changes are written through storage, which audits them. Records left
// for review (an uncertain match nobody confirmed) are confirmed or rejected here.
class SessionDialog : public QDialog
{
    Q_OBJECT

public:
    SessionDialog(Database *database, const QString &sessionId, QWidget *parent = nullptr);

    SessionRecordModel *records() const { return m_records; }
    PhotoView *photoView() const { return m_photoView; }
    bool isLoaded() const { return m_loaded; }

public Q_SLOTS:
    // The record of row must be waiting for review: confirm makes it present, reject absent.
    void confirmRecord(int row);
    void rejectRecord(int row);

Q_SIGNALS:
    void sessionChanged(const QString &sessionId);
    void loaded();

private:
    void load();
    void showPhoto(int index);
    void saveStatus(const QString &studentUuid, AttendanceStatus status, const QString &reason = {});
    void decide(int row, AttendanceStatus status, const QString &reason);
    void updateReviewButtons();

    Database *m_database;
    QString m_sessionId;
    AttendanceSession m_session;
    QList<QImage> m_photos;
    bool m_loaded = false;
    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_warnings; // the photo warnings recorded with the session
    QComboBox *m_photoChoice;
    PhotoView *m_photoView;
    SessionRecordModel *m_records;
    QTableView *m_table;
    QPushButton *m_confirm;
    QPushButton *m_reject;
};

} // namespace rollcall
