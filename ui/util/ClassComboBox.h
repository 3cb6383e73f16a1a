#pragma once

#include <QComboBox>

namespace rollcall {

class Database;

// A combo box of the live classes ("CODE — Name"), loaded off the GUI thread.
// The item data is the class id.
class ClassComboBox : public QComboBox
{
    Q_OBJECT

public:
    explicit ClassComboBox(Database *database, QWidget *parent = nullptr);

    QString currentClassId() const { return currentData().toString(); }
    QString currentClassCode() const;
    // Selects the class once loaded (or now, if already there).
    void selectClass(const QString &classId);
    bool isLoaded() const { return m_loaded; }
    // Adds a first entry with an empty class id (e.g. "All classes").
    void setAllOption(const QString &text);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void classChanged(const QString &classId);
    void loaded();

private:
    Database *m_database;
    QString m_wanted;
    QString m_allText;
    bool m_loaded = false;
};

} // namespace rollcall
