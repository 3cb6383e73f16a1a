#pragma once

#include <QDialog>

namespace rollcall {

// Help ▸ About RollCall: version, library versions, compute device, where data
// and models live, and a way to the licences.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

private:
    void showLicences();
};

} // namespace rollcall
