#include "ClassDialog.h"

#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "util/Background.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace rollcall {

ClassDialog::ClassDialog(Database *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_code(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_term(new QLineEdit(this))
    , m_department(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("classDialog"));
    setWindowTitle(tr("New class"));
    m_code->setObjectName(QStringLiteral("classCodeEdit"));
    m_code->setPlaceholderText(tr("e.g. CS-101-A"));
    m_name->setObjectName(QStringLiteral("classNameEdit"));
    m_term->setObjectName(QStringLiteral("classTermEdit"));
    m_term->setPlaceholderText(tr("e.g. 2024 autumn"));
    m_department->setObjectName(QStringLiteral("classDepartmentEdit"));
    m_error->setObjectName(QStringLiteral("classError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Code:"), m_code);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Term:"), m_term);
    form->addRow(tr("&Department:"), m_department);
    form->addRow(m_error);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ClassDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateOk
        = [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_code->text().trimmed().isEmpty()); };
    connect(m_code, &QLineEdit::textChanged, this, updateOk);
    updateOk();
}

void ClassDialog::accept()
{
    ClassInfo info;
    info.code = m_code->text().trimmed();
    info.name = m_name->text().trimmed();
    info.term = m_term->text().trimmed();
    info.department = m_department->text().trimmed();
    m_buttons->setEnabled(false);
    m_error->clear();
    Database *db = m_database;
    runInBackground(
        this, [db, info] { return ClassRepository(*db).create(info); },
        [this](const Result<ClassInfo> &created) {
            m_buttons->setEnabled(true);
            if (!created) {
                m_error->setText(created.error().message());
                return;
            }
            Q_EMIT classCreated(created->id);
            QDialog::accept();
        });
}

} // namespace rollcall
