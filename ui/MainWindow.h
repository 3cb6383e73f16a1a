#pragma once

#include <QMainWindow>

class QLabel;

namespace rollcall {

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateStatusBar();
    void showAbout();

    QLabel *m_databaseLabel = nullptr;
    QLabel *m_modelsLabel = nullptr;
    QLabel *m_deviceLabel = nullptr;
};

} // namespace rollcall
