#include "ReportReader.h"
#include "TestDatabase.h"
#include "TestPaths.h"
#include "reports/RosterImporter.h"
#include "storage/ClassRepository.h"
#include "storage/StudentRepository.h"

#include <QJsonDocument>

#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
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
    void applyAllValid();
    void applyRefusesRejectedRows();
    void applySkippingBadRows();
    void applyThousandRowsXlsx();
    void cliImport();
    void consentColumn();

private:
    // A fresh database with class CS-A (department Science) holding S1 and S2.
    bool makeDatabase(std::unique_ptr<test::TestDatabase> *db, QString *classId);
    static QMap<QString, Student> studentsOf(Database &db, const QString &classId);

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

bool TestRosterImporter::makeDatabase(std::unique_ptr<test::TestDatabase> *db, QString *classId)
{
    *db = std::make_unique<test::TestDatabase>();
    if (!(*db)->ok())
        return false;
    ClassInfo cls;
    cls.code = QStringLiteral("CS-A");
    cls.name = QStringLiteral("Computer Science A");
    cls.department = QStringLiteral("Science");
    auto created = ClassRepository((*db)->db()).create(cls);
    if (!created)
        return false;
    *classId = created->id;
    StudentRepository students((*db)->db());
    for (const auto &[id, name, email] :
         { std::tuple { "S1", "Asha Verma", "asha@x.in" }, std::tuple { "S2", "Ravi", "ravi@x.in" } }) {
        Student s;
        s.studentId = QString::fromLatin1(id);
        s.name = QString::fromLatin1(name);
        s.email = QString::fromLatin1(email);
        if (!students.add(s, *classId))
            return false;
    }
    // S3 exists in the department but not in the class.
    Student s3;
    s3.studentId = QStringLiteral("S3");
    s3.name = QStringLiteral("Meera");
    s3.department = QStringLiteral("Science");
    return students.add(s3).ok();
}

QMap<QString, Student> TestRosterImporter::studentsOf(Database &db, const QString &classId)
{
    QMap<QString, Student> map;
    const auto list = StudentRepository(db).list(classId);
    for (const Student &s : *list)
        map.insert(s.studentId, s);
    return map;
}

void TestRosterImporter::applyAllValid()
{
    std::unique_ptr<test::TestDatabase> t;
    QString classId;
    QVERIFY(makeDatabase(&t, &classId));
    const QList<RosterImporter::Row> rows {
        { 2, QStringLiteral("S1"), QStringLiteral("Asha Verma"), QStringLiteral("asha@x.in") }, // unchanged
        { 3, QStringLiteral("S2"), QStringLiteral("Ravi Kumar"), QString() }, // renamed, email kept
        { 4, QStringLiteral("S3"), QStringLiteral("Meera"), QStringLiteral("meera@x.in") }, // joins, email added
        { 5, QStringLiteral("S4"), QStringLiteral("आशा \"नई\", छात्रा"), QStringLiteral("nai@x.in") }, // new
    };
    const auto outcome = RosterImporter::apply(t->db(), classId, rows, false);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message()));
    QCOMPARE(outcome->added, 1);
    QCOMPARE(outcome->updated, 2);
    QCOMPARE(outcome->unchanged, 1);
    QCOMPARE(outcome->skipped, 0);
    const auto students = studentsOf(t->db(), classId);
    QCOMPARE(students.size(), 4);
    QCOMPARE(students.value(QStringLiteral("S2")).name, QStringLiteral("Ravi Kumar"));
    QCOMPARE(students.value(QStringLiteral("S2")).email, QStringLiteral("ravi@x.in"));
    QCOMPARE(students.value(QStringLiteral("S3")).email, QStringLiteral("meera@x.in"));
    QCOMPARE(students.value(QStringLiteral("S4")).name, QStringLiteral("आशा \"नई\", छात्रा"));
    QCOMPARE(students.value(QStringLiteral("S4")).department, QStringLiteral("Science"));
    // Importing the same rows again changes nothing.
    const auto again = RosterImporter::apply(t->db(), classId, rows, false);
    QVERIFY(again.ok());
    QCOMPARE(again->unchanged, 4);
}

void TestRosterImporter::applyRefusesRejectedRows()
{
    std::unique_ptr<test::TestDatabase> t;
    QString classId;
    QVERIFY(makeDatabase(&t, &classId));
    const QList<RosterImporter::Row> rows {
        { 2, QStringLiteral("S9"), QStringLiteral("Valid New"), QString() },
        { 3, QStringLiteral("S2"), QStringLiteral("Renamed"), QString() },
        { 4, QString(), QStringLiteral("No Id"), QString() },
    };
    const auto before = studentsOf(t->db(), classId);
    const auto outcome = RosterImporter::apply(t->db(), classId, rows, false);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code(), Error::Code::BadInput);
    const auto after = studentsOf(t->db(), classId);
    QCOMPARE(after.keys(), before.keys());
    QCOMPARE(after.value(QStringLiteral("S2")).name, QStringLiteral("Ravi"));
}

void TestRosterImporter::applySkippingBadRows()
{
    std::unique_ptr<test::TestDatabase> t;
    QString classId;
    QVERIFY(makeDatabase(&t, &classId));
    const QList<RosterImporter::Row> rows {
        { 2, QStringLiteral("S9"), QStringLiteral("Valid New"), QString() },
        { 3, QStringLiteral("S10"), QString(), QString() },
        { 4, QStringLiteral("S11"), QStringLiteral("Bad Mail"), QStringLiteral("nope") },
        { 5, QStringLiteral("S12"), QStringLiteral("Dup A"), QString() },
        { 6, QStringLiteral("S12"), QStringLiteral("Dup B"), QString() },
    };
    const auto outcome = RosterImporter::apply(t->db(), classId, rows, true);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->added, 1);
    QCOMPARE(outcome->skipped, 4);
    const auto after = studentsOf(t->db(), classId);
    QCOMPARE(after.keys(), (QStringList { QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S9") }));
}

void TestRosterImporter::applyThousandRowsXlsx()
{
    std::unique_ptr<test::TestDatabase> t;
    QString classId;
    QVERIFY(makeDatabase(&t, &classId));
    QJsonArray rows { QJsonArray { QStringLiteral("Student ID"), QStringLiteral("Name"), QStringLiteral("Email") } };
    for (int i = 0; i < 1000; ++i) {
        rows.append(QJsonArray { QStringLiteral("T%1").arg(i, 4, 10, QLatin1Char('0')),
                                 i % 2 ? QStringLiteral("छात्र %1").arg(i) : QStringLiteral("O'Neil, \"%1\"").arg(i),
                                 QStringLiteral("t%1@uni.ac.in").arg(i) });
    }
    const QString path = m_dir.filePath(QStringLiteral("apply1000.xlsx"));
    QString error;
    QVERIFY2(ReportReader::makeXlsx(QStringLiteral("openpyxl"), rows, path, &error), qPrintable(error));
    const auto read = RosterImporter::readFile(path);
    QVERIFY(read.ok());
    const auto outcome = RosterImporter::apply(t->db(), classId, *read, false);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message()));
    QCOMPARE(outcome->added, 1000);
    const auto students = studentsOf(t->db(), classId);
    QCOMPARE(students.size(), 1002);
    QCOMPARE(students.value(QStringLiteral("T0999")).name, QStringLiteral("छात्र 999"));
    QCOMPARE(students.value(QStringLiteral("T0998")).name, QStringLiteral("O'Neil, \"998\""));
}

void TestRosterImporter::cliImport()
{
    std::unique_ptr<test::TestDatabase> t;
    QString classId;
    QVERIFY(makeDatabase(&t, &classId));
    const QString bad = writeFile(m_dir, QStringLiteral("cli-bad.csv"),
                                  "Roll No,Name,Email\nS20,New One,new@x.in\n,Nobody,\nS2,Ravi K,\n");
    auto run = [&](const QStringList &args) { return test::runCli(args, t->dir(), 120000); };
    const QStringList base { QStringLiteral("student"), QStringLiteral("import"), QStringLiteral("--class"),
                             QStringLiteral("CS-A") };

    // Rejected rows without --skip-bad: exit 3, the reasons printed, nothing written.
    auto refused = run(base + QStringList { bad, QStringLiteral("--json") });
    QCOMPARE(refused.exitCode, 3);
    QJsonObject json = QJsonDocument::fromJson(refused.out).object();
    QCOMPARE(json.value(QLatin1String("written")).toBool(), false);
    QCOMPARE(json.value(QLatin1String("reject")).toInt(), 1);
    QCOMPARE(json.value(QLatin1String("add")).toInt(), 1);
    QCOMPARE(json.value(QLatin1String("update")).toInt(), 1);
    const QJsonArray entries = json.value(QLatin1String("rows")).toArray();
    QCOMPARE(entries.at(1).toObject().value(QLatin1String("reasons")).toArray().at(0).toString(),
             QStringLiteral("missing ID"));
    QCOMPARE(studentsOf(t->db(), classId).size(), 2);

    auto dry = run(base + QStringList { bad, QStringLiteral("--dry-run"), QStringLiteral("--skip-bad") });
    QCOMPARE(dry.exitCode, 0);
    QVERIFY(dry.out.contains("Would import into CS-A: 1 added, 1 updated, 0 unchanged, 1 rejected"));
    QCOMPARE(studentsOf(t->db(), classId).size(), 2);

    auto skipped = run(base + QStringList { bad, QStringLiteral("--skip-bad") });
    QVERIFY2(skipped.exitCode == 0, skipped.err.constData());
    QVERIFY(skipped.out.contains("row 3: reject (no ID): missing ID"));
    QVERIFY(skipped.out.contains("Imported into CS-A: 1 added, 1 updated, 0 unchanged, 1 rejected and skipped"));
    const auto students = studentsOf(t->db(), classId);
    QCOMPARE(students.size(), 3);
    QCOMPARE(students.value(QStringLiteral("S2")).name, QStringLiteral("Ravi K"));

    QCOMPARE(run(base).exitCode, 2); // no file
    QCOMPARE(run({ QStringLiteral("student"), QStringLiteral("import"), bad }).exitCode, 2); // no class
    QCOMPARE(run(base + QStringList { m_dir.filePath(QStringLiteral("missing.csv")) }).exitCode, 3);
    QCOMPARE(run({ QStringLiteral("student"), QStringLiteral("import"), QStringLiteral("--class"),
                   QStringLiteral("NOPE"), bad })
                 .exitCode,
             3);
}

void TestRosterImporter::consentColumn()
{
    const QList<QStringList> table {
        { QStringLiteral("Roll No"), QStringLiteral("Name"), QStringLiteral("Face Recognition Consent") },
        { QStringLiteral("S1"), QStringLiteral("A"), QStringLiteral("yes") },
        { QStringLiteral("S2"), QStringLiteral("B"), QStringLiteral("NO") },
        { QStringLiteral("S3"), QStringLiteral("C"), QStringLiteral("1") },
        { QStringLiteral("S4"), QStringLiteral("D"), QStringLiteral("false") },
        { QStringLiteral("S5"), QStringLiteral("E"), QString() },
        { QStringLiteral("S6"), QStringLiteral("F"), QStringLiteral("maybe") },
    };
    const auto rows = RosterImporter::rowsFromTable(table);
    QVERIFY(rows.ok());
    const RosterPreview p = RosterImporter::preview(*rows, {});
    QCOMPARE(p.entries.at(0).consent, std::optional<bool>(true));
    QCOMPARE(p.entries.at(1).consent, std::optional<bool>(false));
    QCOMPARE(p.entries.at(2).consent, std::optional<bool>(true));
    QCOMPARE(p.entries.at(3).consent, std::optional<bool>(false));
    QVERIFY(!p.entries.at(4).consent.has_value());
    QCOMPARE(p.entries.at(5).action, Action::Reject);
    QCOMPARE(p.entries.at(5).reasons, QList<Reason> { Reason::BadConsent });

    // Applied: new students get the consent given (none: no consent); a later "no"
    // withdraws it, which erases the student's biometrics (StudentRepository::edit).
    std::unique_ptr<test::TestDatabase> t;
    QString classId;
    QVERIFY(makeDatabase(&t, &classId));
    QVERIFY(RosterImporter::apply(t->db(), classId, *rows, true).ok());
    auto students = studentsOf(t->db(), classId);
    QVERIFY(students.value(QStringLiteral("S1")).consent);
    QVERIFY(!students.value(QStringLiteral("S2")).consent);
    QVERIFY(!students.value(QStringLiteral("S5")).consent);
    const QList<RosterImporter::Row> withdraw { { 2, QStringLiteral("S1"), QStringLiteral("A"), QString(),
                                                  QStringLiteral("no") } };
    const auto applied = RosterImporter::apply(t->db(), classId, withdraw, false);
    QVERIFY(applied.ok());
    QCOMPARE(applied->preview.entries.at(0).changes, QStringList { QStringLiteral("consent: yes → no") });
    QVERIFY(!studentsOf(t->db(), classId).value(QStringLiteral("S1")).consent);
    QSqlQuery q(t->db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT kind FROM erasures")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("biometrics"));
}

QTEST_GUILESS_MAIN(TestRosterImporter)
#include "tst_rosterimporter.moc"
