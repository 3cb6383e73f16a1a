#include "ReportReader.h"
#include "reports/RosterImporter.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;
using rollcall::test::ReportReader;
using Action = RosterPreview::Action;
using Reason = RosterPreview::Reason;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

const RosterPreview::Entry *entryForRow(const RosterPreview &preview, int row)
{
    for (const auto &e : preview.entries) {
        if (e.row == row)
            return &e;
    }
    return nullptr;
}

} // namespace

class TestRosterImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerAliases_data();
    void headerAliases();
    void emails_data();
    void emails();
    void headerOrderFreeAndBlankRows();
    void missingColumns();
    void everyRejectionReason();
    void updatesAndUnchanged();
    void sameRowsFromCsvAndXlsx();
    void thousandRows();

private:
    QTemporaryDir m_dir;
};

void TestRosterImporter::headerAliases_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<int>("field"); // -1 none
    QTest::newRow("ID") << QStringLiteral("ID") << int(RosterImporter::Field::Id);
    QTest::newRow("Student ID") << QStringLiteral(" Student ID ") << int(RosterImporter::Field::Id);
    QTest::newRow("Roll No.") << QStringLiteral("Roll No.") << int(RosterImporter::Field::Id);
    QTest::newRow("roll_number") << QStringLiteral("roll_number") << int(RosterImporter::Field::Id);
    QTest::newRow("Enrollment No") << QStringLiteral("Enrollment No") << int(RosterImporter::Field::Id);
    QTest::newRow("NAME") << QStringLiteral("NAME") << int(RosterImporter::Field::Name);
    QTest::newRow("Student Name") << QStringLiteral("Student Name") << int(RosterImporter::Field::Name);
    QTest::newRow("E-mail") << QStringLiteral("E-mail") << int(RosterImporter::Field::Email);
    QTest::newRow("Email Address") << QStringLiteral("Email Address") << int(RosterImporter::Field::Email);
    QTest::newRow("Phone") << QStringLiteral("Phone") << -1;
}

void TestRosterImporter::headerAliases()
{
    QFETCH(QString, header);
    QFETCH(int, field);
    const auto f = RosterImporter::headerField(header);
    QCOMPARE(f ? int(*f) : -1, field);
}

void TestRosterImporter::emails_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("asha@example.in") << true;
    QTest::newRow("plus and dots") << QStringLiteral("a.b+c@dept.uni.ac.in") << true;
    QTest::newRow("no at") << QStringLiteral("asha.example.in") << false;
    QTest::newRow("two ats") << QStringLiteral("a@b@c.in") << false;
    QTest::newRow("no dot in domain") << QStringLiteral("asha@localhost") << false;
    QTest::newRow("space") << QStringLiteral("asha verma@x.in") << false;
    QTest::newRow("double dot") << QStringLiteral("asha@x..in") << false;
    QTest::newRow("trailing dot") << QStringLiteral("asha@x.in.") << false;
    QTest::newRow("empty local") << QStringLiteral("@x.in") << false;
}

void TestRosterImporter::emails()
{
    QFETCH(QString, email);
    QFETCH(bool, valid);
    QCOMPARE(RosterImporter::isValidEmail(email), valid);
}

void TestRosterImporter::headerOrderFreeAndBlankRows()
{
    const QString path = writeFile(m_dir, QStringLiteral("order.csv"),
                                   "\r\nE-Mail,Full Name,Roll No,Phone\r\nk@x.in,  Kiran   Rao ,S7,123\r\n,,,\r\n"
                                   ",\"Verma, A\",S8,\r\n");
    const auto rows = RosterImporter::readFile(path);
    QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().message()));
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).row, 3);
    QCOMPARE(rows->at(0).studentId, QStringLiteral("S7"));
    QCOMPARE(rows->at(0).name, QStringLiteral("Kiran Rao"));
    QCOMPARE(rows->at(0).email, QStringLiteral("k@x.in"));
    QCOMPARE(rows->at(1).row, 5);
    QCOMPARE(rows->at(1).name, QStringLiteral("Verma, A"));
    QVERIFY(rows->at(1).email.isEmpty());
}

void TestRosterImporter::missingColumns()
{
    for (const QByteArray &data : { QByteArray("Name,Email\nAsha,a@x.in\n"), QByteArray("ID,Email\nS1,a@x.in\n"),
                                    QByteArray("ID,Roll No,Name\nS1,S1,Asha\n"), QByteArray("\n\n") }) {
        const auto rows = RosterImporter::readFile(writeFile(m_dir, QStringLiteral("bad.csv"), data));
        QVERIFY2(!rows.ok(), data.constData());
        QCOMPARE(rows.error().code(), Error::Code::BadInput);
    }
}

void TestRosterImporter::everyRejectionReason()
{
    // NFD "आशा" (decomposed) must become NFC.
    const QString nfd = QStringLiteral("आशा").normalized(QString::NormalizationForm_D);
    const QByteArray csv = "ID,Name,Email\n"
                           "S1,Asha,asha@x.in\n" // 2: add
                           ",No Id,noid@x.in\n" // 3: missing ID
                           "S3,,s3@x.in\n" // 4: missing name
                           "S4,Bad Mail,not-an-email\n" // 5: bad email
                           "S5,Dup One,d1@x.in\n" // 6: duplicate
                           "S5,Dup Two,d2@x.in\n" // 7: duplicate
                           ",,bad\n" // 8: missing ID, missing name, bad email
                           "S9,"
        + nfd.toUtf8() + ",\n"; // 9: add, no email
    const auto rows = RosterImporter::readFile(writeFile(m_dir, QStringLiteral("reasons.csv"), csv));
    QVERIFY(rows.ok());
    const RosterPreview p = RosterImporter::preview(*rows, {});
    QCOMPARE(p.entries.size(), 8);
    QCOMPARE(p.count(Action::Add), 2);
    QCOMPARE(p.count(Action::Reject), 6);
    QVERIFY(p.hasRejections());
    const QList<QPair<int, QList<Reason>>> expected {
        { 3, { Reason::MissingId } },   { 4, { Reason::MissingName } },
        { 5, { Reason::BadEmail } },    { 6, { Reason::DuplicateId } },
        { 7, { Reason::DuplicateId } }, { 8, { Reason::MissingId, Reason::MissingName, Reason::BadEmail } },
    };
    for (const auto &[row, reasons] : expected) {
        const auto *e = entryForRow(p, row);
        QVERIFY(e);
        QCOMPARE(e->action, Action::Reject);
        QCOMPARE(e->reasons, reasons);
        QVERIFY(!e->message().isEmpty());
    }
    QCOMPARE(entryForRow(p, 5)->message(), QStringLiteral("bad email"));
    QCOMPARE(entryForRow(p, 8)->message(), QStringLiteral("missing ID; missing name; bad email"));
    QCOMPARE(entryForRow(p, 9)->name, QStringLiteral("आशा"));
    QCOMPARE(entryForRow(p, 9)->name.size(), QStringLiteral("आशा").size());
}

void TestRosterImporter::updatesAndUnchanged()
{
    const QList<RosterImporter::Row> rows {
        { 2, QStringLiteral("S1"), QStringLiteral("Asha Verma"), QStringLiteral("asha@x.in") }, // unchanged
        { 3, QStringLiteral("S2"), QStringLiteral("Ravi K"), QString() }, // rename, email kept
        { 4, QStringLiteral("S3"), QStringLiteral("Meera"), QStringLiteral("new@x.in") }, // email change
        { 5, QStringLiteral("S4"), QStringLiteral("Joins"), QString() }, // exists, not in class
        { 6, QStringLiteral("S5"), QStringLiteral("New"), QString() }, // add
    };
    QHash<QString, RosterImporter::Existing> existing;
    existing.insert(QStringLiteral("S1"), { QStringLiteral("Asha Verma"), QStringLiteral("asha@x.in"), true });
    existing.insert(QStringLiteral("S2"), { QStringLiteral("Ravi"), QStringLiteral("ravi@x.in"), true });
    existing.insert(QStringLiteral("S3"), { QStringLiteral("Meera"), QStringLiteral("old@x.in"), true });
    existing.insert(QStringLiteral("S4"), { QStringLiteral("Joins"), QString(), false });
    const RosterPreview p = RosterImporter::preview(rows, existing);
    QCOMPARE(p.entries.at(0).action, Action::Unchanged);
    QCOMPARE(p.entries.at(1).action, Action::Update);
    QCOMPARE(p.entries.at(1).changes, QStringList { QStringLiteral("name: Ravi → Ravi K") });
    QCOMPARE(p.entries.at(1).email, QStringLiteral("ravi@x.in"));
    QCOMPARE(p.entries.at(2).action, Action::Update);
    QCOMPARE(p.entries.at(2).changes, QStringList { QStringLiteral("email: old@x.in → new@x.in") });
    QCOMPARE(p.entries.at(3).action, Action::Update);
    QCOMPARE(p.entries.at(3).changes, QStringList { QStringLiteral("joins the class") });
    QCOMPARE(p.entries.at(4).action, Action::Add);
    QCOMPARE(p.writeCount(), 4);
    QVERIFY(!p.hasRejections());
}

void TestRosterImporter::sameRowsFromCsvAndXlsx()
{
    const QString csvPath = writeFile(m_dir, QStringLiteral("same.csv"),
                                      "\xEF\xBB\xBFStudent ID;Name;Email\r\n1001;आशा वर्मा;asha@x.in\r\n"
                                      "S-2;\"O'Brien, \"\"Jim\"\"\";\r\n");
    const QString xlsxPath = m_dir.filePath(QStringLiteral("same.xlsx"));
    QString error;
    QVERIFY2(ReportReader::makeXlsx(
                 QStringLiteral("openpyxl"),
                 QJsonArray {
                     QJsonArray { QStringLiteral("Student ID"), QStringLiteral("Name"), QStringLiteral("Email") },
                     QJsonArray { 1001, QStringLiteral("आशा वर्मा"), QStringLiteral("asha@x.in") },
                     QJsonArray { QStringLiteral("S-2"), QStringLiteral("O'Brien, \"Jim\"") },
                 },
                 xlsxPath, &error),
             qPrintable(error));
    const auto fromCsv = RosterImporter::readFile(csvPath);
    const auto fromXlsx = RosterImporter::readFile(xlsxPath);
    QVERIFY(fromCsv.ok());
    QVERIFY2(fromXlsx.ok(), fromXlsx.ok() ? "" : qPrintable(fromXlsx.error().message()));
    QCOMPARE(fromCsv->size(), 2);
    QCOMPARE(fromXlsx->size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(fromXlsx->at(i).row, fromCsv->at(i).row);
        QCOMPARE(fromXlsx->at(i).studentId, fromCsv->at(i).studentId);
        QCOMPARE(fromXlsx->at(i).name, fromCsv->at(i).name);
        QCOMPARE(fromXlsx->at(i).email, fromCsv->at(i).email);
    }
    QCOMPARE(fromXlsx->at(0).studentId, QStringLiteral("1001"));
}

void TestRosterImporter::thousandRows()
{
    QJsonArray rows { QJsonArray { QStringLiteral("Roll No"), QStringLiteral("Name"), QStringLiteral("Email") } };
    QByteArray csv = "Roll No,Name,Email\n";
    for (int i = 0; i < 1000; ++i) {
        const QString id = QStringLiteral("R%1").arg(i, 4, 10, QLatin1Char('0'));
        const QString name = i % 3 == 0 ? QStringLiteral("छात्र %1").arg(i) : QStringLiteral("Student %1").arg(i);
        // Every 100th row is bad: no name.
        const QString shownName = i % 100 == 99 ? QString() : name;
        const QString email = QStringLiteral("s%1@uni.ac.in").arg(i);
        rows.append(QJsonArray { id, shownName, email });
        csv += (id + QLatin1Char(',') + shownName + QLatin1Char(',') + email + QLatin1Char('\n')).toUtf8();
    }
    const QString xlsxPath = m_dir.filePath(QStringLiteral("thousand.xlsx"));
    QString error;
    QVERIFY2(ReportReader::makeXlsx(QStringLiteral("openpyxl"), rows, xlsxPath, &error), qPrintable(error));
    for (const QString &path : { xlsxPath, writeFile(m_dir, QStringLiteral("thousand.csv"), csv) }) {
        const auto read = RosterImporter::readFile(path);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message()));
        QCOMPARE(read->size(), 1000);
        const RosterPreview p = RosterImporter::preview(*read, {});
        QCOMPARE(p.count(Action::Add), 990);
        QCOMPARE(p.count(Action::Reject), 10);
        QCOMPARE(p.entries.at(999).row, 1001);
        QCOMPARE(p.entries.at(999).reasons, QList<Reason> { Reason::MissingName });
        QCOMPARE(p.entries.at(999).studentId, QStringLiteral("R0999"));
        QCOMPARE(p.entries.at(3).name, QStringLiteral("छात्र 3"));
    }
}

QTEST_GUILESS_MAIN(TestRosterImporter)
#include "tst_rosterimporter.moc"
