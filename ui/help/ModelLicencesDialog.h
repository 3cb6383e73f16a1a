#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QTableWidget;

namespace rollcall {

// Help ▸ Model licences: the licence of every model RollCall knows (built-in and
// user descriptors, from the ModelRegistry) and of every library it is built on.
class ModelLicencesDialog : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString name;
        QString licence; // SPDX-style short name
        QString note; // translated
        QString url;
    };

    explicit ModelLicencesDialog(QWidget *parent = nullptr);

    // Libraries RollCall links, with their licences.
    static QList<Entry> libraries();
    // Models that RollCall can use but does not describe itself (Facenet512).
    static QList<Entry> extraModels();

private:
    QTableWidget *createModelsTable();
    QTableWidget *createLibrariesTable();
};

} // namespace rollcall
