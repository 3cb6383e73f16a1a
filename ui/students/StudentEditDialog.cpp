#include "StudentEditDialog.h"

#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "storage/StudentRepository.h"
#include "util/Background.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace rollcall {

StudentEditDialog::StudentEditDialog(Database *database, const Student &student, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_student(student)
    , m_studentId(new QLineEdit(student.studentId, this))
    , m_name(new QLineEdit(student.name, this))
    , m_email(new QLineEdit(student.email, this))
    , m_consent(new QCheckBox(tr("Consent to face recognition recorded"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("studentEditDialog"));
    setWindowTitle(tr("Edit student"));
    m_studentId->setObjectName(QStringLiteral("studentIdEdit"));
    m_name->setObjectName(QStringLiteral("studentNameEdit"));
    m_email->setObjectName(QStringLiteral("studentEmailEdit"));
    m_consent->setChecked(student.consent);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Student &ID:"), m_studentId);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(m_consent);
    form->addRow(m_error);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StudentEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(420, sizeHint().height());
}

void StudentEditDialog::accept()
{
    StudentRepository::Changes changes;
    const QString id = m_studentId->text().trimmed();
    const QString name = m_name->text().trimmed();
    if (id.isEmpty() || name.isEmpty()) {
        m_error->setText(tr("The student ID and the name are required."));
        return;
    }
    if (id != m_student.studentId)
        changes.studentId = id;
    if (name != m_student.name)
        changes.name = name;
    if (m_email->text().trimmed() != m_student.email)
        changes.email = m_email->text().trimmed();
    if (m_consent->isChecked() != m_student.consent)
        changes.consent = m_consent->isChecked();
    m_buttons->setEnabled(false);
    Database *db = m_database;
    const QString uuid = m_student.studentUuid;
    runInBackground(
        this,
        [db, uuid, changes] {
            PhotoStore photos; // a withdrawn consent deletes the student's crops
            return StudentRepository(*db, &photos).edit(uuid, changes);
        },
        [this](const Result<Student> &edited) {
            m_buttons->setEnabled(true);
            if (!edited) {
                m_error->setText(edited.error().message());
                return;
            }
            Q_EMIT studentChanged(edited->studentUuid);
            QDialog::accept();
        });
}

} // namespace rollcall
