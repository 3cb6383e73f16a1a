#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rollcall {

// The declared inputs and outputs of an ONNX model, read straight from its
// protobuf (no ONNX runtime needed), so `rollcall-cli models add` can recognise
// a Facenet512 export by its input shape.
class OnnxModelInfo
{
public:
    struct Tensor
    {
        QString name;
        QList<qint64> dims; // -1 for a symbolic dimension (e.g. the batch "N")
    };

    static Result<OnnxModelInfo> read(const QString &path);
    static Result<OnnxModelInfo> parse(const QByteArray &model);

    // Graph inputs that are not initialisers (older exports list weights as inputs too).
    QList<Tensor> inputs;
    QList<Tensor> outputs;

    // "[N,160,160,3]"
    static QString shapeText(const Tensor &tensor);
};

} // namespace rollcall
