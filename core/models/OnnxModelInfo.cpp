#include "models/OnnxModelInfo.h"

#include <QFile>
#include <QSet>

namespace rollcall {
namespace {

// A minimal protobuf wire-format reader over one message's bytes.
class Wire
{
public:
    Wire(const char *begin, const char *end)
        : m_p(begin)
        , m_end(end)
    { }

    bool atEnd() const { return m_p >= m_end; }
    bool failed() const { return m_failed; }

    // Reads a field key; false at the end or on corrupt data.
    bool next(quint32 *field, quint32 *type)
    {
        if (atEnd())
            return false;
        quint64 key = 0;
        if (!varint(&key))
            return false;
        *field = quint32(key >> 3);
        *type = quint32(key & 7);
        return true;
    }

    bool varint(quint64 *value)
    {
        *value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end)
                return fail();
            const quint8 byte = quint8(*m_p++);
            *value |= quint64(byte & 0x7F) << shift;
            if (!(byte & 0x80))
                return true;
        }
        return fail();
    }

    bool bytes(const char **begin, const char **end)
    {
        quint64 length = 0;
        if (!varint(&length) || length > quint64(m_end - m_p))
            return fail();
        *begin = m_p;
        *end = m_p + length;
        m_p += length;
        return true;
    }

    bool skip(quint32 type)
    {
        quint64 ignored = 0;
        const char *b = nullptr;
        const char *e = nullptr;
        switch (type) {
        case 0:
            return varint(&ignored);
        case 1:
            return advance(8);
        case 2:
            return bytes(&b, &e);
        case 5:
            return advance(4);
        default:
            return fail();
        }
    }

private:
    bool advance(qint64 n)
    {
        if (m_end - m_p < n)
            return fail();
        m_p += n;
        return true;
    }
    bool fail()
    {
        m_failed = true;
        m_p = m_end;
        return false;
    }

    const char *m_p;
    const char *m_end;
    bool m_failed = false;
};

// The "name" (field 1 of ValueInfoProto, field 8 of TensorProto) of a message.
QString nameOf(const char *begin, const char *end, quint32 nameField)
{
    Wire w(begin, end);
    quint32 field = 0;
    quint32 type = 0;
    while (w.next(&field, &type)) {
        if (field == nameField && type == 2) {
            const char *b = nullptr;
            const char *e = nullptr;
            if (!w.bytes(&b, &e))
                return {};
            return QString::fromUtf8(b, e - b);
        }
        if (!w.skip(type))
            return {};
    }
    return {};
}

bool parseDims(const char *begin, const char *end, QList<qint64> &dims)
{
    // TensorShapeProto { repeated Dimension dim = 1; } Dimension { int64 dim_value = 1; string dim_param = 2; }
    Wire shape(begin, end);
    quint32 field = 0;
    quint32 type = 0;
    while (shape.next(&field, &type)) {
        if (field != 1 || type != 2) {
            if (!shape.skip(type))
                return false;
            continue;
        }
        const char *b = nullptr;
        const char *e = nullptr;
        if (!shape.bytes(&b, &e))
            return false;
        Wire dim(b, e);
        qint64 value = -1;
        quint32 f = 0;
        quint32 t = 0;
        while (dim.next(&f, &t)) {
            if (f == 1 && t == 0) {
                quint64 v = 0;
                if (!dim.varint(&v))
                    return false;
                value = qint64(v);
            } else if (!dim.skip(t)) {
                return false;
            }
        }
        dims.append(value);
    }
    return !shape.failed();
}

bool parseValueInfo(const char *begin, const char *end, OnnxModelInfo::Tensor &tensor)
{
    // ValueInfoProto { string name = 1; TypeProto type = 2; }
    // TypeProto { Tensor tensor_type = 1; }  Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
    tensor.name = nameOf(begin, end, 1);
    Wire info(begin, end);
    quint32 field = 0;
    quint32 type = 0;
    while (info.next(&field, &type)) {
        const char *b = nullptr;
        const char *e = nullptr;
        if (field == 2 && type == 2) {
            if (!info.bytes(&b, &e))
                return false;
            Wire typeProto(b, e);
            quint32 f = 0;
            quint32 t = 0;
            while (typeProto.next(&f, &t)) {
                const char *tb = nullptr;
                const char *te = nullptr;
                if (f == 1 && t == 2) {
                    if (!typeProto.bytes(&tb, &te))
                        return false;
                    Wire tensorType(tb, te);
                    quint32 f2 = 0;
                    quint32 t2 = 0;
                    while (tensorType.next(&f2, &t2)) {
                        const char *sb = nullptr;
                        const char *se = nullptr;
                        if (f2 == 2 && t2 == 2) {
                            if (!tensorType.bytes(&sb, &se) || !parseDims(sb, se, tensor.dims))
                                return false;
                        } else if (!tensorType.skip(t2)) {
                            return false;
                        }
                    }
                } else if (!typeProto.skip(t)) {
                    return false;
                }
            }
        } else if (!info.skip(type)) {
            return false;
        }
    }
    return !info.failed();
}

} // namespace

Result<OnnxModelInfo> OnnxModelInfo::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString()));
    auto info = parse(file.readAll());
    if (!info)
        return Error::badInput(QStringLiteral("%1: %2").arg(path, info.error().message()));
    return info;
}

Result<OnnxModelInfo> OnnxModelInfo::parse(const QByteArray &model)
{
    const Error notOnnx = Error::badInput(QStringLiteral("not an ONNX model"));
    Wire top(model.constData(), model.constData() + model.size());
    quint32 field = 0;
    quint32 type = 0;
    const char *graphBegin = nullptr;
    const char *graphEnd = nullptr;
    while (top.next(&field, &type)) {
        if (field == 7 && type == 2) { // ModelProto.graph
            if (!top.bytes(&graphBegin, &graphEnd))
                return notOnnx;
        } else if (!top.skip(type)) {
            return notOnnx;
        }
    }
    if (top.failed() || !graphBegin)
        return notOnnx;

    OnnxModelInfo info;
    QSet<QString> initialisers;
    QList<Tensor> inputs;
    Wire graph(graphBegin, graphEnd);
    while (graph.next(&field, &type)) {
        const char *b = nullptr;
        const char *e = nullptr;
        if (type != 2) {
            if (!graph.skip(type))
                return notOnnx;
            continue;
        }
        if (!graph.bytes(&b, &e))
            return notOnnx;
        if (field == 5) { // initializer: TensorProto, name = 8
            initialisers.insert(nameOf(b, e, 8));
        } else if (field == 11 || field == 12) { // input / output: ValueInfoProto
            Tensor tensor;
            if (!parseValueInfo(b, e, tensor))
                return notOnnx;
            (field == 11 ? inputs : info.outputs).append(tensor);
        }
    }
    if (graph.failed())
        return notOnnx;
    for (const Tensor &t : std::as_const(inputs)) {
        if (!initialisers.contains(t.name))
            info.inputs.append(t);
    }
    if (info.inputs.isEmpty() || info.outputs.isEmpty())
        return Error::badInput(QStringLiteral("the ONNX graph declares no inputs or outputs"));
    return info;
}

QString OnnxModelInfo::shapeText(const Tensor &tensor)
{
    QStringList parts;
    for (const qint64 d : tensor.dims)
        parts << (d < 0 ? QStringLiteral("N") : QString::number(d));
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

} // namespace rollcall
