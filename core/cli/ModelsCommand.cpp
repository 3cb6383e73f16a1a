#include "cli/ModelsCommand.h"

#include "cli/CliContext.h"
#include "models/ModelRegistry.h"
#include "vision/ComputeDevice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace rollcall {

int ModelsCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("Optional: list (default)."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    const QStringList rest = parser.positionalArguments();
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

} // namespace rollcall
