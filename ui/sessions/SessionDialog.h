#pragma once

#include "storage/AttendanceSession.h"

#include <QDialog>
#include <QImage>
#include <QList>

class QComboBox;
class QLabel;
class QTableView;

namespace rollcall {

class Database;
class PhotoView;
class SessionRecordModel;

// One saved session: its photo(s) with the recognised boxes and its records.
// Status changes are written through storage, which audits them.
class SessionDialog : public QDialog
{
    Q_OBJECT

public:
    SessionDialog(Database *database, const QString &sessionId, QWidget *parent = nullptr);

    SessionRecordModel *records() const { return m_records; }
    PhotoView *photoView() const { return m_photoView; }
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void sessionChanged(const QString &sessionId);
    void loaded();

private:
    void load();
    void showPhoto(int index);
    void saveStatus(const QString &studentUuid, AttendanceStatus status);

    Database *m_database;
    QString m_sessionId;
    AttendanceSession m_session;
    QList<QImage> m_photos;
    bool m_loaded = false;
    QLabel *m_title;
    QLabel *m_message;
    QComboBox *m_photoChoice;
    PhotoView *m_photoView;
    SessionRecordModel *m_records;
    QTableView *m_table;
};

} // namespace rollcall
