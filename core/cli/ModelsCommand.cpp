#include "cli/ModelsCommand.h"

#include "cli/CliContext.h"
#include "models/ModelDownloader.h"
#include "models/ModelImporter.h"
#include "models/ModelRegistry.h"
#include "vision/ComputeDevice.h"
#include "vision/embedding/EmbeddingModelInstaller.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

namespace rollcall {

int ModelsCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    const QCommandLineOption baseUrl(QStringLiteral("base-url"),
                                     QStringLiteral("fetch: URL or folder holding the model files (default: "
                                                    "ROLLCALL_MODEL_BASE_URL, the setting, the system "
                                                    "configuration, else each model's own URL)."),
                                     QStringLiteral("URL"));
    const QCommandLineOption descriptor(QStringLiteral("descriptor"),
                                        QStringLiteral("add: the model's descriptor (not needed for the two common "
                                                       "Facenet512 exports)."),
                                        QStringLiteral("FILE.json"));
    parser.addOptions({ json, baseUrl, descriptor });
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QStringLiteral("list (default); fetch: download the missing required models; "
                       "import FILE…: install model files you already have; add FILE.onnx: install "
                       "a user-supplied embedding model."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    const QStringList rest = parser.positionalArguments();
    if (!rest.isEmpty() && rest.first() == QLatin1String("fetch"))
        return fetch(context, parser.isSet(baseUrl) ? parser.value(baseUrl) : ModelDownloader::configuredBaseUrl());
    if (!rest.isEmpty() && rest.first() == QLatin1String("import"))
        return importFiles(context, rest.mid(1));
    if (!rest.isEmpty() && rest.first() == QLatin1String("add")) {
        if (rest.size() != 2)
            return context.usage(QStringLiteral("models add needs exactly one FILE.onnx"));
        return addModel(context, rest.at(1), parser.value(descriptor), parser.isSet(json));
    }
    if (!rest.isEmpty() && rest.first() != QLatin1String("list"))
        return context.usage(QStringLiteral("unknown models action \"%1\"").arg(rest.first()));

    ModelRegistry &registry = context.models();
    const QString device = ComputeDevice::current().name();
    QJsonArray models;
    bool allRequiredOk = true;
    for (const ModelDescriptor &d : registry.descriptors()) {
        const auto state = registry.verify(d);
        if (d.required && state != ModelRegistry::FileState::Ok)
            allRequiredOk = false;
        QJsonObject o;
        o.insert(QStringLiteral("id"), d.id);
        o.insert(QStringLiteral("name"), d.name);
        o.insert(QStringLiteral("role"), d.role);
        o.insert(QStringLiteral("file"), registry.filePath(d));
        o.insert(QStringLiteral("sha256"), d.sha256);
        o.insert(QStringLiteral("state"), ModelRegistry::stateName(state));
        o.insert(QStringLiteral("required"), d.required);
        o.insert(QStringLiteral("device"), device);
        if (d.raw.contains(QLatin1String("output_size")))
            o.insert(QStringLiteral("embedding_size"), d.raw.value(QLatin1String("output_size")));
        if (d.raw.contains(QLatin1String("layout")))
            o.insert(QStringLiteral("layout"), d.raw.value(QLatin1String("layout")));
        models.append(o);
    }
    if (parser.isSet(json)) {
        QJsonObject root;
        root.insert(QStringLiteral("models_dir"), registry.modelsDir());
        root.insert(QStringLiteral("models"), models);
        context.printJson(root);
    } else {
        context.out() << "Models folder: " << registry.modelsDir() << '\n';
        for (const auto &value : std::as_const(models)) {
            const QJsonObject o = value.toObject();
            context.out() << QStringLiteral("%1  %2  %3  %4\n")
                                 .arg(o.value(QLatin1String("id")).toString().leftJustified(18),
                                      o.value(QLatin1String("state")).toString().leftJustified(17),
                                      o.value(QLatin1String("role")).toString().leftJustified(10),
                                      o.value(QLatin1String("file")).toString());
        }
    }
    return allRequiredOk ? 0 : 4;
}

int ModelsCommand::fetch(CliContext &context, const QString &baseUrl)
{
    ModelRegistry &registry = context.models();
    QList<ModelDescriptor> missing;
    for (const ModelDescriptor &d : registry.descriptors()) {
        const auto state = registry.verify(d);
        if (d.required && state != ModelRegistry::FileState::Ok && state != ModelRegistry::FileState::Unpinned)
            missing.append(d);
    }
    if (missing.isEmpty()) {
        context.out() << "All required models are installed in " << registry.modelsDir() << '\n';
        return 0;
    }
    ModelDownloader downloader(registry.modelsDir());
    downloader.setBaseUrl(baseUrl);
    QEventLoop loop;
    bool ok = false;
    QObject::connect(
        &downloader, &ModelDownloader::fileStarted, &loop, [&context](int index, int count, const QString &name) {
            context.err() << QStringLiteral("fetching %1/%2: %3").arg(index + 1).arg(count).arg(name) << Qt::endl;
        });
    QObject::connect(
        &downloader, &ModelDownloader::fileInstalled, &loop,
        [&context](const QString &, const QString &path) { context.out() << "installed " << path << '\n'; });
    QObject::connect(&downloader, &ModelDownloader::finished, &loop, [&] {
        ok = true;
        loop.quit();
    });
    QObject::connect(&downloader, &ModelDownloader::failed, &loop, &QEventLoop::quit);
    downloader.start(missing);
    loop.exec();
    return ok ? 0 : context.fail(downloader.lastError());
}

int ModelsCommand::importFiles(CliContext &context, const QStringList &paths)
{
    if (paths.isEmpty())
        return context.usage(QStringLiteral("models import needs one or more files"));
    ModelRegistry &registry = context.models();
    int exitCode = 0;
    for (const QString &path : paths) {
        const auto imported = ModelImporter::importFile(path, registry.descriptors(), registry.modelsDir());
        if (imported.ok()) {
            context.out() << "installed " << registry.filePath(imported.value()) << '\n';
        } else {
            const int code = context.fail(imported.error());
            exitCode = exitCode == 0 ? code : exitCode;
        }
    }
    return exitCode;
}

int ModelsCommand::addModel(CliContext &context, const QString &path, const QString &descriptorPath, bool json)
{
    const auto installed = EmbeddingModelInstaller::install(path, descriptorPath, context.models().modelsDir());
    if (!installed)
        return context.fail(installed.error());
    const ModelDescriptor &d = installed->descriptor;
    if (json) {
        context.printJson(
            { { QStringLiteral("model"),
                QJsonObject { { QStringLiteral("id"), d.id },
                              { QStringLiteral("name"), d.name },
                              { QStringLiteral("file"), installed->path },
                              { QStringLiteral("sha256"), d.sha256 },
                              { QStringLiteral("input"), installed->inputShape },
                              { QStringLiteral("layout"), d.raw.value(QLatin1String("layout")) },
                              { QStringLiteral("embedding_size"), d.raw.value(QLatin1String("output_size")) } } } });
    } else {
        context.out() << "installed " << d.id << " (" << d.name << ", input " << installed->inputShape << ") as "
                      << installed->path << "\nsha256 " << d.sha256 << '\n';
    }
    return 0;
}

} // namespace rollcall
