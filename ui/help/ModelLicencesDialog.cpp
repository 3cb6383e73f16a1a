#include "help/ModelLicencesDialog.h"

#include "common/AppPaths.h"
#include "vision/BuildInfo.h"
#include "models/ModelRegistry.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rollcall {
namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void appendRow(QTableWidget *table, const QStringList &cells, const QString &toolTip = {})
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        item->setToolTip(toolTip.isEmpty() ? cells.at(column) : toolTip);
        table->setItem(row, column, item);
    }
}

} // namespace

ModelLicencesDialog::ModelLicencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("ModelLicencesDialog"));
    setWindowTitle(tr("Model and library licences"));

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("licenceTabs"));

    auto *modelsPage = new QWidget(tabs);
    auto *modelsLayout = new QVBoxLayout(modelsPage);
    modelsLayout->addWidget(createModelsTable(), 1);
    auto *facenetNote = new QLabel(modelsPage);
    facenetNote->setObjectName(QStringLiteral("facenetNote"));
    facenetNote->setWordWrap(true);
    facenetNote->setText(
        tr("<p><b>Facenet512</b> is not shipped with RollCall: you supply the file. The Keras weights distributed "
           "by deepface are under the MIT licence, as are facenet-pytorch's; conversions made by others may come "
           "with other terms. <b>Check the licence of the file you supply</b> before using it.</p>"
           "<p>The photos of students you register are personal data: your institution decides who may "
           "see them and for how long they are kept.</p>"));
    modelsLayout->addWidget(facenetNote);
    tabs->addTab(modelsPage, tr("Models"));

    tabs->addTab(createLibrariesTable(), tr("Libraries"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(820, 520);
}

QTableWidget *ModelLicencesDialog::createModelsTable()
{
    QTableWidget *table = makeTable({ tr("Model"), tr("File"), tr("Licence"), tr("Installed") }, this);
    table->setObjectName(QStringLiteral("modelsTable"));
    // Presence only: hashing large files does not belong on the GUI thread.
    const ModelRegistry registry(AppPaths::modelsDir());
    bool haveFacenet = false;
    for (const ModelDescriptor &d : registry.descriptors()) {
        haveFacenet = haveFacenet || d.id.contains(QLatin1String("facenet"), Qt::CaseInsensitive);
        const bool present = QFileInfo::exists(registry.filePath(d));
        appendRow(table, { d.name, d.fileName, d.licence, present ? tr("yes") : tr("no") },
                  d.source.isEmpty() ? QString() : tr("Source: %1").arg(d.source));
    }
    if (!haveFacenet) {
        for (const Entry &e : extraModels())
            appendRow(table, { e.name, QString(), e.licence, tr("no") }, e.note);
    }
    table->resizeColumnsToContents();
    return table;
}

QTableWidget *ModelLicencesDialog::createLibrariesTable()
{
    QTableWidget *table = makeTable({ tr("Library"), tr("Licence"), tr("Notes") }, this);
    table->setObjectName(QStringLiteral("librariesTable"));
    for (const Entry &e : libraries())
        appendRow(table, { e.name, e.licence, e.note }, e.url);
    table->resizeColumnsToContents();
    return table;
}

QList<ModelLicencesDialog::Entry> ModelLicencesDialog::libraries()
{
    return {
        { QStringLiteral("Qt %1").arg(BuildInfo::qtVersion()), QStringLiteral("LGPL-3.0"),
          tr("Core, GUI, Widgets, SQL, Network, Concurrent, SVG and Multimedia modules"),
          QStringLiteral("https://www.qt.io/licensing/open-source-lgpl-obligations") },
        { QStringLiteral("Qt Charts"), QStringLiteral("GPL-3.0"),
          tr("The open-source edition of Qt Charts (attendance dashboard) is under the GPL v3"),
          QStringLiteral("https://doc.qt.io/qt-6/qtcharts-index.html") },
        { QStringLiteral("OpenCV %1").arg(BuildInfo::openCvVersion()), QStringLiteral("Apache-2.0"),
          tr("Image decoding, YuNet face proposals, ONNX embedders"), QStringLiteral("https://opencv.org/license/") },
        { QStringLiteral("dlib %1").arg(BuildInfo::dlibVersion()), QStringLiteral("BSL-1.0"),
          tr("Boost Software Licence; CNN face detector, landmarks, ResNet embeddings"),
          QStringLiteral("http://dlib.net/license.html") },
        { QStringLiteral("OpenBLAS"), QStringLiteral("BSD-3-Clause"), tr("Linear algebra used by dlib"),
          QStringLiteral("https://www.openblas.net/") },
        { QStringLiteral("libxlsxwriter"), QStringLiteral("BSD-2-Clause"), tr("Excel export"),
          QStringLiteral("https://libxlsxwriter.github.io/license.html") },
        { QStringLiteral("minizip"), QStringLiteral("Zlib"), tr("Zip archives: reading .xlsx rosters"),
          QStringLiteral("https://github.com/madler/zlib/tree/master/contrib/minizip") },
        { QStringLiteral("QtKeychain"), QStringLiteral("BSD-3-Clause"),
          tr("Stores the central database password in the system keychain"),
          QStringLiteral("https://github.com/frankosterfeld/qtkeychain") },
        { QStringLiteral("zlib"), QStringLiteral("Zlib"), tr("Compression, used by minizip and libxlsxwriter"),
          QStringLiteral("https://zlib.net/zlib_license.html") },
    };
}

QList<ModelLicencesDialog::Entry> ModelLicencesDialog::extraModels()
{
    return {
        { QStringLiteral("Facenet512 (ONNX)"), tr("MIT (deepface, facenet-pytorch); check your file"),
          tr("Optional embedder, supplied by you; check the licence of the file you supply"), QString() },
    };
}

} // namespace rollcall
