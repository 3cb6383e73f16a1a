#pragma once

#include "common/Error.h"

#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace rollcall {

class ModelRegistry;

// What every command gets: output streams and lazily created core services.
class CliContext
{
public:
    CliContext(QTextStream &out, QTextStream &err);
    ~CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    ModelRegistry &models();

    // Prints "rollcall-cli: <message>" on stderr and returns the exit code.
    int fail(const Error &error);
    int usage(const QString &message);
    // Prints compact JSON on stdout.
    void printJson(const QJsonObject &object);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<ModelRegistry> m_models;
};

} // namespace rollcall
