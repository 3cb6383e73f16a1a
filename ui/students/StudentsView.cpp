#include "StudentsView.h"

#include "common/Settings.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/EnrolmentRepository.h"
#include "storage/PhotoStore.h"
#include "storage/StudentRepository.h"
#include "students/StudentEditDialog.h"
#include "students/StudentFilterModel.h"
#include "students/StudentTableModel.h"
#include "util/Background.h"
#include "util/ClassComboBox.h"
#include "util/StatusText.h"
#include "util/TableSetup.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace rollcall {

StudentsView::StudentsView(Database *database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_classes(new ClassComboBox(database, this))
    , m_search(new QLineEdit(this))
    , m_showInactive(new QCheckBox(tr("Show inactive"), this))
    , m_model(new StudentTableModel(this))
    , m_proxy(new StudentFilterModel(this))
    , m_table(new QTableView(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_move(new QPushButton(tr("&Move…"), this))
    , m_active(new QPushButton(tr("&Deactivate"), this))
    , m_delete(new QPushButton(tr("De&lete…"), this))
    , m_detailTitle(new QLabel(this))
    , m_detailSummary(new QLabel(this))
    , m_photos(new QListWidget(this))
    , m_history(new QStandardItemModel(0, 3, this))
{
    setObjectName(QStringLiteral("studentsView"));
    m_search->setObjectName(QStringLiteral("studentSearch"));
    m_search->setPlaceholderText(tr("Search by ID, name or email"));
    m_search->setClearButtonEnabled(true);
    m_showInactive->setObjectName(QStringLiteral("showInactive"));
    m_showInactive->setChecked(true);
    m_table->setObjectName(QStringLiteral("studentsTable"));
    m_edit->setObjectName(QStringLiteral("editStudentButton"));
    m_move->setObjectName(QStringLiteral("moveStudentButton"));
    m_active->setObjectName(QStringLiteral("activeStudentButton"));
    m_delete->setObjectName(QStringLiteral("deleteStudentButton"));
    m_photos->setObjectName(QStringLiteral("studentPhotos"));

    auto *newClass = new QPushButton(tr("New class…"), this);
    newClass->setObjectName(QStringLiteral("newClassButton"));
    auto *registerButton = new QPushButton(tr("&Register student…"), this);
    registerButton->setObjectName(QStringLiteral("registerStudentButton"));
    connect(newClass, &QPushButton::clicked, this, &StudentsView::newClassRequested);
    connect(registerButton, &QPushButton::clicked, this, &StudentsView::registerRequested);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Class:"), this));
    top->addWidget(m_classes);
    top->addWidget(newClass);
    top->addSpacing(16);
    top->addWidget(m_search, 1);
    top->addWidget(m_showInactive);
    top->addWidget(registerButton);

    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StudentTableModel::IdColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    TableSetup::apply(m_table, StudentTableModel::NameColumn);
    m_table->setAlternatingRowColors(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_edit);
    buttons->addWidget(m_move);
    buttons->addWidget(m_active);
    buttons->addStretch(1);
    buttons->addWidget(m_delete);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(buttons);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    QFont titleFont = m_detailTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailTitle->setObjectName(QStringLiteral("studentDetailTitle"));
    m_detailSummary->setObjectName(QStringLiteral("studentDetailSummary"));
    m_detailSummary->setWordWrap(true);
    m_photos->setViewMode(QListView::IconMode);
    m_photos->setIconSize(QSize(96, 96));
    m_photos->setFlow(QListView::LeftToRight);
    m_photos->setWrapping(false);
    m_photos->setFixedHeight(130);
    m_photos->setMovement(QListView::Static);
    m_history->setHorizontalHeaderLabels({ tr("Date"), tr("Period"), tr("Status") });
    auto *history = new QTableView(right);
    history->setObjectName(QStringLiteral("studentHistory"));
    history->setModel(m_history);
    TableSetup::apply(history, 1);
    history->horizontalHeader()->setStretchLastSection(true);
    history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rightLayout->addWidget(m_detailTitle);
    rightLayout->addWidget(m_detailSummary);
    rightLayout->addWidget(new QLabel(tr("Enrolment photos:"), right));
    rightLayout->addWidget(m_photos);
    rightLayout->addWidget(new QLabel(tr("Attendance history:"), right));
    rightLayout->addWidget(history, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_classes, &ClassComboBox::classChanged, this, &StudentsView::loadClass);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_showInactive, &QCheckBox::toggled, m_proxy, &StudentFilterModel::setShowInactive);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        showDetails();
    });
    connect(m_table, &QTableView::doubleClicked, this, &StudentsView::editSelected);
    connect(m_edit, &QPushButton::clicked, this, &StudentsView::editSelected);
    connect(m_move, &QPushButton::clicked, this, &StudentsView::moveSelected);
    connect(m_active, &QPushButton::clicked, this, &StudentsView::toggleActiveSelected);
    connect(m_delete, &QPushButton::clicked, this, &StudentsView::deleteSelected);
    updateButtons();
    showDetails();
}

QString StudentsView::currentClassId() const
{
    return m_classes->currentClassId();
}

QString StudentsView::selectedStudentUuid() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(StudentTableModel::UuidRole).toString();
}

void StudentsView::refresh()
{
    m_classes->reload();
    loadClass();
}

void StudentsView::loadClass()
{
    if (!m_database)
        return;
    const QString classId = m_classes->currentClassId();
    const QString keep = selectedStudentUuid();
    Database *db = m_database;
    ++m_loading;
    struct Loaded
    {
        Result<QList<Student>> students;
        Result<ClassAttendance> attendance;
    };
    runInBackground(
        this,
        [db, classId] {
            if (classId.isEmpty())
                return Loaded { QList<Student>(), ClassAttendance() };
            return Loaded { StudentRepository(*db).list(classId, true), ClassAttendance::compute(*db, classId) };
        },
        [this, classId, keep](const Loaded &loaded) {
            --m_loading;
            if (classId != m_classes->currentClassId())
                return; // a newer load is on its way
            m_model->setStudents(loaded.students ? loaded.students.value() : QList<Student>());
            m_attendance = loaded.attendance ? loaded.attendance.value() : ClassAttendance();
            QHash<QString, double> percent;
            for (const ClassAttendance::Student &s : m_attendance.students)
                percent.insert(s.uuid, s.percent);
            m_model->setAttendance(percent, Settings().integer(Settings::Key::AttendanceThreshold));
            if (!loaded.students)
                m_detailSummary->setText(loaded.students.error().message());
            const int row = m_model->rowOfUuid(keep);
            if (row >= 0)
                m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
            updateButtons();
            showDetails();
            Q_EMIT loadFinished();
        });
}

void StudentsView::updateButtons()
{
    const QString uuid = selectedStudentUuid();
    const Student *s = m_model->student(m_model->rowOfUuid(uuid));
    for (QPushButton *b : { m_edit, m_move, m_active, m_delete })
        b->setEnabled(s != nullptr);
    m_active->setText(s && !s->active ? tr("Re&activate") : tr("&Deactivate"));
}

void StudentsView::showDetails()
{
    const QString uuid = selectedStudentUuid();
    const Student *s = m_model->student(m_model->rowOfUuid(uuid));
    m_photos->clear();
    m_history->setRowCount(0);
    const int generation = ++m_detailsGeneration;
    if (!s) {
        m_detailTitle->setText(m_model->rowCount() == 0 ? tr("No students in this class yet") : QString());
        m_detailSummary->setText(m_model->rowCount() == 0
                                     ? tr("Register students (Students ▸ Register student…) to mark this class "
                                          "from a photo.")
                                     : tr("Select a student to see their photos and attendance."));
        return;
    }
    m_detailTitle->setText(tr("%1 (%2)").arg(s->name, s->studentId));
    const int row = m_attendance.studentRow.value(uuid, -1);
    if (row >= 0) {
        const ClassAttendance::Student &stat = m_attendance.students.at(row);
        m_detailSummary->setText(stat.percent < 0 ? tr("No attendance taken yet.")
                                                  : tr("Attendance %1 % (%2 of %3 sessions).")
                                                        .arg(stat.percent, 0, 'f', 0)
                                                        .arg(stat.attended)
                                                        .arg(stat.counted));
        for (auto it = stat.history.crbegin(); it != stat.history.crend(); ++it) {
            auto *status = new QStandardItem(StatusText::label(it->status));
            status->setForeground(StatusText::colour(it->status));
            m_history->appendRow({ new QStandardItem(QLocale().toString(it->date, QLocale::ShortFormat)),
                                   new QStandardItem(it->period), status });
        }
    } else {
        m_detailSummary->clear();
    }
    if (!s->email.isEmpty())
        m_detailSummary->setText(m_detailSummary->text() + QLatin1Char('\n') + s->email);

    // Enrolment crops come from the photo store: off the GUI thread.
    Database *db = m_database;
    runInBackground(
        this,
        [db, uuid] {
            QList<QImage> images;
            PhotoStore store;
            EnrolmentRepository enrolments(*db, store);
            const Result<QList<EnrolmentPhoto>> photos = enrolments.photos(uuid);
            if (!photos)
                return images;
            for (const EnrolmentPhoto &photo : photos.value()) {
                const Result<QByteArray> data = store.read(photo.photoHash);
                QImage image;
                if (data && image.loadFromData(data.value()))
                    images.append(image.scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation));
            }
            return images;
        },
        [this, generation](const QList<QImage> &images) {
            if (generation != m_detailsGeneration)
                return;
            for (const QImage &image : images)
                m_photos->addItem(new QListWidgetItem(QIcon(QPixmap::fromImage(image)), QString()));
            if (images.isEmpty())
                m_photos->addItem(tr("No enrolment photos"));
        });
}

void StudentsView::editSelected()
{
    const Student *s = m_model->student(m_model->rowOfUuid(selectedStudentUuid()));
    if (!s)
        return;
    auto *dialog = new StudentEditDialog(m_database, *s, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StudentEditDialog::studentChanged, this, &StudentsView::dataChanged);
    dialog->open();
}

void StudentsView::moveSelected()
{
    const QString uuid = selectedStudentUuid();
    const Student *s = m_model->student(m_model->rowOfUuid(uuid));
    if (!s)
        return;
    QStringList names;
    QStringList ids;
    for (int i = 0; i < m_classes->count(); ++i) {
        if (m_classes->itemData(i).toString() == m_classes->currentClassId())
            continue;
        names << m_classes->itemText(i);
        ids << m_classes->itemData(i).toString();
    }
    if (ids.isEmpty()) {
        QMessageBox::information(this, tr("Move student"), tr("There is no other class to move to."));
        return;
    }
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("moveStudentDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Move student"));
    dialog->setLabelText(tr("Move %1 to:").arg(s->name));
    dialog->setComboBoxItems(names);
    const QString fromClass = m_classes->currentClassId();
    connect(dialog, &QInputDialog::textValueSelected, this, [this, names, ids, uuid, fromClass](const QString &text) {
        const QString toClass = ids.value(names.indexOf(text));
        Database *db = m_database;
        runInBackground(
            this,
            [db, uuid, toClass, fromClass] { return StudentRepository(*db).moveToClass(uuid, toClass, fromClass); },
            [this](const Status &moved) {
                if (!moved)
                    QMessageBox::warning(this, tr("Move student"), moved.error().message());
                Q_EMIT dataChanged();
            });
    });
    dialog->open();
}

void StudentsView::toggleActiveSelected()
{
    const QString uuid = selectedStudentUuid();
    const Student *s = m_model->student(m_model->rowOfUuid(uuid));
    if (!s)
        return;
    const bool active = !s->active;
    Database *db = m_database;
    runInBackground(
        this, [db, uuid, active] { return StudentRepository(*db).setActive(uuid, active); },
        [this](const Status &done) {
            if (!done)
                QMessageBox::warning(this, tr("Students"), done.error().message());
            Q_EMIT dataChanged();
        });
}

void StudentsView::deleteSelected()
{
    const QString uuid = selectedStudentUuid();
    const Student *s = m_model->student(m_model->rowOfUuid(uuid));
    if (!s)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete student"),
                                tr("Delete %1 (%2)?\n\nTheir enrolment photos and face data are removed and their "
                                   "name is forgotten. Past attendance records stay, without the name. This cannot "
                                   "be undone.")
                                    .arg(s->name, s->studentId),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteStudentConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QPushButton::clicked, this, [this, uuid] {
        Database *db = m_database;
        runInBackground(
            this,
            [db, uuid] {
                PhotoStore store;
                return StudentRepository(*db, &store).forget(uuid);
            },
            [this](const Status &done) {
                if (!done)
                    QMessageBox::warning(this, tr("Delete student"), done.error().message());
                Q_EMIT dataChanged();
            });
    });
    box->open();
}

} // namespace rollcall
