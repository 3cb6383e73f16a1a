#include "DashboardView.h"

#include "common/Settings.h"
#include "storage/Database.h"
#include "util/Background.h"
#include "util/ClassComboBox.h"
#include "util/TableSetup.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace rollcall {

namespace {
// Pixels per student in the per-student chart: a name at the axis font stays whole.
constexpr int kStudentRowHeight = 22;
} // namespace

DashboardView::DashboardView(Database *database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_classes(new ClassComboBox(database, this))
    , m_summary(new QLabel(this))
    , m_studentChart(new QChartView(this))
    , m_sessionChart(new QChartView(this))
    , m_below(new QStandardItemModel(0, 3, this))
    , m_belowTable(new QTableView(this))
{
    setObjectName(QStringLiteral("dashboardView"));
    m_classes->setObjectName(QStringLiteral("dashboardClassCombo"));
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setWordWrap(true);
    m_studentChart->setObjectName(QStringLiteral("studentChart"));
    m_sessionChart->setObjectName(QStringLiteral("sessionChart"));
    m_belowTable->setObjectName(QStringLiteral("belowThresholdTable"));
    for (QChartView *view : { m_studentChart, m_sessionChart }) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
    }
    m_below->setHorizontalHeaderLabels({ tr("Student ID"), tr("Name"), tr("Attendance") });
    m_belowTable->setModel(m_below);
    TableSetup::apply(m_belowTable, 1);
    m_belowTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_belowTable->setSortingEnabled(true);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Class:"), this));
    top->addWidget(m_classes);
    top->addWidget(m_summary, 1);

    auto *below = new QWidget(this);
    auto *belowLayout = new QVBoxLayout(below);
    belowLayout->setContentsMargins(0, 0, 0, 0);
    auto *belowLabel = new QLabel(tr("Students below the attendance threshold:"), below);
    belowLabel->setObjectName(QStringLiteral("belowThresholdLabel"));
    belowLayout->addWidget(belowLabel);
    belowLayout->addWidget(m_belowTable, 1);

    auto *rightSplit = new QSplitter(Qt::Vertical, this);
    rightSplit->addWidget(m_sessionChart);
    rightSplit->addWidget(below);
    // A real class (60–120 students) gets one readable row per student: the chart
    // grows with the class and scrolls, the window does not.
    auto *studentScroll = new QScrollArea(this);
    studentScroll->setObjectName(QStringLiteral("studentChartScroll"));
    studentScroll->setWidgetResizable(true);
    studentScroll->setFrameShape(QFrame::NoFrame);
    studentScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    studentScroll->setWidget(m_studentChart);
    auto *split = new QSplitter(this);
    split->addWidget(studentScroll);
    split->addWidget(rightSplit);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({ 560, 820 });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_classes, &ClassComboBox::classChanged, this, &DashboardView::load);
    showAttendance();
}

void DashboardView::refresh()
{
    m_classes->reload();
    load();
}

void DashboardView::load()
{
    if (!m_database)
        return;
    Database *db = m_database;
    const QString classId = m_classes->currentClassId();
    const int generation = ++m_generation;
    ++m_loading;
    runInBackground(
        this, [db, classId] { return ClassAttendance::compute(*db, classId); },
        [this, generation](const Result<ClassAttendance> &result) {
            --m_loading;
            if (generation != m_generation)
                return;
            m_attendance = result ? result.value() : ClassAttendance();
            showAttendance();
            if (!result)
                m_summary->setText(result.error().message());
            Q_EMIT loadFinished();
        });
}

void DashboardView::showAttendance()
{
    const int threshold = Settings().integer(Settings::Key::AttendanceThreshold);

    // Per student: horizontal bars, lowest first so problems are on top.
    QList<ClassAttendance::Student> students;
    for (const ClassAttendance::Student &s : m_attendance.students) {
        if (s.active && s.percent >= 0)
            students.append(s);
    }
    std::sort(students.begin(), students.end(), [](const auto &a, const auto &b) { return a.percent > b.percent; });
    auto *studentChart = new QChart;
    studentChart->setTitle(tr("Attendance per student (%)"));
    studentChart->legend()->hide();
    auto *ok = new QBarSet(tr("At or above %1 %").arg(threshold));
    auto *low = new QBarSet(tr("Below %1 %").arg(threshold));
    ok->setColor(QColor(0x43, 0xa0, 0x47));
    low->setColor(QColor(0xe5, 0x39, 0x35));
    QStringList names;
    for (const ClassAttendance::Student &s : students) {
        names << s.name;
        *ok << (s.percent >= threshold ? s.percent : 0.0);
        *low << (s.percent < threshold ? s.percent : 0.0);
    }
    auto *bars = new QHorizontalStackedBarSeries;
    bars->setBarWidth(0.8);
    bars->append(ok);
    bars->append(low);
    studentChart->addSeries(bars);
    auto *nameAxis = new QBarCategoryAxis;
    nameAxis->append(names);
    QFont small = nameAxis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    nameAxis->setLabelsFont(small);
    auto *percentAxis = new QValueAxis;
    percentAxis->setRange(0, 100);
    percentAxis->setLabelFormat(QStringLiteral("%d"));
    studentChart->addAxis(nameAxis, Qt::AlignLeft);
    studentChart->addAxis(percentAxis, Qt::AlignBottom);
    bars->attachAxis(nameAxis);
    bars->attachAxis(percentAxis);
    // Stacked on one row each: only one of the two sets is non-zero per student.
    bars->setLabelsVisible(false);
    QChart *oldStudent = m_studentChart->chart();
    m_studentChart->setChart(studentChart);
    delete oldStudent;
    m_studentChart->setMinimumHeight(std::max(220, int(names.size()) * kStudentRowHeight + 90));

    // Per session: a line over time.
    auto *sessionChart = new QChart;
    sessionChart->setTitle(tr("Attendance per session (%)"));
    sessionChart->legend()->hide();
    auto *line = new QLineSeries;
    auto *points = new QScatterSeries;
    points->setMarkerSize(7);
    for (const ClassAttendance::Session &s : m_attendance.sessions) {
        const qreal x = QDateTime(s.date, QTime(12, 0)).toMSecsSinceEpoch();
        line->append(x, s.percent);
        points->append(x, s.percent);
    }
    auto *thresholdLine = new QLineSeries;
    thresholdLine->setName(tr("Threshold"));
    QPen dashed(QColor(0xe5, 0x39, 0x35));
    dashed.setStyle(Qt::DashLine);
    thresholdLine->setPen(dashed);
    sessionChart->addSeries(line);
    sessionChart->addSeries(points);
    sessionChart->addSeries(thresholdLine);
    auto *dateAxis = new QDateTimeAxis;
    dateAxis->setFormat(QLocale().dateFormat(QLocale::ShortFormat));
    QDate first
        = m_attendance.sessions.isEmpty() ? QDate::currentDate().addDays(-7) : m_attendance.sessions.first().date;
    QDate last = m_attendance.sessions.isEmpty() ? QDate::currentDate() : m_attendance.sessions.last().date;
    if (first == last) {
        first = first.addDays(-1);
        last = last.addDays(1);
    }
    dateAxis->setRange(QDateTime(first, QTime(0, 0)), QDateTime(last, QTime(23, 59)));
    dateAxis->setTickCount(std::clamp(int(m_attendance.sessions.size()), 2, 8));
    thresholdLine->append(QDateTime(first, QTime(0, 0)).toMSecsSinceEpoch(), threshold);
    thresholdLine->append(QDateTime(last, QTime(23, 59)).toMSecsSinceEpoch(), threshold);
    auto *valueAxis = new QValueAxis;
    valueAxis->setRange(0, 100);
    valueAxis->setLabelFormat(QStringLiteral("%d"));
    sessionChart->addAxis(dateAxis, Qt::AlignBottom);
    sessionChart->addAxis(valueAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : sessionChart->series()) {
        series->attachAxis(dateAxis);
        series->attachAxis(valueAxis);
    }
    QChart *oldSession = m_sessionChart->chart();
    m_sessionChart->setChart(sessionChart);
    delete oldSession;

    // Below the threshold.
    m_below->removeRows(0, m_below->rowCount());
    int belowCount = 0;
    for (const ClassAttendance::Student &s : m_attendance.students) {
        if (!s.active || s.percent < 0 || s.percent >= threshold)
            continue;
        ++belowCount;
        auto *percent = new QStandardItem(QStringLiteral("%1 %").arg(s.percent, 0, 'f', 0));
        percent->setData(s.percent, Qt::UserRole);
        percent->setForeground(QColor(0xc6, 0x28, 0x28));
        m_below->appendRow({ new QStandardItem(s.studentId), new QStandardItem(s.name), percent });
    }

    if (m_attendance.classId.isEmpty()) {
        m_summary->setText(tr("Create a class and register students to see attendance here."));
    } else if (m_attendance.sessions.isEmpty()) {
        m_summary->setText(tr("No attendance taken for this class yet."));
    } else {
        double sum = 0;
        for (const ClassAttendance::Session &s : m_attendance.sessions)
            sum += s.percent;
        m_summary->setText(
            tr("%n session(s), average attendance %1 %, %2 below %3 %.", nullptr, int(m_attendance.sessions.size()))
                .arg(sum / double(m_attendance.sessions.size()), 0, 'f', 0)
                .arg(tr("%n student(s)", nullptr, belowCount))
                .arg(threshold));
    }
}

} // namespace rollcall
