#pragma once

#include <QMessageBox>

#include <functional>

namespace rollcall {

class DataFolder;

// Shown when RollCall starts on a data folder another process owns (a second GUI, a CLI
// command still running): names the holder and offers to bring a RollCall window to the
// front, to try again, or to quit. Two RollCalls never work on one database.
class DataFolderBusyDialog : public QMessageBox
{
    Q_OBJECT

public:
    enum class Choice { BringToFront, TryAgain, Quit };
    using Chooser = std::function<Choice(DataFolderBusyDialog &)>;

    DataFolderBusyDialog(const QString &reason, bool canBringToFront, QWidget *parent = nullptr);
    Choice choice() const;

    // Claims folder for this GUI, asking while it is busy; false: the user chose to quit
    // (or to bring the other RollCall to the front). chooser answers the dialog instead of
    // a person (tests); empty: exec().
    static bool claim(DataFolder &folder, const Chooser &chooser = {});

private:
    QAbstractButton *m_front = nullptr;
    QAbstractButton *m_retry = nullptr;
};

} // namespace rollcall
