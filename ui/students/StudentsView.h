#pragma once

#include "util/ClassAttendance.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace rollcall {

class ClassComboBox;
class Database;
class StudentFilterModel;
class StudentTableModel;

// Students ▸ Manage students: a searchable, sortable table of the students of
// a class, with edit / move / deactivate / delete and, for the selected
// student, the enrolment photos, attendance percentage and history.
class StudentsView : public QWidget
{
    Q_OBJECT

public:
    explicit StudentsView(Database *database, QWidget *parent = nullptr);

    QString currentClassId() const;
    QString selectedStudentUuid() const;
    StudentTableModel *model() const { return m_model; }
    bool isLoading() const { return m_loading > 0; }

public Q_SLOTS:
    void refresh();
    void editSelected();
    void moveSelected();
    void toggleActiveSelected();
    void deleteSelected();

Q_SIGNALS:
    void registerRequested();
    void newClassRequested();
    void dataChanged();
    void loadFinished();

private:
    void loadClass();
    void showDetails();
    void updateButtons();

    Database *m_database;
    ClassComboBox *m_classes;
    QLineEdit *m_search;
    QCheckBox *m_showInactive;
    StudentTableModel *m_model;
    StudentFilterModel *m_proxy;
    QTableView *m_table;
    QPushButton *m_edit;
    QPushButton *m_move;
    QPushButton *m_active;
    QPushButton *m_delete;
    QLabel *m_detailTitle;
    QLabel *m_detailSummary;
    QListWidget *m_photos;
    QStandardItemModel *m_history;
    ClassAttendance m_attendance;
    int m_loading = 0;
    int m_detailsGeneration = 0;
};

} // namespace rollcall
