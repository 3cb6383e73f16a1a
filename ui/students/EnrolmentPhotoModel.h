#pragma once

#include "students/EnrolmentCheck.h"

#include <QAbstractListModel>
#include <QImage>
#include <QList>

namespace rollcall {

// The photo strip of a registration: each photo with its check state.
class EnrolmentPhotoModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class State { Checking, Accepted, Refused };
    enum Role { StateRole = Qt::UserRole + 1, ReasonRole };

    struct Photo
    {
        int id = 0;
        QString name;
        QString source; // "camera" or "file:NAME"
        QImage preview;
        State state = State::Checking;
        EnrolmentCheck check;
    };

    explicit EnrolmentPhotoModel(QObject *parent = nullptr);

    int add(const QString &name, const QString &source, const QImage &preview); // returns the photo's id
    // preview: the photo's thumbnail when it was not known when added (null: keep).
    void setResult(int id, const EnrolmentCheck &check, const QImage &preview = {});
    void removeRow(int row);
    const QList<Photo> &photos() const { return m_photos; }
    int count(State state) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Photo> m_photos;
    int m_nextId = 1;
};

} // namespace rollcall
