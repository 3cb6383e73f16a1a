#include "help/AboutDialog.h"

#include "Icons.h"
#include "common/AppPaths.h"
#include "vision/BuildInfo.h"
#include "help/ModelLicencesDialog.h"
#include "vision/ComputeDevice.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace rollcall {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("AboutDialog"));
    setWindowTitle(tr("About RollCall"));

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::application().pixmap(QSize(96, 96)));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(tr("<h2>RollCall %1</h2>").arg(BuildInfo::version()), this);
    title->setObjectName(QStringLiteral("aboutTitle"));

    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setOpenExternalLinks(true);
    text->setText(tr("<p>Class attendance from a single classroom photo.</p>"
                     "<p>Built with Qt %1, OpenCV %2 and dlib %3.<br>Compute device: %4</p>"
                     "<p>Data folder: %5<br>Models folder: %6</p>"
                     "<p>Faces are recognised on this computer; no photo leaves it unless you "
                     "set up synchronisation with your department's server.</p>"
                     "<p>RollCall is built on open-source libraries and models; "
                     "see <b>Licences</b> for what each one allows.</p>")
                      .arg(BuildInfo::qtVersion(), BuildInfo::openCvVersion(), BuildInfo::dlibVersion(),
                           ComputeDevice::current().description().toHtmlEscaped(), AppPaths::dataDir().toHtmlEscaped(),
                           AppPaths::modelsDir().toHtmlEscaped()));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *licences = buttons->addButton(tr("&Licences…"), QDialogButtonBox::ActionRole);
    licences->setObjectName(QStringLiteral("licencesButton"));
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::ActionRole);
    aboutQt->setObjectName(QStringLiteral("aboutQtButton"));
    connect(licences, &QPushButton::clicked, this, &AboutDialog::showLicences);
    connect(aboutQt, &QPushButton::clicked, this, [] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(title);
    textColumn->addWidget(text, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addLayout(textColumn, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

void AboutDialog::showLicences()
{
    auto *dialog = new ModelLicencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace rollcall
