#include "MainWindow.h"

#include "common/AppPaths.h"
#include "common/BuildInfo.h"
#include "help/AboutDialog.h"
#include "help/ModelLicencesDialog.h"
#include "models/ModelRegistry.h"
#include "vision/ComputeDevice.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace rollcall {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("RollCall"));
    setObjectName(QStringLiteral("MainWindow"));
    createMenus();

    m_databaseLabel = new QLabel(this);
    m_modelsLabel = new QLabel(this);
    m_deviceLabel = new QLabel(this);
    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_modelsLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    updateStatusBar();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("MainWindow/geometry")).toByteArray()))
        resize(1100, 750);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(tr("&About RollCall"), this, &MainWindow::showAbout);
    help->addAction(tr("Model &licences…"), this, [this] { ModelLicencesDialog(this).exec(); });
}

void MainWindow::updateStatusBar()
{
    m_databaseLabel->setText(tr("Database: %1").arg(AppPaths::databasePath()));
    const ModelRegistry registry(AppPaths::modelsDir());
    int missing = 0;
    for (const ModelDescriptor &d : registry.descriptors()) {
        if (d.required && registry.verify(d) != ModelRegistry::FileState::Ok)
            ++missing;
    }
    m_modelsLabel->setText(missing == 0 ? tr("Models: ok") : tr("Models: %n missing", nullptr, missing));
    m_deviceLabel->setText(tr("Device: %1").arg(ComputeDevice::current().description()));
}

void MainWindow::showAbout()
{
    AboutDialog(this).exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("MainWindow/geometry"), saveGeometry());
    event->accept();
}

} // namespace rollcall
