#pragma once

#include "storage/Student.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace rollcall {

class Database;

// Edits a student's name, student ID, email and consent (audited by storage).
class StudentEditDialog : public QDialog
{
    Q_OBJECT

public:
    StudentEditDialog(Database *database, const Student &student, QWidget *parent = nullptr);

    void accept() override;

Q_SIGNALS:
    void studentChanged(const QString &uuid);

private:
    Database *m_database;
    Student m_student;
    QLineEdit *m_studentId;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QCheckBox *m_consent;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace rollcall
