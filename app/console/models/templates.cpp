// SPDX-License-Identifier: Apache-2.0
#include "templates.h"

#include "yaml/yamlparser.h"

namespace Airgate::Console {

Yaml::NodePtr newResource(Kind kind, const QString &ns, const QString &name)
{
    const KindInfo *info = kindInfo(kind);
    QByteArray spec;
    switch (kind) {
    case Kind::API:
        spec = "spec:\n  title: " + name.toUtf8() + "\n";
        break;
    case Kind::APIVersion:
        spec = "spec:\n  release: 1.0.0\n";
        break;
    case Kind::APIBundle:
        spec = "spec:\n  apis: []\n";
        break;
    case Kind::APIAuth:
        spec = "spec:\n  isDefault: true\n  apiKey: {}\n";
        break;
    case Kind::APIPortal:
        spec = "spec:\n  title: " + name.toUtf8()
            + "\n  trustedUrls:\n  - https://portal.example.com\n";
        break;
    case Kind::APIPortalAuth:
        spec = "spec:\n  oidc:\n    issuerUrl: https://idp.example.com/\n    secretName: "
            + name.toUtf8() + "-oidc\n    claims:\n      groups: groups\n";
        break;
    case Kind::APIPlan:
        spec = "spec:\n  title: " + name.toUtf8()
            + "\n  rateLimit:\n    limit: 100\n    period: 1s\n";
        break;
    case Kind::APICatalogItem:
        spec = "spec:\n  everyone: true\n";
        break;
    case Kind::ManagedApplication:
        spec = "spec:\n  appId: " + name.toUtf8() + "\n  owner: owner\n";
        break;
    case Kind::ManagedSubscription:
        spec = "spec:\n  apiPlan:\n    name: \"\"\n";
        break;
    case Kind::APIRateLimit:
        spec = "spec:\n  everyone: true\n  limit: 100\n  period: 1s\n";
        break;
    case Kind::IngressRoute:
        spec = "spec:\n  entryPoints:\n  - web\n  routes:\n  - match: Host(`" + name.toUtf8()
            + ".example.com`)\n    kind: Rule\n    services:\n"
              "    - name: "
            + name.toUtf8() + "\n      port: 80\n";
        break;
    case Kind::Middleware:
        spec = "spec:\n  stripPrefix:\n    prefixes:\n    - /" + name.toUtf8() + "\n";
        break;
    case Kind::Secret:
        spec = "type: Opaque\nstringData: {}\n";
        break;
    case Kind::ConfigMap:
        spec = "data: {}\n";
        break;
    case Kind::Service:
        spec = "spec:\n  ports:\n  - port: 80\n";
        break;
    case Kind::Unknown:
        break;
    }
    const QByteArray text = "apiVersion: " + QByteArray(info ? info->apiVersion : "v1")
        + "\nkind: " + QByteArray(info ? info->name : "ConfigMap")
        + "\nmetadata:\n  name: " + name.toUtf8() + "\n  namespace: " + ns.toUtf8() + "\n" + spec;
    std::vector<Yaml::Problem> problems;
    return Yaml::parseSingleDocument(
        std::string_view(text.constData(), static_cast<size_t>(text.size())), problems);
}

QString layoutFolder(Kind kind)
{
    switch (kind) {
    case Kind::APIPlan:
    case Kind::APICatalogItem:
    case Kind::APIRateLimit:
        return QStringLiteral("plans");
    case Kind::APIAuth:
        return QStringLiteral("auth");
    case Kind::APIPortal:
    case Kind::APIPortalAuth:
        return QStringLiteral("portal");
    case Kind::ManagedApplication:
    case Kind::ManagedSubscription:
    case Kind::Secret:
        return QStringLiteral("consumers");
    case Kind::ConfigMap:
        return QStringLiteral("config");
    default:
        return QStringLiteral("apis");
    }
}

QString defaultFileFor(Kind kind, const QString &name, const QString &existingFile)
{
    QString folder = layoutFolder(kind);
    if (!existingFile.isEmpty()) {
        const qsizetype slash = existingFile.lastIndexOf(u'/');
        folder = slash > 0 ? existingFile.left(slash) : QString();
    }
    return (folder.isEmpty() ? QString() : folder + u'/') + name + QStringLiteral(".yaml");
}

} // namespace Airgate::Console
