#pragma once

#include "util/ClassAttendance.h"

#include <QWidget>

class QChartView;
class QLabel;
class QStandardItemModel;
class QTableView;

namespace rollcall {

class ClassComboBox;
class Database;

// Per class: attendance percentage per student and per session as charts, and
// the students below the attendance threshold.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardView(Database *database, QWidget *parent = nullptr);

    const ClassAttendance &attendance() const { return m_attendance; }
    QStandardItemModel *belowThresholdModel() const { return m_below; }
    bool isLoading() const { return m_loading > 0; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void loadFinished();

private:
    void load();
    void showAttendance();

    Database *m_database;
    ClassComboBox *m_classes;
    QLabel *m_summary;
    QChartView *m_studentChart;
    QChartView *m_sessionChart;
    QStandardItemModel *m_below;
    QTableView *m_belowTable;
    ClassAttendance m_attendance;
    int m_loading = 0;
    int m_generation = 0;
};

} // namespace rollcall
