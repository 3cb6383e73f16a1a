#include "startup/DataFolderBusyDialog.h"

#include "startup/InstanceBeacon.h"
#include "storage/DataFolder.h"

#include <QAbstractButton>
#include <QDir>
#include <QPushButton>

namespace rollcall {

DataFolderBusyDialog::DataFolderBusyDialog(const QString &reason, bool canBringToFront, QWidget *parent)
    : QMessageBox(QMessageBox::Warning, tr("RollCall is already running"), reason, QMessageBox::NoButton, parent)
{
    setObjectName(QStringLiteral("dataFolderBusyDialog"));
    setInformativeText(canBringToFront ? tr("Switch to the RollCall that is open, or quit this one.")
                                       : tr("Wait until the other program has finished, then try again."));
    if (canBringToFront) {
        m_front = addButton(tr("Bring it to the front"), QMessageBox::AcceptRole);
        m_front->setObjectName(QStringLiteral("bringToFrontButton"));
    }
    m_retry = addButton(tr("Try again"), QMessageBox::ActionRole);
    m_retry->setObjectName(QStringLiteral("tryAgainButton"));
    QAbstractButton *quit = addButton(tr("Quit"), QMessageBox::RejectRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    setDefaultButton(qobject_cast<QPushButton *>(m_front ? m_front : m_retry));
    setEscapeButton(quit);
}

DataFolderBusyDialog::Choice DataFolderBusyDialog::choice() const
{
    if (m_front && clickedButton() == m_front)
        return Choice::BringToFront;
    if (clickedButton() == m_retry)
        return Choice::TryAgain;
    return Choice::Quit;
}

bool DataFolderBusyDialog::claim(DataFolder &folder, const Chooser &chooser)
{
    for (;;) {
        const Status claimed = folder.claim(0);
        if (claimed)
            return true;
        const bool canBringToFront = InstanceBeacon::isListening(folder.dir());
        DataFolderBusyDialog dialog(claimed.error().message(), canBringToFront);
        Choice choice = Choice::Quit;
        if (chooser) {
            choice = chooser(dialog);
        } else {
            dialog.exec();
            choice = dialog.choice();
        }
        switch (choice) {
        case Choice::BringToFront:
            InstanceBeacon::requestRaise(folder.dir());
            return false;
        case Choice::TryAgain:
            continue;
        case Choice::Quit:
            return false;
        }
    }
}

} // namespace rollcall
