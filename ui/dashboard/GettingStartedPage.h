#pragma once

#include "storage/SetupProgress.h"

#include <QList>
#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;

namespace rollcall {

// What an empty register shows instead of the dashboard: the four steps from a
// fresh install to a first session (create a class, import a roster with photos,
// register a student with the webcam, mark attendance), each a button, each ticked
// once the register shows it done, and a link to the user guide.
class GettingStartedPage : public QWidget
{
    Q_OBJECT

public:
    enum class Step { CreateClass, ImportRoster, RegisterStudent, MarkAttendance };

    explicit GettingStartedPage(QWidget *parent = nullptr);

    void setProgress(const SetupProgress &progress);
    bool isDone(Step step) const;
    QPushButton *button(Step step) const;
    // The installed user guide (share/doc/rollcall/user-guide.md next to the
    // program); empty when it is not installed (a build tree).
    static QUrl userGuideUrl();

Q_SIGNALS:
    void stepRequested(rollcall::GettingStartedPage::Step step);

private:
    struct Row
    {
        QLabel *tick = nullptr;
        QPushButton *button = nullptr;
        bool done = false;
    };
    QList<Row> m_rows;
    QLabel *m_guide;
};

} // namespace rollcall
