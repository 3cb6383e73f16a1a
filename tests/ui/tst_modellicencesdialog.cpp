#include "TestPaths.h"
#include "common/AppPaths.h"
#include "help/ModelLicencesDialog.h"

#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestModelLicencesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryModelWithItsLicence();
    void reportsMissingModels();
    void listsEveryLibraryWithItsLicence();
    void warnsToCheckTheFacenetFile();

private:
    // Row cells of table whose first column contains key, joined by '|'.
    static QString rowContaining(const QTableWidget *table, const QString &key);
};

QString TestModelLicencesDialog::rowContaining(const QTableWidget *table, const QString &key)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (!table->item(row, 0)->text().contains(key))
            continue;
        QStringList cells;
        for (int column = 0; column < table->columnCount(); ++column)
            cells << (table->item(row, column) ? table->item(row, column)->text() : QString());
        return cells.join(QLatin1Char('|'));
    }
    return {};
}

void TestModelLicencesDialog::listsEveryModelWithItsLicence()
{
    AppPaths::setModelsDirOverride(test::TestPaths::modelsDir());
    ModelLicencesDialog dialog;
    const auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("modelsTable"));
    QVERIFY(table);
    const QString detector = rowContaining(table, QStringLiteral("dlib CNN face detector"));
    QVERIFY2(detector.contains(QLatin1String("mmod_human_face_detector.dat")), qPrintable(detector));
    QVERIFY2(detector.contains(QLatin1String("Public domain")), qPrintable(detector));
    QVERIFY2(detector.endsWith(QLatin1String("|yes")), qPrintable(detector));
    QVERIFY(rowContaining(table, QStringLiteral("dlib 5-point")).contains(QLatin1String("Public domain")));
    QVERIFY(rowContaining(table, QStringLiteral("dlib ResNet")).contains(QLatin1String("Public domain")));
    QVERIFY(rowContaining(table, QStringLiteral("YuNet")).contains(QLatin1String("MIT")));
    QVERIFY(rowContaining(table, QStringLiteral("Facenet512")).contains(QLatin1String("MIT")));
}

void TestModelLicencesDialog::reportsMissingModels()
{
    QTemporaryDir empty;
    AppPaths::setModelsDirOverride(empty.path());
    ModelLicencesDialog dialog;
    const auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("modelsTable"));
    QVERIFY(table);
    QVERIFY(rowContaining(table, QStringLiteral("YuNet")).endsWith(QLatin1String("|no")));
}

void TestModelLicencesDialog::listsEveryLibraryWithItsLicence()
{
    ModelLicencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("librariesTable"));
    QVERIFY(table);
    const QList<QPair<QString, QString>> expected = {
        { QStringLiteral("Qt 6"), QStringLiteral("LGPL-3.0") },
        { QStringLiteral("OpenCV"), QStringLiteral("Apache-2.0") },
        { QStringLiteral("dlib"), QStringLiteral("BSL-1.0") },
        { QStringLiteral("libxlsxwriter"), QStringLiteral("BSD-2-Clause") },
        { QStringLiteral("minizip"), QStringLiteral("Zlib") },
        { QStringLiteral("QtKeychain"), QStringLiteral("BSD-3-Clause") },
    };
    for (const auto &[library, licence] : expected) {
        const QString row = rowContaining(table, library);
        QVERIFY2(row.contains(QLatin1Char('|') + licence + QLatin1Char('|')),
                 qPrintable(library + QStringLiteral(": ") + row));
    }
}

void TestModelLicencesDialog::warnsToCheckTheFacenetFile()
{
    ModelLicencesDialog dialog;
    const auto *note = dialog.findChild<QLabel *>(QStringLiteral("facenetNote"));
    QVERIFY(note);
    QVERIFY(note->text().contains(QLatin1String("Facenet512")));
    QVERIFY(note->text().contains(QLatin1String("MIT")));
    QVERIFY(note->text().contains(QLatin1String("Check the licence of the file you supply")));
}

QTEST_MAIN(TestModelLicencesDialog)
#include "tst_modellicencesdialog.moc"
