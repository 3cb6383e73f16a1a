#include "ClassComboBox.h"

#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "util/Background.h"

namespace rollcall {

ClassComboBox::ClassComboBox(Database *database, QWidget *parent)
    : QComboBox(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("classCombo"));
    setMinimumContentsLength(18);
    setSizeAdjustPolicy(AdjustToMinimumContentsLengthWithIcon);
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loaded)
            Q_EMIT classChanged(currentClassId());
    });
    reload();
}

QString ClassComboBox::currentClassCode() const
{
    return itemData(currentIndex(), Qt::UserRole + 1).toString();
}

void ClassComboBox::selectClass(const QString &classId)
{
    m_wanted = classId;
    const int index = findData(classId);
    if (index >= 0)
        setCurrentIndex(index);
}

void ClassComboBox::setAllOption(const QString &text)
{
    m_allText = text;
    reload();
}

void ClassComboBox::reload()
{
    if (!m_database)
        return;
    if (m_wanted.isEmpty())
        m_wanted = currentClassId();
    Database *db = m_database;
    runInBackground(
        this, [db] { return ClassRepository(*db).list(); },
        [this](const Result<QList<ClassInfo>> &classes) {
            const QString before = currentClassId();
            m_loaded = false;
            clear();
            if (!m_allText.isEmpty())
                addItem(m_allText, QString());
            if (classes) {
                for (const ClassInfo &info : classes.value()) {
                    addItem(info.name.isEmpty() ? info.code : tr("%1 — %2").arg(info.code, info.name), info.id);
                    setItemData(count() - 1, info.code, Qt::UserRole + 1);
                }
            }
            setPlaceholderText(count() == 0 ? tr("No classes yet") : QString());
            int index = findData(m_wanted);
            if (index < 0)
                index = count() > 0 ? 0 : -1;
            setCurrentIndex(index);
            m_wanted.clear();
            m_loaded = true;
            Q_EMIT loaded();
            if (currentClassId() != before)
                Q_EMIT classChanged(currentClassId());
        });
}

} // namespace rollcall
