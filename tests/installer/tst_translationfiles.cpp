#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

// Checks the committed translations/*.ts: every message translated (nothing
// unfinished or empty, every plural form filled), the same placeholders, HTML
// tags and keyboard accelerators as the source, and Hindi actually in Hindi.
class TestTranslationFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStringIsTranslated_data();
    void everyStringIsTranslated();
    void hindiIsInDevanagari();

private:
    struct Message
    {
        QString context;
        QString source;
        QStringList translations; // one, or one per plural form
        bool unfinished = false;
        bool numerus = false;
    };
    static QList<Message> read(const QString &path, QString *language, QString *error);
    static QStringList placeholders(const QString &text);
    static QStringList tags(const QString &text);
    static bool hasAccelerator(const QString &text);
};

QList<TestTranslationFiles::Message> TestTranslationFiles::read(const QString &path, QString *language, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message();
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            current.unfinished = type == QLatin1String("unfinished");
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                continue; // dropped strings do not count
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.translations.append(xml.readElementText());
            } else {
                current.translations.append(xml.readElementText());
            }
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QStringList TestTranslationFiles::placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    found.removeDuplicates();
    found.sort();
    return found;
}

QStringList TestTranslationFiles::tags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("</?([a-zA-Z]+)[^>]*>"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        found.append((match.captured(0).startsWith(QLatin1String("</")) ? QStringLiteral("/") : QString())
                     + match.captured(1).toLower());
    }
    found.sort();
    return found;
}

bool TestTranslationFiles::hasAccelerator(const QString &text)
{
    // "&File", not "&&" (a literal ampersand) nor an HTML entity.
    static const QRegularExpression re(QStringLiteral("(^|[^&])&[^&\\s;]"));
    QString plain = text;
    plain.remove(QRegularExpression(QStringLiteral("&[a-zA-Z]+;")));
    return re.match(plain).hasMatch();
}

void TestTranslationFiles::everyStringIsTranslated_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(ROLLCALL_SOURCE_DIR "/translations"));
    const QStringList files = dir.entryList({ QStringLiteral("rollcall_*.ts") }, QDir::Files, QDir::Name);
    QVERIFY2(files.contains(QStringLiteral("rollcall_en.ts")) && files.contains(QStringLiteral("rollcall_hi.ts")),
             qPrintable(files.join(QLatin1Char(' '))));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestTranslationFiles::everyStringIsTranslated()
{
    QFETCH(QString, path);
    QString language;
    QString error;
    const QList<Message> messages = read(path, &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!language.isEmpty());
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": \"") + m.source.left(60) + QStringLiteral("\"");
        if (m.unfinished)
            problems << QStringLiteral("unfinished %1").arg(where);
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty()) {
                problems << QStringLiteral("empty translation %1").arg(where);
                continue;
            }
            QStringList expected = placeholders(m.source);
            if (m.numerus && m.translations.size() > 1 && !placeholders(t).contains(QStringLiteral("%n")))
                expected.removeAll(QStringLiteral("%n")); // "one file" may spell the number out
            if (placeholders(t) != expected)
                problems << QStringLiteral("placeholders %1 instead of %2 in %3")
                                .arg(placeholders(t).join(QLatin1Char(',')), expected.join(QLatin1Char(',')), where);
            if (tags(t) != tags(m.source))
                problems << QStringLiteral("HTML tags differ in %1").arg(where);
            if (hasAccelerator(m.source) != hasAccelerator(t))
                problems << QStringLiteral("keyboard accelerator (&) missing or extra in %1").arg(where);
        }
    }
    QVERIFY2(
        problems.isEmpty(),
        qPrintable(QStringLiteral("%1 problem(s) in %2 (run scripts/update-translations.sh, then translate):\n  %3")
                       .arg(problems.size())
                       .arg(path, problems.join(QStringLiteral("\n  ")))));
}

void TestTranslationFiles::hindiIsInDevanagari()
{
    QString language;
    QString error;
    const QList<Message> messages
        = read(QStringLiteral(ROLLCALL_SOURCE_DIR "/translations/rollcall_hi.ts"), &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(language, QStringLiteral("hi_IN"));
    static const QRegularExpression devanagari(QStringLiteral("[\\x{0900}-\\x{097F}]"));
    int inHindi = 0;
    for (const Message &m : messages)
        inHindi += m.translations.value(0).contains(devanagari) ? 1 : 0;
    // Product names, file names and numbers stay as they are; everything else is Hindi.
    QVERIFY2(inHindi >= messages.size() * 9 / 10,
             qPrintable(QStringLiteral("%1 of %2 translations contain Devanagari").arg(inHindi).arg(messages.size())));
}

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translationfiles.moc"
