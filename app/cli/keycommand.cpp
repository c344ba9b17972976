// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"

#include "keys/apikey.h"
#include "model/specs.h"
#include "model/workspace.h"

#include <QFile>

#include <cstdio>

namespace Airgate::Cli {

namespace {

int keyHash(const QStringList &pos)
{
    QByteArray key;
    if (pos.size() > 1) {
        err() << "airgatectl key hash: give one key, or none to read it from stdin\n";
        return ExitUsage;
    }
    if (pos.size() == 1) {
        key = pos.first().toUtf8();
    } else {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            err() << "airgatectl key hash: cannot read stdin\n";
            return ExitUsage;
        }
        key = in.readAll();
        // `echo KEY | airgatectl key hash` must hash the same as `echo -n KEY`.
        if (key.endsWith("\r\n"))
            key.chop(2);
        else if (key.endsWith('\n'))
            key.chop(1);
    }
    if (key.isEmpty()) {
        err() << "airgatectl key hash: the key is empty\n";
        return ExitUsage;
    }
    out() << QString::fromLatin1(Keys::secretDataValue(key)) << '\n';
    return ExitOk;
}

QString freeSecretName(const Workspace &ws, const QString &ns, const QString &app)
{
    QString base = app + QStringLiteral("-key");
    if (base.size() > 240)
        base = base.left(240);
    if (!ws.find(Kind::Secret, ns, base))
        return base;
    for (int i = 2;; ++i) {
        const QString n = base + u'-' + QString::number(i);
        if (!ws.find(Kind::Secret, ns, n))
            return n;
    }
}

int keyNew(Args &args)
{
    const auto path = args.take(QStringLiteral("--path"));
    const auto ns = args.take(QStringLiteral("--namespace"), QStringLiteral("-n"));
    const auto appName = args.take(QStringLiteral("--app"));
    const QString title = args.take(QStringLiteral("--title")).value_or(QString());
    if (auto e = args.error()) {
        err() << "airgatectl key new: " << *e << '\n';
        return ExitUsage;
    }
    if (auto u = args.unknownOption()) {
        err() << "airgatectl key new: unknown option " << *u << '\n';
        return ExitUsage;
    }
    if (!path || !ns || !appName) {
        err() << "airgatectl key new: --path DIR, -n NAMESPACE and --app APP are required\n";
        return ExitUsage;
    }
    auto loaded = Workspace::load(*path);
    if (!loaded) {
        err() << "airgatectl key new: " << loaded.error().message << '\n';
        return ExitUsage;
    }
    Workspace ws = std::move(loaded).value();
    const Resource *app = ws.find(Kind::ManagedApplication, *ns, *appName);
    if (!app) {
        err() << "airgatectl key new: no ManagedApplication \"" << *appName << "\" in namespace \""
              << *ns << "\"\n";
        return ExitUsage;
    }
    const QByteArray key = Keys::generateKey();
    if (key.isEmpty()) {
        err() << "airgatectl key new: the system random generator failed\n";
        return ExitUsage;
    }
    const QString secretName = freeSecretName(ws, *ns, *appName);
    const QString file = app->source.file;

    // The application gets a new apiKeys entry referencing the Secret.
    Yaml::NodePtr appNode = app->node->clone();
    Yaml::NodePtr spec = appNode->getPtr("spec");
    if (!spec || !spec->isMap()) {
        spec = Yaml::Node::makeMap();
        appNode->set("spec", spec);
    }
    Yaml::NodePtr keys = spec->getPtr("apiKeys");
    if (!keys || !keys->isSequence()) {
        keys = Yaml::Node::makeSequence();
        spec->set("apiKeys", keys);
    }
    auto entry = Yaml::Node::makeMap();
    entry->set("secretName", Yaml::Node::makeString(secretName.toStdString()));
    if (!title.isEmpty())
        entry->set("title", Yaml::Node::makeString(title.toStdString()));
    keys->items.push_back(entry);
    ws.replaceResource(*app, appNode);

    auto secret = Yaml::Node::makeMap();
    secret->set("apiVersion", Yaml::Node::makeString("v1"));
    secret->set("kind", Yaml::Node::makeString("Secret"));
    auto meta = Yaml::Node::makeMap();
    meta->set("name", Yaml::Node::makeString(secretName.toStdString()));
    meta->set("namespace", Yaml::Node::makeString(ns->toStdString()));
    secret->set("metadata", meta);
    secret->set("type", Yaml::Node::makeString("Opaque"));
    auto data = Yaml::Node::makeMap();
    data->set("key", Yaml::Node::makeString(Keys::secretDataValue(key).toStdString()));
    secret->set("data", data);
    ws.addDocument(file, secret);

    const Status st = ws.save();
    if (!st) {
        err() << "airgatectl key new: " << st.error().message << '\n';
        return ExitUsage;
    }
    // The key goes to stdout alone so scripts can capture it; it is never stored anywhere.
    out() << QString::fromLatin1(key) << '\n';
    out().flush();
    err() << "new API key for " << *ns << '/' << *appName << ": digest stored in Secret "
          << secretName << " (" << file << "); the key above is shown once and not saved\n";
    return ExitOk;
}

} // namespace

int keyCommand(Args &args)
{
    const QStringList pos = args.positionals();
    const QString sub = pos.value(0);
    if (sub == QLatin1StringView("hash")) {
        if (auto u = args.unknownOption()) {
            err() << "airgatectl key hash: unknown option " << *u << '\n';
            return ExitUsage;
        }
        return keyHash(pos.mid(1));
    }
    if (sub == QLatin1StringView("new"))
        return keyNew(args);
    err() << "usage: airgatectl key hash [KEY] | key new --path DIR -n NS --app APP [--title T]\n";
    return ExitUsage;
}

} // namespace Airgate::Cli
