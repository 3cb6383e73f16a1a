#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace rollcall {

class Database;

// Students ▸ New class: code, name, term and department.
class ClassDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ClassDialog(Database *database, QWidget *parent = nullptr);

    void accept() override;

Q_SIGNALS:
    void classCreated(const QString &classId);

private:
    Database *m_database;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLineEdit *m_term;
    QLineEdit *m_department;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace rollcall
