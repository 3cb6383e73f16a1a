// Writes the seed corpus of every harness: make_seeds <output folder> <descriptors folder>.
// Each seed is made by RollCall's own writers or encoders (CsvWriter, XlsxWriter,
// Backup::create, OpenCV) or written here byte by byte, so the corpus is small,
// valid and free of outside data.
#include "models/OnnxModelInfo.h"
#include "reports/CsvWriter.h"
#include "reports/ReportDocument.h"
#include "reports/XlsxWriter.h"
#include "storage/Backup.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <vector>

using namespace rollcall;

namespace {

bool g_failed = false;

void fail(const QString &what)
{
    std::fprintf(stderr, "make_seeds: %s\n", qPrintable(what));
    g_failed = true;
}

void writeSeed(const QString &dir, const QString &name, const QByteArray &data)
{
    QDir().mkpath(dir);
    QFile file(QDir(dir).filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        fail(QStringLiteral("cannot write %1").arg(file.fileName()));
}

ReportDocument roster()
{
    ReportDocument doc;
    doc.title = QStringLiteral("Roster");
    ReportTable &t = doc.addTable(QStringLiteral("CS101"));
    t.addColumn(QStringLiteral("Student ID"));
    t.addColumn(QStringLiteral("Name"));
    t.addColumn(QStringLiteral("Enrolled"), ReportTable::Type::Date);
    t.addColumn(QStringLiteral("Attendance"), ReportTable::Type::Percent);
    t.addColumn(QStringLiteral("Sessions"), ReportTable::Type::Integer);
    t.addRow({ QStringLiteral("1001"), QStringLiteral("अनन्या शर्मा"), QDate(2024, 7, 1), 0.75, 12 });
    t.addRow({ QStringLiteral("1002"), QStringLiteral("O'Brien, \"Pat\"\nline two"), QDate(2024, 7, 2), 1.0, 0 });
    t.addRow({ QStringLiteral("=1+1"), QVariant(), QVariant(), 0.0, 3 });
    return doc;
}

void csvSeeds(const QString &dir)
{
    const ReportDocument doc = roster();
    const QList<CsvWriter::Options> variants { { QLatin1Char(','), true, true },
                                               { QLatin1Char(';'), false, true },
                                               { QLatin1Char('\t'), false, false } };
    int n = 0;
    for (const CsvWriter::Options &options : variants) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (Status s = CsvWriter(options).write(doc, &buffer); !s)
            fail(s.error().message());
        writeSeed(dir, QStringLiteral("writer-%1.csv").arg(++n), buffer.data());
    }
    // What spreadsheet programs write besides: CR line ends, Windows-1252 text,
    // an empty line in the middle, a field left open.
    writeSeed(dir, QStringLiteral("cr.csv"), "id,name\r1,Ann\r2,Bo\r");
    writeSeed(dir, QStringLiteral("latin1.csv"), "id;name\n1;Jos\xe9\n\n2;\"M\xfcller; K\"\n");
    writeSeed(dir, QStringLiteral("unclosed.csv"), "id,name\n1,\"Ann\n");
}

void xlsxSeeds(const QString &dir)
{
    ReportDocument two = roster();
    ReportTable &second = two.addTable(QStringLiteral("Totals"));
    second.addColumn(QStringLiteral("Total"), ReportTable::Type::Number, 2);
    second.addRow({ 3.25 });
    const QList<ReportDocument> docs { roster(), two };
    int n = 0;
    for (const ReportDocument &doc : docs) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (Status s = XlsxWriter().write(doc, &buffer); !s)
            fail(s.error().message());
        writeSeed(dir, QStringLiteral("writer-%1.xlsx").arg(++n), buffer.data());
    }
}

void backupSeeds(const QString &dir)
{
    QTemporaryDir data;
    Database db(QDir(data.path()).filePath(QStringLiteral("rollcall.sqlite")));
    if (Status s = db.open(); !s) {
        fail(s.error().message());
        return;
    }
    PhotoStore photos(QDir(data.path()).filePath(QStringLiteral("photos")));
    const QString archive = QDir(data.path()).filePath(QStringLiteral("empty.zip"));
    if (auto made = Backup::create(db, photos, archive); !made)
        fail(made.error().message());
    QFile empty(archive);
    if (empty.open(QIODevice::ReadOnly))
        writeSeed(dir, QStringLiteral("empty.rollcall-backup"), empty.readAll());
    if (auto put = photos.put(QByteArray("not really a JPEG")); !put)
        fail(put.error().message());
    const QString withPhoto = QDir(data.path()).filePath(QStringLiteral("photo.zip"));
    if (auto made = Backup::create(db, photos, withPhoto); !made)
        fail(made.error().message());
    QFile photo(withPhoto);
    if (photo.open(QIODevice::ReadOnly))
        writeSeed(dir, QStringLiteral("photo.rollcall-backup"), photo.readAll());
}

void imageSeeds(const QString &dir)
{
    cv::Mat colour(6, 8, CV_8UC3);
    cv::randu(colour, 0, 255);
    cv::Mat grey(5, 4, CV_8UC1, cv::Scalar(90));
    cv::Mat alpha(4, 4, CV_8UC4, cv::Scalar(10, 20, 30, 128));
    cv::Mat deep(4, 3, CV_16UC1, cv::Scalar(40000));
    struct Seed
    {
        const char *name;
        const char *ext;
        cv::Mat image;
    };
    const std::vector<Seed> seeds { { "colour", ".jpg", colour }, { "grey", ".jpg", grey },
                                    { "colour", ".png", colour }, { "alpha", ".png", alpha },
                                    { "deep", ".png", deep },     { "colour", ".bmp", colour },
                                    { "grey", ".bmp", grey },     { "colour", ".tiff", colour },
                                    { "deep", ".tiff", deep },    { "colour", ".webp", colour } };
    for (const Seed &seed : seeds) {
        std::vector<uchar> encoded;
        try {
            if (!cv::imencode(seed.ext, seed.image, encoded))
                continue; // a codec this OpenCV lacks
        } catch (const cv::Exception &) {
            continue;
        }
        writeSeed(dir, QString::fromLatin1(seed.name) + QString::fromLatin1(seed.ext),
                  QByteArray(reinterpret_cast<const char *>(encoded.data()), qsizetype(encoded.size())));
    }
}

// Protobuf wire format, just enough for an ONNX ModelProto.
QByteArray varint(quint64 v)
{
    QByteArray out;
    while (v >= 0x80) {
        out.append(char((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
    return out;
}
QByteArray key(quint32 field, quint32 type)
{
    return varint((quint64(field) << 3) | type);
}
QByteArray message(quint32 field, const QByteArray &body)
{
    return key(field, 2) + varint(body.size()) + body;
}
QByteArray number(quint32 field, quint64 v)
{
    return key(field, 0) + varint(v);
}

// ValueInfoProto { name = 1; type = 2 { tensor_type = 1 { elem_type = 1; shape = 2 { dim = 1 } } } }
QByteArray valueInfo(const QByteArray &name, const QList<qint64> &dims)
{
    QByteArray shape;
    for (qint64 d : dims)
        shape += message(1, d < 0 ? message(2, "N") : number(1, quint64(d)));
    return message(1, name) + message(2, message(1, number(1, 1) + message(2, shape)));
}

void onnxSeeds(const QString &dir)
{
    // An embedder as `models add` expects it, with its weights also listed as an
    // input (older exports) and an initializer (TensorProto, name = 8).
    const QByteArray graph = message(1, message(1, "x") + message(4, "Identity")) // a node, skipped
        + message(2, "facenet") + message(5, number(1, 512) + message(8, "weights"))
        + message(11, valueInfo("input", { -1, 160, 160, 3 })) + message(11, valueInfo("weights", { 512 }))
        + message(12, valueInfo("embedding", { -1, 512 }));
    const QByteArray model = number(1, 7) + message(2, "rollcall-seed") + message(7, graph) + message(8, number(2, 13));
    if (!OnnxModelInfo::parse(model))
        fail(QStringLiteral("the ONNX seed does not parse"));
    writeSeed(dir, QStringLiteral("embedder.onnx"), model);
    writeSeed(dir, QStringLiteral("no-outputs.onnx"), message(7, message(11, valueInfo("input", { 1, 3 }))));
}

void descriptorSeeds(const QString &dir, const QString &descriptors)
{
    const QDir source(descriptors);
    const QStringList files = source.entryList({ QStringLiteral("*.json") }, QDir::Files);
    if (files.isEmpty())
        fail(QStringLiteral("no descriptors in %1").arg(descriptors));
    for (const QString &name : files) {
        QFile file(source.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            writeSeed(dir, name, file.readAll());
    }
}

void connInfoSeeds(const QString &dir)
{
    const QList<QByteArray> strings {
        "host=db.example.org port=5432 dbname=rollcall user=lab1 sslmode=require connect_timeout=5",
        "host='my host' dbname='dept db' user=o\\'brien sslmode=prefer",
        "hostaddr=10.0.0.5 dbname=d user=u sslmode=verify-full sslrootcert='/nonexistent/ca.crt'",
        "dbname = d  user =u password=secret",
    };
    int n = 0;
    for (const QByteArray &s : strings)
        writeSeed(dir, QStringLiteral("conninfo-%1").arg(++n), s);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("rollcall.*.info=false"));
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_seeds <output folder> <descriptors folder>\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    csvSeeds(out + QStringLiteral("/csvreader"));
    xlsxSeeds(out + QStringLiteral("/xlsxreader"));
    backupSeeds(out + QStringLiteral("/backup"));
    imageSeeds(out + QStringLiteral("/imageloader"));
    onnxSeeds(out + QStringLiteral("/onnxmodelinfo"));
    descriptorSeeds(out + QStringLiteral("/modeldescriptor"), QString::fromLocal8Bit(argv[2]));
    connInfoSeeds(out + QStringLiteral("/pgconnectionsettings"));
    return g_failed ? 1 : 0;
}
