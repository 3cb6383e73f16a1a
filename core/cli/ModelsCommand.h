#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli models [list] [--json]: every known model with its file and checksum state.
// rollcall-cli models fetch [--base-url URL]: downloads the missing required models.
// rollcall-cli models import FILE…: installs model files recognised by their checksum.
// rollcall-cli models add FILE.onnx [--descriptor FILE.json] [--json]: installs a user-supplied
// embedding model (EmbeddingModelInstaller).
class ModelsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("models"); }
    QString summary() const override { return QStringLiteral("List known models and check their files."); }
    int run(CliContext &context, const QStringList &args) override;

private:
    static int fetch(CliContext &context, const QString &baseUrl);
    static int importFiles(CliContext &context, const QStringList &paths);
    static int addModel(CliContext &context, const QString &path, const QString &descriptorPath, bool json);
};

} // namespace rollcall
