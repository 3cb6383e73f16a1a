#pragma once

#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace rollcall {

class ClassComboBox;
class Database;

// Attendance ▸ Sessions: saved sessions by class and date range; open one to
// see its photo(s) and records and correct them.
class SessionsView : public QWidget
{
    Q_OBJECT

public:
    explicit SessionsView(Database *database, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QString selectedSessionId() const;
    bool isLoading() const { return m_loading > 0; }
    // Opens a session's dialog (also used by double-click); returns it.
    QDialog *openSession(const QString &sessionId);

public Q_SLOTS:
    void refresh();
    void openSelected();
    void deleteSelected();

Q_SIGNALS:
    void dataChanged();
    void loadFinished();

private:
    Database *m_database;
    ClassComboBox *m_classes;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QStandardItemModel *m_model;
    QTableView *m_table;
    QPushButton *m_open;
    QPushButton *m_delete;
    QLabel *m_summary;
    int m_loading = 0;
    int m_generation = 0;
};

} // namespace rollcall
