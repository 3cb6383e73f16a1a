#include "reports/RosterImportDialog.h"

#include "reports/RosterPreviewModel.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace rollcall {

RosterImportDialog::RosterImportDialog(Database *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setWindowTitle(tr("Import roster"));
    setObjectName(QStringLiteral("RosterImportDialog"));
    resize(820, 520);

    m_class = new QComboBox(this);
    m_class->setObjectName(QStringLiteral("classCombo"));
    if (m_database) {
        const auto classes = ClassRepository(*m_database).list();
        if (classes) {
            for (const ClassInfo &c : *classes)
                m_class->addItem(c.name.isEmpty() ? c.code : QStringLiteral("%1 — %2").arg(c.code, c.name), c.id);
        }
    }
    connect(m_class, &QComboBox::currentIndexChanged, this, &RosterImportDialog::refreshPreview);

    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("fileEdit"));
    m_file->setReadOnly(true);
    m_file->setPlaceholderText(tr("A .csv or .xlsx file with columns ID, Name and optionally Email"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    connect(browse, &QPushButton::clicked, this, &RosterImportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Class:"), m_class);
    form->addRow(tr("&File:"), fileRow);

    m_model = new RosterPreviewModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RosterPreviewModel::RowColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_skipBad = new QCheckBox(tr("&Skip the rejected rows and import the others"), this);
    m_skipBad->setObjectName(QStringLiteral("skipBadCheck"));
    connect(m_skipBad, &QCheckBox::toggled, this, &RosterImportDialog::updateButtons);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    connect(m_importButton, &QPushButton::clicked, this, &RosterImportDialog::startImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &RosterImportDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &RosterImportDialog::onImportDone);

    m_confirm = [this](int rejected, int written) {
        return QMessageBox::question(
                   this, tr("Skip rejected rows?"),
                   tr("%n row(s) of the file are rejected and will not be imported.", nullptr, rejected)
                       + QLatin1Char(' ') + tr("Import the other %n row(s)?", nullptr, written))
            == QMessageBox::Yes;
    };

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_skipBad);
    layout->addWidget(buttons);
    if (!m_database)
        m_summary->setText(tr("The database is not open."));
    updateButtons();
}

RosterImportDialog::~RosterImportDialog()
{
    m_watcher.waitForFinished();
}

QString RosterImportDialog::classId() const
{
    return m_class->currentData().toString();
}

void RosterImportDialog::selectClass(const QString &classCode)
{
    for (int i = 0; i < m_class->count(); ++i) {
        if (m_class->itemText(i) == classCode || m_class->itemText(i).startsWith(classCode + QStringLiteral(" — ")))
            m_class->setCurrentIndex(i);
    }
}

const RosterPreview &RosterImportDialog::preview() const
{
    return m_model->preview();
}

void RosterImportDialog::browse()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("reports/lastRosterDir")).toString();
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Roster file"), dir, tr("Rosters (*.csv *.xlsx);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("reports/lastRosterDir"), QFileInfo(path).absolutePath());
    loadFile(path);
}

bool RosterImportDialog::loadFile(const QString &path)
{
    m_file->setText(QDir::toNativeSeparators(path));
    auto rows = RosterImporter::readFile(path);
    if (!rows) {
        m_rows.clear();
        m_model->setPreview({});
        m_summary->setText(tr("Cannot read the file: %1").arg(rows.error().message()));
        updateButtons();
        return false;
    }
    m_rows = *rows;
    refreshPreview();
    return true;
}

void RosterImportDialog::refreshPreview()
{
    if (!m_database || m_rows.isEmpty() || classId().isEmpty()) {
        m_model->setPreview({});
        updateButtons();
        return;
    }
    auto existing = RosterImporter::existingStudents(*m_database, classId());
    if (!existing) {
        m_summary->setText(existing.error().message());
        return;
    }
    const RosterPreview p = RosterImporter::preview(m_rows, *existing);
    m_model->setPreview(p);
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("%1 to add, %2 to update, %3 unchanged, %4 rejected.")
                           .arg(p.count(RosterPreview::Action::Add))
                           .arg(p.count(RosterPreview::Action::Update))
                           .arg(p.count(RosterPreview::Action::Unchanged))
                           .arg(p.count(RosterPreview::Action::Reject)));
    m_skipBad->setChecked(false);
    updateButtons();
}

void RosterImportDialog::updateButtons()
{
    const RosterPreview &p = m_model->preview();
    const bool busy = m_watcher.isRunning();
    m_skipBad->setEnabled(!busy && p.hasRejections());
    m_importButton->setEnabled(!busy && m_database && p.writeCount() > 0
                               && (!p.hasRejections() || m_skipBad->isChecked()));
    m_class->setEnabled(!busy);
}

void RosterImportDialog::startImport()
{
    const RosterPreview &p = m_model->preview();
    if (!m_database || isImporting() || p.writeCount() == 0)
        return;
    const bool skip = p.hasRejections();
    if (skip && (!m_skipBad->isChecked() || !m_confirm(p.count(RosterPreview::Action::Reject), p.writeCount())))
        return;
    Database *db = m_database;
    const QString cls = classId();
    const QList<RosterImporter::Row> rows = m_rows;
    m_summary->setText(tr("Importing…"));
    m_watcher.setFuture(QtConcurrent::run([db, cls, rows, skip] {
        auto outcome = RosterImporter::apply(*db, cls, rows, skip);
        db->releaseThreadConnection(); // pool threads outlive the dialog
        return outcome;
    }));
    updateButtons();
}

void RosterImportDialog::onImportDone()
{
    const Result<RosterImporter::Outcome> outcome = m_watcher.result();
    if (!outcome) {
        m_summary->setText(tr("Nothing was imported: %1").arg(outcome.error().message()));
        updateButtons();
        Q_EMIT importFailed(outcome.error().message());
        return;
    }
    m_summary->setText(tr("Imported: %1 added, %2 updated, %3 unchanged, %4 skipped.")
                           .arg(outcome->added)
                           .arg(outcome->updated)
                           .arg(outcome->unchanged)
                           .arg(outcome->skipped));
    Q_EMIT imported(outcome->added, outcome->updated, outcome->unchanged, outcome->skipped);
    refreshPreview(); // now shows the rows as unchanged
    m_summary->setText(tr("Imported: %1 added, %2 updated, %3 unchanged, %4 skipped.")
                           .arg(outcome->added)
                           .arg(outcome->updated)
                           .arg(outcome->unchanged)
                           .arg(outcome->skipped));
}

} // namespace rollcall
