#include "GettingStartedPage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rollcall {

GettingStartedPage::GettingStartedPage(QWidget *parent)
    : QWidget(parent)
    , m_guide(new QLabel(this))
{
    setObjectName(QStringLiteral("gettingStarted"));
    auto *title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Getting started")), this);
    auto *intro = new QLabel(tr("Four steps take RollCall from an empty register to a first attendance session. "
                                "Each is ticked once it is done; this page gives way to the dashboard when a "
                                "class has its first session."),
                             this);
    intro->setWordWrap(true);

    struct StepText
    {
        QString button;
        QString help;
        const char *name;
    };
    const QList<StepText> steps {
        { tr("Create a class…"), tr("A class holds its students and its sessions (code, name, term)."),
          "stepCreateClass" },
        { tr("Import a roster…"),
          tr("Students from a CSV or Excel file; with a folder of photos named by student ID, they are enrolled at "
             "once."),
          "stepImportRoster" },
        { tr("Register a student…"),
          tr("One student with 3–5 photos from the webcam or files; bad captures are refused with a reason."),
          "stepRegisterStudent" },
        { tr("Mark attendance…"),
          tr("Load a classroom photo: RollCall finds the faces, names the students; you check and save."),
          "stepMarkAttendance" },
    };
    auto *grid = new QGridLayout;
    grid->setColumnStretch(2, 1);
    for (int i = 0; i < steps.size(); ++i) {
        Row row;
        row.tick = new QLabel(this);
        row.tick->setObjectName(QLatin1String(steps[i].name) + QStringLiteral("Tick"));
        row.tick->setMinimumWidth(24);
        row.button = new QPushButton(steps[i].button, this);
        row.button->setObjectName(QLatin1String(steps[i].name));
        auto *help = new QLabel(steps[i].help, this);
        help->setWordWrap(true);
        grid->addWidget(row.tick, i, 0);
        grid->addWidget(row.button, i, 1);
        grid->addWidget(help, i, 2);
        const auto step = Step(i);
        connect(row.button, &QPushButton::clicked, this, [this, step] { Q_EMIT stepRequested(step); });
        m_rows.append(row);
    }

    m_guide->setObjectName(QStringLiteral("userGuideLink"));
    m_guide->setOpenExternalLinks(true);
    const QUrl guide = userGuideUrl();
    m_guide->setText(guide.isEmpty() ? tr("The user guide is docs/ui.md in RollCall's sources.")
                                     : QStringLiteral("<a href=\"%1\">%2</a>")
                                           .arg(guide.toString(QUrl::FullyEncoded), tr("Open the user guide")));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(12);
    layout->addLayout(grid);
    layout->addSpacing(12);
    layout->addWidget(m_guide);
    layout->addStretch(1);
    setProgress({});
}

QUrl GettingStartedPage::userGuideUrl()
{
    const QString path = QDir(QCoreApplication::applicationDirPath())
                             .absoluteFilePath(QStringLiteral("../share/doc/rollcall/user-guide.md"));
    return QFileInfo::exists(path) ? QUrl::fromLocalFile(QDir::cleanPath(path)) : QUrl();
}

void GettingStartedPage::setProgress(const SetupProgress &progress)
{
    const bool done[]
        = { progress.classes > 0, progress.students > 0, progress.enrolledStudents > 0, progress.sessions > 0 };
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        row.done = done[i];
        row.tick->setText(row.done ? QStringLiteral("✔") : QStringLiteral("○"));
        row.tick->setToolTip(row.done ? tr("Done") : tr("Not done yet"));
    }
    // Nothing to import into, register into or mark without a class.
    for (int i = 1; i < m_rows.size(); ++i)
        m_rows[i].button->setEnabled(progress.classes > 0);
}

bool GettingStartedPage::isDone(Step step) const
{
    return m_rows.at(int(step)).done;
}

QPushButton *GettingStartedPage::button(Step step) const
{
    return m_rows.at(int(step)).button;
}

} // namespace rollcall
